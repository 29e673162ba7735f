"""Search finds a reader's words, over HTTP and in the offline copy read
from disk (file://), where Material's worker runs through the project's own
shim (docs/assets/iframe-worker-local.js)."""

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


def test_the_search_index_waits_until_the_reader_starts_a_search(watched, site_url):
    """A page loads without the search index (docs/assets/search-on-demand.js):
    it is requested when the search box gets the focus, and search then works."""
    page = watched.new_page()
    index_requests = []
    page.on("request", lambda request: index_requests.append(request.url)
            if request.url.endswith("/search/search_index.json") else None)
    page.goto(site_url + "index.html", wait_until="load")
    page.wait_for_timeout(1000)
    assert index_requests == []
    search(page, "Bolton")
    assert len(index_requests) == 1
    found = wait_for_result(page, site_url, READER_QUERIES["Bolton"])
    assert READER_QUERIES["Bolton"] in found[:TOP_RESULTS], found


def test_a_page_opened_from_a_search_result_highlights_the_words_at_once(watched, site_url):
    """Material highlights a result's words on the page it opens (the "h="
    in its address) with the index's settings: such a page asks for the index
    as it loads."""
    page = watched.new_page()
    page.goto(site_url + "actors/john-bolton.html?h=Bolton")
    page.wait_for_selector("article mark", timeout=10_000)
    assert "bolton" in page.inner_text("article mark").casefold()



def test_without_search_on_demand_the_bundle_asks_for_the_index_as_the_page_loads(watched, site_url):
    """Why docs/assets/search-on-demand.js wraps XMLHttpRequest at all:
    kept out of the page, Material's bundle asks for the index by itself, as
    the page loads and before any search, with an XMLHttpRequest of its own
    (no fetch, no worker: nothing else to hold back). If this ever fails,
    Material has changed how it loads the index, and the wrapper may go."""
    page = watched.new_page()
    page.route("**/assets/search-on-demand.js",
               lambda route: route.fulfill(body="", content_type="text/javascript"))
    index_requests = []
    page.on("request", lambda request: index_requests.append(request.resource_type)
            if request.url.endswith("/search/search_index.json") else None)
    page.goto(site_url + "index.html", wait_until="load")
    page.wait_for_timeout(500)
    assert index_requests == ["xhr"]


def test_the_request_wrapper_is_gone_once_the_page_has_loaded(watched, site_url):
    """search-on-demand.js wraps XMLHttpRequest.prototype.open only until the
    bundle has asked for the index: the page, loaded and not yet searched,
    has the browser's own again, and its other requests were never held."""
    page = watched.new_page()
    page.goto(site_url + "index.html", wait_until="load")
    assert page.evaluate("XMLHttpRequest.prototype.open.toString()") == "function open() { [native code] }"
    status = page.evaluate("""() => new Promise(done => {
        const request = new XMLHttpRequest();
        request.open("GET", "sitemap.xml");
        request.onload = () => done(request.status);
        request.send();
    })""")
    assert status == 200
