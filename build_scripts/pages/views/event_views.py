"""Dated events as pages show them: the timeline, the home page's latest
events, and each topic's events."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from build_scripts.pages import lists
from build_scripts.pages.addresses import event_anchor
from build_scripts.pages.context import CitationView, DateView, PageContext
from build_scripts.pages.derived.events import Event
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import format_date
from build_scripts.pages.links import Link, html_url, relative_url
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.views.claims import EVIDENCE_SHOWN
from build_scripts.pages.views.corrections import ConflictView, conflict_views
from build_scripts.rules.check import is_after, newest_source_date


@dataclass(frozen=True)
class EventView:
    """One dated event on the timeline: a claim of the article, or outside context."""

    anchor: Markup
    is_context: bool
    date: DateView
    precision: str
    statement: str
    topics: list[Link]
    quote_link: Link | None  # claims: the highlighted quote in the source, named by its publisher
    citation: CitationView | None  # context, or a claim's date from outside: where it comes from
    month: str  # the heading the event is grouped under, e.g. "October 2018"
    topic_ids: tuple[str, ...]
    url: Markup  # the event on the timeline (or the part of it that holds it)
    conflicts: tuple[ConflictView, ...] = ()  # claims: the claims it is marked as contradicting, either way
    actor_ids: tuple[str, ...] = ()  # with topic_ids: the data attributes the timeline's filter reads
    within: ContextWithin | None = None  # a claim's: the context entry of the same date shown within its event


@dataclass(frozen=True)
class ContextWithin:
    """A context entry shown within the event of a claim of the same date (``derived/events.py``)."""

    anchor: Markup  # the entry's own event anchor, kept for links made before it joined the claim
    statement: str


@dataclass(frozen=True)
class TopicEvents:
    topic: Link
    events: list[EventView]


def event_counts(indexes: PageIndexes) -> tuple[int, int]:
    """How many dated events there are, and how many of them are context from outside the sources."""
    events = indexes.dated_events
    return len(events), sum(e.kind != "claim" for e in events)


def latest_events(v: PageContext, count: int) -> list[EventView]:
    """The last ``count`` dated events up to the newest source's date, latest first."""
    newest = newest_source_date(v.content)
    events = [e for e in v.indexes.dated_events if not _after(e, newest)]
    return [event_view(v, e) for e in reversed(events[-count:])]


def events_after_sources(v: PageContext) -> list[EventView]:
    """What happened next: the context entries dated after the newest source, earliest first
    (each cites the published page that states it: rules/check.py asks for its address)."""
    newest = newest_source_date(v.content)
    return [event_view(v, e) for e in v.indexes.dated_events if _after(e, newest)]


def _after(event: Event, newest_source: str | None) -> bool:
    """Whether ``event`` is context dated after the sources' story ends."""
    return event.kind != "claim" and newest_source is not None and is_after(event.date, newest_source)


def event_views(v: PageContext, topic_id: str | None = None, anchors: tuple[str, ...] | None = None) -> list[EventView]:
    """Every dated event, earliest first; only those of ``topic_id``, or with ``anchors``, if given."""
    events = v.indexes.dated_events
    if anchors is not None:  # a part of the timeline: its events found by anchor, not by a walk over all
        place = v.indexes.event_places
        events = [events[i] for i in sorted(place[anchor] for anchor in set(anchors))]
    if topic_id is not None:
        events = [events[i] for i in v.indexes.events_by_topic.get(topic_id, [])]
    return [event_view(v, e) for e in events]


def event_view(v: PageContext, event: Event) -> EventView:
    topics = v.topic_links(list(event.topics))
    month = format_date(event.date[:7]) if len(event.date) >= 7 else event.date
    url = event_url(v, event.anchor)
    if event.kind == "claim":
        claim = v.content.claims[event.id].record
        # A date taken from outside the text shows the document it comes from.
        context = v.content.context.get(claim.date.context) if claim.date.context else None
        return EventView(Markup(event.anchor), False, v.date(claim.date), event.precision, event.statement,
                         topics, v.source_ref(claim.source, v.quote_link(event.id).url), v.citation(context.record.citation) if context else None,
                         month, event.topics, url, conflicts=tuple(conflict_views(v, event.id, EVIDENCE_SHOWN)), actor_ids=event.actors,
                         within=(ContextWithin(Markup(event_anchor("context", event.context)),
                                               v.content.context[event.context].record.statement)
                                 if event.context else None))
    entry = v.content.context[event.id].record
    date = DateView(entry.date, format_date(entry.date), "external", "date from the cited document", None, None)
    return EventView(Markup(event.anchor), True, date, event.precision, event.statement, topics, None,
                     v.citation(entry.citation), month, event.topics, url, actor_ids=event.actors)


def events_by_topic(v: PageContext, events: list[EventView], topic_ids: list[str]) -> list[TopicEvents]:
    groups = []
    for topic_id in topic_ids:
        chosen = [e for e in events if topic_id in e.topic_ids]
        if chosen:
            groups.append(TopicEvents(v.link("topic", topic_id), chosen))
    return groups


def event_url(v: PageContext, anchor: str) -> Markup:
    """The event on the timeline, or on the part of it that holds it."""
    return relative_url(v.page, lists.page_in_list(v.indexes, "timeline", anchor), anchor)


def filtered_timeline_url(v, choice: str, record_id: str) -> Markup:
    """The timeline with the filter set to one topic or actor (``choice`` "topic" or "actor"):
    timeline-filter.js reads the choice from the address; without JavaScript it is the whole
    timeline. Raw HTML, as MkDocs would take a Markdown link to a .html page for a missing page."""
    return Markup(html_url(v.page, PAGE_KINDS["timeline"].path) + "?" + choice + "=" + quote(record_id, safe=""))
