"""Glossary terms across the site: hover abbreviations, and where each term is used.

Every page's Markdown gets Python-Markdown ``abbr`` definitions, one line per
term (``*[CAATSA]: Countering America's Adversaries Through Sanctions Act``),
so the term shows its expansion on hover wherever it appears. A term is
limited by the model to letters, digits, spaces, dots, hyphens and ``&``, so
it cannot break the definition's syntax; the expansion is HTML-escaped (the
``abbr`` extension puts it into a ``title`` attribute as it stands).
"""

from __future__ import annotations

import functools
import html
import re

from markupsafe import escape

from . import model
from .load import Content
from .markup import prose_links, prose_plain


def hover_text(term: model.GlossaryTerm) -> str:
    """What the abbreviation shows on hover: the expansion, else the definition's first sentence."""
    if term.expansion:
        return term.expansion
    plain = prose_plain(term.definition)
    end = plain.find(". ")
    return plain if end == -1 else plain[: end + 1]


def abbreviations(content: Content, markdown: str) -> str:
    """Markdown to append to a page: an abbreviation definition per glossary term it uses.

    Only the terms that occur in ``markdown`` (with character references
    decoded, as the page's text will have them) get a definition: the
    ``abbr`` extension matches every definition against every text of the
    page, so every term on every page would cost terms x pages, and a term
    the page does not contain changes nothing.
    """
    text = html.unescape(markdown)
    index = term_index(content)
    words = (set(_WORD.findall(text)) | {""}) & index.by_term_word.keys()  # "": a term without a word
    used = {term_id for word in words for term_id in index.by_term_word[word]
            if index.terms[term_id].term in text}
    lines = [index.abbreviation_lines[place][1] for place in sorted(index.abbreviation_place[term_id] for term_id in used)]
    if not lines:
        return ""
    # One block per definition: abbr takes one definition off a block at a
    # time and hands the rest back, so one block of N lines cost N^2.
    return "\n\n" + "\n\n".join(lines) + "\n"


def names_of(term: model.GlossaryTerm) -> list[str]:
    """The term and every other way of writing it, without repeats."""
    return list(dict.fromkeys([term.term, *([term.expansion] if term.expansion else []), *term.aliases]))


def mentions(term: model.GlossaryTerm, text: str) -> bool:
    """Whether ``text`` uses the term, its expansion or an alias (whole words, any case)."""
    return any(_name_pattern(name).search(text) for name in names_of(term))


@functools.lru_cache(maxsize=None)
def _name_pattern(name: str) -> re.Pattern:
    # Compiled once per name: a dossier has more names than re's own cache holds.
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", flags=re.IGNORECASE)


_WORD = re.compile(r"\w+")


class TermIndex:
    """Which glossary terms a text uses, found in time proportional to the text.

    A name can only occur where the text has a word equal (in any case) to
    the name's first word, so each term is looked up by the first words of
    its names, and only those candidates are matched with ``mentions``.
    """

    def __init__(self, content: Content):
        self.terms = {term_id: located.record for term_id, located in content.glossary.items()}
        self.by_first_word: dict[str, set[str]] = {}
        self.unkeyed: set[str] = set()  # a name without a word character: always tried
        for term_id, term in self.terms.items():
            for name in names_of(term):
                first = _WORD.search(name)
                if first is None:
                    self.unkeyed.add(term_id)
                else:
                    self.by_first_word.setdefault(first.group().casefold(), set()).add(term_id)
        # For abbreviations: terms by the first word of the term itself (as
        # written: abbr matches case-sensitively), and the definition lines
        # in their page order.
        self.by_term_word: dict[str, set[str]] = {}
        for term_id, term in self.terms.items():
            first = _WORD.search(term.term)
            self.by_term_word.setdefault(first.group() if first else "", set()).add(term_id)
        ordered = sorted(self.terms.items(), key=lambda item: (item[1].term, item[1].id))
        self.abbreviation_lines = [(term_id, f"*[{term.term}]: {escape(hover_text(term))}") for term_id, term in ordered]
        # A page's lines are picked by place, not by a walk over every term.
        self.abbreviation_place = {term_id: place for place, (term_id, _) in enumerate(self.abbreviation_lines)}
        self.linked: dict[str, set[str]] = {}  # topic id -> terms whose definition links to it
        for term_id, term in self.terms.items():
            for topic_id in linked_topics(term):
                self.linked.setdefault(topic_id, set()).add(term_id)

    def used_in(self, text: str) -> set[str]:
        words = {word.casefold() for word in _WORD.findall(text)}
        candidates = set(self.unkeyed)
        for word in words & self.by_first_word.keys():
            candidates |= self.by_first_word[word]
        # A name that matches in any case is in the case-folded text: a plain
        # substring test, before the regular expression that checks word ends.
        folded = text.casefold()
        return {term_id for term_id in candidates
                if any(name.casefold() in folded for name in names_of(self.terms[term_id]))
                and mentions(self.terms[term_id], text)}


def term_index(content: Content) -> TermIndex:
    """The content's term index, built once per loaded dossier."""
    cache = vars(content)
    if "_term_index" not in cache:
        cache["_term_index"] = TermIndex(content)
    return cache["_term_index"]


def linked_topics(term: model.GlossaryTerm) -> set[str]:
    """Topics the term's definition links to (``[the topic](topic:caatsa-sanctions)``)."""
    return {link.internal[1] for link in prose_links(term.definition) if link.internal and link.internal[0] == "topic"}


def key_terms_of_topic(content: Content, topic_id: str) -> list[str]:
    """Glossary terms that name the topic: linked from their definition, or in its title.

    Their names are weighted in search on the topic page, so that searching
    for a term or its expansion ("CAATSA", "sanctions act") leads there.
    """
    index = term_index(content)
    return sorted(index.linked.get(topic_id, set()) | index.used_in(content.topics[topic_id].record.title))


def in_glossary_order(content: Content, term_ids) -> list[str]:
    """Glossary term ids in the glossary's order (by term, whatever its case)."""
    glossary = content.glossary
    return sorted(term_ids, key=lambda i: (glossary[i].record.term.casefold(), i))
