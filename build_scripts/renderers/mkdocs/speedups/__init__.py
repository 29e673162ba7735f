"""Speed-ups of the MkDocs build that rely on private internals of MkDocs or
Material, kept here, each behind a switch and pinned by a test:

- ``parallel_conversion``: MkDocs' Markdown conversion of every other page in
  a forked copy (replaces ``Page.render`` on those pages and does what
  MkDocs 1.6's ``_populate_page`` does), and Material's search plugin given
  the sections both processes split as they convert
  (``SearchIndex.add_entry_from_context`` wrapped). Pinned by
  tests/test_parallel_markdown.py (the attributes ``Page.render`` sets; the
  site byte for byte as one core builds it).
- ``parallel_preview``: the same two-core conversion in the dirty rebuilds
  of ``mkdocs serve --dirty`` (``make serve``) that convert enough pages,
  beside the server's threads (parallel_conversion.start says why that is
  safe, and stops a copy that hangs). Compared with a serve without it in
  tests/test_preview.py, and in tests/test_parallel_markdown.py (a stuck copy).
- ``dirty_preview``: ``mkdocs serve --dirty`` (``make serve``) rebuilds only the
  pages whose text changed, and keeps Material's search index (its
  ``search_index.json`` layout and the ``search_index.js`` the offline
  plugin writes) to the latest entries of each page; hides MkDocs' warning
  on every dirty build (a log filter keyed on its text). Pinned by
  tests/test_preview.py, which also compares the site after a series of dirty
  rebuilds with the one a serve without any speed-up makes.
- ``template_cache``: in ``mkdocs serve``, Material's templates compiled once
  per session instead of once per build (a Jinja bytecode cache set on the
  environment MkDocs makes anew for each build). Compared in
  tests/test_preview.py as above.
- ``theme_files``: in ``mkdocs serve``, the theme's static files listed once
  per session instead of on every build (speedups/theme_files.py: replaces
  ``Files.add_files_from_theme`` while the session lasts). Compared with
  MkDocs' own listing in tests/test_theme_files.py, and in
  tests/test_preview.py as above.

- ``native_watcher``: ``mkdocs serve`` hands the folders it watches to
  watchdog's native observer (inotify...), with an event filter, instead of
  walking them every half second (speedups/native_watcher.py: replaces the
  server's ``observer``). Pinned by tests/test_serve.py, which saves a file
  with and without it and checks one rebuild and the one file seen.

- ``frozen_between_saves``: with ``dirty_preview``, what is alive after each
  rebuild is frozen for Python's cycle collector, and every fifth rebuild
  unfreezes and collects (speedups/frozen_between_saves.py). Not an internal
  either; the site is compared by tests/test_preview.py as above, and
  tests/test_frozen_between_saves.py shows that cycles left by old builds are
  freed.

- ``drawing_cache``: not an internal of MkDocs, but a speed-up all the same,
  behind the same switch: the network pictures kept between builds in
  ``build/drawings/``, keyed by their input and the drawing code
  (build_scripts/pages/network/cache.py). Compared with drawing every
  picture in tests/test_drawing_cache.py.

- ``incremental_pages``: with ``dirty_preview``, each save renders again only the
  page jobs that read a changed record (build_scripts/site_source/incremental.py,
  pages/dependencies.py: hooks on the record classes' ``__getattribute__``
  while rendering). Compared with ``generate`` after a series of edits in
  tests/test_incremental_pages.py, and by tests/test_preview.py as above.

Not a speed-up, but Material's markup relied on all the same: theme/main.html
adds ``defer`` to the script tags Material's blocks print (pinned by
tests/test_site_pages.py, every script deferred), and
theme/partials/search.html is Material's partial with an accessible name
(pinned by tests/test_theme_overrides.py, which compares it with Material's).

Switch: the environment variable ``DOSSIER_SPEEDUPS`` lists the speed-ups to
use, separated by commas (``parallel_conversion,dirty_preview``); unset, all
are used; ``DOSSIER_SPEEDUPS=none`` uses none, and the build does everything
as MkDocs and Material do by themselves.
"""

from __future__ import annotations

import os

ALL = ("parallel_conversion", "dirty_preview", "template_cache", "drawing_cache", "incremental_pages",
       "native_watcher", "frozen_between_saves", "theme_files", "parallel_preview")


def enabled(name: str) -> bool:
    assert name in ALL, name
    chosen = os.environ.get("DOSSIER_SPEEDUPS")
    if chosen is None:
        return True
    return name in {part.strip() for part in chosen.split(",")}
