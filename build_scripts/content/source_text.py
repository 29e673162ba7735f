"""Source texts: read from their files (a size limit, the characters they may
hold), normalised for matching, indexed for quotes, split into sentences.

Matching forgives what a curator cannot see or type the same way: runs of
white space (the seed has non-breaking spaces) and typographic quotes and
apostrophes. Offsets always point into the original, unedited text.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from build_scripts.content.characters import first_forbidden
from build_scripts.content.problems import line_and_column

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


# -- Reading a seed file -------------------------------------------------------
#
# The one limit on the size of a source text, in bytes of its file. A source
# page shows its whole text: at this size an article-shaped text (a few claims,
# actors named in most sentences) gives a page under 100 KB of HTML
# (tests/test_bad_inputs.py builds one). About 6,000 words of English; a
# longer document is added in parts, each a source of its own.
MAX_TEXT_BYTES = 40_000


# Controls that only lay text out; named in messages, as unicodedata has no name for them.
_LAYOUT_CONTROLS = {"\t": "a tab", "\r": "a carriage return without a line feed"}


class TextRefused(Exception):
    """A source text the site does not read: what is wrong, where (1-based), and how to mend it."""

    def __init__(self, message: str, hint: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message, self.hint, self.line, self.column = message, hint, line, column


def check_size(size: int) -> None:
    """Refuses a text file of ``size`` bytes over the limit (asked before the file is read)."""
    if size > MAX_TEXT_BYTES:
        raise TextRefused(f"the text is {size:,} bytes; source texts may be at most {MAX_TEXT_BYTES:,} bytes",
                          f"split the document into parts of at most {MAX_TEXT_BYTES:,} bytes, each a source of "
                          "its own (seeds/<name>-1.txt, seeds/<name>-2.txt, …): a source's page shows its whole "
                          "text, and every page must stay under 100 KB")


def read_text(raw: bytes) -> str:
    """The text of a seed file as the site reads it, or TextRefused.

    UTF-8, with two differences that a reader cannot see normalised (the file
    itself stays as it is, its sha256 too): a byte order mark at the start is
    dropped, and Windows line ends (CRLF) are read as LF. Then the characters
    are those YAML text may hold (characters.py), line breaks included.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = line_and_column(raw, error.start)
        raise TextRefused(f"the text is not UTF-8 (byte 0x{raw[error.start]:02X} here)",
                          "save it as UTF-8 (and record the new sha256)", line, column) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    at = first_forbidden(text, allow_newlines=True)
    if at is not None:
        char = text[at]
        line, column = line_and_column(text, at)
        if char in _LAYOUT_CONTROLS:
            name, harm = _LAYOUT_CONTROLS[char], "which no text of the dossier may hold"
        else:
            name, harm = unicodedata.name(char, "a control character"), "which would hide or reorder what readers see"
        hint = {"\t": "replace it by a space", "\r": "end its lines with LF or CRLF"}.get(char, "remove it from the text")
        raise TextRefused(f"the text contains U+{ord(char):04X} ({name}), {harm}",
                          f"{hint} (and record the new sha256)", line, column)
    return text


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
    _folded: tuple[str, list[int]] | None = field(default=None, init=False, repr=False)  # explain_difference's

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


# -- Where a quote that is not in its source differs from it -------------------
#
# A contributor whose quote is refused needs to see the word to mend, not only
# the sentence it was probably taken from: the hint names the first place the
# quote differs from the closest passage, with the differing words marked, and
# says so when only quote marks, dashes or spaces differ (which matching
# forgives in part: curly and straight quotes of one kind, runs of spaces).

_QUOTE_MARKS = "'\"\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a`\u00b4"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FOLD_QUOTES = str.maketrans({c: '"' for c in _QUOTE_MARKS})
_FOLD_DASHES = str.maketrans({c: "-" for c in _DASHES})
_CONTEXT_WORDS = 4  # words shown either side of the first difference


def _fold(text: str, *, quotes: bool = True, dashes: bool = True, spaces: bool = True) -> str:
    """The text with the chosen kinds of difference made invisible."""
    if quotes:
        text = text.translate(_FOLD_QUOTES)
    if dashes:
        text = text.translate(_FOLD_DASHES)
    return "".join(text.split()) if spaces else " ".join(text.split())


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            continue
        out.append(_fold(char))
        offsets.append(index)
    return "".join(out), offsets


def _mark_words(words: list[str], start: int, end: int) -> str:
    """A few words around words[start:end], which are put in [brackets] ('[]': words missing here)."""
    first, last = max(0, start - _CONTEXT_WORDS), min(len(words), end + _CONTEXT_WORDS)
    marked = "[" + " ".join(words[start:end]) + "]"
    return " ".join([*(["…"] if first > 0 else []), *words[first:start], marked, *words[end:last],
                     *(["…"] if last < len(words) else [])])


def _first_different(quote: str, passage: str, chars: str, name: str) -> str:
    """' (the quote has ‘ where the source has ")': the first of the marks that differ."""
    ours = [c for c in quote if c in chars]
    theirs = [c for c in passage if c in chars]
    for mine, its in zip(ours, theirs, strict=False):  # the counts are compared after
        if mine != its:
            return f" (the quote has {mine} where the source has {its})"
    if len(ours) != len(theirs):
        return f" (the quote has {len(ours)} {name}, the source {len(theirs)})"
    return ""


def explain_difference(source: SourceText, quote: str) -> str:
    """How ``quote``, which is not in ``source``, differs from the passage closest to it.

    One sentence for a hint: the passage, and where the quote first differs
    from it with the differing words in [brackets]; or, when only quote
    marks, dashes or white space differ, which of them, and the exact words
    of the source to copy.
    """
    folded_quote = _fold(quote)
    if folded_quote:
        if source._folded is None:
            source._folded = _folded_with_offsets(source.text)
        folded_text, offsets = source._folded
        at = folded_text.find(folded_quote)
        if at != -1:
            passage = source.text[offsets[at] : offsets[at + len(folded_quote) - 1] + 1]
            kinds = [name for name, unfolded in (("quote marks", "quotes"), ("dashes", "dashes"), ("spaces", "spaces"))
                     if _fold(quote, **{unfolded: False}) != _fold(passage, **{unfolded: False})]
            what = " and ".join([", ".join(kinds[:-1]), kinds[-1]] if len(kinds) > 1 else kinds) or "invisible characters"
            marks = [_first_different(quote, passage, chars, name)
                     for name, chars in (("quote marks", _QUOTE_MARKS), ("dashes", _DASHES)) if name in kinds]
            return (f"only the {what} differ from the source{''.join(marks)}; "
                    f"the source has: {' '.join(passage.split())} (copy these words as they are)")
    quote_words = normalise(quote).split(" ")
    text_words = source.normal.split(" ")
    if not quote_words or quote_words == [""] or not text_words:
        return ""
    # The passage: source words aligned with the quote around their longest common run.
    matcher = difflib.SequenceMatcher(None, quote_words, text_words, autojunk=False)
    anchor = matcher.find_longest_match(0, len(quote_words), 0, len(text_words))
    if anchor.size == 0:
        return f"no words of the quote are in the source; the closest passage is: \"{source.closest_passage(quote)}\""
    window_start = max(0, anchor.b - anchor.a - _CONTEXT_WORDS)
    window = text_words[window_start : anchor.b + (len(quote_words) - anchor.a) + _CONTEXT_WORDS]
    opcodes = difflib.SequenceMatcher(None, quote_words, window, autojunk=False).get_opcodes()
    # Leave out the source's words before and after the quote.
    while opcodes and opcodes[0][0] == "insert":
        opcodes.pop(0)
    while opcodes and opcodes[-1][0] == "insert":
        opcodes.pop()
    # A word replaced at either end shows as a run of source words that
    # includes the ones before or after the quote: keep as many as it replaces.
    tag, q1, q2, t1, t2 = opcodes[0]
    if tag == "replace" and q1 == 0 and t2 - t1 > q2 - q1:
        opcodes[0] = (tag, q1, q2, t2 - (q2 - q1), t2)
    tag, q1, q2, t1, t2 = opcodes[-1]
    if tag == "replace" and q2 == len(quote_words) and t2 - t1 > q2 - q1:
        opcodes[-1] = (tag, q1, q2, t1, t1 + (q2 - q1))
    passage_start, passage_end = opcodes[0][3], opcodes[-1][4]
    passage_words = window[passage_start:passage_end]
    passage = " ".join(passage_words)
    first = next((op for op in opcodes if op[0] != "equal"), None)
    if first is None:  # cannot happen: the quote would have been found
        return f"the closest passage is: \"{passage}\""
    _tag, q1, q2, t1, t2 = first
    quote_shown = _mark_words(quote_words, q1, q2)
    source_shown = _mark_words(passage_words, t1 - passage_start, t2 - passage_start)
    where = f"word {q1 + 1}" if q1 < len(quote_words) else "its end"
    return (f"the closest passage is: \"{passage}\"; the quote first differs from it at {where}: "
            f"the quote has \"{quote_shown}\" where the source has \"{source_shown}\"")
