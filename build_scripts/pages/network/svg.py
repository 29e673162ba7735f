"""The picture drawn: dots, arrows and labels where placement.py put them, as one SVG element.

Coordinates are rounded to one decimal, so the same input gives the same
bytes. Every label comes from YAML and is XML-escaped here; every link
target is built from slugs.

For assistive technology the picture is a group named by its title and
described by its description, whose links (one per actor, named by their
``<title>``) can be reached like any other; the page also lists the same
relations as plain text beside it. (It is not ``role="img"``: an image's
content is presentational, so links inside it would be unreachable, and axe
reports them as nested interactive content.)

Each actor's link is a tap target of at least TARGET × TARGET pixels twice
over: an invisible square around its dot, and an invisible box around its
name (the name's box, with the clearance placement.py keeps free around it).
``legend`` says what each colour and each kind of arrow means.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from .layout import Edge, Node, Point
from .placement import arrange
from .shapes import CLEARANCE, NODE_RADIUS, Box, Curve, Label
from .text import EDGE_FONT_SIZE, FONT_SIZE, LINE_HEIGHT

PADDING = 8
TARGET = 24  # the least width and height of a tap target, in pixels (WCAG 2.2, 2.5.8)

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
EDGE_COLOUR = "#8a8a8a"
DASHES = "6 4"  # a dashed arrow's dashes and gaps


@dataclass(frozen=True)
class LegendEntry:
    """A colour of the picture's dots, and the kinds of actor drawn in it."""

    colour: str
    kinds: tuple[str, ...]  # the kinds' labels, as the picture's titles give them


def legend(nodes: list[Node]) -> list[LegendEntry]:
    """Each colour the picture's dots use, with the kinds of actor drawn in it, in the order of KIND_COLOURS."""
    order = {colour: i for i, colour in enumerate(dict.fromkeys([*KIND_COLOURS.values(), OTHER_COLOUR]))}
    kinds: dict[str, dict[str, None]] = {}
    for node in sorted(nodes, key=lambda n: (n.kind_label.casefold(), n.kind)):
        kinds.setdefault(KIND_COLOURS.get(node.kind, OTHER_COLOUR), {})[node.kind_label] = None
    return [LegendEntry(colour, tuple(kinds[colour])) for colour in sorted(kinds, key=order.__getitem__)]


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def draw(nodes: list[Node], edges: list[Edge], *, svg_id: str, title: str, description: str,
         centre: str | None = None) -> Markup:
    """The SVG element, on one line so that Markdown passes it through whole."""
    arranged = arrange(nodes, edges, centre)
    points = arranged.points
    nodes = sorted(nodes, key=lambda n: n.id)
    boxes = [label.box() for label in arranged.node_labels.values()]
    boxes += [label.box() for label in arranged.edge_labels]
    boxes += [curve.bounds for curve in arranged.curves]
    boxes += [_dot_target(p) for p in points.values()]
    boxes += [_label_target(label) for label in arranged.node_labels.values()]
    # Whole pixels, the same in the viewBox as in the size: the picture is shown at exactly its
    # own size (1:1), so every font is as large on screen as it is here.
    left = math.floor(min(b.left for b in boxes) - PADDING)
    top = math.floor(min(b.top for b in boxes) - PADDING)
    width = math.ceil(max(b.right for b in boxes) + PADDING - left)
    height = math.ceil(max(b.bottom for b in boxes) + PADDING - top)
    arrow = f"{svg_id}-arrow"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{svg_id}" class="dossier-network-svg" role="group" '
        f'aria-labelledby="{svg_id}-title" aria-describedby="{svg_id}-desc" '
        f'width="{width}" height="{height}" viewBox="{left} {top} {width} {height}" '
        f'font-size="{FONT_SIZE}" font-family="sans-serif">',
        f'<title id="{svg_id}-title">{escape(title)}</title>',
        f'<desc id="{svg_id}-desc">{escape(description)}</desc>',
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555555"/></marker></defs>',
        '<g class="dossier-network-edges">',
    ]
    parts += [_edge(curve, label, arrow) for curve, label in zip(arranged.curves, arranged.edge_labels, strict=True)]
    parts.append('</g><g class="dossier-network-nodes">')
    parts += [_node(node, points[node.id], arranged.node_labels[node.id]) for node in nodes]
    parts.append("</g></svg>")
    return Markup("".join(parts))


def _edge(curve: Curve, label: Label, arrow: str) -> str:
    edge, start, control, end = curve.edge, curve.start, curve.control, curve.end
    dashes = f' stroke-dasharray="{DASHES}"' if edge.dashed else ""
    return (
        f'<g class="dossier-network-edge{" dossier-network-dashed" if edge.dashed else ""}" data-from="{edge.source}" data-to="{edge.target}">'
        f"<title>{escape(edge.title)}</title>"
        f'<path d="M{_num(start.x)},{_num(start.y)}Q{_num(control.x)},{_num(control.y)} {_num(end.x)},{_num(end.y)}" '
        f'fill="none" stroke="{EDGE_COLOUR}" stroke-width="1.3"{dashes} marker-end="url(#{arrow})"/>'
        f'<text x="{_num(label.x)}" y="{_num(label.first_y)}" text-anchor="middle" font-size="{EDGE_FONT_SIZE}" '
        f'fill="#333333" stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(edge.label)}</text>'
        "</g>"
    )


def _node(node: Node, point: Point, label: Label) -> str:
    colour = KIND_COLOURS.get(node.kind, OTHER_COLOUR)
    lines = "".join(
        f'<tspan x="{_num(label.x)}" y="{_num(label.first_y + i * LINE_HEIGHT)}">{escape(line)}</tspan>'
        for i, line in enumerate(label.lines)
    )
    return (
        f'<a class="dossier-network-node" href="{node.url}" data-actor="{node.id}">'
        f"<title>{escape(node.label)} ({escape(node.kind_label)})</title>"
        f"{_target(_dot_target(point))}{_target(_label_target(label))}"
        f'<circle cx="{_num(point.x)}" cy="{_num(point.y)}" r="{NODE_RADIUS}" fill="{colour}" '
        'stroke="#ffffff" stroke-width="1.5"/>'
        f'<text text-anchor="middle" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" '
        f'paint-order="stroke">{lines}</text>'
        "</a>"
    )


def _dot_target(point: Point) -> Box:
    """The square around a dot that its link answers to."""
    half = max(TARGET, 2 * NODE_RADIUS) / 2
    return Box(point.x - half, point.y - half, point.x + half, point.y + half)


def _label_target(label: Label) -> Box:
    """The box around a name that its link answers to: the name's box with the clearance kept
    free around it (nothing else is drawn there), and at least TARGET wide and high."""
    box = label.box().grown(CLEARANCE)
    x, y = (box.left + box.right) / 2, (box.top + box.bottom) / 2
    half_width, half_height = max(TARGET, box.right - box.left) / 2, max(TARGET, box.bottom - box.top) / 2
    return Box(x - half_width, y - half_height, x + half_width, y + half_height)


def _target(box: Box) -> str:
    """An invisible rectangle that takes taps and clicks: painted (the default fill), with no opacity."""
    return (f'<rect x="{_num(box.left)}" y="{_num(box.top)}" width="{_num(box.right - box.left)}" '
            f'height="{_num(box.bottom - box.top)}" fill-opacity="0"/>')
