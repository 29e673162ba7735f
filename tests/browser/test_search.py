"""Search finds a reader's words, over HTTP and in the offline copy read
from disk (file://). Served pages search the index in pieces that the build
writes with Pagefind (docs/assets/search-pagefind-worker.js answers
Material's search box); from disk, Material's own worker searches the whole
index, and runs through the project's own shim (docs/assets/iframe-worker-local.js)."""

from __future__ import annotations

import pytest

from build_scripts.rules.check import load_and_check

from ..helpers import PROJECT_ROOT
from .search import TOP_RESULTS, search, wait_for_result

# A reader's query -> the page they are after.
READER_QUERIES = {
    "Bolton": "actors/john-bolton.html",
    "S-400": "topics/s400-deal.html",
    "CAATSA": "topics/caatsa-sanctions.html",
    "sanctions act": "topics/caatsa-sanctions.html",
    "Zarif": "actors/mohammad-javad-zarif.html",
    "Kpler": "actors/kpler.html",
    "1955 treaty": "topics/icj-ruling-1955-treaty.html",
    "Modi": "actors/narendra-modi.html",
}


def test_the_expected_pages_are_records_of_the_dossier():
    content = load_and_check(PROJECT_ROOT).content
    records = {f"actors/{i}.html" for i in content.actors} | {f"topics/{i}.html" for i in content.topics}
    assert set(READER_QUERIES.values()) <= records


@pytest.mark.parametrize("query", READER_QUERIES)
def test_search_over_http_finds_the_page(watched, site_url, query):
    page = watched.new_page()
    page.goto(site_url + "index.html")
    search(page, query)
    found = wait_for_result(page, site_url, READER_QUERIES[query])
    assert READER_QUERIES[query] in found[:TOP_RESULTS], f"{query!r} found {found}"


@pytest.mark.parametrize("query", READER_QUERIES)
def test_search_from_disk_finds_the_page(watched, offline_url, query):
    page = watched.new_page()
    page.goto(offline_url + "index.html")
    search(page, query)
    found = wait_for_result(page, offline_url, READER_QUERIES[query])
    assert READER_QUERIES[query] in found[:TOP_RESULTS], f"{query!r} found {found}"
    # Results link to pages on disk, which open.
    page.click(".md-search-result__item > a.md-search-result__link >> nth=0")
    page.wait_for_selector("article.md-content__inner h1")
    assert page.url.startswith(offline_url)


def _requests_of(page, base_url: str) -> list[str]:
    """Site paths of the page's requests from now on (its worker's too)."""
    requests = []
    page.on("request", lambda request: requests.append(request.url[len(base_url):])
            if request.url.startswith(base_url) else None)
    return requests


def test_a_served_page_searches_the_index_in_pieces(watched, site_url):
    """Served over HTTP, a page loads no part of the search index but its
    settings (search/search_index.json, without its pages); the reader's
    search fetches Pagefind's pieces (pagefind/), never the whole index."""
    page = watched.new_page()
    requests = _requests_of(page, site_url)
    page.goto(site_url + "index.html", wait_until="load")
    page.wait_for_timeout(1000)
    assert not [path for path in requests if path.startswith("pagefind/")], requests
    assert "search/search_index.js" not in requests
    search(page, "Bolton")
    found = wait_for_result(page, site_url, READER_QUERIES["Bolton"])
    assert READER_QUERIES["Bolton"] in found[:TOP_RESULTS], found
    pieces = [path for path in requests if path.startswith("pagefind/")]
    assert [path for path in pieces if path.startswith("pagefind/index/")], pieces
    assert [path for path in pieces if path.startswith("pagefind/fragment/")], pieces
    assert "search/search_index.js" not in requests


def test_the_served_search_index_holds_its_settings_alone(built_site):
    """What Material's bundle still fetches on every served page: the index's
    settings (for the highlighting on a result's page), not its pages, which
    pages opened from disk read from search/search_index.js."""
    import json

    served = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert served["docs"] == [] and served["config"]["separator"]
    whole = (built_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert whole.startswith("var __index = ") and '"location":"actors/john-bolton.html"' in whole


def test_search_starts_loading_when_the_search_box_gets_the_focus(watched, site_url):
    """Pagefind loads while the reader types, not before: the focus on the
    search box starts it (docs/assets/search-pagefind.js tells the worker)."""
    page = watched.new_page()
    requests = _requests_of(page, site_url)
    page.goto(site_url + "index.html", wait_until="load")
    page.wait_for_timeout(500)
    assert "pagefind/pagefind.js" not in requests
    page.locator("input.md-search__input").click()
    page.wait_for_timeout(1000)
    assert "pagefind/pagefind.js" in requests
    assert [path for path in requests if path.startswith("pagefind/wasm.")], requests


def test_a_page_opened_from_a_search_result_highlights_the_words_at_once(watched, site_url):
    """Material highlights a result's words on the page it opens (the "h="
    in its address) with the index's settings: such a page asks for the index
    as it loads."""
    page = watched.new_page()
    page.goto(site_url + "actors/john-bolton.html?h=Bolton")
    page.wait_for_selector("article mark", timeout=10_000)
    assert "bolton" in page.inner_text("article mark").casefold()
