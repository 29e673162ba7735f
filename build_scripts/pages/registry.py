"""Every kind of page the site has, in one table.

A page kind named ``timeline`` is made by the module ``pages/kinds/timeline.py``
(its view data and how its pages are rendered) with the template
``pages/kinds/timeline.md.j2`` beside it; this table says where its page
goes, what links to it call it, how many items a page holds before the list
is split into parts (``paging.py``), and its weight in search. Adding a page
kind means a module, its template and a line here.

This module imports nothing else of the engine, so that every other module
of ``pages/`` can ask it where a page is; the kinds' modules are found by
name (``module_of``), never imported here, so that no import runs in a circle.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_scripts.pages.kinds import PageKindModule


@dataclass(frozen=True)
class PageKind:
    name: str  # also its module, pages/kinds/<name>.py, and its template, pages/kinds/<name>.md.j2
    path: str  # where its page goes in the site; "{id}" for one page per record
    title: str  # what a link to the page says (for one page per record: the record's title)
    per_page: int | None = None  # items a page holds before the list is split into parts
    part_bytes: int | None = None  # or: about how many bytes of Markdown its items may take on one page
    search_boost: float | None = None  # Material's per-page search weight (front matter `search.boost`)
    records: str | None = None  # one page per record of this kind ("actors", "topics", "sources")

    def path_of(self, record_id: str = "") -> str:
        return self.path.format(id=record_id)


# In the order pages are made. Items per page: chosen so that at 100 times
# today's dossier (build_scripts/tools/synthetic.py) no page is over ~90 KB of HTML,
# theme included (python -m benchmarks.run prints the largest page), while
# today's lists (36 actors, 11 topics, 29 dated events, 42 relations, 29
# terms, 56 claims in one source) each stay on one page. Search weights: pages
# about one thing come before the long pages that mention everything.
PAGE_KINDS: dict[str, PageKind] = {kind.name: kind for kind in [
    PageKind("home", "index.md", "Home"),
    # With several stories, a page for each (its lede and its ways in); with one, the home page is its page.
    PageKind("story", "stories/{id}.md", "Story", search_boost=3),
    # part_bytes: the claims an actor's or a topic's page lists in full, weighed by
    # views/claims.claim_weight (today's heaviest weigh about 43,000 and 45,000: each on one page)
    PageKind("actor", "actors/{id}.md", "Actor", part_bytes=60_000, search_boost=3, records="actors"),
    PageKind("actors_index", "actors/index.md", "Actors", per_page=500),  # a line per actor
    PageKind("topic", "topics/{id}.md", "Topic", part_bytes=60_000, search_boost=3, records="topics"),
    PageKind("topics_index", "topics/index.md", "Topics", per_page=40),  # a title and summary per topic
    # per_page: the claims listed under the source's text, one line each
    PageKind("source", "sources/{id}.md", "Source", per_page=64, search_boost=0.5, records="sources"),
    PageKind("sources_index", "sources/index.md", "Sources", per_page=300),  # a line per source
    # Every two sources side by side while the pairs are few (compare.py); else a row per source,
    # and a page per source (compare_source: its claims others report too or contradict).
    PageKind("compare", "compare.md", "Compare sources", per_page=150),
    PageKind("compare_source", "compare/sources/{id}.md", "Compare a source", per_page=20),
    # The sources of a claim reported by more than a claim shows (claims.EVIDENCE_SHOWN), with their words.
    PageKind("claim_sources", "compare/claims/{id}.md", "Sources of a claim", per_page=60),
    PageKind("timeline", "timeline.md", "Timeline", per_page=40),  # events with date, statement, links
    PageKind("network", "network.md", "Network", per_page=60),  # relations, drawn and listed
    PageKind("quotations", "quotations.md", "Quotations", per_page=120),
    PageKind("figures", "figures.md", "Key figures", per_page=160),  # rows of the figures table
    PageKind("glossary", "glossary.md", "Glossary", per_page=60, search_boost=2),  # terms with definitions
    PageKind("corrections", "corrections.md", "Corrections", per_page=100),  # every correction, newest first
    PageKind("whats_new", "whats-new.md", "What's new", per_page=100),  # new sources, claims, corrections
    PageKind("downloads", "downloads.md", "Downloads"),
    PageKind("about", "about.md", "About"),  # what the site is, from content/dossier.yaml, and every source's licence
]}


def module_of(kind: PageKind) -> PageKindModule:
    """The module that makes the pages of ``kind``: ``pages/kinds/<name>.py``
    (what it offers: the protocols in ``pages/kinds/__init__.py``)."""
    return importlib.import_module(f"build_scripts.pages.kinds.{kind.name}")  # type: ignore[return-value]
