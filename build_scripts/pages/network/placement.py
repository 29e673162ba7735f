"""Where every label goes: no label over another label, a dot or an arrow.

Every label takes the first place where its box (shapes.py) meets no other
label, dot or arrow: a name around its dot, a relation's type along its
arrow. Where some label finds no such place, the dots are spread further
apart (``SPREAD``) and every label is placed again (``arrange``), so that no
label ever covers anything (tests/browser measure it). Each such try is a
``_Try``.

But the dots spread a few times only (``MAX_TRIES``: at most 3.9 times as far
apart): at the last try, a label that still finds no place nearby stands
further from its dot or arrow, at worst just outside everything drawn, where
there is always room (``_Try._far_tries``). A name is wrapped to at most
three lines, a word too long for a line cut with a hyphen (``text.wrap``).
So the picture stays bounded whatever the names (tests/test_network_drawing.py).

What that costs is kept small, without changing a single place chosen: a try
that cannot succeed is thrown away, so it stops at its first label with no
place; the labels that found none at the try before are tried first, among
the dots and arrows alone (if one fails there, it fails among the labels
too: ``_Try.first_hard_label_with_no_place``); what is drawn is kept by the
squares of a grid, large enough that a long arrow fills few; each arrow's
places along it are worked out once per try. And the tries before the last
look at no more than WORK_PER_LABEL things drawn per label in all: past
that, the next try is the last (no picture of a dossier a hundred times
today's comes near it).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
from dataclasses import dataclass

from .layout import Edge, Node, Point, layout
from .shapes import (
    CLEARANCE,
    NODE_RADIUS,
    Box,
    Curve,
    Label,
    box_at,
    curve_of,
    edge_offsets,
    label_at,
    segment_meets,
)
from .text import EDGE_FONT_SIZE, FONT_SIZE, text_width, wrap

SPREAD = 1.12  # how much further apart the dots stand at each new try
MAX_TRIES = 13  # so the dots stand at most SPREAD ** 12 (3.9) times as far apart as at first
WORK_PER_LABEL = 10_000  # things drawn that the tries before the last may look at, per label (at x100: 2,400 at most)

# What is drawn is kept by the squares of a grid it touches, to find what a label's box may meet:
# squares of GRID_CELL, or larger in a large picture, so that long arrows fill few of them.
# (Which squares changes only how fast a place is found free, never which place.)
GRID_CELL = 80.0
GRID_CELLS_ACROSS = 100

_LABEL_TS = tuple(sorted((i / 40 for i in range(6, 35)), key=lambda t: (abs(t - 0.5), t)))  # along an arrow
_NUDGES = ((0, 0), (0, -1), (0, 1), (-1, 0), (1, 0))  # an arrow's label moved aside, the arrow still through it
_GAPS = (3.0, 9.0, 18.0, 30.0, 45.0, 60.0, 80.0)  # between a dot and its label
_FAR_GAP_GROWTH = 1.5  # at the last try, the gaps beyond _GAPS grow by this factor
_TURNS = 24  # directions tried around a dot
_DOT_REACH = NODE_RADIUS + 1.5  # no label comes nearer a dot's middle
_DOT_REACH_SQUARED = _DOT_REACH * _DOT_REACH

# A thing drawn, in the grid, is a plain tuple, its kind first (placing labels reads
# millions of them; a tuple read by index is the quickest):
#   a dot:              (_DOT, x, y)
#   a label's box:      (_BOX, left, top, right, bottom)
#   a piece of arrow:   (_LINE, ax, ay, bx, by, arrow, low_x, low_y, high_x, high_y)
#                       from (ax, ay) to (bx, by), of the arrow at index ``arrow``, within those bounds.
_DOT, _LINE, _BOX = 0, 1, 2
_KIND = 0
_X, _Y = 1, 2
_LEFT, _TOP, _RIGHT, _BOTTOM = 1, 2, 3, 4
_AX, _AY, _BX, _BY, _ARROW, _LOW_X, _LOW_Y, _HIGH_X, _HIGH_Y = range(1, 10)

# A label, while it is placed: ("node", its actor's id) or ("edge", its arrow's index).
LabelKey = tuple[str, str | int]


@dataclass(frozen=True)
class Arrangement:
    points: dict[str, Point]
    curves: list[Curve]
    node_labels: dict[str, Label]
    edge_labels: list[Label]
    # Where a try was stopped, if it was: the label that found no place (or, out of work,
    # the last one placed), as ("node", id) or ("edge", index).
    unplaced: list[LabelKey]
    work: int = 0  # how many things drawn were looked at, to find the labels' places

    @property
    def clear(self) -> bool:
        return not self.unplaced


def arrange(nodes: list[Node], edges: list[Edge], centre: str | None = None) -> Arrangement:
    """Where every dot, arrow and label goes: the layout, spread until every label is clear.

    The tries before the last may together look at no more than WORK_PER_LABEL
    things drawn for each label; past that, the next try is the last."""
    base = layout(nodes, edges, centre)
    nodes = sorted(nodes, key=lambda n: n.id)
    middle = base[centre] if centre is not None else Point(0.0, 0.0)
    budget = WORK_PER_LABEL * (len(nodes) + len(edges))
    hardest: tuple[LabelKey, ...] = ()
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


def _arrange(nodes: list[Node], edges: list[Edge], points: dict[str, Point], middle: Point,
             last: bool = False, hardest: tuple[LabelKey, ...] = (), budget: float = math.inf) -> Arrangement:
    """One try: every label placed where it meets nothing, if it can. At the ``last`` try,
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
    one_try = _Try(nodes, edges, points, middle, last)
    if not last:
        hard = one_try.first_hard_label_with_no_place(hardest)
        if hard is not None:
            return one_try.stopped(hard)
    for key in one_try.labels_in_order():
        placed = one_try.place_node_label(key[1]) if key[0] == "node" else one_try.place_edge_label(key[1])
        if not placed:
            return one_try.stopped(key)
        if one_try.work > budget and not last:  # out of work: the caller goes straight to the last try
            return one_try.stopped(key)
    return one_try.arrangement()


class _Try:
    """One try at placing every label, the dots standing at ``points``: what is drawn
    so far, by the squares of a grid, the labels placed, and how many things drawn
    were looked at (``work``)."""

    def __init__(self, nodes: list[Node], edges: list[Edge], points: dict[str, Point], middle: Point,
                 last: bool) -> None:
        self.nodes, self.edges, self.points, self.middle, self.last = nodes, edges, points, middle, last
        self.curves = [curve_of(edge, points, offset) for edge, offset in edge_offsets(edges, points)]
        self.node_lines = {node.id: wrap(node.label) for node in nodes}
        self.node_labels: dict[str, Label] = {}
        self.edge_labels: list[Label] = []
        self.work = 0
        # What is drawn, by the squares of a grid it touches (see _DOT, _LINE, _BOX).
        self.cells: dict[tuple[int, int], list[tuple]] = {}
        xs, ys = [p.x for p in points.values()], [p.y for p in points.values()]
        self.cell = max(GRID_CELL, (max(xs) - min(xs)) / GRID_CELLS_ACROSS, (max(ys) - min(ys)) / GRID_CELLS_ACROSS)
        # The box around everything drawn so far (left, top, right, bottom), to know how far is far enough.
        self.extent = [min(xs) - _DOT_REACH, min(ys) - _DOT_REACH, max(xs) + _DOT_REACH, max(ys) + _DOT_REACH]
        for curve in self.curves:
            self._widen_extent(curve.bounds)
        for point in points.values():
            box = Box(point.x, point.y, point.x, point.y).grown(_DOT_REACH)
            self._add(box.left, box.top, box.right, box.bottom, (_DOT, point.x, point.y))
        self._add_arrows()

    # -- what is drawn ------------------------------------------------------------

    def _add(self, left: float, top: float, right: float, bottom: float, thing: tuple) -> None:
        cell, cells = self.cell, self.cells
        for column in range(math.floor(left / cell), math.floor(right / cell) + 1):
            for row in range(math.floor(top / cell), math.floor(bottom / cell) + 1):
                cells.setdefault((column, row), []).append(thing)

    def _add_arrows(self) -> None:
        """Each arrow's straight pieces (``_add``, written out: there are many pieces)."""
        cell, cells, floor = self.cell, self.cells, math.floor
        for index, curve in enumerate(self.curves):
            for a, b in itertools.pairwise(curve.points):
                low_x, high_x = (a.x, b.x) if a.x <= b.x else (b.x, a.x)
                low_y, high_y = (a.y, b.y) if a.y <= b.y else (b.y, a.y)
                thing = (_LINE, a.x, a.y, b.x, b.y, index, low_x, low_y, high_x, high_y)
                rows = range(floor(low_y / cell), floor(high_y / cell) + 1)
                for column in range(floor(low_x / cell), floor(high_x / cell) + 1):
                    for row in rows:
                        cells.setdefault((column, row), []).append(thing)

    def _widen_extent(self, box: Box) -> None:
        extent = self.extent
        extent[:] = [min(extent[0], box.left), min(extent[1], box.top),
                     max(extent[2], box.right), max(extent[3], box.bottom)]

    def _take(self, label: Label) -> None:
        """``label`` drawn: no other label may meet it."""
        box = label.box()
        self._add(box.left, box.top, box.right, box.bottom, (_BOX, box.left, box.top, box.right, box.bottom))
        self._widen_extent(box)

    def free(self, box: tuple[float, float, float, float], own: int = -1) -> bool:
        """Whether ``box`` (left, top, right, bottom), with CLEARANCE around it, meets nothing
        drawn but the arrow at index ``own``. The hot path: plain numbers and tuples."""
        left, top, right, bottom = (box[0] - CLEARANCE, box[1] - CLEARANCE, box[2] + CLEARANCE, box[3] + CLEARANCE)
        cell, cells, floor = self.cell, self.cells, math.floor
        radius_squared = _DOT_REACH_SQUARED
        for column in range(floor(left / cell), floor(right / cell) + 1):
            for row in range(floor(top / cell), floor(bottom / cell) + 1):
                things = cells.get((column, row), ())
                self.work += len(things)
                for thing in things:
                    kind = thing[_KIND]
                    if kind == _BOX:
                        if (left < thing[_RIGHT] and thing[_LEFT] < right
                                and top < thing[_BOTTOM] and thing[_TOP] < bottom):
                            return False
                    elif kind == _DOT:
                        dx = thing[_X] - min(max(thing[_X], left), right)
                        dy = thing[_Y] - min(max(thing[_Y], top), bottom)
                        if dx * dx + dy * dy < radius_squared:
                            return False
                    elif (thing[_ARROW] != own
                          # A piece wholly beside the box cannot enter it: asked first, it spares most of the clipping.
                          and not (thing[_HIGH_X] < left or thing[_LOW_X] > right
                                   or thing[_HIGH_Y] < top or thing[_LOW_Y] > bottom)
                          and segment_meets(left, top, right, bottom,
                                            thing[_AX], thing[_AY], thing[_BX], thing[_BY])):
                        return False
        return True

    # -- the places a label may take, in order -------------------------------------

    def _outwards_of(self, point: Point) -> float:
        middle = self.middle
        if math.hypot(point.x - middle.x, point.y - middle.y) >= 1:
            return math.atan2(point.y - middle.y, point.x - middle.x)
        return math.pi / 2

    def _around(self, anchor: Point, outwards: float, lines: list[str], size: float, far: bool = False):
        """The places for a label around ``anchor``, in order: at each gap, turning from ``outwards``,
        as (box, centre); ``far``: those of ``_far_tries``."""
        text = max(text_width(line, size) for line in lines)
        box = label_at(lines, size, Point(0, 0)).box()
        width, height = box.right - box.left, box.bottom - box.top
        directions = _directions(outwards)
        if not far:
            tries = ((gap, ux, uy) for gap in _GAPS for ux, uy in directions)
        else:
            tries = self._far_tries(anchor, directions, width, height)
        for gap, ux, uy in tries:
            reach = NODE_RADIUS + CLEARANCE + gap + abs(ux) * width / 2 + abs(uy) * height / 2
            x, y = anchor.x + ux * reach, anchor.y + uy * reach
            yield box_at(text, size, len(lines), x, y), Point(x, y)

    def _far_tries(self, anchor: Point, directions: tuple[tuple[float, float], ...],
                   width: float, height: float) -> list[tuple[float, float, float]]:
        """The last try's way out, as (gap, ux, uy): gaps beyond ``_GAPS``, growing, but in
        each direction no further than where the box lies just outside everything drawn so
        far (``extent``), where it meets nothing: so the label always finds a place, and
        widens the picture by at most its own size."""
        outside = [_gap_outside(anchor, ux, uy, width, height, self.extent) for ux, uy in directions]
        tries, gap = [], _GAPS[-1]
        while gap < max(outside):  # each direction up to its gap outside everything, no further
            gap *= _FAR_GAP_GROWTH
            tries += [(min(gap, last_gap), ux, uy) for (ux, uy), last_gap in zip(directions, outside, strict=True)
                      if gap / _FAR_GAP_GROWTH < last_gap]
        return tries

    def _along(self, index: int):
        """The places for an arrow's label, in order: on the arrow first; then moved
        aside, the arrow still through the label; as (box, centre)."""
        curve = self.curves[index]
        text = text_width(curve.edge.label, EDGE_FONT_SIZE)
        on_arrow = []  # (point, box) at each of _LABEL_TS, worked out when first needed
        for nudge in _NUDGES:
            for step, t in enumerate(_LABEL_TS):
                if step == len(on_arrow):
                    point = curve.at(t)
                    on_arrow.append((point, box_at(text, EDGE_FONT_SIZE, 1, point.x, point.y)))
                point, box = on_arrow[step]
                x = point.x + nudge[0] * ((box[2] - box[0]) / 2 - 2)
                y = point.y + nudge[1] * ((box[3] - box[1]) / 2 - 2)
                yield box_at(text, EDGE_FONT_SIZE, 1, x, y), Point(x, y)

    def _places(self, key: LabelKey, far: bool = False):
        if key[0] == "node":
            point = self.points[key[1]]
            return self._around(point, self._outwards_of(point), self.node_lines[key[1]], FONT_SIZE, far)
        if far:  # around the arrow's middle, turning from the side away from the picture's middle
            anchor = self.curves[key[1]].at(0.5)
            return self._around(anchor, self._outwards_of(anchor), [self.curves[key[1]].edge.label],
                                EDGE_FONT_SIZE, far)
        return self._along(key[1])

    def _first_free(self, key: LabelKey, far: bool = False) -> Point | None:
        own = key[1] if key[0] == "edge" else -1
        return next((centre for box, centre in self._places(key, far) if self.free(box, own)), None)

    def _place_for(self, key: LabelKey) -> Point | None:
        """The centre of the first free place for the label; at the last try, further out if need be."""
        centre = self._first_free(key)
        if centre is None and self.last:
            centre = self._first_free(key, far=True)
        return centre

    # -- the steps of a try ----------------------------------------------------------

    def labels_in_order(self) -> list[LabelKey]:
        """The busiest dots choose first: most arrows leave them, least room is left. Then the arrows."""
        degree = {n.id: 0 for n in self.nodes}
        for edge in self.edges:
            degree[edge.source] += 1
            degree[edge.target] += 1
        keys: list[LabelKey] = [("node", n.id) for n in sorted(self.nodes, key=lambda n: (-degree[n.id], n.id))]
        return keys + [("edge", index) for index in range(len(self.curves))]

    def first_hard_label_with_no_place(self, hardest: tuple[LabelKey, ...]) -> LabelKey | None:
        """The first of ``hardest`` that finds no place among the dots and arrows alone
        (so none among the labels either), before any label is placed."""
        return next((key for key in hardest if self._first_free(key) is None), None)

    def place_node_label(self, node_id: str) -> bool:
        """A dot's name placed, if it finds a place."""
        centre = self._place_for(("node", node_id))
        if centre is None:
            return False
        label = self.node_labels[node_id] = label_at(self.node_lines[node_id], FONT_SIZE, centre)
        self._take(label)
        return True

    def place_edge_label(self, index: int) -> bool:
        """An arrow's relation type placed, if it finds a place."""
        centre = self._place_for(("edge", index))
        if centre is None:
            return False
        label = label_at([self.curves[index].edge.label], EDGE_FONT_SIZE, centre)
        self.edge_labels.append(label)
        self._take(label)
        return True

    def stopped(self, key: LabelKey) -> Arrangement:
        """This try thrown away at ``key``: the caller tries again, or goes to the last try."""
        return Arrangement(self.points, self.curves, {}, [], [key], self.work)

    def arrangement(self) -> Arrangement:
        return Arrangement(self.points, self.curves, self.node_labels, self.edge_labels, [], self.work)


@functools.lru_cache(maxsize=64)
def _directions(outwards: float) -> tuple[tuple[float, float], ...]:
    """The directions tried around a dot: ``outwards`` first, then turning either way."""
    found = []
    for turn in range(_TURNS):
        step = (turn + 1) // 2 * (1 if turn % 2 else -1)
        angle = outwards + step * 2 * math.pi / _TURNS
        found.append((math.cos(angle), math.sin(angle)))
    return tuple(found)


def _gap_outside(anchor: Point, ux: float, uy: float, width: float, height: float, extent: list[float]) -> float:
    """The gap at which a label of ``width`` × ``height``, placed from ``anchor``
    in the direction (ux, uy) as ``_Try`` places labels, lies wholly outside
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
