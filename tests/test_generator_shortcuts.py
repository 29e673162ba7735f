"""The generator's shortcuts give what the plain way gives.

Each shortcut exists for speed (see maintainers/speed.md): YAML built from
libyaml's events in one pass, loading files on two cores, a value printed
again escaped once from a bounded cache, scanning a page for glossary terms
with one pattern, relative links without ``posixpath.relpath``, and a new
folder of site source written whole. Here each is held against the plain
way.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts import parallel
from build_scripts.content import load
from build_scripts.content import prose as markup
from build_scripts.content.load import Content, Located, Origin, load_content
from build_scripts.content.model import GlossaryTerm
from build_scripts.content.problems import DossierError
from build_scripts.content.prose import escape_text
from build_scripts.content.safe_yaml import Positions, load_yaml
from build_scripts.pages.derived import glossary
from build_scripts.pages.derived.trie_pattern import trie_pattern
from build_scripts.pages.links import relative_path
from build_scripts.site_source.generate import MANIFEST, write_site_source

from .helpers import PROJECT_ROOT

# -- YAML in one pass -----------------------------------------------------------


class _DatesAsText(yaml.CSafeLoader):
    """PyYAML's own safe loading, with dates kept as text as the dossier keeps them."""


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def test_every_content_file_loads_as_pyyamls_safe_loader_reads_it():
    paths = sorted((PROJECT_ROOT / "content").rglob("*.yaml"))
    assert len(paths) > 50
    for path in paths:
        data, _ = load_yaml(path, path.name)
        assert data == yaml.load(path.read_text(encoding="utf-8"), Loader=_DatesAsText), path


KEYS = st.from_regex(r"[a-z][a-z_-]{0,8}", fullmatch=True)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30))
DOCUMENTS = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
                         max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS, st.sampled_from([False, True, None]))
def test_documents_load_as_pyyamls_safe_loader_reads_them(tmp_path_factory, document, flow_style):
    text = yaml.safe_dump(document, default_flow_style=flow_style, allow_unicode=True)
    path = tmp_path_factory.mktemp("yaml") / "document.yaml"
    path.write_text(text, encoding="utf-8")
    data, positions = load_yaml(path, "document.yaml")
    assert data == yaml.load(text, Loader=_DatesAsText)
    if isinstance(document, dict):  # every key's value has its place
        assert all((key,) in positions.places for key in document)


# -- loading on two cores ------------------------------------------------------


def test_content_loaded_in_a_forked_copy_is_the_content_loaded_in_one_process(monkeypatch):
    in_one = load_content(PROJECT_ROOT)
    monkeypatch.setattr(load, "FILES_WORTH_A_FORK", 1)
    monkeypatch.setattr(parallel, "map_in_two", parallel.forked_map)  # fork whatever the machine
    in_two = load_content(PROJECT_ROOT)
    assert in_two == in_one
    assert len(in_one.claims) > 50
    # The places of values, which every problem message points at, came through too.
    claim_id = sorted(in_one.claims)[7]
    assert in_two.claims[claim_id].origin.at("evidence", 0, "quote") == in_one.claims[claim_id].origin.at("evidence", 0, "quote")


def test_problems_found_in_a_forked_copy_are_reported_in_file_order(project_copy, monkeypatch):
    claims = sorted((project_copy / "content" / "claims").glob("*.yaml"))
    claims[0].write_text(claims[0].read_text(encoding="utf-8") + "  quote: [unclosed\n", encoding="utf-8")
    text = claims[3].read_text(encoding="utf-8")
    claims[3].write_text(text.replace("certainty: stated", "certainty: rumoured", 1), encoding="utf-8")
    (project_copy / "content" / "actors" / "Not_A_Slug.yaml").write_text("name: x\n", encoding="utf-8")

    def problems() -> list[str]:
        with pytest.raises(DossierError) as raised:
            load_content(project_copy)
        return [str(problem) for problem in raised.value.problems]

    in_one = problems()
    monkeypatch.setattr(load, "FILES_WORTH_A_FORK", 1)
    monkeypatch.setattr(parallel, "map_in_two", parallel.forked_map)
    assert problems() == in_one
    assert len(in_one) >= 3


# -- printing each value once escaped ------------------------------------------


def test_a_value_printed_again_is_escaped_the_same_and_the_kept_copies_are_bounded(monkeypatch):
    hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) *a* 1955. -"
    first = escape_text(hostile)
    assert escape_text(hostile) is first
    assert "<" not in first and "[" not in first
    monkeypatch.setattr(markup, "_ESCAPED_KEPT", 10)
    markup._escaped.clear()
    for number in range(25):
        assert escape_text(f"- item {number}") == markup._escape_str(f"- item {number}")
    assert len(markup._escaped) <= 10


# -- glossary terms on a page --------------------------------------------------

TERMS = ["EU", "EU-3", "EU 3 group", "S-4", "S-400", "Su-35", "2+2 dialogue", "multilateralism", "multi", "A.B", "AB"]


def _content_with_terms(terms: list[str]) -> Content:
    content = Content(root=PROJECT_ROOT)
    for number, term in enumerate(terms):
        record = GlossaryTerm(id=f"term-{number}", term=term, definition=f"Definition {number}.")
        content.glossary[record.id] = Located(record, Origin(Positions("content/glossary.yaml")))
    return content


PIECES = st.lists(st.sampled_from(TERMS + ["x", "3", "-", " ", ".", "s", "group", "_", "&amp;", "400"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(PIECES)
def test_every_term_the_abbr_extension_marks_on_a_page_gets_its_definition(pieces):
    content = _content_with_terms(TERMS)
    text = "".join(pieces)
    lines = glossary.abbreviations(glossary.TermIndex(content), text)
    # What Python-Markdown's abbr (with this project's pattern) marks in the page's text.
    marked = {m.group() for m in re.finditer(r"\b(?:" + trie_pattern(TERMS) + r")\b", text.replace("&amp;", "&"))}
    for term in marked:
        assert f"*[{term}]: " in lines, (text, term)


def test_a_term_inside_a_longer_one_gets_its_definition_too():
    content = _content_with_terms(TERMS)
    # "EU-3" is written here, but followed by a letter: abbr marks "EU" alone.
    lines = glossary.abbreviations(glossary.TermIndex(content), "the EU-3x talks")
    assert "*[EU]: " in lines
    assert glossary.abbreviations(glossary.TermIndex(content), "nothing to define") == ""


# -- relative links -------------------------------------------------------------

SEGMENT = st.sampled_from(["actors", "topics", "sources", "a", "b", "index.md", "x.md", "part-2"])


@settings(max_examples=500, deadline=None)
@given(st.lists(SEGMENT, min_size=1, max_size=4), st.lists(SEGMENT, max_size=3))
def test_relative_paths_are_those_of_relpath(to_parts, from_parts):
    to_page, from_folder = "/".join(to_parts), "/".join(from_parts) or "."
    assert relative_path(to_page, from_folder) == posixpath.relpath(to_page, from_folder)


# -- writing the site's source ---------------------------------------------------


def _files_in(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != MANIFEST}


def test_the_site_source_written_into_a_new_folder_and_again_into_it(tmp_path):
    out = tmp_path / "generated"
    files = {"index.md": b"# Home\n", "actors/india.md": b"# India\n", "actors/russia.md": b"# Russia\n",
             "sources/a/part-2.md": b"# Part\n", "downloads/dossier.json": b"[]"}
    assert write_site_source(files, out) == list(files)
    assert _files_in(out) == files
    assert [p.name for p in tmp_path.iterdir()] == ["generated"]  # nothing left beside it

    changed = {"index.md": b"# Home\n", "actors/india.md": b"# India, changed\n", "sources/a/part-2.md": b"# Part\n"}
    assert write_site_source(changed, out) == ["actors/india.md"]
    assert _files_in(out) == changed


def test_the_site_source_leaves_files_it_did_not_write(tmp_path):
    out = tmp_path / "docs-copy"
    out.mkdir()
    (out / "about.md").write_text("# Mine\n")  # a file of someone else's, in the folder before
    (out / "notes").mkdir()
    (out / "notes" / "todo.md").write_text("- keep me\n")
    write_site_source({"index.md": b"# Home\n", "actors/india.md": b"# India\n"}, out)
    write_site_source({"index.md": b"# Home again\n"}, out)  # india no longer made: removed
    assert _files_in(out) == {"about.md": b"# Mine\n", "notes/todo.md": b"- keep me\n", "index.md": b"# Home again\n"}
