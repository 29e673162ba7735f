"""Which records each page job reads, for the preview that renders again only
what an edit changed (site_source/incremental.py).

While ``tracking`` runs, reading any attribute of a record (an actor, a claim,
the dossier...) or of its ``Located`` wrapper adds the record's key, such as
``("actor", "russia")``, to the reads of the job being rendered (``reading``).
The hooks are class attributes set for that time only: a build without the
preview runs without them.

What pages derive once and share (``PageIndexes``' properties, the views kept
per folder, citations, list parts) is made through ``remember`` or
``remembered_property``: the reads made while an entry is made are kept with
it, and every later use of the entry adds them to the job that uses it, as if
the job had made it itself. Outside ``tracking``, both are plain caches.

Keys for what is not a record: ``("files", "downloads")`` for the Downloads
page's files (``PageIndexes.data_files``).
"""

from __future__ import annotations

import contextlib
import functools
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from typing import Any

Key = tuple[str, Hashable]

_MISSING = object()
ALL = "all"  # ("all", kind): any record of the kind (Tracker.compressed)


def with_kinds(changed: set[Key]) -> set[Key]:
    """``changed`` and, for each kind of record among it, ``("all", kind)``."""
    return changed | {(ALL, key[0]) for key in changed if key[0] not in (ALL, "entry", "files")}


class Tracker:
    """The keys of the records of one dossier, and the reads being gathered."""

    def __init__(self, keys: dict[int, Key]):
        self.keys = keys  # {id() of a record or of its Located: its key}
        # records of each kind (a record and its Located share one key)
        self.totals: dict[str, int] = Counter(kind for kind, _ in set(keys.values()))
        self.stack: list[set[Key]] = []
        self.entry_reads: dict[tuple[int, Hashable], frozenset[Key]] = {}  # (id(cache), key) -> reads
        # ("entry", name, key) -> (its reads, its value), for the entries ``remember`` cuts off
        self.cut_off_entries: dict[Key, tuple[frozenset[Key], Any]] = {}

    def add(self, key: Key) -> None:
        if self.stack:
            self.stack[-1].add(key)

    def add_all(self, keys) -> None:
        if self.stack:
            self.stack[-1].update(keys)

    def compressed(self, reads: set[Key]) -> frozenset[Key]:
        """``reads``, with the records of a kind of which it holds at least half (an index of every
        claim, a list of every actor) as one key, ``("all", kind)``: an entry or a job that read
        them depends on any record of the kind (``changed_kinds``), and its reads stay small."""
        counts: dict[str, int] = {}
        for key in reads:
            counts[key[0]] = counts.get(key[0], 0) + 1
        many = {kind for kind, count in counts.items() if count >= 8 and 2 * count >= self.totals.get(kind, 0) > 0}
        if not many:
            return frozenset(reads)
        return frozenset([key for key in reads if key[0] not in many] + [(ALL, kind) for kind in many])

    @contextlib.contextmanager
    def scope(self) -> Iterator[set[Key]]:
        """Gather the reads of the block apart (also counted in the enclosing block)."""
        reads: set[Key] = set()
        self.stack.append(reads)
        try:
            yield reads
        finally:
            self.stack.pop()
            if self.stack:
                self.stack[-1].update(reads)


_tracker: Tracker | None = None


def _reading(self, name: str, _get=object.__getattribute__):
    tracker = _tracker
    if tracker is not None and tracker.stack:
        key = tracker.keys.get(id(self))
        if key is not None:
            tracker.stack[-1].add(key)
    return _get(self, name)


def record_keys(content) -> dict[int, Key]:
    """{id() of every record and of its Located: the record's key}."""
    keys: dict[int, Key] = {}

    def add(kind: str, record_id: Hashable, located) -> None:
        keys[id(located)] = keys[id(located.record)] = (kind, record_id)

    if content.dossier is not None:
        add("dossier", "", content.dossier)
    for kind, records in kinds_of(content):
        for record_id, located in records:
            add(kind, record_id, located)
    return keys


def kinds_of(content) -> list[tuple[str, list]]:
    """(kind, [(record id, Located)]) for every kind of record of ``content``."""
    return [("story", list(content.stories.items())), ("source", list(content.sources.items())),
            ("actor", list(content.actors.items())), ("topic", list(content.topics.items())),
            ("claim", list(content.claims.items())), ("relation", list(enumerate(content.relations))),
            ("term", list(content.glossary.items())), ("context", list(content.context.items()))]


def _hooked_classes(content) -> set[type]:
    classes = set()
    if content.dossier is not None:
        classes |= {type(content.dossier), type(content.dossier.record)}
    for _kind, records in kinds_of(content):
        for _record_id, located in records[:1]:
            classes |= {type(located), type(located.record)}
    return classes


@contextlib.contextmanager
def tracking(content) -> Iterator[Tracker]:
    """Record reads of ``content``'s records (``reading``) while the block runs."""
    global _tracker
    classes = _hooked_classes(content)
    for cls in classes:
        assert "__getattribute__" not in cls.__dict__, cls
        cls.__getattribute__ = _reading
    tracker = _tracker = Tracker(record_keys(content))
    try:
        yield tracker
    finally:
        _tracker = None
        for cls in classes:
            del cls.__getattribute__


@contextlib.contextmanager
def reading() -> Iterator[set[Key]]:
    """The keys read while the block runs (empty when nothing is tracked)."""
    if _tracker is None:
        yield set()
        return
    with _tracker.scope() as reads:
        yield reads


def read(key: Key) -> None:
    """Count ``key`` as read (what is not a record: see the module's notes)."""
    if _tracker is not None:
        _tracker.add(key)


# {name of a cut-off entry: how to make it again from the new run's PageIndexes and its key};
# each module that cuts entries off adds its own (``cut_off_entry``).
remakers: dict[str, Callable[[Any, Hashable], Any]] = {}


# {name of a cut-off entry: the PageIndexes cache that holds it}
cut_off_caches: dict[str, Callable[[Any], dict]] = {}


def cut_off_entry(name: str, remake: Callable[[Any, Hashable], Any], cache: Callable[[Any], dict]) -> str:
    """Name a kind of cut-off entry (``remember``), say how to make one again from PageIndexes
    and its key, and which of PageIndexes' caches holds it; returns the name."""
    remakers[name] = remake
    cut_off_caches[name] = cache
    return name


def remember(cache: dict, key: Hashable, make: Callable[[], Any], *, cut_off: str | None = None) -> Any:
    """``cache[key]``, made by ``make()`` the first time; the reads made meanwhile go with it.
    ``make`` must make the entry from PageIndexes and the key alone, asking for any shared view
    it uses itself (never from a view handed to it): the incremental preview keeps an entry
    for the next build when its reads did not change.

    ``cut_off``: a name for what the cache holds, for an entry many jobs use whose value
    an edit seldom changes (where a list is cut into parts): the jobs that use it read
    the key ``("entry", cut_off, key)`` instead of its records, and the next run makes the
    entry again, when one of its records changed, to see whether its value did
    (``Tracker.cut_off_entries``).
    """
    value = cache.get(key, _MISSING)
    tracker = _tracker
    if tracker is None:
        if value is _MISSING:
            value = cache[key] = make()
        return value
    if cut_off is not None:
        entry = ("entry", cut_off, key)
        if value is _MISSING:
            tracker.stack.append(set())  # not counted in the enclosing block: it reads the entry
            try:
                value = make()
            finally:
                reads = tracker.stack.pop()
            cache[key] = value
            tracker.cut_off_entries[entry] = (tracker.compressed(reads), value)
        tracker.add(entry)
        return value
    if value is _MISSING:
        tracker.stack.append(set())  # even outside a job: a job may use the entry later
        try:
            value = make()
        finally:
            reads = tracker.compressed(tracker.stack.pop())
        if tracker.stack:
            tracker.stack[-1].update(reads)
        cache[key] = value
        tracker.entry_reads[(id(cache), key)] = reads
    elif tracker.stack:
        tracker.stack[-1].update(tracker.entry_reads.get((id(cache), key), ()))
    return value


class remembered_property:  # noqa: N801 - used as a decorator, like functools.cached_property
    """``functools.cached_property`` through ``remember``: made once per instance, and its
    reads counted wherever it is used."""

    def __init__(self, make: Callable[[Any], Any]):
        self.make = make
        self.name = make.__name__
        functools.update_wrapper(self, make)  # type: ignore[arg-type]

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        cache = instance.__dict__.get("_remembered")
        if cache is None:
            cache = instance.__dict__["_remembered"] = {}
        return remember(cache, self.name, lambda: self.make(instance))
