"""Where the dots stand: the actors and their relations, and their places in the picture.

The layout is computed, not simulated:

- the whole network: the most connected actors ("hubs") stand on an inner
  ring; every other actor stands on an outer ring, in the order of the
  direction of the hubs it is tied to, so that most arrows run outwards
  instead of across the picture;
- an actor's neighbourhood: the actor at the left, its neighbours on an arc
  to its right.

(placement.py then spreads these places, the same in every direction, until
every label finds room.) ``components`` cuts a network into the groups of
actors tied to each other, which the network page draws one by one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

HUB_DEGREE = 4  # actors tied to at least this many others stand on the inner ring
MAX_HUBS = 8
FAN_SPAN = math.radians(160)  # an actor's neighbours stand on an arc this wide, to its right
FAN_STEP = math.radians(40)  # or narrower: at most this far apart, seen from the actor


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
    dashed: bool = False  # drawn as a dashed arrow: a relation of another nature (views: "reports on")


@dataclass(frozen=True)
class Point:
    x: float
    y: float


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
        return _neighbourhood(order, centre)
    neighbours = _neighbours(order, edges)
    by_degree = sorted(order, key=lambda i: (-len(neighbours[i]), i))
    hubs = [i for i in by_degree if len(neighbours[i]) >= HUB_DEGREE][:MAX_HUBS]
    if len(hubs) < 2:
        return _ring(order, _ring_radius(len(order), 52, 150))
    inner = _ring_radius(len(hubs), 110, 170)
    points = _ring(hubs, inner, -math.pi / 2 + math.pi / len(hubs))
    direction = _directions_from_hubs(order, neighbours, {i: math.atan2(points[i].y, points[i].x) for i in hubs})
    outer = [i for i in order if i not in hubs]
    outer.sort(key=lambda i: (round(direction[i] % (2 * math.pi), 6), i))
    radius = _ring_radius(len(outer), 56, inner + 150)
    start = direction[outer[0]] if outer else 0.0
    points.update(_ring(outer, radius, start))
    return points


def _neighbourhood(order: list[str], centre: str) -> dict[str, Point]:
    """The actor at the left, its neighbours on an arc to its right (a fan): the picture is
    shown at its own size, so a narrow screen shows the actor and the start of every arrow
    first, and the reader pans to the right for the rest. Its name has the left side."""
    ring = [i for i in order if i != centre]
    span = min(FAN_SPAN, FAN_STEP * (len(ring) - 1))
    radius = max(180.0, 60 * (len(ring) - 1) / span) if span else 180.0
    step = span / (len(ring) - 1) if len(ring) > 1 else 0.0
    points = {node_id: _on_circle(radius, -span / 2 + step * i) for i, node_id in enumerate(ring)}
    points[centre] = Point(0.0, 0.0)
    return points


def _directions_from_hubs(order: list[str], neighbours: dict[str, set[str]],
                          direction: dict[str, float]) -> dict[str, float]:
    """Each other node's preferred direction (``direction`` holds the hubs'): the mean
    direction of the nodes it is tied to that already have one, working outwards from the hubs."""
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
    return direction


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
    result = [Component(hub, tuple(order), _outwards_from_hub(indexes, order, edges))
              for (hub, order), indexes in zip(found, members, strict=True)]
    result.sort(key=lambda c: -len(c.edges))  # stable: among equals, the hub with more edges first
    return result


def _outwards_from_hub(indexes: list[int], order: dict[str, int], edges: list[tuple[str, str]]) -> tuple[int, ...]:
    """The edges at ``indexes`` by how near the hub their ends are (``order``: breadth first from it)."""
    def near(i: int) -> tuple[list[int], int]:
        return sorted((order[edges[i][0]], order[edges[i][1]])), i
    return tuple(sorted(indexes, key=near))
