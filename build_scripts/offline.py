"""The offline copy of the site: the built site itself, zipped.

The site is built to work from disk (file://) as it is: Material's `offline`
plugin (in mkdocs.yml) inlines the search index into a script, the project's
own worker shim (docs/assets/iframe-worker-local.js) runs search without a
server, links name their .html files (use_directory_urls: false), and web
fonts are off. So the offline copy is no second build: after the build, the
hook zips the site folder (``zip_site``), leaving out what only a web server
uses, and offers the zip on the Downloads page.

    python -m build_scripts.offline FOLDER ZIP   zip a built site (as the hook does)

The zip is the same bytes for the same input: entries sorted, every entry
dated to the commit being built (SOURCE_DATE_EPOCH), fixed permissions.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
import tempfile
import time
import zipfile
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


def zip_site(site_dir: Path, downloads_page: str | None) -> bytes:
    """The offline copy of a built site: every file but the server-only ones
    and the zip itself, with ``downloads_page`` (its path in the site) as the
    copy holds it."""
    replaced = {}
    if downloads_page is not None:
        html = (site_dir / downloads_page).read_text(encoding="utf-8")
        replaced[downloads_page] = downloads_page_in_copy(html).encode("utf-8")
    return zip_folder(site_dir, skip=set(SERVER_ONLY_FILES) | {ZIP_SITE_PATH}, replaced=replaced)


# zlib's default level: 9 took more than twice as long for 0.4% less
# (measured on built sites: HTML and the search index).
_COMPRESS_LEVEL = 6


def zip_folder(folder: Path, top_folder: str = ZIP_TOP_FOLDER, *, skip: set[str] = frozenset(),
               replaced: dict[str, bytes] | None = None) -> bytes:
    """A zip of every file under ``folder`` but those in ``skip``, inside
    ``top_folder``, deterministically; ``replaced`` gives other bytes for some files."""
    replaced = replaced or {}
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), _EARLIEST_ZIP_TIME)
    date_time = time.gmtime(epoch)[:6]
    names = sorted(name for name in (p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
                   if name not in skip)
    with tempfile.SpooledTemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL) as archive:
            for name in names:
                entry = zipfile.ZipInfo(posixpath.join(top_folder, name), date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o100644 << 16   # a regular file, rw-r--r--
                entry.create_system = 3                # Unix, whatever system builds it
                data = replaced[name] if name in replaced else (folder / name).read_bytes()
                archive.writestr(entry, data, compresslevel=_COMPRESS_LEVEL)
        buffer.seek(0)
        return buffer.read()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, target = Path(args[0]), Path(args[1])
    if not (folder / "index.html").is_file():
        print(f"{folder} holds no built site (no index.html)", file=sys.stderr)
        return 1
    target.write_bytes(zip_folder(folder, skip=set(SERVER_ONLY_FILES) | {ZIP_SITE_PATH}))
    print(f"{target}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
