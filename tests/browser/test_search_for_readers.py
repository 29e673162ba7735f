"""Search ranks the reader's pages first: the pages for contributors
(Contributing, Schema reference) weigh far less in search than any page
about the story, and are still found by their titles. A query the forgiving
search corrects to a name finds that name's page first, and so does a common
transliteration of a name ("Poutine", "Zareef"), over HTTP and from disk."""

from __future__ import annotations

import pytest

from .search import TOP_RESULTS, result_pages, search, wait_for_result

CONTRIBUTOR_PAGES = {"contributing.html", "schema-reference.html"}

# Queries a reader types whose words the contributor pages use too (in examples,
# ids and headings): "S400" is in the source's id, "Zarif" in Contributing's
# examples, "quote" in its heading "Add a claim with its quote". Before,
# Contributing came second for "S400" and "quote", seventh for "Zarif".
READER_QUERIES = {
    "S400": "topics/s400-deal.html",
    "Zarif": "actors/mohammad-javad-zarif.html",
    "quote": "sources/india-s400-iranian-oil.html",
}


def _contributor_pages_come_last(found: list[str]) -> bool:
    """True when no page for contributors is listed before a page for readers."""
    kinds = [page in CONTRIBUTOR_PAGES for page in found]
    return kinds == sorted(kinds)


@pytest.mark.parametrize("query", READER_QUERIES)
def test_reader_pages_come_before_the_pages_for_contributors(watched, site_url, query):
    page = watched.new_page()
    page.goto(site_url + "index.html")
    search(page, query)
    found = wait_for_result(page, site_url, READER_QUERIES[query])
    page.wait_for_timeout(300)   # the answer to the whole query, not to its first letters
    found = result_pages(page, site_url)
    assert READER_QUERIES[query] in found, f"{query!r} found {found}"
    assert _contributor_pages_come_last(found), f"{query!r} found {found}"


@pytest.mark.parametrize("query, expected", [("Contributing", "contributing.html"),
                                             ("Schema reference", "schema-reference.html")])
def test_the_pages_for_contributors_are_found_by_their_titles(watched, site_url, query, expected):
    page = watched.new_page()
    page.goto(site_url + "index.html")
    search(page, query)
    found = wait_for_result(page, site_url, expected)
    assert expected in found[:TOP_RESULTS], f"{query!r} found {found}"
