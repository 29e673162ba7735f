"""Sources side by side.

While the pairs are few (``PAIR_ROWS_ON_ONE_PAGE``), one page: for each two
sources, the claims both report, with each one's words, and the claims of one
that are marked as contradicting a claim of the other. With fewer than two
sources, or none that share a claim, the page says so.

The pairs grow with the square of the sources (a fact reported by 500
sources makes 124,750 pairs), so past that the page is a table instead, a row
per source that shares a claim or disagrees with another (in numbered parts
when long), each leading to the source's own comparison page
(``compare_source.py``): its claims that others report too or contradict.
Every page then grows with the claims and sources, not with their pairs.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from build_scripts.pages import paging
from build_scripts.pages.context import PageContext
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.links import Link, relative_url
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.claims import EvidenceView, claim, in_page_order
from build_scripts.pages.views.corrections import claim_url

KIND = PAGE_KINDS["compare"]
DESCRIPTION = "The sources side by side: the claims two sources both report, each in its own words, and where they disagree."
# Rows of the side-by-side page (a claim two sources report, or a claim of one
# contradicting a claim of the other, for each two sources) it holds before the
# comparison is a table of sources instead.
PAIR_ROWS_ON_ONE_PAGE = 60


@dataclass(frozen=True)
class SharedClaim:
    claim: Link
    first: EvidenceView  # the first source's words
    second: EvidenceView  # the second source's


@dataclass(frozen=True)
class Contradiction:
    first: Link  # the first source's claim
    second: Link  # the second source's claim
    about_label: str
    note: str


@dataclass(frozen=True)
class SourcePair:
    anchor: str
    first: Link
    second: Link
    shared: list[SharedClaim]
    contradictions: list[Contradiction]


@dataclass(frozen=True)
class SourceRow:
    """A source in the table of sources: how much of it the others report or contradict."""

    source: Link
    compare: Link  # its comparison page
    claims: int  # claims quoting it
    shared: int  # of those, claims another source reports too
    disputed: int  # of those, claims marked as contradicting a claim of another source


def pair_rows(indexes: PageIndexes) -> int:
    """How many rows the side-by-side page would have, counted without making the pairs."""
    claims = indexes.content.claims
    rows = sum(math.comb(len(set(located.record.sources)), 2) for located in claims.values())
    for claim_id, conflicts in indexes.conflicts_by_claim.items():
        for other_id, _mark in conflicts:
            rows += len(set(claims[claim_id].record.sources)) * len(set(claims[other_id].record.sources))
    return rows


def is_table(indexes: PageIndexes) -> bool:
    """True when the comparison is a table of sources and a page per source, not pairs."""
    return pair_rows(indexes) > PAIR_ROWS_ON_ONE_PAGE


def compared_claims(indexes: PageIndexes, source_id: str) -> list[str]:
    """The claims quoting ``source_id`` that another source reports too, or that are marked as
    contradicting a claim another source reports; in page order."""
    claims = indexes.content.claims

    def compared(claim_id: str) -> bool:
        record = claims[claim_id].record
        if any(s != source_id for s in record.sources):
            return True
        return any(any(s != source_id for s in claims[other].record.sources)
                   for other, _mark in indexes.conflicts_by_claim.get(claim_id, []))
    return in_page_order(indexes, [c for c in dict.fromkeys(indexes.claims_by_source.get(source_id, [])) if compared(c)])


def compared_sources(indexes: PageIndexes) -> list[str]:
    """The sources that share a claim with another or disagree with one, in the order of their ids."""
    return [s for s in sorted(indexes.content.sources) if compared_claims(indexes, s)]


def pairs(v: PageContext) -> list[SourcePair]:
    """Every two sources that share a claim or disagree, in the order of their ids
    (only the pairs that do: never every two sources)."""
    indexes, claims = v.indexes, v.content.claims
    candidates: set[tuple[str, str]] = set()
    for located in claims.values():
        candidates.update(itertools.combinations(sorted(set(located.record.sources)), 2))
    for claim_id, conflicts in indexes.conflicts_by_claim.items():
        for other_id, _mark in conflicts:
            candidates.update((a, b) for a in claims[claim_id].record.sources
                              for b in claims[other_id].record.sources if a < b)
    found = []
    for first, second in sorted(candidates):
        both = set(indexes.claims_by_source.get(first, [])) & set(indexes.claims_by_source.get(second, []))
        shared = []
        for claim_id in in_page_order(indexes, both):
            evidence = {e.source_id: e for e in claim(v, claim_id).evidence}
            shared.append(SharedClaim(Link(claims[claim_id].record.statement, claim_url(v, claim_id)),
                                      evidence[first], evidence[second]))
        contradictions = []
        for claim_id in in_page_order(indexes, indexes.claims_by_source.get(first, [])):
            for view in claim(v, claim_id).conflicts:
                if second in claims[view.other_id].record.sources:
                    contradictions.append(Contradiction(Link(claims[claim_id].record.statement, claim_url(v, claim_id)),
                                                        view.other, view.about_label, view.note))
        if shared or contradictions:
            found.append(SourcePair(f"{first}--{second}", v.source_ref(first), v.source_ref(second),
                                    shared, contradictions))
    return found


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    """The table of sources in numbered parts (one part, never split, while the page shows pairs)."""
    return paging.numbered(compared_sources(indexes) if is_table(indexes) else [], KIND.per_page)


def source_rows(v: PageContext, source_ids) -> list[SourceRow]:
    indexes, claims = v.indexes, v.content.claims
    rows = []
    for source_id in source_ids:
        compared = compared_claims(indexes, source_id)
        shared = sum(1 for c in compared if len(set(claims[c].record.sources)) > 1)
        disputed = sum(1 for c in compared if indexes.conflicts_by_claim.get(c))
        rows.append(SourceRow(v.source_ref(source_id),
                              Link("Compare", relative_url(v.page, PAGE_KINDS["compare_source"].path_of(source_id))),
                              len(set(indexes.claims_by_source.get(source_id, []))), shared, disputed))
    return rows


def render(site: PageRenderer) -> None:
    v = site.context(KIND.path)
    source_count = len(site.content.sources)
    if not is_table(site.indexes):
        site.render("compare", KIND.path, "content/claims", KIND.title, DESCRIPTION,
                    source_count=source_count, pairs=pairs(v), table=False, rows=[], part=None, parts=[])
        return
    compared = compared_sources(site.indexes)
    common = dict(source_count=source_count, pairs=[], table=True, compared_count=len(compared))
    if not site.render_list(KIND, "content/claims", KIND.title, DESCRIPTION,
                            lambda pv, part: dict(common, rows=source_rows(pv, part.items)),
                            main=dict(common, rows=[]),
                            summary=lambda part: site.first_and_last("source", part.items)):
        site.render("compare", KIND.path, "content/claims", KIND.title, DESCRIPTION,
                    rows=source_rows(v, compared), part=None, parts=[], **common)
