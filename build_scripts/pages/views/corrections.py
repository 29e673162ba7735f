"""Corrections and disagreements as pages show them.

A correction stands in the record it corrects (a claim, an actor, a topic):
the record's page shows it, and the Corrections page lists them all, newest
first. A disagreement is marked once, on either of two claims; both claims
show it, with the other claim linked and the same neutral note.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.content import model
from build_scripts.pages.context import PageContext
from build_scripts.pages.labels import CONFLICT_LABELS, format_date
from build_scripts.pages.links import Link, relative_url
from build_scripts.pages.lists import claim_address
from build_scripts.pages.registry import PAGE_KINDS


@dataclass(frozen=True)
class CorrectionView:
    date: str  # YYYY-MM-DD
    date_text: str
    change: str
    reason: str


@dataclass(frozen=True)
class ConflictView:
    """The other side of a disagreement, as one claim shows it."""

    other_id: str
    about: str  # "date", "figure" or "account"
    about_label: str  # "a different date"
    other: Link  # the other claim, on the page of its first topic
    other_sources: list[Link]  # the first few of the other claim's sources
    more_other_sources: int  # the other claim's sources not named
    other_sources_url: Markup | None  # every source of the other claim, where some are not named
    note: str


def correction_views(corrections: list[model.Correction]) -> list[CorrectionView]:
    """A record's corrections, newest first (on one day, in the order given)."""
    ordered = sorted(enumerate(corrections), key=lambda item: (item[1].date, -item[0]), reverse=True)
    return [CorrectionView(c.date, format_date(c.date), c.change, c.reason) for _, c in ordered]


def shown_corrections(content, record, claims) -> list[model.Correction]:
    """The corrections a page shows: its record's (an actor, a topic; None for a source) and
    those of the claims it lists (ClaimViews)."""
    found = list(record.corrections) if record is not None else []
    for claim in claims:
        found += content.claims[claim.id].record.corrections
    return found


def claim_url(v: PageContext, claim_id: str):
    """A claim shown in full: on the page of its first topic."""
    return relative_url(v.page, *claim_address(v.indexes, claim_id))


def conflict_views(v: PageContext, claim_id: str, sources_shown: int) -> list[ConflictView]:
    """The claims that ``claim_id`` is marked as contradicting, or that are marked as contradicting it;
    each with its first ``sources_shown`` sources named."""
    views = []
    for other_id, mark in v.indexes.conflicts_by_claim.get(claim_id, []):
        other = v.content.claims[other_id].record
        more = max(0, len(other.sources) - sources_shown)
        views.append(ConflictView(other_id, mark.about.value, CONFLICT_LABELS[mark.about.value],
                                  Link(other.statement, claim_url(v, other_id)),
                                  [v.source_ref(s) for s in other.sources[:sources_shown]], more,
                                  relative_url(v.page, PAGE_KINDS["claim_sources"].path_of(other_id)) if more else None,
                                  mark.note))
    return views
