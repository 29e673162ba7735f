"""Using Material's search box as a reader does."""

from __future__ import annotations

import json
import re
import time
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from ..helpers import PROJECT_ROOT

# A reader looks at the first few results; the expected page must be among them.
TOP_RESULTS = 3
# Pages a served search lists before the reader asks for more, and adds at each "Show more".
FIRST_LISTED = int(re.search(r"var PAGES_SHOWN = (\d+);",
                             (PROJECT_ROOT / "docs/assets/search-pagefind-worker.js").read_text(encoding="utf-8"))[1])


def search(page, query: str) -> None:
    """Type ``query`` into the search box, key by key, and wait for results."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():   # narrow screens hide the box behind an icon
        page.click("label.md-header__button[for='__search']")
    box.click()
    box.press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item")


def more_button(page, query: str):
    """The "Show more" button once it asks for more of ``query`` itself: results
    follow each key, and a button shown for the first letters asks for theirs."""
    more = page.locator("button.dossier-search-more")
    page.locator(f"button.dossier-search-more[data-query={json.dumps(query)}]").wait_for(state="visible", timeout=20_000)
    return more


def result_pages(page, base_url: str) -> list[str]:
    """Site paths of the documents found, best first (sections of a page are not counted)."""
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)")
    return _site_paths(hrefs, base_url)


def _site_paths(hrefs: list[str], base_url: str) -> list[str]:
    paths = []
    base = urlsplit(base_url).path
    for href in hrefs:
        path = urlsplit(href).path
        assert path.startswith(base), f"a result outside the site: {href}"
        path = path[len(base):]
        if path not in paths:
            paths.append(path)
    return paths


# The links of the results shown once ``expected`` is among the first ``top``
# pages (any results when it is null), and, for a query to be ``forgiven``,
# once the note saying it was corrected shows; else null. Read in the same
# step as it is checked: the index may answer a few keys behind the typing
# ("Mod" lists Modi's page while "Moddi" is still to be answered, with
# nothing), and Material empties the list before it shows the next answer.
_RESULTS_WITH = """([base, expected, top, forgiven]) => {
    const hrefs = [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]
      .map(a => a.href);
    const pages = hrefs.map(h => new URL(h).pathname).filter((p, i, all) => all.indexOf(p) === i);
    const note = document.querySelector('.dossier-search-note');
    const done = pages.slice(0, top).includes(new URL(expected, base).pathname)
                 && (!forgiven || (note !== null && !note.hidden));
    return expected === null || done ? hrefs : null;
}"""


def wait_for_result(page, base_url: str, expected: str, timeout_ms: int = 10_000, *,
                    top: int = TOP_RESULTS, forgiven: bool = False) -> list[str]:
    """Wait until ``expected`` is among the ``top`` results (results follow
    each key press, so the first ones shown may be for part of the query) and,
    if the query must be ``forgiven``, its note shows; return the results
    shown then, or at the end if that never comes."""
    try:
        hrefs = page.wait_for_function(_RESULTS_WITH, arg=[base_url, expected, top, forgiven],
                                       timeout=timeout_ms).json_value()
    except PlaywrightTimeoutError:
        hrefs = page.evaluate(_RESULTS_WITH, [base_url, None, top, False])
    return _site_paths(hrefs, base_url)


def every_result(page, base_url: str, timeout_ms: int = 10_000) -> list[str]:
    """Site paths of every document found, best first: Material lists the
    results after the tenth as the list scrolls to its end, and a served
    search lists its first pages until the reader asks for more ("Show more")."""
    deadline = time.monotonic() + timeout_ms / 1000
    before = None
    while time.monotonic() < deadline:
        # Material adds results when the list comes to its end, as a reader's scrolling does: from above it.
        page.eval_on_selector(".md-search__scrollwrap",
                              "wrap => wrap.scrollTo(0, wrap.scrollHeight - wrap.clientHeight - 200)")
        page.wait_for_timeout(50)
        page.eval_on_selector(".md-search__scrollwrap", "wrap => wrap.scrollTo(0, wrap.scrollHeight)")
        page.wait_for_timeout(150)
        more = page.locator("button.dossier-search-more")
        if more.count() and more.is_visible() and more.is_enabled():
            more.click()
            page.wait_for_timeout(150)
            continue
        found = result_pages(page, base_url)
        if found == before:
            return found
        before = found
    raise AssertionError(f"the list of results kept growing: {before}")
