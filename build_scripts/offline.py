"""The offline copy of the site: built with mkdocs-offline.yml, then zipped.

The normal build offers the zip on its Downloads page, so the MkDocs hook
builds the offline site while it builds the normal one. MkDocs builds one
configuration per process, hence the second build runs as a subprocess.

    python -m build_scripts.offline FOLDER ZIP   finish a built offline site, zip it

The zip is the same bytes for the same input: entries sorted, every entry
dated to the commit being built (SOURCE_DATE_EPOCH), fixed permissions.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

OFFLINE_CONFIG = "mkdocs-offline.yml"
ZIP_SITE_PATH = "downloads/dossier-offline.zip"   # where the normal site offers it
ZIP_TOP_FOLDER = "dossier-offline"                 # what unzipping creates
DOWNLOADS_PAGES = ("downloads.md", "downloads/index.md")
# Files only a web server uses: no server shows 404.html (its links are
# root-absolute, which cannot work from disk), and without site_url the
# sitemap lists nothing.
SERVER_ONLY_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
_EARLIEST_ZIP_TIME = 315532800                     # 1980-01-01, the first date a zip can hold


class OfflineBuildError(RuntimeError):
    pass


def is_offline_build(plugin_names) -> bool:
    """Whether a build's plugins include Material's offline plugin."""
    return any(name.split("/")[-1] == "offline" for name in plugin_names)


def build_offline_site(root: Path, site_dir: Path) -> None:
    """Run `mkdocs build --strict` with mkdocs-offline.yml into ``site_dir``."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "-f", str(root / OFFLINE_CONFIG), "-d", str(site_dir)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0 or not (site_dir / "index.html").is_file():
        raise OfflineBuildError(f"the offline build ({OFFLINE_CONFIG}) failed:\n{result.stderr}")
    remove_server_only_files(site_dir)


def remove_server_only_files(site_dir: Path) -> None:
    for name in SERVER_ONLY_FILES:
        (site_dir / name).unlink(missing_ok=True)


def zip_folder(folder: Path, top_folder: str = ZIP_TOP_FOLDER) -> bytes:
    """A zip of every file under ``folder``, inside ``top_folder``, deterministically."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), _EARLIEST_ZIP_TIME)
    date_time = time.gmtime(epoch)[:6]
    with tempfile.SpooledTemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
            for name in names:
                entry = zipfile.ZipInfo(posixpath.join(top_folder, name), date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o100644 << 16   # a regular file, rw-r--r--
                entry.create_system = 3                # Unix, whatever system builds it
                archive.writestr(entry, (folder / name).read_bytes(), compresslevel=9)
        buffer.seek(0)
        return buffer.read()


def offline_zip(root: Path) -> bytes:
    """Build the offline site in a temporary folder and return its zip."""
    with tempfile.TemporaryDirectory(prefix="dossier-offline-") as scratch:
        site_dir = Path(scratch) / "site"
        build_offline_site(root, site_dir)
        return zip_folder(site_dir)


def downloads_note(page_path: str, zip_size: int) -> str:
    """Markdown appended to the Downloads page: the link to the zip."""
    link = posixpath.relpath(ZIP_SITE_PATH, posixpath.dirname(page_path) or ".")
    return (
        "\n\n## The whole site, for reading offline\n\n"
        f"[{posixpath.basename(ZIP_SITE_PATH)}]({link}) ({zip_size / 1_000_000:.1f} MB): "
        f"this site as plain files. Unzip it and open `{ZIP_TOP_FOLDER}/index.html` in a browser: "
        "search works without a network, and nothing is loaded from outside.\n"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, target = Path(args[0]), Path(args[1])
    if not (folder / "index.html").is_file():
        print(f"{folder} holds no built site (no index.html)", file=sys.stderr)
        return 1
    remove_server_only_files(folder)
    target.write_bytes(zip_folder(folder))
    print(f"{target}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
