"""ProperDocs, the MkDocs 1.x fork by MkDocs' former maintainers, builds the
same site from the same mkdocs.yml, hook and Material theme: every file equal
to MkDocs' build but for the generator tag each page carries (and so the pages
inside the offline zip). `make site-properdocs` runs it; `make test-properdocs`
runs the tests that drive the hook under it."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from .helpers import PROJECT_ROOT, PROPERDOCS_BIN, RENDERER, build_site, environment

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _without_generator(data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator">', data)


def _zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: _without_generator(archive.read(name)) for name in archive.namelist()}


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    properdocs = PROPERDOCS_BIN / "properdocs"
    assert properdocs.is_file(), "ProperDocs is not installed: run `make site-properdocs` (or `make test`)"
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = subprocess.run([str(properdocs), "build", "--strict", "-f", str(PROJECT_ROOT / "mkdocs.yml"),
                             "-d", str(site)], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            env=environment(), timeout=300)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def mkdocs_site(built_site, tmp_path_factory) -> Path:
    if RENDERER == "mkdocs":
        return built_site
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    result = build_site(PROJECT_ROOT, site, renderer="mkdocs")
    assert result.returncode == 0, result.stderr
    return site


def test_properdocs_names_itself_in_the_generator_tag(properdocs_site, mkdocs_site):
    ours = GENERATOR.search((properdocs_site / "index.html").read_bytes()).group()
    theirs = GENERATOR.search((mkdocs_site / "index.html").read_bytes()).group()
    assert b"ProperDocs 1.6.7" in ours and b"mkdocs-1.6.1" in theirs


def test_properdocs_builds_the_same_files_as_mkdocs_but_for_the_generator_tag(properdocs_site, mkdocs_site):
    ours, theirs = _files(properdocs_site), _files(mkdocs_site)
    assert ours.keys() == theirs.keys()
    differing = []
    for name in ours:
        if name.endswith(".zip"):
            same = _zip_members(ours[name]) == _zip_members(theirs[name])
        else:
            same = _without_generator(ours[name]) == _without_generator(theirs[name])
        if not same:
            differing.append(name)
    assert differing == []
    # Not a comparison of nothing: the HTML pages are there, and each does differ in its tag.
    pages = [name for name in ours if name.endswith(".html")]
    assert len(pages) > 40 and all(ours[name] != theirs[name] for name in pages)
