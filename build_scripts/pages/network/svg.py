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
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .layout import Edge, Node, Point
from .placement import arrange
from .shapes import NODE_RADIUS, Box, Curve, Label
from .text import EDGE_FONT_SIZE, FONT_SIZE, LINE_HEIGHT

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
    parts += [_edge(curve, label, arrow) for curve, label in zip(arranged.curves, arranged.edge_labels, strict=True)]
    parts.append('</g><g class="dossier-network-nodes">')
    parts += [_node(node, points[node.id], arranged.node_labels[node.id]) for node in nodes]
    parts.append("</g></svg>")
    return Markup("".join(parts))


def _edge(curve: Curve, label: Label, arrow: str) -> str:
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


def _node(node: Node, point: Point, label: Label) -> str:
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
