"""The network picture (the package build_scripts/pages/network/), its steps called
directly: whatever the names and however many arrows, every label is placed,
none covers another label, a dot or an arrow, the dots spread at most a fixed
factor and the picture stays bounded, with bounded work.

Big and hostile inputs are made here; every actor in them is invented, except
where today's dossier (content/) is loaded and one of its actors renamed.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from build_scripts.pages import network as nd
from build_scripts.pages.labels import RELATION_LABELS
from build_scripts.pages.network import placement
from build_scripts.rules.check import load_and_check

from .helpers import PROJECT_ROOT

LONG_NAME = "Bundesverfassungsgericht Karlsruhe"
MOST_SPREAD = 4.0  # the dots stand at most this many times further apart than the layout put them


def _node(node_id: str, label: str, kind: str = "country") -> nd.Node:
    return nd.Node(node_id, label, kind, kind, Markup(f"{node_id}.html"))


def _size(svg: str) -> tuple[int, int]:
    width, height = re.search(r'<svg [^>]*width="(\d+)" height="(\d+)"', svg).groups()
    return int(width), int(height)


def _overlaps(arranged) -> list[str]:
    """What a label covers, measured here on the arrangement (as the browser
    test measures the rendered picture): another label's box, a dot, or an
    arrow other than its own, sampled every pixel or so along its curve."""
    labels = [(label.box(), None, " ".join(label.lines)) for label in arranged.node_labels.values()]
    labels += [(label.box(), index, label.lines[0]) for index, label in enumerate(arranged.edge_labels)]
    arrows = []
    for curve in arranged.curves:
        steps = max(8, math.ceil(math.dist((curve.start.x, curve.start.y), (curve.end.x, curve.end.y))))
        arrows.append([curve.at(i / steps) for i in range(steps + 1)])
    found = []
    for i, (box, own, text) in enumerate(labels):
        for other, _, other_text in labels[i + 1:]:
            if box.left < other.right and other.left < box.right and box.top < other.bottom and other.top < box.bottom:
                found.append(f"label {text!r} overlaps label {other_text!r}")
        for point in arranged.points.values():
            dx = point.x - min(max(point.x, box.left), box.right)
            dy = point.y - min(max(point.y, box.top), box.bottom)
            if dx * dx + dy * dy < nd.NODE_RADIUS ** 2:
                found.append(f"label {text!r} overlaps a dot at {point}")
        for index, samples in enumerate(arrows):
            if index != own and any(box.left < p.x < box.right and box.top < p.y < box.bottom for p in samples):
                found.append(f"label {text!r} overlaps the arrow {arranged.curves[index].edge.title!r}")
    return found


def _spread(nodes, edges, centre, arranged) -> float:
    """How many times further apart the dots stand than the layout put them."""
    base = nd.layout(nodes, edges, centre)
    far = max(math.hypot(p.x, p.y) for p in base.values())
    return max(math.hypot(p.x, p.y) for p in arranged.points.values()) / far if far else 1.0


# -- today's dossier, one actor renamed ---------------------------------------------


@pytest.fixture(scope="module")
def today():
    return load_and_check(PROJECT_ROOT).content


def _picture(content, rename: dict[str, str], centre: str | None):
    relations = [r.record for r in content.relations]
    if centre is not None:
        relations = [r for r in relations if centre in (r.source_actor, r.target_actor)]
    actors = content.actors
    name = lambda i: rename.get(i, actors[i].record.name)  # noqa: E731
    ids = sorted({r.source_actor for r in relations} | {r.target_actor for r in relations})
    nodes = [_node(i, name(i), actors[i].record.kind.value) for i in ids]
    edges = [nd.Edge(r.source_actor, r.target_actor, RELATION_LABELS[r.type],
                     f"{name(r.source_actor)} {RELATION_LABELS[r.type]} {name(r.target_actor)}") for r in relations]
    return nodes, edges


@pytest.mark.parametrize("actor", ["india", "united-states"])
def test_a_long_one_word_name_keeps_an_actors_picture_its_size(today, actor):
    """Renamed "Bundesverfassungsgericht Karlsruhe", India's picture was 29,509 × 25,626 px:
    the long word could not stand below the dot, and the dots were spread 83 times."""
    plain = _size(nd.draw(*_picture(today, {}, actor), svg_id="x", title="t", description="d", centre=actor))
    nodes, edges = _picture(today, {actor: LONG_NAME}, actor)
    svg = nd.draw(nodes, edges, svg_id="x", title="t", description="d", centre=actor)
    width, height = _size(svg)
    assert width <= 1.5 * plain[0] and height <= 1.5 * plain[1], (width, height, plain)
    # The name is wrapped in the picture, whole in its title.
    assert "<tspan" in svg and f"<title>{LONG_NAME} (country)</title>" in svg
    arranged = nd.arrange(nodes, edges, actor)
    assert arranged.node_labels[actor].lines == ["Bundesverfassungs-", "gericht Karlsruhe"]
    assert arranged.unplaced == [] and _overlaps(arranged) == []


def test_eighty_character_one_word_names_everywhere_keep_the_network_bounded(today):
    """Every actor of today's network named with one word of 80 characters: it was 55,606 × 53,179 px."""
    rename = {actor: f"{'W' * 76}{n:04d}" for n, actor in enumerate(today.actors)}
    nodes, edges = _picture(today, rename, None)
    svg = nd.draw(nodes, edges, svg_id="x", title="t", description="d")
    width, height = _size(svg)
    assert width <= 3000 and height <= 3000, (width, height)
    arranged = nd.arrange(nodes, edges)
    assert arranged.unplaced == [] and _overlaps(arranged) == []
    assert all(len(label.lines) <= nd.MAX_LABEL_LINES for label in arranged.node_labels.values())
    assert arranged.work <= nd.WORK_PER_LABEL * (len(nodes) + len(edges))


# -- invented networks ----------------------------------------------------------------


def _star(count: int, hub_name: str = "Hub", leaf_name=lambda i: f"Actor {i}"):
    nodes = [_node("hub", hub_name)] + [_node(f"n{i:04d}", leaf_name(i), "person") for i in range(count)]
    edges = [nd.Edge("hub", f"n{i:04d}", "buys from", f"Hub buys from Actor {i}") for i in range(count)]
    return nodes, edges


def test_a_hub_with_1200_neighbours_is_drawn_with_bounded_work():
    """It took 8 s (17 s on a busy machine): long arrows filled thousands of squares of the
    grid. The work is counted (things drawn looked at), not timed: `make bench` times it."""
    nodes, edges = _star(1200)
    arranged = nd.arrange(nodes, edges, "hub")
    assert arranged.unplaced == []
    assert _spread(nodes, edges, "hub", arranged) <= MOST_SPREAD + 1e-9
    assert arranged.work <= nd.WORK_PER_LABEL * (len(nodes) + len(edges))


def _amid_its_neighbours(nodes, edges, centre=None):
    """The hub in the middle of a full ring of its neighbours (actors' pictures stood so before
    they became fans, with a gap below the actor): its name has no room near it."""
    ring = sorted(node.id for node in nodes if node.id != "hub")
    radius = max(180.0, len(ring) * 60 / (2 * math.pi))
    points = {node_id: nd.Point(radius * math.cos(2 * math.pi * i / len(ring) - math.pi / 2),
                                radius * math.sin(2 * math.pi * i / len(ring) - math.pi / 2))
              for i, node_id in enumerate(ring)}
    points["hub"] = nd.Point(0.0, 0.0)
    return points


def test_a_label_with_no_room_near_its_dot_goes_further_out_instead_of_spreading_the_dots(monkeypatch):
    """A name amid the arrows to its neighbours, which spread with the dots: a name of three
    long lines never found room there however far apart they stood (they were spread 83
    times). Its label now stands further out, on the last try."""
    monkeypatch.setattr(placement, "layout", _amid_its_neighbours)
    monkeypatch.setattr(nd, "layout", _amid_its_neighbours)
    nodes, edges = _star(9, hub_name=" ".join(["W" * 17] * 3))
    arranged = nd.arrange(nodes, edges, "hub")
    assert arranged.unplaced == [] and _overlaps(arranged) == []
    assert _spread(nodes, edges, "hub", arranged) <= MOST_SPREAD + 1e-9
    hub, label = arranged.points["hub"], arranged.node_labels["hub"].box()
    nearest = math.hypot(hub.x - min(max(hub.x, label.left), label.right), hub.y - min(max(hub.y, label.top), label.bottom))
    assert nearest > placement._GAPS[-1]  # further out than any place tried before the last try
    width, height = _size(nd.draw(nodes, edges, svg_id="x", title="t", description="d", centre="hub"))
    assert width <= 2000 and height <= 2000, (width, height)  # the dots spread 3.9 times, no more


def test_tries_that_cannot_succeed_cost_little_and_the_work_is_bounded(monkeypatch):
    """A label that finds no place even among the dots and arrows alone fails every try: each try
    but the first and the last now asks it first, among the dots and arrows, and stops there
    (they used to place every label, each time, and throw the try away)."""
    monkeypatch.setattr(placement, "layout", _amid_its_neighbours)
    nodes, edges = _star(40, hub_name=" ".join(["W" * 17] * 3), leaf_name=lambda i: f"Actor {i}")
    arranged = nd.arrange(nodes, edges, "hub")
    assert arranged.unplaced == [] and _overlaps(arranged) == []
    assert arranged.work <= nd.WORK_PER_LABEL * (len(nodes) + len(edges))
    base = _amid_its_neighbours(nodes, edges, "hub")
    for attempt in (1, nd.MAX_TRIES - 2):
        scale = nd.SPREAD ** attempt
        points = {key: nd.Point(p.x * scale, p.y * scale) for key, p in base.items()}
        tried = placement._arrange(sorted(nodes, key=lambda n: n.id), edges, points, nd.Point(0.0, 0.0),
                            hardest=(("node", "hub"),))
        assert tried.unplaced == [("node", "hub")] and tried.node_labels == {} and tried.edge_labels == []
        full = placement._arrange(sorted(nodes, key=lambda n: n.id), edges, points, nd.Point(0.0, 0.0), last=True)
        assert tried.work < full.work


def test_out_of_work_the_next_try_is_the_last_and_still_places_every_label(monkeypatch):
    """With (almost) no work allowed, the first try is stopped and the next is the last:
    the dots spread as far as they may, and every label still finds its place."""
    nodes, edges = _star(12, hub_name=LONG_NAME)
    monkeypatch.setattr(placement, "WORK_PER_LABEL", 1)
    arranged = nd.arrange(nodes, edges, "hub")
    assert arranged.unplaced == [] and _overlaps(arranged) == []
    assert math.isclose(_spread(nodes, edges, "hub", arranged), nd.SPREAD ** (nd.MAX_TRIES - 1))


def test_names_are_wrapped_and_cut_short():
    assert nd.wrap("United States") == ["United States"]
    assert nd.wrap("Equipment Development Department") == ["Equipment", "Development", "Department"]
    assert nd.wrap(LONG_NAME) == ["Bundesverfassungs-", "gericht Karlsruhe"]
    assert nd.wrap("W" * 80) == ["W" * 17 + "-", "W" * 17 + "-", "W" * 17 + "…"]
    assert all(len(line) <= nd.LABEL_WIDTH for line in nd.wrap("x" * 1000 + " y" * 500))


# -- any network, any names -------------------------------------------------------------

_WORDS = st.one_of(
    st.sampled_from(["Court", "of", "the", "United", "Republic", "Ministry", "Verwaltungsgerichtshof", "W" * 40,
                     "mmmmmmmmmmmmmmmmmmmmmmmm", "東京都庁", "i"]),
    st.text(alphabet="abcWMi東-", min_size=1, max_size=30),
)
_NAMES = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)


@st.composite
def _networks(draw):
    count = draw(st.integers(2, 9))
    names = draw(st.lists(_NAMES, min_size=count, max_size=count))
    kinds = draw(st.lists(st.sampled_from(["country", "person", "court"]), min_size=count, max_size=count))
    nodes = [_node(f"a{i}", names[i], kinds[i]) for i in range(count)]
    pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1))
                          .filter(lambda p: p[0] != p[1]), min_size=1, max_size=18))
    labels = sorted(set(RELATION_LABELS.values()))
    edges = [nd.Edge(f"a{s}", f"a{t}", labels[(s * 7 + t) % len(labels)], f"{names[s]} to {names[t]}")
             for s, t in pairs]
    used = {e.source for e in edges} | {e.target for e in edges}
    nodes = [n for n in nodes if n.id in used]
    centre = draw(st.sampled_from([None, edges[0].source]))
    if centre is not None:
        edges = [e for e in edges if centre in (e.source, e.target)]
        touched = {e.source for e in edges} | {e.target for e in edges}
        nodes = [n for n in nodes if n.id in touched]
    return nodes, edges, centre


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_networks())
@example(_star(9, hub_name=LONG_NAME) + ("hub",))
@example(_star(14, hub_name="Verwaltungsgerichtshof " * 3, leaf_name=lambda i: "W" * 80) + (None,))
def test_every_label_is_placed_clear_of_everything_in_a_bounded_picture(network):
    nodes, edges, centre = network
    arranged = nd.arrange(nodes, edges, centre)
    assert arranged.unplaced == []
    assert _overlaps(arranged) == []
    assert _spread(nodes, edges, centre, arranged) <= MOST_SPREAD + 1e-9
    assert arranged.work <= nd.WORK_PER_LABEL * (len(nodes) + len(edges))
    # Bounded: the spread dots and arrows, and beside them at most each label's own size and gap.
    svg = nd.draw(nodes, edges, svg_id="x", title="t", description="d", centre=centre)
    width, height = _size(svg)
    curves = [curve.bounds for curve in arranged.curves]
    drawn_width = max(b.right for b in curves) - min(b.left for b in curves)
    drawn_height = max(b.bottom for b in curves) - min(b.top for b in curves)
    labels = [label.box() for label in [*arranged.node_labels.values(), *arranged.edge_labels]]
    allowance = sum(2 * (b.right - b.left + b.bottom - b.top) + 2 * (nd.NODE_RADIUS + 100) for b in labels)
    assert width <= drawn_width + allowance and height <= drawn_height + allowance


_RECT = re.compile(r'<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" fill-opacity="0"/>')


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_networks())
@example(_star(9, hub_name="i") + ("hub",))
def test_the_picture_is_drawn_at_its_own_size_with_large_tap_targets_and_a_key_for_each_colour(network):
    """Shown 1:1 (its size and viewBox the same whole pixels), each actor's link answers to two
    invisible targets of at least TARGET × TARGET inside the picture, around its dot and its
    name, and the key names the kinds of every colour drawn (tests/browser/test_network_readable.py
    measures the same in a browser)."""
    nodes, edges, centre = network
    svg = nd.draw(nodes, edges, svg_id="x", title="t", description="d", centre=centre)
    width, height = _size(svg)
    left, top, view_width, view_height = map(int, re.search(r'viewBox="(-?\d+) (-?\d+) (\d+) (\d+)"', svg).groups())
    assert (view_width, view_height) == (width, height)
    links = svg.split('<a class="dossier-network-node"')[1:]
    assert len(links) == len(nodes)
    for link in links:
        targets = [tuple(map(float, found)) for found in _RECT.findall(link)]
        assert len(targets) == 2
        for x, y, w, h in targets:
            assert w >= nd.TARGET and h >= nd.TARGET
            assert left <= x and x + w <= left + width and top <= y and y + h <= top + height
    colours = set(re.findall(r'<circle [^>]*fill="(#[0-9a-f]{6})"', svg))
    key = nd.legend(nodes)
    assert {entry.colour for entry in key} == colours
    assert {kind for entry in key for kind in entry.kinds} == {node.kind_label for node in nodes}
