"""What is drawn, as shapes to measure: a dot's size, a label's box, an arrow's curve.

A label's box is its text's estimated size (text.py), generously; an arrow is
a quadratic curve, measured as CURVE_STEPS straight pieces. placement.py keeps
these shapes apart, svg.py draws them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .layout import Edge, Point
from .text import ASCENT, DESCENT, EDGE_FONT_SIZE, LINE_HEIGHT, text_width

NODE_RADIUS = 7
EDGE_SPACING = 24  # distance between the edges of one pair of actors
CLEARANCE = 3.0  # between a label's box and anything else
CURVE_STEPS = 16  # straight pieces an arrow is measured as


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


@dataclass(frozen=True)
class Label:
    lines: list[str]
    x: float  # the middle of every line
    first_y: float  # baseline of the first line
    size: float

    def box(self) -> Box:
        width = max(text_width(line, self.size) for line in self.lines)
        return Box(self.x - width / 2, self.first_y - ASCENT * self.size, self.x + width / 2,
                   self.first_y + (len(self.lines) - 1) * LINE_HEIGHT + DESCENT * self.size)


def label_at(lines: list[str], size: float, centre: Point) -> Label:
    """The label whose box is centred on ``centre``."""
    height = ASCENT * size + (len(lines) - 1) * LINE_HEIGHT + DESCENT * size
    return Label(lines, centre.x, centre.y - height / 2 + ASCENT * size, size)


def box_at(width: float, size: float, line_count: int, x: float, y: float) -> tuple[float, float, float, float]:
    """The box of the label ``label_at`` centres on (x, y), as (left, top,
    right, bottom): the same arithmetic as ``Label.box``, without the objects
    (placing labels tries hundreds of places for each)."""
    height = ASCENT * size + (line_count - 1) * LINE_HEIGHT + DESCENT * size
    first_y = y - height / 2 + ASCENT * size
    return (x - width / 2, first_y - ASCENT * size, x + width / 2,
            first_y + (line_count - 1) * LINE_HEIGHT + DESCENT * size)


@dataclass(frozen=True)
class Curve:
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


def curve_of(edge: Edge, points: dict[str, Point], offset: float) -> Curve:
    """The arrow of ``edge`` between its dots at ``points``, bent ``offset`` to one side."""
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
    # Curve.at for each step, its weights worked out once (the same arithmetic, the same numbers).
    samples = tuple(Point(of_start * start.x + of_control * control.x + of_end * end.x,
                          of_start * start.y + of_control * control.y + of_end * end.y)
                    for of_start, of_control, of_end in _CURVE_WEIGHTS)
    # The arrowhead reaches about 4.5 units either side of the line's end.
    bounds = Box(min(p.x for p in samples), min(p.y for p in samples),
                 max(p.x for p in samples), max(p.y for p in samples)).grown(5)
    return Curve(edge, start, control, end, samples, bounds)


def _towards(point: Point, target: Point, distance: float) -> Point:
    dx, dy = target.x - point.x, target.y - point.y
    length = math.hypot(dx, dy) or 1.0
    return Point(point.x + dx / length * distance, point.y + dy / length * distance)


def edge_offsets(edges: list[Edge], points: dict[str, Point]) -> list[tuple[Edge, float]]:
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


def segment_meets(left: float, top: float, right: float, bottom: float,
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
