"""The relations between actors, drawn at build time as an inline SVG picture.

Pure Python and deterministic. The layout is computed, not simulated:

- the whole network: the most connected actors ("hubs") stand on an inner
  ring; every other actor stands on an outer ring, in the order of the
  direction of the hubs it is tied to, so that most arrows run outwards
  instead of across the picture;
- an actor's neighbourhood: the actor in the middle, its neighbours around,
  leaving a gap below it for its name;
- then every label takes the first place where its box (its size estimated
  from the font's widths, generously) meets no other label, dot or arrow:
  a name around its dot, a relation's type along its arrow. Where some label
  finds no such place, the dots are spread further apart and the labels placed
  again, so that no label ever covers anything (tests/browser measure it);
- but the dots spread a few times only (``MAX_TRIES``: at most 3.9 times as
  far apart): at the last try, a label that still finds no place nearby
  stands further from its dot or arrow, at worst just outside everything
  drawn, where there is always room. A name is wrapped to at most three
  lines, a word too long for a line cut with a hyphen (``wrap``). So the
  picture stays bounded whatever the names (tests/test_network_drawing.py).

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

import dataclasses
import functools
import math
from dataclasses import dataclass

from markupsafe import Markup, escape

NODE_RADIUS = 7
FONT_SIZE = 14
LINE_HEIGHT = 16
LABEL_WIDTH = 18  # characters per line before a label wraps
MAX_LABEL_LINES = 3  # a longer name is cut short in the picture (whole in its title)
EDGE_SPACING = 24  # distance between the edges of one pair of actors
HUB_DEGREE = 4  # actors tied to at least this many others stand on the inner ring
MAX_HUBS = 8
CENTRE_LABEL_GAP = math.radians(90)  # around the middle actor of a neighbourhood, the gap below it
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
        # The neighbours around the actor, leaving a gap straight below it for its name.
        ring = [i for i in order if i != centre]
        radius = _ring_radius(len(ring), 60, 180)
        gap = CENTRE_LABEL_GAP if len(ring) > 1 else 0.0
        start = math.pi / 2 + gap / 2
        step = (2 * math.pi - gap) / max(len(ring) - 1, 1) if gap else 2 * math.pi / max(len(ring), 1)
        points = {node_id: _on_circle(radius, start + step * i) for i, node_id in enumerate(ring)}
        if len(ring) == 1:
            points = {ring[0]: Point(radius, 0.0)}
        points[centre] = Point(0.0, 0.0)
        return points
    neighbours = _neighbours(order, edges)
    by_degree = sorted(order, key=lambda i: (-len(neighbours[i]), i))
    hubs = [i for i in by_degree if len(neighbours[i]) >= HUB_DEGREE][:MAX_HUBS]
    if len(hubs) < 2:
        return _ring(order, _ring_radius(len(order), 52, 150))
    inner = _ring_radius(len(hubs), 110, 170)
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
    radius = _ring_radius(len(outer), 56, inner + 150)
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


def wrap(label: str, width: int = LABEL_WIDTH, most: int = MAX_LABEL_LINES) -> list[str]:
    """A label cut into lines of about ``width`` characters, at spaces.

    A word longer than a line is cut into pieces, each but the last ending
    with a hyphen; a label longer than ``most`` lines is cut short, its last
    line ending with an ellipsis. (The picture gives every actor's full name
    in its ``<title>``, and the page lists it too.)"""
    words: list[str] = []
    for word in label.split():
        while len(word) > width:
            words.append(word[:width - 1] + "-")
            word = word[width - 1:]
        words.append(word)
    lines: list[str] = []
    for word in words:
        if lines and not lines[-1].endswith("-") and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1].removesuffix("-")[:width - 1] + "…"
    return lines or [label]


# -- where labels go: no label over another label, a dot or an arrow -------------
#
# Text is measured before any browser sees it, so its size is estimated from
# the advance widths of DejaVu Sans (the widest of the common sans-serif
# fonts, and the one Debian's browsers use), in ems, rounded up; a character
# not listed counts as wide. Each label then takes the first place around its
# dot (or along its arrow) where its box meets nothing drawn so far; when some
# label finds no such place, the dots are spread further apart and every label
# is placed again, MAX_TRIES times at most (the last try places every label).
#
# What that costs is kept small, without changing a single place chosen: a try
# that cannot succeed is thrown away, so it stops at its first label with no
# place; the labels that found none at the try before are tried first, among
# the dots and arrows alone (if one fails there, it fails among the labels
# too); the grid's squares are large enough that a long arrow fills few; each
# arrow's places along it are worked out once per try. And the tries before
# the last look at no more than WORK_PER_LABEL things drawn per label in all:
# past that, the next try is the last (no picture of a dossier a hundred
# times today's comes near it).

_EM = {
    **dict.fromkeys(" ,.:;!|'", 0.34), **dict.fromkeys("ijlIJ", 0.30), **dict.fromkeys("ft", 0.40),
    **dict.fromkeys("()[]{}/\\", 0.40), "r": 0.42, '"': 0.47, "-": 0.37, "*": 0.51, "_": 0.51,
    **dict.fromkeys("sz", 0.53), "c": 0.56, **dict.fromkeys("kvxyFLT", 0.62), **dict.fromkeys("0123456789", 0.64),
    **dict.fromkeys("abdeghnopqu", 0.64), **dict.fromkeys("EPSYZ", 0.70), **dict.fromkeys("ABKRVX", 0.70),
    **dict.fromkeys("CHNU", 0.76), **dict.fromkeys("DGOQ", 0.80), "w": 0.82, "&": 0.79, **dict.fromkeys("<>=+#~^", 0.84),
    **dict.fromkeys("mM", 0.98), **dict.fromkeys("W%@", 1.0),
}
ASCENT = 1.0  # of the font size, above the baseline (DejaVu Sans: 0.93)
DESCENT = 0.3  # below it (DejaVu Sans: 0.24)
EDGE_FONT_SIZE = FONT_SIZE - 3
CLEARANCE = 3.0  # between a label's box and anything else
CURVE_STEPS = 16  # straight pieces an arrow is measured as
SPREAD = 1.12  # how much further apart the dots stand at each new try
MAX_TRIES = 13  # so the dots stand at most SPREAD ** 12 (3.9) times as far apart as at first
WORK_PER_LABEL = 10_000  # things drawn that the tries before the last may look at, per label (at x100: 2,400 at most)


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float) -> float:
    """An upper estimate of the width of one line of text at ``size`` pixels.

    Kept per text: placing a label tries many places for the same text."""
    return 1.0 + size * sum(_EM.get(c, 0.72 if ord(c) < 0x2E80 else 1.05) for c in text)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


# What is drawn is kept by the squares of a grid it touches, to find what a label's box may meet:
# squares of GRID_CELL, or larger in a large picture, so that long arrows fill few of them.
# (Which squares changes only how fast a place is found free, never which place.)
GRID_CELL = 80.0
GRID_CELLS_ACROSS = 100


@dataclass(frozen=True)
class _Label:
    lines: list[str]
    x: float  # the middle of every line
    first_y: float  # baseline of the first line
    size: float

    def box(self) -> Box:
        width = max(text_width(line, self.size) for line in self.lines)
        return Box(self.x - width / 2, self.first_y - ASCENT * self.size, self.x + width / 2,
                   self.first_y + (len(self.lines) - 1) * LINE_HEIGHT + DESCENT * self.size)


def _label_at(lines: list[str], size: float, centre: Point) -> _Label:
    """The label whose box is centred on ``centre``."""
    height = ASCENT * size + (len(lines) - 1) * LINE_HEIGHT + DESCENT * size
    return _Label(lines, centre.x, centre.y - height / 2 + ASCENT * size, size)


@dataclass(frozen=True)
class _Curve:
    edge: Edge
    start: Point
    control: Point
    end: Point
    points: tuple[Point, ...]  # the curve as straight pieces
    bounds: Box

    def at(self, t: float) -> Point:
        u = 1 - t
        return Point(u * u * self.start.x + 2 * u * t * self.control.x + t * t * self.end.x,
                     u * u * self.start.y + 2 * u * t * self.control.y + t * t * self.end.y)


# The weights of a quadratic curve's three points at each step: (u * u, 2 * u * t, t * t), u = 1 - t.
_CURVE_WEIGHTS = tuple((u * u, 2 * u * t, t * t) for t, u in ((i / CURVE_STEPS, 1 - i / CURVE_STEPS)
                                                                for i in range(CURVE_STEPS + 1)))


def _curve(edge: Edge, points: dict[str, Point], offset: float) -> _Curve:
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
    # _Curve.at for each step, its weights worked out once (the same arithmetic, the same numbers).
    samples = tuple(Point(of_start * start.x + of_control * control.x + of_end * end.x,
                          of_start * start.y + of_control * control.y + of_end * end.y)
                    for of_start, of_control, of_end in _CURVE_WEIGHTS)
    # The arrowhead reaches about 4.5 units either side of the line's end.
    bounds = Box(min(p.x for p in samples), min(p.y for p in samples),
                 max(p.x for p in samples), max(p.y for p in samples)).grown(5)
    return _Curve(edge, start, control, end, samples, bounds)


@dataclass(frozen=True)
class _Arrangement:
    points: dict[str, Point]
    curves: list[_Curve]
    node_labels: dict[str, _Label]
    edge_labels: list[_Label]
    # Where a try was stopped, if it was: the label that found no place (or, out of work,
    # the last one placed), as ("node", id) or ("edge", index).
    unplaced: list[tuple[str, str | int]]
    work: int = 0  # how many things drawn were looked at, to find the labels' places

    @property
    def clear(self) -> bool:
        return not self.unplaced


def _edge_offsets(edges: list[Edge], points: dict[str, Point]) -> list[tuple[Edge, float]]:
    """Each edge with its sideways offset, so that the edges of one pair, and
    their labels, stand clear of each other: further apart where the pair runs
    up and down, since the labels then stand side by side."""
    by_pair: dict[tuple[str, ...], list[Edge]] = {}
    for edge in sorted(edges, key=lambda e: (e.source, e.target, e.label)):
        by_pair.setdefault(tuple(sorted((edge.source, edge.target))), []).append(edge)
    placed = []
    for (first, second), group in sorted(by_pair.items()):
        spacing = EDGE_SPACING
        if len(group) > 1:
            a, b = points[first], points[second]
            length = math.hypot(b.x - a.x, b.y - a.y) or 1.0
            nx, ny = abs(b.y - a.y) / length, abs(b.x - a.x) / length  # across the pair
            width = max(text_width(e.label, EDGE_FONT_SIZE) for e in group) + 2 * CLEARANCE + 2
            height = (ASCENT + DESCENT) * EDGE_FONT_SIZE + 2 * CLEARANCE + 2
            side_by_side = min(width / max(nx, 1e-6), height / max(ny, 1e-6))
            spacing = max(spacing, side_by_side, nx * width / 2 + ny * height / 2 + 2 * CLEARANCE)
        for index, edge in enumerate(group):
            placed.append((edge, (index - (len(group) - 1) / 2) * spacing))
    return placed


_LABEL_TS = tuple(sorted((i / 40 for i in range(6, 35)), key=lambda t: (abs(t - 0.5), t)))
_NUDGES = ((0, 0), (0, -1), (0, 1), (-1, 0), (1, 0))
_GAPS = (3.0, 9.0, 18.0, 30.0, 45.0, 60.0, 80.0)
_FAR_GAP_GROWTH = 1.5  # at the last try, the gaps beyond _GAPS grow by this factor
_TURNS = 24  # directions tried around a dot


def _box_at(width: float, size: float, line_count: int, x: float, y: float) -> tuple[float, float, float, float]:
    """The box of the label ``_label_at`` centres on (x, y), as (left, top,
    right, bottom): the same arithmetic as ``_Label.box``, without the objects
    (placing labels tries hundreds of places for each)."""
    height = ASCENT * size + (line_count - 1) * LINE_HEIGHT + DESCENT * size
    first_y = y - height / 2 + ASCENT * size
    return (x - width / 2, first_y - ASCENT * size, x + width / 2,
            first_y + (line_count - 1) * LINE_HEIGHT + DESCENT * size)


def _segment_meets(left: float, top: float, right: float, bottom: float,
                   ax: float, ay: float, bx: float, by: float) -> bool:
    """Whether the segment (ax, ay)-(bx, by) enters the box (Liang–Barsky clipping), on plain numbers."""
    low, high = 0.0, 1.0
    dx, dy = bx - ax, by - ay
    for p, q in ((-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)):
        if p == 0:
            if q < 0:
                return False
        elif p < 0:
            low = max(low, q / p)
        else:
            high = min(high, q / p)
        if low > high:
            return False
    return True


_DOT, _LINE, _BOX = 0, 1, 2
_DOT_REACH = NODE_RADIUS + 1.5


def _gap_outside(anchor: Point, ux: float, uy: float, width: float, height: float, extent: list[float]) -> float:
    """The gap at which a label of ``width`` × ``height``, placed from ``anchor``
    in the direction (ux, uy) as ``_arrange`` places labels, lies wholly outside
    ``extent`` (left, top, right, bottom) with room to spare: past the first
    side of it that the direction crosses."""
    start = NODE_RADIUS + CLEARANCE + abs(ux) * width / 2 + abs(uy) * height / 2  # the reach at gap 0
    margin = CLEARANCE + 1  # 1 more than needed, for rounding
    gap = math.inf
    for along, low, high, centre, half in ((ux, extent[0], extent[2], anchor.x, width / 2),
                                           (uy, extent[1], extent[3], anchor.y, height / 2)):
        if along > 1e-9:
            gap = min(gap, (high + margin + half - centre) / along - start)
        elif along < -1e-9:
            gap = min(gap, (centre - (low - margin - half)) / -along - start)
    return max(gap, 0.0)


def _arrange(nodes: list[Node], edges: list[Edge], points: dict[str, Point], middle: Point,
             last: bool = False, hardest: tuple = (), budget: float = math.inf) -> _Arrangement:
    """Every label placed where it meets nothing, if it can. At the ``last`` try,
    a label with no room nearby goes further from its dot or arrow, as far as
    needed: beyond everything drawn, it always finds room. At any other try,
    placing stops at the first label that finds no place (``unplaced``: the
    caller spreads the dots and tries again, this try is thrown away); and
    before any label is placed, the ``hardest`` ones (keys of those that found
    no place at the try before) are tried among the dots and arrows alone: if
    one finds no place even there, it will not find one among the labels
    either. A try also stops once it has looked at more than ``budget``
    things drawn (``work``); the caller then goes straight to the last try.
    """
    curves = [_curve(edge, points, offset) for edge, offset in _edge_offsets(edges, points)]
    # What is drawn, by the squares of a grid it touches: (kind, numbers…).
    cells: dict[tuple[int, int], list[tuple]] = {}
    xs, ys = [p.x for p in points.values()], [p.y for p in points.values()]
    cell = max(GRID_CELL, (max(xs) - min(xs)) / GRID_CELLS_ACROSS, (max(ys) - min(ys)) / GRID_CELLS_ACROSS)
    # The box around everything drawn so far (left, top, right, bottom), to know how far is far enough.
    extent = [min(xs) - _DOT_REACH, min(ys) - _DOT_REACH, max(xs) + _DOT_REACH, max(ys) + _DOT_REACH]
    for curve in curves:
        extent[:] = [min(extent[0], curve.bounds.left), min(extent[1], curve.bounds.top),
                     max(extent[2], curve.bounds.right), max(extent[3], curve.bounds.bottom)]

    def add(left: float, top: float, right: float, bottom: float, thing: tuple) -> None:
        for column in range(math.floor(left / cell), math.floor(right / cell) + 1):
            for row in range(math.floor(top / cell), math.floor(bottom / cell) + 1):
                cells.setdefault((column, row), []).append(thing)

    for point in points.values():
        box = Box(point.x, point.y, point.x, point.y).grown(_DOT_REACH)
        add(box.left, box.top, box.right, box.bottom, (_DOT, point.x, point.y))
    floor = math.floor
    for index, curve in enumerate(curves):  # (add(), written out: there are many pieces)
        for a, b in zip(curve.points, curve.points[1:]):
            low_x, high_x = (a.x, b.x) if a.x <= b.x else (b.x, a.x)
            low_y, high_y = (a.y, b.y) if a.y <= b.y else (b.y, a.y)
            thing = (_LINE, a.x, a.y, b.x, b.y, index, low_x, low_y, high_x, high_y)
            rows = range(floor(low_y / cell), floor(high_y / cell) + 1)
            for column in range(floor(low_x / cell), floor(high_x / cell) + 1):
                for row in rows:
                    cells.setdefault((column, row), []).append(thing)
    radius_squared = _DOT_REACH * _DOT_REACH
    work = [0]  # things drawn looked at, by free()

    def free(box: tuple[float, float, float, float], own: int = -1) -> bool:
        left, top, right, bottom = (box[0] - CLEARANCE, box[1] - CLEARANCE, box[2] + CLEARANCE, box[3] + CLEARANCE)
        for column in range(math.floor(left / cell), math.floor(right / cell) + 1):
            for row in range(math.floor(top / cell), math.floor(bottom / cell) + 1):
                things = cells.get((column, row), ())
                work[0] += len(things)
                for thing in things:
                    kind = thing[0]
                    if kind == _BOX:
                        if left < thing[3] and thing[1] < right and top < thing[4] and thing[2] < bottom:
                            return False
                    elif kind == _DOT:
                        dx = thing[1] - min(max(thing[1], left), right)
                        dy = thing[2] - min(max(thing[2], top), bottom)
                        if dx * dx + dy * dy < radius_squared:
                            return False
                    elif (thing[5] != own
                          # A piece wholly beside the box cannot enter it: asked first, it spares most of the clipping.
                          and not (thing[8] < left or thing[6] > right or thing[9] < top or thing[7] > bottom)
                          and _segment_meets(left, top, right, bottom, thing[1], thing[2], thing[3], thing[4])):
                        return False
        return True

    def take(label: _Label) -> None:
        box = label.box()
        add(box.left, box.top, box.right, box.bottom, (_BOX, box.left, box.top, box.right, box.bottom))
        extent[:] = [min(extent[0], box.left), min(extent[1], box.top), max(extent[2], box.right), max(extent[3], box.bottom)]

    def outwards_of(point: Point) -> float:
        if math.hypot(point.x - middle.x, point.y - middle.y) >= 1:
            return math.atan2(point.y - middle.y, point.x - middle.x)
        return math.pi / 2

    def around(anchor: Point, outwards: float, lines: list[str], size: float, far: bool = False):
        """The places for a label around ``anchor``, in order: at each gap, turning from ``outwards``,
        as (box, centre).

        ``far``: at gaps beyond ``_GAPS``, growing, but in each direction no
        further than where the box lies just outside everything drawn so far
        (``extent``), where it meets nothing: so the label always finds a
        place, and widens the picture by at most its own size."""
        text = max(text_width(line, size) for line in lines)
        box = _label_at(lines, size, Point(0, 0)).box()
        width, height = box.right - box.left, box.bottom - box.top
        directions = _directions(outwards)
        if not far:
            tries = ((gap, ux, uy) for gap in _GAPS for ux, uy in directions)
        else:
            outside = [_gap_outside(anchor, ux, uy, width, height, extent) for ux, uy in directions]
            tries, gap = [], _GAPS[-1]
            while gap < max(outside):  # each direction up to its gap outside everything, no further
                gap *= _FAR_GAP_GROWTH
                tries += [(min(gap, last_gap), ux, uy) for (ux, uy), last_gap in zip(directions, outside)
                          if gap / _FAR_GAP_GROWTH < last_gap]
        for gap, ux, uy in tries:
            reach = NODE_RADIUS + CLEARANCE + gap + abs(ux) * width / 2 + abs(uy) * height / 2
            x, y = anchor.x + ux * reach, anchor.y + uy * reach
            yield _box_at(text, size, len(lines), x, y), Point(x, y)

    def along(index: int):
        """The places for an arrow's label, in order: on the arrow first; then moved
        aside, the arrow still through the label; as (box, centre)."""
        curve = curves[index]
        text = text_width(curve.edge.label, EDGE_FONT_SIZE)
        on_arrow = []  # (point, box) at each of _LABEL_TS, worked out when first needed
        for nudge in _NUDGES:
            for step, t in enumerate(_LABEL_TS):
                if step == len(on_arrow):
                    point = curve.at(t)
                    on_arrow.append((point, _box_at(text, EDGE_FONT_SIZE, 1, point.x, point.y)))
                point, box = on_arrow[step]
                x = point.x + nudge[0] * ((box[2] - box[0]) / 2 - 2)
                y = point.y + nudge[1] * ((box[3] - box[1]) / 2 - 2)
                yield _box_at(text, EDGE_FONT_SIZE, 1, x, y), Point(x, y)

    def places(key: tuple[str, str | int], far: bool = False):
        if key[0] == "node":
            point = points[key[1]]
            return around(point, outwards_of(point), node_lines[key[1]], FONT_SIZE, far)
        if far:  # around the arrow's middle, turning from the side away from the picture's middle
            anchor = curves[key[1]].at(0.5)
            return around(anchor, outwards_of(anchor), [curves[key[1]].edge.label], EDGE_FONT_SIZE, far)
        return along(key[1])

    def first_free(key: tuple[str, str | int], far: bool = False) -> Point | None:
        own = key[1] if key[0] == "edge" else -1
        return next((centre for box, centre in places(key, far) if free(box, own)), None)

    node_lines = {node.id: wrap(node.label) for node in nodes}
    degree = {n.id: 0 for n in nodes}
    for edge in edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    # The busiest dots choose first: most arrows leave them, least room is left. Then the arrows.
    keys = [("node", n.id) for n in sorted(nodes, key=lambda n: (-degree[n.id], n.id))]
    keys += [("edge", index) for index in range(len(curves))]

    def stopped(key) -> _Arrangement:
        return _Arrangement(points, curves, {}, [], [key], work[0])

    if not last:
        for key in hardest:
            if first_free(key) is None:
                return stopped(key)
    node_labels: dict[str, _Label] = {}
    edge_labels: list[_Label] = []
    for key in keys:
        centre = first_free(key)
        if centre is None and last:
            centre = first_free(key, far=True)
        if centre is None:
            return stopped(key)
        if key[0] == "node":
            label = node_labels[key[1]] = _label_at(node_lines[key[1]], FONT_SIZE, centre)
        else:
            label = _label_at([curves[key[1]].edge.label], EDGE_FONT_SIZE, centre)
            edge_labels.append(label)
        take(label)
        if work[0] > budget and not last:  # out of work: the caller goes straight to the last try
            return stopped(key)
    return _Arrangement(points, curves, node_labels, edge_labels, [], work[0])


@functools.lru_cache(maxsize=64)
def _directions(outwards: float) -> tuple[tuple[float, float], ...]:
    """The directions tried around a dot: ``outwards`` first, then turning either way."""
    found = []
    for turn in range(_TURNS):
        step = (turn + 1) // 2 * (1 if turn % 2 else -1)
        angle = outwards + step * 2 * math.pi / _TURNS
        found.append((math.cos(angle), math.sin(angle)))
    return tuple(found)


def arrange(nodes: list[Node], edges: list[Edge], centre: str | None = None) -> _Arrangement:
    """Where every dot, arrow and label goes: the layout, spread until every label is clear.

    The tries before the last may together look at no more than WORK_PER_LABEL
    things drawn for each label; past that, the next try is the last."""
    base = layout(nodes, edges, centre)
    nodes = sorted(nodes, key=lambda n: n.id)
    middle = base[centre] if centre is not None else Point(0.0, 0.0)
    budget = WORK_PER_LABEL * (len(nodes) + len(edges))
    hardest: tuple = ()
    work = 0
    attempt = 0
    while True:
        last = attempt == MAX_TRIES - 1
        scale = SPREAD ** attempt
        points = {key: Point(p.x * scale, p.y * scale) for key, p in base.items()}
        arranged = _arrange(nodes, edges, points, Point(middle.x * scale, middle.y * scale),
                            last=last, hardest=hardest, budget=budget - work)
        work += arranged.work
        if arranged.clear:
            return dataclasses.replace(arranged, work=work)
        # That label first at the next try (after the others that failed before, most recent first).
        hardest = (*arranged.unplaced, *(key for key in hardest if key not in arranged.unplaced))
        attempt = MAX_TRIES - 1 if work > budget else attempt + 1


def draw(nodes: list[Node], edges: list[Edge], *, svg_id: str, title: str, description: str,
         centre: str | None = None) -> Markup:
    """The SVG element, on one line so that Markdown passes it through whole."""
    arranged = arrange(nodes, edges, centre)
    points = arranged.points
    nodes = sorted(nodes, key=lambda n: n.id)
    boxes = [label.box() for label in arranged.node_labels.values()]
    boxes += [label.box() for label in arranged.edge_labels]
    boxes += [curve.bounds for curve in arranged.curves]
    boxes += [Box(p.x - NODE_RADIUS, p.y - NODE_RADIUS, p.x + NODE_RADIUS, p.y + NODE_RADIUS) for p in points.values()]
    left = min(b.left for b in boxes) - PADDING
    top = min(b.top for b in boxes) - PADDING
    width = max(b.right for b in boxes) + PADDING - left
    height = max(b.bottom for b in boxes) + PADDING - top
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
    parts += [_edge(curve, label, arrow) for curve, label in zip(arranged.curves, arranged.edge_labels)]
    parts.append('</g><g class="dossier-network-nodes">')
    parts += [_node(node, points[node.id], arranged.node_labels[node.id]) for node in nodes]
    parts.append("</g></svg>")
    return Markup("".join(parts))


def _edge(curve: _Curve, label: _Label, arrow: str) -> str:
    edge, start, control, end = curve.edge, curve.start, curve.control, curve.end
    return (
        f'<g class="dossier-network-edge" data-from="{edge.source}" data-to="{edge.target}">'
        f"<title>{escape(edge.title)}</title>"
        f'<path d="M{_num(start.x)},{_num(start.y)}Q{_num(control.x)},{_num(control.y)} {_num(end.x)},{_num(end.y)}" '
        f'fill="none" stroke="#8a8a8a" stroke-width="1.3" marker-end="url(#{arrow})"/>'
        f'<text x="{_num(label.x)}" y="{_num(label.first_y)}" text-anchor="middle" font-size="{EDGE_FONT_SIZE}" '
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
        f'<text text-anchor="middle" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" '
        f'paint-order="stroke">{lines}</text>'
        "</a>"
    )
