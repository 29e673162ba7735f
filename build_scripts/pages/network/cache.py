"""Network pictures kept between builds, keyed by their input: ``build/drawings/``.

Drawing a picture (placing its labels) is most of the generator's time for a
large dossier, and an edit changes few pictures. ``draw`` here gives what
``svg.draw`` gives, reading it from a file named by a hash of everything the
picture is made from: the dots, the arrows, the ids, title and description,
the centre, and the source code of this package (so that a change of the
drawing code is a change of input). A build whose input differs computes
another name and never reads the file; a file that cannot be read is drawn
again; the folder may be deleted at any time.

Used only while a build has opened the cache (``opened``, by the generator,
for the project being built) and the speed-up switch allows it
(``DOSSIER_SPEEDUPS``, ``drawing_cache``); otherwise every picture is drawn.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
from pathlib import Path

from markupsafe import Markup

from .layout import Edge, Node
from .svg import draw as draw_svg

# The folder of the project being built (build/drawings/), while a build has it open.
_folder: Path | None = None


@contextlib.contextmanager
def opened(folder: Path):
    """Keep and reuse pictures in ``folder`` while the block runs (when the switch allows it)."""
    global _folder
    from build_scripts.renderers.mkdocs import speedups

    previous = _folder
    _folder = folder if speedups.enabled("drawing_cache") else None
    try:
        yield
    finally:
        _folder = previous


@functools.cache
def code_version() -> str:
    """A hash of this package's source: read once per process."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(nodes: list[Node], edges: list[Edge], *, svg_id: str, title: str, description: str,
        centre: str | None) -> str:
    """The name of the picture's file: everything it is drawn from, hashed."""
    # repr of frozen dataclasses of strings and booleans: every field, quoted unambiguously.
    text = repr((code_version(), nodes, edges, svg_id, title, description, centre))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def draw(nodes: list[Node], edges: list[Edge], *, svg_id: str, title: str, description: str,
         centre: str | None = None) -> Markup:
    """``svg.draw``, from the cache when this input was drawn before."""
    folder = _folder
    if folder is None:
        return draw_svg(nodes, edges, svg_id=svg_id, title=title, description=description, centre=centre)
    name = key(nodes, edges, svg_id=svg_id, title=title, description=description, centre=centre)
    path = folder / name[:2] / f"{name}.svg"
    try:
        return Markup(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        pass
    svg = draw_svg(nodes, edges, svg_id=svg_id, title=title, description=description, centre=centre)
    _write(path, str(svg))
    return svg


def _write(path: Path, text: str) -> None:
    """Written beside its place and renamed into it: a reader sees the whole file or none."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except OSError:  # a cache that cannot be written costs a drawing next time, nothing more
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temporary)
