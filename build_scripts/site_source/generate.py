"""The generator end to end: content/ and seeds/ in, the site's source out.

The site source is what a renderer needs besides the hand-written ``docs/``:
every generated page (those made from the records, the contributing guide,
the schema reference), each completed with the link to its content file and
the hover definitions of the glossary terms it uses, and the other files the
site ships (the data downloads, a copy of every content file).

Used by the MkDocs hook (pages and files become virtual files, nothing is
written into docs/; hand-written pages are completed as MkDocs reads them),
and by the command line, for renderers that run no MkDocs hooks
(``write_site_source``: generated pages and files, and completed copies of
``docs/``, in one folder).
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
from build_scripts.pages.derived import glossary
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.network import cache as drawing_cache
from build_scripts.pages.render import Page, page_jobs, render_jobs
from build_scripts.pages.views import relations
from build_scripts.rules.check import CheckedDossier, check_content
from build_scripts.site_source import contributing, downloads, feed, glossary_entries, search_names

# The list of files `write_site_source` wrote into a folder, kept in it, so
# that the next run removes only files it wrote itself and no longer makes.
MANIFEST = ".dossier-site-source.txt"

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Where the network pictures are kept between builds (safe to delete).
DRAWINGS_FOLDER = "build/drawings"


@dataclass(frozen=True)
class Generated:
    checked: CheckedDossier
    indexes: PageIndexes  # what the pages derived from the dossier (the glossary's terms among them)
    pages: list[Page]  # every generated page, complete: the records' pages sorted by path, then the contributor pages
    files: dict[str, bytes]  # the site's other generated files: {site path: bytes}
    page_origins: dict[str, str]  # {site path of a page: the project file it is made from}

    def hand_written_pages(self) -> HandWrittenPages:
        """What completing the hand-written pages of ``docs/`` needs, apart from the rest of the dossier."""
        terms = self.indexes.terms
        return HandWrittenPages(terms, self.indexes.page_scopes if terms.limits else {}, self.page_origins)


@dataclass(frozen=True)
class HandWrittenPages:
    """What completing a hand-written page of ``docs/`` needs of the dossier
    and no more: the glossary's terms, what each page belongs to, where each
    page comes from. ``mkdocs build`` keeps it and lets the rest of the
    dossier go once MkDocs has the files (about 180 MB at a hundred times
    today's dossier, through the conversion of every page)."""

    terms: glossary.TermIndex
    page_scopes: dict[str, glossary.Scope]  # empty where no glossary term is limited to a story
    page_origins: dict[str, str]

    def complete(self, path: str, markdown: str) -> str:
        """A hand-written page as the site shows it: completed as generated pages are."""
        return _complete(self.terms, glossary.scope_in(self.page_scopes, path), path, markdown, self.page_origins)


def generate(root: Path = PROJECT_ROOT) -> Generated:
    """Load, check and render; raises ``DossierError`` listing every problem.
    The network pictures are kept between builds in the project's
    ``build/drawings/``, keyed by their input (pages/network/cache.py)."""
    with cycle_collector_paused(), drawing_cache.opened(root / DRAWINGS_FOLDER):
        indexes = page_indexes(load_content(root))
        return assemble(root, indexes, render_all(indexes))


def page_indexes(content: Content) -> PageIndexes:
    """Check ``content`` and start what the pages derive from it (its data files among it)."""
    checked, data_files = check_with_data_files(content)
    indexes = PageIndexes(checked, data_files)
    # The citations give each claim's address, which the indexes place (a topic's claims may fill parts).
    indexes.data_files.extend(downloads.citation_files(indexes))
    return indexes


def assemble(root: Path, indexes: PageIndexes, pages: list[Page]) -> Generated:
    """The rendered ``pages`` (sorted by path), the contributor pages and every other file."""
    checked = indexes.checked
    extra = [Page(path, text, contributing.PAGE_ORIGINS[path])
             for path, text in contributing.contributor_pages(root, checked).items()]
    # The contributor pages after the others, as MkDocs has always been handed them.
    pages = pages + complete_pages(indexes, extra)
    files = {data_file.path: data_file.data for data_file in indexes.data_files}
    files.update(contributing.content_copies(root, checked.content.listed_files()))
    files.update(relations.picture_files(pages))  # each network picture, full size, beside its page
    files.update(search_names.names_file(checked.content))  # the names a search that finds nothing is offered
    files.update(glossary_entries.entries_file(indexes))  # where each term's entry is, for its toggletip
    files.update(feed.feed_file(indexes, root))  # new sources, claims and corrections, for feed readers
    return Generated(checked, indexes, pages, files, contributing.page_origins(pages))


def check_with_data_files(content: Content, known_texts: dict | None = None
                          ) -> tuple[CheckedDossier, list[downloads.DownloadFile]]:
    """``check_content``, and the data files of the Downloads page made
    meanwhile in a forked copy where it pays (parallel.py): they need the
    records alone, and checking and making them each take a core."""
    with parallel.in_copy(functools.partial(downloads.make_download_files, content)) as data_files:
        checked = check_content(content, known_texts=known_texts)
        made = data_files()
    return checked, made


def render_all(indexes: PageIndexes) -> list[Page]:
    """Every page, complete, sorted by path; on two cores where it can (parallel.py)."""
    work = functools.partial(_render_and_complete, indexes)
    pages = [page for job_pages in parallel.map_in_two(work, page_jobs(indexes)) for page in job_pages]
    return sorted(pages, key=lambda page: page.path)


def _render_and_complete(indexes: PageIndexes, jobs: list) -> list[list[Page]]:
    return [complete_pages(indexes, job_pages) for job_pages in render_jobs(indexes, jobs)]


def complete_pages(indexes: PageIndexes, pages: list[Page]) -> list[Page]:
    """Each page as MkDocs reads it: its Markdown, then the link to the content
    file it is made from, then the hover definitions of the glossary terms it
    uses (last, so that they cover the whole page)."""
    origins = contributing.page_origins(pages)  # each page's own origin is all its link needs
    return [dataclasses.replace(page, text=_complete(indexes.terms, indexes.scope_of_page(page.path), page.path,
                                                     page.text, origins))
            for page in pages]


def _complete(terms: glossary.TermIndex, scope: glossary.Scope | None, path: str, markdown: str,
              origins: dict[str, str]) -> str:
    text = markdown + contributing.source_link(path, origins)
    return text + glossary.abbreviations(terms, text, scope)


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


def site_source(generated: Generated, root: Path) -> dict[str, bytes]:
    """The complete docs folder for a renderer that runs no hooks: the
    hand-written ``docs/`` (its pages completed), the generated pages and the
    generated files. {path in the folder: bytes}."""
    docs = root / "docs"
    hand_written = generated.hand_written_pages()
    source: dict[str, bytes] = {}
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        relative = path.relative_to(docs).as_posix()
        data = path.read_bytes()
        if path.suffix == ".md":
            data = hand_written.complete(relative, data.decode("utf-8")).encode("utf-8")
        source[relative] = data
    for page in generated.pages:
        if page.path in source:
            raise ValueError(f"docs/{page.path} would hide the page generated from {page.origin}; rename or remove it")
        source[page.path] = page.text.encode("utf-8")
    for path, data in generated.files.items():
        if path in source:
            raise ValueError(f"docs/{path} would hide the generated {path}; rename or remove it")
        source[path] = data
    return source


def write_site_source(files: dict[str, bytes], out_dir: Path) -> list[str]:
    """Write ``files`` ({path: bytes}) under ``out_dir``, touching only files whose bytes changed.

    Files this function wrote there before (listed in the folder's
    ``MANIFEST``) that are no longer made are removed; nothing else in the
    folder is touched. Returns the paths written.
    """
    if not out_dir.exists():
        return _write_new_folder(files, out_dir)
    manifest = out_dir / MANIFEST
    written_before = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() else set()
    written = []
    for path, data in files.items():
        target = out_dir / path
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target, then renamed over it: a reader never sees half a file.
        temporary = target.with_name(f".tmp-{target.name}")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        written.append(path)
    for stale in sorted(written_before - files.keys()):
        target = out_dir / stale
        if target.is_file() and not target.is_symlink():
            target.unlink()
    _write_manifest(files, out_dir)
    return written


def _write_manifest(files: dict[str, bytes], folder: Path) -> None:
    (folder / MANIFEST).write_text("".join(f"{path}\n" for path in sorted(files)), encoding="utf-8")


def _write_new_folder(files: dict[str, bytes], out_dir: Path) -> list[str]:
    """Every file into a folder that does not exist yet: written whole
    beside it, then renamed into place, so that a reader sees every file or
    none, and each file is one new file (written through a renamed copy, it
    was two: creating files is most of the time writing takes)."""
    building = out_dir.with_name(f".tmp-{out_dir.name}")
    shutil.rmtree(building, ignore_errors=True)
    for folder in sorted({posixpath.dirname(path) for path in files}):
        (building / folder).mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        (building / path).write_bytes(data)
    _write_manifest(files, building)
    os.replace(building, out_dir)
    return list(files)


def pages_as_files(pages: list[Page]) -> dict[str, bytes]:
    return {page.path: page.text.encode("utf-8") for page in pages}


# -- The site's name: from content/dossier.yaml, never from the renderer's configuration --

# mkdocs.yml names no story (its site_name is a neutral placeholder, which
# MkDocs requires): the MkDocs hook sets the name and description from the
# dossier, and for Zensical, which runs no hook, `generate` writes this file
# beside the site's source; zensical.yml inherits it, and it inherits mkdocs.yml.
SITE_SETTINGS_FILE = "dossier-site.yml"


def site_identity(root: Path) -> dict[str, str] | None:
    """{"site_name", "site_description"} from content/dossier.yaml, or None while it cannot be read
    (the full load reports why)."""
    from build_scripts.content import model
    from build_scripts.content.problems import DossierError
    from build_scripts.content.safe_yaml import load_yaml

    try:
        data, _ = load_yaml(root / "content" / "dossier.yaml", "content/dossier.yaml")
        dossier = model.Dossier.model_validate(data)
    except (DossierError, ValueError):
        return None
    return {"site_name": dossier.title, "site_description": dossier.description}


def site_settings_text(root: Path, out_dir: Path) -> str:
    """The configuration Zensical inherits: the site's name and description, then mkdocs.yml."""
    import json

    identity = site_identity(root) or {}
    inherit = Path(os.path.relpath(root.resolve() / "mkdocs.yml", out_dir.resolve().parent)).as_posix()
    lines = ["# Written by `python -m build_scripts generate` from content/dossier.yaml; do not edit.",
             "# zensical.yml inherits it (Zensical runs no hook to set the site's name).",
             f"INHERIT: {json.dumps(inherit)}"]
    # Escaped for HTML here: Zensical's templates print site_name unescaped, in
    # text and in double-quoted attributes (theme-zensical/ does not escape it again: its main.html,
    # and its copies of Zensical's header and nav partials, whose logo title had `| e`).
    lines += [f"{key}: {json.dumps(_html_text(value), ensure_ascii=False)}" for key, value in identity.items()]
    return "\n".join(lines) + "\n"


def _html_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_site_settings(root: Path, out_dir: Path) -> Path:
    """Write the settings file beside ``out_dir`` (only when its bytes change)."""
    path = out_dir.resolve().parent / SITE_SETTINGS_FILE
    text = site_settings_text(root, out_dir).encode("utf-8")
    if not path.is_file() or path.read_bytes() != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
    return path
