"""The offline copy the site offers (a zip of the built site itself):
offered on the Downloads page with its size, the same bytes when zipped
again, and, like the site itself, made of pages that load nothing from
outside. The browser tests (tests/browser/) open it from disk and search in it."""

from __future__ import annotations

import calendar
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_scripts.renderers.offline_zip import SERVER_ONLY_FILES, ZIP_SITE_PATH, ZIP_TOP_FOLDER

from .helpers import environment, soup

SHIM = "assets/iframe-worker-local.js"
# Elements that make the browser fetch something, and the attribute naming it.
LOADING_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
                      "video": "src", "audio": "src", "embed": "src", "object": "data", "track": "src"}


@pytest.fixture(scope="module")
def offline_copy(built_site, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("offline-copy")
    with zipfile.ZipFile(built_site / ZIP_SITE_PATH) as archive:
        archive.extractall(target)
    return target / ZIP_TOP_FOLDER


def _is_outside(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") or url.startswith("//")


def _outside_references(page: Path) -> list[str]:
    """URLs outside the site that a page would fetch, or that anything in its <head> names."""
    html = soup(page)
    found = set()
    for tag, attribute in LOADING_ATTRIBUTES.items():
        for element in html.find_all(tag):
            if _is_outside(element.get(attribute) or ""):
                found.add(element[attribute])
            for candidate in (element.get("srcset") or "").split(","):
                if candidate.split() and _is_outside(candidate.split()[0]):
                    found.add(candidate.split()[0])
    for element in html.head.find_all(True):
        found.update(v for v in element.attrs.values() if isinstance(v, str) and _is_outside(v))
    return sorted(found)


def test_the_downloads_page_offers_the_zip(built_site):
    assert (built_site / ZIP_SITE_PATH).is_file()
    downloads = built_site / "downloads.html"
    assert downloads.is_file(), "no Downloads page to offer the offline zip on"
    links = {a["href"] for a in soup(downloads).find_all("a", href=True)}
    assert ZIP_SITE_PATH in links


def test_the_downloads_page_gives_the_zips_size_and_the_copy_names_itself(built_site, offline_copy):
    size = (built_site / ZIP_SITE_PATH).stat().st_size
    online = soup(built_site / "downloads.html").find("a", href=ZIP_SITE_PATH).parent.get_text(" ", strip=True)
    assert f"({size / 1_000_000:.1f} MB)" in online
    # The copy cannot hold itself: its Downloads page names what the reader has, and links nowhere.
    copy = soup(offline_copy / "downloads.html")
    assert copy.find("a", href=ZIP_SITE_PATH) is None
    assert "dossier-offline.zip (the copy you are reading now)" in copy.get_text(" ", strip=True)


def test_the_zip_holds_the_offline_site_in_one_folder(built_site):
    with zipfile.ZipFile(built_site / ZIP_SITE_PATH) as archive:
        entries = archive.infolist()
        names = [entry.filename for entry in entries]
        assert names == sorted(names)
        assert all(name.startswith(ZIP_TOP_FOLDER + "/") for name in names)
        assert len({entry.date_time for entry in entries}) == 1
        inside = {name.removeprefix(ZIP_TOP_FOLDER + "/") for name in names}
        assert {"index.html", "search/search_index.js", SHIM} <= inside
        assert not inside & set(SERVER_ONLY_FILES)
        assert archive.read(f"{ZIP_TOP_FOLDER}/search/search_index.js").startswith(b"var __index = {")


def test_zipping_the_offline_site_again_gives_the_same_bytes(built_site, offline_copy, tmp_path):
    """Zipping the unzipped copy as the build does: nothing depends on the moment or the disk."""
    offered = (built_site / ZIP_SITE_PATH).read_bytes()
    with zipfile.ZipFile(built_site / ZIP_SITE_PATH) as archive:
        epoch = calendar.timegm(archive.infolist()[0].date_time + (0, 0, 0))
    for path in offline_copy.rglob("*"):   # other times and permissions on disk
        os.utime(path, (0, 0))
        if path.is_file():
            path.chmod(0o600)
    target = tmp_path / "again.zip"
    result = subprocess.run([sys.executable, "-m", "build_scripts.renderers.offline_zip", str(offline_copy), str(target)],
                            env=dict(environment(), SOURCE_DATE_EPOCH=str(epoch)),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == offered


def test_offline_pages_load_the_local_worker_shim_and_nothing_from_outside(offline_copy):
    pages = sorted(offline_copy.rglob("*.html"))
    assert pages
    for page in pages:
        scripts = [s.get("src", "") for s in soup(page).head.find_all("script")]
        assert any(src.endswith(SHIM) for src in scripts), f"{page.name} lacks the worker shim"
        assert not any("unpkg" in src or "iframe-worker/shim" in src for src in scripts)
        assert _outside_references(page) == [], page


def test_site_pages_load_nothing_from_outside(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        assert _outside_references(page) == [], page
        assert "squidfunk.github.io" not in page.read_text(encoding="utf-8"), f"{page}: generator link"


def test_the_check_catches_a_page_that_loads_from_outside(tmp_path):
    """The scan above can fail: a font from a CDN and an outside link in <head> are both caught."""
    page = tmp_path / "page.html"
    page.write_text('<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css">'
                    '<link rel="preconnect" href="https://fonts.gstatic.com"></head>'
                    '<body><img src="//cdn.example/x.png"></body></html>')
    assert _outside_references(page) == ["//cdn.example/x.png", "https://fonts.googleapis.com/css",
                                         "https://fonts.gstatic.com"]


def test_a_page_changed_after_it_was_handed_over_is_zipped_as_it_is_on_disk(tmp_path):
    # The hook compresses each page as MkDocs writes it; the zip must still
    # hold the files as they are in the end (the Downloads page gets its size later).
    from build_scripts.renderers.offline_zip import OfflineZip

    (tmp_path / "index.html").write_bytes(b"<p>as written</p>")
    (tmp_path / "page.html").write_bytes(b"<p>changed afterwards</p>")
    (tmp_path / "404.html").write_bytes(b"left out")
    compressing = OfflineZip(tmp_path)
    compressing.add("index.html", b"<p>as written</p>")
    compressing.add("page.html", b"<p>as handed over</p>")
    archive = zipfile.ZipFile(io.BytesIO(compressing.finish(skip={"404.html"}, top_folder="copy")))
    assert archive.testzip() is None
    assert archive.namelist() == ["copy/index.html", "copy/page.html"]
    assert archive.read("copy/page.html") == b"<p>changed afterwards</p>"
    assert archive.read("copy/index.html") == b"<p>as written</p>"
