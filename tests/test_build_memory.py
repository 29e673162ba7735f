"""What `mkdocs build` keeps in memory (build_scripts/renderers/mkdocs/session.py):
once MkDocs has the files, the dossier is let go, and nothing else holds it,
while the hand-written pages of docs/ are still completed as before."""

from __future__ import annotations

import subprocess

import pytest

from .helpers import MKDOCS, copy_project, environment

pytestmark = pytest.mark.slow  # builds the site with MkDocs

# A second hook, listed after the project's: it watches the dossier the
# project's hook made, through weak references, which keep nothing alive.
WATCHING_HOOK = '''
import sys, weakref

watched = {}

def _session():
    for module in list(sys.modules.values()):
        if getattr(module, "__file__", "") and module.__file__.endswith("renderers/mkdocs/hook.py"):
            return module.session

def on_pre_build(config):
    generated = _session().generated
    watched["the dossier"] = weakref.ref(generated.checked.content)
    watched["its indexes"] = weakref.ref(generated.indexes)

def on_nav(nav, config, files):
    alive = sorted(name for name, reference in watched.items() if reference() is not None)
    print(f"WATCHED {len(watched)} STILL HELD {alive}", file=sys.stderr)
'''


def test_the_build_lets_the_dossier_go_once_mkdocs_has_the_files(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "watching_hook.py").write_text(WATCHING_HOOK, encoding="utf-8")
    (project / "mkdocs-watched.yml").write_text(
        "INHERIT: mkdocs.yml\nhooks:\n  - build_scripts/renderers/mkdocs/hook.py\n  - watching_hook.py\n",
        encoding="utf-8")
    # A hand-written page, completed after the dossier has gone: its glossary term gets its hover text.
    (project / "docs" / "method.md").write_text("# Method\n\nWhat CAATSA asks of buyers.\n", encoding="utf-8")
    site = tmp_path / "site"
    command = MKDOCS + ["build", "--strict", "-f", str(project / "mkdocs-watched.yml"), "-d", str(site)]
    built = subprocess.run(command, cwd=project, capture_output=True, text=True, env=environment(), timeout=300)
    assert built.returncode == 0, built.stderr
    assert "WATCHED 2 STILL HELD []" in built.stderr, built.stderr
    method = (site / "method.html").read_text(encoding="utf-8")
    assert '<abbr title="Countering America' in method, "the hand-written page lost its glossary definitions"
