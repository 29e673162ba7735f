"""The two tiers (tests/conftest.py): a fast test that starts a process fails;
a test that uses a fixture building a site is marked slow by it."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from . import conftest


def test_a_fast_test_that_starts_a_process_fails():
    for start in (lambda: subprocess.run([sys.executable, "-c", "pass"]), lambda: os.system("true")):
        with pytest.raises(pytest.fail.Exception, match="a fast test started a process"):
            start()


@pytest.mark.slow
def test_a_slow_test_may_start_one():
    assert subprocess.run([sys.executable, "-c", "pass"]).returncode == 0


def test_a_test_using_a_fixture_that_builds_a_site_is_marked_slow():
    marks = {}
    uses = {"site": ["tmp_path", "built_site"], "x10": ["dossier_x10"],
            "in-process": ["fictional_generated", "real_checked", "project_copy"]}
    conftest.pytest_collection_modifyitems([
        SimpleNamespace(fixturenames=names, add_marker=lambda mark, key=key: marks.setdefault(key, mark.name))
        for key, names in uses.items()])
    assert marks == {"site": "slow", "x10": "slow"}
