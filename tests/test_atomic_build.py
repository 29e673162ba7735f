"""A build that fails, or is killed half-way, leaves the previous site/
complete and unchanged; the next build cleans up what a killed one left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .helpers import MKDOCS, build_site, copy_project, environment, tree_digest

pytestmark = pytest.mark.slow  # every test builds the site with MkDocs

STAGING = ".site.building"  # where `mkdocs build` writes before the swap (see renderers/mkdocs/atomic_output.py)
OLD = ".site.old"


@pytest.fixture(scope="module")
def built_project(built_site, tmp_path_factory) -> Path:
    """A copy of the project with a good site/ in it (the session's build of the
    project, copied), to be copied by each test."""
    root = copy_project(tmp_path_factory.mktemp("atomic") / "project")
    shutil.copytree(built_site, root / "site")
    return root


@pytest.fixture
def project(built_project, tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built_project, root, symlinks=True)
    return root


def rename_an_actor(root: Path) -> str:
    """Change the content so that a finished build would change the site."""
    actor = root / "content" / "actors" / "russia.yaml"
    actor.write_text(actor.read_text(encoding="utf-8").replace("name: Russia", "name: Russian Federation", 1),
                     encoding="utf-8")
    return "Russian Federation"


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name in (STAGING, OLD))


def test_a_content_error_leaves_the_previous_site(project):
    before = tree_digest(project / "site")
    (project / "content" / "actors" / "russia.yaml").write_text("name: Russia\nkind: nation\nsummary: x\n")

    result = build_site(project, project / "site")

    assert result.returncode == 1
    assert "content/actors/russia.yaml:2:7:" in result.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_a_strict_mode_warning_leaves_the_previous_site(project):
    before = tree_digest(project / "site")
    rename_an_actor(project)
    (project / "docs" / "broken-link.md").write_text("# A page\n\nSee [the missing page](missing-page.md).\n")

    command = MKDOCS + ["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=environment(), timeout=300)

    assert result.returncode == 1
    assert "WARNING -  Doc file 'broken-link.md' contains a link 'missing-page.md'" in result.stderr, result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []


def test_a_build_killed_half_way_leaves_the_previous_site_and_the_next_build_cleans_up(project):
    before = tree_digest(project / "site")
    new_name = rename_an_actor(project)
    command = MKDOCS + ["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    # Its own session, so that the kill reaches the build and any build it started.
    build = subprocess.Popen(command, cwd=project, env=environment(), start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while not (project / STAGING).exists():
            assert build.poll() is None, "the build ended before it wrote its staging folder"
            assert time.monotonic() < deadline, "the staging folder never appeared"
            time.sleep(0.005)
        assert build.poll() is None, "the build finished before it could be killed"
        os.killpg(build.pid, signal.SIGKILL)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
        build.wait(timeout=60)
    assert build.returncode == -signal.SIGKILL

    assert tree_digest(project / "site") == before
    assert (project / STAGING).is_dir(), "the killed build left no staging folder: nothing to clean up"

    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == []
    assert new_name in (project / "site" / "actors" / "russia.html").read_text(encoding="utf-8")


def test_a_build_killed_during_the_swap_gets_the_previous_site_back(project):
    before = tree_digest(project / "site")
    # What a kill between the two renames of the swap leaves: no site/, the
    # previous site as .site.old (and perhaps a finished .site.building).
    os.replace(project / "site", project / OLD)
    (project / "content" / "actors" / "russia.yaml").write_text("name: Russia\nkind: nation\nsummary: x\n")

    result = build_site(project, project / "site")

    assert result.returncode == 1
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []
