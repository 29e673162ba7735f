"""Same input, same bytes out: two builds of one commit are identical, wherever,
whenever and in whatever time zone and language they run."""

from __future__ import annotations

import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from .helpers import MKDOCS, copy_project, environment, tree_digest


def test_generated_markdown_is_identical_run_to_run(tmp_path):
    from build_scripts.site_source.generate import PROJECT_ROOT, generate

    first = [(p.path, p.text) for p in generate(PROJECT_ROOT).pages]
    second = [(p.path, p.text) for p in generate(PROJECT_ROOT).pages]
    assert first == second


# -- builds of one commit at different times, places, time zones and languages --

COMMIT_DATE = "2018-10-05T23:30:00+00:00"  # late in the day: a local date would be the 6th in Kolkata


def commit_copy(root: Path) -> None:
    """Make the copy a git repository with one commit, dated the same in every copy."""
    env = dict(environment(), GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org",
               GIT_AUTHOR_DATE=COMMIT_DATE, GIT_COMMITTER_DATE=COMMIT_DATE)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "content"]):
        subprocess.run(["git", "-c", "init.defaultBranch=main", *command], cwd=root, env=env, check=True,
                       capture_output=True, timeout=60)


def build(root: Path, config: str, site: Path, cwd: Path, **env: str) -> None:
    """`mkdocs build --strict` of ``root`` run from ``cwd`` with ``env`` added."""
    command = MKDOCS + ["build", "--strict", "-f", str(root / config), "-d", str(site)]
    full_env = dict(environment(), PYTHONPATH=str(root), **env)  # the copy's own build_scripts, whatever the cwd
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=full_env, timeout=300)
    assert result.returncode == 0, result.stderr


def differences(first: dict[str, str], second: dict[str, str]) -> list[str]:
    return sorted(path for path in first.keys() | second.keys() if first.get(path) != second.get(path))


@pytest.mark.slow  # builds the site several times, with git
def test_builds_of_one_commit_at_other_times_places_zones_and_languages_are_byte_identical(tmp_path):
    first_root = copy_project(tmp_path / "a")
    second_root = copy_project(tmp_path / "somewhere" / "much" / "deeper" / "b")
    for root in (first_root, second_root):
        commit_copy(root)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    runs = [
        (first_root, first_root, dict(TZ="UTC", LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONHASHSEED="1")),
        (second_root, elsewhere, dict(TZ="Asia/Kolkata", LANG="de_DE.UTF-8", LC_TIME="fr_FR.UTF-8", PYTHONHASHSEED="2")),
    ]
    digests = []
    for index, (root, cwd, env) in enumerate(runs):
        if index:
            time.sleep(1.5)  # another second of the clock
        build(root, "mkdocs.yml", root / "site", cwd, **env)
        digests.append(tree_digest(root / "site"))

    online, online_again = digests
    assert differences(online, online_again) == []   # the offline copy's zip included
    assert len(online) > 10
    # The one date a build writes is the commit's, in UTC, wherever it runs.
    with zipfile.ZipFile(first_root / "site" / "downloads" / "dossier-offline.zip") as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2018, 10, 5)}
