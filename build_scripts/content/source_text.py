"""Source texts: normalised for matching, indexed for quotes, split into sentences.

Matching forgives what a curator cannot see or type the same way: runs of
white space (the seed has non-breaking spaces) and typographic quotes and
apostrophes. Offsets always point into the original, unedited text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

_EQUIVALENT = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
}
_INDEX_KEY = 6
_SPACE = re.compile(" ")


_EQUIVALENT_TABLE = str.maketrans(_EQUIVALENT)


def normalise(text: str) -> str:
    """The matching form of a quote: one space for any white space, plain quotes.

    The same result as ``_normalise_with_offsets(text)[0]`` (``str.split``
    splits on the same white space as ``str.isspace``), without a loop in Python.
    """
    return " ".join(text.translate(_EQUIVALENT_TABLE).split())


def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    offsets: list[int] = []
    previous_space = True  # also strips leading white space
    for index, char in enumerate(text):
        if char.isspace():
            if not previous_space:
                out.append(" ")
                offsets.append(index)
            previous_space = True
            continue
        out.append(_EQUIVALENT.get(char, char))
        offsets.append(index)
        previous_space = False
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class SourceText:
    """One seed file's text with what quote matching needs."""

    text: str
    normal: str = field(init=False)
    offsets: list[int] = field(init=False)
    _index: dict[str, list[int]] = field(init=False)

    def __post_init__(self) -> None:
        self.normal, self.offsets = _normalise_with_offsets(self.text)
        # Where each word starts, by its first few characters: finding a quote
        # costs the candidates of its rarest key, not the length of the text.
        index: dict[str, list[int]] = {}
        normal = self.normal
        for position in [0, *(m.end() for m in _SPACE.finditer(normal))]:
            key = normal[position : position + _INDEX_KEY]
            if len(key) == _INDEX_KEY:
                index.setdefault(key, []).append(position)
        self._index = index

    def find(self, quote: str) -> list[Span]:
        """Every place ``quote`` occurs, as spans of the original text."""
        needle = normalise(quote)
        if not needle:
            return []
        # Inside the quote, a character after a space starts a word of the
        # text too, so its key is indexed; the rarest such key gives the
        # fewest places to compare. (Common words such as "that the" start
        # many places; a name or a rarer word, few.)
        keyed = [m.end() for m in _SPACE.finditer(needle, 0, len(needle) - _INDEX_KEY)]
        if keyed:
            offset = min(keyed, key=lambda o: len(self._index.get(needle[o : o + _INDEX_KEY], ())))
            candidates = self._index.get(needle[offset : offset + _INDEX_KEY], [])
            starts = [p - offset for p in candidates
                      if p >= offset and self.normal.startswith(needle, p - offset)]
        else:
            # One word, or too short for a key: scan the text (without a
            # regex: one per name would overflow re's cache of compiled ones).
            starts = []
            start = self.normal.find(needle)
            while start != -1:
                starts.append(start)
                start = self.normal.find(needle, start + len(needle))  # as re.finditer: no overlaps
        return [self._span(start, start + len(needle)) for start in starts]

    def _span(self, normal_start: int, normal_end: int) -> Span:
        return Span(self.offsets[normal_start], self.offsets[normal_end - 1] + 1)

    def closest_passage(self, quote: str) -> str:
        """The sentence most like ``quote``, for a helpful error message."""
        needle = normalise(quote)
        best, best_ratio = "", 0.0
        for span in self.sentences():
            sentence = normalise(self.text[span.start : span.end])
            matcher = difflib.SequenceMatcher(None, needle, sentence, autojunk=False)
            block = matcher.find_longest_match(0, len(needle), 0, len(sentence))
            ratio = block.size / max(len(needle), 1)
            if ratio > best_ratio:
                best, best_ratio = sentence, ratio
        return best

    def sentences(self) -> list[Span]:
        return split_sentences(self.text)


# A sentence ends at . ! or ? (perhaps followed by a closing quote or
# bracket) before white space and a capital letter, digit, quote or bracket —
# except after an initialism such as "U.S." or "U.K.", which this article uses
# mid-sentence ("the U.S. has struggled").
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)]?(?=\s+[\"'\u201c\u2018(]?[A-Z0-9(])")
_INITIALISM = re.compile(r"(?:\b[A-Z]\.){2,}$")


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = _skip_space(text, 0)
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if _INITIALISM.search(text[start:end]) and not _starts_new_sentence(text[end:].lstrip()):
            continue
        if end > start:
            spans.append(Span(start, end))
        start = _skip_space(text, end)
    tail_end = len(text.rstrip())
    if tail_end > start:
        spans.append(Span(start, tail_end))
    return spans


def _starts_new_sentence(following: str) -> bool:
    # After "U.S." a capitalised word usually continues the sentence when it
    # is a name ("the U.S. Treasury"); a new sentence starts with a common
    # opener. Only the listed openers end the sentence after an initialism.
    word = following.split(" ", 1)[0]
    return word in {"The", "This", "That", "These", "Those", "It", "In", "On", "But", "And", "Last", "While"}


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index
