"""The Corrections page: every dated correction of a claim, an actor or a topic, newest first,
each with what changed, why, and a link to the record it corrects; in numbered parts when
there are more than a page holds (a claim may be corrected many times)."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.pages import paging
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import format_date
from build_scripts.pages.links import Link
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views import jsonld
from build_scripts.pages.views.corrections import claim_url

KIND = PAGE_KINDS["corrections"]
DESCRIPTION = "Every correction made to the dossier's claims, actors and topics, newest first: what changed, when and why."
KIND_LABELS = {"actor": "Actor", "topic": "Topic", "claim": "Claim"}


@dataclass(frozen=True)
class CorrectionEntry:
    date: str
    date_text: str
    kind_label: str
    record: Link
    change: str
    reason: str


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    """The corrections (their places in ``corrections_newest_first``), newest first, in numbered parts."""
    return paging.numbered(list(range(len(indexes.corrections_newest_first))), KIND.per_page)


def entries(site: PageRenderer, v, places) -> list[CorrectionEntry]:
    found = []
    every = site.indexes.corrections_newest_first
    for place in places:
        kind, record_id, _index, correction = every[place]
        if kind == "claim":
            record = Link(site.content.claims[record_id].record.statement, claim_url(v, record_id))
        else:
            record = v.link(kind, record_id)
        found.append(CorrectionEntry(correction.date, format_date(correction.date), KIND_LABELS[kind], record,
                                     correction.change, correction.reason))
    return found


def _jsonld(site: PageRenderer, places):
    every = site.indexes.corrections_newest_first
    return jsonld.scripts(jsonld.corrected_page([every[place][3] for place in places]))


def render(site: PageRenderer) -> None:
    v = site.context(KIND.path)
    count = len(site.indexes.corrections_newest_first)

    def summary(part):
        newest, oldest = (site.indexes.corrections_newest_first[p][3].date for p in (part.items[0], part.items[-1]))
        return f"{format_date(newest)} to {format_date(oldest)}"
    if not site.render_list(KIND, "content", KIND.title, DESCRIPTION,
                            lambda pv, part: {"entries": entries(site, pv, part.items), "count": count,
                                              "jsonld": _jsonld(site, part.items)},
                            main={"entries": [], "count": count, "jsonld": _jsonld(site, range(min(count, 1)))},
                            summary=summary):
        site.render("corrections", KIND.path, "content", KIND.title, DESCRIPTION,
                    entries=entries(site, v, range(count)), count=count, part=None, parts=[],
                    jsonld=_jsonld(site, range(count)))
