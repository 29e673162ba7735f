"""The link check (build_scripts/tools/linkcheck.py): every internal link and
anchor of the online and the offline site resolves, and the check finds the
broken ones that MkDocs' own validation lets through."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from build_scripts.tools.linkcheck import BrokenLink, check_site

from .helpers import PROJECT_ROOT, cli_in_process

OFFLINE_ZIP = "downloads/dossier-offline.zip"  # the offline site, as the normal build offers it


def test_every_link_of_the_online_site_resolves(built_site):
    result = cli_in_process(PROJECT_ROOT, "linkcheck", str(built_site))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("all resolve"), result.stdout


def test_every_link_of_the_offline_site_resolves_from_disk(built_site, tmp_path):
    # The offline copy a reader downloads: links must work from file://.
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path)
    (offline,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    result = cli_in_process(PROJECT_ROOT, "linkcheck", "--file-urls", str(offline))
    assert result.returncode == 0, result.stdout
    report = check_site(offline, file_urls=True)
    assert report.pages > 10 and report.links > 100


def test_a_broken_link_in_raw_html_passes_mkdocs_but_not_the_link_check(hostile_site):
    # MkDocs validates Markdown links only; links written as HTML slip through
    # (the hostile site's docs/extra.md, tests/hostile_site.py: it was built with --strict).
    site = hostile_site
    assert (site / "extra.html").is_file()

    result = cli_in_process(site.parent, "linkcheck", str(site))

    assert result.returncode == 1
    assert f"{site}/extra.html: actors/nobody.html (no such file)" in result.stdout
    assert f"{site}/extra.html: about.html#no-such-part (no such anchor)" in result.stdout
    assert "2 of " in result.stdout


def write_site(root: Path, pages: dict[str, str], search: list[str] | None = None) -> Path:
    for name, body in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    if search is not None:
        (root / "search").mkdir()
        (root / "search" / "search_index.json").write_text(json.dumps({"docs": [{"location": s} for s in search]}))
    return root


def test_each_kind_of_broken_link_is_found(tmp_path):
    site = write_site(tmp_path, {
        "index.html": '<h1 id="top-title">Home</h1><a href="a/page.html#part">ok</a> <a href="a/">folder</a>'
                      ' <a href="https://example.org/x">off the site</a> <a href="mailto:x@example.org">mail</a>'
                      ' <a href="#top-title">here</a> <img src="img/logo.png" srcset="img/logo.png 1x, img/big.png 2x">',
        "a/page.html": '<p id="part">Part</p><a name="named"></a><a href="../index.html#top-title">home</a>'
                       ' <a href="../missing.html">missing</a> <a href="page.html#nowhere">anchor</a>'
                       ' <a href="#named">named anchor</a> <a href="javascript:alert(1)">script</a>'
                       ' <a href="../../outside.html">outside</a> <a href="/index.html">root</a>',
        "a/index.html": '<p id="twice">1</p><p id="twice">2</p>',
        "404.html": '<a href="/a/page.html">root link on the 404 page</a>',
    }, search=["", "a/page.html#part", "a/page.html#gone", "gone.html"])
    (site / "img").mkdir()
    (site / "img" / "logo.png").write_bytes(b"png")

    report = check_site(site)

    assert report.broken == sorted([
        BrokenLink("a/index.html", "#twice", "this id is given to more than one element"),
        BrokenLink("a/page.html", "../missing.html", "no such file"),
        BrokenLink("a/page.html", "page.html#nowhere", "no such anchor"),
        BrokenLink("a/page.html", "javascript:alert(1)", "a javascript: address"),
        BrokenLink("a/page.html", "../../outside.html", "points outside the site"),
        BrokenLink("index.html", "img/big.png", "no such file"),
        BrokenLink("search/search_index.json", "a/page.html#gone", "no such anchor"),
        BrokenLink("search/search_index.json", "gone.html", "no such file"),
    ])
    assert report.pages == 4

    from_disk = check_site(site, file_urls=True)
    extra = sorted(set(from_disk.broken) - set(report.broken))
    assert extra == [
        BrokenLink("a/page.html", "/index.html", "an address from the site's root does not work from file://"),
        BrokenLink("index.html", "a/", "a folder: from file:// a browser shows a listing, not its index.html"),
    ]


def test_the_command_fails_on_a_broken_site_and_on_a_folder_that_is_no_site(tmp_path):
    site = write_site(tmp_path / "site", {"index.html": '<a href="nowhere.html">x</a>'})
    result = cli_in_process(PROJECT_ROOT, "linkcheck", str(site))
    assert result.returncode == 1
    assert f"{site}/index.html: nowhere.html (no such file)" in result.stdout

    result = cli_in_process(PROJECT_ROOT, "linkcheck", str(tmp_path / "empty"))
    assert result.returncode == 1
    assert "not a built site" in result.stdout


def test_the_whole_index_for_pages_read_from_disk_is_checked(tmp_path):
    """A build's served search/search_index.json holds the settings alone; the
    pages' locations are in search/search_index.js, read from disk."""
    site = write_site(tmp_path, {"index.html": '<h1 id="top">Home</h1>'}, search=[])
    docs = [{"location": "index.html#top"}, {"location": "index.html#gone"}]
    (site / "search" / "search_index.js").write_text("var __index = " + json.dumps({"docs": docs}))

    report = check_site(site)

    assert report.broken == [BrokenLink("search/search_index.js", "index.html#gone", "no such anchor")]
