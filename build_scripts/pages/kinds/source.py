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
from build_scripts.pages import addresses, dependencies, paging
from build_scripts.pages.addresses import page_path, passage_anchor
from build_scripts.pages.context import PageContext
from build_scripts.pages.dependencies import remember
from build_scripts.pages.derived import reader
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.kinds.compare import compared_sources, is_table
from build_scripts.pages.labels import format_date
from build_scripts.pages.links import Link, html_url, relative_url
from build_scripts.pages.lists import PartNav, first, part_entries, parts_of, text_parts_of
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer, template_environment
from build_scripts.pages.views import jsonld
from build_scripts.pages.views.changes import last_changed
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

    starting: list[str]  # the claims whose quote starts here
    anchored: list[str]  # those of them marked with their own quote anchor (the others share the first's)
    claims: str  # space-separated ids of the claims quoting the run ("" if none), the first MARK_CLAIMS_NAMED
    claim_count: int | None  # how many claims quote the run, where ``claims`` names only some
    quote_target: Markup | None  # where quoted text leads: its claim, or its passage entry
    pieces: list[ReaderPiece]


@dataclass(frozen=True)
class PassageView:
    """A run of text quoted by several claims, with a link to each of them (to the first
    PASSAGE_CLAIMS_SHOWN: the others follow them in the list of the source's claims)."""

    anchor: Markup
    excerpt: str
    claims: list[Link]
    more: int = 0  # claims quoting it that are not linked
    more_url: Markup | None = None  # the first of them, in the list of the source's claims


# A passage links to this many of the claims that quote it; a sentence quoted by
# thousands of claims must not make its part of the text heavier than a page.
PASSAGE_CLAIMS_SHOWN = 20
# Nor may its highlight and its anchors: a highlight names this many of the claims
# that quote it (``data-claims``; ``data-claim-count`` counts them all, when more),
# and this many of the claims whose quote starts at one place have an anchor of
# their own there; the others' links lead to the first one's (``shared_anchor``).
# Today's text has at most 2 claims on a highlight and 1 starting at one place.
MARK_CLAIMS_NAMED = 20
QUOTE_ANCHORS_AT_ONE_PLACE = 20
# "Reported by other sources too" lists this many of a page's claims; the rest
# are on the source's comparison (a claim per line there, in parts), since one
# block of text cannot be cut however many claims start in it.
CORROBORATED_SHOWN = 40


def parts(indexes: PageIndexes, source_id: str) -> list[paging.Part]:
    """The claims listed under the source's text, in numbered parts."""
    return paging.numbered(in_page_order(indexes, claim_ids_about(indexes, "source", source_id)), KIND.per_page)


# The annotated text is cut into parts, at block boundaries, when the page's
# Markdown (the page around the text, and the text's blocks with their side
# notes, marks and links, the passages and corroboration lines that go with
# them) would pass WHOLE_PAGE_BYTES; each part then holds up to
# PART_TEXT_BYTES of the text. The theme adds some 20 KB of HTML around a
# page, and Markdown lists of links grow by about 24 bytes an item once HTML
# (counted in): so a page kept whole stays under 100 KB, and a part well
# under. Today's article weighs 79,035 and makes a page of 99 KB (the
# synthetic dossiers' articles, shaped like it, up to 79,900): each is one
# page, and a heavier text is cut.
WHOLE_PAGE_BYTES = 80_000
PART_TEXT_BYTES = 64_000
LINK_ITEM_BYTES = 24


@dataclass(frozen=True)
class TextParts:
    """A source's annotated text in parts: the blocks of each part, and the part
    that holds each claim's quote (where it starts) and each passage's entry."""

    paths: list[str]  # the page of each part: the source's page, then sources/<id>/text-<n>.md
    blocks: list[range]  # the blocks of each part
    page_of_quote: dict[str, str]  # claim id -> the page its quote starts on
    page_of_passage: dict[int, str]  # passage number -> the page of its entry
    shared_anchor: dict[str, str]  # claim id -> the claim whose quote anchor it shares (where it has none)

    @property
    def is_split(self) -> bool:
        return len(self.paths) > 1


def text_parts(indexes: PageIndexes, source_id: str) -> TextParts:
    """Where the text of ``source_id`` is cut into parts (``lists.text_parts_of`` keeps it
    once per build): every block is made once, as it would be printed, and measured."""
    path = KIND.path_of(source_id)
    v = PageContext(indexes, path).measuring_copy()
    claims = claims_about(v, "source", source_id)
    split_claims = parts_of(indexes, KIND.name, source_id).is_split
    whole = {c: path for c in claim_ids_about(indexes, "source", source_id)}
    paragraphs, passages, passage_block = reading(v, source_id, whole, {})
    shared_anchor = {c: run.anchored[0] for runs in paragraphs for run in runs
                     for c in run.starting if c not in run.anchored}
    notes = [] if split_claims else side_notes(paragraphs, claims)
    macros = template_environment().get_template("_source_text.md.j2").module
    by_id = {c.id: c for c in claims}
    costs = [len(str(macros.block(runs, notes[index] if notes else [], source_id)).encode("utf-8"))
             for index, runs in enumerate(paragraphs)]
    for number, passage in enumerate(passages, 1):
        costs[passage_block[number]] += len(passage.excerpt.encode("utf-8")) + 80 + sum(
            len(c.text.encode("utf-8")) + len(c.url) + LINK_ITEM_BYTES for c in passage.claims)
    for index, runs in enumerate(paragraphs):
        cost = 0
        for claim_id in (c for run in runs for c in run.starting):
            claim = by_id[claim_id]
            if len(claim.evidence) > 1:
                cost += len(claim.statement.encode("utf-8")) + 120 + LINK_ITEM_BYTES + sum(
                    len(e.source.text.encode("utf-8")) + 80 for e in claim.other_evidence(source_id))
        costs[index] += cost
    frame = len(template_environment().get_template("source.md.j2").render(
        v=v, page_title=v.title_of("source", source_id),
        **page_data(v, source_id, claims, parts_of(indexes, KIND.name, source_id), None, [], [], [], notes)).encode("utf-8"))
    if frame + sum(costs) <= WHOLE_PAGE_BYTES:
        cuts = [range(len(paragraphs))]
    else:
        cuts, first, size = [], 0, 0
        for index, cost in enumerate(costs):
            if index > first and size + cost > PART_TEXT_BYTES:
                cuts.append(range(first, index))
                first, size = index, 0
            size += cost
        cuts.append(range(first, len(paragraphs)))
    paths = [path] + [addresses.source_text_part(source_id, n) for n in range(2, len(cuts) + 1)]
    page_of_block = {index: page for blocks, page in zip(cuts, paths, strict=True) for index in blocks}
    page_of_quote = {c: page_of_block[index] for index, runs in enumerate(paragraphs)
                     for run in runs for c in run.starting}
    page_of_passage = {number: page_of_block[block] for number, block in passage_block.items()}
    return TextParts(paths, cuts, page_of_quote, page_of_passage, shared_anchor)


def render(site: PageRenderer, source_id: str) -> None:
    located = site.content.sources[source_id]
    path = KIND.path_of(source_id)
    text = text_parts_of(site.indexes, source_id)
    listed = parts_of(site.indexes, KIND.name, source_id)
    split = listed.is_split
    name = site.context(path).title_of("source", source_id)
    told_in = site.indexes.stories.of_source.get(source_id, ())
    story = told_in[0] if len(told_in) == 1 else None  # a source of several stories is named by none of them
    for number, (page, blocks) in enumerate(zip(text.paths, text.blocks, strict=True), 1):
        v = site.context(page)
        paragraphs, passages, passage_block = reading(v, source_id, text.page_of_quote, text.page_of_passage)
        claims = claims_about(v, "source", source_id)
        notes = [] if split else side_notes(paragraphs, claims)
        macros = site.env.get_template("_source_text.md.j2").module
        starting_here = {c for index in blocks for run in paragraphs[index] for c in run.starting}
        title = name if number == 1 else f"{name}: part {number} of {len(text.paths)}"
        site.render(
            "source", page, located.origin.path, title,
            f"The full text of “{name}”, with every quoted passage marked and linked to its claims."
            + ("" if number == 1 else f" (part {number} of {len(text.paths)})"),
            search_boost=KIND.search_boost, story=story,
            **page_data(v, source_id, claims, listed, text_nav(v, text, number - 1, name) if text.is_split else None,
                        [macros.block(paragraphs[index], notes[index] if notes else [], source_id) for index in blocks],
                        [p for n, p in enumerate(passages, 1) if passage_block[n] in blocks],
                        [c for c in claims if not text.is_split or c.id in starting_here], notes=notes),
        )
    if split:
        site.render_parts(KIND, "source_claims", located.origin.path,
                          f"Claims quoting “{name}”", f"The claims that quote “{name}”.",
                          lambda pv: Link(name, relative_url(pv.page, path)),
                          lambda pv, part: {"claims": claims_at(pv, part.items), "source_id": source_id},
                          record_id=source_id, story=story)


def page_data(v: PageContext, source_id: str, claims: list, listed, text_part: PartNav | None, blocks: list,
              passages: list[PassageView], shown_claims: list, notes: list | None = None) -> dict:
    """What the template prints on a page of the source (or on the part ``text_part`` of its
    text): ``blocks`` of the text, and the ``passages`` and the corroboration lines of the
    ``shown_claims`` that go with them."""
    source = v.content.sources[source_id].record
    original = source.original_publisher
    corroborated = [c for c in shown_claims if len(c.evidence) > 1]
    return dict(
        source_id=source_id, source=source, passages=passages, blocks=blocks, notes=notes or [],
        claim_count=len(claims), text_part=text_part,
        corroborated=[(Link(c.statement, claim_under_source_url(v, c.id, source_id=source_id)),
                       c.other_evidence(source_id), c.more_other_evidence(source_id), c.all_evidence_url)
                      for c in corroborated[:CORROBORATED_SHOWN]],
        corroborated_count=len(corroborated),
        corroborated_more=comparison_link(v, source_id) if len(corroborated) > CORROBORATED_SHOWN else None,
        claim_parts=part_entries(v.page, listed) if listed.is_split else [],
        published=format_date(source.published.value),
        last_changed=last_changed(v.indexes, "source", source_id),
        jsonld=jsonld.scripts(jsonld.news_article(
            source, v.content.actors[source.publisher].record,
            v.content.actors[original].record if original else None),
            jsonld.corrected_page(shown_corrections(v.content, None, claims))),
    )


def comparison_link(v: PageContext, source_id: str) -> Link:
    """Where every claim of the source that others report too is listed: its own
    comparison page while Compare sources is a table of sources, else that page."""
    if is_table(v.indexes) and source_id in compared_sources(v.indexes):
        return Link("its comparison with the other sources",
                    relative_url(v.page, PAGE_KINDS["compare_source"].path_of(source_id)))
    return Link("Compare sources", v.link_to_page("compare").url)


def text_nav(v: PageContext, text: TextParts, index: int, title: str) -> PartNav:
    """Where part ``index`` of a source's text stands: "part 2 of 3", with its neighbours."""
    count = len(text.paths)
    link = lambda i: Link(f"part {i + 1} of {count}", relative_url(v.page, text.paths[i]))  # noqa: E731
    return PartNav(f"Part {index + 1} of {count}", index + 1, count, len(text.blocks[index]),
                   sum(len(blocks) for blocks in text.blocks), Link(title, relative_url(v.page, text.paths[0])),
                   link(index - 1) if index > 0 else None, link(index + 1) if index + 1 < count else None)


def side_notes(paragraphs: list[list[ReaderRun]], claims: list) -> list[list]:
    """For each paragraph, the claims (views, in page order) whose quote starts in it."""
    by_id = {claim.id: claim for claim in claims}
    notes = []
    for runs in paragraphs:
        starting = {claim_id for run in runs for claim_id in run.starting}
        notes.append([claim for claim in claims if claim.id in starting])
    assert sum(len(n) for n in notes) == len(by_id), "a claim whose quote starts in no paragraph"
    return notes


def actor_mentions_in(indexes: PageIndexes, source_id: str) -> list[reader.Mention]:
    """Where the source's text names an actor; cut off for the incremental preview
    (pages/dependencies.py): a renamed actor changes the mentions of the texts that name it only."""
    return remember(indexes.made_once, (ACTOR_MENTIONS, source_id),
                    lambda: reader.actor_mentions(indexes.checked.texts[source_id], indexes.actor_names_by_first_word),
                    cut_off=ACTOR_MENTIONS)


ACTOR_MENTIONS = dependencies.cut_off_entry("actor_mentions", lambda indexes, key: actor_mentions_in(indexes, key[1]),
                                            lambda indexes: indexes.made_once)


def reading(v: PageContext, source_id: str, page_of_quote: dict[str, str], page_of_passage: dict[int, str]
            ) -> tuple[list[list[ReaderRun]], list[PassageView], dict[int, int]]:
    """The source text as paragraphs (blocks) of pieces, the passages quoted by several claims,
    and the block each passage starts in (by passage number). ``page_of_quote`` and
    ``page_of_passage``: the part of the text that holds each claim's quote and each passage
    (``text_parts``), where the claims stand beside the text."""
    indexes = v.indexes
    spans = v.checked.spans_by_source.get(source_id, {})
    result = reader.read(v.checked.texts[source_id], spans, None, mentions=actor_mentions_in(indexes, source_id))
    text = v.checked.texts[source_id].text
    claims = v.content.claims
    passage_numbers: dict[int, int] = {}
    passages: list[PassageView] = []
    for index, run in enumerate(result.runs):
        if len(run.claims) > 1:
            passage_numbers[index] = len(passages) + 1
            excerpt = re.sub(r"\s+", " ", text[run.span.start : run.span.end]).strip()
            by_position = sorted(run.claims, key=lambda c: (spans[c].start, -spans[c].end, c))
            url = lambda c: claim_under_source_url(v, c, source_id=source_id, text_pages=page_of_quote)  # noqa: E731
            shown, rest = by_position[:PASSAGE_CLAIMS_SHOWN], by_position[PASSAGE_CLAIMS_SHOWN:]
            passages.append(PassageView(
                passage_anchor(len(passages) + 1), excerpt,
                [Link(claims[c].record.statement, url(c)) for c in shown], len(rest), url(rest[0]) if rest else None,
            ))
    paragraphs = []
    passage_block: dict[int, int] = {}
    for block, pieces in enumerate(result.paragraphs):
        runs: list[ReaderRun] = []
        previous = None
        for piece in pieces:
            if not runs or piece.run != previous:
                target = None
                if piece.run is not None:
                    if piece.run in passage_numbers:
                        number = passage_numbers[piece.run]
                        passage_block.setdefault(number, block)
                        page = page_of_passage.get(number, v.page)
                        target = (Markup(f"#{passage_anchor(number)}") if page == v.page
                                  else html_url(v.page, page, passage_anchor(number)))
                    else:
                        target = claim_under_source_url(v, piece.claims[0], raw_html=True, source_id=source_id,
                                                        text_pages=page_of_quote)
                named, more = first(piece.claims, MARK_CLAIMS_NAMED)
                runs.append(ReaderRun([], [], " ".join(named), len(piece.claims) if more else None, target, []))
            previous = piece.run
            run = runs[-1]
            run.starting.extend(piece.starts)
            run.anchored.extend(piece.starts[:QUOTE_ANCHORS_AT_ONE_PLACE])
            piece_text = re.sub(r"\s*\n\s*", " ", piece.text)
            name = v.title_of("actor", piece.actor) if piece.actor else None
            run.pieces.append(ReaderPiece(
                piece_text,
                html_url(v.page, page_path("actor", piece.actor)) if piece.actor else None,
                name if name is not None and normalise(name) != normalise(piece_text) else None,
            ))
        paragraphs.append(runs)
    return paragraphs, passages, passage_block
