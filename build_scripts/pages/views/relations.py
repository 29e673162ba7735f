"""Relations between actors as pages show them: listed as text, and drawn as a
picture (the ``network`` package) on the network page and each actor's page."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.content import model
from build_scripts.pages import lists, network, paging
from build_scripts.pages.addresses import page_path
from build_scripts.pages.context import PageContext
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import ACTOR_KIND_LABELS, RELATION_LABELS
from build_scripts.pages.links import Link, html_url, relative_url
from build_scripts.pages.registry import PAGE_KINDS

# A relation's line names the quotes of this many of its claims and counts the
# others (each claim's page shows it in full): a relation evidenced by
# hundreds of claims must not make one line outweigh a page.
CLAIMS_SHOWN = 5


@dataclass(frozen=True)
class RelationView:
    source: Link
    label: str
    target: Link
    note: str | None
    evidence: list[Link]  # the quotes in the source of its first CLAIMS_SHOWN claims
    more_evidence: int = 0  # its other claims


def relations_of(indexes: PageIndexes, actor_id: str | None, chosen: tuple[int, ...] | None = None) -> list[model.Relation]:
    """Every relation, those of ``actor_id``, or those at indexes ``chosen`` of content.relations, in file order."""
    relations = indexes.content.relations
    if chosen is not None:
        return [relations[i].record for i in chosen]
    if actor_id is None:
        return [located.record for located in relations]
    return [relations[i].record for i in indexes.relations_by_actor.get(actor_id, [])]


def relation_views(v: PageContext, actor_id: str | None = None, chosen: tuple[int, ...] | None = None) -> list[RelationView]:
    """Every relation, those of ``actor_id``, or those at indexes ``chosen`` of content.relations."""
    relations = relations_of(v.indexes, actor_id, chosen)
    relations.sort(key=lambda r: (v.title_of("actor", r.source_actor).casefold(), r.type,
                                  v.title_of("actor", r.target_actor).casefold()))
    return [
        RelationView(v.link("actor", r.source_actor), RELATION_LABELS[r.type], v.link("actor", r.target_actor),
                     r.note, [v.quote_link(c, v.content.claims[c].record.statement) for c in r.claims[:CLAIMS_SHOWN]],
                     max(0, len(r.claims) - CLAIMS_SHOWN))
        for r in relations
    ]


def network_svg(v: PageContext, svg_id: str, title: str, description: str, actor_id: str | None = None,
                chosen: tuple[int, ...] | None = None, most: int | None = None) -> Markup | None:
    """The picture of the relations (as ``relations_of`` chooses them); ``most``: draw no more
    than that many, those with the most claims."""
    relations = relations_of(v.indexes, actor_id, chosen)
    if not relations:
        return None
    if most is not None and len(relations) > most:
        ranked = sorted(relations, key=lambda r: (-len(r.claims), v.title_of("actor", r.source_actor).casefold(),
                                                  r.type, v.title_of("actor", r.target_actor).casefold()))
        relations = ranked[:most]
    actors = v.content.actors
    ids = sorted({r.source_actor for r in relations} | {r.target_actor for r in relations})
    nodes = [
        network.Node(i, v.title_of("actor", i), actors[i].record.kind.value,
                             ACTOR_KIND_LABELS[actors[i].record.kind.value][0], html_url(v.page, page_path("actor", i)))
        for i in ids
    ]
    edges = [
        network.Edge(r.source_actor, r.target_actor, RELATION_LABELS[r.type],
                             f"{v.title_of('actor', r.source_actor)} {RELATION_LABELS[r.type]} "
                             f"{v.title_of('actor', r.target_actor)}")
        for r in relations
    ]
    svg = network.draw(nodes, edges, svg_id=svg_id, title=title, description=description, centre=actor_id)
    # The same picture as a file of its own, beside the page (so that its links
    # work there too): on a phone, one tap opens it at full size, to zoom.
    file_url = posixpath.basename(picture_file_path(v.page, svg_id))
    return Markup(f'{svg}<figcaption><a href="{file_url}" class="dossier-network-full">'
                  'Open the picture at full size</a> (SVG)</figcaption>')


def picture_file_path(page: str, svg_id: str) -> str:
    """Where the picture ``svg_id`` of ``page`` is written as a file of its own:
    beside the page, named after it, so that the links inside it work there too."""
    return f"{page.removesuffix('.md')}.{svg_id}.svg"


# A network picture as network.draw writes it: ids are made from slugs,
# and no text inside can close the element (every value is escaped).
_PICTURE = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" id="([a-z0-9-]+)" class="dossier-network-svg".*?</svg>',
                      re.S)


def picture_files(pages) -> dict[str, bytes]:
    """{site path: bytes} of every network picture of the pages (each with a ``path``
    and a ``text``), as a standalone SVG file beside its page."""
    files = {}
    for page in pages:
        if "dossier-network-svg" not in page.text:
            continue
        for match in _PICTURE.finditer(page.text):
            files[picture_file_path(page.path, match.group(1))] = (
                '<?xml version="1.0" encoding="UTF-8"?>\n' + match.group(0) + "\n").encode("utf-8")
    return dict(sorted(files.items()))


def network_groups(indexes: PageIndexes) -> list[paging.Group]:
    """The relations (as indexes into content.relations) of each group of actors
    tied to each other (``network.components``), named after its most related actor."""
    relations = [located.record for located in indexes.content.relations]
    actors = indexes.content.actors
    name = lambda a: actors[a].record.name  # noqa: E731
    found = network.components([(r.source_actor, r.target_actor) for r in relations], name)
    groups = []
    for group in found:
        others = len(group.actors) - 1
        label = name(group.hub) + (f" and {others} other actor{'s' if others != 1 else ''}" if others else "")
        groups.append(paging.Group(group.hub, label, group.edges))
    return groups


def network_part_of(v: PageContext, actor_id: str) -> Link | None:
    """The part of the split network page that draws the actor's relations (the first, if
    several do); None when the network is one page, or the actor has no relation."""
    listed = lists.parts_of(v.indexes, "network")
    if not listed.is_split:
        return None
    found = network_parts_by_actor(v.indexes, listed).get(actor_id)
    return Link(f"{PAGE_KINDS['network'].title}: {found[0]}", relative_url(v.page, found[1])) if found else None


def network_parts_by_actor(indexes: PageIndexes, listed) -> dict[str, tuple[str, str]]:
    """{actor id: (label, page) of the first network part that draws it}, made once per build."""
    if indexes.network_part_of_actor is None:
        page_of: dict[str, tuple[str, str]] = {}
        for part, path in zip(listed.parts, listed.paths, strict=True):
            for index in part.items:
                relation = indexes.content.relations[index].record
                page_of.setdefault(relation.source_actor, (part.label, path))
                page_of.setdefault(relation.target_actor, (part.label, path))
        indexes.network_part_of_actor = page_of
    return indexes.network_part_of_actor
