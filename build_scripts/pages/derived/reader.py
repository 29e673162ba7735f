"""The annotated reader: a source text cut into pieces for the source page.

The text is cut wherever a quoted span starts or ends, wherever an actor's
name or alias starts or ends, and at paragraph breaks. Each piece then knows
which claims quote it and which actor it names, so the template can highlight
it and link it without ever nesting one link inside another:

- quoted text links to its claim, or, when several claims quote it, to a
  "passage" entry below the text that links to each of them;
- an actor's name links to the actor's page, highlighted too when quoted.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, replace

from build_scripts.content.memo import remembered
from build_scripts.content.source_text import SourceText, Span, normalise

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")


@dataclass(frozen=True)
class Mention:
    """An actor's name or alias as it stands in the text."""

    span: Span
    actor: str


@dataclass(frozen=True)
class Piece:
    text: str
    claims: tuple[str, ...]  # claims whose quote covers this piece, sorted
    run: int | None  # index of the quoted run this piece belongs to
    actor: str | None  # the actor this piece names, if any
    starts: tuple[str, ...]  # claims whose quote starts here


@dataclass(frozen=True)
class Run:
    """A maximal stretch of text quoted by the same set of claims."""

    span: Span
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    paragraphs: list[list[Piece]]
    runs: list[Run]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _words_of(text: SourceText) -> set[str]:
    return set(_WORD.findall(text.normal)) | {""}


def actor_mentions(text: SourceText, by_first_word: dict[str, list[tuple[str, str]]]) -> list[Mention]:
    """Every place the text names an actor, by name or alias, whole words only.

    Where names overlap ("the Trump administration" and "Trump"), the longer
    one wins; ties go to the earlier one, then to the actor id.
    """
    candidates: list[Mention] = []
    # Only names whose first word is a word of the text can stand in it: the
    # others are not searched for (every name in every text would cost
    # sources x actors).
    words = remembered("words", text, functools.partial(_words_of, text))
    names = sorted((actor_id, name) for word in words & by_first_word.keys() for actor_id, name in by_first_word[word])
    for actor_id, name in names:
        # In the preview, looked up again only for a name or a text the last run did not have (content/memo.py).
        for span in remembered("found", text, functools.partial(text.find, name), key=name):
            before = text.text[span.start - 1] if span.start > 0 else " "
            after = text.text[span.end] if span.end < len(text.text) else " "
            # "India" must not match inside "Indian".
            if _is_word_char(before) or _is_word_char(after):
                continue
            candidates.append(Mention(span, actor_id))
    candidates.sort(key=lambda m: (-(m.span.end - m.span.start), m.span.start, m.actor))
    chosen: list[Mention] = []
    for mention in candidates:
        if not any(mention.span.start < c.span.end and c.span.start < mention.span.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.span.start)


# A paragraph longer than this is shown in blocks of whole sentences (a text
# with no paragraph breaks, like today's article, would read as one wall of
# text, with every side note beside it).
BLOCK_CHARACTERS = 700
# A text is cut into pages between blocks, never inside one (pages/kinds/source.py):
# so a stretch with no sentence end longer than this (a list, a transcript without
# full stops, a hostile text of one 40,000-byte sentence) is cut into blocks of up
# to BLOCK_CHARACTERS at a space, or, failing any, anywhere. Today's longest block
# holds 737 characters.
LONGEST_BLOCK = 2 * BLOCK_CHARACTERS


def reading_blocks(text: str, paragraphs: list[Span], sentences: list[Span]) -> list[Span]:
    """The paragraphs, each longer than ``BLOCK_CHARACTERS`` cut at sentence
    ends into blocks of about that length (a sentence is never cut, unless it
    is longer than ``LONGEST_BLOCK``: then at spaces)."""
    blocks: list[Span] = []
    for paragraph in paragraphs:
        if paragraph.end - paragraph.start <= BLOCK_CHARACTERS:
            blocks.append(paragraph)
            continue
        ends = [s.end for s in sentences if paragraph.start < s.end < paragraph.end]
        start = paragraph.start
        for end in [*ends, paragraph.end]:
            while end - start > LONGEST_BLOCK:
                cut = _space_before(text, start, start + BLOCK_CHARACTERS)
                blocks.append(Span(start, cut))
                start = _skip_space(text, cut, paragraph.end)
            if end == paragraph.end:
                blocks.append(Span(start, end))
            elif end - start >= BLOCK_CHARACTERS * 0.6:
                blocks.append(Span(start, end))
                start = _skip_space(text, end, paragraph.end)
    return blocks


def _space_before(text: str, start: int, limit: int) -> int:
    """Where a block that starts at ``start`` ends, at the latest at ``limit``: before the
    last space (and any spaces before it), or at ``limit`` in a stretch with none."""
    cut = max((i for i in range(limit, start, -1) if text[i].isspace()), default=limit)
    while cut > start + 1 and text[cut - 1].isspace():
        cut -= 1
    return cut


def _skip_space(text: str, at: int, end: int) -> int:
    while at < end and text[at].isspace():
        at += 1
    return at


def paragraph_spans(text: str) -> list[Span]:
    """The paragraphs of a text (separated by blank lines), without the breaks."""
    spans = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append(Span(start, match.start()))
        start = match.end()
    spans.append(Span(start, len(text.rstrip())))
    return [s for s in spans if s.end > s.start and text[s.start : s.end].strip()]


def quoted_runs(spans: dict[str, Span]) -> list[Run]:
    cuts = sorted({s.start for s in spans.values()} | {s.end for s in spans.values()})
    runs: list[Run] = []
    for start, end in itertools.pairwise(cuts):
        claims = tuple(sorted(c for c, s in spans.items() if s.start <= start and end <= s.end))
        if not claims:
            continue
        if runs and runs[-1].claims == claims and runs[-1].span.end == start:
            runs[-1] = Run(Span(runs[-1].span.start, end), claims)
        else:
            runs.append(Run(Span(start, end), claims))
    return runs


def read(source: SourceText, spans: dict[str, Span], names_by_first_word: dict[str, list[tuple[str, str]]] | None,
         *, mentions: list[Mention] | None = None) -> Reading:
    """The text cut into pieces; ``spans``: where each claim's quote stands in it;
    ``names_by_first_word``: the actors' names (``names_by_first_word()``), or
    ``mentions``: where the text names them, found already (``actor_mentions``)."""
    text = source.text
    runs = quoted_runs(spans)
    if mentions is None:
        mentions = actor_mentions(source, names_by_first_word)
    paragraphs = reading_blocks(text, paragraph_spans(text), source.sentences())
    cuts = {0, len(text)}
    cuts |= {s.start for s in spans.values()} | {s.end for s in spans.values()}
    cuts |= {m.span.start for m in mentions} | {m.span.end for m in mentions}
    cuts |= {p.start for p in paragraphs} | {p.end for p in paragraphs}
    ordered = sorted(cuts)
    # Runs and chosen mentions do not overlap and are in text order: the one
    # that holds a piece, if any, is the last to start at or before it.
    run_starts = [r.span.start for r in runs]
    mention_starts = [m.span.start for m in mentions]
    starting_at: dict[int, list[str]] = {}
    for claim_id, span in spans.items():
        starting_at.setdefault(span.start, []).append(claim_id)
    result: list[list[Piece]] = []
    for paragraph in paragraphs:
        pieces = []
        first = bisect.bisect_left(ordered, paragraph.start)
        last = bisect.bisect_right(ordered, paragraph.end)
        for start, end in itertools.pairwise(ordered[first:last]):
            run = _holding(run_starts, runs, start, end)
            mention = _holding(mention_starts, mentions, start, end)
            actor = mentions[mention].actor if mention is not None else None
            starts = tuple(sorted(starting_at.get(start, ())))
            pieces.append(Piece(text[start:end], runs[run].claims if run is not None else (), run, actor, starts))
        result.append(pieces)
    # A quoted run that is nothing but a name ("Moscow") would offer no link
    # to its claims: there, the quote link wins over the actor link.
    linkable = {p.run for pieces in result for p in pieces if p.run is not None and p.actor is None}
    result = [[replace(p, actor=None) if p.run is not None and p.run not in linkable else p for p in pieces]
              for pieces in result]
    return Reading(result, runs)


def _holding(starts: list[int], items: list, start: int, end: int) -> int | None:
    """The index of the item (sorted, not overlapping; ``starts`` their starts) whose span holds start..end."""
    index = bisect.bisect_right(starts, start) - 1
    return index if index >= 0 and end <= items[index].span.end else None


_WORD = re.compile(r"\w+")


def names_by_first_word(content) -> dict[str, list[tuple[str, str]]]:
    """{first word of a name or alias: (actor id, name)} ("" for a name without a word)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for actor_id, located in sorted(content.actors.items()):
        actor = located.record
        for name in dict.fromkeys([actor.name, *actor.aliases]):
            first = _WORD.search(normalise(name))
            index.setdefault(first.group() if first else "", []).append((actor_id, name))
    return index
