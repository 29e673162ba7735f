"""What the MkDocs hook keeps from one event to the next, for one run of
``mkdocs build`` or ``mkdocs serve`` (which rebuilds many times): made at
``on_startup``, dropped at ``on_shutdown``."""

from __future__ import annotations

import gc
import logging
import os
import subprocess
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from build_scripts.renderers import offline_zip, search_pieces
from build_scripts.renderers.mkdocs import atomic_output, speedups
from build_scripts.renderers.mkdocs.preview_only import claim_from_selection
from build_scripts.renderers.mkdocs.speedups import (
    dirty_preview,
    frozen_between_saves,
    parallel_conversion,
    template_cache,
    theme_files,
)
from build_scripts.site_source import contributing
from build_scripts.site_source.generate import Generated, HandWrittenPages, generate, site_identity
from build_scripts.site_source.incremental import IncrementalGenerator

log = logging.getLogger("mkdocs.hooks.dossier")


class _WarningCounter(logging.Handler):
    """Counts MkDocs' warnings, so that a strict build that will abort is not swapped in."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class BuildSession:
    def __init__(self, command: str, dirty: bool, own_hook: str):
        self.command = command
        self.dirty = dirty
        self.own_hook = own_hook  # the hook's file: its page events are known to the two-core conversion
        self.root: Path | None = None
        self.generated: Generated | None = None  # the last good dossier (serve shows it while an edit is broken)
        self.hand_written: HandWrittenPages | None = None  # what completing the pages of docs/ needs
        self.generated_paths: frozenset[str] = frozenset()  # site paths of the generated pages
        self.output: atomic_output.StagedSite | None = None  # `build`: the staging folder swapped in on success
        self.warnings = _WarningCounter()
        self.zip_wanted = False  # `build`: zip the site into itself once it is built
        self.conversion: parallel_conversion.ForkedConversion | None = None  # `build`: the copy converting pages
        # `serve`: the theme's templates, compiled once.
        self.template_cache: template_cache.TemplateCache | None = None
        if command == "serve" and speedups.enabled("template_cache"):
            self.template_cache = template_cache.TemplateCache()
        # `serve`: the theme's static files, listed once (made at on_config).
        self.theme_files: theme_files.ThemeFiles | None = None
        # `serve --dirty`: what the next rebuild compares with.
        self.preview: dirty_preview.Preview | None = None
        if command == "serve" and dirty and speedups.enabled("dirty_preview"):
            self.preview = dirty_preview.Preview()
            dirty_preview.quiet_dirty_build_warning(True)
        # `serve --dirty`: each save renders again only the pages it reaches (made at on_config).
        self.incremental: IncrementalGenerator | None = None
        # `serve --dirty`: the cycle collector kept off what outlives a rebuild.
        self.collector: frozen_between_saves.FrozenBetweenSaves | None = None
        if self.preview is not None and speedups.enabled("frozen_between_saves"):
            self.collector = frozen_between_saves.FrozenBetweenSaves()
        logging.getLogger("mkdocs").addHandler(self.warnings)

    # -- on_config ------------------------------------------------------------

    def configure(self, config: MkDocsConfig) -> None:
        # content/ and seeds/ are read beside the mkdocs.yml being built.
        self.root = Path(config.config_file_path).resolve().parent
        if self.preview is not None and self.incremental is None and speedups.enabled("incremental_pages"):
            self.incremental = IncrementalGenerator(self.root)
        if self.command == "serve" and self.theme_files is None and speedups.enabled("theme_files"):
            self.theme_files = theme_files.install()
        os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch(self.root))
        # The site's name and description are the dossier's (mkdocs.yml holds a neutral placeholder).
        identity = site_identity(self.root)
        if identity is not None:
            # Text from content, escaped once here: Material prints site_name both
            # raw ({{ config.site_name }}) and escaped (| e), which leaves Markup as it is.
            config.site_name = escape(identity["site_name"])
            config.site_description = escape(identity["site_description"])
        if self.command == "serve" and claim_from_selection.SCRIPT_PATH not in map(str, config.extra_javascript):
            # The preview only: a claim's skeleton from a selected passage (preview_only/).
            config.extra_javascript.append(claim_from_selection.SCRIPT_PATH)
        if self.command == "build":
            self.output = atomic_output.StagedSite(Path(config.site_dir).resolve())
            config.site_dir = str(self.output.staging)
            self.warnings.count = 0
        # `build` zips the site it built and offers the zip for reading offline
        # (offline_zip.py); not `serve`, where it would slow every reload.
        # DOSSIER_OFFLINE_COPY=0 leaves it out (the benchmark times the site alone).
        self.zip_wanted = self.command == "build" and os.environ.get("DOSSIER_OFFLINE_COPY", "1") != "0"
        # `build` indexes the site it built for search in pieces (search_pieces.py),
        # and its pages load the script that searches it; `serve` keeps
        # Material's search alone, so that a save does not wait for the index.
        config.extra["search_in_pieces"] = self.command == "build"

    # -- on_pre_build ---------------------------------------------------------

    def generate(self) -> None:
        """Load, check and render the dossier; raises ``DossierError``."""
        if self.incremental is not None:
            self.generated = self.incremental.generate()
            log.info(f"preview: {self.incremental.rendered} of {self.incremental.jobs} page jobs rendered")
        else:
            self.generated = generate(self.root)
        self.hand_written = self.generated.hand_written_pages()
        if self.command == "build":
            # The dossier stays in memory, unchanged, until MkDocs has the files; frozen,
            # the cycle collector stops walking its millions of objects each time
            # MkDocs' own garbage sets it off (a tenth of a large build). `serve`
            # makes a new dossier on every save, so it does not freeze the old ones.
            gc.freeze()

    def coverage_lines(self) -> list[str]:
        checked = self.generated.checked
        lines = []
        for source_id, text in sorted(checked.texts.items()):
            total = len(text.sentences())
            covered = total - len(checked.uncovered.get(source_id, []))
            lines.append(f"coverage: {source_id}: {covered} of {total} sentences quoted by at least one claim")
        return lines

    # -- on_files -------------------------------------------------------------

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        """The generated pages, the contributors' files and the data files, as virtual files."""
        generated = self.generated
        # In a dirty `serve`, pages are files that only change when their text does.
        page_files = self.preview.page_files(config, generated.pages) if self.preview else None
        for index, page in enumerate(generated.pages):
            _replace_generated(files, page.path, f"the page generated from {page.origin}",
                               page_files[index] if page_files else File.generated(config, page.path, content=page.text))
        other_files = dict(generated.files)
        if self.command == "serve":
            other_files.update(claim_from_selection.preview_files(generated.checked))
        # In a dirty `serve`, files too are only copied when their bytes change.
        file_files = self.preview.other_files(config, other_files) if self.preview else None
        for index, (path, data) in enumerate(other_files.items()):
            what = f"the preview's {path}" if path not in generated.files else f"the generated {path}"
            _replace_generated(files, path, what,
                               file_files[index] if file_files else File.generated(config, path, content=data))
        self.generated_paths = frozenset(page.path for page in generated.pages)
        # Listed so that the Downloads page's link to it resolves; its bytes
        # are written once the site is built (finish_build).
        files.append(File.generated(config, offline_zip.ZIP_SITE_PATH, content=b""))
        if self.preview is not None:
            self.preview.start(config, self._shown_on_every_page(config), {f.url for f in files.documentation_pages()})
        if self.command == "build":
            # From here on, a build needs of the dossier only the pages' and
            # files' text (which the files hold) and self.hand_written: letting
            # the rest go keeps it out of the conversion that follows, and out of
            # the forked copy that converts every other page, which starts with
            # the build's memory (at a hundred times today's dossier, about
            # 180 MB of the peak). Freed as its last reference goes, frozen or not.
            self.generated = None

    def _shown_on_every_page(self, config: MkDocsConfig) -> str:
        """A fingerprint of what pages show besides their own Markdown (see dirty_preview.py)."""
        abbreviations = self.generated.indexes.terms.abbreviation_lines
        return dirty_preview.fingerprint(
            Path(config.config_file_path).read_bytes() + config.site_name.encode("utf-8"),
            "\n".join(line for _, line in abbreviations),
            "\n".join(f"{path} {origin}" for path, origin in sorted(self.generated.page_origins.items())),
            dirty_preview.folder_state(Path(config.theme.custom_dir)) if config.theme.custom_dir else "",
        )

    # -- on_nav ---------------------------------------------------------------

    def start_conversion(self, config: MkDocsConfig, files: Files) -> None:
        switch = "parallel_preview" if self.command == "serve" else "parallel_conversion"
        if speedups.enabled(switch) and parallel_conversion.can_convert_in_two(
                config, self.command, self.dirty, own_hook=self.own_hook):
            self.conversion = parallel_conversion.start(config, files, dirty=self.dirty)
            if self.conversion is not None:
                log.debug("converting every other page's Markdown in a forked copy")

    # -- on_page_markdown, on_page_context ------------------------------------

    def complete_markdown(self, src_uri: str, markdown: str) -> str:
        if src_uri not in self.generated_paths:
            # Generated pages come complete (generate.complete_pages); hand-written
            # ones are completed here, as MkDocs reads them from docs/.
            markdown = self.hand_written.complete(src_uri, markdown)
        return markdown

    def edit_url(self, config: MkDocsConfig, src_uri: str) -> str | None:
        return contributing.edit_url(config.edit_uri, config.repo_url, Path(config.docs_dir), self.root, src_uri,
                                     self.hand_written.page_origins)

    # -- on_serve ---------------------------------------------------------------

    def watch(self, server) -> None:
        """`serve`: the watched folders told of changes by the system, not walked twice a second."""
        if speedups.enabled("native_watcher"):
            # Imported here: it imports watchdog's observers, which `mkdocs build` never needs.
            from build_scripts.renderers.mkdocs.speedups import native_watcher

            native_watcher.watch_natively(server)

    # -- on_post_build, on_build_error, on_shutdown -----------------------------

    def finish_build(self, config: MkDocsConfig) -> None:
        if self.conversion is not None:
            if self.conversion.search is not None:
                log.debug(f"search: {self.conversion.search.pages_taken} pages indexed from sections split as they "
                          "were converted")
            self.conversion = None
        if self.preview is not None:
            self.preview.tidy_search_index(config)
        if self.collector is not None:
            self.collector.after_build()
        if self.output is not None:
            self.output.succeeded = not (config.strict and self.warnings.count)
            if not self.output.succeeded:
                return
            site = Path(config.site_dir)
            try:
                # Pagefind indexes the site while it is zipped (the zip leaves its output out);
                # it is waited for whatever becomes of the zip.
                indexing = search_pieces.Indexing(site)
                try:
                    if self.zip_wanted:  # over the empty file MkDocs copied there
                        offline_zip.write_offline_zip(site)
                finally:
                    indexing.finish()
            except (search_pieces.SearchIndexError, offline_zip.OfflineCopyError) as error:
                raise PluginError(str(error)) from None

    def build_failed(self) -> None:
        if self.output is not None:
            self.output.succeeded = False
        if self.conversion is not None:
            self.conversion.stop()
            self.conversion = None
        if self.preview is not None:
            self.preview.forget()

    def close(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        dirty_preview.quiet_dirty_build_warning(False)
        if self.preview is not None:
            self.preview.close()
        if self.collector is not None:
            self.collector.close()
        if self.theme_files is not None:
            theme_files.uninstall()
        if self.output is not None:
            self.output.finish()


def _replace_generated(files: Files, path: str, what: str, file: File) -> None:
    """Add a generated file, refusing to hide a hand-written one of docs/."""
    # ``path`` is a site path already (POSIX, no "." or ".." parts): looked up as
    # get_file_from_path would after normalising it, without a PurePath for each of
    # the 14,000 files of ×100.
    existing = files.src_uris.get(path)
    if existing is not None and not existing.generated_by:
        raise PluginError(f"docs/{path} would hide {what}; rename or remove it")
    if existing is not None:
        files.remove(existing)
    files.append(file)


def _source_date_epoch(root: Path) -> str:
    """The time of the commit being built, so that sitemap dates are reproducible."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                                capture_output=True, text=True, timeout=10, check=True)
        return result.stdout.strip() or "0"
    except (OSError, subprocess.SubprocessError):
        return "0"
