"""Golden pages: the Markdown the engine generates for the fictional dossier
(tests/fictional_dossier/, invented), kept under tests/golden/fictional_dossier/,
one file per page. tests/test_golden_pages.py compares what the engine makes
today with them and shows a unified diff of each page that changed.

After a change meant to change the pages, rewrite them and read the diff:

    make goldens            (or: .venv/bin/python -m tests.golden --update)
    git diff tests/golden/

Only the pages made from the dossier's records are kept: the contributing
guide (a copy of CONTRIBUTING.md) and the schema reference (from the model)
say nothing of the dossier.
"""

from __future__ import annotations

import difflib
import shutil
import sys
import tempfile
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "fictional_dossier"


def record_pages(generated) -> dict[str, str]:
    """{page path: Markdown} of the pages generated from the dossier's content files."""
    return {page.path: page.text for page in generated.pages if page.origin.startswith("content")}


def golden_pages() -> dict[str, str]:
    """{page path: Markdown} as kept under tests/golden/fictional_dossier/."""
    return {path.relative_to(GOLDEN).as_posix(): path.read_bytes().decode("utf-8")
            for path in sorted(GOLDEN.rglob("*.md"))}


def differences(made: dict[str, str], kept: dict[str, str]) -> list[str]:
    """One unified diff (golden -> made) for each page that differs, is new or is gone."""
    diffs = []
    for path in sorted(made.keys() | kept.keys()):
        before, after = kept.get(path), made.get(path)
        if before == after:
            continue
        diffs.append("".join(difflib.unified_diff(
            (before or "").splitlines(keepends=True), (after or "").splitlines(keepends=True),
            f"tests/golden/fictional_dossier/{path}" if before is not None else "/dev/null",
            f"generated/{path}" if after is not None else "/dev/null")))
    return diffs


def write_goldens(made: dict[str, str]) -> list[str]:
    """Rewrite tests/golden/fictional_dossier/ with ``made``; returns the paths that changed."""
    changed = [path for path in sorted(made.keys() | golden_pages().keys())
               if golden_pages().get(path) != made.get(path)]
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for path, text in made.items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    return changed


def generate_fictional() -> dict[str, str]:
    """The record pages of the fictional dossier, generated in-process in a throwaway copy of the project."""
    from build_scripts.site_source.generate import generate
    from tests.helpers import fictional_project

    with tempfile.TemporaryDirectory() as scratch:
        return record_pages(generate(fictional_project(Path(scratch) / "project")))


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print("usage: python -m tests.golden --update   (rewrites tests/golden/fictional_dossier/)", file=sys.stderr)
        return 2
    changed = write_goldens(generate_fictional())
    for path in changed:
        print(f"rewrote tests/golden/fictional_dossier/{path}")
    print(f"{len(changed)} golden page(s) changed; read `git diff tests/golden/` before committing them")
    return 0
