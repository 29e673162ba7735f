"""`mkdocs serve` regenerates pages when a YAML file is saved, and does not
rebuild itself in a loop (a build writes nothing the server watches;
generated pages are never written into docs/)."""

from __future__ import annotations

import time
import urllib.request

import pytest

from .helpers import changes_seen_by_server, start_serve, stop_server, wait_for

pytestmark = pytest.mark.slow  # runs `mkdocs serve`


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""



# With every speed-up, the watched folders are told of changes by the system
# (speedups/native_watcher.py); without, MkDocs polls them as it does by itself.
NATIVE_WATCHER_LINE = "watched folders told of changes by the system"


@pytest.mark.parametrize("speedups", [None, "none"], ids=["native-watcher", "polling"])
def test_saving_a_yaml_file_reloads_the_page_without_a_rebuild_loop(project_copy, tmp_path, speedups):
    log_path = tmp_path / "serve.log"
    # --verbose: the server logs each change it sees (changes_seen_by_server).
    server, base = start_serve(project_copy, log_path, "--verbose",
                               env={"DOSSIER_SPEEDUPS": speedups} if speedups else None)
    try:
        url = f"{base}actors/india.html"
        assert wait_for(lambda: "<h1" in _fetch(url), 90), log_path.read_text()
        builds_before = log_path.read_text().count("Building documentation")

        actor = project_copy / "content" / "actors" / "india.yaml"
        actor.write_text(actor.read_text().replace("name: India", "name: India Renamed In Test", 1))

        assert wait_for(lambda: "India Renamed In Test" in _fetch(url), 60), log_path.read_text()
        time.sleep(4)  # long enough for a loop to show itself
        log_text = log_path.read_text()
        assert changes_seen_by_server(log_text) == {str(actor)}, log_text
        assert 1 <= log_text.count("Building documentation") - builds_before <= 2, log_text
        assert not (project_copy / "docs" / "actors").exists()
        assert (NATIVE_WATCHER_LINE in log_text) == (speedups is None), log_text
    finally:
        stopped = stop_server(server)  # as Ctrl-C: the server cleans up after itself
    assert stopped, "mkdocs serve did not stop on Ctrl-C"
