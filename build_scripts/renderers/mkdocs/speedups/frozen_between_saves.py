"""`mkdocs serve --dirty`: Python's cycle collector kept off what outlives a rebuild.

At a hundred times today's dossier the preview process holds about two
million objects that Python's cycle collector tracks: the dossier, what the
last run rendered, MkDocs' files and pages. Every save makes enough new ones
that every other save, a full collection walked them all in the middle of the
rebuild (1.4 s), to free the few from the last build that refer to each other.

After each rebuild the objects alive are frozen (``gc.freeze``): the
collector leaves them alone and walks only what later rebuilds make. A
frozen object that becomes garbage is freed at once when nothing refers to
it, but not when it is caught in a cycle (a MkDocs page and its file refer to
each other), until it is unfrozen: every ``SWEEP_EVERY``-th rebuild unfreezes
everything and collects, so memory grows by at most that many rebuilds'
cycles (about 30 MB a save at a hundred times today's dossier).
"""

from __future__ import annotations

import gc


class FrozenBetweenSaves:
    """Freeze what is alive after each rebuild; unfreeze and collect every few rebuilds."""

    SWEEP_EVERY = 5

    def __init__(self) -> None:
        self.rebuilds = 0

    def after_build(self) -> None:
        self.rebuilds += 1
        if self.rebuilds % self.SWEEP_EVERY == 0:
            gc.unfreeze()
            gc.collect()
        gc.freeze()

    def close(self) -> None:
        gc.unfreeze()
