"""`serve --dirty` freezes what outlives each rebuild for Python's cycle collector
(build_scripts/renderers/mkdocs/speedups/frozen_between_saves.py): a cycle an old
build left is not freed while frozen, and is freed at the next sweep."""

from __future__ import annotations

import gc
import weakref

from build_scripts.renderers.mkdocs.speedups.frozen_between_saves import FrozenBetweenSaves


class _Page:
    """Stands for a MkDocs page and its file, which refer to each other."""


def _cycle() -> weakref.ref:
    page = _Page()
    page.file = _Page()
    page.file.page = page
    return weakref.ref(page)


def test_a_cycle_left_by_an_old_build_is_freed_at_the_next_sweep():
    collector = FrozenBetweenSaves()
    try:
        page = _cycle()
        collector.after_build()  # the page is alive: frozen with everything else
        assert gc.get_freeze_count() > 0
        page().file.page = None  # the next build drops it: the cycle is broken, refcounts free it at once
        assert page() is None

        old = _cycle()
        collector.after_build()
        old().file = old()  # still a cycle, and nothing else refers to it
        gc.collect()
        assert old() is not None  # frozen: the collector does not see it
        while collector.rebuilds % FrozenBetweenSaves.SWEEP_EVERY:
            collector.after_build()
        assert old() is None  # the sweep unfroze and collected it
    finally:
        collector.close()
    assert gc.get_freeze_count() == 0
