"""The glossary: every term, spelled out and explained, with the topics that
use it; split by first letter when long. (Where terms are used across the
site, and their hover abbreviations, is ``pages/derived/glossary.py``.)"""

from __future__ import annotations

from build_scripts.pages import paging
from build_scripts.pages.derived import glossary
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.term_views import term_view

KIND = PAGE_KINDS["glossary"]
TITLE = "Glossary"
DESCRIPTION = "The acronyms and terms of the story, spelled out and explained."


def parts(indexes: PageIndexes, record_id: str = "") -> list[paging.Part]:
    terms = indexes.content.glossary
    ids = glossary.in_glossary_order(indexes.content, terms)
    return paging.split(paging.by_first_letter(ids, lambda i: terms[i].record.term), KIND.per_page)


def render(site: PageRenderer) -> None:
    count = len(site.content.glossary)
    if not site.render_list(KIND, "content/glossary.yaml", TITLE, DESCRIPTION,
                            lambda pv, part: {"terms": [term_view(pv, t) for t in part.items], "count": count},
                            main={"terms": [], "count": count}):
        v = site.context(KIND.path)
        terms = [term_view(v, i) for i in glossary.in_glossary_order(site.content, site.content.glossary)]
        site.render("glossary", KIND.path, "content/glossary.yaml", TITLE, DESCRIPTION,
                    search_boost=KIND.search_boost, terms=terms, count=count, part=None, parts=[])
