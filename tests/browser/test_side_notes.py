"""The annotated source's side notes, in a real browser: beside each block of
the text, the claims whose quote starts in it; open in the margin on a wide
screen, a tap away under the block on a phone; a quote leads to its note and
the note back to its quote, over HTTP, from disk, and without JavaScript."""

from __future__ import annotations

from ..helpers import real_record_ids

SOURCE_ID = real_record_ids("sources")[0]
PAGE = f"sources/{SOURCE_ID}.html"
WIDE = {"width": 1440, "height": 1000}
PHONE = {"width": 360, "height": 800}

_LAYOUT = """() => [...document.querySelectorAll('.dossier-paragraph')].map(block => {
    const text = block.querySelector(':scope > p').getBoundingClientRect();
    const notes = block.querySelector(':scope > details.dossier-notes');
    const box = notes.getBoundingClientRect();
    return {open: notes.open, besideText: box.left >= text.right, underText: box.top >= text.bottom - 1,
            claims: notes.querySelectorAll('.dossier-claim').length};
})"""
_IN_VIEW = """(id) => { const e = document.getElementById(id); if (!e) return false;
    const d = e.closest('details'); const b = e.getBoundingClientRect();
    return (!d || d.open) && b.bottom > 0 && b.top < innerHeight; }"""


def _first_single_claim_quote(page) -> str:
    """The claim of the first quote on the page that only one claim quotes."""
    return page.eval_on_selector(".dossier-source-text mark[data-claims]:not([data-claims*=' '])",
                                 "mark => mark.dataset.claims")


def _new_page(browser, base_url, viewport, javascript=True):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript, service_workers="block")
    page = context.new_page()
    page.goto(base_url + PAGE)
    return context, page


def test_on_a_wide_screen_the_notes_stand_open_beside_their_text(real_checked, browser, site_url):
    context, page = _new_page(browser, site_url, WIDE)
    try:
        blocks = page.evaluate(_LAYOUT)
        assert len(blocks) > 3
        assert all(block["open"] and block["besideText"] for block in blocks), blocks
        assert sum(block["claims"] for block in blocks) == sum(
            1 for located in real_checked.content.claims.values() if SOURCE_ID in located.record.sources)
    finally:
        context.close()


def test_on_a_phone_the_notes_wait_under_their_text_and_open_with_a_tap(browser, site_url):
    context, page = _new_page(browser, site_url, PHONE)
    try:
        blocks = page.evaluate(_LAYOUT)
        assert blocks and not any(block["open"] for block in blocks)
        first = page.locator("details.dossier-notes > summary").first
        first.click()
        assert page.evaluate(_LAYOUT)[0]["open"] and page.evaluate(_LAYOUT)[0]["underText"]
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


def _quote_to_note_and_back(page) -> None:
    claim = _first_single_claim_quote(page)
    page.click(f".dossier-source-text mark[data-claims='{claim}'] a:not(.dossier-mention) >> nth=0")
    page.wait_for_function(_IN_VIEW, arg=f"claim-{claim}")
    page.click(f"#claim-{claim} a[href='#q-{claim}']")
    page.wait_for_function(_IN_VIEW, arg=f"q-{claim}")


def test_a_quote_leads_to_its_note_and_the_note_back_on_a_phone(browser, site_url):
    context, page = _new_page(browser, site_url, PHONE)
    try:
        _quote_to_note_and_back(page)
    finally:
        context.close()


def test_the_notes_work_from_disk(browser, offline_url):
    context, page = _new_page(browser, offline_url, WIDE)
    try:
        assert page.url.startswith("file://")
        assert all(block["open"] for block in page.evaluate(_LAYOUT))
        _quote_to_note_and_back(page)
    finally:
        context.close()


def test_without_javascript_every_note_is_reached_by_its_link(browser, site_url):
    """Closed notes open when a link leads into them (the browser opens a
    <details> that holds the target) or with a click on their summary."""
    context, page = _new_page(browser, site_url, WIDE, javascript=False)
    try:
        assert not any(block["open"] for block in page.evaluate(_LAYOUT))
        claim = _first_single_claim_quote(page)
        page.click(f".dossier-source-text mark[data-claims='{claim}'] a:not(.dossier-mention) >> nth=0")
        note = page.locator(f"#claim-{claim}")
        note.wait_for(state="visible")
        assert note.is_visible()
    finally:
        context.close()
