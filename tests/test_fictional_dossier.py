"""A second story, invented (tests/fictional_dossier/: the town of Velmora and
its two newspapers are fictional): a dossier with two sources that corroborate
one fact and disagree on a figure and a date, built as the real one is, and
checked page kind by page kind, with its links and its search index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from build_scripts.rules.check import load_and_check

from .helpers import PROJECT_ROOT, article, build_site, copy_project, run_cli, soup

FICTIONAL = PROJECT_ROOT / "tests" / "fictional_dossier"
SOURCES = ["ost-herald-bridge", "velmora-courier-bridge"]
CORROBORATED = "bridge-over-the-ost-reopened"


def fictional_project(target: Path) -> Path:
    """A copy of the project whose content/ and seeds/ are the fictional dossier's."""
    root = copy_project(target)
    for name in ("content", "seeds"):
        shutil.rmtree(root / name)
        shutil.copytree(FICTIONAL / name, root / name)
    return root


@pytest.fixture(scope="module")
def fictional_site(tmp_path_factory) -> tuple[Path, Path]:
    root = fictional_project(tmp_path_factory.mktemp("fictional") / "project")
    site = root / "site"
    result = build_site(root, site)
    assert result.returncode == 0, result.stderr
    return root, site


def test_every_file_of_the_fictional_dossier_says_it_is_fictional():
    files = [p for p in FICTIONAL.rglob("*") if p.is_file()]
    assert len(files) > 10
    for path in files:
        assert "fictional" in path.read_text(encoding="utf-8").casefold(), path


def test_the_fictional_dossier_passes_the_checks_with_every_sentence_quoted(tmp_path):
    root = fictional_project(tmp_path / "project")
    result = run_cli(root, "check")
    assert result.returncode == 0, result.stderr
    for source_id in SOURCES:
        assert f"coverage: {source_id}: " in result.stdout
    checked = load_and_check(root)
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
    # A claim with one source reads as before: one quote, no count.
    single = page.find(id="claim-reopened-on-monday")
    assert len(single.find_all("blockquote")) == 1 and "sources report this" not in single.get_text(" ")


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
                 "topics/bridge-reopening.html", "sources/index.html", "sources/ost-herald-bridge.html",
                 "sources/velmora-courier-bridge.html", "timeline.html", "network.html", "quotations.html",
                 "figures.html", "glossary.html", "downloads.html"]:
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
    result = run_cli(root, "linkcheck", str(site))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("all resolve"), result.stdout


def test_the_fictional_sites_search_index_finds_both_sources(fictional_site):
    _root, site = fictional_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for source_id in SOURCES:
        assert any(loc.startswith(f"sources/{source_id}.html") for loc in locations), source_id
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "Residents had waited eight months" in text and "Mayor Ilse Brandt cut the ribbon" in text


def test_a_corroborated_claims_citation_and_json_ld_name_both_sources(fictional_site):
    """The citation (pages/citations.py) quotes each source, with its title and
    publisher; the topic page's JSON-LD Claim has an appearance for each."""
    root, site = fictional_site
    content = load_and_check(root).content
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
