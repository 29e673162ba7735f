"""The About page: what the site is (``about`` in content/dossier.yaml), how it
is made, and each source with its publisher and licence, all from the content,
so that the engine names no story and a dossier of many sources lists them all."""

from __future__ import annotations

from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer

KIND = PAGE_KINDS["about"]
# Sources the page lists one by one, each with its publisher, licence and
# credit; past that, it counts them by licence (each source's own page gives
# its licence and credit), so that the page does not grow with the sources.
SOURCES_LISTED = 100


def render(site: PageRenderer) -> None:
    located = site.content.dossier
    v = site.context(KIND.path)
    sources = []
    for source_id in sorted(site.content.sources)[: SOURCES_LISTED + 1]:
        source = site.content.sources[source_id].record
        sources.append({
            "link": v.link("source", source_id),
            "publisher": v.link("actor", source.publisher),
            "original": v.link("actor", source.original_publisher) if source.original_publisher else None,
            "licence": v.external(source.licence.name, source.licence.url),
            "attribution": source.attribution,
        })
    licences: dict[tuple[str, str], int] = {}
    for source in site.content.sources.values():
        key = (source.record.licence.name, source.record.licence.url or "")
        licences[key] = licences.get(key, 0) + 1
    site.render("about", KIND.path, located.origin.path, "About this dossier",
                f"How {located.record.title} is made, and the sources it rests on.",
                about=located.record.about, sources=sources if len(sources) <= SOURCES_LISTED else [],
                source_count=len(site.content.sources), sources_index=v.link_to_page("sources_index"),
                licences=[(v.external(name, url or None), count) for (name, url), count in sorted(licences.items())])
