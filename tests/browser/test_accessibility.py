"""axe (the copy bundled by axe-playwright-python) finds no violations on any
kind of page, nor in the search dialog with results showing; each kind of page,
served over HTTP, loads nothing from outside the machine."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from ..helpers import PROJECT_ROOT
from .page_kinds import PAGE_OF_EACH_KIND
from .search import search

AXE = Axe()
DESKTOP_SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots" / "desktop"


def _violations(page) -> list[str]:
    """One line per element that fails a rule, saying which rule and why."""
    lines = []
    for violation in AXE.run(page).response["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"{violation['id']} ({violation['impact']}): {node['target']}: {summary}")
    return lines


@pytest.mark.parametrize("kind", PAGE_OF_EACH_KIND)
def test_page_loads_nothing_from_outside_and_axe_finds_no_violations(watched, site_url, kind):
    """Served over HTTP, at desktop width: one load of each kind of page for both checks (a
    screenshot of each is kept in test-artifacts/screenshots/desktop/ for people to look at)."""
    page = watched.new_page()
    page.goto(site_url + PAGE_OF_EACH_KIND[kind], wait_until="networkidle")
    page.wait_for_selector("article.md-content__inner")
    DESKTOP_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=DESKTOP_SCREENSHOTS / f"{kind}.png", full_page=True)
    # The page's own stylesheet and script were seen: the watch works.
    assert any(url.endswith(".css") for url in watched.requests)
    assert any("/assets/javascripts/bundle." in url for url in watched.requests)
    watched.assert_clean()
    violations = _violations(page)
    assert not violations, "\n".join(violations)


# The fictional dossier's pages that show what today's cannot: two sources, disagreements, corrections.
FICTIONAL_PAGES = ["topics/bridge-reopening.html", "actors/velmora-council.html", "sources/ost-herald-bridge.html",
                   "timeline.html", "figures.html", "compare.html", "corrections.html"]


@pytest.mark.parametrize("path", FICTIONAL_PAGES)
def test_axe_finds_no_violations_on_the_fictional_dossier(watch, fictional_url, path):
    page = watch(fictional_url).new_page()
    page.goto(fictional_url + path)
    page.wait_for_selector("article.md-content__inner")
    assert page.locator(".dossier-conflict, .dossier-conflict-inline, .dossier-correction-entry, .dossier-corrections, table").count()
    violations = _violations(page)
    assert not violations, "\n".join(violations)


def test_axe_finds_no_violations_in_the_search_dialog(watched, site_url):
    page = watched.new_page()
    page.goto(site_url + "index.html")
    search(page, "India")
    assert page.is_visible(".md-search-result__item")
    # Served, more pages are found than first listed: the button under the list is checked too.
    page.wait_for_selector("button.dossier-search-more", state="visible")
    violations = _violations(page)
    assert not violations, "\n".join(violations)
