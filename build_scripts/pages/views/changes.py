"""What the dossier gained and when: new sources, new claims and corrections, newest first,
as the What's new page and the Atom feed (``site_source/feed.py``) show them.

Each change is dated by the content itself (a source's or claim's ``added``,
a correction's ``date``), never by the clock, so the same content gives the
same page and the same feed.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.pages.addresses import Address, page_path
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import format_date
from build_scripts.pages.lists import claim_address

LABELS = {"source": "New source", "claim": "New claim", "correction": "Correction to the {kind}"}


@dataclass(frozen=True)
class Change:
    date: str  # YYYY-MM-DD
    what: str  # "source", "claim" or "correction"
    label: str  # "New source", "New claim", "Correction to the claim"
    record_kind: str  # the kind of the record it is about: "source", "claim", "actor", "topic"
    record_id: str
    name: str  # the record, as a link names it: a source's title, a claim's statement, an actor's name
    summary: str  # one line of plain text: a claim's first quote, a correction's change and why
    address: Address  # the record's place in the site (a claim: on the part of its topic's page that holds it)
    index: int  # a correction's place in its record's list (two on one day stay apart), else 0


def source_credit(indexes: PageIndexes, source_id: str) -> str:
    """The publisher and date, as pages name a source inline (``PageContext.source_credit``)."""
    source = indexes.content.sources[source_id].record
    names = [indexes.content.actors[source.publisher].record.name]
    if source.original_publisher:
        names.append(f"from {indexes.content.actors[source.original_publisher].record.name}")
    return ", ".join([*names, format_date(source.published.value, short=True)])


def _name(indexes: PageIndexes, kind: str, record_id: str) -> str:
    content = indexes.content
    if kind == "claim":
        return content.claims[record_id].record.statement
    if kind == "actor":
        return content.actors[record_id].record.name
    if kind == "topic":
        return content.topics[record_id].record.title
    return content.sources[record_id].record.title or f"Untitled text ({source_credit(indexes, record_id)})"


def last_changed(indexes: PageIndexes, kind: str, record_id: str) -> tuple[str, str] | None:
    """(day, "25 November 2026") the page of an actor, topic or source last changed
    (``PageIndexes.last_changed``), or None when nothing on it is dated."""
    day = indexes.last_changed(kind, record_id)
    return (day, format_date(day)) if day else None


def change_at(indexes: PageIndexes, place: int) -> Change:
    """The change at ``place`` in ``indexes.changes_newest_first``."""
    date, what, kind, record_id, index = indexes.changes_newest_first[place]
    content = indexes.content
    address = claim_address(indexes, record_id) if kind == "claim" else Address(page_path(kind, record_id))
    if what == "source":
        summary = f"Published by {source_credit(indexes, record_id)}."
    elif what == "claim":
        claim = content.claims[record_id].record
        summary = f"“{claim.evidence[0].quote}” ({source_credit(indexes, claim.source)})"
    else:
        record = (content.claims if kind == "claim" else content.actors if kind == "actor" else content.topics)
        correction = record[record_id].record.corrections[index]
        summary = f"{correction.change} Why: {correction.reason}"
    return Change(date, what, LABELS[what].format(kind=kind), kind, record_id, _name(indexes, kind, record_id), summary, address,
                  index)
