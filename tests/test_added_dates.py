"""The day each source and claim was added (``added``): checked, written by the scaffolds, and
filled in once from the repository's history (build_scripts/tools/added_dates.py)."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from build_scripts.tools import added_dates

from .helpers import cli_in_process

SOURCE = "content/sources/india-s400-iranian-oil.yaml"
CLAIMS = "content/claims/afghanistan.yaml"


def edit(root: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(root: Path, relative: str, starts: str, after: int = 0) -> int:
    """The line number (from 1) of the first line from ``after`` that starts with ``starts``."""
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and line.startswith(starts))


def test_every_source_and_claim_of_the_dossier_says_when_it_was_added(project_copy):
    assert cli_in_process(project_copy, "check").returncode == 0
    assert "added: 2026-11-25\n" in (project_copy / SOURCE).read_text(encoding="utf-8")


def test_a_claim_or_source_without_its_day_is_refused_where_it_is(project_copy):
    edit(project_copy, CLAIMS, "    added: 2026-11-25\n", "")
    edit(project_copy, SOURCE, "added: 2026-11-25\n", "")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    claim_line = line_of(project_copy, CLAIMS, "  - id: india-works-with-iran")
    assert (f"{CLAIMS}:{claim_line}:5: the claim 'india-works-with-iran-and-russia-on-afghanistan' has no "
            "'added' date (field: claims.0.added)") in result.stderr
    assert f"{SOURCE}:2:1: the source 'india-s400-iranian-oil' has no 'added' date" in result.stderr
    assert "python -m build_scripts.tools.added_dates" in result.stderr


@pytest.mark.parametrize("written, message", [
    ("2026-11", "'2026-11' is not a day written YYYY-MM-DD: 'added' gives the day the record was added"),
    ("2026-02-30", "'2026-02-30' is not a real date"),
])
def test_an_added_date_that_is_not_a_day_is_refused_at_its_place(project_copy, written, message):
    edit(project_copy, CLAIMS, "    added: 2026-11-25\n", f"    added: {written}\n")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert f"{CLAIMS}:{line_of(project_copy, CLAIMS, '    added:')}:12: " in result.stderr
    assert message in result.stderr


def test_a_day_before_what_the_record_depends_on_is_refused(project_copy):
    edit(project_copy, SOURCE, "added: 2026-11-25\n", "added: 2018-10-04\n")  # the day before its publication
    edit(project_copy, CLAIMS, "    added: 2026-11-25\n", "    added: 2018-10-01\n")  # before its source was added
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    source_line = line_of(project_copy, SOURCE, "added:")
    assert (f"{SOURCE}:{source_line}:8: the source is added on 2018-10-04, before it was published (2018-10-05) "
            "(field: added)") in result.stderr
    claim_line = line_of(project_copy, CLAIMS, "    added:")
    assert (f"{CLAIMS}:{claim_line}:12: the claim is added on 2018-10-01, before its source "
            "'india-s400-iranian-oil' was added (2018-10-04) (field: claims.0.added)") in result.stderr


def test_a_correction_before_its_claim_was_added_is_refused(project_copy):
    edit(project_copy, CLAIMS, "    added: 2026-11-25\n",
         "    added: 2026-11-25\n    corrections:\n      - date: 2026-11-24\n        change: A change.\n"
         "        reason: A reason.\n")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    line = line_of(project_copy, CLAIMS, "      - date:")
    assert (f"{CLAIMS}:{line}:15: the correction is dated 2026-11-24, before the claim was added (2026-11-25) "
            "(field: claims.0.corrections.0.date)") in result.stderr


def test_check_refuses_a_day_after_the_one_it_is_given_as_today(project_copy):
    edit(project_copy, CLAIMS, "    added: 2026-11-25\n", "    added: 2062-11-25\n")
    assert cli_in_process(project_copy, "check").returncode == 0  # without --today, no day is "the future"
    result = cli_in_process(project_copy, "check", "--today", "2026-12-01")
    assert result.returncode == 1
    assert (f"{CLAIMS}:{line_of(project_copy, CLAIMS, '    added:')}:12: the date 2062-11-25 is in the future "
            "(today is 2026-12-01) (field: claims.0.added)") in result.stderr
    assert "was the year mistyped?" in result.stderr
    clock = cli_in_process(project_copy, "check", "--today", "clock")
    assert clock.returncode == 1 and "the date 2062-11-25 is in the future" in clock.stderr


def test_the_scaffolds_write_the_day_they_add_a_record(project_copy):
    today = datetime.date.today().isoformat()
    claim = cli_in_process(project_copy, "new", "claim", "A claim added today.", "--topic", "s400-deal",
                           "--quote", "the U.K., all of which signed the accord")
    assert claim.returncode == 0, claim.stderr
    assert f"    added: {today}\n" in (project_copy / "content/claims/s400-deal.yaml").read_text(encoding="utf-8")
    shutil.copy(project_copy / "seeds" / "india-s400-iranian-oil.txt", project_copy / "seeds" / "second-report.txt")
    source = cli_in_process(project_copy, "new", "source", "seeds/second-report.txt", "--title", "A second report",
                            "--date", "2018-10-06", "--publisher", "reuters", "--licence", "CC BY 4.0",
                            "--licence-url", "https://creativecommons.org/licenses/by/4.0/", "--added", "2026-12-01")
    assert source.returncode == 0, source.stderr
    assert "\nadded: 2026-12-01\n" in (project_copy / "content/sources/second-report.yaml").read_text(encoding="utf-8")
    check = cli_in_process(project_copy, "check", "--today", "clock")
    assert check.returncode == 0, check.stderr
    for path in ("content/claims/s400-deal.yaml", "content/sources/second-report.yaml"):
        assert cli_in_process(project_copy, "fmt", "--check", path).returncode == 0


def git(root: Path, *args: str, day: str | None = None) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "GIT_CONFIG_NOSYSTEM": "1"}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   check=True, capture_output=True, env=env)


@pytest.mark.slow  # runs git
def test_the_migration_gives_each_record_the_day_it_first_appeared_in_history(project_copy):
    root = project_copy
    claims = root / "content" / "claims"
    moved = "afghanistan.yaml"
    for path in [root / SOURCE, *claims.glob("*.yaml")]:  # the records as they were before the field
        path.write_text(re.sub(r"(?m)^ *added: 2026-11-25\n", "", path.read_text(encoding="utf-8")),
                        encoding="utf-8")
    kept_aside = (claims / moved).read_text(encoding="utf-8")
    (claims / moved).unlink()
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first", day="2026-11-20")
    # A later commit adds a claims file with a comment; one of its claims moves to another file after that.
    (claims / moved).write_text(kept_aside.replace("claims:\n", "claims:  # the Afghan thread\n", 1), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "second", day="2026-11-22")
    text = (claims / moved).read_text(encoding="utf-8")
    first_claim, rest = text.split("\n\n  - id: taliban", 1)
    (claims / moved).write_text(first_claim + "\n", encoding="utf-8")
    (claims / "zz-moved.yaml").write_text("claims:\n  - id: taliban" + rest, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "third", day="2026-11-24")
    # Not committed: no day in history for it.
    (claims / "zz-new.yaml").write_text(
        "claims:\n  - id: zz-not-committed\n    statement: Not committed yet.\n    evidence:\n"
        "      - source: india-s400-iranian-oil\n        quote: India was set to enter lucrative bids\n"
        "    topics: [s400-deal]\n    certainty: stated\n", encoding="utf-8")

    assert added_dates.main(["--root", str(root), "--check"]) == 1
    assert "added:" not in (root / SOURCE).read_text(encoding="utf-8")  # --check writes nothing
    assert added_dates.main(["--root", str(root)]) == 1  # one record in no commit yet
    assert (root / SOURCE).read_text(encoding="utf-8").endswith("added: 2026-11-20\n")
    afghan = (claims / moved).read_text(encoding="utf-8")
    assert "claims:  # the Afghan thread\n" in afghan  # comments kept
    assert "    certainty: stated\n    added: 2026-11-22\n" in afghan
    moved_text = (claims / "zz-moved.yaml").read_text(encoding="utf-8")
    assert moved_text.count("added: 2026-11-22\n") == 4  # moved, yet its day is the day it first appeared
    assert "\n    added: 2026-11-22\n\n  - id: us-led-war" in moved_text  # the blank line stays between claims
    assert "added: 2026-11-20\n" in (claims / "s400-deal.yaml").read_text(encoding="utf-8")
    assert "added" not in (claims / "zz-new.yaml").read_text(encoding="utf-8")
    (claims / "zz-new.yaml").unlink()
    assert added_dates.main(["--root", str(root), "--check"]) == 0  # nothing left to do
    assert cli_in_process(root, "check").returncode == 0
    assert cli_in_process(root, "fmt", "--check").returncode == 0
