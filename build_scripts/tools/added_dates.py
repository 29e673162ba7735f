"""`python -m build_scripts.tools.added_dates`: give every source and claim that has no
``added`` date the day it first appeared in the repository's history.

Sources and claims carry the day they were added to the dossier (``added``),
which the What's new page, the feed and each page's "last changed" read. The
records written before the field existed got it once from ``git log`` with
this command; it is kept for dossiers made before the field, and for a
branch that adds records without it. A record's day is the author date
(``%as``: the day its author committed it, kept when history is rebased) of
the oldest commit whose tree holds it: a source by its file
``content/sources/<id>.yaml``, a claim by its id in any claims file (a claim
moved from one file to another keeps its day). A record that is in no commit
yet is left without one, and named.

It writes only the ``added`` field, through the formatter (``fmt.py``: comments
kept, the field put where the model orders it). ``--check`` writes nothing
and exits 1 when a record would get a date. The build never runs it: the site
depends on the content only, never on the repository's history.
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
from pathlib import Path

import yaml

from build_scripts.content import model
from build_scripts.content.load import kind_of
from build_scripts.content.schema import header_line
from build_scripts.tools import fmt

FOLDERS = ("content/sources", "content/claims")


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


def _ids_in(path: str, text: str) -> list[str]:
    """The ids of the records a file of ``FOLDERS`` held at one commit ([] if it cannot be read)."""
    if path.startswith("content/sources/"):
        return [Path(path).stem]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    claims = data.get("claims") if isinstance(data, dict) else None
    return [c["id"] for c in claims or [] if isinstance(c, dict) and isinstance(c.get("id"), str)]


def first_seen(root: Path) -> dict[tuple[str, str], str]:
    """{("source" or "claim", id): the author date of the oldest commit that holds it}."""
    seen: dict[tuple[str, str], str] = {}
    log = _git(root, "log", "--reverse", "--topo-order", "--format=%H %as", "--", *FOLDERS)
    for line in log.splitlines():
        commit, day = line.split()
        changed = _git(root, "diff-tree", "--root", "--no-commit-id", "-r", "--name-only", "--diff-filter=AMRC",
                       commit, "--", *FOLDERS)
        for path in changed.splitlines():
            if not path.endswith(".yaml"):
                continue
            kind = "source" if path.startswith("content/sources/") else "claim"
            text = _git(root, "show", f"{commit}:{path}")
            for record_id in _ids_in(path, text):
                seen.setdefault((kind, record_id), day)
    return seen


def missing_dates(root: Path) -> dict[Path, dict[str, str | None]]:
    """{content file: {record id: its day, or None when no commit holds it}} for every source and
    claim of the working tree without ``added``."""
    seen = first_seen(root)
    wanted: dict[Path, dict[str, str | None]] = {}
    for path in sorted((root / "content" / "sources").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and "added" not in data:
            wanted[path] = {path.stem: seen.get(("source", path.stem))}
    for path in sorted((root / "content" / "claims").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for claim in data.get("claims") or [] if isinstance(data, dict) else []:
            if isinstance(claim, dict) and "added" not in claim and isinstance(claim.get("id"), str):
                wanted.setdefault(path, {})[claim["id"]] = seen.get(("claim", claim["id"]))
    return wanted


def with_dates(root: Path, path: Path, days: dict[str, str]) -> str:
    """The file's text with ``added`` given to the records named in ``days``, canonically formatted."""
    relative = path.relative_to(root / "content")
    kind = kind_of(relative)

    def add(data) -> None:
        # A date, not text: the writer then leaves it unquoted, as the other dates of a file.
        if kind == "source":
            data["added"] = datetime.date.fromisoformat(days[path.stem])
            return
        for claim in data["claims"]:
            if claim.get("id") in days and "added" not in claim:
                claim["added"] = datetime.date.fromisoformat(days[claim["id"]])

    text = fmt.format_text(path.read_text(encoding="utf-8"), model.RECORD_KINDS[kind], header_line(relative, kind),
                           relative.as_posix(), edit=add)
    # The blank line that parts two claims belongs, for ruamel.yaml, to the last field before it,
    # so the new last field lands after it: put the blank line back after the new field.
    return re.sub(r"\n\n( *added: \d{4}-\d{2}-\d{2}\n)", r"\n\1\n", text)


def run(root: Path, check_only: bool = False) -> int:
    wanted = missing_dates(root)
    unknown = [(path, record_id) for path, days in wanted.items() for record_id, day in days.items() if day is None]
    count = 0
    for path, days in wanted.items():
        known = {record_id: day for record_id, day in days.items() if day is not None}
        if not known:
            continue
        count += len(known)
        for record_id, day in known.items():
            print(f"{path.relative_to(root).as_posix()}: {record_id} added {day}")
        if not check_only:
            path.write_text(with_dates(root, path, known), encoding="utf-8", newline="\n")
    for path, record_id in unknown:
        print(f"{path.relative_to(root).as_posix()}: {record_id} is in no commit yet: give it 'added:' by hand",
              file=sys.stderr)
    verb = "would get" if check_only else "got"
    print(f"{count} record(s) {verb} the day they were added; {len(unknown)} in no commit yet.")
    return 1 if (check_only and count) or unknown else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.tools.added_dates", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2],
                        help="the project folder, a git work tree (default: this one)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a record would get a date")
    args = parser.parse_args(argv)
    return run(args.root.resolve(), args.check)


if __name__ == "__main__":
    sys.exit(main())
