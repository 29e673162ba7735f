"""What is disputed or uncertain, for the home page: the disagreements
between sources (claims marked as contradicting each other) and the claims
whose editors note a doubt (``Claim.doubt``), each linked to the claims."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.pages.context import PageContext
from build_scripts.pages.labels import CONFLICT_LABELS
from build_scripts.pages.links import Link
from build_scripts.pages.views.corrections import claim_url


@dataclass(frozen=True)
class DisputedView:
    text: str  # the doubt, or the disagreement's neutral note
    about: str | None  # a disagreement's kind ("a different date"); None for a doubt
    claims: list[Link]  # the claim in doubt, or the two that disagree, each at its address


def disputed_views(v: PageContext) -> list[DisputedView]:
    """Every disagreement (in the order of the claims files), then every doubt."""
    views = []
    for claim_id, located in v.content.claims.items():
        for mark in located.record.contradicts:
            views.append(DisputedView(mark.note, CONFLICT_LABELS[mark.about.value],
                                      [Link("one account", claim_url(v, claim_id)),
                                       Link("the other", claim_url(v, mark.claim))]))
    for claim_id, located in v.content.claims.items():
        if located.record.doubt:
            views.append(DisputedView(located.record.doubt, None, [Link("the claim", claim_url(v, claim_id))]))
    return views
