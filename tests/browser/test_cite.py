"""The claims' citations in the browser (docs/assets/cite.js): the reader's
day in place of [date], the full address when served (in the CSL-JSON as its
"accessed" and "URL"), a copy button for each text; from disk too; axe clean
with a citation open."""

from __future__ import annotations

import datetime
import json

from .test_accessibility import _violations

# A claim of the JCPOA's page whose address is on another topic's page (its first topic).
BOX = "details.dossier-cite[data-claim='modi-putin-pushback-against-washington']"
ADDRESS = "topics/india-russia-partnership.html#claim-modi-putin-pushback-against-washington"


def _open_box(page, url: str) -> dict:
    page.goto(url + "topics/india-russia-partnership.html")  # the claim's address: its cite box is there
    page.click(f"{BOX} > summary")
    return {
        "text": page.inner_text(f"{BOX} pre.dossier-cite-text"),
        "bibtex": page.inner_text(f"{BOX} pre.dossier-cite-bibtex"),
        "csl": json.loads(page.inner_text(f"{BOX} pre.dossier-cite-csl")),
        "buttons": page.eval_on_selector_all(f"{BOX} button.dossier-cite-copy", "bs => bs.map(b => b.textContent)"),
    }


def test_the_citation_is_completed_over_http(watched, site_url):
    page = watched.new_page()
    box = _open_box(page, site_url)
    today = datetime.date.today().isoformat()   # the browser and the tests share the machine's clock
    assert box["text"].startswith("“The article presents Modi and Putin")
    assert box["text"].endswith(f"Accessed {today}.")
    assert f"{site_url}{ADDRESS}" in box["text"] and f"url = {{{site_url}{ADDRESS}}}" in box["bibtex"]
    assert f"urldate = {{{today}}}" in box["bibtex"]
    assert box["buttons"] == ["Copy as text", "Copy as BibTeX", "Copy as CSL-JSON"]
    [item] = box["csl"]   # the address and the day as fields of their own
    assert item["URL"] == site_url + ADDRESS
    assert item["accessed"] == {"date-parts": [[int(part) for part in today.split("-")]]}
    # The address leads to the claim.
    page.click(f"{BOX} a.dossier-cite-address")
    page.wait_for_selector("#claim-modi-putin-pushback-against-washington")
    assert page.url == site_url + ADDRESS


def test_the_citation_from_disk(watched, offline_url):
    page = watched.new_page()
    box = _open_box(page, offline_url)
    assert "[date]" not in box["text"]
    assert f", {ADDRESS}." in box["text"]   # no server: the address within the dossier
    [item] = box["csl"]
    assert "URL" not in item and item["accessed"]["date-parts"][0][0] == datetime.date.today().year


def test_axe_finds_no_violations_with_a_citation_open(watched, site_url):
    page = watched.new_page()
    _open_box(page, site_url)
    violations = _violations(page)
    assert not violations, "\n".join(violations)
