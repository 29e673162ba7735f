"""The index of sources; in numbered parts when long."""

from __future__ import annotations

from build_scripts.pages import paging
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer

KIND = PAGE_KINDS["sources_index"]


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    return paging.numbered(sorted(indexes.content.sources), KIND.per_page)


def render(site: PageRenderer) -> None:
    site.render_record_index(KIND, "source", "Sources", "The documents every statement on this site comes from.",
                             sorted(site.content.sources))
