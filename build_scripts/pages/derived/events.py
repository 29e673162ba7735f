"""Dated events: claims with a date, and context entries with a date, in order
(their views, as pages show them, are in ``event_views.py``).

A claim's date says how it is known (stated in the text, worked out from
words like "Friday", taken from a context entry, or inferred); a context
entry's date comes from outside the article, with the entry's own citation.
A context entry that a claim of the same date takes its date from tells the
same event: it is shown within that claim's event, not as an event of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.content.load import Content
from build_scripts.pages.addresses import event_anchor

PRECISION_LABELS = {1: "year only", 2: "month only", 3: "exact day"}


@dataclass(frozen=True)
class Event:
    kind: str  # "claim" or "context"
    id: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    statement: str
    topics: tuple[str, ...]
    actors: tuple[str, ...] = ()  # the actors it is about (the timeline's filter)
    context: str | None = None  # a claim's: the context entry of the same date it takes its date from, shown within it

    @property
    def precision(self) -> str:
        return PRECISION_LABELS[len(self.date.split("-"))]

    @property
    def anchor(self) -> str:
        return event_anchor(self.kind, self.id)


def _order(event: Event, positions: dict[str, tuple[str, int]]) -> tuple:
    # Earlier dates first; a less precise date ("2018-10") before the days
    # it contains. Same date: the article's claims in reading order, then
    # context entries by id.
    where = positions.get(event.id, ("", 0)) if event.kind == "claim" else ("~", 0)
    return (event.date, event.kind != "claim", where, event.id)


def same_day_context(content: Content) -> dict[str, str]:
    """{claim id: the context entry it takes its date from}, where the entry has the claim's date:
    the two tell one event."""
    found = {}
    for claim_id, located in content.claims.items():
        date = located.record.date
        entry = content.context.get(date.context) if date is not None and date.context else None
        if entry is not None and entry.record.date == date.value:
            found[claim_id] = date.context
    return found


def dated_events(content: Content, quote_positions: dict[str, int] | None = None) -> list[Event]:
    """Every dated claim and context entry, earliest first; a context entry that a claim of the
    same date takes its date from is within that claim's event (its topics and actors too)."""
    within = same_day_context(content)
    events = []
    for claim_id, located in content.claims.items():
        if located.record.date is None:
            continue
        record, entry_id = located.record, within.get(claim_id)
        entry = content.context[entry_id].record if entry_id else None
        topics, actors = tuple(record.topics), tuple(record.actors)
        if entry is not None:
            topics += tuple(t for t in entry.topics if t not in topics)
            actors += tuple(a for a in entry.actors if a not in actors)
        events.append(Event("claim", claim_id, record.date.value, record.statement, topics, actors, entry_id))
    shown_within = set(within.values())
    events += [
        Event("context", entry_id, located.record.date, located.record.statement, tuple(located.record.topics),
              tuple(located.record.actors))
        for entry_id, located in content.context.items()
        if located.record.date is not None and entry_id not in shown_within
    ]
    positions = {
        claim_id: (located.record.source, (quote_positions or {}).get(claim_id, 0))
        for claim_id, located in content.claims.items()
    }
    return sorted(events, key=lambda e: _order(e, positions))

