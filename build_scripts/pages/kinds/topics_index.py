"""The index of topics, in the topics' own order; in numbered parts when long."""

from __future__ import annotations

from build_scripts.pages import paging
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer

KIND = PAGE_KINDS["topics_index"]


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    return paging.numbered(indexes.topics_in_order, KIND.per_page)


def render(site: PageRenderer) -> None:
    site.render_record_index(KIND, "topic", "Topics", "The threads of the story.", site.indexes.topics_in_order)
