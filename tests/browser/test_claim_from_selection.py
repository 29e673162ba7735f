"""The preview's claim from a selection: in `mkdocs serve --dirty` (`make
serve`) of a copy of the project, selecting a passage on a source's page
shows a claim's skeleton; filled in with an id and a statement and saved into
content/claims/, it passes `check`. Copied with the keyboard, and axe finds
nothing wrong with it."""

from __future__ import annotations

import datetime
import re
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from build_scripts.content.schema import header_line

from ..helpers import cli_in_process, start_serve, stop_server, wait_for
from .conftest import VIEWPORT
from .local_only import LocalOnly

SOURCE = "india-s400-iranian-oil"
# Selected from inside "Indian" to inside "Friday": the quote is widened to whole words.
SELECTED_FROM, SELECTED_TO = "ndian Prime Minister", "deal Frid"
QUOTE = ("Indian Prime Minister Narendra Modi and Russian President Vladimir Putin concluded a "
         "multibillion-dollar deal Friday")

# In the page: select from the first place ``start`` occurs in the source's text (side notes
# left out) to where ``end`` ends after it, as a reader's drag would.
SELECT = """([start, end]) => {
  const container = document.querySelector(".dossier-source-text");
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {acceptNode: (n) =>
    n.parentElement.closest("details.dossier-notes") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const nodes = []; let text = "";
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
  const from = text.indexOf(start), to = text.indexOf(end, from) + end.length;
  const at = (i) => { const [node, base] = nodes.filter(([n, b]) => b <= i).pop(); return [node, i - base]; };
  const range = document.createRange();
  range.setStart(...at(from));
  range.setEnd(...at(to));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}"""


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except OSError:
        return 0


@pytest.fixture
def served_copy(project_copy, tmp_path):
    """`mkdocs serve --dirty` of the project's copy: (its root, its base URL)."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    log_path = tmp_path / "serve.log"
    server, base = start_serve(project_copy, log_path, "--dirty", scratch=scratch)
    try:
        assert wait_for(lambda: _status(f"{base}sources/{SOURCE}.html") == 200, 120), log_path.read_text()
        yield project_copy, base
    finally:
        stop_server(server)


def test_a_selection_on_a_source_page_gives_a_claim_that_passes_check(browser, served_copy):
    root, base = served_copy
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    guard = LocalOnly(context, local_server=base)
    try:
        page = guard.new_page()
        page.goto(f"{base}sources/{SOURCE}.html")
        page.wait_for_selector(".dossier-source-text")
        assert page.locator("script[src$='preview/claim-from-selection.js']").count() == 1
        page.wait_for_function("() => performance.getEntriesByType('resource')"
                               ".some((e) => e.name.includes('claim-from-selection/'))")

        selected = page.evaluate(SELECT, [SELECTED_FROM, SELECTED_TO])
        assert selected.startswith("ndian") and selected.endswith("Frid")
        panel = page.locator(".dossier-claim-from-selection")
        panel.wait_for(state="visible")
        skeleton = panel.locator("pre").inner_text()
        assert f"      - source: {SOURCE}\n" in skeleton, panel.inner_text()
        assert f'        quote: "{QUOTE}"\n' in skeleton, skeleton
        assert "    actors: [narendra-modi, vladimir-putin]\n" in skeleton
        assert '#     said_as: "Friday"' in skeleton and "#     basis: relative" in skeleton
        assert f"    added: {datetime.date.today().isoformat()}" in skeleton
        assert "occurrence" not in skeleton
        assert "The quote is in the text of " + SOURCE in panel.locator("[role=status]").inner_text()

        # The copy button, with the keyboard: the claim is on the clipboard.
        page.locator("button[data-action=copy]").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.querySelector('.dossier-cfs-status').textContent.startsWith('Copied')")
        assert page.evaluate("navigator.clipboard.readText()") == skeleton
        violations = [f"{v['id']}: {node['target']}" for v in Axe().run(page).response["violations"]
                      for node in v["nodes"]]
        assert violations == []
        guard.assert_clean()
    finally:
        context.close()

    # Filled in with an id and a statement, pasted into a new claims file (under its schema
    # line, as `new claim` starts one): check finds nothing to say about it.
    claim = re.sub(r'^  - id: "".*$', "  - id: deal-concluded-on-friday", skeleton, count=1, flags=re.M)
    claim = claim.replace('statement: ""', "statement: Modi and Putin concluded the deal on Friday.", 1)
    path = root / "content" / "claims" / "zz-from-selection.yaml"
    schema_line = header_line(Path("claims") / path.name, "claims")
    path.write_text(f"{schema_line}\nclaims:\n{claim}", encoding="utf-8")
    check = cli_in_process(root, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "content/claims/zz-from-selection.yaml" not in check.stdout + check.stderr
