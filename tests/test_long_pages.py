"""Hostile and huge input, third round: the lists that still grew with the
input. A source text at its size limit quoted end to end (every sentence by
several claims), an actor with thousands of aliases, a glossary term used by
hundreds of topics, and a topic and an actor with thousands of claims. No
page may pass 100 KB of HTML, and the search index must grow with the text.

The dossier is the fictional one (tests/fictional_dossier/: invented town,
invented newspapers) with every hostile case added at run time, all at once,
so that one build answers every test here. FICTIONAL: every name and text
written here is invented.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from build_scripts.content.source_text import MAX_TEXT_BYTES

from .helpers import article, build_site, fictional_project, run_cli
from .test_seed_limits import long_text, write_yaml

PAGE_BYTES = 100 * 1024  # no page over 100 KB of HTML

LONG_SOURCE = "zz-quoted-throughout"
CROWDED_TOPIC = "zz-crowded"
NAMED_ACTOR = "zz-many-names"
TERM = "crown"  # the fictional dossier's term ("crowns"), used by every small topic
CLAIMS = 2000  # on the crowded topic and the actor, quoting the long text end to end
ALIASES = 3000
SMALL_TOPICS = 400  # topics whose pages use the term
TOPIC_TITLE_WORDS = 30  # long titles: the "used in" list is heavy with fewer topics


def write_hostile_dossier(root: Path) -> dict:
    """The hostile cases added to the fictional project at ``root``; returns what was written."""
    text = long_text(MAX_TEXT_BYTES)
    sentences = re.findall(r"[A-Z][^.]* report \d+ [^.]*\.", text)
    (root / "seeds" / f"{LONG_SOURCE}.txt").write_text(text, encoding="utf-8")
    write_yaml(root, f"content/sources/{LONG_SOURCE}.yaml", {
        "title": "Fictional test article: every sentence quoted", "publisher": "velmora-courier",
        "published": {"value": "2030-05-16", "basis": "inferred", "explanation": "Invented for the tests."},
        "language": "en", "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        "attribution": "Fictional text written for the tests of this project.", "text": f"seeds/{LONG_SOURCE}.txt",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    })
    write_yaml(root, f"content/actors/{NAMED_ACTOR}.yaml", {
        "name": "The Velmora Ferry Guild", "kind": "organisation",
        "summary": "An invented guild with thousands of invented names.",
        "aliases": [f"velmora ferry guild alias number {i + 1}" for i in range(ALIASES)]})
    write_yaml(root, f"content/topics/{CROWDED_TOPIC}.yaml", {
        "title": "The crowded topic", "summary": "An invented topic with thousands of invented claims."})
    filler = " ".join(["bridge"] * TOPIC_TITLE_WORDS)
    for number in range(1, SMALL_TOPICS + 1):
        write_yaml(root, f"content/topics/zz-small-{number}.yaml", {
            "title": f"Fictional small topic {number} about the {filler}",
            "summary": f"The crowns of invented small topic {number}."})
    claims = []
    for number in range(CLAIMS):
        claims.append({
            "id": f"zz-claim-{number + 1}", "statement": f"The long report's sentence {number % len(sentences) + 1} "
                                                          f"(fictional claim {number + 1}).",
            "evidence": [{"source": LONG_SOURCE, "quote": sentences[number % len(sentences)]}],
            "actors": [NAMED_ACTOR], "topics": [CROWDED_TOPIC, f"zz-small-{number % SMALL_TOPICS + 1}"],
            "certainty": "stated"})
    write_yaml(root, "content/claims/zz-crowded.yaml", {"claims": claims})
    return {"sentences": len(sentences), "claims": claims}


@pytest.fixture(scope="session")
def hostile_long(tmp_path_factory) -> tuple[Path, Path, dict]:
    root = fictional_project(tmp_path_factory.mktemp("longpages") / "project")
    written = write_hostile_dossier(root)
    site = root / "site"
    result = build_site(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, site, written


# Every test here reads the one site built from the hostile dossier.
pytestmark = pytest.mark.slow


def test_no_page_of_the_hostile_site_passes_100_kb(hostile_long):
    root, site, _ = hostile_long
    heavy = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html") if p.stat().st_size > PAGE_BYTES}
    assert not heavy
    result = run_cli(root, "linkcheck", str(site))
    assert result.returncode == 0, result.stdout


def _text_parts(site: Path) -> list[Path]:
    main = site / "sources" / f"{LONG_SOURCE}.html"
    return [main] + sorted((site / "sources" / LONG_SOURCE).glob("text-*.html"), key=lambda p: int(p.stem[5:]))


def test_a_text_quoted_throughout_is_in_parts_that_hold_every_quote_once(hostile_long):
    _root, site, written = hostile_long
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
    assert set(anchors) == {f"q-{c['id']}" for c in written["claims"]}
    # The text is all there, once, in order.
    words = " ".join(article(p).select_one(".dossier-source-text").get_text(" ") for p in pages)
    assert words.count("said in report 1 that") == 1 and words.index("report 100 that") < words.index("report 230 that")


def test_every_link_to_a_quote_leads_to_the_part_that_holds_it(hostile_long):
    _root, site, written = hostile_long
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


def test_a_topic_and_an_actor_with_thousands_of_claims_list_them_in_parts(hostile_long):
    _root, site, written = hostile_long
    for folder, record in (("topics", CROWDED_TOPIC), ("actors", NAMED_ACTOR)):
        main = article(site / folder / f"{record}.html")
        parts = [a["href"] for a in main.select(f"ul a[href^='{record}/part-']")]
        assert len(parts) > 10
        shown = set()
        for href in parts:
            shown |= {x["id"] for x in article(site / folder / href).select(".dossier-claim[id^='claim-']")}
        assert shown == {f"claim-{c['id']}" for c in written["claims"]}
    # A claim's address (what citations give) is its place on its topic's part.
    first = written["claims"][0]["id"]
    part = next(p for p in (site / "topics" / CROWDED_TOPIC).glob("part-*.html") if f'id="claim-{first}"' in p.read_text(encoding="utf-8"))
    cite = article(part).find(id=f"claim-{first}").select_one(".dossier-cite")
    assert f"topics/{CROWDED_TOPIC}/{part.name}#claim-{first}" in cite.get_text(" ")


def test_an_actor_shows_twelve_aliases_and_the_search_keeps_them_once(hostile_long):
    _root, site, _ = hostile_long
    page = article(site / "actors" / f"{NAMED_ACTOR}.html").get_text(" ")
    assert "velmora ferry guild alias number 12”" in page and "velmora ferry guild alias number 13”" not in page
    assert f"and {ALIASES - 12} more" in page
    names = (site / "assets" / "search-names.js").read_text(encoding="utf-8")
    assert f"velmora ferry guild alias number {ALIASES}" in names
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert sum(json.dumps(doc).count("velmora ferry guild alias number") for doc in index) < 100


def test_a_term_used_by_hundreds_of_topics_names_twelve(hostile_long):
    _root, site, _ = hostile_long
    pages = [site / "glossary.html"] + list((site / "glossary").glob("*.html"))
    entry = next(e for p in pages if (e := article(p).find(id=TERM)) is not None)
    used = next(p for p in entry.find_all_next("p") if p.get_text().startswith("Used in:"))
    more = re.search(r", and (\d+) more topics$", used.get_text())
    assert len(used.find_all("a")) == 12 and more and int(more[1]) >= SMALL_TOPICS - 12

