"""Tables of rows drawn from the claims, by source (the quotations and the key
figures): split into parts by source when long."""

from __future__ import annotations

from build_scripts.pages import paging
from build_scripts.pages.context import PageContext
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.links import Link
from build_scripts.pages.registry import PageKind


def parts_by_source(indexes: PageIndexes, kind: PageKind, wanted) -> list[paging.Part]:
    """The claims for which ``wanted(claim)`` holds, grouped by source, then where the quote stands."""
    content = indexes.content
    claims = [i for i, located in content.claims.items() if wanted(located.record)]
    spans = indexes.checked.quote_spans  # by source, then where the quote stands, as the pages list them
    claims.sort(key=lambda c: (content.claims[c].record.source, spans[c].start, c))
    source_of = lambda c: content.claims[c].record.source  # noqa: E731
    groups = paging.by_key(claims, lambda c: (source_of(c), content.sources[source_of(c)].record.title
                                                  or f"Untitled text ({source_of(c)})"))
    return paging.split(groups, kind.per_page, numbered=True)


def render_rows_by_source(site, kind: PageKind, title: str, description: str, rows_of) -> None:
    """The table's page: ``rows_of(context, claim ids or None for all)`` gives its rows."""
    rows = rows_of(site.context(kind.path))
    if not site.render_list(kind, "content/claims", title, description,
                            lambda pv, part: {"count": len(rows), "rows": [], "by_source": [
                                (pv.link("source", g.key), rows_of(pv, g.items)) for g in part.groups]},
                            main={"count": len(rows), "rows": [], "by_source": []},
                            summary=lambda part: "; ".join(g.label for g in part.groups)):
        site.render(kind.name, kind.path, "content/claims", title, description,
                    rows=rows, count=len(rows), by_source=[], part=None, parts=[])


def quote_sources(v: PageContext, record) -> list[Link]:
    """Each source of a claim (its record), named by its publisher and linked to the claim's
    quote there, as the claim's view names and links them. Rows are made from records, not
    views: a view reads the name of every actor the claim names, which a row may not show, so
    that renaming one would render the table again in the preview for nothing
    (site_source/incremental.py)."""
    links = []
    for evidence in record.evidence:
        source = v.source_ref(evidence.source)
        links.append(Link(source.text, v.quote_link(record.id, source_id=evidence.source).url, source.title))
    return links
