"""A source text cut into parts, in a real browser (the long lists' site,
tests/long_pages_site.py, FICTIONAL): a claim's "in the source" link leads to
the part that holds its quote, scrolled to and highlighted; the parts lead to
each other; and the side notes of a part stand beside its text as on a page
that is not cut."""

from __future__ import annotations

from ..long_pages_site import CROWDED_TOPIC, LONG_SOURCE, NOTED_SOURCE
from .test_side_notes import WIDE
from .test_source_reader import _follow

# Where each block's notes stand, for the blocks that have notes (not every block of this text does).
_LAYOUT = """() => [...document.querySelectorAll('.dossier-paragraph')].filter(
        block => block.querySelector(':scope > details.dossier-notes')).map(block => {
    const text = block.querySelector(':scope > p').getBoundingClientRect();
    const notes = block.querySelector(':scope > details.dossier-notes');
    const box = notes.getBoundingClientRect();
    return {open: notes.open, besideText: box.left >= text.right};
})"""


# The claims of the highlight that follows an anchor, past the anchors of quotes that start at the same place.
_QUOTED_AFTER = """(id) => { let next = document.getElementById(id).nextElementSibling;
    while (next && next.matches('span[id^="q-"]')) next = next.nextElementSibling;
    return next && next.dataset.claims ? next.dataset.claims.split(' ') : []; }"""


def test_a_claim_leads_to_its_quote_on_the_part_of_the_text_that_holds_it(watch, long_pages_url):
    page = watch(long_pages_url).new_page()
    reached = set()
    for part in (3, 45, 90):
        page.goto(f"{long_pages_url}topics/{CROWDED_TOPIC}/part-{part}.html")
        link = page.locator(f'.dossier-claim a[href*="{LONG_SOURCE}"][href*="#q-"]').first
        claim_id = link.get_attribute("href").rsplit("#q-", 1)[1]
        target = _follow(page, link)
        document = page.url.split("#")[0]
        reached.add(document.rsplit("/", 1)[1])
        assert target["id"] == f"q-{claim_id}" and target["inView"], target
        # The quote's highlight follows its anchor (and those of the claims whose quote starts there too).
        assert claim_id in page.evaluate(_QUOTED_AFTER, f"q-{claim_id}")
    assert len(reached) == 3 and any(name.startswith("text-") for name in reached), reached


def test_the_parts_of_a_text_lead_to_each_other(watch, long_pages_url):
    page = watch(long_pages_url).new_page()
    page.goto(f"{long_pages_url}sources/{LONG_SOURCE}.html")
    nav = page.locator(".dossier-part-nav").first
    count = int(nav.inner_text().split(" of ")[-1].split()[0])
    assert "part 1 of" in nav.inner_text() and count > 2
    for number in range(2, 4):
        page.locator(".dossier-part-nav").first.get_by_role("link", name=f"part {number} of {count}").click()
        page.wait_for_url(f"**/sources/{LONG_SOURCE}/text-{number}.html")
        assert f"part {number} of {count}" in page.locator(".dossier-part-nav").first.inner_text()
        assert page.locator(".dossier-source-text mark").count() > 10
    page.locator(".dossier-part-nav").first.get_by_role("link", name="Fictional test article").click()
    page.wait_for_url(f"**/sources/{LONG_SOURCE}.html")


def test_the_side_notes_of_a_part_stand_beside_its_text(browser, long_pages_url):
    context = browser.new_context(viewport=WIDE, service_workers="block")
    try:
        page = context.new_page()
        page.goto(f"{long_pages_url}sources/{NOTED_SOURCE}/text-2.html")
        blocks = page.evaluate(_LAYOUT)
        assert len(blocks) > 3 and all(block["open"] and block["besideText"] for block in blocks), blocks
        # A quote leads to its note, on the same part.
        quote = page.locator(".dossier-source-text mark a:not(.dossier-mention)").first
        target = _follow(page, quote)
        assert target["isClaim"] and target["inView"] and page.url.split("#")[0].endswith("text-2.html")
    finally:
        context.close()
