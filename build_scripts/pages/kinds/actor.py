"""One page per actor: who it is, its roles, its relations (drawn and listed), the claims that name it."""

from __future__ import annotations

from build_scripts.content.prose import first_sentence
from build_scripts.pages.labels import ACTOR_KIND_LABELS, format_date
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views import jsonld
from build_scripts.pages.views.claims import CORRECTIONS_SHOWN, claims_about
from build_scripts.pages.views.corrections import correction_views, shown_corrections
from build_scripts.pages.views.relations import network_part_of, network_svg, relation_views

KIND = PAGE_KINDS["actor"]


def render(site: PageRenderer, actor_id: str) -> None:
    located = site.content.actors[actor_id]
    actor = located.record
    path = KIND.path_of(actor_id)
    v = site.context(path)
    claims = claims_about(v, "actor", actor_id)
    site.render(
        "actor", path, located.origin.path, actor.name, first_sentence(actor.summary),
        search_boost=KIND.search_boost, tags=[actor.name, *actor.aliases],
        actor=actor,
        kind_label=ACTOR_KIND_LABELS[actor.kind.value][0],
        roles=[(r.title, r.start and format_date(r.start), r.end and format_date(r.end)) for r in actor.roles],
        claims=claims,
        corrections=correction_views(actor.corrections), shown_corrections=CORRECTIONS_SHOWN,
        relations=relation_views(v, actor_id),
        network=network_svg(v, "network-" + actor_id, f"{actor.name} and the actors it is related to",
                            f"A picture of the relations between {actor.name} and other actors; "
                            "the same relations are listed as text beside it.", actor_id),
        network_page=v.link_to_page("network"),
        network_part=network_part_of(v, actor_id),
        jsonld=jsonld.scripts(jsonld.actor(actor),
                              jsonld.corrected_page(shown_corrections(site.content, actor, claims))),
    )
