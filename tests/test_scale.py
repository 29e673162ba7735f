"""A dossier ten times today's (benchmarks/synthetic.py) passes every check and
builds with `mkdocs build --strict`; the navigation stays lean as it grows.
Timings are the benchmark's business (make bench), not this test's."""

from __future__ import annotations

import re

import pytest

from benchmarks.synthetic import count_dossier, write_dossier
from build_scripts.check import load_and_check

from .helpers import build_site, soup, tree_digest

SCALE = 10


@pytest.fixture(scope="module")
def today():
    return count_dossier()


@pytest.fixture(scope="module")
def dossier_x10(tmp_path_factory, today):
    root = tmp_path_factory.mktemp("scale") / "x10"
    write_dossier(root, SCALE, seed=1, base=today)
    return root


def test_the_synthetic_dossier_is_ten_times_today(dossier_x10, today):
    content = load_and_check(dossier_x10).content
    assert len(content.sources) == SCALE * today.sources
    assert len(content.actors) == SCALE * today.actors
    assert len(content.topics) == SCALE * today.topics
    assert len(content.claims) == SCALE * today.claims
    assert len(content.relations) == SCALE * today.relations
    assert len(content.glossary) == SCALE * today.glossary
    assert len(content.context) == SCALE * today.context


def test_it_passes_every_check_without_a_warning(dossier_x10):
    checked = load_and_check(dossier_x10)
    assert checked.warnings == []
    assert checked.header_warnings == []
    assert all(not text_uncovered for text_uncovered in checked.uncovered.values())
    # Every quote is found once in its text: no claim needs an occurrence number.
    claims = checked.content.claims
    assert all(located.record.occurrence is None for located in claims.values())
    assert set(checked.quote_spans) == set(claims)


def test_the_same_seed_writes_the_same_bytes(tmp_path, today):
    write_dossier(tmp_path / "a", 2, seed=7, base=today)
    write_dossier(tmp_path / "b", 2, seed=7, base=today)
    write_dossier(tmp_path / "c", 2, seed=8, base=today)
    content = lambda name: {p: d for p, d in tree_digest(tmp_path / name).items()  # noqa: E731
                            if p.startswith(("content/", "seeds/"))}
    assert content("a") == content("b")
    assert content("a") != content("c")


def test_it_builds_strict_with_a_page_per_record_and_a_lean_navigation(dossier_x10, tmp_path):
    site = tmp_path / "site"
    result = build_site(dossier_x10, site)
    assert result.returncode == 0, result.stderr[-3000:]

    content = load_and_check(dossier_x10).content
    for kind, ids in (("actors", content.actors), ("topics", content.topics), ("sources", content.sources)):
        built = {p.stem for p in (site / kind).glob("*.html")} - {"index"}
        assert built == set(ids), kind

    # Material prints the navigation into every page: it must list the index
    # pages only, never a page per record, or every page grows with the dossier.
    record_page = re.compile(r"^(\.\./)?(actors|topics|sources)/(?!index\.html)[^/]+\.html")
    for page in [site / "index.html", site / "actors" / f"{sorted(content.actors)[0]}.html"]:
        nav = soup(page).select_one("nav.md-nav--primary")
        links = [a["href"] for a in nav.select("a[href]")]
        assert links and not [href for href in links if record_page.match(href)], page
