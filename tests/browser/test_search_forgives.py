"""Search forgives a letter too many, too few or wrong, and a missing hyphen
or space (docs/assets/search-forgive.js with the generated
assets/search-names.js): over HTTP and from disk (file://)."""

from __future__ import annotations

import pytest

from .search import search, wait_for_result
from .test_search import READER_QUERIES

TOP = 5  # a forgiven query's page among the first five results

# A reader's query, misspelt or run together -> the page they are after.
FORGIVEN_QUERIES = {
    "Moddi": "actors/narendra-modi.html",       # a letter too many
    "Putim": "actors/vladimir-putin.html",      # a letter wrong
    "Tehren": "actors/iran.html",               # an alias, a letter wrong
    "Zarf": "actors/mohammad-javad-zarif.html",  # a letter too few
    "Bolotn": "actors/john-bolton.html",        # two letters swapped
    "S400": "topics/s400-deal.html",            # a model number without its hyphen (also a glossary alias)
    "Su35": "glossary.html",                    # (also a glossary alias)
    "SA21": "topics/s400-deal.html",            # (no alias: found as "SA-21", the S-400's NATO name)
    "newdelhi": "actors/india.html",            # a name without its space
}
# Written so in the glossary's aliases: found by the search itself, nothing to forgive.
ALIASES = {"S400", "Su35"}
# Found as they are on served pages, whose search (Pagefind's index in pieces,
# docs/assets/search-pagefind-worker.js) compares words without their hyphens;
# from disk (lunr) they are forgiven.
FOUND_WITHOUT_HYPHENS = {"SA21"}


def _top_pages(page, base_url: str, expected: str, forgiven: bool = False) -> list[str]:
    """The first result pages once ``expected`` is among them and, for a query
    that must be ``forgiven``, its note shows (or after 10 s)."""
    return wait_for_result(page, base_url, expected, top=TOP, forgiven=forgiven)[:TOP]


def _search_for(page, base_url: str, query: str, forgiven: bool) -> list[str]:
    page.goto(base_url + "index.html")
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.click("label.md-header__button[for='__search']")
    box.click()
    box.press_sequentially(query, delay=20)
    return _top_pages(page, base_url, FORGIVEN_QUERIES[query], forgiven)


@pytest.mark.parametrize("query", FORGIVEN_QUERIES)
def test_a_misspelt_name_finds_its_page_over_http(watched, site_url, query):
    page = watched.new_page()
    forgiven = query not in ALIASES | FOUND_WITHOUT_HYPHENS
    found = _search_for(page, site_url, query, forgiven)
    assert FORGIVEN_QUERIES[query] in found, f"{query!r} found {found}"
    if forgiven:
        note = page.inner_text(".dossier-search-note")
        assert note.startswith(f"Nothing found for “{query}”; showing results for “"), note


@pytest.mark.parametrize("query", ["Moddi", "SA21", "Tehren", "newdelhi"])
def test_a_misspelt_name_finds_its_page_from_disk(watched, offline_url, query):
    page = watched.new_page()
    found = _search_for(page, offline_url, query, forgiven=True)
    assert FORGIVEN_QUERIES[query] in found, f"{query!r} found {found}"


def test_a_name_spelt_right_is_left_as_it_is(watched, site_url):
    page = watched.new_page()
    page.goto(site_url + "index.html")
    search(page, "Modi")
    page.wait_for_timeout(800)
    assert page.input_value("input.md-search__input") == "Modi"
    assert not page.is_visible(".dossier-search-note")


def test_an_acronym_and_its_expansion_reach_the_same_page(watched, site_url):
    acronym, expansion = "JCPOA", "Joint Comprehensive Plan of Action"
    page = watched.new_page()
    page.goto(site_url + "index.html")
    search(page, acronym)
    by_acronym = _top_pages(page, site_url, "topics/jcpoa.html")
    page.goto(site_url + "index.html")
    search(page, expansion)
    by_expansion = _top_pages(page, site_url, "topics/jcpoa.html")
    assert "topics/jcpoa.html" in by_acronym and "topics/jcpoa.html" in by_expansion


def test_the_reader_queries_are_not_rewritten():
    """Every query the plain search test expects to work stays a name of the site, unchanged."""
    assert set(FORGIVEN_QUERIES).isdisjoint(READER_QUERIES)


def test_axe_finds_no_violations_with_a_forgiven_search(watched, site_url):
    from .test_accessibility import _violations

    page = watched.new_page()
    found = _search_for(page, site_url, "Putim", forgiven=True)
    assert FORGIVEN_QUERIES["Putim"] in found
    assert page.is_visible(".dossier-search-note")
    violations = _violations(page)
    assert not violations, "\n".join(violations)


def test_a_query_is_not_changed_before_the_search_has_answered_it(watched, site_url):
    """search-forgive.js waits for Material's answer to the query in the box,
    however long the index takes, instead of taking an empty list after a
    while for "nothing found". "stated" finds pages, and it is one letter
    from a name ("States"): held back 2.5 s, the index comes late, and the
    reader's query is still the one searched."""
    page = watched.new_page()
    held = []
    page.route("**/pagefind/pagefind-entry.json*", lambda route: held.append(route))
    page.goto(site_url + "index.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("stated", delay=20)
    page.wait_for_timeout(2500)
    assert len(held) == 1, "the index was asked for once the search started"
    held[0].continue_()
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(500)
    assert box.input_value() == "stated"
    assert page.locator(".dossier-search-note").is_hidden()
