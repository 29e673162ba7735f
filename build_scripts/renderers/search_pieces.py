"""The search index in pieces: Pagefind over the built site.

Material's search downloads the whole index (search/search_index.json) on the
first search and builds a lunr index in the browser: 23.7 MB at 100 times
today's dossier, half a minute on a phone. Pagefind (the pinned
``pagefind-bin`` wheel's binary) indexes the built HTML into ``pagefind/``:
the words split in pieces by their first letters and each page's text in a
piece of its own, so that a search fetches only the pieces of the words typed
and of the pages it shows. On served pages, Material's search box is answered
from it by docs/assets/search-pagefind-worker.js (docs/assets/search-pagefind.js
points Material there); pages opened from disk keep Material's lunr search and
the whole index, inlined in search/search_index.js by Material's offline
plugin, since a browser fetches nothing from a file:// page.

So, once Pagefind has indexed the site, ``search/search_index.json`` (which
Material's bundle fetches on every served page, for the highlighting on a
result's page too) keeps the index's settings alone, not its pages.

    python -m build_scripts search-index SITE    index a built site (any renderer's)

``mkdocs build`` runs it on the site it built (the hook's post-build step),
in a process of its own while the site is zipped for reading offline (the
zip leaves out pagefind/, and holds Material's whole index, from disk or
served: renderers/offline_zip.py).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import AnyStr

PAGEFIND_FOLDER = "pagefind"
# What Pagefind reads of a page: the article (Material's and Zensical's), not
# the navigation, the header or the footer, which every page repeats.
ROOT_SELECTOR = "article.md-content__inner"
# What is not the page's content: the headings' permalink signs (¶), each
# claim's folded "Cite this claim" box, and the page's "Last changed" and
# "Source of this page" lines. The cite box repeats the claim with an address
# in it, and a result's excerpt taken from there read as an address
# ("topics/india-us-ties.html#claim-…") where the claim's own words belong.
EXCLUDED = ".headerlink, .dossier-cite, .dossier-last-changed, .dossier-page-source"
# The files of pagefind/ a search uses; the rest is Pagefind's own search
# interfaces and its main-thread worker, which the site does not load.
USED_FILES = ("pagefind.js", "pagefind-entry.json")
USED_SUFFIXES = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")  # and the index's languages' wasm.*.pagefind
# Material's served index, which keeps its settings alone once Pagefind has indexed the site.
SERVED_INDEX = "search/search_index.json"
# The whole index for pages opened from disk; it must be there before the served one loses its pages.
WHOLE_INDEX_FOR_DISK = "search/search_index.js"
# Material's offline plugin writes it as a script that sets a global: this, then the index's JSON.
WHOLE_INDEX_SCRIPT_PREFIX = "var __index = "


class SearchIndexError(RuntimeError):
    pass


def pagefind_executable() -> str:
    """The Pagefind binary: PAGEFIND_BINARY when set, else the pagefind-bin wheel's."""
    if os.environ.get("PAGEFIND_BINARY"):
        return os.environ["PAGEFIND_BINARY"]
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError("Pagefind is not installed: the build's search index needs the pagefind-bin "
                               "package (requirements/base.txt; `make site` installs it)") from None
    return str(get_executable())


class Indexing:
    """Pagefind indexing a built site, in a process of its own: the build zips the
    site meanwhile (the zip leaves pagefind/ out, and makes its served index from the whole one)."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        command = [pagefind_executable(), "--site", str(site_dir), "--output-subdir", PAGEFIND_FOLDER,
                   "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDED,
                   "--keep-index-url", "--force-language", "en", "--silent"]
        try:
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as error:
            raise SearchIndexError(f"Pagefind could not index {site_dir}: {error}") from None

    def finish(self) -> None:
        """Wait for Pagefind, keep the files a search uses, and leave the served index its settings alone."""
        try:
            output, errors = self.process.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise SearchIndexError(f"Pagefind could not index {self.site_dir} in 10 minutes") from None
        if self.process.returncode != 0:
            raise SearchIndexError(f"Pagefind could not index {self.site_dir}:\n{output}{errors}")
        _keep_used_files(self.site_dir / PAGEFIND_FOLDER)
        keep_settings_only(self.site_dir)


def _keep_used_files(folder: Path) -> None:
    languages = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"].values()
    wasm = {f"wasm.{language['wasm']}.pagefind" for language in languages}
    for path in sorted(folder.iterdir()):
        used = path.name in USED_FILES or path.name in wasm or path.name.endswith(USED_SUFFIXES)
        if path.is_file() and not used:
            path.unlink()


def keep_settings_only(site_dir: Path) -> None:
    """Material's served search index without its pages: served pages search Pagefind's."""
    path = site_dir / SERVED_INDEX
    if not (site_dir / WHOLE_INDEX_FOR_DISK).is_file() or not path.is_file():
        return   # no offline copy of the index (Material's offline plugin off): leave the index whole
    index = json.loads(path.read_text(encoding="utf-8"))
    settings = {key: value for key, value in index.items() if key != "docs"}
    settings["docs"] = []
    # Pagefind's entry file, in the settings Material hands its search worker as the page
    # loads: the worker then fetches Pagefind's first pieces at once, not one after the other.
    entry = site_dir / PAGEFIND_FOLDER / "pagefind-entry.json"
    if entry.is_file():
        settings["config"] = dict(settings.get("config", {}), pagefind_entry=json.loads(entry.read_text("utf-8")))
    path.write_text(json.dumps(settings, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def whole_index_json(script: AnyStr) -> AnyStr:
    """The JSON of Material's whole index (text or UTF-8 bytes, as given), from
    the script its offline plugin writes (WHOLE_INDEX_FOR_DISK); ValueError if
    the script is not of that form."""
    prefix, end = WHOLE_INDEX_SCRIPT_PREFIX, ";"
    if isinstance(script, bytes):
        prefix, end = prefix.encode("utf-8"), end.encode("utf-8")
    if not script.startswith(prefix):
        raise ValueError(f"{WHOLE_INDEX_FOR_DISK} does not start with {WHOLE_INDEX_SCRIPT_PREFIX!r}, "
                         "as Material's offline plugin writes it")
    return script[len(prefix):].rstrip().removesuffix(end)


def index_built_site(site_dir: Path) -> None:
    """Index the built site at ``site_dir`` into ``site_dir/pagefind/``, and wait for it."""
    Indexing(site_dir).finish()
