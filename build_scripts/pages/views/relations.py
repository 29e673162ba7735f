"""Relations between actors as pages show them: listed as text, and drawn as a
picture (the ``network`` package) on the network page and each actor's page."""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from build_scripts.content import model
from build_scripts.content.memo import remembered
from build_scripts.pages import dependencies, lists, network, paging
from build_scripts.pages.addresses import page_path
from build_scripts.pages.context import PageContext
from build_scripts.pages.dependencies import remember
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.labels import ACTOR_KIND_LABELS, RELATION_LABELS
from build_scripts.pages.links import Link, html_url, relative_url
from build_scripts.pages.network import cache as drawing_cache
from build_scripts.pages.registry import PAGE_KINDS

# A relation's line names the quotes of this many of its claims and counts the
# others (each claim's page shows it in full): a relation evidenced by
# hundreds of claims must not make one line outweigh a page.
CLAIMS_SHOWN = 5
# A relation of another nature than the others (a medium reporting on an actor, not a
# political tie): drawn dashed, and on the network page in a picture of its own.
REPORTING = "reports-on"


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
                chosen: tuple[int, ...] | None = None, most: int | None = None,
                reporting: bool | None = None) -> Markup | None:
    """The picture of the relations (as ``relations_of`` chooses them) in its frame, with its
    legend; ``most``: draw no more than that many, those with the most claims; ``reporting``:
    True, the REPORTING relations only; False, all but those; None, all."""
    relations = relations_of(v.indexes, actor_id, chosen)
    if reporting is not None:
        relations = [r for r in relations if (r.type == REPORTING) == reporting]
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
                     f"{v.title_of('actor', r.target_actor)}", dashed=r.type == REPORTING)
        for r in relations
    ]
    svg = drawing_cache.draw(nodes, edges, svg_id=svg_id, title=title, description=description, centre=actor_id)
    # The picture at its own size, never scaled down (so that no label is smaller than the
    # drawing's fonts), in a frame that scrolls: a reader pans it with a finger, the
    # keyboard (the frame takes the focus) or the scroll bar. The same picture is also a
    # file of its own, beside the page (so that its links work there too).
    file_url = posixpath.basename(picture_file_path(v.page, svg_id))
    frame = (f'<div class="dossier-network-frame" tabindex="0" role="region" '
             f'aria-label="{escape(title)}: the picture at its own size, scroll to see all of it">{svg}</div>')
    return Markup(f'{frame}<figcaption>{_legend(nodes, edges)}<a href="{file_url}" class="dossier-network-full">'
                  'The picture as a file</a> (SVG)</figcaption>')


def _swatch(shape: str) -> str:
    return f'<svg class="dossier-legend-mark" aria-hidden="true" width="30" height="14" viewBox="0 0 30 14">{shape}</svg>'


def _legend(nodes: list[network.Node], edges: list[network.Edge]) -> str:
    """What each colour of dot and each kind of arrow in the picture means, as a list."""
    dot = '<circle cx="15" cy="7" r="6" fill="{colour}"/>'
    items = [f'<li data-colour="{entry.colour}">{_swatch(dot.format(colour=entry.colour))}'
             f'{escape(", ".join(entry.kinds))}</li>' for entry in network.legend(nodes)]
    arrow = '<path d="M2,7H22" stroke="{colour}" stroke-width="1.5"{dashes}/><path d="M21,3L28,7L21,11z" fill="#555555"/>'
    if not all(edge.dashed for edge in edges):
        items.append('<li class="dossier-legend-arrow">' + _swatch(arrow.format(colour=network.EDGE_COLOUR, dashes=""))
                     + "a relation, from its subject to its object, named along the arrow</li>")
    if any(edge.dashed for edge in edges):
        dashes = f' stroke-dasharray="{network.DASHES}"'
        items.append('<li class="dossier-legend-dashed">' + _swatch(arrow.format(colour=network.EDGE_COLOUR, dashes=dashes))
                     + f"{escape(RELATION_LABELS[REPORTING])}: a source that reports on an actor, "
                     "from the source to the actor</li>")
    return ('<p class="dossier-network-legend-title">Key: each dot is an actor (select it or its name to open its page), '
            'coloured by its kind</p><ul class="dossier-network-legend">' + "".join(items) + "</ul>")


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
        # In the preview, looked for again only in pages rendered again (content/memo.py).
        files.update(remembered("network pictures", page, functools.partial(_pictures_of, page)))
    return dict(sorted(files.items()))


def _pictures_of(page) -> dict[str, bytes]:
    if "dossier-network-svg" not in page.text:
        return {}
    return {picture_file_path(page.path, match.group(1)):
            ('<?xml version="1.0" encoding="UTF-8"?>\n' + match.group(0) + "\n").encode("utf-8")
            for match in _PICTURE.finditer(page.text)}


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
    found = network_part_of_actor(v.indexes, actor_id)
    return Link(f"{PAGE_KINDS['network'].title}: {found[0]}", relative_url(v.page, found[1])) if found else None


def network_part_of_actor(indexes: PageIndexes, actor_id: str) -> tuple[str, str] | None:
    """(label, page) of the first network part that draws the actor; None when the network is
    one page, or the actor has no relation."""
    def make() -> tuple[str, str] | None:
        listed = lists.parts_of(indexes, "network")
        return network_parts_by_actor(indexes).get(actor_id) if listed.is_split else None
    return remember(indexes.made_once, (NETWORK_PART, actor_id), make, cut_off=NETWORK_PART)


# The network part of an actor, cut off for the incremental preview (pages/dependencies.py).
NETWORK_PART = dependencies.cut_off_entry("network_part", lambda indexes, key: network_part_of_actor(indexes, key[1]),
                                          lambda indexes: indexes.made_once)


def network_parts_by_actor(indexes: PageIndexes) -> dict[str, tuple[str, str]]:
    """{actor id: (label, page) of the first network part that draws it}, made once per build."""
    def make() -> dict[str, tuple[str, str]]:
        listed = lists.parts_of(indexes, "network")  # inside: what the entry is made from is part of its reads
        page_of: dict[str, tuple[str, str]] = {}
        for part, path in zip(listed.parts, listed.paths, strict=True):
            for index in part.items:
                relation = indexes.content.relations[index].record
                page_of.setdefault(relation.source_actor, (part.label, path))
                page_of.setdefault(relation.target_actor, (part.label, path))
        return page_of
    return remember(indexes.made_once, "network_part_of_actor", make)
