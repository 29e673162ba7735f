"""Every claim's address, its citation ("Cite this claim") and its report
link (pages/views/citations.py), read from the built site; and, with site_url and
repo_url set in mkdocs.yml, full addresses and a prefilled issue form."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from .helpers import PROJECT_ROOT, real_record_ids, soup


def _plain(text: str) -> str:
    """Text with white space and typographic quotes made plain, as claims' quotes are matched."""
    text = text.replace("\u00a0", " ").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def _boxes(site, page: str):
    for claim in soup(site / page).select("div.dossier-claim"):
        box = claim.select_one("details.dossier-cite")
        assert box is not None, f"{page}: {claim['id']} has no citation"
        yield claim, box


def _check_citation(content, site, page: str, site_url: str = "") -> int:
    checked = 0
    for claim, box in _boxes(site, page):
        claim_id = claim["id"].removeprefix("claim-")
        assert box["data-claim"] == claim_id
        record = content.claims[claim_id].record
        text = _plain(box.select_one("pre.dossier-cite-text").get_text())
        bibtex = _plain(box.select_one("pre.dossier-cite-bibtex").get_text())
        # The claim, then each quote with its source's title, publisher and date.
        assert text.startswith(_plain(f"“{record.statement}”")), text
        assert f"title = {{{{{_plain(record.statement)}}}}}" in bibtex.replace("\\", "") or "\\" in record.statement
        for evidence, quote in zip(record.evidence, claim.select("blockquote") or [None], strict=False):
            source = content.sources[evidence.source].record
            publisher = content.actors[source.publisher].record.name
            assert _plain(f"{source.title} ({publisher}, ") in text
            assert source.published.value[:4] in text
            if quote is not None:  # the quote as the claim shows it, word for word
                assert _plain(quote.get_text()) in text
                assert f"``{_plain(quote.get_text())}''" in bibtex
        # The dossier, the claim's address (on its first topic's page, where it is), the day accessed.
        address = f"{site_url}topics/{record.topics[0]}.html#claim-{claim_id}"
        assert f"{content.dossier.record.title}, {address}." in text
        assert f"url = {{{address}}}" in bibtex
        assert text.endswith("Accessed [date].") and "urldate = {[date]}" in bibtex
        link = box.select_one("a.dossier-cite-address")
        assert link.get_text() == address
        target = (site / page).parent / urlsplit(link["href"]).path
        assert soup(target).find(id=f"claim-{claim_id}") is not None, f"{page}: {address} is not where the claim is"
        checked += 1
    return checked


@pytest.mark.parametrize("page", [f"topics/{t}.html" for t in real_record_ids("topics")])
def test_each_claims_citation_matches_it(real_checked, built_site, page):
    assert _check_citation(real_checked.content, built_site, page) > 0


@pytest.mark.parametrize("actor_id", real_record_ids("actors"))
def test_a_claim_on_an_actor_page_links_to_its_citation_and_reports_directly(real_checked, built_site, actor_id):
    """An actor's page shows its claims in full, each with a link to its
    citation at the claim's address (the box is not repeated there: it made
    the busiest actor pages heavier than 100 KB) and its own report link."""
    page = f"actors/{actor_id}.html"
    claims = soup(built_site / page).select("div.dossier-claim")
    for claim in claims:
        claim_id = claim["id"].removeprefix("claim-")
        assert claim.select_one("details.dossier-cite") is None
        links = claim.select_one("p.dossier-cite-links")
        assert links["data-claim"] == claim_id
        topic = real_checked.content.claims[claim_id].record.topics[0]
        assert links.select_one("a.dossier-cite-link")["href"] == f"../topics/{topic}.html#claim-{claim_id}"
        box = soup(built_site / f"topics/{topic}.html").select_one(f"details[data-claim='{claim_id}']")
        assert box is not None
        assert links.select_one("a.dossier-report")["href"] == box.select_one("a.dossier-report")["href"]


def test_every_claim_on_a_source_page_links_to_its_address(real_checked, built_site):
    """The claim lines under a source's text are kept light (a source's page is
    the heaviest): one link, to the claim's address, where its citation and
    report link are."""
    for source_id in real_checked.content.sources:
        page = soup(built_site / f"sources/{source_id}.html")
        for claim in page.select("div.dossier-claim"):
            claim_id = claim["id"].removeprefix("claim-")
            topic = real_checked.content.claims[claim_id].record.topics[0]
            link = claim.select_one("a.dossier-cite-link")
            assert link["href"] == f"../topics/{topic}.html#claim-{claim_id}"
            box = soup(built_site / f"topics/{topic}.html").select_one(f"details[data-claim='{claim_id}']")
            assert box.select_one("a.dossier-report") is not None


def test_without_repo_url_the_report_link_says_where_to_write(built_site):
    box = next(_boxes(built_site, "topics/jcpoa.html"))[1]
    report = box.select_one("a.dossier-report")
    assert report["href"] == "../contributing.html#reporting-an-error"
    assert soup(built_site / "contributing.html").find(id="reporting-an-error") is not None


def test_the_issue_form_asks_for_the_fields_the_link_fills_in():
    form = yaml.safe_load((PROJECT_ROOT / ".github/ISSUE_TEMPLATE/report-error.yml").read_text(encoding="utf-8"))
    ids = {field.get("id") for field in form["body"]}
    assert {"claim", "page", "problem", "source"} <= ids


def test_with_site_url_and_repo_url_addresses_are_full_and_reports_open_the_form(real_checked, configured_site):
    """site_url and repo_url set (the session's configured_site, conftest.py)."""
    site = configured_site
    assert _check_citation(real_checked.content, site, "topics/jcpoa.html", "https://example.org/dossier/") > 0
    for claim, box in _boxes(site, "topics/jcpoa.html"):
        claim_id = claim["id"].removeprefix("claim-")
        report = urlsplit(box.select_one("a.dossier-report")["href"])
        assert (report.scheme, report.netloc, report.path) == ("https", "github.com", "/example/dossier/issues/new")
        query = parse_qs(report.query)
        assert query["template"] == ["report-error.yml"]
        assert query["claim"] == [claim_id]
        topic = real_checked.content.claims[claim_id].record.topics[0]
        assert query["page"] == [f"https://example.org/dossier/topics/{topic}.html#claim-{claim_id}"]
