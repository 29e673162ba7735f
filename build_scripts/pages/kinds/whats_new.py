"""The What's new page: every new source, new claim and correction, newest first, each dated
by the content (``added``, a correction's date) and linked to its record; in numbered parts
when there are more than a page holds. The feed (``site_source/feed.py``) gives the newest."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.pages import lists, paging
from build_scripts.pages.addresses import FEED_FILE
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import format_date
from build_scripts.pages.links import Link, relative_url
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.changes import change_at

KIND = PAGE_KINDS["whats_new"]
DESCRIPTION = "What the dossier gained, newest first: new sources, new claims and corrections, with the day of each."


@dataclass(frozen=True)
class ChangeEntry:
    date: str
    date_text: str
    label: str
    record: Link
    summary: str


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    """The changes (their places in ``changes_newest_first``), newest first, in numbered parts."""
    return paging.numbered(list(range(len(indexes.changes_newest_first))), KIND.per_page)


def entries(site: PageRenderer, v, places) -> list[ChangeEntry]:
    found = []
    for place in places:
        change = change_at(site.indexes, place)
        found.append(ChangeEntry(change.date, format_date(change.date), change.label,
                                 Link(change.name, relative_url(v.page, change.address.page, change.address.anchor)),
                                 change.summary))
    return found


def jobs(indexes: PageIndexes) -> list[tuple[str, ...]]:
    return lists.part_jobs(indexes, KIND.name)


def render(site: PageRenderer, piece: str = "") -> None:
    v = site.context(KIND.path)
    count = len(site.indexes.changes_newest_first)
    feed = relative_url(v.page, FEED_FILE)

    def summary(part):
        newest, oldest = (site.indexes.changes_newest_first[p][0] for p in (part.items[0], part.items[-1]))
        return f"{format_date(newest)} to {format_date(oldest)}"
    if not site.render_list(KIND, "content", KIND.title, DESCRIPTION,
                            lambda pv, part: {"entries": entries(site, pv, part.items), "count": count,
                                              "feed": relative_url(pv.page, FEED_FILE)},
                            main={"entries": [], "count": count, "feed": feed},
                            summary=summary, piece=int(piece) if piece else None):
        site.render("whats_new", KIND.path, "content", KIND.title, DESCRIPTION,
                    entries=entries(site, v, range(count)), count=count, part=None, parts=[], feed=feed)
