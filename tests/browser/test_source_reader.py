"""In the annotated source reader, a highlighted span leads to its claim (or,
where claims overlap, to a list from which each of its claims is reached),
and the claim's link to its quote (named by its source's publisher) leads back to the highlighted span, by
real clicks; the same link from a topic page reaches the span on the source
page."""

from __future__ import annotations

from urllib.parse import unquote

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from ..helpers import real_record_ids
from .page_kinds import PAGE_OF_EACH_KIND

SOURCE_PAGES = [f"sources/{source_id}.html" for source_id in real_record_ids("sources")]

# What the element with a given id says about itself. (Not read from location.hash,
# which tests/browser/test_reader_fit.py checks on its own.)
_TARGET = """(id) => {
    const target = document.getElementById(id);
    if (!target) return null;
    const box = target.getBoundingClientRect();
    const claim = target.closest('.dossier-claim');
    const next = target.nextElementSibling;
    return {
        id: target.id,
        inView: box.bottom >= 0 && box.top <= innerHeight,
        isClaim: claim !== null,
        choices: claim ? [] : [...target.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href')),
        sourceLinks: claim ? [...claim.querySelectorAll('a[href*="#q-"]')].map(a => a.getAttribute('href')) : [],
        highlightClaims: next && next.dataset.claims ? next.dataset.claims.split(' ') : [],
    };
}"""


def _follow(page, link):
    """Click ``link`` and wait until the page shows the element its #fragment names."""
    href = link.get_attribute("href")
    target_url = page.evaluate("href => new URL(href, location.href).href", href)
    document, fragment = target_url.split("#", 1)
    link.click()
    if document != page.url.split("#")[0]:
        page.wait_for_url(lambda url: url.split("#")[0] == document)
    fragment = unquote(fragment)
    page.wait_for_function("id => document.getElementById(id)", arg=fragment)
    try:   # scrolling to the target may finish a little later
        page.wait_for_function(f"id => ({_TARGET})(id).inView", arg=fragment, timeout=5_000)
    except PlaywrightTimeoutError:
        pass   # the caller's assertion says it is not in view
    return page.evaluate(_TARGET, fragment)


def _back_to_the_source(page, claim_id: str, source_links: list[str]):
    link_href = next((href for href in source_links if href.endswith(f"#q-{claim_id}")), None)
    assert link_href, f"claim {claim_id} has no link to its span: {source_links}"
    target = _follow(page, page.locator(f'.dossier-claim a[href="{link_href}"]').first)
    assert target["id"] == f"q-{claim_id}"
    assert target["inView"], f"#q-{claim_id} is not scrolled into view"
    assert claim_id in target["highlightClaims"], f"#q-{claim_id} is not followed by its highlighted span"


def test_each_highlighted_span_reaches_a_claim_of_its_and_back(watched, site_url):
    for source_page in SOURCE_PAGES:
        page = watched.new_page()
        page.goto(site_url + source_page)
        # The words of each highlight (a <mark> per run quoted by the same claims) link to its claims.
        spans = page.locator(".dossier-source-text mark[data-claims] > a:not(.dossier-mention)")
        count = spans.count()
        assert count > 0, f"{source_page} highlights nothing"
        tried = set()
        for index in range(count):
            span_claims = spans.nth(index).evaluate("a => a.closest('mark').dataset.claims").split()
            if tuple(span_claims) in tried:   # a run cut by a name: same claims, same way
                continue
            tried.add(tuple(span_claims))
            target = _follow(page, spans.nth(index))
            assert target["inView"], f"{target['id']} is not scrolled into view"
            if target["isClaim"]:
                claim_id = _claim_reached(target, span_claims, index)
                _back_to_the_source(page, claim_id, target["sourceLinks"])
                continue
            # Several claims: a list of them, each followed, and from each back to the text.
            reached = []
            for choice in target["choices"]:
                _follow(page, spans.nth(index))
                claim = _follow(page, page.locator(f'#{target["id"]} a[href="{choice}"]').first)
                reached.append(_claim_reached(claim, span_claims, index))
                _back_to_the_source(page, reached[-1], claim["sourceLinks"])
            assert sorted(reached) == sorted(span_claims), f"span #{index} offers {reached}, not {span_claims}"
        page.close()


def _claim_reached(target, span_claims: list[str], index: int) -> str:
    """The claim shown at ``target``: one of the span's (its link to its quote says which)."""
    claim_id = next((c for c in span_claims if any(h.endswith(f"#q-{c}") for h in target["sourceLinks"])), None)
    assert target["isClaim"] and claim_id, f"span #{index} ({span_claims}) reached {target['id']}, not one of its claims"
    return claim_id


def test_a_claim_on_a_topic_page_leads_to_its_span_in_the_source(watched, site_url):
    page = watched.new_page()
    page.goto(site_url + PAGE_OF_EACH_KIND["topics-page"])
    claims = page.locator(".dossier-claim")
    assert claims.count() > 0
    for index in range(min(claims.count(), 5)):
        page.goto(site_url + PAGE_OF_EACH_KIND["topics-page"])
        link = page.locator(".dossier-claim").nth(index).locator('a[href*="#q-"]').first
        claim_id = link.get_attribute("href").rsplit("#q-", 1)[1]
        target = _follow(page, link)
        assert page.url.split("#")[0].endswith(tuple(SOURCE_PAGES))
        assert target["id"] == f"q-{claim_id}"
        assert target["inView"], f"#q-{claim_id} is not scrolled into view"
        assert claim_id in target["highlightClaims"]
