"""The network pictures, readable where they are shown (issue 22, point 1), measured in
a real browser on a 360 × 740 phone and a 1280 × 800 desktop: on the Network page
and the two actor pages that draw the most relations,

- every label (an actor's name, a relation's type) is at least 12 CSS px tall as
  rendered: its box, and its font size times the picture's scale on screen;
- every actor is a tap target of at least 24 × 24 px (WCAG 2.2, 2.5.8) twice over,
  around its dot and around its name: every point of that square (or of its
  name's box, made at least 24 px tall) is taken by the actor's own link;
- a key names every colour of dot drawn, and the dashed arrows where there are any;
- the picture pans in a frame that fits the screen and that the keyboard can reach;
- the same holds from file:// with JavaScript off.

A screenshot of each page at both sizes goes to test-artifacts/network/ for people
to look at.
"""

from __future__ import annotations

import re

import pytest

from ..helpers import PROJECT_ROOT

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "network"
SMALLEST_LABEL = 12
SMALLEST_TARGET = 24

# Every label of every network picture that renders smaller than SMALLEST_LABEL px: its box's
# height on screen, and its font size times the picture's scale on screen.
SMALL_LABELS = """(smallest) => {
  const problems = [];
  for (const svg of document.querySelectorAll('svg.dossier-network-svg')) {
    const scale = svg.getScreenCTM().a;
    for (const text of svg.querySelectorAll('text')) {
      const height = text.getBoundingClientRect().height;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (height < smallest || size < smallest)
        problems.push(`${svg.id}: "${text.textContent}" is ${height.toFixed(1)} px tall, its font ${size.toFixed(1)} px`);
    }
  }
  return problems;
}"""

# Every actor's link of every network picture whose target is smaller than SMALLEST_TARGET
# px square: the square centred on its dot, and its name's box (at least that tall and
# wide, centred on the name), are each probed at every 3 px (the edges 0.5 px in); each
# point must be taken by this link. Each is scrolled into view first (the frame pans).
SMALL_TARGETS = """(smallest) => {
  const problems = [];
  const probe = (link, what, left, top, width, height) => {
    const missed = [];
    for (let x = left + 0.5; x <= left + width - 0.5 + 1e-6; x += Math.min(3, width - 1.01))
      for (let y = top + 0.5; y <= top + height - 0.5 + 1e-6; y += Math.min(3, height - 1.01)) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || hit.closest('a') !== link) missed.push(`${x.toFixed(1)},${y.toFixed(1)}`);
      }
    if (missed.length)
      problems.push(`${link.dataset.actor}: its ${what} misses ${missed.length} points (${missed.slice(0, 3)})`);
  };
  for (const svg of document.querySelectorAll('svg.dossier-network-svg')) {
    for (const link of svg.querySelectorAll('a.dossier-network-node')) {
      const dot = link.querySelector('circle'), text = link.querySelector('text');
      dot.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
      const d = dot.getBoundingClientRect();
      probe(link, 'dot', d.x + d.width / 2 - smallest / 2, d.y + d.height / 2 - smallest / 2, smallest, smallest);
      text.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
      const t = text.getBoundingClientRect();
      const width = Math.max(t.width, smallest), height = Math.max(t.height, smallest);
      probe(link, 'name', t.x + t.width / 2 - width / 2, t.y + t.height / 2 - height / 2, width, height);
    }
  }
  return problems;
}"""

# For each network figure: the colours of its dots, the colours its key names (each with words),
# and whether it draws dashed arrows and its key says what they are.
KEYS = """() => [...document.querySelectorAll('figure.dossier-network')].map(figure => {
  const svg = figure.querySelector('svg.dossier-network-svg');
  const named = [...figure.querySelectorAll('.dossier-network-legend li[data-colour]')]
    .filter(li => li.textContent.trim().length > 2
                  && li.querySelector('circle').getAttribute('fill') === li.dataset.colour)
    .map(li => li.dataset.colour);
  return {id: svg.id, dots: [...new Set([...svg.querySelectorAll('circle')].map(c => c.getAttribute('fill')))],
          named, dashed: svg.querySelectorAll('path[stroke-dasharray]').length > 0,
          dashedNamed: !!figure.querySelector('.dossier-network-legend li.dossier-legend-dashed'),
          solid: svg.querySelectorAll('path[marker-end]:not([stroke-dasharray])').length > 0,
          solidNamed: !!figure.querySelector('.dossier-network-legend li.dossier-legend-arrow')};
})"""

# For each picture: whether its frame fits the screen, scrolls to show all of it, takes the focus and is named.
FRAMES = """() => [...document.querySelectorAll('svg.dossier-network-svg')].map(svg => {
  const frame = svg.closest('.dossier-network-frame');
  if (!frame) return {id: svg.id, framed: false};
  const box = frame.getBoundingClientRect();
  return {id: svg.id, framed: true, fits: box.left >= 0 && box.right <= document.documentElement.clientWidth,
          shows_all: frame.scrollWidth >= svg.getBoundingClientRect().width - 0.5,
          focusable: frame.tabIndex === 0, named: !!frame.getAttribute('aria-label'),
          scale: svg.getScreenCTM().a};
})"""


def _two_largest_actor_pages(site) -> list[str]:
    """The two actor pages whose pictures draw the most relations."""
    counts = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8").count('class="dossier-network-edge')
              for p in (site / "actors").glob("*.html")}
    return sorted(counts, key=lambda path: (-counts[path], path))[:2]


@pytest.fixture(scope="module")
def pages(built_site) -> list[str]:
    found = ["network.html", *_two_largest_actor_pages(built_site)]
    assert "actors/india.html" in found and "actors/united-states.html" in found
    return found


@pytest.mark.parametrize("size", SIZES)
def test_every_label_and_tap_target_of_the_network_is_large_enough(browser, site_url, pages, size):
    viewport = SIZES[size]
    phone = size == "phone"
    context = browser.new_context(viewport=viewport, device_scale_factor=1, is_mobile=phone, has_touch=phone,
                                  service_workers="block")
    problems = []
    try:
        page = context.new_page()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for path in pages:
            page.goto(site_url + path)
            page.wait_for_selector("svg.dossier-network-svg")
            name = re.sub(r"\W+", "-", path.removesuffix(".html"))
            page.screenshot(path=SCREENSHOTS / f"{name}-{viewport['width']}.png", full_page=True)
            page.locator("figure.dossier-network").first.screenshot(
                path=SCREENSHOTS / f"{name}-{viewport['width']}-picture.png")
            labels = page.evaluate("document.querySelectorAll('svg.dossier-network-svg text').length")
            targets = page.evaluate("document.querySelectorAll('svg.dossier-network-svg a').length")
            assert labels > 10 and targets > 5, f"{path}: {labels} labels, {targets} links measured"
            problems += [f"{path}: {line}" for line in page.evaluate(SMALL_LABELS, SMALLEST_LABEL)]
            problems += [f"{path}: {line}" for line in page.evaluate(SMALL_TARGETS, SMALLEST_TARGET)]
    finally:
        context.close()
    assert not problems, f"at {viewport['width']} px:\n" + "\n".join(problems[:60])


def test_a_key_names_every_colour_and_mark_of_each_picture(browser, site_url, pages):
    context = browser.new_context(viewport=SIZES["desktop"], service_workers="block")
    try:
        page = context.new_page()
        keys = []
        for path in pages:
            page.goto(site_url + path)
            keys += [(path, key) for key in page.evaluate(KEYS)]
    finally:
        context.close()
    assert len(keys) >= 3
    for path, key in keys:
        assert key["dots"] and set(key["dots"]) <= set(key["named"]), f"{path} {key['id']}: {key}"
        # Each kind of arrow drawn is in the key, and only those.
        assert key["dashed"] == key["dashedNamed"] and key["solid"] == key["solidNamed"], f"{path}: {key}"
    # The sources' reports on actors are drawn dashed, and apart on the Network page.
    network = {key["id"]: key for path, key in keys if path == "network.html"}
    assert not network["network-all"]["dashed"] and network["network-reports"]["dashed"]


@pytest.mark.parametrize("size", SIZES)
def test_each_picture_pans_at_its_own_size_in_a_frame_that_fits_the_screen(browser, site_url, pages, size):
    context = browser.new_context(viewport=SIZES[size], device_scale_factor=1, is_mobile=size == "phone",
                                  has_touch=size == "phone", service_workers="block")
    try:
        page = context.new_page()
        frames = []
        for path in pages:
            page.goto(site_url + path)
            frames += [(path, frame) for frame in page.evaluate(FRAMES)]
    finally:
        context.close()
    for path, frame in frames:
        assert frame["framed"] and frame["fits"] and frame["shows_all"], f"{path}: {frame}"
        assert frame["focusable"] and frame["named"], f"{path}: {frame}"
        assert abs(frame["scale"] - 1) < 0.01, f"{path}: shown at {frame['scale']:.2f} of its size"


def test_the_network_reads_from_a_file_without_javascript(browser, built_site):
    context = browser.new_context(viewport=SIZES["phone"], java_script_enabled=False, is_mobile=True)
    try:
        page = context.new_page()
        page.goto((built_site / "network.html").as_uri())
        small = page.evaluate(SMALL_LABELS, SMALLEST_LABEL)
        frames = page.evaluate(FRAMES)
    finally:
        context.close()
    assert len(frames) == 2 and all(f["framed"] and f["fits"] and abs(f["scale"] - 1) < 0.01 for f in frames), frames
    assert not small, "\n".join(small)
