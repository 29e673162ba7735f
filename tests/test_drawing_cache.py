"""Network pictures kept between builds (build_scripts/pages/network/cache.py).

The speed-up against the plain way: the pages generated with a cold cache,
a warm one and none (``DOSSIER_SPEEDUPS=none``) are the same; and a kept
picture is read only for the very input it was drawn from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.pages import network
from build_scripts.pages.network import cache
from build_scripts.site_source import generate as generate_module

from .helpers import PROJECT_ROOT


def _pages_with_cache(monkeypatch, folder: Path, speedups: str | None) -> dict[str, str]:
    monkeypatch.setattr(generate_module, "DRAWINGS_FOLDER", str(folder))  # absolute: the root is ignored
    if speedups is None:
        monkeypatch.delenv("DOSSIER_SPEEDUPS", raising=False)
    else:
        monkeypatch.setenv("DOSSIER_SPEEDUPS", speedups)
    return {page.path: page.text for page in generate_module.generate(PROJECT_ROOT).pages}


def test_pages_are_the_same_with_a_cold_cache_a_warm_one_and_none(monkeypatch, tmp_path):
    folder = tmp_path / "drawings"
    plain = _pages_with_cache(monkeypatch, folder, "none")
    assert not folder.exists()  # the switch turns the cache off: nothing kept
    cold = _pages_with_cache(monkeypatch, folder, None)
    kept = sorted(folder.rglob("*.svg"))
    pictures = sum(text.count('class="dossier-network-svg"') for text in plain.values())
    assert pictures > 10 and len(kept) == pictures  # every picture of today's dossier differs from the others
    warm = _pages_with_cache(monkeypatch, folder, None)
    assert cold == plain
    assert warm == plain
    assert sorted(folder.rglob("*.svg")) == kept  # nothing drawn again


NODES = [network.Node("a", "Alpha", "country", "Country", "a.html"),
         network.Node("b", "Beta", "person", "Person", "b.html")]
EDGES = [network.Edge("a", "b", "backs", "Alpha backs Beta")]


def _draw(nodes=NODES, edges=EDGES, title="A picture"):
    return cache.draw(nodes, edges, svg_id="net", title=title, description="Who backs whom")


def _kept_file(folder: Path) -> Path:
    (path,) = folder.rglob("*.svg")
    return path


def test_a_kept_picture_is_read_only_for_its_own_input(tmp_path, monkeypatch):
    monkeypatch.delenv("DOSSIER_SPEEDUPS", raising=False)
    with cache.opened(tmp_path):
        drawn = _draw()
        path = _kept_file(tmp_path)
        assert path.read_text(encoding="utf-8") == str(drawn)
        path.write_text("<svg>planted</svg>", encoding="utf-8")
        assert _draw() == "<svg>planted</svg>"  # the same input reads the file
        # Any other input is another file: a renamed actor, another title, another drawing code.
        renamed = [NODES[0], network.Node("b", "Beta Two", "person", "Person", "b.html")]
        assert _draw(nodes=renamed) == network.draw(renamed, EDGES, svg_id="net", title="A picture",
                                                    description="Who backs whom")
        assert _draw(title="Another") == network.draw(NODES, EDGES, svg_id="net", title="Another",
                                                      description="Who backs whom")
        monkeypatch.setattr(cache, "code_version", lambda: "the drawing code changed")
        assert _draw() == drawn


def test_a_cache_that_cannot_be_read_or_written_draws_again(tmp_path, monkeypatch):
    monkeypatch.delenv("DOSSIER_SPEEDUPS", raising=False)
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    with cache.opened(blocked):
        assert _draw() == network.draw(NODES, EDGES, svg_id="net", title="A picture", description="Who backs whom")
    with cache.opened(tmp_path / "drawings"):
        drawn = _draw()
        path = _kept_file(tmp_path / "drawings")
        path.write_bytes(b"\xff\xfe not text")
        assert _draw() == drawn


@pytest.mark.parametrize("speedups", ["none", "parallel_conversion,dirty_preview"])
def test_the_switch_turns_the_cache_off(tmp_path, monkeypatch, speedups):
    monkeypatch.setenv("DOSSIER_SPEEDUPS", speedups)
    with cache.opened(tmp_path):
        _draw()
    assert not list(tmp_path.iterdir())
