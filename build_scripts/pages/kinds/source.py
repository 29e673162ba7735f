"""One page per source: the annotated reader (the full text, every quoted
passage marked and linked to its claims, actors' names linked to their
pages) with side notes: beside each paragraph, the claims whose quote starts
in it. When a source has more claims than a page holds, they are listed on
pages of their own instead, in numbered parts (``source_claims.md.j2``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.content.source_text import normalise
from build_scripts.pages import paging
from build_scripts.pages.addresses import page_path, passage_anchor
from build_scripts.pages.context import PageContext
from build_scripts.pages.derived import reader
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import format_date
from build_scripts.pages.links import Link, html_url, relative_url
from build_scripts.pages.lists import part_entries, parts_of
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views import jsonld
from build_scripts.pages.views.claims import (
    claim_ids_about,
    claim_under_source_url,
    claims_about,
    claims_at,
    in_page_order,
)
from build_scripts.pages.views.corrections import shown_corrections

KIND = PAGE_KINDS["source"]


@dataclass(frozen=True)
class ReaderPiece:
    """A piece of the annotated source text: plain text, or an actor's name."""

    text: str
    actor_url: Markup | None  # the actor this piece names
    actor_title: str | None  # the actor's name, where the text calls it otherwise


@dataclass(frozen=True)
class ReaderRun:
    """Pieces of the source text that show as one: a highlighted quote (every
    piece quoted by the same claims), or a stretch that no claim quotes.

    Which claims a highlight belongs to is printed once on the run, not on
    each of its pieces; the claim's statement is one click away, not repeated
    as hover text (the page is long enough with the text and its claims)."""

    starting: list[str]  # the claims whose quote starts here (the template marks each with its quote anchor)
    claims: str  # space-separated ids of the claims quoting the run ("" if none)
    quote_target: Markup | None  # where quoted text leads: its claim, or its passage entry
    pieces: list[ReaderPiece]


@dataclass(frozen=True)
class PassageView:
    """A run of text quoted by several claims, with a link to each of them."""

    anchor: Markup
    excerpt: str
    claims: list[Link]


def parts(indexes: PageIndexes, source_id: str) -> list[paging.Part]:
    """The claims listed under the source's text, in numbered parts."""
    return paging.numbered(in_page_order(indexes, claim_ids_about(indexes, "source", source_id)), KIND.per_page)


def render(site: PageRenderer, source_id: str) -> None:
    located = site.content.sources[source_id]
    source = located.record
    path = KIND.path_of(source_id)
    v = site.context(path)
    paragraphs, passages = reading(v, source_id)
    original = source.original_publisher
    claims = claims_about(v, "source", source_id)
    listed = parts_of(site.indexes, KIND.name, source_id)
    split = listed.is_split
    site.render(
        "source", path, located.origin.path, source.title,
        f"The full text of “{source.title}”, with every quoted passage marked and linked to its claims.",
        search_boost=KIND.search_boost,
        source_id=source_id, source=source, paragraphs=paragraphs, passages=passages,
        notes=[] if split else side_notes(paragraphs, claims), claim_count=len(claims),
        corroborated=[(Link(c.statement, claim_under_source_url(v, c.id, source_id=source_id)),
                       c.other_evidence(source_id), c.more_other_evidence(source_id), c.all_evidence_url)
                      for c in claims if len(c.evidence) > 1],
        claim_parts=part_entries(path, listed) if split else [],
        published=format_date(source.published.value),
        jsonld=jsonld.scripts(jsonld.news_article(
            source, site.content.actors[source.publisher].record,
            site.content.actors[original].record if original else None),
            jsonld.corrected_page(shown_corrections(site.content, None, claims))),
    )
    if split:
        site.render_parts(KIND, "source_claims", located.origin.path,
                          f"Claims quoting “{source.title}”", f"The claims that quote “{source.title}”.",
                          lambda pv: Link(source.title, relative_url(pv.page, path)),
                          lambda pv, part: {"claims": claims_at(pv, part.items), "source_id": source_id},
                          record_id=source_id)


def side_notes(paragraphs: list[list[ReaderRun]], claims: list) -> list[list]:
    """For each paragraph, the claims (views, in page order) whose quote starts in it."""
    by_id = {claim.id: claim for claim in claims}
    notes = []
    for runs in paragraphs:
        starting = {claim_id for run in runs for claim_id in run.starting}
        notes.append([claim for claim in claims if claim.id in starting])
    assert sum(len(n) for n in notes) == len(by_id), "a claim whose quote starts in no paragraph"
    return notes


def reading(v: PageContext, source_id: str) -> tuple[list[list[ReaderRun]], list[PassageView]]:
    """The source text as paragraphs of pieces, and the passages quoted by several claims."""
    indexes = v.indexes
    spans = v.checked.spans_by_source.get(source_id, {})
    result = reader.read(v.checked.texts[source_id], spans, indexes.actor_names_by_first_word)
    text = v.checked.texts[source_id].text
    claims = v.content.claims
    passage_numbers: dict[int, int] = {}
    passages: list[PassageView] = []
    for index, run in enumerate(result.runs):
        if len(run.claims) > 1:
            passage_numbers[index] = len(passages) + 1
            excerpt = re.sub(r"\s+", " ", text[run.span.start : run.span.end]).strip()
            by_position = sorted(run.claims, key=lambda c: (spans[c].start, -spans[c].end, c))
            passages.append(PassageView(
                passage_anchor(len(passages) + 1), excerpt,
                [Link(claims[c].record.statement, claim_under_source_url(v, c, source_id=source_id)) for c in by_position],
            ))
    paragraphs = []
    for pieces in result.paragraphs:
        runs: list[ReaderRun] = []
        previous = None
        for piece in pieces:
            if not runs or piece.run != previous:
                target = None
                if piece.run is not None:
                    if piece.run in passage_numbers:
                        target = Markup(f"#{passage_anchor(passage_numbers[piece.run])}")
                    else:
                        target = claim_under_source_url(v, piece.claims[0], raw_html=True, source_id=source_id)
                runs.append(ReaderRun([], " ".join(piece.claims), target, []))
            previous = piece.run
            run = runs[-1]
            run.starting.extend(piece.starts)
            piece_text = re.sub(r"\s*\n\s*", " ", piece.text)
            name = v.title_of("actor", piece.actor) if piece.actor else None
            run.pieces.append(ReaderPiece(
                piece_text,
                html_url(v.page, page_path("actor", piece.actor)) if piece.actor else None,
                name if name is not None and normalise(name) != normalise(piece_text) else None,
            ))
        paragraphs.append(runs)
    return paragraphs, passages
