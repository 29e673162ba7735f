"""Where each glossary term's entry is, for the terms' toggletips (docs/assets/term-tips.js).

A term on a page is an ``<abbr>`` whose title is its meaning; the script turns
it into a button that shows that meaning in place, with a link to the term's
entry in the glossary (or the part of it that holds the term). The entries'
addresses are here, not in the pages: a link beside every term would cost the
busiest pages kilobytes. Shipped as a script that sets one global (a page read
from disk, file://, may not fetch JSON), loaded only when a reader opens a
term: ``{term as written: [[meaning, address from the site's root], ...]}``,
several when terms of different stories are written alike.
"""

from __future__ import annotations

import json

from build_scripts.pages import lists
from build_scripts.pages.addresses import built_page
from build_scripts.pages.derived.glossary import hover_text
from build_scripts.pages.indexes import PageIndexes

PATH = "assets/glossary-entries.js"


def entries(indexes: PageIndexes) -> dict[str, list[list[str]]]:
    glossary = indexes.content.glossary
    if not glossary:
        return {}
    page_of = lists.parts_of(indexes, "glossary").page_of
    found: dict[str, list[list[str]]] = {}
    for term_id, located in sorted(glossary.items()):
        term = located.record
        found.setdefault(term.term, []).append([hover_text(term), f"{built_page(page_of[term_id])}#{term_id}"])
    return found


def entries_file(indexes: PageIndexes) -> dict[str, bytes]:
    """{site path: the script}. Every character outside ASCII, and "<", ">", "&",
    written as an escape: still the same strings, whatever a term holds."""
    text = json.dumps(entries(indexes), ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return {PATH: f"window.dossierGlossaryEntries = {text};\n".encode("ascii")}
