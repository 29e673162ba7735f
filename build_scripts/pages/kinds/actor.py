"""One page per actor: a summary box (its part in the story, key relations, claims, dates, a key
quote), who it is, its roles, its relations (drawn and listed), the claims that name it by topic,
each in one line linked to its address (its first topic's page, which shows it in full)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.content.prose import first_sentence
from build_scripts.pages import paging
from build_scripts.pages.context import DateView, PageContext
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import ACTOR_KIND_LABELS, format_date
from build_scripts.pages.links import Link, relative_url
from build_scripts.pages.lists import first, part_entries, parts_of
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views import jsonld
from build_scripts.pages.views.changes import last_changed
from build_scripts.pages.views.claims import (
    CORRECTIONS_SHOWN,
    ClaimView,
    claim,
    claim_ids_about,
    claim_line_weight,
    claims_at,
    in_page_order,
)
from build_scripts.pages.views.corrections import correction_views, shown_corrections
from build_scripts.pages.views.event_views import filtered_timeline_url
from build_scripts.pages.views.relations import RELATION_LABELS, network_part_of, network_svg, relation_views
from build_scripts.pages.views.term_views import shown_actor_aliases

KIND = PAGE_KINDS["actor"]
# An actor's page lists this many of its roles and relations, and draws this
# many relations (those with the most claims), and counts the rest: a hub with
# hundreds of ties must not make its page pass the size a page may have. The
# network page lists and draws every relation, in parts.
ROLES_SHOWN = 20
RELATIONS_SHOWN = 60
RELATIONS_DRAWN = 40
# A publisher's page lists this many of the sources it published, the newest
# first, and counts the rest (the Sources page lists them all).
PUBLISHED_SHOWN = 50
# Under each topic an actor's page shows this many of its claims in one line and folds the rest.
CLAIMS_OPEN = 3
# The summary box names this many relations, those with the most claims.
KEY_RELATIONS = 3


@dataclass(frozen=True)
class ClaimGroup:
    """An actor's claims whose address is on one topic's page (their first topic)."""

    topic: Link
    shown: list[ClaimView]
    folded: list[ClaimView]


@dataclass(frozen=True)
class KeyRelation:
    label: str  # "buys from"
    outgoing: bool  # the actor is the relation's subject ("buys from Iran"), else its object ("Kpler reports on it")
    other: Link


@dataclass(frozen=True)
class KeyQuote:
    text: str
    occasion: str
    url: Markup  # the claim that gives it, in full


@dataclass(frozen=True)
class SummaryBox:
    """The actor at a glance, from the content: its part in the story, its relations with the
    most claims, how many claims name it, the first and last of their dates, its words."""

    part_in_story: str
    key_relations: list[KeyRelation]
    claim_count: int
    first_date: DateView | None
    last_date: DateView | None
    key_quote: KeyQuote | None


def published_by(indexes: PageIndexes, actor_id: str) -> list[str]:
    """The sources the actor published, or first published where another republished them: newest first."""
    sources = [(located.record.published.value, source_id) for source_id, located in indexes.content.sources.items()
               if actor_id in (located.record.publisher, located.record.original_publisher)]
    by_id = sorted(sources, key=lambda item: item[1])
    return [source_id for _, source_id in sorted(by_id, key=lambda item: item[0], reverse=True)]


def by_topic(indexes: PageIndexes, ids) -> list[str]:
    """Claim ids by their first topic (in the dossier's order of topics), then in page order."""
    place = {topic_id: i for i, topic_id in enumerate(indexes.topics_in_order)}
    claims = indexes.content.claims
    return sorted(in_page_order(indexes, ids), key=lambda c: place[claims[c].record.topics[0]])


def parts(indexes: PageIndexes, actor_id: str) -> list[paging.Part]:
    """The claims that name the actor, in numbered parts when they weigh more than a page holds."""
    return paging.numbered_by_weight(by_topic(indexes, claim_ids_about(indexes, "actor", actor_id)),
                                     lambda c: claim_line_weight(indexes, c), KIND.part_bytes)


def claim_groups(v: PageContext, ids) -> list[ClaimGroup]:
    """The claims ``ids`` under their first topic, the first CLAIMS_OPEN of each shown, the rest folded."""
    groups: list[tuple[str, list[ClaimView]]] = []
    for claim_id in by_topic(v.indexes, ids):
        topic_id = v.content.claims[claim_id].record.topics[0]
        if not groups or groups[-1][0] != topic_id:
            groups.append((topic_id, []))
        groups[-1][1].append(claim(v, claim_id))
    return [ClaimGroup(v.link("topic", topic_id), *_open_and_folded(claims)) for topic_id, claims in groups]


def _open_and_folded(claims: list[ClaimView]) -> tuple[list[ClaimView], list[ClaimView]]:
    return claims[:CLAIMS_OPEN], claims[CLAIMS_OPEN:]


def summary_box(v: PageContext, actor_id: str) -> SummaryBox:
    actor = v.content.actors[actor_id].record
    ids = claim_ids_about(v.indexes, "actor", actor_id)
    records = [v.content.claims[i].record for i in in_page_order(v.indexes, ids)]
    dates = sorted((v.date(r.date) for r in records if r.date is not None), key=lambda d: d.value)
    ranked = sorted(relations_of_actor(v, actor_id), key=lambda r: -len(r.claims))
    key_relations = [KeyRelation(RELATION_LABELS[r.type], r.source_actor == actor_id,
                                 v.link("actor", r.target_actor if r.source_actor == actor_id else r.source_actor))
                     for r in ranked[:KEY_RELATIONS]]
    spoken = [i for i in in_page_order(v.indexes, ids) if (q := v.content.claims[i].record.quotation) is not None
              and actor_id in q.speakers]
    spoken.sort(key=lambda i: len(v.content.claims[i].record.quotation.speakers))  # its own words first
    key_quote = None
    if spoken:
        quotation = v.content.claims[spoken[0]].record.quotation
        key_quote = KeyQuote(quotation.text, quotation.occasion, claim(v, spoken[0]).address_url)
    return SummaryBox(actor.part_in_story or first_sentence(actor.summary), key_relations, len(ids),
                      dates[0] if dates else None, dates[-1] if dates else None, key_quote)


def relations_of_actor(v: PageContext, actor_id: str):
    relations = v.content.relations
    return [relations[i].record for i in v.indexes.relations_by_actor.get(actor_id, [])]


def render(site: PageRenderer, actor_id: str) -> None:
    located = site.content.actors[actor_id]
    actor = located.record
    path = KIND.path_of(actor_id)
    v = site.context(path)
    claim_ids = claim_ids_about(site.indexes, "actor", actor_id)
    listed = parts_of(site.indexes, KIND.name, actor_id)
    aliases, more_aliases = shown_actor_aliases(actor)
    relations = relation_views(v, actor_id)
    published = published_by(site.indexes, actor_id)
    roles, more_roles = first(actor.roles, ROLES_SHOWN)
    relations_shown, more_relations = first(relations, RELATIONS_SHOWN)
    published_shown, more_published = first(published, PUBLISHED_SHOWN)
    site.render(
        "actor", path, located.origin.path, actor.name, first_sentence(actor.summary),
        search_boost=KIND.search_boost, tags=[actor.name, *aliases],
        actor=actor, aliases=aliases, more_aliases=more_aliases,
        downloads=v.link_to_page("downloads").url,
        kind_label=ACTOR_KIND_LABELS[actor.kind.value][0],
        roles=[(r.title, r.start and format_date(r.start), r.end and format_date(r.end)) for r in roles],
        more_roles=more_roles,
        box=summary_box(v, actor_id),
        groups=[] if listed.is_split else claim_groups(v, claim_ids), claim_count=len(claim_ids),
        claim_parts=part_entries(path, listed) if listed.is_split else [],
        corrections=correction_views(actor.corrections), shown_corrections=CORRECTIONS_SHOWN,
        relations=relations_shown, more_relations=more_relations, relation_count=len(relations),
        published=published_shown, more_published=more_published,
        published_count=len(published), sources_page=v.link_to_page("sources_index"),
        network=network_svg(v, "network-" + actor_id, f"{actor.name} and the actors it is related to",
                            f"A picture of the relations between {actor.name} and other actors; "
                            + ("the same relations are listed as text beside it." if len(relations) <= RELATIONS_DRAWN
                               else f"the {RELATIONS_DRAWN} with the most claims; the relations are listed as text "
                                 "beside it, and all of them in the network."),
                            actor_id, most=RELATIONS_DRAWN),
        network_page=v.link_to_page("network"),
        event_count=len(site.indexes.events_by_actor.get(actor_id, [])),
        filtered_timeline=filtered_timeline_url(v, "actor", actor_id),
        network_part=network_part_of(v, actor_id),
        last_changed=last_changed(site.indexes, "actor", actor_id),
        jsonld=jsonld.scripts(jsonld.actor(actor, aliases),
                              jsonld.corrected_page(shown_corrections(site.content, actor, claims_at(v, claim_ids)))),
    )
    if listed.is_split:
        site.render_parts(KIND, "record_claims", located.origin.path, f"Claims naming “{actor.name}”",
                          f"The claims that name {actor.name}, each linked to its address.",
                          lambda pv: Link(actor.name, relative_url(pv.page, path)),
                          lambda pv, part: {"claims": [], "lines": [], "groups": claim_groups(pv, part.items),
                                            "cite_here": False, "jsonld": ""},
                          record_id=actor_id)
