"""The relations between actors, drawn at build time as an inline SVG picture.

Pure Python and deterministic. The layout is computed, not simulated:

- the whole network: the most connected actors ("hubs") stand on an inner
  ring; every other actor stands on an outer ring, in the order of the
  direction of the hubs it is tied to, so that most arrows run outwards
  instead of across the picture;
- an actor's neighbourhood: the actor in the middle, its neighbours around.

Coordinates are rounded to one decimal, so the same input gives the same
bytes. Every label comes from YAML and is XML-escaped here; every link
target is built from slugs.

For assistive technology the picture is a group named by its title and
described by its description, whose links (one per actor, named by their
``<title>``) can be reached like any other; the page also lists the same
relations as plain text beside it. (It is not ``role="img"``: an image's
content is presentational, so links inside it would be unreachable, and axe
reports them as nested interactive content.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

NODE_RADIUS = 7
FONT_SIZE = 14
LINE_HEIGHT = 16
CHAR_WIDTH = 8.0  # generous width of a character at FONT_SIZE, to leave room for labels
LABEL_WIDTH = 18  # characters per line before a label wraps
EDGE_SPACING = 24  # distance between the edges of one pair of actors
HUB_DEGREE = 4  # actors tied to at least this many others stand on the inner ring
MAX_HUBS = 8
PADDING = 8

# Fill colours by actor kind (Okabe–Ito, readable with colour blindness);
# kinds not listed are grey.
KIND_COLOURS = {
    "country": "#0072b2",
    "person": "#d55e00",
    "government": "#009e73",
    "government-body": "#009e73",
    "military-body": "#009e73",
    "court": "#009e73",
    "international-body": "#cc79a7",
    "media": "#e69f00",
    "company": "#56b4e9",
    "organisation": "#56b4e9",
    "armed-group": "#000000",
}
OTHER_COLOUR = "#888888"


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str
    kind_label: str
    url: Markup  # relative link to the actor's page, built from its slug


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str  # the relation type in words, e.g. "buys from"
    title: str  # the whole relation in words, e.g. "India buys from Russia"


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _on_circle(radius: float, angle: float) -> Point:
    return Point(radius * math.cos(angle), radius * math.sin(angle))


def _ring(ids: list[str], radius: float, start: float = -math.pi / 2) -> dict[str, Point]:
    return {node_id: _on_circle(radius, start + 2 * math.pi * i / len(ids)) for i, node_id in enumerate(ids)}


def _ring_radius(count: int, spacing: float, minimum: float) -> float:
    return max(minimum, count * spacing / (2 * math.pi))


def _neighbours(ids: list[str], edges: list[Edge]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {i: set() for i in ids}
    for edge in edges:
        found[edge.source].add(edge.target)
        found[edge.target].add(edge.source)
    return found


def layout(nodes: list[Node], edges: list[Edge], centre: str | None = None) -> dict[str, Point]:
    """Where each node stands."""
    order = [n.id for n in sorted(nodes, key=lambda n: (n.kind, n.label.casefold(), n.id))]
    if centre is not None:
        ring = [i for i in order if i != centre]
        points = _ring(ring, _ring_radius(len(ring), 60, 180)) if ring else {}
        points[centre] = Point(0.0, 0.0)
        return points
    neighbours = _neighbours(order, edges)
    by_degree = sorted(order, key=lambda i: (-len(neighbours[i]), i))
    hubs = [i for i in by_degree if len(neighbours[i]) >= HUB_DEGREE][:MAX_HUBS]
    if len(hubs) < 2:
        return _ring(order, _ring_radius(len(order), 52, 150))
    inner = _ring_radius(len(hubs), 110, 140)
    points = _ring(hubs, inner, -math.pi / 2 + math.pi / len(hubs))
    # Each other node's preferred direction: the mean direction of the nodes
    # it is tied to that already have one, working outwards from the hubs.
    direction = {i: math.atan2(points[i].y, points[i].x) for i in hubs}
    pending = [i for i in order if i not in direction]
    while pending:
        progress = False
        for node_id in pending:
            known = sorted(direction[n] for n in neighbours[node_id] if n in direction)
            if known:
                direction[node_id] = math.atan2(sum(math.sin(a) for a in known), sum(math.cos(a) for a in known))
                progress = True
        pending = [i for i in pending if i not in direction]
        if not progress:  # not tied to anything placed: put it at the top
            direction[pending.pop(0)] = -math.pi / 2
    outer = [i for i in order if i not in hubs]
    outer.sort(key=lambda i: (round(direction[i] % (2 * math.pi), 6), i))
    radius = _ring_radius(len(outer), 48, inner + 170)
    start = direction[outer[0]] if outer else 0.0
    points.update(_ring(outer, radius, start))
    return points


@dataclass(frozen=True)
class Component:
    """Actors tied to each other by edges, directly or through others."""

    hub: str  # the actor with the most edges
    actors: tuple[str, ...]  # breadth first from the hub
    edges: tuple[int, ...]  # indexes of its edges, outwards from the hub


def components(edges: list[tuple[str, str]], name_of) -> list[Component]:
    """The connected components of a graph given as (source, target) pairs, most edges first.

    Each starts from its hub (most edges; ties by ``name_of``) and runs
    breadth first, neighbours by name; its edges are ordered by how near the
    hub their ends are, so that consecutive edges draw a neighbourhood (a
    component too large for one page is drawn in pieces of consecutive edges).
    """
    neighbours: dict[str, set[str]] = {}
    degree: dict[str, int] = {}
    for source, target in edges:
        neighbours.setdefault(source, set()).add(target)
        neighbours.setdefault(target, set()).add(source)
        degree[source] = degree.get(source, 0) + 1
        degree[target] = degree.get(target, 0) + 1
    by_name = lambda node: (name_of(node).casefold(), node)  # noqa: E731
    found: list[tuple[str, dict[str, int]]] = []  # (hub, node -> place in breadth-first order)
    component_of: dict[str, int] = {}
    for start in sorted(neighbours, key=lambda node: (-degree[node], *by_name(node))):
        if start in component_of:
            continue
        order = {start: 0}
        queue = [start]
        for node in queue:
            for other in sorted(neighbours[node] - order.keys(), key=by_name):
                order[other] = len(order)
                queue.append(other)
        for node in order:
            component_of[node] = len(found)
        found.append((start, order))
    members: list[list[int]] = [[] for _ in found]
    for index, (source, _target) in enumerate(edges):
        members[component_of[source]].append(index)
    result = []
    for (hub, order), indexes in zip(found, members):
        near = lambda i: sorted((order[edges[i][0]], order[edges[i][1]]))  # noqa: E731
        result.append(Component(hub, tuple(order), tuple(sorted(indexes, key=lambda i: (near(i), i)))))
    result.sort(key=lambda c: -len(c.edges))  # stable: among equals, the hub with more edges first
    return result


def wrap(label: str, width: int = LABEL_WIDTH) -> list[str]:
    """A label cut into lines of about ``width`` characters, at spaces."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [label]


@dataclass(frozen=True)
class _Label:
    lines: list[str]
    x: float
    first_y: float  # baseline of the first line
    anchor: str

    def box(self) -> tuple[float, float, float, float]:
        width = max(len(line) for line in self.lines) * CHAR_WIDTH
        left = {"start": self.x, "end": self.x - width, "middle": self.x - width / 2}[self.anchor]
        top = self.first_y - FONT_SIZE
        return left, top, left + width, self.first_y + (len(self.lines) - 1) * LINE_HEIGHT + 4


def _place_label(node: Node, point: Point) -> _Label:
    lines = wrap(node.label)
    extra = (len(lines) - 1) * LINE_HEIGHT
    distance = math.hypot(point.x, point.y)
    if distance < 1:  # the middle of a neighbourhood: label below the dot
        return _Label(lines, point.x, point.y + NODE_RADIUS + FONT_SIZE + 2, "middle")
    ux, uy = point.x / distance, point.y / distance
    x, y = point.x + ux * (NODE_RADIUS + 6), point.y + uy * (NODE_RADIUS + 6)
    if abs(ux) > 0.3:  # beside the dot, lines centred on it
        return _Label(lines, x, y + FONT_SIZE / 3 - extra / 2, "start" if ux > 0 else "end")
    if uy < 0:  # above the dot, growing upwards
        return _Label(lines, x, y - extra, "middle")
    return _Label(lines, x, y + FONT_SIZE * 0.8, "middle")  # below the dot


def draw(nodes: list[Node], edges: list[Edge], *, svg_id: str, title: str, description: str,
         centre: str | None = None) -> Markup:
    """The SVG element, on one line so that Markdown passes it through whole."""
    points = layout(nodes, edges, centre)
    nodes = sorted(nodes, key=lambda n: n.id)
    labels = {n.id: _place_label(n, points[n.id]) for n in nodes}
    boxes = [labels[n.id].box() for n in nodes]
    boxes += [(p.x - NODE_RADIUS, p.y - NODE_RADIUS, p.x + NODE_RADIUS, p.y + NODE_RADIUS) for p in points.values()]
    left = min(b[0] for b in boxes) - PADDING
    top = min(b[1] for b in boxes) - PADDING
    width = max(b[2] for b in boxes) + PADDING - left
    height = max(b[3] for b in boxes) + PADDING - top
    arrow = f"{svg_id}-arrow"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{svg_id}" class="dossier-network-svg" role="group" '
        f'aria-labelledby="{svg_id}-title" aria-describedby="{svg_id}-desc" '
        f'width="{round(width)}" height="{round(height)}" '
        f'viewBox="{_num(left)} {_num(top)} {_num(width)} {_num(height)}" '
        f'font-size="{FONT_SIZE}" font-family="sans-serif">',
        f'<title id="{svg_id}-title">{escape(title)}</title>',
        f'<desc id="{svg_id}-desc">{escape(description)}</desc>',
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555555"/></marker></defs>',
        '<g class="dossier-network-edges">',
    ]
    parts += [_edge(edge, points, offset, arrow) for edge, offset in _edge_offsets(edges)]
    parts.append('</g><g class="dossier-network-nodes">')
    parts += [_node(node, points[node.id], labels[node.id]) for node in nodes]
    parts.append("</g></svg>")
    return Markup("".join(parts))


def _edge_offsets(edges: list[Edge]) -> list[tuple[Edge, float]]:
    """Each edge with its sideways offset, so that edges of one pair do not overlap."""
    by_pair: dict[tuple[str, ...], list[Edge]] = {}
    for edge in sorted(edges, key=lambda e: (e.source, e.target, e.label)):
        by_pair.setdefault(tuple(sorted((edge.source, edge.target))), []).append(edge)
    placed = []
    for _pair, group in sorted(by_pair.items()):
        for index, edge in enumerate(group):
            placed.append((edge, (index - (len(group) - 1) / 2) * EDGE_SPACING))
    return placed


def _edge(edge: Edge, points: dict[str, Point], offset: float, arrow: str) -> str:
    a, b = points[edge.source], points[edge.target]
    # Offsets are measured across the pair's own direction (first id to
    # second), so that the edges of one pair, whichever way they point,
    # spread to both sides instead of lying on top of each other.
    first, second = (a, b) if edge.source < edge.target else (b, a)
    dx, dy = second.x - first.x, second.y - first.y
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    control = Point((a.x + b.x) / 2 + nx * offset * 2, (a.y + b.y) / 2 + ny * offset * 2)
    start = _towards(a, control, NODE_RADIUS + 2)
    end = _towards(b, control, NODE_RADIUS + 4)
    middle = Point(0.25 * start.x + 0.5 * control.x + 0.25 * end.x, 0.25 * start.y + 0.5 * control.y + 0.25 * end.y)
    return (
        f'<g class="dossier-network-edge" data-from="{edge.source}" data-to="{edge.target}">'
        f"<title>{escape(edge.title)}</title>"
        f'<path d="M{_num(start.x)},{_num(start.y)}Q{_num(control.x)},{_num(control.y)} {_num(end.x)},{_num(end.y)}" '
        f'fill="none" stroke="#8a8a8a" stroke-width="1.3" marker-end="url(#{arrow})"/>'
        f'<text x="{_num(middle.x)}" y="{_num(middle.y + 4)}" text-anchor="middle" font-size="{FONT_SIZE - 3}" '
        f'fill="#333333" stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(edge.label)}</text>'
        "</g>"
    )


def _towards(point: Point, target: Point, distance: float) -> Point:
    dx, dy = target.x - point.x, target.y - point.y
    length = math.hypot(dx, dy) or 1.0
    return Point(point.x + dx / length * distance, point.y + dy / length * distance)


def _node(node: Node, point: Point, label: _Label) -> str:
    colour = KIND_COLOURS.get(node.kind, OTHER_COLOUR)
    lines = "".join(
        f'<tspan x="{_num(label.x)}" y="{_num(label.first_y + i * LINE_HEIGHT)}">{escape(line)}</tspan>'
        for i, line in enumerate(label.lines)
    )
    return (
        f'<a class="dossier-network-node" href="{node.url}" data-actor="{node.id}">'
        f"<title>{escape(node.label)} ({escape(node.kind_label)})</title>"
        f'<circle cx="{_num(point.x)}" cy="{_num(point.y)}" r="{NODE_RADIUS}" fill="{colour}" '
        'stroke="#ffffff" stroke-width="1.5"/>'
        f'<text text-anchor="{label.anchor}" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" '
        f'paint-order="stroke">{lines}</text>'
        "</a>"
    )
