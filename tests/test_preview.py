"""`mkdocs serve --dirty` (`make serve`): a saved YAML file rebuilds exactly
the pages whose text changed, everything when the glossary changes, deletes
pages that are gone, keeps one search entry set per page, and never loops:
a build writes nothing the server watches."""

from __future__ import annotations

import gzip
import json
import os
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from build_scripts.parallel import CORES_VARIABLE
from build_scripts.site_source.generate import generate

from .helpers import changes_seen_by_server, start_serve, stop_server, wait_for

pytestmark = pytest.mark.slow  # runs `mkdocs serve --dirty`

FORKED = "converting every other page's Markdown in a forked copy"  # the hook's log (session.py)


def _status_and_text(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""



def _html_times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _file_times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def _generated_texts(root: Path) -> dict[str, str]:
    return {page.path: page.text for page in generate(root).pages}


def _html(path: str) -> str:
    return path[: -len(".md")] + ".html"


def test_a_dirty_serve_rebuilds_exactly_what_changed(project_copy, tmp_path):
    # The server's site folder is a temporary folder: give it a known parent.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    log_path = tmp_path / "serve.log"
    # --verbose: the server logs each change it sees (changes_seen_by_server).
    server, base = start_serve(project_copy, log_path, "--dirty", "--verbose", scratch=scratch)
    try:
        assert wait_for(lambda: _status_and_text(base + "index.html")[0] == 200, 120), log_path.read_text()
        # MkDocs names its serve folder mkdocs_*, ProperDocs properdocs_*.
        (site,) = [*scratch.glob("mkdocs_*"), *scratch.glob("properdocs_*")]
        builds = lambda: log_path.read_text().count("Building documentation")  # noqa: E731
        builds_at_start = builds()

        def built(url: str, shows) -> bool:
            """The page at ``url`` shows the change, and the build that wrote it
            has written every other page too: each rebuild the server started
            has ended, by reloading browsers or with an error."""
            log_text = log_path.read_text()
            ended = 1 + log_text.count("Reloading browsers") + log_text.count("An error happened during the rebuild")
            return log_text.count("Building documentation") == ended and shows(_status_and_text(url))

        # 1. Rename an actor: its page and the pages that name it are rebuilt, no other.
        before = _generated_texts(project_copy)
        times_before = _html_times(site)
        files_before = _file_times(site)
        actor = project_copy / "content" / "actors" / "qatar.yaml"
        actor.write_text(re.sub(r"^name: .*$", "name: Qatar Renamed", actor.read_text(), count=1, flags=re.M))
        after = _generated_texts(project_copy)
        assert wait_for(lambda: built(base + "actors/qatar.html", lambda got: "Qatar Renamed" in got[1])), \
            log_path.read_text()
        times_after = _html_times(site)
        # Generated files other than pages are copied again only when their bytes change.
        files_after = _file_times(site)
        assert files_after["content/actors/qatar.yaml"] != files_before["content/actors/qatar.yaml"]
        assert files_after["content/actors/india.yaml"] == files_before["content/actors/india.yaml"]
        assert files_after["content/relations.yaml"] == files_before["content/relations.yaml"]
        changed_text = {_html(p) for p in after if before.get(p) != after[p]}
        rewritten = {p for p in times_after if times_before.get(p) != times_after[p]}
        generated = {_html(p) for p in after}
        assert "actors/qatar.html" in changed_text and len(changed_text) < len(generated) / 2
        assert rewritten & generated == changed_text
        assert not rewritten & {"about.html"}  # hand-written pages stay as they were
        # (Other pages that list the actor show the new name; the source page
        # changes too: the text's "Qatar" no longer names an actor.)
        assert any("Qatar Renamed" in (site / page).read_text(encoding="utf-8")
                   for page in changed_text - {"actors/qatar.html"})

        # The search index has each page once, with its latest text.
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = [entry["location"] for entry in index["docs"]]
        assert len(locations) == len(set(locations))
        assert [e["title"] for e in index["docs"] if e["location"] == "actors/qatar.html"] == ["Qatar Renamed"]

        # 1b. Rename the actor most claims name, and move a claim to another actor: again
        # exactly the pages whose text changed are rebuilt (each reached through the records it shows).
        for path, old, new, url, shown in [
            ("content/actors/india.yaml", "name: India\n", "name: India Renamed\n", "actors/india.html", "India Renamed"),
            ("content/claims/caatsa.yaml", "actors: [united-states, russia]\n", "actors: [united-states, russia, qatar]\n",
             "actors/qatar.html", "moved to enforce sanctions"),
        ]:
            before, times_before = _generated_texts(project_copy), _html_times(site)
            edited = project_copy / path
            edited.write_text(edited.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
            after = _generated_texts(project_copy)
            assert wait_for(lambda url=url, shown=shown: built(base + url, lambda got: shown in got[1])), \
                log_path.read_text()
            times_after = _html_times(site)
            changed_text = {_html(p) for p in after if before.get(p) != after[p]}
            rewritten = {p for p in times_after if times_before.get(p) != times_after[p]}
            assert url in changed_text and rewritten & generated == changed_text, path

        # 2. A glossary expansion shows on every page that uses the term, hand-written or
        # not, though no page's own Markdown changed: every page is rebuilt.
        glossary = project_copy / "content" / "glossary.yaml"
        term, expansion, users = _a_term_in_use(site, glossary.read_text(encoding="utf-8"))
        glossary.write_text(glossary.read_text(encoding="utf-8").replace(
            f"expansion: {expansion}\n", f"expansion: {expansion} Edited\n", 1), encoding="utf-8")
        def titles(html: str) -> set[str]:
            return {a["title"] for a in BeautifulSoup(html, "html.parser").find_all("abbr") if a.get_text() == term}

        assert wait_for(lambda: built(base + users[0], lambda got: titles(got[1]) == {f"{expansion} Edited"})), \
            log_path.read_text()
        for page in users:
            assert titles((site / page).read_text(encoding="utf-8")) == {f"{expansion} Edited"}, page

        # 3. A new actor gets its page; deleting its file deletes the page.
        extra = project_copy / "content" / "actors" / "preview-test-actor.yaml"
        extra.write_text(actor.read_text().splitlines()[0] + "\nname: Preview Test Actor\nkind: organisation\n"
                         "summary: An actor added and removed by a test.\n", encoding="utf-8")
        url = base + "actors/preview-test-actor.html"
        assert wait_for(lambda: built(url, lambda got: "Preview Test Actor" in got[1])), log_path.read_text()
        extra.unlink()
        assert wait_for(lambda: built(url, lambda got: got[0] == 404)), log_path.read_text()
        assert not (site / "actors" / "preview-test-actor.html").exists()

        time.sleep(3)  # long enough for a rebuild loop to show itself
        log_text = log_path.read_text()
        edited = {project_copy / "content/actors/india.yaml", project_copy / "content/claims/caatsa.yaml"}
        assert changes_seen_by_server(log_text) == {str(p) for p in (actor, glossary, extra, *edited)}, log_text
        assert 6 <= builds() - builds_at_start <= 12, log_text
        assert not (project_copy / "docs" / "actors").exists()

        # 4. After these dirty rebuilds, the site is the one a clean serve of the same input makes.
        dirty_site = _site_files(site, base)
    finally:
        stopped = stop_server(server)  # as Ctrl-C: the server cleans up after itself
    assert stopped, "mkdocs serve did not stop on Ctrl-C"
    # The clean serve uses none of the speed-ups (no dirty preview, no template cache kept between builds).
    clean_site = _served_once(project_copy, tmp_path / "clean", {"DOSSIER_SPEEDUPS": "none"})
    assert sorted(p for p in dirty_site if clean_site.get(p) != dirty_site[p]) == []
    assert dirty_site.keys() == clean_site.keys()


def _site_files(site: Path, base: str) -> dict[str, bytes]:
    """Every file of a served site, its server's own address (which serve sets as
    ``site_url``: canonical links, the sitemap) put aside."""
    address = urlsplit(base).netloc.encode()

    def read(path: Path) -> bytes:
        data = path.read_bytes()
        return (gzip.decompress(data) if path.suffix == ".gz" else data).replace(address, b"SERVER")

    return {path.relative_to(site).as_posix(): read(path) for path in sorted(site.rglob("*")) if path.is_file()}


def _served_once(project: Path, scratch: Path, env: dict[str, str]) -> dict[str, bytes]:
    """The site a plain `mkdocs serve` (no --dirty: every page built afresh) makes of ``project``."""
    scratch.mkdir()
    log_path = scratch / "serve.log"
    server, base = start_serve(project, log_path, scratch=scratch, env=env)
    try:
        assert wait_for(lambda: "Serving on" in log_path.read_text(), 120), log_path.read_text()
        (site,) = [*scratch.glob("mkdocs_*"), *scratch.glob("properdocs_*")]
        return _site_files(site, base)
    finally:
        assert stop_server(server), "mkdocs serve did not stop on Ctrl-C"


def _a_term_in_use(site: Path, glossary_yaml: str) -> tuple[str, str, list[str]]:
    """A glossary term shown as an abbreviation, its expansion as written on
    its own line in glossary.yaml, and the pages that show it (the hand-written
    About page first if it is one of them)."""
    shown: dict[str, tuple[str, list[str]]] = {}
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        for abbr in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("abbr"):
            entry = shown.setdefault(abbr.get_text(), (abbr["title"], []))
            if page not in entry[1]:
                entry[1].append(page)
    for term, (title, pages) in sorted(shown.items(), key=lambda item: "about.html" not in item[1][1]):
        if f"\n    expansion: {title}\n" in glossary_yaml and len(pages) > 1:
            return term, title, sorted(pages, key=lambda p: p != "about.html")
    raise AssertionError("no glossary term with a plain one-line expansion is shown on two pages")


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores to fork the conversion")
def test_a_dirty_serve_on_two_cores_converts_in_a_copy_and_serves_the_same_site(project_copy, tmp_path):
    """``parallel_preview``: a save that changes many pages has them converted on two
    cores, beside the server's threads; the site is the one a serve without speed-ups makes."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    log_path = tmp_path / "serve.log"
    two_cores = {CORES_VARIABLE: "2"}  # the test run caps builds to one core (conftest.py)
    server, base = start_serve(project_copy, log_path, "--dirty", "--verbose", scratch=scratch, env=two_cores)
    try:
        assert wait_for(lambda: _status_and_text(base + "index.html")[0] == 200, 120), log_path.read_text()
        (site,) = [*scratch.glob("mkdocs_*"), *scratch.glob("properdocs_*")]
        forks = lambda: log_path.read_text().count(FORKED)  # noqa: E731
        forks_at_start = forks()
        # The actor most claims name: its new name is on forty pages.
        actor = project_copy / "content" / "actors" / "india.yaml"
        actor.write_text(actor.read_text(encoding="utf-8").replace("name: India\n", "name: India Renamed\n", 1),
                         encoding="utf-8")
        def built() -> bool:
            """The page shows the new name, and every rebuild started has ended."""
            log_text = log_path.read_text()
            return (log_text.count("Building documentation") == 1 + log_text.count("Reloading browsers")
                    and "India Renamed" in _status_and_text(base + "actors/russia.html")[1])

        assert wait_for(built), log_path.read_text()
        assert forks() == forks_at_start + 1, log_path.read_text()
        assert "sent nothing for" not in log_path.read_text()
        dirty_site = _site_files(site, base)
    finally:
        assert stop_server(server), "mkdocs serve did not stop on Ctrl-C"
    clean_site = _served_once(project_copy, tmp_path / "clean", {"DOSSIER_SPEEDUPS": "none"})
    assert dirty_site.keys() == clean_site.keys()
    # The search index holds the same entries; a page rebuilt since the first build has
    # its entries at the end (as Material's dirty builds have them; order does not matter).
    index = "search/search_index.json"
    assert sorted(p for p in dirty_site if clean_site[p] != dirty_site[p]) in ([], ["search/search_index.js", index])
    assert _entries(dirty_site[index]) == _entries(clean_site[index])
    assert dirty_site["search/search_index.js"] == b"var __index = " + dirty_site[index]


def _entries(index: bytes) -> tuple[dict, list[str]]:
    data = json.loads(index)
    return data["config"], sorted(json.dumps(entry, sort_keys=True) for entry in data["docs"])
