"""The Downloads page: every record as JSON and CSV, every claim's citation as
BibTeX and CSL-JSON, the JSON Schema of each kind (``site_source/downloads.py``
makes the files), and the whole site zipped for reading offline
(``renderers/offline_zip.py``)."""

from __future__ import annotations

from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer

KIND = PAGE_KINDS["downloads"]
# The whole built site, zipped for reading from disk, and the folder unzipping
# it makes (renderers/offline_zip.py writes it after the build).
OFFLINE_ZIP = "downloads/dossier-offline.zip"
OFFLINE_ZIP_FOLDER = "dossier-offline"


def render(site: PageRenderer) -> None:
    v = site.context(KIND.path)
    files = [(f, v.link_to_file(f.path), _size(len(f.data))) for f in site.indexes.data_files]
    site.render("downloads", KIND.path, "content", "Downloads",
                "Every record of the dossier as JSON and CSV, every claim's citation as BibTeX and "
                "CSL-JSON, and the JSON Schema of each kind.",
                data=[f for f in files if "/schema/" not in f[0].path],
                schemas=[f for f in files if "/schema/" in f[0].path],
                offline_zip=v.link_to_file(OFFLINE_ZIP), offline_folder=OFFLINE_ZIP_FOLDER)


def _size(count: int) -> str:
    return f"{count} bytes" if count < 1024 else f"{count / 1024:.1f} kB"
