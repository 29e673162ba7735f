"""The offline copy of the site: built with mkdocs-offline.yml, then zipped.

The normal build offers the zip on its Downloads page, so the MkDocs hook
builds the offline site while it builds the normal one. MkDocs builds one
configuration per process, hence the second build runs as a subprocess; it
starts with the normal build and runs beside it (``OfflineBuild``), so that
on two cores the pair takes little longer than one build.

    python -m build_scripts.offline FOLDER ZIP   finish a built offline site, zip it
    python -m build_scripts.offline --build ROOT FOLDER
                                            build ROOT's offline site into FOLDER/site, zip it
                                            into FOLDER/offline.zip (what the hook runs beside
                                            the normal build)

The zip is the same bytes for the same input: entries sorted, every entry
dated to the commit being built (SOURCE_DATE_EPOCH), fixed permissions.
"""

from __future__ import annotations

import ctypes
import os
import posixpath
import shutil
import signal
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
BUILT_ZIP = "offline.zip"                          # where the child leaves the zip, in its folder
_EARLIEST_ZIP_TIME = 315532800                     # 1980-01-01, the first date a zip can hold


class OfflineBuildError(RuntimeError):
    pass


def is_offline_build(plugin_names) -> bool:
    """Whether a build's plugins include Material's offline plugin."""
    return any(name.split("/")[-1] == "offline" for name in plugin_names)


def build_offline_site(root: Path, site_dir: Path) -> None:
    """Run `mkdocs build --strict` with mkdocs-offline.yml into ``site_dir``."""
    result = subprocess.run(_build_command(root, site_dir), cwd=root, capture_output=True, text=True,
                            env=_build_environment(), timeout=600, preexec_fn=_die_with_parent)
    if result.returncode != 0 or not (site_dir / "index.html").is_file():
        raise OfflineBuildError(f"the offline build ({OFFLINE_CONFIG}) failed:\n{result.stderr}")
    remove_server_only_files(site_dir)


def _build_command(root: Path, site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / OFFLINE_CONFIG), "-d", str(site_dir)]


def _build_environment() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


class OfflineBuild:
    """The offline build, running in a child process beside the normal build.

    Started as soon as the normal build starts; ``finish()`` waits for it and
    returns the zip, ``cancel()`` stops it (the normal build failed). Its log
    goes to a file, not a pipe, so that it never blocks on a full pipe.
    """

    def __init__(self, root: Path, scratch: Path):
        # ``scratch`` is emptied first: a build that was killed may have left it.
        self._scratch = scratch
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)
        self._log = open(scratch / "build.log", "w+b")
        # The child zips the site too, so that compressing it overlaps the normal build.
        command = [sys.executable, "-m", "build_scripts.offline", "--build", str(root), str(scratch)]
        self._process = subprocess.Popen(command, cwd=root, stdout=self._log, stderr=subprocess.STDOUT,
                                         env=_build_environment(), preexec_fn=_die_with_parent)
        self._zip: bytes | None = None

    def finish(self) -> bytes:
        """Wait for the build to end; the zip of the offline site, or OfflineBuildError."""
        if self._zip is not None:
            return self._zip
        try:
            try:
                returncode = self._process.wait(timeout=600)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
                raise OfflineBuildError(f"the offline build ({OFFLINE_CONFIG}) took more than 10 minutes") from None
            zip_path = self._scratch / BUILT_ZIP
            if returncode != 0 or not zip_path.is_file():
                self._log.seek(0)
                log = self._log.read().decode("utf-8", errors="replace")
                raise OfflineBuildError(f"the offline build ({OFFLINE_CONFIG}) failed:\n{log}")
            self._zip = zip_path.read_bytes()
            return self._zip
        finally:
            self._close()

    def cancel(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._close()

    def _close(self) -> None:
        self._log.close()
        shutil.rmtree(self._scratch, ignore_errors=True)


def _die_with_parent() -> None:
    """In the child: on Linux, be killed when the build that started it dies
    (killed half-way, it would otherwise build on for nothing)."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the child finishes on its own


def remove_server_only_files(site_dir: Path) -> None:
    for name in SERVER_ONLY_FILES:
        (site_dir / name).unlink(missing_ok=True)


# zlib's default level: 9 took more than twice as long for 0.4% less
# (measured on built sites: HTML and the search index).
_COMPRESS_LEVEL = 6


def zip_folder(folder: Path, top_folder: str = ZIP_TOP_FOLDER) -> bytes:
    """A zip of every file under ``folder``, inside ``top_folder``, deterministically."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), _EARLIEST_ZIP_TIME)
    date_time = time.gmtime(epoch)[:6]
    with tempfile.SpooledTemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL) as archive:
            names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
            for name in names:
                entry = zipfile.ZipInfo(posixpath.join(top_folder, name), date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o100644 << 16   # a regular file, rw-r--r--
                entry.create_system = 3                # Unix, whatever system builds it
                archive.writestr(entry, (folder / name).read_bytes(), compresslevel=_COMPRESS_LEVEL)
        buffer.seek(0)
        return buffer.read()


def offline_zip(root: Path) -> bytes:
    """Build the offline site in a temporary folder and return its zip."""
    with tempfile.TemporaryDirectory(prefix="dossier-offline-") as scratch:
        return OfflineBuild(root, Path(scratch) / "build").finish()


# Stands for the zip's size in the Downloads page until the offline build
# has finished (one word, so that no glossary abbreviation can touch it).
ZIP_SIZE_PLACEHOLDER = "dossierofflinezipsizeplaceholder"


def zip_size_text(zip_size: int) -> str:
    return f"{zip_size / 1_000_000:.1f} MB"


def downloads_note(page_path: str, zip_size: int | None) -> str:
    """Markdown appended to the Downloads page: the link to the zip (its size
    as ``ZIP_SIZE_PLACEHOLDER`` if not known yet)."""
    link = posixpath.relpath(ZIP_SITE_PATH, posixpath.dirname(page_path) or ".")
    size = ZIP_SIZE_PLACEHOLDER if zip_size is None else zip_size_text(zip_size)
    return (
        "\n\n## The whole site, for reading offline\n\n"
        f"[{posixpath.basename(ZIP_SITE_PATH)}]({link}) ({size}): "
        f"this site as plain files. Unzip it and open `{ZIP_TOP_FOLDER}/index.html` in a browser: "
        "search works without a network, and nothing is loaded from outside.\n"
    )


def build_and_zip(root: Path, folder: Path) -> None:
    """The child's work: the offline site in ``folder/site``, its zip in ``folder/offline.zip``."""
    build_offline_site(root, folder / "site")
    (folder / BUILT_ZIP).write_bytes(zip_folder(folder / "site"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 3 and args[0] == "--build":
        try:
            build_and_zip(Path(args[1]), Path(args[2]))
        except OfflineBuildError as error:
            print(error, file=sys.stderr)
            return 1
        return 0
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
