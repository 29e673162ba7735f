"""The Corrections page: every dated correction of a claim, an actor or a topic, newest first,
each with what changed, why, and a link to the record it corrects."""

from __future__ import annotations

from dataclasses import dataclass

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


def render(site: PageRenderer) -> None:
    v = site.context(KIND.path)
    entries = []
    for kind, record_id, _index, correction in site.indexes.corrections_newest_first:
        if kind == "claim":
            record = Link(site.content.claims[record_id].record.statement, claim_url(v, record_id))
        else:
            record = v.link(kind, record_id)
        entries.append(CorrectionEntry(correction.date, format_date(correction.date), KIND_LABELS[kind], record,
                                       correction.change, correction.reason))
    every = [correction for *_, correction in site.indexes.corrections_newest_first]
    site.render("corrections", KIND.path, "content", KIND.title, DESCRIPTION, entries=entries,
                jsonld=jsonld.scripts(jsonld.corrected_page(every)))
