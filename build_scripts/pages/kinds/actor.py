"""One page per actor: who it is, its roles, its relations (drawn and listed), the claims that name it."""

from __future__ import annotations

from build_scripts.content.prose import first_sentence
from build_scripts.pages import paging
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
    claim_ids_about,
    claim_weight,
    claims_about,
    claims_at,
    in_page_order,
)
from build_scripts.pages.views.corrections import correction_views, shown_corrections
from build_scripts.pages.views.event_views import filtered_timeline_url
from build_scripts.pages.views.relations import network_part_of, network_svg, relation_views
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


def published_by(indexes: PageIndexes, actor_id: str) -> list[str]:
    """The sources the actor published, or first published where another republished them: newest first."""
    sources = [(located.record.published.value, source_id) for source_id, located in indexes.content.sources.items()
               if actor_id in (located.record.publisher, located.record.original_publisher)]
    by_id = sorted(sources, key=lambda item: item[1])
    return [source_id for _, source_id in sorted(by_id, key=lambda item: item[0], reverse=True)]


def parts(indexes: PageIndexes, actor_id: str) -> list[paging.Part]:
    """The claims that name the actor, in numbered parts when they weigh more than a page holds."""
    return paging.numbered_by_weight(in_page_order(indexes, claim_ids_about(indexes, "actor", actor_id)),
                                     lambda c: claim_weight(indexes, c, cited=False), KIND.part_bytes)


def render(site: PageRenderer, actor_id: str) -> None:
    located = site.content.actors[actor_id]
    actor = located.record
    path = KIND.path_of(actor_id)
    v = site.context(path)
    claims = claims_about(v, "actor", actor_id)
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
        claims=[] if listed.is_split else claims, claim_count=len(claims),
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
                              jsonld.corrected_page(shown_corrections(site.content, actor, claims))),
    )
    if listed.is_split:
        site.render_parts(KIND, "record_claims", located.origin.path, f"Claims naming “{actor.name}”",
                          f"The claims that name {actor.name}, in full.",
                          lambda pv: Link(actor.name, relative_url(pv.page, path)),
                          lambda pv, part: {"claims": claims_at(pv, part.items), "cite_here": False, "jsonld": ""},
                          record_id=actor_id)
