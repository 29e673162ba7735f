"""Helpers for tests: building the real site, reading its HTML."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup

# The environment of every child build, and a free port, as the benchmarks use them too.
from build_scripts.renderers.search_pieces import WHOLE_INDEX_FOR_DISK, whole_index_json
from build_scripts.tools.processes import (  # noqa: F401 - used by the tests through this module
    environment,
    free_port,
    interruptible,
    stop_server,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The tests that drive the hook run MkDocs by default, or ProperDocs (the maintained
# MkDocs 1.x fork, in its own venv) with DOSSIER_RENDERER=properdocs: `make test-properdocs`.
PROPERDOCS_BIN = PROJECT_ROOT / ".venv-properdocs" / "bin"
RENDERER = os.environ.get("DOSSIER_RENDERER", "mkdocs")
if RENDERER not in ("mkdocs", "properdocs"):
    raise RuntimeError(f"DOSSIER_RENDERER={RENDERER!r}: use mkdocs or properdocs")
MKDOCS = ([sys.executable, "-m", "mkdocs"] if RENDERER == "mkdocs"
          else [str(PROPERDOCS_BIN / "python"), "-m", "properdocs"])
COPIED = ["mkdocs.yml", "zensical.yml", "content", "seeds", "docs", "build_scripts", "theme", "theme-zensical",
          "CONTRIBUTING.md", "schema"]
# Zensical's own environment (`make site-zensical` sets it up; `make test` too).
ZENSICAL_BIN = PROJECT_ROOT / ".venv-zensical" / "bin"


def copy_project(target: Path) -> Path:
    """Copy what a build reads into ``target`` (no site, no virtual environment)."""
    target.mkdir(parents=True)
    for name in COPIED:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def changes_seen_by_server(serve_log: str) -> set[str]:
    """The files whose changes a `mkdocs serve --verbose` logged (it logs no
    folders). A build that writes into what the server watches shows here,
    where counting builds would not tell it from the watcher seeing one save
    twice (it polls every half second: a file once truncated, once written)."""
    return set(re.findall(r"\bFile\w*Event\(src_path='([^']*)'", serve_log))


def build_site(root: Path, site_dir: Path | None = None, *extra: str,
               renderer: str | None = None, offline_copy: bool = True) -> subprocess.CompletedProcess:
    """Run plain `mkdocs build --strict` on the project at ``root`` (with the
    renderer the tests run, or the one named). ``offline_copy=False`` leaves
    out the offline zip (a fifth of a build's time), for tests that never open it."""
    base = [sys.executable, "-m", "mkdocs"] if renderer == "mkdocs" else MKDOCS
    command = base + ["build", "--strict", "-f", str(root / "mkdocs.yml")]
    if site_dir is not None:
        command += ["-d", str(site_dir)]
    env = environment() if offline_copy else dict(environment(), DOSSIER_OFFLINE_COPY="0")
    return subprocess.run(command + list(extra), cwd=root, capture_output=True, text=True, env=env, timeout=300)


def build_zensical_site(root: Path) -> Path:
    """What `make site-zensical` runs, on the project at ``root``: the site's
    source written by the engine, Zensical's build, the offline zip. Returns
    the built site (``root/site-zensical``)."""
    python, zensical = str(ZENSICAL_BIN / "python"), str(ZENSICAL_BIN / "zensical")
    assert Path(zensical).is_file(), "Zensical is not installed: run `make site-zensical` (or `make test`)"
    for command in ([python, "-m", "build_scripts", "--root", str(root), "generate", "--strict", "--out",
                     str(root / "build" / "site-source")],
                    [zensical, "build", "--clean", "--strict", "-f", str(root / "zensical.yml")],
                    [python, "-m", "build_scripts", "offline", str(root / "site-zensical")]):
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=environment(), timeout=300)
        assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    return root / "site-zensical"


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `python -m build_scripts --root ROOT ...` as a process of its own (a slow test):
    for what only a whole process shows (its start, its exit status on a crash, a timeout)."""
    command = [sys.executable, "-m", "build_scripts", "--root", str(root), *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, env=environment(), timeout=300)


def cli_in_process(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m build_scripts --root ROOT ...` run in this process, from ``root``
    as `run_cli` runs it: the same code (``build_scripts.cli.main``) without a
    process's start-up (about half a second each). Its exit status and output
    come back as `run_cli` gives them."""
    from build_scripts import cli as command_line

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            returncode = command_line.main(["--root", str(root), *args])
        except SystemExit as stop:  # argparse refusing the options
            returncode = stop.code if isinstance(stop.code, int) else 1
    return subprocess.CompletedProcess(["build_scripts", *args], returncode, stdout.getvalue(), stderr.getvalue())


def real_record_ids(folder: str) -> list[str]:
    """The ids of the real dossier's actors, topics or sources (``folder`` under content/),
    from their file names (a record's id is its file's name), to parametrize tests by
    without loading the dossier when the tests are collected."""
    return sorted(path.stem for path in (PROJECT_ROOT / "content" / folder).glob("*.yaml"))


def real_claim_ids() -> list[str]:
    """The ids of the real dossier's claims, read from the ``  - id:`` lines of
    content/claims/ (tests/test_site_pages.py checks they are the loaded ones)."""
    return sorted(re.findall(r"^  - id: ([a-z0-9-]+)$", "\n".join(
        path.read_text(encoding="utf-8") for path in sorted((PROJECT_ROOT / "content" / "claims").glob("*.yaml"))),
        re.MULTILINE))


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def soup(path: Path) -> BeautifulSoup:
    """The page at ``path``, parsed once while the file stays as it is, and the
    same tree for every test that asks: read it, never change it (``copy.copy``
    it first). Parsing was most of the time of the tests that read the built
    site: 1,932 parses of its 65 pages in test_site_pages.py,
    test_reader_pages.py, test_citations.py and test_sharing.py."""
    stat = path.stat()
    return _parsed(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=128)  # a long list's parts, a few sites' pages: tens of MB
def _parsed(path: str, _mtime_ns: int, _size: int) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def article(path: Path):
    """The page's main content, without the theme's navigation."""
    return soup(path).select_one("article.md-content__inner")


def start_serve(project: Path, log_path: Path, *options: str, scratch: Path | None = None,
                env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """`mkdocs serve OPTIONS` (the renderer the tests run) of the project at ``project``
    on a free port, its output written to ``log_path``; ``scratch``: the server's
    temporary folder, where it writes the site; ``env``: more environment. Returns the
    server (stop it with ``stop_server``, as Ctrl-C does) and its base URL."""
    port = free_port()
    env = {**environment(), **(env or {}), **({"TMPDIR": str(scratch)} if scratch else {})}
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            MKDOCS + ["serve", *options, "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
            cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env, preexec_fn=interruptible)
    return server, f"http://127.0.0.1:{port}/"


def wait_for(predicate, timeout: float = 60) -> bool:
    """Poll ``predicate`` until it holds or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


# The synthetic dossier of the scale tests: this many times today's (build_scripts/tools/synthetic.py).
SCALE = 10


# The fictional second dossier (tests/fictional_dossier/: invented town, invented newspapers).
FICTIONAL_DOSSIER = PROJECT_ROOT / "tests" / "fictional_dossier"


def fictional_project(target: Path) -> Path:
    """A copy of the project whose content/ and seeds/ are the fictional dossier's."""
    root = copy_project(target)
    for name in ("content", "seeds"):
        shutil.rmtree(root / name)
        shutil.copytree(FICTIONAL_DOSSIER / name, root / name)
    return root


def whole_search_index(site: Path) -> dict:
    """Material's whole search index of a built site, as pages opened from disk
    read it (search/search_index.js, written by Material's offline plugin): the
    served search/search_index.json keeps the index's settings alone, since
    served pages search Pagefind's index in pieces (build_scripts/renderers/search_pieces.py)."""
    return json.loads(whole_index_json((site / WHOLE_INDEX_FOR_DISK).read_text(encoding="utf-8")))
