"""One module per page kind, each beside its template (``<kind>.md.j2``); the
registry of kinds is ``pages/registry.py``.

What a kind's module offers, written as protocols (``tests/test_layout.py``
checks every module against them):

- every kind: ``render(site, ...)``, which renders its page(s) with
  ``site.render``; a kind with one page per record (``records`` in the
  registry) takes the record's id;
- a kind whose list may be split into parts (``per_page`` in the registry):
  ``parts(indexes, record_id="")``, the numbered parts (``paging.py``);
- a kind whose pages are rendered as several jobs (optional): ``jobs(indexes)``,
  the arguments of each ``render`` call: the network page's parts, shared
  between two cores, or a page for only some records (``compare_source``,
  ``claim_sources``: a source's or a claim's comparison, where there is one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from build_scripts.pages.indexes import PageIndexes
    from build_scripts.pages.paging import Part
    from build_scripts.pages.render import PageRenderer


@runtime_checkable
class PageKindModule(Protocol):
    def render(self, site: PageRenderer, /, *arguments: str) -> None: ...


@runtime_checkable
class ListedPageKind(PageKindModule, Protocol):
    def parts(self, indexes: PageIndexes, record_id: str = "", /) -> list[Part]: ...


@runtime_checkable
class SplitPageKind(PageKindModule, Protocol):
    def jobs(self, indexes: PageIndexes, /) -> list[tuple[str, ...]]: ...
