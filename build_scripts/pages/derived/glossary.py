"""Glossary terms across the site: hover abbreviations, and where each term is used.

Every page's Markdown gets Python-Markdown ``abbr`` definitions, one line per
term (``*[CAATSA]: Countering America's Adversaries Through Sanctions Act``),
so the term shows its expansion on hover wherever it appears. A term is
limited by the model to letters, digits, spaces, dots, hyphens and ``&``, so
it cannot break the definition's syntax; the expansion is HTML-escaped (the
``abbr`` extension puts it into a ``title`` attribute as it stands).

A term limited to its story (``limited_to``: topics and sources) is found
only on the pages that belong to them (``Scope``, ``TermIndex.applies``): its
hover definition, the topic pages' "Terms on this page" and their search
tags leave it out elsewhere. Pages about the whole dossier have no scope and
find every term, the glossary among them.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from markupsafe import escape

from build_scripts.content import model
from build_scripts.content.load import Content
from build_scripts.content.prose import prose_plain
from build_scripts.pages.derived.trie_pattern import trie_pattern
from build_scripts.rules.terms import linked_topics, name_pattern


@dataclass(frozen=True)
class Scope:
    """What a page belongs to, for the terms limited to a story: the page of a
    topic, source or actor belongs to its own topic or source and to the topics
    and sources of every claim it shows. A page with no scope (``None``: the
    home page, the timeline, the lists, the glossary, hand-written pages) is
    about the whole dossier and finds every term."""

    topics: frozenset[str]
    sources: frozenset[str]


def hover_text(term: model.GlossaryTerm) -> str:
    """What the abbreviation shows on hover: the expansion, else the definition's first sentence."""
    if term.expansion:
        return term.expansion
    plain = prose_plain(term.definition)
    end = plain.find(". ")
    return plain if end == -1 else plain[: end + 1]


def scope_in(page_scopes: dict[str, Scope], path: str) -> Scope | None:
    """What the page at ``path`` belongs to, of ``page_scopes`` ({page path: scope}); None if it is not there."""
    # A part of a split list (a source's claims: sources/<id>/<part>.md) belongs where its list page does.
    return page_scopes.get(path) or page_scopes.get(posixpath.dirname(path) + ".md")


def abbreviations(index: TermIndex, markdown: str, scope: Scope | None = None) -> str:
    """Markdown to append to a page: an abbreviation definition per glossary term it uses.

    Only the terms that occur in ``markdown`` (with character references
    decoded, as the page's text will have them) get a definition: the
    ``abbr`` extension matches every definition against every text of the
    page, so every term on every page would cost terms x pages, and a term
    the page does not contain changes nothing. A term limited to a story
    gets none on a page outside it (``scope``: what the page belongs to).
    """
    places = sorted({place for found in index.written_terms_in(html.unescape(markdown))
                     for place in index.abbreviation_places[found]})
    if index.limits and scope is not None:
        places = [place for place in places if index.applies(index.abbreviation_lines[place][0], scope)]
    if not places:
        return ""
    # One block per definition: abbr takes one definition off a block at a
    # time and hands the rest back, so one block of N lines cost N^2.
    return "\n\n" + "\n\n".join(index.abbreviation_lines[place][1] for place in places) + "\n"


_WORD = re.compile(r"\w+")


class TermIndex:
    """Which glossary terms a text uses, found in time proportional to the text.

    A name can only occur where the text has a word equal (in any case) to
    the name's first word, so each term is looked up by the first words of
    its names, and only those candidates are matched as whole words (``rules.terms.name_pattern``).
    """

    def __init__(self, content: Content):
        self.terms = {term_id: located.record for term_id, located in content.glossary.items()}
        self.by_first_word: dict[str, set[str]] = {}
        self.unkeyed: set[str] = set()  # a name without a word character: always tried
        self.names = {term_id: term.names() for term_id, term in self.terms.items()}
        self.folded_names = {term_id: [name.casefold() for name in names] for term_id, names in self.names.items()}
        for term_id, names in self.names.items():
            for name in names:
                first = _WORD.search(name)
                if first is None:
                    self.unkeyed.add(term_id)
                else:
                    self.by_first_word.setdefault(first.group().casefold(), set()).add(term_id)
        # For abbreviations: the definition lines in their page order, and a
        # pattern of every term as written (abbr matches case-sensitively).
        ordered = sorted(self.terms.items(), key=lambda item: (item[1].term, item[1].id))
        self.abbreviation_lines = [(term_id, f"*[{term.term}]: {escape(hover_text(term))}") for term_id, term in ordered]
        places_of: dict[str, list[int]] = {}
        for place, (term_id, _) in enumerate(self.abbreviation_lines):
            places_of.setdefault(self.terms[term_id].term, []).append(place)
        self._written_terms = re.compile(trie_pattern(places_of))
        # A term found at a place stands for every term it begins with, which
        # starts there too ("EU" in "EU-3"): their definitions go with it.
        self.abbreviation_places = {
            written: [place for end in range(1, len(written) + 1) for place in places_of.get(written[:end], ())]
            for written in places_of}
        # {term id: (its topics, its sources)}, for the terms limited to a story only.
        self.limits = {term_id: (frozenset(term.limited_to.topics), frozenset(term.limited_to.sources))
                       for term_id, term in self.terms.items() if term.limited_to is not None}
        self.linked: dict[str, set[str]] = {}  # topic id -> terms whose definition links to it
        for term_id, term in self.terms.items():
            for topic_id in linked_topics(term):
                self.linked.setdefault(topic_id, set()).add(term_id)

    def applies(self, term_id: str, scope: Scope | None) -> bool:
        """Whether the term is found on a page that belongs to ``scope`` (None: the whole dossier)."""
        limit = self.limits.get(term_id)
        return limit is None or scope is None or bool(limit[0] & scope.topics or limit[1] & scope.sources)

    def applying(self, term_ids: set[str], scope: Scope | None) -> set[str]:
        """Those of ``term_ids`` that are found on a page of ``scope``."""
        if not self.limits or scope is None:
            return term_ids
        return {term_id for term_id in term_ids if self.applies(term_id, scope)}

    def written_terms_in(self, text: str) -> set[str]:
        """Every term, as written, that begins somewhere in ``text``: the
        longest one at each place (a term it begins with is implied).

        One pattern of all the terms finds the next place where one begins
        (``re`` skips ahead to the characters a term can start with); the
        scan goes on one character later, so terms that overlap are all found.
        """
        found = set()
        search = self._written_terms.search
        match = search(text)
        while match:
            found.add(match.group())
            match = search(text, match.start() + 1)
        return found

    def used_in(self, text: str) -> set[str]:
        words = {word.casefold() for word in _WORD.findall(text)}
        candidates = set(self.unkeyed)
        for word in words & self.by_first_word.keys():
            candidates |= self.by_first_word[word]
        # A name that matches in any case is in the case-folded text: a plain
        # substring test, before the regular expression that checks word ends.
        folded = text.casefold()
        return {term_id for term_id in candidates
                if any(name in folded for name in self.folded_names[term_id])
                and any(name_pattern(name).search(text) for name in self.names[term_id])}


def key_terms_of_topic(index: TermIndex, content: Content, topic_id: str, scope: Scope | None = None) -> list[str]:
    """Glossary terms that name the topic: linked from their definition, or in its title
    (those found on its page: ``scope``, what the page belongs to).

    Their names are weighted in search on the topic page, so that searching
    for a term or its expansion ("CAATSA", "sanctions act") leads there.
    """
    found = index.linked.get(topic_id, set()) | index.used_in(content.topics[topic_id].record.title)
    return sorted(index.applying(found, scope))


def in_glossary_order(content: Content, term_ids) -> list[str]:
    """Glossary term ids in the glossary's order (by term, whatever its case)."""
    glossary = content.glossary
    return sorted(term_ids, key=lambda i: (glossary[i].record.term.casefold(), i))


def topic_text(indexes, topic_id: str) -> str:
    """Everything a topic page says (``indexes``: the build's ``PageIndexes``),
    for finding the glossary terms it uses."""
    content, checked = indexes.content, indexes.checked
    topic = content.topics[topic_id].record
    parts = [topic.title, prose_plain(topic.summary)]
    for claim_id in indexes.claims_by_topic.get(topic_id, []):
        claim = content.claims[claim_id].record
        parts.append(claim.statement)
        parts += [checked.texts[s].text[span.start : span.end] for s, span in checked.evidence_spans[claim.id].items()]
    return "\n".join(parts)
