"""The About page: what the site is (``about`` in content/dossier.yaml), how it
is made, and each source with its publisher and licence, all from the content,
so that the engine names no story and a dossier of many sources lists them all."""

from __future__ import annotations

from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer

KIND = PAGE_KINDS["about"]


def render(site: PageRenderer) -> None:
    located = site.content.dossier
    v = site.context(KIND.path)
    sources = []
    for source_id in sorted(site.content.sources):
        source = site.content.sources[source_id].record
        sources.append({
            "link": v.link("source", source_id),
            "publisher": v.link("actor", source.publisher),
            "original": v.link("actor", source.original_publisher) if source.original_publisher else None,
            "licence": v.external(source.licence.name, source.licence.url),
            "attribution": source.attribution,
        })
    site.render("about", KIND.path, located.origin.path, "About this dossier",
                f"How {located.record.title} is made, and the sources it rests on.",
                about=located.record.about, sources=sources)
