"""The site Zensical builds (`make site-zensical`), in a real browser: the
reader's queries find their pages over HTTP and from disk, nothing is loaded
from outside, and axe finds no violations on any kind of page.

Zensical's search box lives in a shadow root (Playwright's selectors reach
into it); its results link to pages with a ``?h=`` highlight query."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from build_scripts.renderers.offline_zip import SERVER_ONLY_FILES

from .page_kinds import PAGE_OF_EACH_KIND
from .search import TOP_RESULTS
from .test_accessibility import _violations
from .test_search import READER_QUERIES

RESULT_LINKS = "[id$='-results'] a[href]"


def _search(page, query: str) -> None:
    page.click("button.md-search__button")
    box = page.locator("input[aria-label='Search']")
    box.press_sequentially(query, delay=20)


def _result_pages(page, base_url: str) -> list[str]:
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")
    base = urlsplit(base_url).path
    paths = []
    for href in hrefs:
        path = urlsplit(href).path
        assert path.startswith(base), f"a result outside the site: {href}"
        if path[len(base):] not in paths:
            paths.append(path[len(base):])
    return paths


def _found(page, base_url: str, expected: str) -> list[str]:
    """The result pages once ``expected`` is among the top ones (or after 10 s)."""
    try:
        page.locator(RESULT_LINKS).first.wait_for(timeout=10_000)
        for _ in range(50):
            found = _result_pages(page, base_url)
            if expected in found[:TOP_RESULTS]:
                return found
            page.wait_for_timeout(200)
    except PlaywrightTimeoutError:
        pass
    return _result_pages(page, base_url)


@pytest.mark.parametrize("served", ["over HTTP", "from disk"])
@pytest.mark.parametrize("query", READER_QUERIES)
def test_zensical_search_finds_the_page(zensical_watched, request, served, query):
    base_url = request.getfixturevalue("zensical_url" if served == "over HTTP" else "zensical_offline_url")
    page = zensical_watched.new_page()
    page.goto(base_url + "index.html")
    _search(page, query)
    found = _found(page, base_url, READER_QUERIES[query])
    assert READER_QUERIES[query] in found[:TOP_RESULTS], f"{query!r} {served} found {found}"


@pytest.mark.parametrize("kind", PAGE_OF_EACH_KIND)
def test_zensical_pages_load_nothing_from_outside_and_pass_axe(zensical_watched, zensical_url, kind):
    page = zensical_watched.new_page()
    page.goto(zensical_url + PAGE_OF_EACH_KIND[kind], wait_until="networkidle")
    page.wait_for_selector("article.md-content__inner")
    assert any(url.endswith(".css") for url in zensical_watched.requests)
    zensical_watched.assert_clean()
    violations = _violations(page)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("kind", [k for k, path in PAGE_OF_EACH_KIND.items() if path not in SERVER_ONLY_FILES])
def test_zensical_offline_pages_load_nothing_from_outside(zensical_watched, zensical_offline_url, kind):
    page = zensical_watched.new_page()
    page.goto(zensical_offline_url + PAGE_OF_EACH_KIND[kind], wait_until="networkidle")
    page.wait_for_selector("article.md-content__inner")
    assert page.url.startswith("file://")
    zensical_watched.assert_clean()
