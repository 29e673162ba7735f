"""Every kind of page loads with nothing from outside the machine when read
from disk (the offline copy); served over HTTP, test_accessibility.py checks
it in the same load as axe."""

from __future__ import annotations

import pytest

from build_scripts.renderers.offline_zip import SERVER_ONLY_FILES

from .page_kinds import PAGE_OF_EACH_KIND

# The offline copy leaves out what only a web server uses (the 404 page).
OFFLINE_PAGE_KINDS = {kind: path for kind, path in PAGE_OF_EACH_KIND.items() if path not in SERVER_ONLY_FILES}


def _load(guard, url):
    page = guard.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector("article.md-content__inner")
    return page


@pytest.mark.parametrize("kind", OFFLINE_PAGE_KINDS)
def test_offline_page_loads_from_disk_with_nothing_from_outside(watched, offline_url, kind):
    page = _load(watched, offline_url + OFFLINE_PAGE_KINDS[kind])
    assert page.url.startswith("file://")
    assert any(url.startswith("file://") and url.endswith(".css") for url in watched.requests)
    assert any(url.endswith("search/search_index.js") for url in watched.requests)
    watched.assert_clean()


def test_a_request_to_outside_would_be_caught(watched, site_url):
    """The watch itself: a page that reaches outside is noticed, and the request is never sent."""
    page = _load(watched, site_url + "index.html")
    outcome = page.evaluate("fetch('https://example.org/x.js').then(() => 'sent', () => 'blocked')")
    assert outcome == "blocked"
    assert watched.foreign == ["https://example.org/x.js"]
    # Another port on this machine is not the site either.
    port = int(site_url.rsplit(":", 1)[1].strip("/"))
    page.evaluate(f"fetch('http://127.0.0.1:{port + 1}/').catch(() => null)")
    assert watched.foreign[-1] == f"http://127.0.0.1:{port + 1}/"
    with pytest.raises(AssertionError, match="leave the machine"):
        watched.assert_clean()
    watched.foreign.clear()
