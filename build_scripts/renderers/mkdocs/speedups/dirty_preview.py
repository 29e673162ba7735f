"""Live preview that rebuilds only what changed: `mkdocs serve --dirty` (`make serve`).

In a dirty build MkDocs skips every page whose output is newer than its source
file, and copies only such files. The hook therefore hands MkDocs the
generated pages as files: written, while serving, into a scratch folder
outside the project (never watched, so no rebuild loop), and only when their
text changed. A page that did not change keeps its old file, and MkDocs does
not read, convert or write it again. The other generated files (data files,
pictures, copies of the content files) are handed over the same way, so that
MkDocs copies only those whose bytes changed. With ``incremental_pages``, the
generator itself renders again only the pages an edit reaches
(site_source/incremental.py).

Pages also show things that are not in their own Markdown: the glossary
abbreviations, the theme, mkdocs.yml, the file each page is made from. Those
are fingerprinted; when the fingerprint changes, the site folder is emptied
and every page is rebuilt. Pages that are gone are deleted from the site,
and the search index keeps, for each page, only the entries of its latest
build: Material merges a dirty build's entries into the previous index on the
assumption that one page changed, so the preview hands it the merged entries,
tidied, to write.

A plain `mkdocs serve` (without ``--dirty``) rebuilds every page, as MkDocs
always does; the generator's part is the same.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from build_scripts.pages.render import Page
from build_scripts.renderers.mkdocs.speedups.parallel_conversion import material_search_index
from build_scripts.renderers.search_pieces import WHOLE_INDEX_SCRIPT_PREFIX

log = logging.getLogger("mkdocs.hooks.dossier")


class Preview:
    """The state a dirty `serve` keeps from one build to the next."""

    def __init__(self) -> None:
        self.pages_dir = Path(tempfile.mkdtemp(prefix="dossier-preview-"))
        self._scratch_root = str(self.pages_dir)
        self.page_data: dict[str, str] = {}  # page path -> text of the file in pages_dir
        self.file_data: dict[str, bytes] = {}  # path of another generated file -> its bytes in pages_dir
        self.fingerprint: str | None = None
        self.page_urls: set[str] = set()
        self.changed: list[str] = []
        self.files_gone: set[str] = set()  # other generated files no longer made, to delete from the site
        self.index_written_tidy = False  # this build's search index is written tidy by Material itself

    def page_files(self, config: MkDocsConfig, pages: list[Page]) -> list[File]:
        """The pages as files in ``pages_dir``, rewritten only where their text changed."""
        # By their text: a page the generator did not render again is the very same
        # string (site_source/incremental.py), which == finds equal without reading it.
        wanted = {page.path: page.text for page in pages}
        self.changed, _gone = self._write_changed(self.page_data, wanted)
        return [File.generated(config, page.path, abs_src_path=self._scratch_path(page.path)) for page in pages]

    def other_files(self, config: MkDocsConfig, files: dict[str, bytes]) -> list[File]:
        """The other generated files ({site path: bytes}) as files in ``pages_dir``, rewritten only
        where their bytes changed: MkDocs copies into the site only those newer than their copy."""
        _changed, gone = self._write_changed(self.file_data, files)
        self.files_gone |= gone
        return [File.generated(config, path, abs_src_path=self._scratch_path(path)) for path in files]

    def _scratch_path(self, path: str) -> str:
        """Where the file of site path ``path`` is in ``pages_dir``: ``str(pages_dir / path)``
        by string operations (a Path for each of the 14,000 files of ×100 took a tenth of a
        second a save)."""
        return os.path.join(self._scratch_root, path.replace("/", os.sep))

    def _write_changed(self, kept: dict, wanted: dict[str, str | bytes]) -> tuple[list[str], set[str]]:
        """Write into ``pages_dir`` each file of ``wanted`` (text, written as UTF-8, or bytes) that
        is not ``kept``'s (what was written there before) and delete those no longer wanted;
        ``kept`` follows. Returns the paths written and the paths deleted."""
        changed = []
        for path, data in wanted.items():
            if kept.get(path) != data or not os.path.isfile(self._scratch_path(path)):
                target = self.pages_dir / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
                kept[path] = data
                changed.append(path)
        gone = set(kept) - wanted.keys()
        for path in gone:
            (self.pages_dir / path).unlink(missing_ok=True)
            del kept[path]
        return changed, gone

    def start(self, config: MkDocsConfig, fingerprint: str, page_urls: set[str]) -> None:
        """Before MkDocs writes anything: empty the site if what every page
        shows has changed, and delete the pages that are gone."""
        site = Path(config.site_dir)
        if fingerprint != self.fingerprint:
            if self.fingerprint is not None:
                log.info("preview: the glossary, theme or configuration changed: rebuilding every page")
            for entry in site.iterdir() if site.is_dir() else []:
                shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
            self.fingerprint = fingerprint
        else:
            for url in sorted((self.page_urls - page_urls) | self.files_gone):
                (site / url).unlink(missing_ok=True)
            log.info(f"preview: {len(self.changed)} generated page(s) changed")
        self.page_urls = page_urls
        self.files_gone = set()
        self.index_written_tidy = self._index_written_tidy(config)

    def forget(self) -> None:
        """After a failed build the site may be half written: rebuild every page next time."""
        self.fingerprint = None

    def tidy_search_index(self, config: MkDocsConfig) -> None:
        """Keep each page's latest entries only, and only for pages that exist, where Material
        did not write them so in the first place (``_index_written_tidy``)."""
        path = Path(config.site_dir) / "search" / "search_index.json"
        if self.index_written_tidy or not path.is_file():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        index["docs"] = latest_entries(index["docs"], self.page_urls)
        data = json.dumps(index, separators=(",", ":"), default=str)
        path.write_text(data, encoding="utf-8")
        # Material's offline plugin has already copied the index into a script
        # for pages read from disk (the hook runs after it); the same, tidied.
        script = path.with_name("search_index.js")
        if script.is_file():
            script.write_text(WHOLE_INDEX_SCRIPT_PREFIX + data, encoding="utf-8")

    def _index_written_tidy(self, config: MkDocsConfig) -> bool:
        """Have Material write its search index with each page's latest entries in the first
        place (its offline plugin then copies that), instead of tidying and writing the 25 MB
        of a hundred times today's dossier once more after it. False: no Material search."""
        index = material_search_index(config)
        if index is None:
            return False
        write = index.generate_search_index

        def generate_search_index(prev) -> str:
            # Material merges a dirty build's entries into the previous index on the assumption
            # that one page changed (``prev``: that index); instead, all of them, tidied.
            index.entries = latest_entries([*(prev.entries if prev is not None else []), *index.entries],
                                           self.page_urls)
            return write(None)

        index.generate_search_index = generate_search_index  # this build's index, made anew by each build
        return True

    def close(self) -> None:
        shutil.rmtree(self.pages_dir, ignore_errors=True)


def latest_entries(entries: list[dict], page_urls: set[str]) -> list[dict]:
    """Search entries with, for each page, only its last run of entries.

    A build adds a page's entries together (the page, then its sections);
    Material appends those of a dirty build after the previous ones, so the
    last run of a page's entries is its latest.
    """
    kept: list[dict] = []
    seen: set[str] = set()
    current, keep = None, False
    for entry in reversed(entries):
        page = entry["location"].split("#", 1)[0]
        if page != current:
            current = page
            keep = page not in seen and page in page_urls
            seen.add(page)
        if keep:
            kept.append(entry)
    kept.reverse()
    return kept


def fingerprint(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def folder_state(folder: Path) -> str:
    """Names, sizes and modification times of the files under ``folder`` (the theme)."""
    if not folder.is_dir():
        return ""
    return "\n".join(f"{p.relative_to(folder).as_posix()} {p.stat().st_size} {p.stat().st_mtime_ns}"
                     for p in sorted(folder.rglob("*")) if p.is_file())


def _not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    # MkDocs warns on every dirty build that navigation may be wrong; the
    # preview rebuilds every page whenever something all pages show changed.
    # Keyed on MkDocs' message text: if it changes, the warning shows again, no more.
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_build_warning(quiet: bool) -> None:
    """Hide (or show again) MkDocs' warning on every dirty build."""
    logger = logging.getLogger("mkdocs.commands.build")
    (logger.addFilter if quiet else logger.removeFilter)(_not_the_dirty_build_warning)
