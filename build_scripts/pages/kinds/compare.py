"""Sources side by side: for each two sources, the claims both report, with each one's words,
and the claims of one that are marked as contradicting a claim of the other. With fewer than
two sources, or none that share a claim, the page says so."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from build_scripts.pages.context import PageContext
from build_scripts.pages.links import Link
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.claims import EvidenceView, claim, in_page_order
from build_scripts.pages.views.corrections import claim_url

KIND = PAGE_KINDS["compare"]
DESCRIPTION = "The sources side by side: the claims two sources both report, each in its own words, and where they disagree."


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


def pairs(v: PageContext) -> list[SourcePair]:
    """Every two sources that share a claim or disagree, in the order of their ids."""
    indexes, claims = v.indexes, v.content.claims
    found = []
    for first, second in itertools.combinations(sorted(v.content.sources), 2):
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
            found.append(SourcePair(f"{first}--{second}", v.link("source", first), v.link("source", second),
                                    shared, contradictions))
    return found


def render(site: PageRenderer) -> None:
    v = site.context(KIND.path)
    site.render("compare", KIND.path, "content/claims", KIND.title, DESCRIPTION,
                source_count=len(site.content.sources), pairs=pairs(v))
