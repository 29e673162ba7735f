"""The timeline: every dated event in order, grouped by month and by topic; split by year when long."""

from __future__ import annotations

from build_scripts.pages import paging
from build_scripts.pages.event_views import event_counts, event_views, events_by_topic
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer

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
                            lambda pv, part: {**common, "months": by_month(event_views(pv, anchors=part.items)),
                                              "by_topic": []},
                            main={**common, "months": [], "by_topic": []}):
        events = event_views(v)
        site.render("timeline", KIND.path, "content/claims", TITLE, DESCRIPTION,
                    months=by_month(events), by_topic=events_by_topic(v, events, site.indexes.topics_in_order),
                    part=None, parts=[], **common)


def by_month(events: list) -> list[tuple[str, list]]:
    """Events (in order) under the heading of their month."""
    months: list[tuple[str, list]] = []
    for event in events:
        if not months or months[-1][0] != event.month:
            months.append((event.month, []))
        months[-1][1].append(event)
    return months
