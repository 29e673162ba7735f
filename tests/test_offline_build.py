"""The offline copy the site offers (a zip of the built site itself, made by
`python -m build_scripts offline SITE`, which `mkdocs build` runs on the site
it built): offered on the Downloads page, the same bytes when zipped again,
and, like the site itself, made of pages that load nothing from outside. The
browser tests (tests/browser/) open it from disk and served, and search in it."""

from __future__ import annotations

import calendar
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_scripts.renderers.offline_zip import (
    SEARCH_IN_PIECES_SCRIPT,
    SERVER_ONLY_FILES,
    ZIP_SITE_PATH,
    ZIP_TOP_FOLDER,
)

from .helpers import cli_in_process, environment, soup, whole_search_index

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


def test_the_downloads_page_tells_how_to_read_the_zip_and_the_copy_names_itself(built_site, offline_copy):
    online = soup(built_site / "downloads.html").find("a", href=ZIP_SITE_PATH).parent.get_text(" ", strip=True)
    assert f"open {ZIP_TOP_FOLDER}/index.html in a browser" in online
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


def test_the_copy_searches_the_whole_index_from_disk_and_served(built_site, offline_copy):
    """The copy holds no index in pieces: served too, its pages search Material's
    whole index (search_index.json, the same as search_index.js holds), and its
    script for the index in pieces does nothing."""
    served = json.loads((offline_copy / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert served == whole_search_index(offline_copy)
    assert {doc["location"] for doc in served["docs"]} >= {"index.html", "actors/john-bolton.html"}
    assert not json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not (offline_copy / "pagefind").exists()
    in_copy = (offline_copy / SEARCH_IN_PIECES_SCRIPT).read_text(encoding="utf-8")
    assert "search-pagefind-worker" in (built_site / SEARCH_IN_PIECES_SCRIPT).read_text(encoding="utf-8")
    assert "search-pagefind-worker" not in in_copy and in_copy.strip().endswith("*/")


def test_zipping_the_offline_site_again_gives_the_same_bytes(built_site, offline_copy, tmp_path):
    """Zipping the unzipped copy as the build does: nothing depends on the moment or the disk."""
    offered = (built_site / ZIP_SITE_PATH).read_bytes()
    with zipfile.ZipFile(built_site / ZIP_SITE_PATH) as archive:
        epoch = calendar.timegm(archive.infolist()[0].date_time + (0, 0, 0))
    for path in offline_copy.rglob("*"):   # other times and permissions on disk
        os.utime(path, (0, 0))
        if path.is_file():
            path.chmod(0o600)
    # The copy's Downloads page names itself: give it back the link it had, as the site has it.
    (offline_copy / "downloads.html").write_bytes((built_site / "downloads.html").read_bytes())
    result = subprocess.run([sys.executable, "-m", "build_scripts", "offline", str(offline_copy)],
                            env=dict(environment(), SOURCE_DATE_EPOCH=str(epoch)),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (offline_copy / ZIP_SITE_PATH).read_bytes() == offered


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


def test_the_offline_command_refuses_a_folder_without_a_site(tmp_path):
    result = cli_in_process(tmp_path, "offline", str(tmp_path))
    assert result.returncode == 1
    assert "holds no built site" in result.stderr


def test_a_zip_that_fails_half_way_leaves_neither_a_zip_nor_a_partial_one(tmp_path):
    """The zip is written to disk as it is made, under another name, and takes its place only once whole."""
    (tmp_path / "index.html").write_text("<p>Home</p>", encoding="utf-8")
    # A Downloads page without its link to the zip: the zip stops at it, once the partial zip is open.
    (tmp_path / "downloads.html").write_text("<p>No link</p>", encoding="utf-8")
    result = cli_in_process(tmp_path, "offline", str(tmp_path))
    assert result.returncode == 1
    assert "does not link to the offline zip once" in result.stderr
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()) == [
        "downloads.html", "index.html"]
