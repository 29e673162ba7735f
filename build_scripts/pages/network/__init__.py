"""The relations between actors, drawn at build time as an inline SVG picture.

Pure Python and deterministic, no script in the page. One module per step,
each importing only the ones above it:

    layout      the actors and relations (Node, Edge, Point); where the dots
                stand (``layout``: rings around the hubs, or an actor amid
                its neighbours); ``components``, the groups of actors tied
                to each other
    text        a name wrapped into lines (``wrap``); a line's estimated width
    shapes      what is drawn, measured: a dot's size, a label's box, an
                arrow's curve, the offsets between arrows of one pair
    placement   every label where it covers nothing (``arrange``): the tries,
                the dots spread between them, the grid of what is drawn,
                the work bound
    svg         the SVG element (``draw``), and its legend (``legend``)

tests/test_network_drawing.py tests each step; views/relations.py draws the
network page's and the actors' pictures with ``draw`` and ``components``.
"""

from .layout import Component, Edge, Node, Point, components, layout
from .placement import MAX_TRIES, SPREAD, WORK_PER_LABEL, Arrangement, arrange
from .shapes import NODE_RADIUS
from .svg import DASHES, EDGE_COLOUR, TARGET, LegendEntry, draw, legend
from .text import LABEL_WIDTH, MAX_LABEL_LINES, wrap

__all__ = [
    "LABEL_WIDTH", "MAX_LABEL_LINES", "MAX_TRIES", "NODE_RADIUS", "SPREAD", "WORK_PER_LABEL",
    "DASHES", "EDGE_COLOUR", "TARGET", "Arrangement", "Component", "Edge", "LegendEntry", "Node", "Point", "arrange",
    "components", "draw", "layout", "legend", "wrap",
]
