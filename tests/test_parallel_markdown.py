"""MkDocs' Markdown conversion on two cores (build_scripts/renderers/mkdocs/speedups/parallel_conversion.py):
the same site, byte for byte, as a build on one core; the copy's warnings
shown once and counted by --strict; Material's search index made from the
sections both processes split the pages into; pages the copy did not convert converted
by the build itself."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.parallel import CORES_VARIABLE
from build_scripts.renderers.mkdocs.speedups import (
    parallel_conversion as parallel_markdown,
)

from .helpers import MKDOCS, copy_project, environment, tree_digest

FORKED = "converting every other page's Markdown in a forked copy"

pytestmark = [pytest.mark.slow,  # builds the site with MkDocs
              pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores to fork the conversion")]


def two_cores() -> dict[str, str]:
    """The builds' environment without the test run's cap on cores (conftest.py): these builds fork."""
    return {key: value for key, value in environment().items() if key != CORES_VARIABLE}


# MkDocs checks links to anchors only when it does not log debug messages
# (mkdocs/structure/pages.py): this shows the hook's own ones, without --verbose.
HOOK_DEBUG = "import logging; logging.getLogger('mkdocs.hooks.dossier').setLevel(logging.DEBUG)"


def mkdocs_build(root: Path, site: Path, *, one_core: bool = False, code: str | None = None,
                 verbose: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict --verbose`; on one core if asked (the build
    then forks nothing); with ``code`` run first in the same process."""
    arguments = ["build", "--strict", *(["--verbose"] if verbose else []), "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    if code is None:
        command = MKDOCS + arguments
    else:
        # mkdocs, or properdocs in its own venv: its command line imported first,
        # since ProperDocs' makes every later `import mkdocs` load ProperDocs.
        python, _, module = MKDOCS
        command = [python, "-c", f"from {module}.__main__ import cli\n{code}\ncli({arguments!r})"]

    def on_one_core() -> None:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    return subprocess.run(command, cwd=root, capture_output=True, text=True, env={**two_cores(), **(env or {})},
                          timeout=300, preexec_fn=on_one_core if one_core else None)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("parallel-markdown") / "project")
    # Two pages side by side in MkDocs' order, so that the copy converts one of
    # them, outside the nav: titled by their first heading, linking to each other's anchors.
    (root / "docs" / "zz-first.md").write_text("# First page\n\n## Part one\n\n[On](zz-second.md#part-two)\n")
    (root / "docs" / "zz-second.md").write_text("# Second page\n\n## Part two\n\n[Back](zz-first.md#part-one)\n")
    return root


@pytest.fixture(scope="module")
def site_on_one_core(project, tmp_path_factory) -> dict[str, str]:
    site = tmp_path_factory.mktemp("one-core") / "site"
    built = mkdocs_build(project, site, one_core=True)
    assert built.returncode == 0, built.stderr
    assert FORKED not in built.stderr
    return tree_digest(site)


def test_the_site_converted_on_two_cores_is_the_site_converted_on_one(project, site_on_one_core, tmp_path):
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert FORKED in built.stderr
    # Material's search took the sections split as pages were converted, for every page it indexed.
    taken = re.search(r"search: (\d+) pages indexed from sections split as they were converted", built.stderr)
    pages = [path for path in (tmp_path / "site").rglob("*.html") if path.name != "404.html"]
    assert taken and int(taken.group(1)) == len(pages) > 50
    assert tree_digest(tmp_path / "site") == site_on_one_core


def test_the_switch_turns_the_speed_ups_off_and_the_site_stays_the_same(project, site_on_one_core, tmp_path):
    """DOSSIER_SPEEDUPS=none: MkDocs and Material do everything by themselves, on two cores too."""
    built = mkdocs_build(project, tmp_path / "site", env={"DOSSIER_SPEEDUPS": "none"})
    assert built.returncode == 0, built.stderr
    assert FORKED not in built.stderr and "pages indexed from sections" not in built.stderr
    assert tree_digest(tmp_path / "site") == site_on_one_core


@pytest.mark.parametrize("how", ["stops", "is killed mid-page", "hangs"])
def test_pages_the_copy_did_not_convert_are_converted_by_the_build(how, project, site_on_one_core, tmp_path):
    # The copy sends three pages, then meets a page it cannot convert and
    # stops, dies while it sends the fourth, or hangs (as a lock another thread
    # held when `serve` forked would leave it): stopped after a silence, made short here.
    after_three = {
        "stops": "convert(config, files, pages[:3] + ['gone.md'], out, **options)",
        "is killed mid-page": "convert(config, files, pages[:3], out, **options); out.write(b'\\x80\\x05\\x95'); out.flush();"
                              " os.kill(os.getpid(), signal.SIGKILL)",
        "hangs": "convert(config, files, pages[:3], out, **options); time.sleep(600)",
    }[how]
    code = (
        "import os, signal, time\n"
        "from build_scripts.renderers.mkdocs.speedups import parallel_conversion as p\n"
        "p.COPY_SILENCE_SECONDS = 3\n"
        "convert = p._convert_and_send\n"
        "def after_three(config, files, pages, out, **options):\n"
        f"    {after_three}\n"
        "p._convert_and_send = after_three"
    )
    built = mkdocs_build(project, tmp_path / "site", code=code)
    assert built.returncode == 0, built.stderr
    assert FORKED in built.stderr
    assert "the forked copy stopped early" in built.stderr
    assert ("sent nothing for 3 s: stopped" in built.stderr) == (how == "hangs")
    assert "Traceback" not in built.stderr
    assert tree_digest(tmp_path / "site") == site_on_one_core


def test_warnings_from_pages_the_copy_converts_are_shown_once_and_stop_a_strict_build(tmp_path):
    root = copy_project(tmp_path / "project")
    for name, other in (("zz-first", "zz-second"), ("zz-second", "zz-first")):
        (root / "docs" / f"{name}.md").write_text(
            f"# {name}\n\n[a lost page](no-such-{name}.md) and [a lost anchor]({other}.md#no-such-anchor)\n",
            encoding="utf-8")
    built = mkdocs_build(root, tmp_path / "site", code=HOOK_DEBUG, verbose=False)
    assert FORKED in built.stderr
    assert built.returncode != 0
    for name, other in (("zz-first", "zz-second"), ("zz-second", "zz-first")):
        lost_page = f"Doc file '{name}.md' contains a link 'no-such-{name}.md', but the target is not found"
        # Found only with the anchors of one page and the links of the other, one of them from the copy.
        lost_anchor = (f"Doc file '{name}.md' contains a link '{other}.md#no-such-anchor', "
                       f"but the doc '{other}.md' does not contain an anchor '#no-such-anchor'")
        assert built.stderr.count(lost_page) == 1, built.stderr
        assert built.stderr.count(lost_anchor) == 1, built.stderr
    assert "Aborted with 4 warnings in strict mode!" in built.stdout
    assert not (tmp_path / "site").exists()


def test_what_the_copy_sends_is_all_that_mkdocs_sets_when_it_converts_a_page(project):
    # If a new MkDocs sets more on a page when converting it, the copy must send that too.
    # (A hand-written page: the project's own pages are all generated.)
    (project / "docs" / "method.md").write_text("# Method\n\nA page written by hand.\n", encoding="utf-8")
    code = (
        "from mkdocs.config import load_config\n"
        "from mkdocs.structure.files import get_files\n"
        "from mkdocs.structure.pages import Page\n"
        f"config = load_config({str(project / 'mkdocs.yml')!r})\n"
        "files = get_files(config)\n"
        "page = Page(None, files.get_file_from_path('method.md'), config)\n"
        "page.read_source(config)\n"
        "before = dict(vars(page))\n"
        "page.render(config, files)\n"
        "print(sorted(k for k, v in vars(page).items() if k not in before or before[k] is not v))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True,
                            env=environment(), timeout=120)
    (project / "docs" / "method.md").unlink()
    assert result.returncode == 0, result.stderr
    set_by_render = set(eval(result.stdout.strip().splitlines()[-1]))
    assert set_by_render == {"content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors"}
    sent = {field.name for field in dataclasses.fields(parallel_markdown.Converted)} - {"records", "search_sections"}
    assert sent == {"content", "toc", "title_from_render", "present_anchor_ids", "links_to_anchors"}


def test_a_build_with_a_plugin_not_known_to_be_safe_converts_on_one_core(project, tmp_path):
    # Material's tags plugin keeps what it reads from pages: its page events must run in the build only.
    (project / "mkdocs-tags.yml").write_text("INHERIT: mkdocs.yml\nplugins:\n  tags: {}\n", encoding="utf-8")
    command = MKDOCS + ["build", "--verbose", "-f", str(project / "mkdocs-tags.yml"), "-d", str(tmp_path / "site")]
    built = subprocess.run(command, cwd=project, capture_output=True, text=True, env=two_cores(), timeout=300)
    assert built.returncode == 0, built.stderr
    assert FORKED not in built.stderr
    assert (tmp_path / "site" / "index.html").is_file()
