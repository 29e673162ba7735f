"""Every direct quotation in the sources, with who said it and when; split by source when long."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.pages import paging
from build_scripts.pages.context import DateView, PageContext
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.links import Link
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.claims import claim_text, in_page_order
from build_scripts.pages.views.source_tables import parts_by_source, quote_sources, render_rows_by_source

KIND = PAGE_KINDS["quotations"]


@dataclass(frozen=True)
class QuotationRow:
    text: str
    speakers: list[Link]
    occasion: str
    statement: str
    quote_link: Link
    date: DateView | None
    sources: list[Link]  # each source that carries it, linked to its quote there


def _has_quotation(claim) -> bool:
    return claim.quotation is not None


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    return parts_by_source(indexes, KIND, _has_quotation)


def quotation_rows(v: PageContext, claim_ids: tuple[str, ...] | None = None) -> list[QuotationRow]:
    """The quotation of every claim that has one, or of ``claim_ids``, in page order; made from the
    records (``quote_sources``): a row names its speakers, not every actor its claim names."""
    claims = v.content.claims
    if claim_ids is None:
        claim_ids = [i for i, located in claims.items() if _has_quotation(located.record)]
    rows = []
    for claim_id in in_page_order(v.indexes, claim_ids):
        record = claims[claim_id].record
        rows.append(QuotationRow(record.quotation.text, v.actor_links(record.quotation.speakers),
                                 record.quotation.occasion, record.statement, v.quote_link(claim_id),
                                 claim_text(v, claim_id).date, quote_sources(v, record)))
    return rows


def render(site: PageRenderer) -> None:
    render_rows_by_source(site, KIND, "Quotations", "Every direct quotation in the sources, with who said it and when.",
                          quotation_rows)
