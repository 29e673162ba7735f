"""A source's comparison page, when the Compare page is a table of sources
(``compare.py``): the claims of the source that other sources report too,
its words beside the first few others' (the rest one link away, on the
claim's sources page), and the claims of others that contradict them; in
numbered parts when there are more than a page holds."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.pages import paging
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.kinds.compare import compared_claims, compared_sources, is_table
from build_scripts.pages.links import Link
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.claims import ClaimView, EvidenceView, claim
from build_scripts.pages.views.corrections import claim_url

KIND = PAGE_KINDS["compare_source"]


@dataclass(frozen=True)
class ComparedClaim:
    claim: Link
    words: EvidenceView  # this source's
    view: ClaimView  # the claim, for the other sources and the contradicting claims
    others: list[EvidenceView]  # the first few other sources' words
    more: int  # other sources not shown (on the claim's sources page)


def jobs(indexes: PageIndexes) -> list[tuple[str, ...]]:
    """A page per compared source, while the Compare page is a table of sources; else none."""
    return [(source_id,) for source_id in compared_sources(indexes)] if is_table(indexes) else []


def parts(indexes: PageIndexes, source_id: str) -> list[paging.Part]:
    return paging.numbered(compared_claims(indexes, source_id), KIND.per_page)


def compared(v, source_id: str, claim_ids) -> list[ComparedClaim]:
    found = []
    for claim_id in claim_ids:
        c = claim(v, claim_id)
        found.append(ComparedClaim(Link(c.statement, claim_url(v, claim_id)), c.evidence_from(source_id), c,
                                   c.other_evidence(source_id), c.more_other_evidence(source_id)))
    return found


def render(site: PageRenderer, source_id: str) -> None:
    located = site.content.sources[source_id]
    claim_ids = compared_claims(site.indexes, source_id)
    name = site.context(KIND.path_of(source_id)).title_of("source", source_id)
    site.render_record_list(
        KIND, source_id, located.origin.path, f"Compare: {name}",
        f"The claims of “{name}” that other sources report too or contradict.",
        common=lambda pv: dict(source=pv.link("source", source_id), overview=pv.link_to_page("compare"),
                               count=len(claim_ids)),
        items_key="claims",
        items=lambda pv, part: compared(pv, source_id, claim_ids if part is None else part.items))
