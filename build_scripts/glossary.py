"""Glossary terms across the site: hover abbreviations, and where each term is used.

Every page's Markdown gets Python-Markdown ``abbr`` definitions, one line per
term (``*[CAATSA]: Countering America's Adversaries Through Sanctions Act``),
so the term shows its expansion on hover wherever it appears. A term is
limited by the model to letters, digits, spaces, dots, hyphens and ``&``, so
it cannot break the definition's syntax; the expansion is HTML-escaped (the
``abbr`` extension puts it into a ``title`` attribute as it stands).
"""

from __future__ import annotations

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


def abbreviations(content: Content) -> str:
    """Markdown to append to a page: an abbreviation definition per glossary term."""
    terms = sorted((located.record for located in content.glossary.values()), key=lambda t: (t.term, t.id))
    if not terms:
        return ""
    lines = [f"*[{term.term}]: {escape(hover_text(term))}" for term in terms]
    return "\n\n" + "\n".join(lines) + "\n"


def names_of(term: model.GlossaryTerm) -> list[str]:
    """The term and every other way of writing it, without repeats."""
    return list(dict.fromkeys([term.term, *([term.expansion] if term.expansion else []), *term.aliases]))


def mentions(term: model.GlossaryTerm, text: str) -> bool:
    """Whether ``text`` uses the term, its expansion or an alias (whole words, any case)."""
    for name in names_of(term):
        pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
        if re.search(pattern, text, flags=re.IGNORECASE):
            return True
    return False


def linked_topics(term: model.GlossaryTerm) -> set[str]:
    """Topics the term's definition links to (``[the topic](topic:caatsa-sanctions)``)."""
    return {link.internal[1] for link in prose_links(term.definition) if link.internal and link.internal[0] == "topic"}


def key_terms_of_topic(content: Content, topic_id: str) -> list[str]:
    """Glossary terms that name the topic: linked from their definition, or in its title.

    Their names are weighted in search on the topic page, so that searching
    for a term or its expansion ("CAATSA", "sanctions act") leads there.
    """
    title = content.topics[topic_id].record.title
    return sorted(
        term_id for term_id, located in content.glossary.items()
        if topic_id in linked_topics(located.record) or mentions(located.record, title)
    )


def terms_used_in(content: Content, text: str) -> list[str]:
    """Glossary term ids used in ``text``, in the glossary's order (by term)."""
    glossary = content.glossary
    return sorted((i for i, located in glossary.items() if mentions(located.record, text)),
                  key=lambda i: (glossary[i].record.term.casefold(), i))
