"""Search on the x10 dossier's served site fetches pieces of the index, not
the whole of it (the build's Pagefind index, docs/assets/search-pagefind-worker.js):
the bytes a one-word search costs stay small while the whole index grows with
the dossier. The x100 figures, in an emulated phone on a slow line, are the
benchmark's (benchmarks/search_phone.py, `make bench`), not a test's."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .search import FIRST_LISTED, more_button, result_pages, search

QUERY = "India"   # the benchmark's query (issue 26)


def test_a_one_word_search_at_x10_fetches_a_small_part_of_the_index(watch, x10_url, site_x10):
    page = watch(x10_url).new_page()
    fetched: dict[str, int] = {}
    page.on("requestfinished", lambda request: fetched.__setitem__(
        urlsplit(request.url).path, request.sizes()["responseBodySize"]))
    page.goto(x10_url + "index.html", wait_until="load")
    before = set(fetched)
    search(page, QUERY)
    page.wait_for_selector(f".md-search-result__item a[href*='h={QUERY.lower()}']", timeout=20_000)
    page.wait_for_timeout(500)

    # (The synthetic dossier's stories are invented: "India" is in the pages about the dossier itself.)
    first = page.eval_on_selector(".md-search-result__item > a.md-search-result__link", "a => new URL(a.href).pathname")
    assert (site_x10 / first.lstrip("/")).is_file(), first
    pieces = {path: size for path, size in fetched.items() if path not in before and path.startswith("/pagefind/")}
    assert any(path.startswith("/pagefind/index/") for path in pieces), sorted(fetched)
    assert "/search/search_index.js" not in fetched
    whole = (site_x10 / "search" / "search_index.js").stat().st_size
    assert sum(pieces.values()) < whole / 10, (sum(pieces.values()), whole)


def test_at_x10_show_more_adds_the_next_pages_after_those_shown(watch, x10_url):
    """A word of every story finds hundreds of pages: six are listed, and each
    "Show more" adds six after them, where the reader is, the keyboard with them."""
    page = watch(x10_url).new_page()
    page.goto(x10_url + "index.html")
    search(page, "warned")
    more = more_button(page, "warned")
    first = result_pages(page, x10_url)
    left = int(re.fullmatch(r"Show more results \((\d+) more pages found\)", more.inner_text())[1])
    assert len(first) == FIRST_LISTED and left > 100, (first, left)
    for clicks in (1, 2):
        added = clicks * FIRST_LISTED   # the index of the first page the click adds
        more.click()
        # Material lists its first ten at once, the others as the list scrolls; the focus is on the first added.
        page.wait_for_function(
            "n => document.activeElement.closest('.md-search-result__item') === "
            "document.querySelectorAll('.md-search-result__item')[n]", arg=added)
        assert more.inner_text() == f"Show more results ({left - added} more pages found)"
        assert result_pages(page, x10_url)[:FIRST_LISTED] == first
