"""The preview's generator that renders again only what an edit changed
(build_scripts/site_source/incremental.py, pages/dependencies.py).

After each edit of a series, its pages and files are those ``generate`` makes
of the same input from scratch; and an edit of one record renders few jobs
again.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_scripts.content.load import FileCache, load_content
from build_scripts.content.problems import DossierError
from build_scripts.site_source.generate import generate
from build_scripts.site_source.incremental import IncrementalGenerator


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _same_as_a_clean_run(incremental: IncrementalGenerator, root: Path) -> None:
    made = incremental.generate()
    clean = generate(root)
    assert [p.path for p in made.pages] == [p.path for p in clean.pages]
    for page, clean_page in zip(made.pages, clean.pages, strict=True):
        assert page == clean_page, page.path
    assert made.files == clean.files
    assert made.page_origins == clean.page_origins
    assert made.checked.header_warnings == clean.checked.header_warnings


# Each edit: (file, text, its replacement). Among them, edits that move a claim to
# another actor's page, rename the actor most claims name, reword a glossary term
# every page may abbreviate, the dossier's title every page may show, date a claim anew
# and drop a file's schema line.
EDITS = [
    ("content/actors/france.yaml", "name: France", "name: The French Republic"),
    ("content/actors/india.yaml", "name: India", "name: Republic of India"),
    ("content/claims/caatsa.yaml", "actors: [united-states, russia]", "actors: [united-states, russia, france]"),
    ("content/claims/caatsa.yaml", "India has sought a waiver", "India has asked for a waiver"),
    ("content/relations.yaml", "note: the S-400 air-defence system", "note: the S-400 Triumf system"),
    ("content/glossary.yaml", "expansion: S-400 Triumf", "expansion: S-400 Triumf (SA-21)"),
    ("content/dossier.yaml", "title: India, Russian arms", "title: India, arms from Russia"),
    ("content/relations.yaml", "  - from: india\n    type: buys-from\n    to: russia\n",
     "  - from: france\n    type: buys-from\n    to: russia\n    claims: [india-sought-waiver]\n"
     "  - from: india\n    type: buys-from\n    to: russia\n"),
    ("content/actors/india.yaml", "name: Republic of India", "name: India"),
    ("content/topics/jcpoa.yaml", "title: The Iran nuclear deal (JCPOA)", "title: The JCPOA"),
    ("content/sources/india-s400-iranian-oil.yaml", "title: India defies U.S.", "title: India defies the U.S."),
    ("content/context.yaml", "as Public Law 115-44.", "as Public Law 115-44 (an edit)."),
    # A claim dated anew: What's new and the feed, which list every change, move it.
    ("content/claims/afghanistan.yaml", "added: 2026-11-25\n\n  - id: taliban-challenged-us-led-war",
     "added: 2026-11-26\n\n  - id: taliban-challenged-us-led-war"),
    # A file without its schema line (read from the bytes the load kept, in the preview).
    ("content/actors/france.yaml", "# yaml-language-server: $schema=../../schema/actor.schema.json\n", ""),
]


def test_pages_after_a_series_of_edits_are_those_of_a_clean_run(project_copy):
    incremental = IncrementalGenerator(project_copy)
    _same_as_a_clean_run(incremental, project_copy)
    assert incremental.rendered == incremental.jobs
    for path, old, new in EDITS:
        _replace(project_copy / path, old, new)
        _same_as_a_clean_run(incremental, project_copy)


def test_an_edit_of_one_record_renders_few_jobs_again(project_copy):
    incremental = IncrementalGenerator(project_copy)
    texts = dict(incremental.generate().checked.texts)
    _replace(project_copy / "content/actors/france.yaml", "name: France", "name: The French Republic")
    _same_as_a_clean_run(incremental, project_copy)
    assert 0 < incremental.rendered < incremental.jobs / 3
    # The source texts, indexed for quotes by the first check, are those of the second.
    assert all(text is texts[source_id] for source_id, text in incremental.last.checked.texts.items())
    _same_as_a_clean_run(incremental, project_copy)  # nothing changed: nothing rendered
    assert incremental.rendered == 0


def test_a_broken_edit_keeps_the_last_good_run_to_compare_with(project_copy):
    incremental = IncrementalGenerator(project_copy)
    incremental.generate()
    actor = project_copy / "content/actors/france.yaml"
    _replace(actor, "kind: country", "kind: not-a-kind")
    with pytest.raises(DossierError):
        incremental.generate()
    _replace(actor, "kind: not-a-kind", "kind: country")
    _replace(actor, "name: France", "name: The French Republic")
    _same_as_a_clean_run(incremental, project_copy)


def test_content_files_are_read_again_only_when_their_bytes_change(project_copy):
    cache = FileCache()
    records = lambda content: {i: located.record for i, located in content.actors.items()}  # noqa: E731
    first = records(load_content(project_copy, cache))
    _replace(project_copy / "content/actors/france.yaml", "name: France", "name: The French Republic")
    second = records(load_content(project_copy, cache))
    _replace(project_copy / "content/actors/india.yaml", "name: India", "name: Republic of India")
    third = records(load_content(project_copy, cache))
    assert third == records(load_content(project_copy))  # the same records as without the cache
    assert second["france"].name == "The French Republic" and second["france"] is not first["france"]
    assert third["india"] is not second["india"]
    # Files that did not change since the first load: the records read then, every time after.
    assert third["china"] is second["china"] is first["china"]
    assert third["france"] is second["france"]


def _synthetic_edit(root: Path, actor_id: str, marker: str) -> None:
    path = root / "content" / "actors" / f"{actor_id}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^(name: [^'\"\n]+?)(?: Edit\d+)?$", rf"\1 {marker}", text, count=1, flags=re.M),
                    encoding="utf-8")


def _fewest_and_most_named(root: Path) -> list[str]:
    """The actors the fewest and the most claims name (as benchmarks/serve_reload.py picks them)."""
    content = load_content(root)
    named = {actor_id: 0 for actor_id in content.actors}
    for located in content.claims.values():
        for actor_id in located.record.actors:
            named[actor_id] += 1
    editable = [a for a in sorted(named) if re.search(r"^name: [^'\"\n]+$", (
        root / "content" / "actors" / f"{a}.yaml").read_text(encoding="utf-8"), re.M)]
    return [min(editable, key=lambda a: (named[a], a)), max(editable, key=lambda a: (named[a], a))]


def test_a_dossier_ten_times_today_s_after_edits_is_a_clean_run(dossier_x10, tmp_path):
    """Lists in parts (the timeline, What's new, the network, a source's text), and renames of
    the actors the fewest and the most claims name, as the benchmark makes them."""
    root = tmp_path / "x10"
    shutil.copytree(dossier_x10, root, ignore=shutil.ignore_patterns("site", "build", "__pycache__"))
    actors = _fewest_and_most_named(root)
    incremental = IncrementalGenerator(root)
    incremental.generate()
    for number, actor_id in enumerate([*actors, *actors], start=1):
        _synthetic_edit(root, actor_id, f"Edit{number}")
        _same_as_a_clean_run(incremental, root)
        assert incremental.rendered < incremental.jobs / 10
