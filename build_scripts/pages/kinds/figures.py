"""The numbers that measure the story, with what they measure; split by source
when long. The home page shows a few of them (``key_figures``).

A figure's ``kind`` decides (model.MEASURING_FIGURES): amounts, counts,
ratios and durations are key figures; dates, ranks ("first-ever") and
versions ("4.0" of a licence) are shown only with their claim."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.content import model
from build_scripts.pages import paging
from build_scripts.pages.context import PageContext
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import format_number
from build_scripts.pages.links import Link
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.claims import EVIDENCE_SHOWN, in_page_order
from build_scripts.pages.views.corrections import claim_url, conflict_views
from build_scripts.pages.views.source_tables import parts_by_source, quote_sources, render_rows_by_source

KIND = PAGE_KINDS["figures"]


@dataclass(frozen=True)
class FigureRow:
    said_as: str
    value: str
    unit: str
    measures: str
    statement: str
    quote_link: Link
    topics: list[Link]
    conflicts: list  # corrections.ConflictView: the claims its claim is marked as contradicting
    sources: list[Link]  # each source that carries it, linked to its quote there
    claim: Link  # its claim, at the claim's address


def _has_figures(claim) -> bool:
    """Whether a claim (a model.Claim) gives a figure that measures the story."""
    return any(figure.measures_the_story for figure in claim.figures)


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    return parts_by_source(indexes, KIND, _has_figures)


def _row(v: PageContext, claim_id: str, record, figure) -> FigureRow:
    # Made from the claim's record, not its view: a row names no actor (see quote_sources).
    return FigureRow(figure.said_as, format_number(figure.value, figure.unit), figure.unit, figure.measures,
                     record.statement, v.quote_link(claim_id), v.topic_links(record.topics),
                     conflict_views(v, claim_id, EVIDENCE_SHOWN), quote_sources(v, record),
                     Link(record.statement, claim_url(v, claim_id)))


def figure_rows(v: PageContext, claim_ids: tuple[str, ...] | None = None) -> list[FigureRow]:
    """The figures that measure the story, of every claim or of ``claim_ids``, in page order."""
    claims = v.content.claims
    if claim_ids is None:
        claim_ids = [i for i, located in claims.items() if _has_figures(located.record)]
    rows = []
    for claim_id in in_page_order(v.indexes, claim_ids):
        record = claims[claim_id].record
        rows += [_row(v, claim_id, record, figure) for figure in record.figures if figure.measures_the_story]
    return rows


def key_figures(v: PageContext, count: int, per_topic: int = 2, story: model.Story | None = None) -> list[FigureRow]:
    """Figures for the home page: those of the claims content/dossier.yaml
    lists in ``key_figures``, in its order. A dossier that lists none gets
    the first ones of each topic, in topic order, so that every thread of the
    story shows its numbers. Only figures that measure the story, in either case.
    For a story's page (``story``): its own ``key_figures``, or the first figures of its topics."""
    if story is not None:
        chosen_ids = story.key_figures
    else:
        chosen_ids = v.content.dossier.record.key_figures if v.content.dossier else []
    if chosen_ids:
        return figure_rows(v, tuple(chosen_ids))
    order = {t: i for i, t in enumerate(v.indexes.topics_in_order)}
    claims = v.content.claims
    taken: dict[str, int] = {}
    chosen = []
    # Chosen from the records; a claim's view is made only for the claims shown (making every
    # claim's view was most of the home page's time, and tied it to every actor's name).
    spans = v.checked.quote_spans
    ids = in_page_order(v.indexes, [i for i, located in claims.items() if _has_figures(located.record)])
    ids.sort(key=lambda c: (order[claims[c].record.topics[0]], spans[c].start))
    for claim_id in ids:
        if len(chosen) >= count:
            break
        record = claims[claim_id].record
        if story is not None and record.topics[0] not in story.topics:
            continue
        for figure in record.figures:
            if figure.measures_the_story and taken.get(record.topics[0], 0) < per_topic:
                taken[record.topics[0]] = taken.get(record.topics[0], 0) + 1
                chosen.append(_row(v, claim_id, record, figure))
    return chosen[:count]


def render(site: PageRenderer) -> None:
    render_rows_by_source(site, KIND, "Key figures", "The numbers that measure the story, with what each measures.",
                          figure_rows)
