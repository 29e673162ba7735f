"""What is worked out from one record, or one source text, alone: kept from
one run of the preview to the next.

The preview loads, checks and renders the dossier again after every save
(site_source/incremental.py). Its loads share the record objects of every
file whose bytes did not change (content/load.py, ``FileCache``), and records
are frozen; source texts are shared the same way (``known_texts`` in
rules/check.py). So what is worked out from one record (its placeholders,
its prose links, its data, line of JSON and row of CSV in the Downloads
files), from one source text and one quote or name (where the quote
stands, where the text names an actor) or from one file's bytes (whether it
starts with its schema line) is worked out again only for what the save
changed. At a hundred times today's dossier that was half of a
save's check (the placeholders, the prose links, 5,700 quotes located), most
of the Downloads files and, when an actor is renamed, the 60,000 name
lookups of the source texts' actor mentions: the generator's part of a save
went from 4.1-5.5 s to 3.0-3.8 s.

Kept by identity (``is``), never by equality, so that nothing is taken for
unchanged that is not the very same object; each entry holds its object,
whose id therefore cannot be reused meanwhile. A run keeps only the entries
it used, so the memo never holds more than one dossier's worth. Outside
``Memo.opened()`` (every build, `make check`) each call simply computes:
``tests/test_incremental_pages.py`` compares the preview's pages and files
after edits with a clean run's, and ``tests/test_memo.py`` the check's
findings and the Downloads files with and without the memo.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import TypeVar

Value = TypeVar("Value")

_open: ContextVar[Memo | None] = ContextVar("memo", default=None)


class Memo:
    """The last run's results, by (what, the object they were worked out from, a second key)."""

    def __init__(self) -> None:
        self._last: dict[tuple, tuple[object, object]] = {}
        self._now: dict[tuple, tuple[object, object]] = {}

    @contextlib.contextmanager
    def opened(self) -> Iterator[Memo]:
        """Work within uses (and refills) this memo; afterwards it keeps only what was used."""
        token = _open.set(self)
        try:
            yield self
        finally:
            _open.reset(token)
            self._last, self._now = self._now, {}

    def get(self, what: str, of: object, key: object, compute: Callable[[], Value]) -> Value:
        entry_key = (what, id(of), key)
        entry = self._now.get(entry_key) or self._last.get(entry_key)
        if entry is None or entry[0] is not of:
            entry = (of, compute())
        self._now[entry_key] = entry
        return entry[1]


def remembered(what: str, of: object, compute: Callable[[], Value], key: object = None) -> Value:
    """``compute()``, which depends on ``of`` (a record, a source text) and ``key`` alone;
    the last run's value when a memo is open and ``of`` is the very same object."""
    memo = _open.get()
    if memo is None:
        return compute()
    return memo.get(what, of, key, compute)
