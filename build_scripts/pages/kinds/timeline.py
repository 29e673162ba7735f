"""The timeline: every dated event in order, by year and month spaced by the time between, and by topic; split by year when long."""

from __future__ import annotations

import math
from dataclasses import dataclass

from build_scripts.pages import lists, paging
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


def jobs(indexes: PageIndexes) -> list[tuple[str, ...]]:
    return lists.part_jobs(indexes, KIND.name)


def render(site: PageRenderer, piece: str = "") -> None:
    v = site.context(KIND.path)
    count, context_count = event_counts(site.indexes)
    common = {"count": count, "context_count": context_count, "topics_page": v.link_to_page("topics_index")}
    if not site.render_list(KIND, "content/claims", TITLE, DESCRIPTION,
                            lambda pv, part: _with_filter(pv, {**common, "by_topic": []},
                                                                           event_views(pv, anchors=part.items)),
                            main={**common, "months": [], "by_topic": [], "filter": None},
                            piece=int(piece) if piece else None):
        events = event_views(v)
        site.render("timeline", KIND.path, "content/claims", TITLE, DESCRIPTION,
                    by_topic=events_by_topic(v, events, site.indexes.topics_in_order),
                    part=None, parts=[], **_with_filter(v, common, events))


# -- time on the page: year and month headings, a spacer that grows with the time between them --

GAP_STEPS = 8  # the tallest spacer, in steps of the stylesheet's .dossier-gap[data-step] (1rem each)


@dataclass(frozen=True)
class Gap:
    step: int  # the spacer's height, 0 to GAP_STEPS: the log (base 2) of the months, rounded, capped
    text: str  # "5 months later", "46 years later"; "" when the months follow each other


def months_since_year_zero(date: str) -> int:
    """A date ("2018", "2018-10", "2018-10-05") as a count of months, for the gaps between them."""
    return int(date[:4]) * 12 + (int(date[5:7]) - 1 if len(date) >= 7 else 0)


def gap(months: int) -> Gap:
    """The spacer for ``months`` between two groups; docs/assets/timeline-filter.js (gapFor)
    works it out the same way when the filter hides groups, and the two must agree."""
    if months < 2:
        return Gap(0, "")
    step = min(GAP_STEPS, round(math.log2(months)))
    if months < 24:
        return Gap(step, f"{months} months later")
    years = (months + 6) // 12
    return Gap(step, f"{years} years later")


@dataclass(frozen=True)
class MonthGroup:
    year: str  # the year heading to show before the group, or "" inside the same year
    month: str  # the month heading, e.g. "October 2018"; "" for events dated by their year only
    at: int  # months_since_year_zero of its first event
    anchor: str  # the month heading's id, e.g. "month-2018-10"
    gap: Gap  # from the group before (none for the first)
    events: list


def by_month(events: list) -> list[MonthGroup]:
    """Events (in order) under the heading of their month, a year heading where the year changes,
    and the gap in time since the group before."""
    groups: list[MonthGroup] = []
    for event in events:
        if groups and groups[-1].events[-1].month == event.month:
            groups[-1].events.append(event)
            continue
        date = event.date.value
        at = months_since_year_zero(date)
        year = date[:4]
        new_year = not groups or groups[-1].events[-1].date.value[:4] != year
        groups.append(MonthGroup(year if new_year else "", "" if event.month == year else event.month, at, "month-" + date[:7],
                                 gap(at - groups[-1].at) if groups else Gap(0, ""), [event]))
    return groups


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

