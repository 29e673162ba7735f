"""Glossary terms as pages show them: the glossary's entries, and the terms a topic page uses."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.pages.context import PageContext
from build_scripts.pages.derived import glossary
from build_scripts.pages.links import Link


@dataclass(frozen=True)
class TermView:
    anchor: Markup
    term: str
    expansion: str | None
    definition: Markup
    aliases: list[str]
    topics: list[Link]  # topics whose page uses the term
    url: Markup  # the term's entry in the glossary (or the glossary's part that holds it)


def term_view(v: PageContext, term_id: str) -> TermView:
    term = v.content.glossary[term_id].record
    topics = v.indexes.topics_using_term.get(term_id, [])
    return TermView(Markup(term_id), term.term, term.expansion, v.prose(term.definition),
                    list(term.aliases), v.topic_links(topics), v.term_url(term_id))


def terms_used_on_topic(v: PageContext, topic_id: str) -> list[str]:
    """The glossary terms a topic page uses (in its ``glossary.topic_text``), in glossary order."""
    return glossary.in_glossary_order(v.content, v.indexes.terms_used_on_topic.get(topic_id, set()))
