"""The network of relations between actors, drawn at build time and listed; split by groups of connected actors when long."""

from __future__ import annotations

from build_scripts.pages import lists, paging
from build_scripts.pages.context import PageContext
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.relations import network_groups, network_svg, relation_views

KIND = PAGE_KINDS["network"]
TITLE = "Network"
DESCRIPTION = "Who buys from, supplies, sanctions or opposes whom: the relations between the actors."


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    # Each group of actors is a picture of its own: a page holds fewer relations in many small pictures.
    return paging.split(network_groups(indexes), KIND.per_page, numbered=True, group_cost=paging.NETWORK_PICTURE_COST)


def jobs(indexes: PageIndexes) -> list[tuple[str, ...]]:
    """The page in one job; split, its main page and each part in jobs of their own
    (``render``'s ``piece``: "0" the main page, "n" part n)."""
    listed = lists.parts_of(indexes, KIND.name)
    if not listed.is_split:
        return [()]
    return [(str(piece),) for piece in range(len(listed.parts) + 1)]


def render(site: PageRenderer, piece: str = "") -> None:
    v = site.context(KIND.path)
    count = len(site.content.relations)

    def part_data(pv: PageContext, part: paging.Part) -> dict:
        pictures = []
        for number, group in enumerate(part.groups, start=1):
            pictures.append((group.label, relation_views(pv, chosen=group.items), network_svg(
                pv, f"network-{number}", f"Relations between {group.label}",
                "Each actor is a dot, linked to its actor page; each arrow is a relation, labelled with its "
                "type. The same relations are listed as text below the picture.", chosen=group.items)))
        return {"pictures": pictures, "relations": [], "svg": None, "reports_svg": None, "count": count}

    if not site.render_list(KIND, "content/relations.yaml", TITLE, DESCRIPTION, part_data,
                            main={"pictures": [], "relations": [], "svg": None, "reports_svg": None, "count": count},
                            summary=lambda part: "; ".join(g.label for g in part.groups),
                            piece=int(piece) if piece else None):
        # The sources' reports on actors in a picture of their own, below the others.
        reports_svg = network_svg(v, "network-reports", "Who reports on whom",
                                  "Each source that reports on actors is a dot, linked to its actor page, with a "
                                  "dashed arrow to each actor it reports on. The same relations are listed as "
                                  "text below the picture.", reporting=True)
        site.render("network", KIND.path, "content/relations.yaml", TITLE, DESCRIPTION,
                    relations=relation_views(v), pictures=[], count=count, part=None, parts=[],
                    svg=network_svg(v, "network-all", "Relations between the actors of the story",
                                    "Each actor is a dot on a circle, linked to its actor page; each arrow is "
                                    "a relation, labelled with its type. "
                                    + ("The sources' reports on actors are drawn apart, below. The same relations "
                                       "are listed as text below the pictures." if reports_svg else
                                       "The same relations are listed as text below the picture."), reporting=False),
                    reports_svg=reports_svg)
