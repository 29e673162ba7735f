"""What a reader sees on a phone (360 x 740) and a desktop (1280 x 800),
measured in Chromium:

- no word in a table cell is broken in the middle or wider than its cell, on
  every page that has a table (on a phone, each row is a card: label: value);
- a glossary term shows its meaning in place when tapped, clicked or reached
  by keyboard, with a link to its glossary entry; Escape closes it;
- following a link to a claim, a quote or a note leaves its anchor in the
  address bar, and Back returns to where the reader was.

Screenshots of the pages with tables and of a term's toggletip, at both
sizes, go to test-artifacts/screenshots/reader-fit/ for people to look at.
"""

from __future__ import annotations

import pytest

from ..helpers import PROJECT_ROOT

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots" / "reader-fit"

# Every cell of every table in the article in which a word is broken over two
# lines or is wider than the cell's content box. A word is a run of text
# between spaces, cut after hyphens, dashes and slashes (where a line may break
# without breaking a word, and at the <wbr> markdown_tables.py writes).
BROKEN_WORDS = r"""() => {
  const broken = [];
  let cells = 0;
  for (const cell of document.querySelectorAll('article table td, article table th')) {
    const head = cell.closest('thead');
    if (head && head.getBoundingClientRect().width <= 1) continue;   // kept for screen readers, out of sight
    const box = cell.getBoundingClientRect();
    cells += 1;
    const style = getComputedStyle(cell);
    const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
                  - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const words = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\s\-\u2010-\u2014\/]+[\-\u2010-\u2014\/]*/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        if (!rects.length) continue;
        const lines = new Set(rects.map(r => Math.round(r.bottom))).size;
        const width = rects.reduce((sum, r) => sum + r.width, 0);   // as if on one line
        if (lines === 1 && width <= inner + 0.5) continue;
        words.push(`"${match[0]}" (${Math.round(width)} px, ${lines} lines, cell ${Math.round(inner)} px)`);
      }
    }
    if (words.length) broken.push(`${cell.dataset.label || 'column ' + (cell.cellIndex + 1)}: ${words.join(', ')}`);
  }
  return {cells, broken};
}"""


def _pages_with_tables(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "<table" in p.read_text(encoding="utf-8"))


def _context(browser, size: str):
    phone = size == "phone"
    return browser.new_context(viewport=SIZES[size], device_scale_factor=1, is_mobile=phone, has_touch=phone,
                               service_workers="block")


@pytest.mark.parametrize("size", SIZES)
def test_no_word_in_a_table_cell_is_broken(browser, site_url, built_site, fictional_url, fictional_built_site, size):
    """Every page with a table, of today's site and of the fictional dossier's
    (whose two sources fill the Compare sources table)."""
    real = _pages_with_tables(built_site)
    fictional = _pages_with_tables(fictional_built_site)
    assert {"figures.html", "downloads.html", "schema-reference.html"} <= set(real)
    assert "compare.html" in fictional
    folder = SCREENSHOTS / size
    folder.mkdir(parents=True, exist_ok=True)
    context = _context(browser, size)
    problems = []
    try:
        page = context.new_page()
        for base, path, name in ([(site_url, path, path) for path in real]
                                 + [(fictional_url, path, f"fictional-{path}") for path in fictional]):
            page.goto(base + path)
            page.wait_for_selector("article.md-content__inner")
            found = page.evaluate(BROKEN_WORDS)
            assert found["cells"] > 0, f"{name}: no table cell measured"
            # Framed at build time (markdown_tables.py), once: Material's script must not wrap a table again.
            framed = page.evaluate("""[...document.querySelectorAll('article table')].map(t =>
                t.parentElement.matches('.md-typeset__scrollwrap > .md-typeset__table')
                && !t.closest('.md-typeset__scrollwrap').parentElement.closest('.md-typeset__scrollwrap'))""")
            problems += [f"{name}: table {n + 1} not framed once" for n, once in enumerate(framed) if not once]
            problems += [f"{name}: {line}" for line in found["broken"]]
            # The first table and what follows it, at a height a person can look at.
            top = page.evaluate("document.querySelector('article table').getBoundingClientRect().top + scrollY")
            page.screenshot(path=folder / (name.replace("/", "-").removesuffix(".html") + ".png"), full_page=True,
                            clip={"x": 0, "y": max(0, top - 120), "width": SIZES[size]["width"], "height": 1600})
    finally:
        context.close()
    assert not problems, f"{len(problems)} cells break a word:\n" + "\n".join(problems[:40])


def test_a_followed_claim_link_stays_in_the_address_and_back_returns(browser, site_url):
    """On the source page (side notes open at 1280 px), a claim link from the
    text, then a quote link from the claim: each anchor stays in the address
    bar after the page has scrolled to it, and Back returns to the one before."""
    context = _context(browser, "desktop")
    try:
        page = context.new_page()
        page.goto(site_url + "sources/india-s400-iranian-oil.html")
        page.wait_for_selector("article.md-content__inner")
        start = page.url
        claim_link = page.locator('.dossier-source-text mark a[href^="#claim-"]').first
        claim = claim_link.get_attribute("href")
        claim_link.click()
        page.wait_for_timeout(1_000)   # scrolled there, and any script that watches scrolling has run
        assert page.url.endswith(claim), page.url
        quote_link = page.locator(f'{claim} a[href^="#q-"]').first
        quote = quote_link.get_attribute("href")
        quote_link.click()
        page.wait_for_timeout(1_000)
        assert page.url.endswith(quote), page.url
        assert page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", quote[1:]) < 800
        page.go_back()
        page.wait_for_timeout(500)
        assert page.url.endswith(claim), page.url
        page.go_back()
        page.wait_for_timeout(500)
        assert page.url == start
    finally:
        context.close()


_BUBBLE = """() => {
  const bubble = document.querySelector('.dossier-term-bubble');
  if (!bubble) return null;
  const box = bubble.getBoundingClientRect(), link = bubble.querySelector('a');
  return {text: bubble.textContent, left: box.left, right: box.right, height: box.height,
          inLiveRegion: bubble.parentElement.getAttribute('role') === 'status',
          link: link && link.getAttribute('href'), viewport: document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("size", SIZES)
def test_a_term_shows_its_meaning_by_touch_click_and_keyboard(browser, site_url, size):
    """On Key figures, whose table holds terms: a tap (phone) or click (desktop)
    opens the term's toggletip inside the screen, in a live region, with a
    link to its glossary entry; Escape closes it; Tab reaches a term, and
    keyboard focus opens it too; its link leads to the entry."""
    context = _context(browser, size)
    folder = SCREENSHOTS / size
    folder.mkdir(parents=True, exist_ok=True)
    try:
        page = context.new_page()
        page.goto(site_url + "figures.html")
        page.wait_for_selector("article.md-content__inner")
        term = page.locator("article .dossier-term-button").first
        assert term.text_content() == "S-400"
        term.scroll_into_view_if_needed()
        term.tap() if size == "phone" else term.click()
        page.wait_for_selector(".dossier-term-bubble a")
        bubble = page.evaluate(_BUBBLE)
        assert bubble["text"].startswith("S-400 Triumf"), bubble
        assert bubble["inLiveRegion"] and bubble["link"].endswith("glossary.html#s-400"), bubble
        assert 0 <= bubble["left"] and bubble["right"] <= bubble["viewport"], bubble
        assert term.get_attribute("aria-expanded") == "true"
        box = term.bounding_box()
        page.screenshot(path=folder / "term-toggletip.png",
                        clip={"x": 0, "y": max(0, box["y"] - 200), "width": SIZES[size]["width"], "height": 450})
        page.keyboard.press("Escape")
        assert page.evaluate(_BUBBLE) is None and term.get_attribute("aria-expanded") == "false"
        # From the keyboard: Tab from the element before the first term reaches it, and opens it.
        page.evaluate("""() => { const before = document.createElement('button');
            before.id = 'just-before'; const term = document.querySelector('.dossier-term');
            term.parentNode.insertBefore(before, term); before.focus(); }""")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('dossier-term-button')")
        page.wait_for_selector(".dossier-term-bubble a")
        page.keyboard.press("Tab")   # into the bubble: its link
        assert page.evaluate("document.activeElement.closest('.dossier-term-bubble') !== null")
        page.keyboard.press("Escape")
        assert page.evaluate(_BUBBLE) is None
        assert page.evaluate("document.activeElement.classList.contains('dossier-term-button')")
        page.keyboard.press("Enter")
        page.wait_for_selector(".dossier-term-bubble a")
        page.locator(".dossier-term-bubble a").click()
        page.wait_for_url("**/glossary.html#s-400")
    finally:
        context.close()


def test_a_term_opened_from_disk_loads_its_entry_and_nothing_from_outside(watched, offline_url):
    """Read from the offline copy (file://), on the source page: the term's
    entries load from the site's own files, and its link leads to the entry."""
    page = watched.new_page()
    page.goto(offline_url + "sources/india-s400-iranian-oil.html")
    page.wait_for_selector("article.md-content__inner")
    term = page.locator("article .dossier-term-button").first
    term.scroll_into_view_if_needed()
    term.click()
    page.wait_for_selector(".dossier-term-bubble a")
    href = page.locator(".dossier-term-bubble a").get_attribute("href")
    assert href.startswith("file://") and "/glossary.html#" in href, href
    assert any(url.endswith("/assets/glossary-entries.js") for url in watched.requests)
    watched.assert_clean()
