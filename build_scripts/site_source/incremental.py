"""The generator for a preview that follows the edit: after a save, only the
page jobs that read a changed record are rendered again.

The first run renders every job (``page_jobs``) while ``pages/dependencies.py``
notes which records each one read (an actor, a claim, the dossier...), those
read through what pages share (indexes, views kept per folder) included.
The next run loads and checks the whole dossier as always, then compares it
with the previous one record by record: a job none of whose records changed
keeps its pages; the others are rendered again, and what they read is noted
again. Everything else (the data files, the contributor pages, the copies of
the content files) is made as ``generate`` makes it.

Every job is rendered again when an edit is not of records alone: a record
added or removed (a list may gain a line anywhere), a source text changed,
mkdocs.yml's addresses, or the engine's own files (templates are read again
when they change). Used by ``make serve`` (``mkdocs serve --dirty``) when
the speed-up switch allows it (``incremental_pages``); tests compare its
pages after a series of edits with ``generate``'s.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from build_scripts.content.load import Content, FileCache, load_content
from build_scripts.content.memo import Memo
from build_scripts.pages import dependencies
from build_scripts.pages.indexes import DOWNLOAD_FILES, PageIndexes
from build_scripts.pages.network import cache as drawing_cache
from build_scripts.pages.registry import PAGE_KINDS, module_of
from build_scripts.pages.render import Page, PageRenderer, page_jobs
from build_scripts.pages.site_settings import settings
from build_scripts.rules.check import CheckedDossier
from build_scripts.site_source import downloads
from build_scripts.site_source.generate import (
    DRAWINGS_FOLDER,
    Generated,
    assemble,
    check_with_data_files,
    complete_pages,
    cycle_collector_paused,
)

log = logging.getLogger("mkdocs.hooks.dossier")

ENGINE = Path(__file__).resolve().parents[1]  # build_scripts/: its templates are read again when they change

Job = tuple[str, tuple]



@dataclass
class _Run:
    """What one run made, for the next to compare with."""

    content: Content
    checked: CheckedDossier
    download_files: dict[str, bytes]
    shared: tuple  # what, changed, makes every job render again (see ``_shared_inputs``)
    pages: dict[Job, list[Page]]  # each job's pages, complete
    reads: dict[Job, frozenset]  # the keys each job read
    cut_off_entries: dict  # pages/dependencies.py, Tracker.cut_off_entries
    indexes: PageIndexes  # its shared views (PageIndexes.caches), for the next run to keep what it may
    entry_reads: dict  # what each of them read (Tracker.entry_reads)


class IncrementalGenerator:
    """``generate`` for one project, run again and again (``mkdocs serve``)."""

    def __init__(self, root: Path):
        self.root = root
        self.last: _Run | None = None
        self.files = FileCache()  # content files are read again only when their bytes change
        self.texts: dict = {}  # source texts, indexed for quotes once: {sha256: SourceText} (rules/check.py)
        self.memo = Memo()  # what was worked out from each record and text, for those a save left alone
        self.rendered_jobs: list[tuple[Job, float]] = []  # the jobs the last run rendered, and the seconds each took
        self.jobs = 0  # jobs of the last run

    @property
    def rendered(self) -> int:
        return len(self.rendered_jobs)

    def generate(self) -> Generated:
        """Load, check and render; raises ``DossierError`` (the last good run is kept)."""
        with cycle_collector_paused(), drawing_cache.opened(self.root / DRAWINGS_FOLDER), self.memo.opened():
            content = load_content(self.root, self.files)
            checked, data_files = check_with_data_files(content, self.texts)
            shared = _shared_inputs(self.root)
            changed = self._changed(content, checked, shared)
            with dependencies.tracking(content) as tracker:
                indexes = PageIndexes(checked, data_files)
                if changed is not None:
                    if self._carry_cut_off_entries(indexes, tracker, changed):
                        self._seed_entries(indexes, tracker, changed)
                    else:
                        changed = None
                indexes.data_files.extend(downloads.citation_files(indexes))
                download_files = {f.path: f.data for f in indexes._data_files}
                if changed is not None and download_files != self.last.download_files:
                    changed.add(DOWNLOAD_FILES)
                jobs = page_jobs(indexes)
                renderer = PageRenderer(indexes)
                pages: dict[Job, list[Page]] = {}
                reads: dict[Job, frozenset] = {}
                self.rendered_jobs = []
                for job in jobs:
                    if changed is not None and job in self.last.pages and not (self.last.reads[job] & changed):
                        pages[job], reads[job] = self.last.pages[job], self.last.reads[job]
                        continue
                    started = time.perf_counter()
                    with tracker.scope() as job_reads:
                        before = len(renderer.pages)
                        module_of(PAGE_KINDS[job[0]]).render(renderer, *job[1])
                        pages[job] = complete_pages(indexes, renderer.pages[before:])
                    reads[job] = tracker.compressed(job_reads)
                    self.rendered_jobs.append((job, time.perf_counter() - started))
            self.jobs = len(jobs)
            rendered = sorted((page for job_pages in pages.values() for page in job_pages), key=lambda p: p.path)
            generated = assemble(self.root, indexes, rendered)
        self.last = _Run(content, indexes.checked, download_files, shared, pages, reads, tracker.cut_off_entries,
                         indexes, tracker.entry_reads)
        return generated

    def _carry_cut_off_entries(self, indexes: PageIndexes, tracker: dependencies.Tracker, changed: set) -> bool:
        """Make again each cut-off entry (pages/dependencies.py) that read a changed key, and count
        it changed when its value differs; keep the others' reads and values for the next run.
        False: an entry kept as it was turned out to read a changed one (render everything)."""
        # In the order they were made, an entry after those it read (remember), so that
        # one pass finds every entry that changed; a clean one goes into the new caches as
        # it was, and is not made again.
        seeded = []
        for entry, (reads, value) in self.last.cut_off_entries.items():
            if entry in tracker.cut_off_entries:  # made already, by an entry made again before it
                continue
            if reads.isdisjoint(changed):
                dependencies.cut_off_caches[entry[1]](indexes)[entry[2]] = value
                tracker.cut_off_entries[entry] = (reads, value)
                seeded.append(entry)
                continue
            dependencies.remakers[entry[1]](indexes, entry[2])
            new = tracker.cut_off_entries.get(entry)
            if new is None or new[1] != value:
                changed.add(entry)
        return all(self.last.cut_off_entries[entry][0].isdisjoint(changed) for entry in seeded)

    def _seed_entries(self, indexes: PageIndexes, tracker: dependencies.Tracker, changed: set) -> None:
        """Put into the new caches every shared entry (not cut off) of the last run whose reads
        did not change, with its reads: it is not made again."""
        old_caches = self.last.indexes.caches()
        for folder, _ in old_caches:
            if folder:
                indexes.folder(folder)
        new_caches = indexes.caches()
        old_reads = self.last.entry_reads
        for name, old_cache in old_caches.items():
            cache = new_caches[name]
            for key, value in old_cache.items():
                reads = old_reads.get((id(old_cache), key))
                if reads is None or key in cache or not reads.isdisjoint(changed):
                    continue
                cache[key] = value
                tracker.entry_reads[(id(cache), key)] = reads

    def _changed(self, content: Content, checked: CheckedDossier, shared: tuple) -> set | None:
        """The keys whose records changed since the last run; None: render every job again."""
        last = self.last
        if last is None or shared != last.shared:
            return None
        return changed_keys(last.content, content, last.checked, checked)


def changed_keys(old: Content, new: Content, old_checked: CheckedDossier, new_checked: CheckedDossier) -> set | None:
    """The keys (pages/dependencies.py) of the records that differ; None when one was added or
    removed, or a source text changed."""
    before, after = _located_by_key(old), _located_by_key(new)
    if before.keys() != after.keys():
        return None
    if {i: t.text for i, t in old_checked.texts.items()} != {i: t.text for i, t in new_checked.texts.items()}:
        return None
    changed = {key for key, located in after.items() if not _same(before[key], located)}
    # What the check found out from the records and the texts, for each claim and source.
    for spans in ("quote_spans", "evidence_spans"):
        old_spans, new_spans = getattr(old_checked, spans), getattr(new_checked, spans)
        changed |= {("claim", c) for c in old_spans.keys() | new_spans.keys() if old_spans.get(c) != new_spans.get(c)}
    for spans in ("spans_by_source", "uncovered"):
        old_spans, new_spans = getattr(old_checked, spans), getattr(new_checked, spans)
        changed |= {("source", s) for s in old_spans.keys() | new_spans.keys() if old_spans.get(s) != new_spans.get(s)}
    return dependencies.with_kinds(changed)


def _located_by_key(content: Content) -> dict:
    found = {("dossier", ""): content.dossier}
    for kind, records in dependencies.kinds_of(content):
        found.update(((kind, record_id), located) for record_id, located in records)
    return found


def _same(old, new) -> bool:
    """The same record, from the same place (pages print an origin's file, never its lines)."""
    if old is None or new is None:
        return old is new
    return (old.record is new.record or old.record == new.record) and old.origin.path == new.origin.path and old.origin.loc == new.origin.loc


def _shared_inputs(root: Path) -> tuple:
    """What every job may read besides records: mkdocs.yml's addresses, the engine's files."""
    engine = tuple((str(p.relative_to(ENGINE)), p.stat().st_size, p.stat().st_mtime_ns)
                   for p in sorted(ENGINE.rglob("*")) if p.is_file() and "__pycache__" not in p.parts)
    return settings(root), engine
