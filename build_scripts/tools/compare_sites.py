"""Compare two built sites file by file: ``python -m build_scripts.tools.compare_sites A B``.

Prints the files only one site has, and for each file whose bytes differ the
first line that differs (for a zip, the first member that differs), then one
line with the counts. Exits 0 when the sites are byte-identical, 1 otherwise.
A refactor that must keep the site as it was is checked with it: build the
site before and after, and compare.
"""

from __future__ import annotations

import argparse
import difflib
import io
import sys
import zipfile
from pathlib import Path


def files_of(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def first_difference(a: bytes, b: bytes, name: str) -> str:
    """Where two versions of one file first differ, in a line a person can read."""
    if name.endswith(".zip"):
        return _zip_difference(a, b)
    try:
        lines_a, lines_b = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"binary, {len(a)} and {len(b)} bytes"
    for number, (line_a, line_b) in enumerate(zip(lines_a, lines_b, strict=False), start=1):
        if line_a != line_b:
            start = next(i for i, (x, y) in enumerate(zip(line_a + "\0", line_b + "\0", strict=False)) if x != y)
            return f"line {number}: {line_a[max(0, start - 40):start + 60]!r} / {line_b[max(0, start - 40):start + 60]!r}"
    return f"{len(lines_a)} and {len(lines_b)} lines (one ends the other)"


def _zip_difference(a: bytes, b: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(a)) as zip_a, zipfile.ZipFile(io.BytesIO(b)) as zip_b:
        names_a, names_b = zip_a.namelist(), zip_b.namelist()
        if names_a != names_b:
            changed = list(difflib.unified_diff(names_a, names_b, lineterm="", n=0))[2:4]
            return "members differ: " + " ".join(changed)
        for name in names_a:
            if zip_a.read(name) != zip_b.read(name):
                return f"member {name}: " + first_difference(zip_a.read(name), zip_b.read(name), name)
        return "same members and contents; the archive's own bytes differ (dates, order or compression)"


def compare(site_a: Path, site_b: Path, out=sys.stdout) -> bool:
    files_a, files_b = files_of(site_a), files_of(site_b)
    only_a = sorted(files_a.keys() - files_b.keys())
    only_b = sorted(files_b.keys() - files_a.keys())
    differing = []
    for name in sorted(files_a.keys() & files_b.keys()):
        data_a, data_b = files_a[name].read_bytes(), files_b[name].read_bytes()
        if data_a != data_b:
            differing.append((name, first_difference(data_a, data_b, name)))
    for name in only_a:
        print(f"only in {site_a}: {name}", file=out)
    for name in only_b:
        print(f"only in {site_b}: {name}", file=out)
    for name, where in differing:
        print(f"differs: {name}: {where}", file=out)
    same = len(files_a.keys() & files_b.keys()) - len(differing)
    print(f"{same} files identical, {len(differing)} differ, {len(only_a)} only in {site_a}, "
          f"{len(only_b)} only in {site_b}", file=out)
    return not (only_a or only_b or differing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.tools.compare_sites", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_a", type=Path)
    parser.add_argument("site_b", type=Path)
    args = parser.parse_args(argv)
    return 0 if compare(args.site_a, args.site_b) else 1


if __name__ == "__main__":
    sys.exit(main())
