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


def _typed(page, base_url: str, query: str, delay_ms: int = 20) -> None:
    page.goto(base_url + "index.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=delay_ms)


def _first_page_once_shown(page, base_url: str, expected: str) -> list[str]:
    """The result pages once the query is corrected and ``expected`` is the
    first of them (or after 10 s): every query here is one that is corrected."""
    return wait_for_result(page, base_url, expected, top=1, forgiven=True)


# A query the forgiving search corrects -> the page of the name it is corrected to.
CORRECTED_QUERIES = {
    "newdelhi": "actors/india.html",       # "New Delhi": before, Newsweek and Mehr News came first ("new*")
    "Tehren": "actors/iran.html",          # "Tehran"
}


@pytest.mark.parametrize("query", CORRECTED_QUERIES)
def test_a_corrected_query_finds_the_page_of_the_name_first(watched, site_url, query):
    page = watched.new_page()
    _typed(page, site_url, query)
    found = _first_page_once_shown(page, site_url, CORRECTED_QUERIES[query])
    assert found[:1] == [CORRECTED_QUERIES[query]], f"{query!r} found {found}"
    assert page.inner_text(".dossier-search-note").startswith(f"Nothing found for “{query}”")


def test_a_corrected_query_finds_the_page_of_the_name_first_from_disk(watched, offline_url):
    page = watched.new_page()
    _typed(page, offline_url, "newdelhi")
    found = _first_page_once_shown(page, offline_url, "actors/india.html")
    assert found[:1] == ["actors/india.html"], f"'newdelhi' found {found}"


def test_a_query_typed_at_a_persons_pace_is_corrected_once_the_typing_stops(watched, site_url):
    """A person types a key every 150 ms or so. "newdelh" already finds
    nothing and is one letter from "New Delhi": corrected at once, the box
    would then get the last "i" after the correction ("New Delhii")."""
    page = watched.new_page()
    _typed(page, site_url, "newdelhi", delay_ms=150)
    found = _first_page_once_shown(page, site_url, "actors/india.html")
    value = page.input_value("input.md-search__input")
    assert value.replace('"', "") == "New Delhi", value
    assert found[:1] == ["actors/india.html"], f"'newdelhi' found {found}"


# A common transliteration of a name in the story -> the name's page. Before,
# each but the whole name found nothing (or, for "Irak", Iran: one letter from
# both).
TRANSLITERATIONS = {
    "Poutine": "actors/vladimir-putin.html",        # ou/u, a silent final e
    "Zareef": "actors/mohammad-javad-zarif.html",   # ee/i
    "Modhee": "actors/narendra-modi.html",          # dh/d, ee/i
    "Muhammad Jawad Zareef": "actors/mohammad-javad-zarif.html",  # the whole name (word by word before too)
    "Irak": "actors/iraq.html",                     # q/k
}


@pytest.mark.parametrize("query", TRANSLITERATIONS)
def test_a_transliteration_of_a_name_finds_its_page(watched, site_url, query):
    page = watched.new_page()
    _typed(page, site_url, query)
    found = _first_page_once_shown(page, site_url, TRANSLITERATIONS[query])
    assert found[:1] == [TRANSLITERATIONS[query]], f"{query!r} found {found}"
    assert page.inner_text(".dossier-search-note").startswith(f"Nothing found for “{query}”")


@pytest.mark.parametrize("query", ["Poutine", "Zareef"])
def test_a_transliteration_of_a_name_finds_its_page_from_disk(watched, offline_url, query):
    page = watched.new_page()
    _typed(page, offline_url, query)
    found = _first_page_once_shown(page, offline_url, TRANSLITERATIONS[query])
    assert found[:1] == [TRANSLITERATIONS[query]], f"{query!r} found {found}"


def test_the_keyboard_opens_a_corrected_result(watched, site_url):
    """Material's keys still work on the results of a corrected query: Down
    moves to the first result, Enter opens it."""
    page = watched.new_page()
    _typed(page, site_url, "Poutine")
    found = _first_page_once_shown(page, site_url, TRANSLITERATIONS["Poutine"])
    assert found[:1] == [TRANSLITERATIONS["Poutine"]], found
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + TRANSLITERATIONS["Poutine"] + "*")
    assert page.inner_text("article h1").startswith("Vladimir Putin")
