"""The timeline's filter by topic and by actor (docs/assets/timeline-filter.js):
real form controls, a live region with the count shown, the choice kept in the
address; over HTTP and from disk (file://); axe clean with the filter used."""

from __future__ import annotations

from build_scripts.rules.check import load_and_check

from ..helpers import PROJECT_ROOT
from .test_accessibility import _violations

EVENTS = ".dossier-event[data-topics]"


def _dated(content) -> tuple[list[tuple[set, set]], int]:
    """Each dated event's (topics, actors), from the content itself. A context entry that a claim
    of the same date takes its date from is within that claim's event, with its topics and actors."""
    events, within = [], set()
    for claim in (r.record for r in content.claims.values() if r.record.date):
        topics, actors = set(claim.topics), set(claim.actors)
        entry = content.context.get(claim.date.context) if claim.date.context else None
        if entry is not None and entry.record.date == claim.date.value:
            within.add(claim.date.context)
            topics |= set(entry.record.topics)
            actors |= set(entry.record.actors)
        events.append((topics, actors))
    events += [(set(r.record.topics), set(r.record.actors)) for i, r in content.context.items()
               if r.record.date and i not in within]
    return events, len(events)


def _visible(page) -> list[str]:
    return page.eval_on_selector_all(EVENTS, "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def _status(page) -> str:
    return page.inner_text("#dossier-filter-status")


def _check_filter(page, base_url: str) -> None:
    content = load_and_check(PROJECT_ROOT).content
    events, total = _dated(content)
    page.goto(base_url + "timeline.html")
    page.wait_for_selector("#dossier-filter[data-ready]")
    assert len(_visible(page)) == total
    assert _status(page) == f"Showing all {total} events."

    # By topic: only the events of that topic stay, and the live region says how many.
    topic = "iranian-oil-sanctions"
    expected = sum(topic in topics for topics, _ in events)
    assert 0 < expected < total
    page.select_option("#dossier-filter-topic", topic)
    assert len(_visible(page)) == expected
    assert _status(page).startswith(f"Showing {expected} of {total} events (topic: ")
    assert f"topic={topic}" in page.url
    hidden_month = page.eval_on_selector_all("article h2[hidden]", "hs => hs.length")
    assert hidden_month > 0, "month headings without a shown event stay"

    # And by actor, both at once.
    actor = "india"
    both = sum(topic in topics and actor in actors for topics, actors in events)
    page.select_option("#dossier-filter-actor", actor)
    assert len(_visible(page)) == both
    assert f"Showing {both} of {total} events" in _status(page)

    # The address keeps the choice: a reload (or a shared link) shows the same view.
    page.reload()
    page.wait_for_selector("#dossier-filter[data-ready]")
    assert page.input_value("#dossier-filter-topic") == topic
    assert page.input_value("#dossier-filter-actor") == actor
    assert len(_visible(page)) == both

    # Show all restores every event, and the address forgets the choice.
    page.click("#dossier-filter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('{EVENTS}:not([hidden])').length === {total}")
    assert len(_visible(page)) == total
    assert "topic=" not in page.url and "actor=" not in page.url


def test_filter_over_http(watched, site_url):
    _check_filter(watched.new_page(), site_url)


def test_filter_from_disk(watched, offline_url):
    _check_filter(watched.new_page(), offline_url)


def test_filter_by_keyboard(watched, site_url):
    """Tab to the topic list, choose with the arrow keys: the events follow."""
    page = watched.new_page()
    page.goto(site_url + "timeline.html")
    page.wait_for_selector("#dossier-filter[data-ready]")
    page.focus("#dossier-filter-topic")
    page.keyboard.press("ArrowDown")   # the first topic
    first = page.input_value("#dossier-filter-topic")
    assert first
    assert all(first in topics.split() for topics in page.eval_on_selector_all(
        f"{EVENTS}:not([hidden])", "els => els.map(e => e.dataset.topics)"))
    assert page.get_attribute("#dossier-filter-status", "role") == "status"


def test_a_shared_address_opens_filtered(watched, site_url):
    page = watched.new_page()
    page.goto(site_url + "timeline.html?actor=narendra-modi")
    page.wait_for_selector("#dossier-filter[data-ready]")
    shown = page.eval_on_selector_all(f"{EVENTS}:not([hidden])", "els => els.map(e => e.dataset.actors)")
    assert shown and all("narendra-modi" in actors.split() for actors in shown)


def test_without_javascript_the_timeline_stays_whole(browser, built_site):
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    try:
        page = context.new_page()
        page.goto((built_site / "timeline.html").as_uri() + "?topic=jcpoa")
        assert not page.is_visible("#dossier-filter")
        assert len(_visible(page)) == _dated(load_and_check(PROJECT_ROOT).content)[1]
    finally:
        context.close()


def test_axe_finds_no_violations_with_the_filter_used(watched, site_url):
    page = watched.new_page()
    page.goto(site_url + "timeline.html?topic=jcpoa&actor=iran")
    page.wait_for_selector("#dossier-filter[data-ready]")
    violations = _violations(page)
    assert not violations, "\n".join(violations)
