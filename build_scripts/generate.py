"""The generator end to end: content/ and seeds/ in, Markdown pages out.

Used by the MkDocs hook (pages become virtual files, nothing is written into
docs/) and by the command line (pages are written to a folder, for tools that
run no MkDocs hooks).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .check import CheckedDossier, check_content
from .load import load_content
from .pages import Page, render_pages

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Generated:
    checked: CheckedDossier
    pages: list[Page]


def generate(root: Path = PROJECT_ROOT) -> Generated:
    """Load, check and render; raises ``DossierError`` listing every problem."""
    checked = check_content(load_content(root))
    return Generated(checked, render_pages(checked))


def write_pages(pages: list[Page], out_dir: Path) -> list[str]:
    """Write pages under ``out_dir``, touching only files whose bytes changed.

    Files left from earlier runs that no page produces any more are removed.
    Returns the paths written.
    """
    written = []
    wanted = {page.path for page in pages}
    for page in pages:
        target = out_dir / page.path
        data = page.text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, prefix=".tmp-") as handle:
            handle.write(data)
        os.replace(handle.name, target)
        written.append(page.path)
    if out_dir.is_dir():
        for stale in sorted(out_dir.rglob("*.md")):
            if stale.relative_to(out_dir).as_posix() not in wanted:
                stale.unlink()
    return written
