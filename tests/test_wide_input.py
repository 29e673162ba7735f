"""Hostile and huge input, second round: a fact reported by hundreds of
sources, a claim corrected a thousand times, a glossary term with thousands
of aliases. No page may pass 100 KB of HTML, the Compare pages must grow with
the sources and claims (not with their pairs), and the search index with the
text.

Every dossier here is synthetic, written by the test at run time: the wide
ones by ``build_scripts.tools.synthetic`` (``--sources-per-claim``), the
others from the fictional dossier (tests/fictional_dossier/, invented town,
invented newspapers) with invented corrections and aliases added. Page sizes
of the big cases are measured on the generator's Markdown (``generate``), the
HTML on a real MkDocs build of a moderate case.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.kinds.home import HOME_SOURCES
from build_scripts.pages.render import render_jobs
from build_scripts.rules.check import load_and_check
from build_scripts.tools.synthetic import write_wide_dossier

from .helpers import article, build_site, environment, fictional_project, run_cli, soup, whole_search_index

PAGE_BYTES = 100 * 1024  # no page over 100 KB of HTML
# The theme adds some 20-30 KB of HTML around a page's Markdown (navigation,
# header, scripts): Markdown under this stays under PAGE_BYTES once built.
# Measured (December 2026, sources named by publisher with their title on
# hover): the 200-source topic page, 62,102 bytes of Markdown, is 78,276 bytes
# of HTML.
MARKDOWN_BYTES = 64 * 1024


def generate(root: Path, out: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """The site's source written by the generator; a build that does not end in
    ``timeout`` seconds fails the test (the pairs of 500 sources never ended)."""
    command = [sys.executable, "-m", "build_scripts", "--root", str(root), "generate", "--out", str(out)]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=environment(), timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the generator was still running after {timeout} s")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def markdown_sizes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_size for p in sorted(out.rglob("*.md"))}


def too_big(sizes: dict[str, int], limit: int) -> dict[str, int]:
    return {page: size for page, size in sizes.items() if size > limit}


# -- one claim quoted by 500 sources ----------------------------------------------


# Every test here writes a dossier of hundreds of sources and runs the generator
# or MkDocs on it as processes, as the build would.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wide_500(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("wide500") / "project"
    counts = write_wide_dossier(root, sources_per_claim=500)
    assert counts.sources == 500 and counts.widest == 500
    out = root / "build" / "site-source"
    generate(root, out)
    return root, out


def test_500_sources_on_one_claim_make_no_page_over_the_limit(wide_500):
    _root, out = wide_500
    sizes = markdown_sizes(out)
    assert not too_big(sizes, MARKDOWN_BYTES)
    # The comparison grows with the sources: a page per source that shares a
    # claim, each small; not a page of 124,750 pairs.
    compared = [p for p in sizes if p.startswith("compare/sources/")]
    assert len(compared) == 500
    assert sum(sizes[p] for p in compared) < 500 * 20 * 1024
    assert sum(sizes.values()) < 20 * 1024 * 1024
    # The About page counts the sources by licence instead of listing 500.
    about = (out / "about.md").read_text(encoding="utf-8")
    assert "The dossier rests on 500 sources" in about and "- [CC BY 4.0](" in about
    assert about.count("): 500 sources\n") == 1 and "sources/darberia" not in about


def test_the_widest_claim_shows_five_sources_and_links_to_all_of_them(wide_500):
    root, out = wide_500
    claims = yaml.safe_load(next((root / "content" / "claims").glob("*.yaml")).read_text(encoding="utf-8"))["claims"]
    widest = next(c for c in claims if len(c["evidence"]) == 500)
    topic = (out / "topics" / f"{widest['topics'][0]}.md").read_text(encoding="utf-8")
    block = topic.split(f'id="claim-{widest["id"]}"', 1)[1].split('<div class="dossier-claim"', 1)[0]
    assert "500 sources report this" in block
    assert "And 495 more sources: [every source's words](../compare/claims/" in block
    # Every source's words are on the claim's sources page, in parts of a page each.
    main = (out / "compare" / "claims" / f"{widest['id']}.md").read_text(encoding="utf-8")
    parts = sorted((out / "compare" / "claims" / widest["id"]).glob("part-*.md"))
    assert len(parts) > 1 and all(f"({p.relative_to(out / 'compare' / 'claims').as_posix()})" in main for p in parts)
    linked = set()
    for part in parts:
        text = part.read_text(encoding="utf-8")
        # Each source is named by its publisher, its title on hover: `[…](…#q-id "title")`.
        linked |= {e["source"] for e in widest["evidence"] if f"sources/{e['source']}.md#q-{widest['id']} " in text}
    assert linked == {e["source"] for e in widest["evidence"]}


def test_the_site_grows_at_most_linearly_with_the_sources(tmp_path):
    """Twice the sources, about twice the pages and bytes to make (the pairs made it four
    times). Measured in bytes and pages, which the same input always gives, not in
    seconds: the generator's and the build's times are `make bench`'s (`--wide`)."""
    made = {}
    for sources in (100, 200):
        root = tmp_path / f"wide{sources}"
        write_wide_dossier(root, sources_per_claim=sources)
        generate(root, root / "out")
        sizes = markdown_sizes(root / "out")
        assert not too_big(sizes, MARKDOWN_BYTES)
        made[sources] = (len(sizes), sum(sizes.values()))
    pages, size = (made[200][i] / made[100][i] for i in (0, 1))
    # Linear growth is 2x (a little more for the fixed pages' share); quadratic would be 4x.
    assert pages < 2.5 and size < 2.5, made


def test_the_home_page_lists_the_first_sources_and_links_to_all_of_them(tmp_path):
    """A hundred stories of 5 to 50 sources (`make bench`'s wide dossier) made the home page
    356 KB: it listed every source. It lists the first ones, as it does the topics."""
    root = tmp_path / "project"
    write_wide_dossier(root, sources_per_claim=HOME_SOURCES + 5)
    checked = load_and_check(root)
    [home] = render_jobs(PageIndexes(checked), [("home", ())])[0]
    listed = [line for line in home.text.split("## Where the facts come from", 1)[1].split("## Explore", 1)[0]
              .splitlines() if line.startswith("- ")]
    assert len(listed) == HOME_SOURCES < len(checked.content.sources)
    assert f"[All {len(checked.content.sources)} sources](sources/index.md)" in home.text


# -- a moderate case, built with MkDocs ---------------------------------------------


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("wide40") / "project"
    write_wide_dossier(root, sources_per_claim=40, stories=2)
    site = root / "site"
    result = build_site(root, site, offline_copy=False)
    assert result.returncode == 0, result.stderr
    return root, site


def test_a_many_sources_site_builds_with_every_page_under_the_limit(wide_site):
    root, site = wide_site
    heavy = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html") if p.stat().st_size > PAGE_BYTES}
    assert not heavy
    result = run_cli(root, "linkcheck", str(site))
    assert result.returncode == 0, result.stdout


def test_the_compare_page_is_a_table_of_sources_each_with_its_own_page(wide_site):
    root, site = wide_site
    page = article(site / "compare.html")
    rows = page.select("table tbody tr")
    sources = sorted(p.stem for p in (root / "content" / "sources").glob("*.yaml"))
    assert len(rows) == len(sources)
    for row, source_id in zip(rows, sources, strict=True):
        links = [a["href"] for a in row.find_all("a")]
        assert links[0] == f"sources/{source_id}.html" and links[-1] == f"compare/sources/{source_id}.html"
    # A source's comparison page: each claim it shares, its words, the others', and the disagreement.
    first = article(site / "compare" / "sources" / f"{sources[0]}.html")
    claims = first.select(".dossier-compared-claim")
    assert claims
    for claim in claims:
        assert claim.find("blockquote") is not None
        assert claim.select_one(".dossier-compared-others, .dossier-conflict") is not None
    assert first.select(".dossier-conflict")


def test_a_corroboration_line_names_five_others_and_links_to_the_rest(wide_site):
    root, site = wide_site
    sources = sorted(p.stem for p in (root / "content" / "sources").glob("*.yaml"))
    page = article(site / "sources" / f"{sources[0]}.html")
    lines = [x for x in page.select(".dossier-corroboration") if int(x["data-sources"]) > 6]
    assert lines
    for line in lines:
        links = line.find_all("a")
        assert len(links) == 6, line  # five others and "N more"
        more = links[-1]
        assert more.get_text().endswith("more") and "compare/claims/" in more["href"]
        assert (site / "sources" / more["href"]).resolve().is_file()


# -- a claim corrected 1,500 times, a term with 3,000 aliases ---------------------


CORRECTIONS = 1500
ALIASES = 3000


def _add_corrections_and_aliases(root: Path) -> str:
    """Invented corrections on one claim of the fictional dossier, and invented
    aliases on its glossary term (whose definition links to its topic, so that
    its names are weighed in search on the topic page). Returns the claim's id."""
    claims_file = root / "content" / "claims" / "bridge-reopening.yaml"
    data = yaml.safe_load(claims_file.read_text(encoding="utf-8"))
    claim = data["claims"][0]
    claim["corrections"] = [{"date": f"20{31 + i // 365 % 60}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}",
                             "change": f"Fictional correction number {i + 1} of the statement's wording.",
                             "reason": "An invented reader compared it with the invented sources."}
                            for i in range(CORRECTIONS)]
    claims_file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    glossary_file = root / "content" / "glossary.yaml"
    glossary = yaml.safe_load(glossary_file.read_text(encoding="utf-8"))
    term = glossary["terms"][0]
    term["definition"] += " See [the reopening](topic:bridge-reopening)."
    term["aliases"] = [f"velmora crown coin number {i + 1}" for i in range(ALIASES)]
    glossary_file.write_text(yaml.safe_dump(glossary, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return claim["id"]


@pytest.fixture(scope="module")
def long_lists(tmp_path_factory) -> tuple[Path, Path, str]:
    root = fictional_project(tmp_path_factory.mktemp("longlists") / "project")
    claim_id = _add_corrections_and_aliases(root)
    site = root / "site"
    result = build_site(root, site, offline_copy=False)
    assert result.returncode == 0, result.stderr
    return root, site, claim_id


def test_long_lists_of_corrections_and_aliases_make_no_page_over_the_limit(long_lists):
    _root, site, _claim = long_lists
    heavy = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html") if p.stat().st_size > PAGE_BYTES}
    assert not heavy


def test_a_claim_shows_its_newest_corrections_and_the_corrections_page_is_in_parts(long_lists):
    root, site, claim_id = long_lists
    record = yaml.safe_load((root / "content" / "claims" / "bridge-reopening.yaml").read_text(encoding="utf-8"))["claims"][0]
    block = article(site / "topics" / "bridge-reopening.html").find(id=f"claim-{claim_id}")
    shown = block.select(".dossier-corrections li")
    assert len(shown) == 5
    newest = sorted((c["date"] for c in record["corrections"]), reverse=True)[:5]
    assert [li.find("time")["datetime"] for li in shown] == newest
    assert f"{CORRECTIONS - 5} earlier corrections" in block.select_one(".dossier-corrections").get_text(" ")
    main = article(site / "corrections.html")
    parts = [a["href"] for a in main.select("ul a[href^='corrections/']")]
    assert len(parts) > 1
    entries = sum(len(article(site / href).select(".dossier-correction-entry")) for href in parts)
    content = load_and_check(root).content
    every = sum(len(located.record.corrections) for records in (content.claims, content.actors, content.topics)
                for located in records.values())
    assert every > CORRECTIONS and entries == every  # the fictional dossier's own corrections too


def test_thousands_of_aliases_keep_the_search_index_proportional_to_the_text(long_lists, tmp_path):
    _root, site, _claim = long_lists
    glossary = article(site / "glossary.html").get_text(" ")
    assert "velmora crown coin number 12”" in glossary and "velmora crown coin number 13”" not in glossary
    assert f"and {ALIASES - 12} more" in glossary
    # Every alias is still one download away, and in the forgiving search's names.
    names = (site / "assets" / "search-names.js").read_text(encoding="utf-8")
    assert f"velmora crown coin number {ALIASES}" in names
    # The search index: the aliases' text (about 90 KB) at most a few times over, not on every page.
    index = site / "search" / "search_index.js"
    alias_bytes = sum(len(f"velmora crown coin number {i + 1}") for i in range(ALIASES))
    docs = whole_search_index(site)["docs"]
    assert index.stat().st_size < 1024 * 1024 + 2 * alias_bytes, index.stat().st_size
    assert sum(doc["text"].count("velmora crown coin number") for doc in docs) < 100
    assert soup(site / "index.html") is not None
