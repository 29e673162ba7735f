"""The generator end to end: content/ and seeds/ in, Markdown pages out.

Used by the MkDocs hook (pages become virtual files, nothing is written into
docs/) and by the command line (pages are written to a folder, for tools that
run no MkDocs hooks).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

from build_scripts import parallel
from build_scripts.content.load import Content, load_content
from build_scripts.pages import glossary, relations
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.render import Page, page_jobs, render_jobs
from build_scripts.rules.check import CheckedDossier, check_content
from build_scripts.site_source import contributing, downloads

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Generated:
    checked: CheckedDossier
    indexes: PageIndexes  # what the pages derived from the dossier (the glossary's terms among them)
    pages: list[Page]
    data_files: list[downloads.DownloadFile]  # the Downloads page's files
    files: dict[str, bytes]  # other files the pages link to, by site path (the network pictures)


def generate(root: Path = PROJECT_ROOT) -> Generated:
    """Load, check and render; raises ``DossierError`` listing every problem."""
    with cycle_collector_paused():
        checked, data_files = check_with_data_files(load_content(root))
        indexes = PageIndexes(checked, data_files)
        pages = render_all(indexes)
        return Generated(checked, indexes, pages, data_files, relations.picture_files(pages))


def check_with_data_files(content: Content) -> tuple[CheckedDossier, list[downloads.DownloadFile]]:
    """``check_content``, and the data files of the Downloads page made
    meanwhile in a forked copy where it pays (parallel.py): they need the
    records alone, and checking and making them each take a core."""
    with parallel.in_copy(functools.partial(downloads.make_download_files, content)) as data_files:
        checked = check_content(content)
        made = data_files()
    return checked, made


def render_all(indexes: PageIndexes) -> list[Page]:
    """Every page, complete, sorted by path; on two cores where it can (parallel.py)."""
    work = functools.partial(_render_and_complete, indexes)
    pages = [page for job_pages in parallel.map_in_two(work, page_jobs(indexes.content)) for page in job_pages]
    return sorted(pages, key=lambda page: page.path)


def _render_and_complete(indexes: PageIndexes, jobs: list) -> list[list[Page]]:
    return [complete_pages(indexes, job_pages) for job_pages in render_jobs(indexes, jobs)]


def complete_pages(indexes: PageIndexes, pages: list[Page]) -> list[Page]:
    """Each page as MkDocs reads it: its Markdown, then the link to the content
    file it is made from, then the hover definitions of the glossary terms it
    uses (last, so that they cover the whole page)."""
    origins = contributing.page_origins(pages)  # each page's own origin is all its link needs
    completed = []
    for page in pages:
        text = page.text + contributing.source_link(page.path, origins)
        text += glossary.abbreviations(indexes.terms, text)
        completed.append(dataclasses.replace(page, text=text))
    return completed


@contextlib.contextmanager
def cycle_collector_paused():
    """Let Python's cycle collector rest while the generator runs.

    The generator makes millions of objects that all stay in use until it
    returns; the collector would walk them again and again and find nothing
    to free (a quarter of the generator's time for a dossier 100 times
    today's, and no lower peak memory). It resumes, as it was, afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_pages(pages: list[Page], out_dir: Path) -> list[str]:
    """Write pages under ``out_dir``, touching only files whose bytes changed.

    Files left from earlier runs that no page produces any more are removed.
    Returns the paths written.
    """
    if not out_dir.exists():
        return _write_new_folder(pages, out_dir)
    written = []
    wanted = {page.path for page in pages}
    for page in pages:
        target = out_dir / page.path
        data = page.text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target, then renamed over it: a reader never sees half a page.
        temporary = target.with_name(f".tmp-{target.name}")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        written.append(page.path)
    if out_dir.is_dir():
        for stale in sorted(out_dir.rglob("*.md")):
            if stale.relative_to(out_dir).as_posix() not in wanted:
                stale.unlink()
    return written


def _write_new_folder(pages: list[Page], out_dir: Path) -> list[str]:
    """Every page into a folder that does not exist yet: written whole
    beside it, then renamed into place, so that a reader sees every page or
    none, and each page is one new file (written through a renamed copy, it
    was two: creating files is most of the time writing takes)."""
    building = out_dir.with_name(f".tmp-{out_dir.name}")
    shutil.rmtree(building, ignore_errors=True)
    for folder in sorted({posixpath.dirname(page.path) for page in pages}):
        (building / folder).mkdir(parents=True, exist_ok=True)
    for page in pages:
        (building / page.path).write_bytes(page.text.encode("utf-8"))
    os.replace(building, out_dir)
    return [page.path for page in pages]
