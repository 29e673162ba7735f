"""The offline copy of the site: the built site itself, zipped.

The site is built to work from disk (file://) as it is: with MkDocs,
Material's `offline` plugin inlines the search index into a script and the
project's own worker shim (docs/assets/iframe-worker-local.js) runs search
without a server; links name their .html files (use_directory_urls: false),
and web fonts are off. So the offline copy is no second build: the built
site folder is zipped, leaving out what only a web server uses, into
``downloads/dossier-offline.zip`` inside the site, which the Downloads page
links to.

The copy holds no index in pieces (pagefind/, which a page read from disk
cannot fetch), so its pages search Material's whole index wherever they are
read: from disk, search/search_index.js; served (a reader may put the
unzipped copy on a web server of their own), search/search_index.json, which
the copy holds whole, made from search/search_index.js, and with
assets/search-pagefind.js that leaves Material's search as it is.

    python -m build_scripts offline SITE    zip a built site into itself (any renderer's)

``mkdocs build`` runs it on the site it built, before the site is swapped
into place. The zip is the same bytes for the same input: entries sorted,
every entry dated to the commit being built (SOURCE_DATE_EPOCH), fixed
permissions.
"""

from __future__ import annotations

import os
import re
import time
import zipfile
from pathlib import Path
from typing import BinaryIO

from build_scripts.pages.kinds.downloads import KIND as DOWNLOADS_KIND
from build_scripts.pages.kinds.downloads import OFFLINE_ZIP as ZIP_SITE_PATH
from build_scripts.pages.kinds.downloads import OFFLINE_ZIP_FOLDER as ZIP_TOP_FOLDER
from build_scripts.renderers.search_pieces import (
    PAGEFIND_FOLDER,
    SERVED_INDEX,
    WHOLE_INDEX_FOR_DISK,
    whole_index_json,
)

# The built Downloads page, which links to the zip (use_directory_urls is off: .md becomes .html).
DOWNLOADS_PAGE = DOWNLOADS_KIND.path.removesuffix(".md") + ".html"
# Files only a web server uses: no server shows 404.html (its links are
# root-absolute, which cannot work from disk), and without site_url the
# sitemap lists nothing.
SERVER_ONLY_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
# The search index in pieces (renderers/search_pieces.py): a page opened from
# disk fetches nothing, and searches the whole index of search/search_index.js.
SERVER_ONLY_FOLDERS = (PAGEFIND_FOLDER + "/",)
# The script that points served pages at the index in pieces; in the copy, it does nothing.
SEARCH_IN_PIECES_SCRIPT = "assets/search-pagefind.js"
SEARCH_IN_PIECES_SCRIPT_IN_COPY = (
    b"/* The offline copy holds no index in pieces (pagefind/): its pages keep Material's search,\n"
    b"   which reads the whole index (search/search_index.js from disk, search/search_index.json\n"
    b"   when the copy is served). The site's own script: docs/assets/search-pagefind.js. */\n")
_EARLIEST_ZIP_TIME = 315532800  # 1980-01-01, the first date a zip can hold
# zlib's default level: 9 took more than twice as long for 0.4% less
# (measured on built sites: HTML and the search index).
_COMPRESS_LEVEL = 6
# In the offline copy itself, the link to the zip (which the copy cannot hold)
# becomes the name of what the reader has.
_ZIP_LINK = re.compile(r'<a href="[^"]*dossier-offline\.zip">dossier-offline\.zip</a>')
_ZIP_LINK_IN_COPY = "<strong>dossier-offline.zip</strong> (the copy you are reading now)"


class OfflineCopyError(RuntimeError):
    pass


def downloads_page_in_copy(html: str) -> str:
    """The Downloads page as the offline copy holds it: without a link to itself."""
    changed, count = _ZIP_LINK.subn(_ZIP_LINK_IN_COPY, html)
    if count != 1:
        raise OfflineCopyError(f"the Downloads page ({DOWNLOADS_PAGE}) does not link to the offline zip once, "
                               f"as build_scripts/renderers/offline_zip.py expects ({count} links found)")
    return changed


def _zip_entries(site_dir: Path) -> tuple[list[str], dict[str, bytes]]:
    """What the offline copy of a built site holds: the names of its files,
    sorted (every file but the server-only ones and the zip itself), and the
    files it holds otherwise than the site does, by name: where Material's
    offline plugin wrote the whole search index, the search as the copy
    holds it. (The Downloads page is changed as it is zipped.)"""
    skipped = set(SERVER_ONLY_FILES) | {ZIP_SITE_PATH}
    names = {name for name in (path.relative_to(site_dir).as_posix()
                               for path in site_dir.rglob("*") if path.is_file())
             if name not in skipped and not name.startswith(SERVER_ONLY_FOLDERS)}
    in_copy = {}
    if WHOLE_INDEX_FOR_DISK in names:
        # Material's whole index as served pages fetch it (the site's own holds its
        # settings alone once the build indexed the site in pieces), from the one for disk.
        # Read as bytes: at a hundred times today's dossier, the index is 25 MB.
        try:
            in_copy[SERVED_INDEX] = whole_index_json((site_dir / WHOLE_INDEX_FOR_DISK).read_bytes())
        except ValueError as error:
            raise OfflineCopyError(str(error)) from None
        if SEARCH_IN_PIECES_SCRIPT in names:
            in_copy[SEARCH_IN_PIECES_SCRIPT] = SEARCH_IN_PIECES_SCRIPT_IN_COPY
    return sorted(names | set(in_copy)), in_copy


def _write_zip(site_dir: Path, names: list[str], in_copy: dict[str, bytes], out: BinaryIO) -> None:
    """Zip the files ``names`` of the built site (``in_copy`` in place of the
    site's own) into ``out``, one file at a time."""
    date_time = _zip_date_time()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL) as archive:
        for name in names:
            data = in_copy[name] if name in in_copy else (site_dir / name).read_bytes()
            if name == DOWNLOADS_PAGE:
                data = downloads_page_in_copy(data.decode("utf-8")).encode("utf-8")
            entry = zipfile.ZipInfo(f"{ZIP_TOP_FOLDER}/{name}", date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o100644 << 16  # a file, rw-r--r--
            entry.create_system = 3  # Unix, so that the permissions above are read
            archive.writestr(entry, data, compresslevel=_COMPRESS_LEVEL)


def write_offline_zip(site_dir: Path) -> int:
    """Zip the built site in ``site_dir`` into itself; returns the zip's size.

    The zip is written to disk as it is made, not held in memory (56 MB at a
    hundred times today's dossier, while Pagefind indexes the same site), and
    takes its place only once it is whole."""
    if not (site_dir / "index.html").is_file():
        raise OfflineCopyError(f"{site_dir} holds no built site (no index.html)")
    names, in_copy = _zip_entries(site_dir)  # before the partial zip is there to be listed
    target = site_dir / ZIP_SITE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with partial.open("wb") as out:
            _write_zip(site_dir, names, in_copy, out)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size


def _zip_date_time() -> tuple[int, int, int, int, int, int]:
    """The commit's time (SOURCE_DATE_EPOCH, set by the build), as a zip holds it."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0), _EARLIEST_ZIP_TIME)
    return time.gmtime(epoch)[:6]
