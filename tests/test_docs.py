"""The project's documents stay short and their links lead somewhere: the README
at most 150 lines, and every relative link in the README, the maintainers'
documents (maintainers/) and the benchmarks' README names a file of the
repository, and a heading of it where the link gives one. Reads files only:
no build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import PROJECT_ROOT

README_MAX_LINES = 150

DOCUMENTS = sorted([PROJECT_ROOT / "README.md", PROJECT_ROOT / "benchmarks" / "README.md",
                    *(PROJECT_ROOT / "maintainers").glob("*.md")])

_FENCED_BLOCK = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def links(markdown: str) -> list[str]:
    """The targets of the Markdown links of a text, code blocks and code spans left out."""
    prose = _CODE_SPAN.sub("", _FENCED_BLOCK.sub("", markdown))
    return [match.group(1) for match in _LINK.finditer(prose)]


def anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown text."""
    found: set[str] = set()
    for heading in _HEADING.findall(_FENCED_BLOCK.sub("", markdown)):
        text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
        slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
        anchor, number = slug, 1
        while anchor in found:
            anchor, number = f"{slug}-{number}", number + 1
        found.add(anchor)
    return found


def broken_links(document: Path, root: Path = PROJECT_ROOT) -> list[str]:
    """Each relative link of ``document`` that names no file of ``root`` (or no heading of it), with why."""
    broken = []
    for target in links(document.read_text(encoding="utf-8")):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            continue  # https:, mailto:: not a file of the repository
        path_part, _, fragment = target.partition("#")
        linked = (document.parent / path_part).resolve() if path_part else document
        if not linked.exists():
            broken.append(f"{target}: no such file or folder")
        elif not linked.is_relative_to(root.resolve()):
            broken.append(f"{target}: outside the repository")
        elif fragment and linked.suffix == ".md" and fragment not in anchors(linked.read_text(encoding="utf-8")):
            broken.append(f"{target}: no heading '{fragment}' in {linked.name}")
    return broken


def test_the_readme_is_at_most_150_lines():
    lines = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, (
        f"README.md has {len(lines)} lines; keep it to {README_MAX_LINES} and move the details to maintainers/ "
        "or benchmarks/README.md")


def test_the_maintainers_documents_exist_and_the_readme_links_to_them():
    names = {path.name for path in (PROJECT_ROOT / "maintainers").glob("*.md")}
    assert {"README.md", "how-a-page-is-made.md", "renderers.md", "speed.md", "hostile-input.md",
            "reader-features.md", "testing.md"} <= names
    readme_links = set(links((PROJECT_ROOT / "README.md").read_text(encoding="utf-8")))
    assert {f"maintainers/{name}" for name in names} <= readme_links


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.relative_to(PROJECT_ROOT).as_posix())
def test_every_relative_link_leads_to_a_file(document):
    assert broken_links(document) == []


def test_a_link_to_a_missing_file_or_heading_is_found(tmp_path):
    # The check itself: a document with one good link and two broken ones.
    (tmp_path / "other.md").write_text("# Other\n\n## A heading, with `code`\n", encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text("[good](other.md#a-heading-with-code) [web](https://example.org/x.md) "
                        "`[in code](missing.md)`\n[gone](missing.md) [no heading](other.md#nowhere)\n",
                        encoding="utf-8")
    assert links(document.read_text(encoding="utf-8")) == [
        "other.md#a-heading-with-code", "https://example.org/x.md", "missing.md", "other.md#nowhere"]
    assert broken_links(document, root=tmp_path) == [
        "missing.md: no such file or folder", "other.md#nowhere: no heading 'nowhere' in other.md"]
    (tmp_path / "missing.md").write_text("# Here now\n", encoding="utf-8")
    assert broken_links(document, root=tmp_path) == ["other.md#nowhere: no heading 'nowhere' in other.md"]
    assert broken_links(document, root=tmp_path / "elsewhere")[0] == "other.md#a-heading-with-code: outside the repository"
