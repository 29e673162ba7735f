"""The offline copy of the site: the built site itself, zipped.

The site is built to work from disk (file://) as it is: Material's `offline`
plugin (in mkdocs.yml) inlines the search index into a script, the project's
own worker shim (docs/assets/iframe-worker-local.js) runs search without a
server, links name their .html files (use_directory_urls: false), and web
fonts are off. So the offline copy is no second build: after the build, the
hook zips the site folder (``zip_site``), leaving out what only a web server
uses, and offers the zip on the Downloads page.

    python -m build_scripts.renderers.offline_zip FOLDER ZIP   zip a built site (as the hook does)

The zip is the same bytes for the same input: entries sorted, every entry
dated to the commit being built (SOURCE_DATE_EPOCH), fixed permissions.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import struct
import sys
import time
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ZIP_SITE_PATH = "downloads/dossier-offline.zip"   # where the site offers it
ZIP_TOP_FOLDER = "dossier-offline"                 # what unzipping creates
DOWNLOADS_PAGES = ("downloads.md", "downloads/index.md")
# Files only a web server uses: no server shows 404.html (its links are
# root-absolute, which cannot work from disk), and without site_url the
# sitemap lists nothing.
SERVER_ONLY_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
_EARLIEST_ZIP_TIME = 315532800                     # 1980-01-01, the first date a zip can hold

# The zip's size is known only once the site is built, so the Downloads page
# holds an empty element that the hook fills in afterwards (empty, it adds
# nothing to the search index).
ZIP_SIZE_SLOT = '<span class="dossier-zip-size"></span>'
# In the offline copy itself, the link to the zip (which the copy cannot hold)
# becomes the name of what the reader has.
_ZIP_LINK = re.compile(r'<a href="[^"]*dossier-offline\.zip">dossier-offline\.zip</a> '
                       + re.escape(ZIP_SIZE_SLOT))
_ZIP_LINK_IN_COPY = "<strong>dossier-offline.zip</strong> (the copy you are reading now)"


class OfflineCopyError(RuntimeError):
    pass


def downloads_note(page_path: str) -> str:
    """Markdown appended to the Downloads page: the link to the zip, and an
    empty slot for its size (``fill_in_zip_size``)."""
    link = posixpath.relpath(ZIP_SITE_PATH, posixpath.dirname(page_path) or ".")
    return (
        "\n\n## The whole site, for reading offline\n\n"
        f"[{posixpath.basename(ZIP_SITE_PATH)}]({link}) {ZIP_SIZE_SLOT}: "
        f"this site as plain files. Unzip it and open `{ZIP_TOP_FOLDER}/index.html` in a browser: "
        "search works without a network, and nothing is loaded from outside.\n"
    )


def zip_size_text(zip_size: int) -> str:
    return f"{zip_size / 1_000_000:.1f} MB"


def downloads_page_in_copy(html: str) -> str:
    """The Downloads page as the offline copy holds it: without a link to itself."""
    changed, count = _ZIP_LINK.subn(_ZIP_LINK_IN_COPY, html)
    if count != 1:
        raise OfflineCopyError("the Downloads page does not show the link to the offline zip as "
                               f"build_scripts/offline.py expects ({count} found): see downloads_note")
    return changed


def fill_in_zip_size(html: str, zip_size: int) -> str:
    if html.count(ZIP_SIZE_SLOT) != 1:
        raise OfflineCopyError("the Downloads page has no single slot for the offline zip's size")
    return html.replace(ZIP_SIZE_SLOT, f'<span class="dossier-zip-size">({zip_size_text(zip_size)})</span>')


class OfflineZip:
    """The offline copy of the site in ``folder``: a zip, compressed while the site is built.

    The hook hands over each page as MkDocs writes it (``add``); a worker
    thread compresses it meanwhile (zlib works outside the interpreter lock,
    so on a second core while MkDocs goes on), and with the first page the
    files already in the folder (MkDocs copies the theme's assets and the
    data files before it builds the pages). ``finish`` compresses what is left
    (the search index) and writes the zip. A file whose bytes on disk are not
    those compressed is compressed again.
    """

    def __init__(self, folder: Path):
        self._folder = folder
        # One thread: on two cores it has the core MkDocs leaves idle; a
        # second one took time from MkDocs (the build took 0.5 s longer at
        # x10, against 0.1 s with one).
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="offline-zip")
        self._compressed: dict[str, Future] = {}
        self._started = False

    def add(self, path: str, data: bytes) -> None:
        if not self._started:
            self._started = True
            for file in sorted(self._folder.rglob("*")):
                if file.is_file():
                    self._compress_file(file.relative_to(self._folder).as_posix())
        self._compressed[path] = self._pool.submit(_Entry.compress, data)

    def finish(self, *, skip: set[str] = frozenset(), replaced: dict[str, bytes] | None = None,
               top_folder: str = ZIP_TOP_FOLDER) -> bytes:
        """The zip of every file in the folder but those in ``skip``, inside
        ``top_folder``; ``replaced`` gives other bytes for some files."""
        replaced = replaced or {}
        names = sorted(name for name in (p.relative_to(self._folder).as_posix()
                                         for p in self._folder.rglob("*") if p.is_file()) if name not in skip)
        for name in names:
            if name in replaced:
                self._compressed[name] = self._pool.submit(_Entry.compress, replaced[name])
            elif name not in self._compressed:
                self._compress_file(name)
        zipped = _ZipWriter(_zip_date_time())
        for name in names:
            entry = self._compressed[name].result()
            data = replaced[name] if name in replaced else (self._folder / name).read_bytes()
            zipped.add(posixpath.join(top_folder, name), entry if entry.holds(data) else _Entry.compress(data))
        self.close()
        return zipped.finish()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _compress_file(self, name: str) -> None:
        self._compressed[name] = self._pool.submit(_Entry.read_and_compress, self._folder / name)


def zip_site(site_dir: Path, downloads_page: str | None = None, compressing: OfflineZip | None = None) -> bytes:
    """The offline copy of a built site: every file but the server-only ones
    and the zip itself, with ``downloads_page`` (its path in the site) as the
    copy holds it."""
    replaced = {}
    if downloads_page is not None:
        html = (site_dir / downloads_page).read_text(encoding="utf-8")
        replaced[downloads_page] = downloads_page_in_copy(html).encode("utf-8")
    compressing = compressing or OfflineZip(site_dir)
    return compressing.finish(skip=set(SERVER_ONLY_FILES) | {ZIP_SITE_PATH}, replaced=replaced)


# zlib's default level: 9 took more than twice as long for 0.4% less
# (measured on built sites: HTML and the search index).
_COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class _Entry:
    crc: int
    size: int
    deflated: bytes

    @classmethod
    def compress(cls, data: bytes) -> "_Entry":
        compressor = zlib.compressobj(_COMPRESS_LEVEL, zlib.DEFLATED, -15)  # raw deflate, as zip holds it
        return cls(zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())

    @classmethod
    def read_and_compress(cls, path: Path) -> "_Entry":
        return cls.compress(path.read_bytes())

    def holds(self, data: bytes) -> bool:
        return self.size == len(data) and self.crc == zlib.crc32(data)


def _zip_date_time() -> tuple[int, int]:
    """The commit's time (SOURCE_DATE_EPOCH) as a zip's DOS (time, date)."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), _EARLIEST_ZIP_TIME)
    year, month, day, hour, minute, second = time.gmtime(epoch)[:6]
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


class _ZipWriter:
    """A zip of deflated entries, written from bytes already compressed (the
    standard library's zipfile compresses itself, on one thread). Every entry
    has the same date, permissions rw-r--r-- and a Unix origin, so the same
    files give the same bytes on any machine."""

    _VERSION = 20            # 2.0: deflate
    _MADE_BY = (3 << 8) | 20  # Unix, 2.0
    _UNIX_FILE = 0o100644 << 16
    _UTF8_NAME = 0x800

    def __init__(self, date_time: tuple[int, int]):
        self._time, self._date = date_time
        self._body = io.BytesIO()
        self._directory = io.BytesIO()
        self._count = 0

    def add(self, name: str, entry: _Entry) -> None:
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else self._UTF8_NAME
        offset = self._body.tell()
        common = struct.pack("<HHHHIII", flags, 8, self._time, self._date, entry.crc, len(entry.deflated), entry.size)
        self._body.write(struct.pack("<IH", 0x04034B50, self._VERSION) + common
                         + struct.pack("<HH", len(encoded), 0) + encoded)
        self._body.write(entry.deflated)
        self._directory.write(struct.pack("<IHH", 0x02014B50, self._MADE_BY, self._VERSION) + common
                              + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, self._UNIX_FILE, offset) + encoded)
        self._count += 1

    def finish(self) -> bytes:
        directory = self._directory.getvalue()
        end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, self._count, self._count, len(directory),
                          self._body.tell(), 0)
        return self._body.getvalue() + directory + end


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, target = Path(args[0]), Path(args[1])
    if not (folder / "index.html").is_file():
        print(f"{folder} holds no built site (no index.html)", file=sys.stderr)
        return 1
    target.write_bytes(zip_site(folder))
    print(f"{target}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
