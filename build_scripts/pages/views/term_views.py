"""Glossary terms as pages show them: the glossary's entries, and the terms a topic page uses;
and how many of an actor's other names its page shows, by the same rule."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.pages.context import PageContext
from build_scripts.pages.derived import glossary
from build_scripts.pages.links import Link
from build_scripts.pages.lists import first

# A term shows this many of its other names (the glossary, "Terms on this
# page"), and its topic pages weigh as many in search; all of them are in the
# dossier's downloads and in search-names.js. Thousands of aliases must not
# make a page, or the search index, grow with them.
ALIASES_SHOWN = 12
# A term's entry names this many of the topics whose page uses it, and counts
# the others: a term used across hundreds of topics must not make the
# glossary's part heavier than a page may be.
TOPICS_SHOWN = 12


@dataclass(frozen=True)
class TermView:
    anchor: Markup
    term: str
    expansion: str | None
    definition: Markup
    aliases: list[str]  # the first ALIASES_SHOWN
    topics: list[Link]  # the first TOPICS_SHOWN topics whose page uses the term
    url: Markup  # the term's entry in the glossary (or the glossary's part that holds it)
    more_aliases: int = 0  # aliases not shown
    downloads: Markup | None = None  # where every alias is, when some are not shown
    more_topics: int = 0  # topics using the term that are not named


def term_view(v: PageContext, term_id: str) -> TermView:
    term = v.content.glossary[term_id].record
    topics = v.indexes.topics_using_term.get(term_id, [])
    more = max(0, len(term.aliases) - ALIASES_SHOWN)
    return TermView(Markup(term_id), term.term, term.expansion, v.prose(term.definition),
                    list(term.aliases[:ALIASES_SHOWN]), v.topic_links(topics[:TOPICS_SHOWN]), v.term_url(term_id),
                    more, v.link_to_page("downloads").url if more else None, max(0, len(topics) - TOPICS_SHOWN))


def search_names(term) -> list[str]:
    """The names of a term a page weighs in search: the term, its expansion and its first aliases."""
    return term.names()[: ALIASES_SHOWN + 2]


def shown_actor_aliases(actor) -> tuple[list[str], int]:
    """The aliases an actor's page shows and weighs in search (as many as a term's), and how many
    more there are; every one is in the downloads and the forgiving search's names."""
    return first(actor.aliases, ALIASES_SHOWN)


def terms_used_on_topic(v: PageContext, topic_id: str) -> list[str]:
    """The glossary terms a topic page uses (in its ``glossary.topic_text``), in glossary order."""
    return glossary.in_glossary_order(v.content, v.indexes.terms_used_on_topic.get(topic_id, set()))
