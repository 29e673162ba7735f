"""`mkdocs serve` told of saves by the system instead of looking for them.

MkDocs 1.6 watches with watchdog's polling observer: every half second it
walks and stats every file of every watched folder, in a thread of the
serving process. At a hundred times today's dossier that is 18,000 content
files a walk; while a save was rebuilt, the walks held Python's lock for a
third of the process's time (py-spy over five saves), and a save waited for
the next walk to be seen.

The folders go to watchdog's native observer instead (inotify on Linux,
FSEvents on macOS, ReadDirectoryChangesW on Windows), which the system tells
of each change. It is given an event filter: it also reports files opened
and closed without writing, which every build does to the content, and
MkDocs rebuilds on any event, so without the filter each rebuild would set
off the next. Single files (mkdocs.yml) are still polled: a file watched
natively is lost when an editor saves by renaming a new file over it. Where
the system refuses (Linux limits how many folders a user may watch), the
folders are polled as before, with a warning.

Swapped in at ``on_serve``, before MkDocs watches mkdocs.yml's ``watch:``
folders; what it watches already is watched again by the new observer. It
relies on what MkDocs' ``LiveReloadServer`` calls of its ``observer``
(schedule, unschedule, start, stop, join) and on its ``_watched_paths``;
with a server that has other internals it changes nothing. Pinned by tests/test_serve.py, which saves a file with and without
this speed-up and checks one rebuild and the file alone seen.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.hooks.dossier")

# What a save, a new file, a deletion or a rename gives; not a file opened or read.
SAVE_EVENTS = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
               DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


@dataclass
class _Watch:
    """A watch the server asked for: the observer that has it, and what to watch it again with."""

    observer: object
    actual: object  # the observer's own watch
    handler: object
    path: str
    recursive: bool


class _Watchers:
    """What the server calls of its observer: folders watched natively, files polled."""

    def __init__(self, polling: PollingObserver):
        self.polling = polling
        self.native = Observer()
        self.watches: dict = {}  # the watch handed to the server -> _Watch

    def schedule(self, handler, path, *, recursive: bool = False):
        native = os.path.isdir(path)
        observer = self.native if native else self.polling
        watch = observer.schedule(handler, path, recursive=recursive, event_filter=SAVE_EVENTS if native else None)
        self.watches[watch] = _Watch(observer, watch, handler, path, recursive)
        return watch

    def unschedule(self, watch) -> None:
        found = self.watches.pop(watch)
        found.observer.unschedule(found.actual)

    def start(self) -> None:
        try:
            self.native.start()  # watches every folder now: a system limit shows here
        except OSError as error:
            log.warning(f"serve: the system would not watch the folders ({error}); they are looked at every "
                        "half second instead")
            self._poll_everything()
        self.polling.start()

    def _poll_everything(self) -> None:
        self.native.unschedule_all()  # stops the folders it had begun to watch
        for found in self.watches.values():
            if found.observer is self.native:
                found.observer = self.polling
                found.actual = self.polling.schedule(found.handler, found.path, recursive=found.recursive)
        self.native = None

    def stop(self) -> None:
        self.polling.stop()
        if self.native is not None:
            self.native.stop()

    def join(self, timeout: float | None = None) -> None:
        self.polling.join(timeout)
        if self.native is not None:
            self.native.join(timeout)


def watch_natively(server) -> bool:
    """Give ``server``'s watched folders to the native observer; False (nothing changed)
    where the server is not the one this knows, or the system has no native observer."""
    polling = getattr(server, "observer", None)
    watched = getattr(server, "_watched_paths", None)
    if type(polling) is not PollingObserver or Observer is PollingObserver or not isinstance(watched, dict):
        return False
    watched = dict(watched)  # {path: how many asked for it}
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _Watchers(polling)
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)  # with MkDocs' own handler, into the new observer
    log.debug("serve: watched folders told of changes by the system (speedups/native_watcher.py)")
    return True
