"""One page per topic: its summary, the claims that belong to it, its events, the context it needs, its terms."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.content.prose import first_sentence
from build_scripts.pages import paging
from build_scripts.pages.addresses import context_anchor
from build_scripts.pages.context import CitationView, PageContext
from build_scripts.pages.derived import glossary
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import format_date
from build_scripts.pages.links import Link, html_url, relative_url
from build_scripts.pages.lists import claim_address, first, part_entries, parts_of
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views import jsonld
from build_scripts.pages.views.changes import last_changed
from build_scripts.pages.views.claims import (
    CORRECTIONS_SHOWN,
    EVIDENCE_SHOWN,
    claim_ids_about,
    claim_line_weight,
    claim_weight,
    claims_about,
    claims_at,
    in_page_order,
    is_at_address,
)
from build_scripts.pages.views.corrections import correction_views, shown_corrections
from build_scripts.pages.views.event_views import event_views, filtered_timeline_url
from build_scripts.pages.views.term_views import search_names, term_view, terms_used_on_topic

KIND = PAGE_KINDS["topic"]
# A topic's page lists this many of its actors, related topics, terms, dated
# events and context entries, and counts the rest (which the actors' pages,
# the Glossary, the timeline and the downloads hold): a topic with thousands
# of them must not pass the size a page may have.
ACTORS_SHOWN = 40
RELATED_SHOWN = 20
TERMS_SHOWN = 20
EVENTS_SHOWN = 30
CONTEXT_SHOWN = 40


@dataclass(frozen=True)
class ContextView:
    anchor: Markup
    statement: str
    citation: CitationView
    date: str | None


def own_first(indexes: PageIndexes, topic_id: str) -> list[str]:
    """The topic's claims in page order: first those whose address is its page (their first
    topic), shown in full, then the others, shown in one line linked to their address."""
    ids = in_page_order(indexes, claim_ids_about(indexes, "topic", topic_id))
    return sorted(ids, key=lambda c: not is_at_address(indexes, c, topic_id))


def parts(indexes: PageIndexes, topic_id: str) -> list[paging.Part]:
    """The topic's claims, in numbered parts when they weigh more than a page holds."""
    return paging.numbered_by_weight(
        own_first(indexes, topic_id),
        lambda c: (claim_weight(indexes, c, cited=True) if is_at_address(indexes, c, topic_id)
                   else claim_line_weight(indexes, c)), KIND.part_bytes)


def in_full_and_lines(v: PageContext, ids, topic_id: str) -> tuple[list, list]:
    """The claims ``ids`` shown in full on the topic's page (it is their address), and the others."""
    claims = claims_at(v, ids)
    return ([c for c in claims if is_at_address(v.indexes, c.id, topic_id)],
            [c for c in claims if not is_at_address(v.indexes, c.id, topic_id)])


def render(site: PageRenderer, topic_id: str) -> None:
    located = site.content.topics[topic_id]
    topic = located.record
    path = KIND.path_of(topic_id)
    v = site.context(path)
    claims = claims_about(v, "topic", topic_id)
    in_full, lines = in_full_and_lines(v, [c.id for c in claims], topic_id)
    listed = parts_of(site.indexes, KIND.name, topic_id)
    actors = site.content.actors
    actor_ids = sorted({a for c in claims for a in site.content.claims[c.id].record.actors},
                       key=lambda a: actors[a].record.name.casefold())
    key_terms = glossary.key_terms_of_topic(site.indexes.terms, site.content, topic_id,
                                            site.indexes.scope_of_page(path))
    used_terms = terms_used_on_topic(v, topic_id)
    terms = key_terms + [t for t in used_terms if t not in key_terms]
    events = event_views(v, topic_id)
    actors_shown, more_actors = first(actor_ids, ACTORS_SHOWN)
    related, more_related = first(topic.related, RELATED_SHOWN)
    terms_shown, more_terms = first(terms, TERMS_SHOWN)
    context = context_of_topic(v, topic_id)
    tags = [topic.title]
    for term_id in key_terms:
        tags += search_names(site.content.glossary[term_id].record)
    site.render(
        "topic", path, located.origin.path, topic.title, first_sentence(topic.summary),
        search_boost=KIND.search_boost, tags=tags, story=site.indexes.stories.of_topic.get(topic_id),
        topic=topic, claims=[] if listed.is_split else in_full, lines=[] if listed.is_split else lines,
        claim_count=len(claims),
        claim_parts=part_entries(path, listed) if listed.is_split else [],
        corrections=correction_views(topic.corrections), shown_corrections=CORRECTIONS_SHOWN,
        actors=actors_shown, more_actors=more_actors, related=related, more_related=more_related,
        terms=[term_view(v, t) for t in terms_shown], more_terms=more_terms,
        events=events[:EVENTS_SHOWN], event_count=len(events),
        context=context[:CONTEXT_SHOWN], context_count=len(context),
        glossary=v.link_to_page("glossary"), downloads=v.link_to_page("downloads"),
        filtered_timeline=filtered_timeline_url(v, "topic", topic_id),
        last_changed=last_changed(site.indexes, "topic", topic_id),
        jsonld=jsonld.scripts(jsonld.claims([] if listed.is_split else [_appearance(v, c.id) for c in in_full]),
                              jsonld.corrected_page(shown_corrections(site.content, topic, claims))),
    )
    if listed.is_split:
        site.render_parts(KIND, "record_claims", located.origin.path, f"Claims of “{topic.title}”",
                          f"The claims of the topic “{topic.title}”, in full.",
                          lambda pv: Link(topic.title, relative_url(pv.page, path)),
                          lambda pv, part: _part(pv, part, topic_id),
                          record_id=topic_id, story=site.indexes.stories.of_topic.get(topic_id))


def _part(v: PageContext, part: paging.Part, topic_id: str) -> dict:
    in_full, lines = in_full_and_lines(v, part.items, topic_id)
    return {"claims": in_full, "lines": lines, "groups": [], "cite_here": True,
            "jsonld": jsonld.scripts(jsonld.claims([_appearance(v, c.id) for c in in_full]))}


def context_of_topic(v: PageContext, topic_id: str) -> list[ContextView]:
    """The context entries of a topic, by date."""
    ordered = v.indexes.context_in_order
    return [ContextView(context_anchor(i), e.statement, v.citation(e.citation), format_date(e.date) if e.date else None)
            for i, e in (ordered[index] for index in v.indexes.context_by_topic.get(topic_id, []))]


def _appearance(v: PageContext, claim_id: str):
    """A claim, its address, and each of its sources with its publisher and the
    address of its highlighted quote, for JSON-LD."""
    claim = v.content.claims[claim_id].record
    appearances = []
    for evidence in claim.evidence[:EVIDENCE_SHOWN]:  # as many as the page shows
        source = v.content.sources[evidence.source].record
        quote_url = html_url(v.page, *v.quote_address(claim_id, evidence.source))
        appearances.append((source, v.content.actors[source.publisher].record, str(quote_url)))
    return claim, str(html_url(v.page, *claim_address(v.indexes, claim_id))), appearances
