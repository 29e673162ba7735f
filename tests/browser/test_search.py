"""Search finds a reader's words, over HTTP and in the offline copy read
from disk (file://) or served. Served pages search the index in pieces that the build
writes with Pagefind (docs/assets/search-pagefind-worker.js answers
Material's search box); from disk, Material's own worker searches the whole
index, and runs through the project's own shim (docs/assets/iframe-worker-local.js)."""

from __future__ import annotations

import pytest

from build_scripts.rules.check import load_and_check

from ..helpers import PROJECT_ROOT
from .search import FIRST_LISTED, TOP_RESULTS, every_result, more_button, result_pages, search, wait_for_result

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


def _search_from_home_page(guard, base_url: str, query: str):
    """Type ``query`` on the home page at ``base_url``; its expected page must be in the top results."""
    page = guard.new_page()
    page.goto(base_url + "index.html")
    search(page, query)
    found = wait_for_result(page, base_url, READER_QUERIES[query])
    assert READER_QUERIES[query] in found[:TOP_RESULTS], f"{query!r} found {found}"
    return page


@pytest.mark.parametrize("query", READER_QUERIES)
def test_search_over_http_finds_the_page(watched, site_url, query):
    _search_from_home_page(watched, site_url, query)


@pytest.mark.parametrize("query", READER_QUERIES)
def test_search_from_disk_finds_the_page(watched, offline_url, query):
    page = _search_from_home_page(watched, offline_url, query)
    # Results link to pages on disk, which open.
    page.click(".md-search-result__item > a.md-search-result__link >> nth=0")
    page.wait_for_selector("article.md-content__inner h1")
    assert page.url.startswith(offline_url)


@pytest.mark.parametrize("query", ["Bolton", "CAATSA"])
def test_the_offline_copy_served_over_http_finds_the_page(watch, offline_served_url, query):
    """A reader who serves the unzipped copy (it holds no index in pieces) searches the whole index."""
    _search_from_home_page(watch(offline_served_url), offline_served_url, query)


def test_a_served_search_lists_every_page_the_whole_index_finds(watched, site_url, offline_url):
    """Served, the search fetches the first six pages found (each costs its
    text on a slow line) and a button under them lists the others, six at a
    time, after them: in the end the same pages as Material's own search of
    the whole index, which lists them all at once; the keyboard goes on from
    the first page added."""
    query = "CAATSA"
    from_disk = watched.new_page()
    from_disk.goto(offline_url + "index.html")
    search(from_disk, query)
    wait_for_result(from_disk, offline_url, READER_QUERIES[query])
    whole_index_finds = every_result(from_disk, offline_url)
    assert len(whole_index_finds) > 2 * FIRST_LISTED, "the query must need the button twice"

    served = watched.new_page()
    served.goto(site_url + "index.html")
    search(served, query)
    wait_for_result(served, site_url, READER_QUERIES[query])
    first = result_pages(served, site_url)
    assert len(first) == FIRST_LISTED
    more = more_button(served, query)
    left = len(whole_index_finds) - FIRST_LISTED
    assert more.inner_text() == f"Show more results ({left} more pages found)"
    more.click()
    served.wait_for_function(f"() => document.querySelectorAll('.md-search-result__item').length > {FIRST_LISTED}")
    served.wait_for_function(
        "() => document.activeElement.closest('.md-search-result__item') === "
        f"document.querySelectorAll('.md-search-result__item')[{FIRST_LISTED}]")
    assert more.inner_text() == f"Show more results ({left - FIRST_LISTED} more pages found)"
    listed = every_result(served, site_url)
    assert listed[:FIRST_LISTED] == first, "the pages shown first stay where they were"
    assert sorted(listed) == sorted(whole_index_finds)
    assert more.is_hidden()


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
    assert not [path for path in requests if path.startswith(("pagefind/index/", "pagefind/fragment/"))], requests
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


def test_pagefind_loads_once_the_page_is_idle_and_the_index_only_with_words(watched, site_url):
    """Pagefind itself (its script and WebAssembly) loads once the served page
    is idle, so that a first search waits only for its words; no piece of the
    index comes before words are typed (docs/assets/search-pagefind.js)."""
    page = watched.new_page()
    requests = _requests_of(page, site_url)
    page.goto(site_url + "index.html", wait_until="load")
    page.wait_for_timeout(1500)
    assert "pagefind/pagefind.js" in requests
    assert [path for path in requests if path.startswith("pagefind/wasm.")], requests
    assert not [path for path in requests if path.startswith(("pagefind/index/", "pagefind/fragment/"))], requests
    search_box = page.locator("input.md-search__input")
    if not search_box.is_visible():
        page.click("label.md-header__button[for='__search']")
    search_box.press_sequentially("Bol", delay=20)   # a word's first three letters fetch its piece ahead
    page.wait_for_timeout(1500)
    assert [path for path in requests if path.startswith("pagefind/index/")], requests


def test_a_reader_saving_data_loads_pagefind_only_when_the_search_box_gets_the_focus(watched, site_url):
    """A browser set to save data (Chromium's Lite mode, a phone's data saver:
    navigator.connection.saveData, set here as such a browser sets it) loads
    nothing of the search before the search box gets the focus."""
    page = watched.new_page()
    page.add_init_script("""Object.defineProperty(Object.getPrototypeOf(navigator.connection), "saveData",
                                                   { get: () => true, configurable: true })""")
    requests = _requests_of(page, site_url)
    page.goto(site_url + "index.html", wait_until="load")
    assert page.evaluate("navigator.connection.saveData") is True
    page.wait_for_timeout(1500)
    assert "pagefind/pagefind.js" not in requests
    search_box = page.locator("input.md-search__input")
    if not search_box.is_visible():
        page.click("label.md-header__button[for='__search']")
    search_box.click()
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
