"""A page for each claim reported by more sources than a claim shows
(``claims.EVIDENCE_SHOWN``): every source's words for it, with who says it
there and how sure that source is, in the claim's order; in numbered parts
when there are more than a page holds. Wherever the claim is shown, its
"and N more sources" leads here."""

from __future__ import annotations

from build_scripts.pages import paging
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.links import Link
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.claims import EVIDENCE_SHOWN, claim
from build_scripts.pages.views.corrections import claim_url

KIND = PAGE_KINDS["claim_sources"]


def jobs(indexes: PageIndexes) -> list[tuple[str, ...]]:
    """A page for each claim with more sources than a claim shows."""
    return [(claim_id,) for claim_id, located in sorted(indexes.content.claims.items())
            if len(located.record.evidence) > EVIDENCE_SHOWN]


def parts(indexes: PageIndexes, claim_id: str) -> list[paging.Part]:
    """The claim's sources, in numbered parts."""
    return paging.numbered([e.source for e in indexes.content.claims[claim_id].record.evidence], KIND.per_page)


def render(site: PageRenderer, claim_id: str) -> None:
    located = site.content.claims[claim_id]
    record = located.record

    def evidence(pv, part):
        shown = claim(pv, claim_id).evidence
        if part is None:
            return shown
        first = next(i for i, e in enumerate(shown) if e.source_id == part.items[0])  # parts are in order
        return shown[first : first + len(part.items)]

    site.render_record_list(
        KIND, claim_id, located.origin.path, f"Sources of the claim “{record.statement}”",
        f"Every source that reports “{record.statement}”, each in its own words.",
        common=lambda pv: dict(statement=Link(record.statement, claim_url(pv, claim_id)), count=len(record.evidence)),
        items_key="evidence", items=evidence, story=site.indexes.stories.of_claim(site.content, claim_id))
