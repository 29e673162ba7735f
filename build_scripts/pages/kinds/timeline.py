"""The timeline: every dated event in order, grouped by month and by topic; split by year when long."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.pages import paging
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.event_views import event_counts, event_views, events_by_topic

KIND = PAGE_KINDS["timeline"]
TITLE = "Timeline"
DESCRIPTION = "Every dated event of the story in order, with how each date is known."


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    groups = paging.by_key(indexes.dated_events, lambda e: (e.date[:4], e.date[:4]))  # by year
    return paging.split([paging.Group(g.key, g.label, tuple(e.anchor for e in g.items)) for g in groups],
                        KIND.per_page)


def render(site: PageRenderer) -> None:
    v = site.context(KIND.path)
    count, context_count = event_counts(site.indexes)
    common = {"count": count, "context_count": context_count, "topics_page": v.link_to_page("topics_index")}
    if not site.render_list(KIND, "content/claims", TITLE, DESCRIPTION,
                            lambda pv, part: _with_filter(pv, {**common, "by_topic": []},
                                                                           event_views(pv, anchors=part.items)),
                            main={**common, "months": [], "by_topic": [], "filter": None}):
        events = event_views(v)
        site.render("timeline", KIND.path, "content/claims", TITLE, DESCRIPTION,
                    by_topic=events_by_topic(v, events, site.indexes.topics_in_order),
                    part=None, parts=[], **_with_filter(v, common, events))


def by_month(events: list) -> list[tuple[str, list]]:
    """Events (in order) under the heading of their month."""
    months: list[tuple[str, list]] = []
    for event in events:
        if not months or months[-1][0] != event.month:
            months.append((event.month, []))
        months[-1][1].append(event)
    return months


# -- the filter by topic and actor (docs/assets/timeline-filter.js) ---------

@dataclass(frozen=True)
class Choice:
    value: str  # a topic's or an actor's id, as in the events' data-topics / data-actors
    label: str
    count: int  # events on the page with it


@dataclass(frozen=True)
class FilterView:
    topics: list[Choice]
    actors: list[Choice]
    total: int  # events on the page


def _with_filter(v, data: dict, events: list) -> dict:
    return {**data, "months": by_month(events), "filter": filter_view(v, events)}


def filter_view(v, events: list) -> FilterView | None:
    """The topics and actors of the events on one page, for the filter's two lists
    (topics in the dossier's order, actors by name); None when the page shows no events."""
    if not events:
        return None
    topic_counts: dict[str, int] = {}
    actor_counts: dict[str, int] = {}
    for event in events:
        for topic_id in event.topic_ids:
            topic_counts[topic_id] = topic_counts.get(topic_id, 0) + 1
        for actor_id in event.actor_ids:
            actor_counts[actor_id] = actor_counts.get(actor_id, 0) + 1
    topics = [Choice(i, v.title_of("topic", i), topic_counts[i]) for i in v.indexes.topics_in_order if i in topic_counts]
    actors = sorted((Choice(i, v.title_of("actor", i), n) for i, n in actor_counts.items()),
                    key=lambda c: (c.label.casefold(), c.value))
    return FilterView(topics, actors, len(events))
