"""Shared fixtures: real builds of the real project (or of a copy to break)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import PROJECT_ROOT, build_site, build_zensical_site, copy_project, fictional_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with plain `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = build_site(PROJECT_ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The same site built by Zensical, once per test session, in a copy of the project."""
    return build_zensical_site(copy_project(tmp_path_factory.mktemp("zensical") / "project"))


@pytest.fixture(scope="session")
def fictional_built_site(tmp_path_factory) -> Path:
    """The fictional second dossier's site (tests/fictional_dossier/), built once per test session."""
    root = fictional_project(tmp_path_factory.mktemp("fictional-session") / "project")
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project's sources, to edit and build."""
    return copy_project(tmp_path / "project")


def pytest_terminal_summary(terminalreporter) -> None:
    """Say how big the bad-input corpus (tests/bad_inputs/) is, whenever it ran."""
    reports = [r for outcome in ("passed", "failed") for r in terminalreporter.stats.get(outcome, [])
               if "test_corpus_case_is_refused_with_its_error[" in r.nodeid and r.when == "call"]
    if reports:
        refused = sum(1 for r in reports if r.passed)
        terminalreporter.write_sep("-", f"bad-input corpus: {len(reports)} cases, {refused} refused with their "
                                        f"expected path:line:col error")
