"""The network pictures and the phone, measured in a real browser.

- No label of a network picture overlaps another label, a dot or an arrow:
  the label boxes are the browser's own (getBBox, in the font it uses), the
  arrows are sampled along their rendered path (getPointAtLength). Checked on
  every picture of today's site, and on every picture of the dossier ten
  times today's (build_scripts/tools/synthetic.py, the site tests/test_scale.py
  checks, built once per session).
- Every kind of page fits a 360 px wide screen (no sideways scrolling), data
  tables included; the network picture's frame fits the column (the picture
  pans inside it at its own size: test_network_readable.py), with the picture
  one tap away as its own file, and axe finds no violations there
  (at desktop width, see test_accessibility.py). A screenshot of each kind at
  360 px goes to test-artifacts/screenshots/360px/ (at desktop width, to
  test-artifacts/screenshots/desktop/).
"""

from __future__ import annotations

import re

import pytest

from ..helpers import PROJECT_ROOT
from .page_kinds import PAGE_OF_EACH_KIND
from .test_accessibility import _violations

PHONE = {"width": 360, "height": 740}
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots" / "360px"

# For every network picture in the document: one line per label that overlaps
# another label, a dot, or an arrow other than its own.
OVERLAPS = """() => {
  const problems = [];
  const inside = (b, x, y) => x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;
  const meet = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const svg of document.querySelectorAll('svg.dossier-network-svg')) {
    const labels = [...svg.querySelectorAll('text')].map(t => ({
      text: t.textContent, box: t.getBBox(), edge: t.closest('.dossier-network-edge')}));
    const dots = [...svg.querySelectorAll('circle')].map(c => ({
      x: c.cx.baseVal.value, y: c.cy.baseVal.value, r: c.r.baseVal.value}));
    const arrows = [...svg.querySelectorAll('.dossier-network-edge')].map(g => {
      const path = g.querySelector('path'), length = path.getTotalLength(), points = [];
      for (let at = 0; at <= length; at += 1) points.push(path.getPointAtLength(at));
      points.push(path.getPointAtLength(length));
      return {edge: g, title: g.querySelector('title').textContent, points};
    });
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1))
        if (meet(a.box, b.box)) problems.push(`${svg.id}: label "${a.text}" overlaps label "${b.text}"`);
      for (const d of dots) {
        const dx = d.x - Math.min(Math.max(d.x, a.box.x), a.box.x + a.box.width);
        const dy = d.y - Math.min(Math.max(d.y, a.box.y), a.box.y + a.box.height);
        if (dx * dx + dy * dy < d.r * d.r) problems.push(`${svg.id}: label "${a.text}" overlaps a dot at ${d.x},${d.y}`);
      }
      for (const arrow of arrows)
        if (arrow.edge !== a.edge && arrow.points.some(p => inside(a.box, p.x, p.y)))
          problems.push(`${svg.id}: label "${a.text}" overlaps the arrow "${arrow.title}"`);
    }
    if (!labels.length) problems.push(`${svg.id}: no labels measured`);
  }
  return problems;
}"""

PICTURES = "() => document.querySelectorAll('svg.dossier-network-svg').length"


def _pages_with_pictures(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "dossier-network-svg" in p.read_text(encoding="utf-8"))


def test_no_label_overlaps_anything_in_todays_network_pictures(watched, site_url, built_site):
    pages = _pages_with_pictures(built_site)
    assert "network.html" in pages and "actors/united-states.html" in pages
    page = watched.new_page()
    problems = []
    for path in pages:
        page.goto(site_url + path)
        assert page.evaluate(PICTURES) >= 1
        problems += [f"{path}: {line}" for line in page.evaluate(OVERLAPS)]
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def pictures_x10(site_x10, tmp_path_factory):
    """Every network picture of the dossier ten times today's, as the standalone
    files its site ships (the session's x10 site, as tests/test_scale.py checks
    it), gathered into one HTML page."""
    pictures = [p.read_text(encoding="utf-8") for p in sorted(site_x10.rglob("*.svg"))]
    files = [text for text in pictures if "dossier-network-svg" in text]
    body = "".join(re.sub(r"^<\?xml[^>]*\?>\s*", "", text) for text in files)
    page = tmp_path_factory.mktemp("network-x10") / "pictures.html"
    page.write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x10</title></head>'
                    f"<body>{body}</body></html>", encoding="utf-8")
    return page, len(files)


def test_no_label_overlaps_anything_at_ten_times_todays_dossier(browser, pictures_x10):
    path, count = pictures_x10
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert page.evaluate(PICTURES) == count > 100
        problems = page.evaluate(OVERLAPS)
    finally:
        context.close()
    assert not problems, "\n".join(problems[:50])


@pytest.mark.parametrize("kind", PAGE_OF_EACH_KIND)
def test_every_kind_of_page_fits_a_phone_and_axe_finds_no_violations_there(browser, site_url, kind):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True,
                                  service_workers="block")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE_OF_EACH_KIND[kind])
        page.wait_for_selector("article.md-content__inner")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{kind}.png", full_page=True)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        wide = page.evaluate("""() => [...document.querySelectorAll('article *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
                         && !e.closest('pre') && !e.parentElement.closest('.dossier-network-frame'))
            .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
        # axe at phone width too, in the same load: the layout a phone gets
        # (stacked table cards, the drawer navigation) is not the desktop's.
        violations = _violations(page)
    finally:
        context.close()
    assert width <= PHONE["width"], f"{kind}: {width} px wide: {wide}"
    # Nothing sticks out of the screen, even inside a box that scrolls (code blocks may, and a
    # network picture inside its frame, which pans: the frame itself fits).
    assert not wide, f"{kind}: wider than the screen: {wide}"
    assert not violations, f"{kind} at 360 px:\n" + "\n".join(violations)


def test_on_a_phone_the_network_frame_fits_and_the_picture_file_is_one_tap_away(browser, site_url, built_site):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, service_workers="block")
    try:
        page = context.new_page()
        for path in ("network.html", "actors/united-states.html", "actors/india.html"):
            page.goto(site_url + path)
            figure = page.locator("figure.dossier-network").first
            frame_box = figure.locator(".dossier-network-frame").bounding_box()
            assert frame_box["x"] >= 0 and frame_box["x"] + frame_box["width"] <= PHONE["width"]
            link = figure.locator("a.dossier-network-full")
            href = link.get_attribute("href")
            assert href.endswith(".svg")
            inline = page.evaluate("document.querySelector('figure.dossier-network svg').outerHTML")
            link.tap()
            page.wait_for_url("**/*.svg")
            # The file is the very picture the page shows, and its names still link to the actors.
            assert page.evaluate("document.documentElement.localName") == "svg"
            assert page.evaluate("document.querySelectorAll('a[href$=\".html\"]').length") >= 2
            file_path = built_site / path.rsplit("/", 1)[0] / href if "/" in path else built_site / href
            assert file_path.read_text(encoding="utf-8").count("<circle") == inline.count("<circle")
    finally:
        context.close()
