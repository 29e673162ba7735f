"""Dated events: claims with a date, and context entries with a date, in order
(their views, as pages show them, are in ``event_views.py``).

A claim's date says how it is known (stated in the text, worked out from
words like "Friday", taken from a context entry, or inferred); a context
entry's date comes from outside the article, with the entry's own citation.
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


def dated_events(content: Content, quote_positions: dict[str, int] | None = None) -> list[Event]:
    """Every dated claim and context entry, earliest first."""
    events = [
        Event("claim", claim_id, located.record.date.value, located.record.statement, tuple(located.record.topics),
              tuple(located.record.actors))
        for claim_id, located in content.claims.items() if located.record.date is not None
    ]
    events += [
        Event("context", entry_id, located.record.date, located.record.statement, tuple(located.record.topics),
              tuple(located.record.actors))
        for entry_id, located in content.context.items() if located.record.date is not None
    ]
    positions = {
        claim_id: (located.record.source, (quote_positions or {}).get(claim_id, 0))
        for claim_id, located in content.claims.items()
    }
    return sorted(events, key=lambda e: _order(e, positions))

