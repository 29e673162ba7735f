"""Shared fixtures: real builds of the real project (or of a copy to break),
and the two tiers of tests.

The tiers. A test is *fast* unless it is marked ``slow`` (it builds a site or
starts a process: MkDocs, Zensical, a `python -m build_scripts` of its own, git,
Node) or ``browser`` (it drives Chromium; every test under tests/browser/).
`make test-fast` runs the fast tests only (``-m "not slow and not browser"``),
in-process, in well under a minute; `make test` runs them all.

Tests that use a fixture of ``SLOW_FIXTURES`` are marked ``slow`` here, by
that fixture; others carry the mark themselves (``pytestmark`` or
``@pytest.mark.slow``). A fast test that starts a process anyway fails, in
either tier (``_refuse_processes``): the mark is missing, or the test should
call the code in-process (``helpers.cli_in_process`` for the command line).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from build_scripts import parallel
from build_scripts.rules.check import CheckedDossier, load_and_check
from build_scripts.site_source.generate import Generated, generate
from build_scripts.tools.synthetic import count_dossier, write_dossier

from .helpers import (
    PROJECT_ROOT,
    SCALE,
    build_site,
    build_zensical_site,
    copy_project,
    fictional_project,
)
from .hostile_site import add_hostile_records
from .long_pages_site import write_hostile_dossier

# With a test process per core or more (`make test`), every core is busy with
# tests: a build that forks onto a "free" second core only adds the copying.
# So builds in tests run on one core (build_scripts/parallel.py); the tests of
# the two-core paths fork whatever this says (test_parallel.py,
# test_generator_shortcuts.py, test_parallel_markdown.py). 2026-12-07, the
# long lists' site built alone: 34-36 s of CPU on two cores, 28 s on one.
if int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0")) >= parallel.usable_cores():
    os.environ.setdefault(parallel.CORES_VARIABLE, "1")

# Fixtures that build a site (or a dossier ten times today's): a test using one is slow.
SLOW_FIXTURES = {"built_site", "configured_site", "hostile_site", "zensical_site", "fictional_built_site", "fictional_zensical_site",
                 "dossier_x10", "checked_x10", "site_x10", "long_pages_site"}
SLOW_MARKS = {"slow", "browser"}


# -- made once per run, however many processes run the tests --------------------------

def made_once(tmp_path_factory, name: str, make: Callable[[Path], Path]) -> Path:
    """What ``make(folder)`` returns, made once per test run.

    `make test` runs the tests in several processes (pytest-xdist, one per
    core); each process sets up session fixtures of its own. A site costs
    seconds to build, so the first process to ask makes it in a folder they
    all share, under a lock, and the others wait for it and read it.
    Tests read what is made here and never change it.
    """
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / name
    made = shared.with_name(name + ".made")
    with open(shared.with_name(name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(shared, ignore_errors=True)  # left by a process whose making failed
            shared.mkdir()
            made.write_text(str(make(shared)), encoding="utf-8")
    return Path(made.read_text(encoding="utf-8"))


# -- the real dossier -----------------------------------------------------------------

@pytest.fixture(scope="session")
def real_checked() -> CheckedDossier:
    """The real dossier (content/, seeds/), loaded and checked once per session, in-process."""
    return load_and_check(PROJECT_ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run with plain `mkdocs build --strict`."""
    def make(folder: Path) -> Path:
        result = build_site(PROJECT_ROOT, folder / "site")
        assert result.returncode == 0, result.stderr
        return folder / "site"
    return made_once(tmp_path_factory, "built", make)


# The addresses a published site sets in mkdocs.yml (left unset in the repository).
SITE_ADDRESSES = ("site_url: https://example.org/dossier/\n"
                  "repo_url: https://github.com/example/dossier\n"
                  "edit_uri: https://example.org/dossier/edit/main/docs/\n")


@pytest.fixture(scope="session")
def configured_site(tmp_path_factory) -> Path:
    """The real site built once per session with ``SITE_ADDRESSES`` set in mkdocs.yml:
    full addresses in citations, the issue form for reports, "Edit this page" buttons."""
    def make(folder: Path) -> Path:
        root = copy_project(folder / "project")
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "docs_dir: docs\n" in text
        config.write_text(text.replace("docs_dir: docs\n", "docs_dir: docs\n" + SITE_ADDRESSES, 1), encoding="utf-8")
        result = build_site(root, root / "site", offline_copy=False)
        assert result.returncode == 0, result.stderr
        return root / "site"
    return made_once(tmp_path_factory, "configured", make)


@pytest.fixture(scope="session")
def long_pages_site(tmp_path_factory) -> tuple[Path, Path, dict]:
    """The fictional dossier with every long list a hostile contributor could make
    (tests/long_pages_site.py), built once per session: (project, site, what was written)."""
    def make(folder: Path) -> Path:
        root = fictional_project(folder / "project")
        (folder / "written.json").write_text(json.dumps(write_hostile_dossier(root)), encoding="utf-8")
        result = build_site(root, root / "site", offline_copy=False)
        assert result.returncode == 0, result.stdout + result.stderr
        return folder
    folder = made_once(tmp_path_factory, "longpages", make)
    return folder / "project", folder / "project" / "site", json.loads((folder / "written.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def hostile_site(real_checked, tmp_path_factory) -> Path:
    """A copy of the real project with hostile records and two hand-written pages added
    (tests/hostile_site.py), built once per session; its project is the site's parent."""
    def make(folder: Path) -> Path:
        root = add_hostile_records(copy_project(folder / "project"), real_checked.content)
        result = build_site(root, root / "site", offline_copy=False)
        assert result.returncode == 0, result.stderr
        return root / "site"
    return made_once(tmp_path_factory, "hostile", make)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The same site built by Zensical, once per test session, in a copy of the project."""
    return made_once(tmp_path_factory, "zensical", lambda folder: build_zensical_site(copy_project(folder / "project")))


# -- the fictional dossier (tests/fictional_dossier/) ------------------------------------

@pytest.fixture(scope="session")
def fictional_root(tmp_path_factory) -> Path:
    """A copy of the project whose content/ and seeds/ are the fictional dossier's, made
    once per session. Tests read it and never change it (the sites below are built in it)."""
    return made_once(tmp_path_factory, "fictional-session", lambda folder: fictional_project(folder / "project"))


@pytest.fixture(scope="session")
def fictional_checked(fictional_root) -> CheckedDossier:
    """The fictional dossier, loaded and checked in-process."""
    return load_and_check(fictional_root)


@pytest.fixture(scope="session")
def fictional_generated(fictional_root) -> Generated:
    """Everything the engine generates for the fictional dossier (pages, files), in-process."""
    return generate(fictional_root)


@pytest.fixture(scope="session")
def fictional_built_site(fictional_root, tmp_path_factory) -> Path:
    """The fictional dossier's site, built once per test run with `mkdocs build --strict`."""
    def make(_folder: Path) -> Path:
        result = build_site(fictional_root, fictional_root / "site")
        assert result.returncode == 0, result.stderr
        return fictional_root / "site"
    return made_once(tmp_path_factory, "fictional-site", make)


@pytest.fixture(scope="session")
def fictional_zensical_site(fictional_root, tmp_path_factory) -> Path:
    """The fictional dossier's site built by Zensical (`make site-zensical`), once per session,
    beside the MkDocs one (Zensical writes build/ and site-zensical/, which MkDocs does not read)."""
    return made_once(tmp_path_factory, "fictional-zensical-site", lambda _folder: build_zensical_site(fictional_root))


# -- the dossier ten times today's (build_scripts/tools/synthetic.py) -----------------------

@pytest.fixture(scope="session")
def today():
    """How many records of each kind today's dossier holds."""
    return count_dossier()


@pytest.fixture(scope="session")
def dossier_x10(tmp_path_factory, today) -> Path:
    """A dossier ten times today's, written once per test run (tests read it, never change it)."""
    def make(folder: Path) -> Path:
        write_dossier(folder / "x10", SCALE, seed=1, base=today)
        return folder / "x10"
    return made_once(tmp_path_factory, "scale", make)


@pytest.fixture(scope="session")
def checked_x10(dossier_x10) -> CheckedDossier:
    """The x10 dossier, loaded and checked once per session (seconds: a slow fixture)."""
    return load_and_check(dossier_x10)


@pytest.fixture(scope="session")
def site_x10(dossier_x10, tmp_path_factory) -> Path:
    """The x10 dossier built with plain `mkdocs build --strict`, once per session (without
    the offline copy, which is a second build of the same pages)."""
    def make(folder: Path) -> Path:
        result = build_site(dossier_x10, folder / "site", offline_copy=False)
        assert result.returncode == 0, result.stderr[-3000:]
        return folder / "site"
    return made_once(tmp_path_factory, "scale-site", make)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project's sources, to edit and build."""
    return copy_project(tmp_path / "project")


# -- the tiers --------------------------------------------------------------------------

# The files that take longest, the longest first but for the three that
# start, which each build a different site (seconds a file took in one of
# three test processes, 7 December 2026). `make test` hands whole files to its
# processes in the order collected (`--no-loadscope-reorder`: by default xdist
# hands out first the files with the most tests), and a long file handed out
# last keeps one process busy alone at the end; started first, the long files
# run side by side and the short ones fill the gaps; no process waits for
# another's build at the start. The order only schedules: a file missing here
# runs after these.
LONGEST_FILES = (
    "browser/test_zensical_site.py",       # 215 s  (the Zensical site)
    "test_hostile_input.py",               # 131 s  (the hostile site)
    "test_scale.py",                       # 129 s  (the x10 dossier)
    "browser/test_phone_and_network.py",   # 188 s  (the real site, and from here on)
    "browser/test_accessibility.py",       # 168 s
    "test_long_pages.py",                  # 110 s
    "browser/test_search_forgives.py",     # 104 s
    "browser/test_search.py",              # 96 s
    "browser/test_search_for_readers.py",  # 91 s
    "test_incremental_pages.py",           # 76 s
    "test_wide_input.py",                  # 66 s
    "browser/test_pages_load_locally.py",  # 62 s
)


def _file_rank(item) -> int:
    path = getattr(item, "nodeid", "").split("::", 1)[0].removeprefix("tests/")
    return LONGEST_FILES.index(path) if path in LONGEST_FILES else len(LONGEST_FILES)


def pytest_collection_modifyitems(items) -> None:
    """Mark ``slow`` every test that uses a fixture of ``SLOW_FIXTURES``, and
    put the longest files first (a stable sort: each file keeps its order)."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    items.sort(key=_file_rank)


def is_fast(item) -> bool:
    return not any(item.get_closest_marker(name) for name in SLOW_MARKS)


def _refused(*args, **kwargs):
    command = args[0] if args else kwargs.get("args", kwargs.get("command", ""))
    pytest.fail(f"a fast test started a process ({command!r}): mark the test slow (@pytest.mark.slow) "
                "or run the code in-process (tests/helpers.py: cli_in_process for `python -m build_scripts`)",
                pytrace=True)


# What starts another program; os.fork is not among them (the generator's
# second core, build_scripts/parallel.py, is a copy of this process).
_PROCESS_STARTERS = [(subprocess, "Popen"), (os, "system"), (os, "posix_spawn"), (os, "posix_spawnp")]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    with _refuse_processes(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    with _refuse_processes(item):
        return (yield)


@contextlib.contextmanager
def _refuse_processes(item):
    """While a fast test (and the fixtures it sets up) runs, starting a process fails it."""
    if not is_fast(item):
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        for module, name in _PROCESS_STARTERS:
            patch.setattr(module, name, _refused)
        yield


def pytest_terminal_summary(terminalreporter) -> None:
    """Say how big the bad-input corpus (tests/bad_inputs/) is, whenever it ran."""
    reports = [r for outcome in ("passed", "failed") for r in terminalreporter.stats.get(outcome, [])
               if "test_corpus_case_is_refused_with_its_error[" in r.nodeid and r.when == "call"]
    if reports:
        refused = sum(1 for r in reports if r.passed)
        terminalreporter.write_sep("-", f"bad-input corpus: {len(reports)} cases, {refused} refused with their "
                                        f"expected path:line:col error")
