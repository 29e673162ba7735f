"""The source reader reads as an article on a wide screen, measured in a real
browser on today's source page at 1280 × 800 (and at 360 × 740, where the
notes stay under their block, a tap away: tests/browser/test_side_notes.py):

- the notes never push two blocks of the text apart: the gap between two
  consecutive blocks is at most two lines of the text;
- each note is compact at rest (its statement in at most three lines of its
  own), its details a click away;
- following a link to a note shows its passage beside it, marked;
- the marks at rest are quiet (a hairline, no tint), and the passage of the
  note linked to, pointed at or focused is clearly marked.

Screenshots at both sizes go to test-artifacts/screenshots/source-reader/."""

from __future__ import annotations

import pytest

from ..helpers import PROJECT_ROOT

PAGE = "sources/india-s400-iranian-oil.html"
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots" / "source-reader"

# Each block of the text: its box, and its text's line height.
_BLOCKS = """() => [...document.querySelectorAll('.dossier-source-text .dossier-paragraph > p')].map(p => {
    const box = p.getBoundingClientRect();
    return {top: box.top, bottom: box.bottom, lineHeight: parseFloat(getComputedStyle(p).lineHeight)};
})"""
# Each note (a claim beside the text): its height, in lines of its own text, and whether it is shown.
_NOTES = """() => [...document.querySelectorAll('.dossier-notes .dossier-claim')].map(claim => {
    const box = claim.getBoundingClientRect();
    return {id: claim.id, lines: box.height / parseFloat(getComputedStyle(claim.querySelector('p')).lineHeight),
            shown: box.height > 0};
})"""
# A note and its passage (the first mark of its quote), where they are on the screen.
_NOTE_AND_PASSAGE = """(id) => {
    const claim = document.getElementById(id);
    const mark = document.getElementById(id.replace(/^claim-/, 'q-')).nextElementSibling;
    const seen = b => b.bottom > 0 && b.top < innerHeight;
    const c = claim.getBoundingClientRect(), m = mark.getBoundingClientRect();
    const style = getComputedStyle(mark);
    return {claimInView: seen(c), passageInView: seen(m), beside: c.left >= mark.closest('p').getBoundingClientRect().right,
            passageBackground: style.backgroundColor};
}"""
# How a mark looks: its line under the text and its tint.
_MARK_STYLE = """(mark) => { const s = getComputedStyle(mark);
    return {border: parseFloat(s.borderBottomWidth), decoration: s.textDecorationLine,
            thickness: s.textDecorationThickness, background: s.backgroundColor}; }"""


def _page(browser, site_url, size):
    context = browser.new_context(viewport=SIZES[size], service_workers="block")
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.wait_for_load_state("load")
    return context, page


def _alpha(colour: str) -> float:
    """The opacity of a computed CSS colour ("rgba(0, 0, 0, 0)", "rgb(255, 224, 102)")."""
    numbers = colour[colour.index("(") + 1:colour.index(")")].replace("/", ",").split(",")
    return float(numbers[3]) if len(numbers) == 4 else 1.0


@pytest.mark.parametrize("size", sorted(SIZES))
def test_consecutive_blocks_of_the_text_are_never_pushed_apart(browser, site_url, size):
    context, page = _page(browser, site_url, size)
    try:
        blocks = page.evaluate(_BLOCKS)
        assert len(blocks) > 3
        gaps = [after["top"] - before["bottom"] for before, after in zip(blocks, blocks[1:], strict=False)]
        limit = 2 * blocks[0]["lineHeight"]
        assert max(gaps) <= limit, f"gaps between blocks {[round(g) for g in gaps]} px, more than {limit} px"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        top = page.evaluate("document.querySelector('.dossier-source-text').getBoundingClientRect().top + scrollY")
        page.screenshot(path=SCREENSHOTS / f"{size}.png", full_page=True,
                        clip={"x": 0, "y": max(0, top - 80), **{"width": SIZES[size]["width"], "height": 1600}})
    finally:
        context.close()


def test_each_note_is_compact_beside_its_text_on_a_wide_screen(browser, site_url):
    context, page = _page(browser, site_url, "desktop")
    try:
        notes = page.evaluate(_NOTES)
        assert len(notes) > 10 and all(note["shown"] for note in notes)
        tall = [(note["id"], round(note["lines"], 1)) for note in notes if note["lines"] > 3]
        assert not tall, f"notes taller than three lines at rest: {tall}"
    finally:
        context.close()


def test_a_link_to_a_note_shows_its_passage_beside_it_marked(browser, site_url):
    context, page = _page(browser, site_url, "desktop")
    try:
        ids = [note["id"] for note in page.evaluate(_NOTES)]
        for id in ids[::5] + ids[-1:]:
            page.goto(f"{site_url}{PAGE}#{id}")
            page.wait_for_load_state("load")
            page.wait_for_timeout(100)   # the script has placed the notes and scrolled
            shown = page.evaluate(_NOTE_AND_PASSAGE, id)
            assert shown["claimInView"] and shown["passageInView"] and shown["beside"], (id, shown)
            assert _alpha(shown["passageBackground"]) == 1.0, (id, shown)
            assert page.url.endswith(f"#{id}")
        page.screenshot(path=SCREENSHOTS / "desktop-linked-note.png")
    finally:
        context.close()


def test_the_marks_are_quiet_at_rest_and_the_passage_of_the_note_pointed_at_stands_out(browser, site_url):
    context, page = _page(browser, site_url, "desktop")
    try:
        marks = page.locator(".dossier-source-text mark")
        assert marks.count() > 10
        for style in marks.evaluate_all(f"marks => marks.map({_MARK_STYLE})"):
            assert style["border"] <= 1 and "underline" not in style["decoration"], style
            assert _alpha(style["background"]) <= 0.2, style
        note = page.locator(".dossier-notes .dossier-claim").nth(3)
        passage = page.locator(f".dossier-source-text mark[data-claims~='{note.get_attribute('id')[6:]}']").first
        note.hover()
        assert _alpha(passage.evaluate(_MARK_STYLE)["background"]) == 1.0
    finally:
        context.close()
