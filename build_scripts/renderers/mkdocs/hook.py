"""MkDocs hook: plain ``mkdocs build`` and ``mkdocs serve`` run the generator.

- Pages are added as virtual files in ``on_files``: nothing is written into
  ``docs/``, so ``serve`` cannot trigger itself into a rebuild loop.
- Content is loaded and checked in ``on_pre_build``, before MkDocs cleans the
  site folder, so a content error leaves the previous site untouched.
- ``mkdocs build`` writes into a temporary folder beside ``site_dir`` and swaps
  it into place only when the whole build (strict checks included) succeeded.
- ``mkdocs build`` on two cores has a forked copy convert every other page's
  Markdown (``on_nav``, ``on_pre_page``; see ``parallel_markdown.py``).
- ``serve`` keeps serving the last good pages when an edit breaks the content,
  and shows the problems in the terminal; ``serve --dirty`` (``make serve``)
  rebuilds only the pages whose text changed (see ``preview.py``).
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from build_scripts.site_source import downloads
from build_scripts.pages import glossary
from build_scripts.renderers import offline_zip as offline
from build_scripts.site_source import contributing
from build_scripts.renderers.mkdocs.speedups import parallel_conversion as parallel_markdown
from build_scripts.renderers.mkdocs import preview
from build_scripts.site_source.generate import Generated, generate
from build_scripts.content.problems import DossierError

log = logging.getLogger("mkdocs.hooks.dossier")


class _State:
    command = "build"
    dirty = False
    root: Path | None = None
    generated: Generated | None = None
    final_site_dir: Path | None = None
    staging_dir: Path | None = None
    succeeded = False
    warnings = 0
    offline_copy: offline.OfflineZip | None = None  # `build`: the zip of the site, compressed as pages are written
    downloads_page: str | None = None  # where the Downloads page is in the site
    page_origins: dict[str, str] = {}  # site path of a page -> the file it is made from
    generated_paths: frozenset[str] = frozenset()  # site paths of the generated pages
    template_cache = preview.TemplateCache()  # `serve`: the theme's templates, compiled once
    preview: preview.Preview | None = None  # `serve --dirty`: what the next rebuild compares with
    conversion: parallel_markdown.ForkedConversion | None = None  # `build`: the copy converting every other page (until on_post_build)


state = _State()


class _WarningCounter(logging.Handler):
    """Counts warnings so that a strict build that will abort is not swapped in."""

    def emit(self, record: logging.LogRecord) -> None:
        state.warnings += 1


_counter = _WarningCounter(logging.WARNING)


def on_startup(command: str, dirty: bool) -> None:
    state.command = command
    state.dirty = dirty
    if command == "serve" and dirty:
        # `make serve` runs `mkdocs serve --dirty`: each rebuild converts and
        # writes only the pages that changed (see preview.py).
        state.preview = preview.Preview()
        logging.getLogger("mkdocs.commands.build").addFilter(_dirty_build_warning)


def _dirty_build_warning(record: logging.LogRecord) -> bool:
    # MkDocs warns on every dirty build that navigation may be wrong; the
    # preview rebuilds every page whenever something all pages show changed.
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # content/ and seeds/ are read beside the mkdocs.yml being built.
    state.root = Path(config.config_file_path).resolve().parent
    os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch(state.root))
    if state.command == "build":
        final = Path(config.site_dir).resolve()
        state.final_site_dir = final
        state.staging_dir = final.with_name(f".{final.name}.building")
        shutil.rmtree(state.staging_dir, ignore_errors=True)  # left by a killed build
        _restore_interrupted_swap(final)
        config.site_dir = str(state.staging_dir)
        state.succeeded = False
        state.warnings = 0
        logging.getLogger("mkdocs").addHandler(_counter)
    # `build` zips the site it built and offers the zip for reading offline
    # (offline.py); not `serve`, where it would slow every reload.
    # DOSSIER_OFFLINE_COPY=0 leaves it out (the benchmark times the site alone).
    wanted = state.command == "build" and os.environ.get("DOSSIER_OFFLINE_COPY", "1") != "0"
    state.offline_copy = offline.OfflineZip(state.staging_dir) if wanted else None
    state.downloads_page = None
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    try:
        state.generated = generate(state.root)
    except DossierError as error:
        if state.command == "serve" and state.generated is not None:
            log.error("the content has problems; still showing the last good version:\n" + error.report())
            return
        raise PluginError("\n" + error.report()) from None
    if state.command == "build":
        # The dossier stays in memory, unchanged, until the build ends; frozen,
        # the cycle collector stops walking its millions of objects each time
        # MkDocs' own garbage sets it off (a tenth of a large build). `serve`
        # makes a new dossier on every save, so it does not freeze the old ones.
        gc.freeze()
    checked = state.generated.checked
    for source_id, text in sorted(checked.texts.items()):
        total = len(text.sentences())
        covered = total - len(checked.uncovered.get(source_id, []))
        log.info(f"coverage: {source_id}: {covered} of {total} sentences quoted by at least one claim")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert state.generated is not None
    # In a dirty `serve`, pages are files that only change when their text does.
    page_files = state.preview.page_files(config, state.generated.pages) if state.preview else None
    for index, page in enumerate(state.generated.pages):
        existing = files.get_file_from_path(page.path)
        if existing is not None and not existing.generated_by:
            raise PluginError(f"docs/{page.path} would hide the page generated from {page.origin}; rename or remove it")
        if existing is not None:
            files.remove(existing)
        files.append(page_files[index] if page_files else File.generated(config, page.path, content=page.text))
    contributing.add_files(files, config, state.root, state.generated.checked)
    state.page_origins = contributing.page_origins(state.generated.pages)  # once, not once per page
    state.generated_paths = frozenset(page.path for page in state.generated.pages)
    for path, data in downloads.site_files(state.generated.checked).items():
        files.append(File.generated(config, path, content=data))
    if state.offline_copy is not None:
        # Listed now so that links to it resolve; its bytes are written once
        # the site is built (on_post_build).
        files.append(File.generated(config, offline.ZIP_SITE_PATH, content=b""))
    if state.preview is not None:
        state.preview.start(config, _shown_on_every_page(config), {f.url for f in files.documentation_pages()})
    return files


def _shown_on_every_page(config: MkDocsConfig) -> str:
    """A fingerprint of what pages show besides their own Markdown (see preview.py)."""
    abbreviations = glossary.term_index(state.generated.checked.content).abbreviation_lines
    return preview.fingerprint(
        Path(config.config_file_path).read_bytes(),
        "\n".join(line for _, line in abbreviations),
        "\n".join(f"{path} {origin}" for path, origin in sorted(state.page_origins.items())),
        preview.folder_state(Path(config.theme.custom_dir)) if config.theme.custom_dir else "",
    )


@event_priority(-1000)  # the last before MkDocs converts the pages: the copy sees the nav as they will
def on_nav(nav, config: MkDocsConfig, files: Files):
    if parallel_markdown.can_convert_in_two(config, state.command, state.dirty, own_hook=__file__):
        state.conversion = parallel_markdown.start(config, files)
        if state.conversion is not None:
            log.debug("converting every other page's Markdown in a forked copy")
    return nav


@event_priority(-1000)  # the page object MkDocs goes on with
def on_pre_page(page, config: MkDocsConfig, files: Files):
    if state.conversion is not None:
        state.conversion.take_over(page)
    return page


@event_priority(-1000)  # the page's HTML as the search plugin will see it
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    if state.conversion is not None:
        state.conversion.split_for_search(page, html)
    return html


def on_env(env, config: MkDocsConfig, files: Files):
    if state.conversion is not None:  # every page is converted
        state.conversion.finish()
    if state.command == "serve":
        env.bytecode_cache = state.template_cache
    return env


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    if state.offline_copy is not None and page.file.src_uri in offline.DOWNLOADS_PAGES:
        markdown += offline.downloads_note(page.file.src_uri)  # the size: see on_post_build
        state.downloads_page = page.file.dest_uri
    if page.file.src_uri not in state.generated_paths:
        # Generated pages come with both (generate.complete_pages); hand-written
        # ones get them here: the link to their source file, and hover
        # abbreviations for the glossary terms they use (last, to cover the page).
        markdown += contributing.source_link(page.file.src_uri, state.page_origins)
        markdown += glossary.abbreviations(state.generated.checked.content, markdown)
    return markdown


def on_page_context(context, page, config: MkDocsConfig, nav):
    # "Edit this page" opens the file the page is made from (see contributing.py).
    page.edit_url = contributing.edit_url(config, state.root, page.file.src_uri, state.page_origins) or page.edit_url
    return context


@event_priority(-1000)  # the last to see the page: these are the bytes MkDocs writes
def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    if state.offline_copy is not None:
        state.offline_copy.add(page.file.dest_uri, output.encode("utf-8", errors="xmlcharrefreplace"))
    return output


@event_priority(-200)  # after the search plugin and Material's offline plugin (-100) wrote the index
def on_post_build(config: MkDocsConfig) -> None:
    if state.conversion is not None:
        if state.conversion.search is not None:
            log.debug(f"search: {state.conversion.search.pages_taken} pages indexed from sections split as they "
                      "were converted")
        state.conversion = None
    if state.preview is not None:
        state.preview.tidy_search_index(config)
    state.succeeded = not (config.strict and state.warnings)
    if state.offline_copy is not None and state.succeeded:
        _write_offline_copy(Path(config.site_dir))


def _write_offline_copy(site_dir: Path) -> None:
    """Zip the built site into itself (over the empty file MkDocs copied
    there), and write the zip's size on the Downloads page."""
    try:
        archive = offline.zip_site(site_dir, state.downloads_page, state.offline_copy)
        (site_dir / offline.ZIP_SITE_PATH).write_bytes(archive)
        if state.downloads_page is not None:
            page = site_dir / state.downloads_page
            page.write_text(offline.fill_in_zip_size(page.read_text(encoding="utf-8"), len(archive)),
                            encoding="utf-8")
    except offline.OfflineCopyError as error:
        raise PluginError(str(error)) from None


def on_build_error(error: Exception) -> None:
    state.succeeded = False
    if state.conversion is not None:
        state.conversion.stop()
        state.conversion = None
    if state.preview is not None:
        state.preview.forget()


def on_shutdown() -> None:
    logging.getLogger("mkdocs").removeHandler(_counter)
    if state.preview is not None:
        state.preview.close()
    if state.offline_copy is not None:
        state.offline_copy.close()
    staging, final = state.staging_dir, state.final_site_dir
    if state.command != "build" or staging is None or final is None:
        return
    if state.succeeded and staging.is_dir():
        _swap_into_place(staging, final)
    else:
        shutil.rmtree(staging, ignore_errors=True)
        if final.is_dir():
            log.info(f"the previous site in {final} was left as it was")


def _restore_interrupted_swap(final: Path) -> None:
    """A build killed between the two renames of ``_swap_into_place`` leaves
    no site folder and the previous site as ``.<site>.old``: put it back."""
    old = final.with_name(f".{final.name}.old")
    if old.is_dir() and not final.exists():
        os.replace(old, final)


def _swap_into_place(staging: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    shutil.rmtree(old, ignore_errors=True)


def _source_date_epoch(root: Path) -> str:
    """The time of the commit being built, so that sitemap dates are reproducible."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                                capture_output=True, text=True, timeout=10, check=True)
        return result.stdout.strip() or "0"
    except (OSError, subprocess.SubprocessError):
        return "0"
