"""Glossary terms as pages show them: the glossary's entries, and the terms a topic page uses."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.pages.context import PageContext
from build_scripts.pages.derived import glossary
from build_scripts.pages.links import Link

# A term shows this many of its other names (the glossary, "Terms on this
# page"), and its topic pages weigh as many in search; all of them are in the
# dossier's downloads and in search-names.js. Thousands of aliases must not
# make a page, or the search index, grow with them.
ALIASES_SHOWN = 12


@dataclass(frozen=True)
class TermView:
    anchor: Markup
    term: str
    expansion: str | None
    definition: Markup
    aliases: list[str]  # the first ALIASES_SHOWN
    topics: list[Link]  # topics whose page uses the term
    url: Markup  # the term's entry in the glossary (or the glossary's part that holds it)
    more_aliases: int = 0  # aliases not shown
    downloads: Markup | None = None  # where every alias is, when some are not shown


def term_view(v: PageContext, term_id: str) -> TermView:
    term = v.content.glossary[term_id].record
    topics = v.indexes.topics_using_term.get(term_id, [])
    more = max(0, len(term.aliases) - ALIASES_SHOWN)
    return TermView(Markup(term_id), term.term, term.expansion, v.prose(term.definition),
                    list(term.aliases[:ALIASES_SHOWN]), v.topic_links(topics), v.term_url(term_id),
                    more, v.link_to_page("downloads").url if more else None)


def search_names(term) -> list[str]:
    """The names of a term a page weighs in search: the term, its expansion and its first aliases."""
    return term.names()[: ALIASES_SHOWN + 2]


def terms_used_on_topic(v: PageContext, topic_id: str) -> list[str]:
    """The glossary terms a topic page uses (in its ``glossary.topic_text``), in glossary order."""
    return glossary.in_glossary_order(v.content, v.indexes.terms_used_on_topic.get(topic_id, set()))
