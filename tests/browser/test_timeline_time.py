"""The timeline with time in it, measured in Chromium at 360 x 740 and 1280 x 800:

- an actor page's link opens the timeline filtered to that actor;
- every option of both lists says how many events it would leave with the
  other list's choice, and choosing it leaves that many (counted from the
  content, not from the page); an option that would leave none is disabled;
- an address whose two choices leave nothing shows a message with a way back;
- the space before each month grows with the time since the month before, and
  the spacers are worked out again between the months the filter leaves;
- axe finds nothing with the filter used.

Screenshots go to test-artifacts/screenshots/timeline/ for people to look at.
One page load per group of checks: browser tests are slow."""

from __future__ import annotations

import re

import pytest

from build_scripts.pages.kinds.timeline import gap
from build_scripts.rules.check import load_and_check

from ..helpers import PROJECT_ROOT
from .local_only import LocalOnly
from .test_accessibility import _violations
from .test_timeline_filter import EVENTS, _dated, _visible

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots" / "timeline"
ACTOR = "india"


@pytest.fixture(scope="module")
def events():
    return _dated(load_and_check(PROJECT_ROOT).content)[0]


@pytest.fixture(params=SIZES)
def sized(request, browser, site_url):
    """A watched context (nothing may leave the machine) at one of SIZES; yields (page, size)."""
    size = request.param
    phone = size == "phone"
    context = browser.new_context(viewport=SIZES[size], device_scale_factor=1, is_mobile=phone, has_touch=phone,
                                  service_workers="block")
    guard = LocalOnly(context, local_server=site_url)
    yield guard.new_page(), size
    context.close()
    guard.assert_clean()


def _options(page, name: str) -> list[dict]:
    return page.eval_on_selector_all(f"#dossier-filter-{name} option",
                                     "os => os.map(o => ({value: o.value, text: o.text, disabled: o.disabled}))")


def _count(text: str) -> int:
    found = re.search(r" \((\d+)\)$", text)
    assert found, f"no count in the option {text!r}"
    return int(found.group(1))


def _left(events, topic: str, actor: str) -> int:
    return sum((not topic or topic in topics) and (not actor or actor in actors) for topics, actors in events)


def test_an_actor_page_opens_its_timeline_whose_options_count_what_they_leave(sized, site_url, events):
    page, size = sized
    page.goto(site_url + f"actors/{ACTOR}.html")
    page.click(f"article a[href='../timeline.html?actor={ACTOR}']")
    page.wait_for_selector("#dossier-filter[data-ready]")
    assert page.input_value("#dossier-filter-actor") == ACTOR
    assert len(_visible(page)) == _left(events, "", ACTOR) > 0

    # Every topic, with the actor chosen: its count is what the content says, and choosing it leaves that many.
    topics = _options(page, "topic")
    assert len(topics) > 2
    for option in topics:
        expected = _left(events, option["value"], ACTOR)
        assert _count(option["text"]) == expected, option
        assert option["disabled"] == (expected == 0), option
        if expected:
            page.select_option("#dossier-filter-topic", option["value"])
            assert len(_visible(page)) == expected, option
    assert any(o["disabled"] for o in topics), "some topic never names the actor: its option is disabled"

    # And the other way round: every actor, with a topic chosen.
    topic = "iranian-oil-sanctions"
    page.select_option("#dossier-filter-topic", topic)
    for option in _options(page, "actor"):
        expected = _left(events, topic, option["value"])
        assert _count(option["text"]) == expected, option
        if expected:
            page.select_option("#dossier-filter-actor", option["value"])
            assert len(_visible(page)) == expected, option
    page.select_option("#dossier-filter-actor", ACTOR)
    assert not page.is_visible("#dossier-filter-empty")

    # The spacers left shown say the time between the months left shown.
    shown = page.eval_on_selector_all(".dossier-gap:not([hidden])", "gs => gs.map(g => [+g.dataset.month, g.textContent])")
    assert len(shown) > 1 and shown[0][1] == ""
    for (before, _), (month, words) in zip(shown[:-1], shown[1:], strict=True):
        assert words == gap(month - before).text

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.getElementById('dossier-filter').scrollIntoView()")
    page.screenshot(path=SCREENSHOTS / f"{size}-filtered.png")
    violations = _violations(page)
    assert not violations, "\n".join(violations)


def test_no_silent_empty_list_and_time_on_the_page(sized, site_url, events):
    page, size = sized
    # Two choices that leave nothing, as a shared address may ask.
    topic = "afghanistan-regional-security"
    actor = next(a for a in sorted({a for _, acts in events for a in acts}) if _left(events, topic, a) == 0)
    total = len(events)
    page.goto(site_url + f"timeline.html?topic={topic}&actor={actor}")
    page.wait_for_selector("#dossier-filter[data-ready]")
    assert _visible(page) == []
    assert page.is_visible("#dossier-filter-empty")
    assert "No events match both choices" in page.inner_text("#dossier-filter-empty")
    assert page.inner_text("#dossier-filter-status").startswith(f"Showing 0 of {total} events")
    page.click("#dossier-filter-empty button")
    page.wait_for_function(f"document.querySelectorAll('{EVENTS}:not([hidden])').length === {total}")
    assert not page.is_visible("#dossier-filter-empty")

    # Time on the page: the taller the spacer, the longer the gap; the longest capped; all legible.
    gaps = page.eval_on_selector_all(".dossier-gap", """gs => gs.map(g => {
        const box = g.getBoundingClientRect(), style = getComputedStyle(g);
        return {at: +g.dataset.month, height: box.height, right: box.right, text: g.textContent,
                font: parseFloat(style.fontSize), width: document.documentElement.clientWidth,
                rem: parseFloat(getComputedStyle(document.documentElement).fontSize)};
    })""")
    measured = [(later["at"] - before["at"], later["height"]) for before, later in zip(gaps[:-1], gaps[1:], strict=True)]
    assert max(m for m, _ in measured) >= 24 * 12, "the real events span decades"
    for months, height in measured:
        for other_months, other_height in measured:
            if months > other_months:
                assert height >= other_height, (months, height, other_months, other_height)
    longest = max(measured)
    short = min((m, h) for m, h in measured if m >= 2)
    assert longest[1] > 2 * short[1] and longest[1] <= 8 * gaps[0]["rem"] + 1, (longest, short)
    assert all(h == 0 for m, h in measured if m < 2), "months that follow each other are not pushed apart"
    for g in gaps:
        if g["text"]:
            assert g["font"] >= 12 and g["right"] <= g["width"], g
    # The distance between the event before a gap and the heading after it follows the gap.
    distance = page.evaluate("""() => {
        const gap = [...document.querySelectorAll('.dossier-gap')].find(g => /46 years later/.test(g.textContent));
        const before = gap.previousElementSibling, after = gap.nextElementSibling;
        return after.getBoundingClientRect().top - before.getBoundingClientRect().bottom;
    }""")
    assert distance >= 8 * 16

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.querySelector('.dossier-gap[data-step=\"8\"]').scrollIntoView({block: 'center'})")
    page.screenshot(path=SCREENSHOTS / f"{size}-gaps.png")
