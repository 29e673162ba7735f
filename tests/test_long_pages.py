"""Hostile and huge input, third round: the lists that still grew with the
input. A source text at its size limit quoted end to end, an actor with
thousands of aliases, a glossary term used by hundreds of topics, a topic
and an actor with thousands of claims, a sentence quoted by thousands of
claims, and a text at its size limit with no paragraph break nor sentence
end: no page may pass 100 KB of HTML, every link into a page cut in parts
must find its part, and the search must not repeat the aliases on every page.

The dossier (tests/long_pages_site.py, FICTIONAL) is written at run time and
built once per session (the ``long_pages_site`` fixture, tests/conftest.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import article, run_cli, whole_search_index
from .long_pages_site import (
    ALIASES,
    CONTEXT_ENTRIES,
    CROWDED_TOPIC,
    ECHOED,
    LONG_SOURCE,
    NAMED_ACTOR,
    NEIGHBOURS,
    NOTED_CLAIMS,
    NOTED_SOURCE,
    ON_FIRST_SENTENCE,
    ON_ONE_SENTENCE,
    ONE_SENTENCE_SOURCE,
    QUOTED_SENTENCE,
    ROLES,
    SMALL_TOPICS,
    TERM,
    UNBROKEN_SOURCE,
)

PAGE_BYTES = 100 * 1024  # no page over 100 KB of HTML


# Every test here reads the one site built from the hostile dossier.
pytestmark = pytest.mark.slow


def test_no_page_of_the_hostile_site_passes_100_kb(long_pages_site):
    root, site, _ = long_pages_site
    heavy = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html") if p.stat().st_size > PAGE_BYTES}
    assert not heavy
    result = run_cli(root, "linkcheck", str(site))
    assert result.returncode == 0, result.stdout


def _text_parts(site: Path, source_id: str = LONG_SOURCE) -> list[Path]:
    """The pages of a source's text: its page, then its parts ``sources/<id>/text-<n>.html``."""
    main = site / "sources" / f"{source_id}.html"
    return [main] + sorted((site / "sources" / source_id).glob("text-*.html"), key=lambda p: int(p.stem[5:]))


def test_a_text_quoted_throughout_is_in_parts_that_hold_every_quote_once(long_pages_site):
    _root, site, written = long_pages_site
    pages = _text_parts(site)
    assert len(pages) > 2
    anchors: dict[str, Path] = {}
    count = len(pages)
    for number, page in enumerate(pages, 1):
        body = article(page)
        navs = body.select(".dossier-part-nav")
        assert len(navs) >= 2 and f"part {number} of {count}" in navs[0].get_text()
        assert ("next" in navs[0].get_text()) == (number < count)
        for span in body.select(".dossier-source-text span[id^='q-']"):
            assert span["id"] not in anchors
            anchors[span["id"]] = page
        # Quoted words lead to a passage entry on the same part, or to a claim's line.
        passages = {x["id"] for x in body.select(".dossier-passage")}
        for link in body.select(".dossier-source-text mark a[href^='#']"):
            assert link["href"][1:] in passages
    # Of the claims whose quote starts at one place, the first twenty (by id) have an anchor there.
    by_quote: dict[str, list[str]] = {}
    for claim in written["claims"]:
        by_quote.setdefault(claim["evidence"][0]["quote"], []).append(claim["id"])
    assert set(anchors) == {f"q-{c}" for ids in by_quote.values() for c in sorted(ids)[:20]}
    # The text is all there, once, in order.
    words = " ".join(article(p).select_one(".dossier-source-text").get_text(" ") for p in pages)
    assert words.count("said in report 1 that") == 1 and words.index("report 100 that") < words.index("report 230 that")


def test_every_link_to_a_quote_leads_to_the_part_that_holds_it(long_pages_site):
    _root, site, written = long_pages_site
    where = {}
    for page in _text_parts(site):
        for span in article(page).select("span[id^='q-']"):
            where[span["id"]] = page.resolve()
    # From the claims' pages: the crowded topic's parts and the actor's, "in the text".
    checked = 0
    for page in list((site / "topics" / CROWDED_TOPIC).glob("part-*.html")) + list((site / "actors" / NAMED_ACTOR).glob("*.html")):
        for link in article(page).select(f"a[href*='{LONG_SOURCE}']"):
            target, _, anchor = link["href"].partition("#")
            if anchor.startswith("q-"):
                assert (page.parent / target).resolve() == where[anchor], (page, link["href"])
                checked += 1
    assert checked >= len(written["claims"])


def test_a_topic_and_an_actor_with_thousands_of_claims_list_them_in_parts(long_pages_site):
    _root, site, written = long_pages_site
    for folder, record in (("topics", CROWDED_TOPIC), ("actors", NAMED_ACTOR)):
        main = article(site / folder / f"{record}.html")
        parts = [a["href"] for a in main.select(f"ul a[href^='{record}/part-']")]
        assert len(parts) > 10
        shown = set()
        for href in parts:
            shown |= {x["id"] for x in article(site / folder / href).select(
                ".dossier-claim[id^='claim-'], .dossier-claim-line[id^='claim-']")}
        assert shown == {f"claim-{c['id']}" for c in written["claims"]}
    # A claim's address (what citations give) is its place on its topic's part.
    first = written["claims"][0]["id"]
    part = next(p for p in (site / "topics" / CROWDED_TOPIC).glob("part-*.html") if f'id="claim-{first}"' in p.read_text(encoding="utf-8"))
    cite = article(part).find(id=f"claim-{first}").select_one(".dossier-cite")
    assert f"topics/{CROWDED_TOPIC}/{part.name}#claim-{first}" in cite.get_text(" ")


def test_an_actor_shows_twelve_aliases_and_the_search_keeps_them_once(long_pages_site):
    _root, site, _ = long_pages_site
    page = article(site / "actors" / f"{NAMED_ACTOR}.html").get_text(" ")
    assert "velmora ferry guild alias number 12”" in page and "velmora ferry guild alias number 13”" not in page
    assert f"and {ALIASES - 12} more" in page
    names = (site / "assets" / "search-names.js").read_text(encoding="utf-8")
    assert f"velmora ferry guild alias number {ALIASES}" in names
    index = whole_search_index(site)["docs"]
    assert sum(json.dumps(doc).count("velmora ferry guild alias number") for doc in index) < 100


def test_a_term_used_by_hundreds_of_topics_names_twelve(long_pages_site):
    _root, site, _ = long_pages_site
    pages = [site / "glossary.html"] + list((site / "glossary").glob("*.html"))
    entry = next(e for p in pages if (e := article(p).find(id=TERM)) is not None)
    used = next(p for p in entry.find_all_next("p") if p.get_text().startswith("Used in:"))
    more = re.search(r", and (\d+) more topics$", used.get_text())
    assert len(used.find_all("a")) == 12 and more and int(more[1]) >= SMALL_TOPICS - 12


def test_side_notes_are_cut_with_their_text(long_pages_site):
    """A text whose claims stand beside it: each part holds the notes of the quotes that start in it."""
    _root, site, written = long_pages_site
    pages = _text_parts(site, NOTED_SOURCE)
    assert len(pages) > 1
    noted = []
    for page in pages:
        body = article(page)
        anchors = {span["id"] for span in body.select(".dossier-source-text span[id^='q-']")}
        for note in body.select("details.dossier-notes .dossier-claim"):
            noted.append(note["id"])
            back = note.select_one("a[href^='#q-']")["href"][1:]
            assert back == "q-" + note["id"].removeprefix("claim-") and back in anchors
        # Each quote leads to its note, on the same part.
        for link in body.select(".dossier-source-text mark a:not(.dossier-mention)"):
            assert link["href"].startswith("#claim-") and body.find(id=link["href"][1:]) is not None
    assert sorted(noted) == sorted(f"claim-{c['id']}" for c in written["noted"])
    assert len(noted) == NOTED_CLAIMS


def test_a_passage_quoted_by_hundreds_of_claims_links_to_twenty(long_pages_site):
    _root, site, _ = long_pages_site
    passage = article(_text_parts(site)[0]).select_one(".dossier-passage")
    links = passage.select("li a")
    assert len(links) == 21 and links[-1].get_text().endswith("more claims")
    more = int(links[-1].get_text().split()[0])
    assert more > ON_FIRST_SENTENCE - 20
    target, _, anchor = links[-1]["href"].partition("#")
    assert article(site / "sources" / target).find(id=anchor) is not None


def test_a_topic_counts_what_it_does_not_list_of_its_events_context_related_topics_and_terms(long_pages_site):
    from build_scripts.pages.kinds import topic

    _root, site, written = long_pages_site
    page = article(site / "topics" / f"{CROWDED_TOPIC}.html")
    text = " ".join(page.get_text(" ").split())
    events = page.find(id=re.compile(r"^timeline-")).find_next_sibling("ul").find_all("li", recursive=False)
    dated = len(written["claims"]) + CONTEXT_ENTRIES // 2
    assert len(events) == topic.EVENTS_SHOWN and f"And {dated - topic.EVENTS_SHOWN} more events, on the timeline" in text
    assert len(page.select(".dossier-context")) == topic.CONTEXT_SHOWN
    assert f"And {CONTEXT_ENTRIES - topic.CONTEXT_SHOWN} more entries: every one is in the downloads" in text
    related = next(p for p in page.find_all("p") if p.get_text().startswith("Related topics:"))
    assert len(related.find_all("a")) == topic.RELATED_SHOWN
    assert related.get_text().endswith(f", and {SMALL_TOPICS - topic.RELATED_SHOWN} more")
    terms = page.select_one(".dossier-terms")
    assert len(terms.select("li")) == topic.TERMS_SHOWN and "more terms, in the Glossary" in terms.get_text()


def test_a_hub_actor_lists_draws_and_counts_its_roles_and_relations(long_pages_site):
    from build_scripts.pages.kinds import actor

    _root, site, _ = long_pages_site
    page = article(site / "actors" / f"{NAMED_ACTOR}.html")
    text = " ".join(page.get_text(" ").split())
    assert f"And {ROLES - actor.ROLES_SHOWN} more roles" in text
    assert f"Relations ({NEIGHBOURS})" in text
    assert f"And {NEIGHBOURS - actor.RELATIONS_SHOWN} more relations, listed with the others in the network" in text
    picture = page.select_one("figure.dossier-network svg")
    drawn = {a["href"] for a in picture.find_all("a", href=True) if "zz-neighbour-" in a["href"]}
    assert len(drawn) == actor.RELATIONS_DRAWN


def _quote_links(page: Path, source_id: str) -> dict[str, str]:
    """The "in the text" links of a page's claims into ``source_id``'s text: {claim id: the link's address}."""
    links = {}
    for claim in article(page).select(".dossier-claim[id^='claim-']"):
        link = claim.find("a", href=re.compile(rf"(^|/)({source_id}|text-\d+)\.html#q-"))
        if link is not None:
            links[claim["id"].removeprefix("claim-")] = link["href"]
    return links


def test_a_sentence_quoted_by_thousands_of_claims_anchors_and_names_twenty(long_pages_site):
    """400 claims whose quotes all start at one word: twenty anchors there, a highlight
    naming twenty and counting them all, and every claim's link leads to one of those anchors."""
    _root, site, written = long_pages_site
    page = site / "sources" / f"{ONE_SENTENCE_SOURCE}.html"
    assert page.stat().st_size < PAGE_BYTES
    text = article(page).select_one(".dossier-source-text")
    anchors = {span["id"] for span in text.select("span[id^='q-']")}
    assert len(anchors) == 20
    mark = text.select_one("mark[data-claims]")
    assert mark.get_text() == QUOTED_SENTENCE
    assert len(mark["data-claims"].split()) == 20 and mark["data-claim-count"] == str(ON_ONE_SENTENCE)
    # From the claims' pages (the topic's parts and the source's list of claims), each quote link lands there.
    linked = {}
    for listing in [*(site / "topics" / ONE_SENTENCE_SOURCE).glob("part-*.html"),
                    *(site / "sources" / ONE_SENTENCE_SOURCE).glob("part-*.html")]:
        for claim_id, href in _quote_links(listing, ONE_SENTENCE_SOURCE).items():
            target, _, anchor = href.partition("#")
            assert (listing.parent / target).resolve() == page.resolve() and anchor in anchors, (listing, href)
            linked[claim_id] = anchor
    assert set(linked) == {c["id"] for c in written["one_sentence"]}


def test_claims_other_sources_report_too_are_listed_forty_and_the_rest_linked(long_pages_site):
    """60 of the sentence's claims are reported by a second source: the source's page lists
    40 of them under "Reported by other sources too" and links to where they all are."""
    from build_scripts.pages.kinds.source import CORROBORATED_SHOWN
    _root, site, _written = long_pages_site
    page = site / "sources" / f"{ONE_SENTENCE_SOURCE}.html"
    body = article(page)
    heading = body.find(id=re.compile("^reported-by-other-sources-too"))
    assert heading.get_text(strip=True).startswith(f"Reported by other sources too ({ECHOED})")
    listing = heading.find_next("ul")
    assert len(listing.find_all("li", recursive=False)) == CORROBORATED_SHOWN < ECHOED
    more = listing.find_next_sibling("p")
    assert more.get_text().startswith(f"And {ECHOED - CORROBORATED_SHOWN} more"), more
    target = (page.parent / more.a["href"].split("#")[0]).resolve()
    assert target.is_file(), more.a["href"]


def test_a_text_without_a_paragraph_break_is_cut_in_parts(long_pages_site):
    """40,000 bytes with no blank line nor sentence end: cut at spaces into blocks, and
    into parts; a quote across a cut is highlighted on both sides, and its link finds its start."""
    from build_scripts.pages.derived.reader import LONGEST_BLOCK

    _root, site, written = long_pages_site
    pages = _text_parts(site, UNBROKEN_SOURCE)
    assert len(pages) > 1 and all(p.stat().st_size < PAGE_BYTES for p in pages)
    anchors, crossing = {}, 0
    previous_last = None
    for page in pages:
        text = article(page).select_one(".dossier-source-text")
        assert all(len(block.get_text()) <= LONGEST_BLOCK for block in text.select(".dossier-paragraph > p"))
        anchors |= {span["id"]: page.resolve() for span in text.select("span[id^='q-']")}
        marks = text.select("mark[data-claims]")
        # A quote across the cut between two parts: highlighted at the end of one and the start of the next.
        if previous_last is not None and set(previous_last.split()) & set(marks[0]["data-claims"].split()):
            crossing += 1
        previous_last = marks[-1]["data-claims"]
    assert crossing >= 1
    assert set(anchors) == {f"q-{c['id']}" for c in written["unbroken"]}
    # The words are all there, once, in order.
    words = " ".join(article(p).select_one(".dossier-source-text").get_text(" ") for p in pages)
    assert words.count("said in report 1 that") == 1 and words.index("report 100 that") < words.index("report 230 that")
    linked = {}
    for listing in [*(site / "topics" / UNBROKEN_SOURCE).glob("*.html"), site / "topics" / f"{UNBROKEN_SOURCE}.html",
                    *(site / "sources" / UNBROKEN_SOURCE).glob("part-*.html")]:
        for claim_id, href in _quote_links(listing, UNBROKEN_SOURCE).items():
            target, _, anchor = href.partition("#")
            assert anchors[anchor] == (listing.parent / target).resolve(), (listing, href)
            linked[claim_id] = anchor
    assert set(linked) == {c["id"] for c in written["unbroken"]}
