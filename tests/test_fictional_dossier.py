"""A second story, invented (tests/fictional_dossier/: the town of Velmora and
its two newspapers are fictional): a dossier with two sources that corroborate
one fact and disagree on a figure and a date, built as the real one is, and
checked page kind by page kind, with its links and its search index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import FICTIONAL_DOSSIER as FICTIONAL
from .helpers import article, cli_in_process, fictional_project, soup, whole_search_index

SOURCES = ["ost-herald-bridge", "velmora-courier-bridge"]
CORROBORATED = "bridge-over-the-ost-reopened"


@pytest.fixture(scope="module")
def fictional_site(fictional_built_site) -> tuple[Path, Path]:
    """(the project, its site): the session's build of the fictional dossier (conftest.py)."""
    return fictional_built_site.parent, fictional_built_site


def test_every_file_of_the_fictional_dossier_says_it_is_fictional():
    files = [p for p in FICTIONAL.rglob("*") if p.is_file()]
    assert len(files) > 10
    for path in files:
        assert "fictional" in path.read_text(encoding="utf-8").casefold(), path


def test_the_fictional_dossier_passes_the_checks_with_every_sentence_quoted(fictional_root, fictional_checked):
    root = fictional_root
    result = cli_in_process(root, "check")
    assert result.returncode == 0, result.stderr
    formatted = cli_in_process(root, "fmt", "--check")  # its files, the disagreement marks and corrections too, in the one style
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    for source_id in SOURCES:
        assert f"coverage: {source_id}: " in result.stdout
    checked = fictional_checked
    assert not any(checked.uncovered.values())
    claim = checked.content.claims[CORROBORATED].record
    assert claim.sources == ["velmora-courier-bridge", "ost-herald-bridge"]
    spans = checked.evidence_spans[CORROBORATED]
    assert list(spans) == claim.sources
    for evidence in claim.evidence:
        span = spans[evidence.source]
        assert " ".join(checked.texts[evidence.source].text[span.start:span.end].split()) == " ".join(evidence.quote.split())


def test_a_corroborated_claim_shows_both_quotes_each_linked_to_its_highlighted_span(fictional_site):
    _root, site = fictional_site
    page = article(site / "topics" / "bridge-reopening.html")
    block = page.find(id=f"claim-{CORROBORATED}")
    assert block is not None
    assert "2 sources report this" in block.get_text(" ")
    quotes = [q.get_text(" ", strip=True) for q in block.find_all("blockquote")]
    assert len(quotes) == 2
    links = [a["href"] for a in block.select(".dossier-evidence-meta a")]
    for source_id in SOURCES:
        href = next(h for h in links if h.endswith(f"sources/{source_id}.html#q-{CORROBORATED}"))
        target = soup(site / "sources" / f"{source_id}.html").find(id=f"q-{CORROBORATED}")
        assert target is not None, (source_id, href)
    assert block.select_one(".dossier-corroboration")["data-sources"] == "2"
    # A claim with one source: one quote, and a quiet count.
    single = page.find(id="claim-reopened-on-monday")
    assert len(single.find_all("blockquote")) == 1 and "sources report this" not in single.get_text(" ")
    count = single.select_one(".dossier-corroboration")
    assert count["data-sources"] == "1" and count.get_text(strip=True) == "1 source"


def test_each_source_page_lists_the_claims_that_quote_it_including_the_shared_one(fictional_site):
    _root, site = fictional_site
    for source_id in SOURCES:
        page = article(site / "sources" / f"{source_id}.html")
        assert page.find(id=f"claim-{CORROBORATED}") is not None, source_id
        assert page.find(id=f"q-{CORROBORATED}") is not None, source_id
    herald = article(site / "sources" / "ost-herald-bridge.html")
    assert herald.find(id="claim-mayor-cut-the-ribbon") is None  # only the Courier says it


def test_every_page_kind_of_the_fictional_dossier_is_built(fictional_site):
    _root, site = fictional_site
    for page in ["index.html", "actors/index.html", "actors/ilse-brandt.html", "topics/index.html",
                 "topics/bridge-reopening.html", "sources/index.html", "compare.html", "sources/ost-herald-bridge.html",
                 "sources/velmora-courier-bridge.html", "timeline.html", "network.html", "quotations.html",
                 "figures.html", "glossary.html", "corrections.html", "downloads.html"]:
        assert (site / page).is_file(), page
    timeline = " ".join(article(site / "timeline.html").get_text(" ").split())
    assert "13 May 2030" in timeline and "14 May 2030" in timeline
    figures = " ".join(article(site / "figures.html").get_text(" ").split())
    assert "40,000 crowns" in figures and "55,000 crowns" in figures
    data = json.loads((site / "downloads" / "dossier.json").read_text(encoding="utf-8"))
    shared = next(c for c in data["claims"] if c["id"] == CORROBORATED)
    assert [e["source"] for e in shared["evidence"]] == ["velmora-courier-bridge", "ost-herald-bridge"]


def test_every_link_of_the_fictional_site_resolves(fictional_site):
    root, site = fictional_site
    result = cli_in_process(root, "linkcheck", str(site))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("all resolve"), result.stdout


def test_the_fictional_sites_search_index_finds_both_sources(fictional_site):
    _root, site = fictional_site
    index = whole_search_index(site)
    locations = {doc["location"] for doc in index["docs"]}
    for source_id in SOURCES:
        assert any(loc.startswith(f"sources/{source_id}.html") for loc in locations), source_id
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "Residents had waited eight months" in text and "Mayor Ilse Brandt cut the ribbon" in text


# -- disagreements and corrections (the marks and corrections are fictional, in tests/fictional_dossier/ only)

CONFLICTS = {"reopened-on-monday": ("reopened-on-tuesday", "date"),
             "reopened-on-tuesday": ("reopened-on-monday", "date"),
             "repairs-cost-40000-crowns": ("repairs-cost-55000-crowns", "figure"),
             "repairs-cost-55000-crowns": ("repairs-cost-40000-crowns", "figure")}


def _conflict_of(block):
    """(the other claim's id, what they disagree on, the note's words) of a claim block's conflict box."""
    box = block.find(class_="dossier-conflict")
    assert box is not None
    href = box.find("a")["href"]
    return href.rsplit("#claim-", 1)[1], box["data-about"], " ".join(box.get_text(" ").split())


def test_a_disagreement_marked_once_shows_on_both_claims_wherever_they_show(fictional_site, fictional_checked):
    root, site = fictional_site
    claims_file = (root / "content" / "claims" / "bridge-reopening.yaml").read_text(encoding="utf-8")
    assert claims_file.count("contradicts:") == 2  # each pair marked once, on one of its claims
    checked = fictional_checked
    pages = {"topic": article(site / "topics" / "bridge-reopening.html")}
    for claim_id, (other, about) in CONFLICTS.items():
        record = checked.content.claims[claim_id].record
        pages_of_claim = dict(pages)
        pages_of_claim.update({f"source {s}": article(site / "sources" / f"{s}.html") for s in record.sources})
        # An actor's page lists the claim in one line: it says it is disputed and links to it in full.
        for actor_id in record.actors:
            line = article(site / "actors" / f"{actor_id}.html").find(id=f"claim-{claim_id}")
            assert "disputed" in line.select_one(".dossier-claim-meta").get_text(), (claim_id, actor_id)
            assert line.find("a")["href"] == f"../topics/bridge-reopening.html#claim-{claim_id}"
        for where, page in pages_of_claim.items():
            block = page.find(id=f"claim-{claim_id}")
            assert block is not None, (claim_id, where)
            found_other, found_about, words = _conflict_of(block)
            assert (found_other, found_about) == (other, about), (claim_id, where)
            assert f"Another claim gives a different {about}" in words, words
            assert "neither article says" in words or "does not say which figure is right" in words
    # Claims without a mark show none.
    assert pages["topic"].find(id="claim-mayor-cut-the-ribbon").find(class_="dossier-conflict") is None


def test_the_timeline_and_the_figures_page_show_the_conflicts(fictional_site):
    _root, site = fictional_site
    timeline = article(site / "timeline.html")
    for claim_id, other in (("reopened-on-monday", "reopened-on-tuesday"), ("reopened-on-tuesday", "reopened-on-monday")):
        event = timeline.find(id=f"event-claim-{claim_id}")
        box = event.find(class_="dossier-conflict")
        assert box is not None and box["data-about"] == "date", claim_id
        assert box.find("a")["href"].endswith(f"#claim-{other}")
    rows = article(site / "figures.html").select("tbody tr")
    for figure, other in (("40,000 crowns", "repairs-cost-55000-crowns"), ("55,000 crowns", "repairs-cost-40000-crowns")):
        row = next(r for r in rows if figure in r.find("td").get_text())
        inline = row.find(class_="dossier-conflict-inline")
        assert inline is not None and "another claim gives a different figure" in inline.get_text(), figure
        assert inline.find("a")["href"].endswith(f"#claim-{other}")
    eight = next(r for r in rows if "eight months" in r.find("td").get_text())
    assert eight.find(class_="dossier-conflict-inline") is None


def test_corrections_show_on_their_records_and_on_the_corrections_page_newest_first(fictional_site):
    _root, site = fictional_site
    block = article(site / "topics" / "bridge-reopening.html").find(id="claim-repairs-cost-40000-crowns")
    dates = [t["datetime"] for t in block.select(".dossier-corrections time")]
    assert dates == ["2030-06-02", "2030-05-20"]
    council = article(site / "actors" / "velmora-council.html")
    own = council.find(class_="dossier-corrections")  # the actor's own, before its claims
    assert [t["datetime"] for t in own.select("time")] == ["2030-05-25"]
    assert "The kind read" in own.get_text() and "Why:" in own.get_text()
    page = article(site / "corrections.html")
    entries = page.select(".dossier-correction-entry")
    assert [e.find("time")["datetime"] for e in entries] == ["2030-06-02", "2030-05-25", "2030-05-20"]
    assert entries[1].find("a")["href"].endswith("actors/velmora-council.html")
    assert entries[0].find("a")["href"].endswith("topics/bridge-reopening.html#claim-repairs-cost-40000-crowns")
    assert "no corrections yet" not in page.get_text()


def test_an_actor_page_opens_with_its_summary_box(fictional_site, fictional_checked):
    """The box gives the actor's kind, its part in the story (the field, or else the summary's first
    sentence), its key relation, its claims counted and its dates, from the content."""
    _root, site = fictional_site
    content = fictional_checked.content
    council = article(site / "actors" / "velmora-council.html").select_one(".dossier-summary-box")
    words = " ".join(council.get_text().split())
    assert "Government body" in words
    assert content.actors["velmora-council"].record.part_in_story in words
    assert "Key relations: Ilse Brandt leads it" in words
    assert "Claims: 2 in the sources" in words
    velmora = article(site / "actors" / "velmora.html").select_one(".dossier-summary-box")
    assert content.actors["velmora"].record.part_in_story is None
    words = " ".join(velmora.get_text().split())
    assert "An invented actor of the fictional test dossier." in words  # the summary's first sentence
    assert "Claims: 4 in the sources" in words
    assert [t["datetime"] for t in velmora.select("time")] == ["2030-05-13", "2030-05-14"]
    assert "Key quote" not in words  # Velmora speaks no quotation


def _jsonld(path: Path) -> list[dict]:
    return [json.loads(s.string) for s in soup(path).find_all("script", type="application/ld+json")]


def test_json_ld_carries_the_corrections_and_date_modified(fictional_site):
    _root, site = fictional_site
    topic = _jsonld(site / "topics" / "bridge-reopening.html")
    claim = next(n for d in topic for n in d.get("@graph", []) if n["text"].startswith("The repairs cost 40,000"))
    assert claim["dateModified"] == "2030-06-02"
    assert [c["datePublished"] for c in claim["correction"]] == ["2030-06-02", "2030-05-20"]
    assert all(c["@type"] == "CorrectionComment" for c in claim["correction"])
    page = next(d for d in topic if d.get("@type") == "WebPage")
    assert page["dateModified"] == "2030-06-02"
    council = next(d for d in _jsonld(site / "actors" / "velmora-council.html") if d.get("@type") == "WebPage")
    assert council["dateModified"] == "2030-06-02"  # its own correction and its claim's, newest first
    assert [c["datePublished"] for c in council["correction"]] == ["2030-06-02", "2030-05-25", "2030-05-20"]
    # A page that shows no correction has no dateModified.
    brandt = _jsonld(site / "actors" / "ilse-brandt.html")
    assert not any("dateModified" in d or "correction" in d for d in brandt)


# -- corroboration: each source page, and the sources side by side


def test_a_source_page_shows_which_of_its_claims_other_sources_report(fictional_site):
    _root, site = fictional_site
    for source_id in SOURCES:
        other = next(s for s in SOURCES if s != source_id)
        page = article(site / "sources" / f"{source_id}.html")
        heading = next(h for h in page.find_all("h2") if h.get_text().startswith("Reported by other sources too"))
        assert "(1)" in heading.get_text()
        item = heading.find_next("ul").find("li")
        links = [a["href"] for a in item.find_all("a")]
        assert links[0] == f"#claim-{CORROBORATED}"
        assert links[1].endswith(f"{other}.html#q-{CORROBORATED}")
        line = page.find(id=f"claim-{CORROBORATED}").select_one(".dossier-corroboration")
        assert line["data-sources"] == "2" and line.get_text(" ", strip=True).startswith("2 sources, also")
        assert line.find("a")["href"].endswith(f"{other}.html#q-{CORROBORATED}")
        alone = page.select_one(".dossier-notes .dossier-claim:not(#claim-" + CORROBORATED + ") .dossier-corroboration")
        assert alone.get_text(strip=True) == "1 source"


def test_the_compare_page_sets_the_two_sources_side_by_side(fictional_site):
    _root, site = fictional_site
    page = article(site / "compare.html")
    section = page.find(id="ost-herald-bridge--velmora-courier-bridge")
    assert section is not None
    shared, disagreements = page.find_all("table")
    header = [th.get_text(strip=True) for th in shared.find_all("th")]
    # Named by publisher and date; the title on hover.
    assert header[1] == "The Ost Valley Herald, 16 May 2030" and header[2] == "The Velmora Courier, 16 May 2030"
    assert [th.find("a")["title"] for th in shared.find_all("th")[1:]] == [
        "Fictional test article: Velmora bridge open again", "Fictional test article: Bridge over the Ost reopens in Velmora"]
    (row,) = shared.select("tbody tr")
    cells = row.find_all("td")
    assert cells[0].find("a")["href"].endswith(f"#claim-{CORROBORATED}")
    assert "on Tuesday" in cells[1].get_text() and "on Monday" in cells[2].get_text()
    for cell, source_id in ((cells[1], "ost-herald-bridge"), (cells[2], "velmora-courier-bridge")):
        href = cell.find("a")["href"]
        assert href.endswith(f"sources/{source_id}.html#q-{CORROBORATED}")
        assert soup(site / "sources" / f"{source_id}.html").find(id=f"q-{CORROBORATED}") is not None
    pairs = [[a["href"].rsplit("#claim-", 1)[1] for a in r.find_all("a")] for r in disagreements.select("tbody tr")]
    assert pairs == [["reopened-on-tuesday", "reopened-on-monday"],
                     ["repairs-cost-55000-crowns", "repairs-cost-40000-crowns"]]
    assert "nothing to compare" not in page.get_text()


def test_a_corroborated_claims_citation_and_json_ld_name_both_sources(fictional_site, fictional_checked):
    """The citation (pages/views/citations.py) quotes each source, with its title and
    publisher; the topic page's JSON-LD Claim has an appearance for each."""
    _root, site = fictional_site
    content = fictional_checked.content
    record = content.claims[CORROBORATED].record
    page = site / "topics" / f"{record.topics[0]}.html"
    box = soup(page).select_one(f"details.dossier-cite[data-claim='{CORROBORATED}']")
    text = " ".join(box.select_one("pre.dossier-cite-text").get_text().split())
    for source_id in SOURCES:
        source = content.sources[source_id].record
        assert f"{source.title} ({content.actors[source.publisher].record.name}, " in text
    script = soup(page).find("script", type="application/ld+json")
    claim = next(c for c in json.loads(script.string)["@graph"] if c["text"] == record.statement)
    assert sorted(e.source for e in record.evidence) == sorted(SOURCES)
    assert [a["headline"] for a in claim["appearance"]] == [content.sources[e.source].record.title
                                                            for e in record.evidence]


def test_the_figures_and_quotations_name_the_sources_of_each_row(fictional_site, fictional_checked):
    """Each row says which sources carry it, each linked to its quote there."""
    _root, site = fictional_site
    content = fictional_checked.content
    # Each source is named by its publisher and date, its title on hover.
    names = {"The Ost Valley Herald, 16 May 2030": content.sources["ost-herald-bridge"].record.title,
             "The Velmora Courier, 16 May 2030": content.sources["velmora-courier-bridge"].record.title}
    rows = article(site / "figures.html").select("table tbody tr")
    assert rows
    for row in rows:
        links = row.find_all("td")[-1].find_all("a")
        assert links and all(names.get(a.get_text()) == a["title"] and "#q-" in a["href"] for a in links), row
    # The two papers give the cost differently: between them the rows name both.
    both = {a.get_text() for row in rows for a in row.find_all("td")[-1].find_all("a")}
    assert both == set(names)
    for entry in article(site / "quotations.html").select(".dossier-quotation-entry"):
        named = [a.get_text() for a in entry.select(".dossier-claim-meta a[href*='#q-']")]
        assert named and set(named) <= set(names), entry


def test_a_source_pages_claim_line_says_what_that_source_says_of_the_claim(tmp_path):
    """A claim's meta line under a source's text (who asserts it, how sure)
    is that source's evidence, which may differ from the claim's first source."""
    root = fictional_project(tmp_path / "project")
    claims = root / "content" / "claims" / "bridge-reopening.yaml"
    text = claims.read_text(encoding="utf-8")
    herald_quote = "        quote: The invented town of Velmora reopened its footbridge over the river Ost on Tuesday.\n"
    assert herald_quote in text
    claims.write_text(text.replace(herald_quote, herald_quote + "        attribution:\n"
                                   "          unnamed: residents quoted by the Herald\n"
                                   "        certainty: reported\n", 1), encoding="utf-8")
    result = cli_in_process(root, "generate", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr

    def claim_line(source_id: str) -> str:
        page = (tmp_path / "out" / "sources" / f"{source_id}.md").read_text(encoding="utf-8")
        return next(line for line in page.splitlines() if CORROBORATED in line and "in the text" in line)

    assert "according to residents quoted by the Herald" in claim_line("ost-herald-bridge")
    assert "according to" not in claim_line("velmora-courier-bridge")
