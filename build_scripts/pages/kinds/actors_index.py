"""The index of actors, grouped by kind; split by first letter when long."""

from __future__ import annotations

from build_scripts.pages import paging
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import ACTOR_KIND_LABELS
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer

KIND = PAGE_KINDS["actors_index"]
TITLE, DESCRIPTION = "Actors", "Every person, country and organisation in the story."


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    actors = indexes.content.actors
    ids = sorted(actors, key=lambda a: actors[a].record.name.casefold())
    return paging.split(paging.by_first_letter(ids, lambda a: actors[a].record.name), KIND.per_page)


def render(site: PageRenderer) -> None:
    actors = site.content.actors

    def groups_of(actor_ids) -> list:
        by_kind: dict[str, list[str]] = {}
        for actor_id in sorted(actor_ids, key=lambda a: actors[a].record.name.casefold()):
            by_kind.setdefault(actors[actor_id].record.kind.value, []).append(actor_id)
        return [(ACTOR_KIND_LABELS[kind][1], by_kind[kind]) for kind in ACTOR_KIND_LABELS if kind in by_kind]

    if not site.render_list(KIND, "content/actors", TITLE, DESCRIPTION,
                            lambda v, part: {"groups": groups_of(part.items)},
                            main={"groups": [], "count": len(actors)}):
        site.render("actors_index", KIND.path, "content/actors", TITLE, DESCRIPTION,
                    groups=groups_of(actors), count=len(actors), part=None, parts=[])
