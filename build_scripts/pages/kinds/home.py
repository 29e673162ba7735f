"""The home page: the story in a few lines (with several stories, each story's title and the first
paragraph of its lede, linked to its page), key figures (each linked to its claim), what is disputed or
uncertain, what happened next, then the ways in: the topics, the latest events, the sources, the other pages."""

from __future__ import annotations

from build_scripts.content.prose import first_sentence
from build_scripts.pages.kinds.figures import key_figures
from build_scripts.pages.lists import first
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer
from build_scripts.pages.views.disputed import disputed_views
from build_scripts.pages.views.event_views import event_counts, events_after_sources, latest_events

KIND = PAGE_KINDS["home"]
HOME_TOPICS = 20  # the first topics; the topics index has the rest
HOME_SOURCES = 20  # the first sources; the sources index has the rest (100 stories of 5-50 sources made it 356 KB)
HOME_FIGURES = 6
HOME_EVENTS = 5
HOME_DISPUTED = 10  # the first disagreements and doubts; the rest are counted (each claim's page notes its own)
# The pages the home page points to: {name the template uses: page kind}.
LINKED_PAGES = {"timeline": "timeline", "network": "network", "quotations": "quotations", "figures": "figures",
                "glossary": "glossary", "downloads": "downloads", "actors": "actors_index", "topics": "topics_index",
                "sources": "sources_index"}


def first_paragraph(prose: str) -> str:
    return prose.split("\n\n", 1)[0]


def render(site: PageRenderer) -> None:
    located = site.content.dossier
    dossier = located.record
    path = KIND.path
    v = site.context(path)
    event_count, _ = event_counts(site.indexes)
    disputed_shown, more_disputed = first(disputed_views(v), HOME_DISPUTED)
    stories = site.indexes.stories
    lede = site.content.stories[stories.order[0]].record.lede if len(stories.order) == 1 else None
    site.render("home", path, located.origin.path, dossier.title, dossier.description,
                dossier=dossier, lede=lede,
                stories=[(v.link("story", s), first_paragraph(site.content.stories[s].record.lede))
                         for s in stories.order] if stories.several else [],
                topics=[(v.link("topic", t), first_sentence(site.content.topics[t].record.summary))
                        for t in site.indexes.topics_in_order[:HOME_TOPICS]],
                figures=key_figures(v, HOME_FIGURES),
                disputed=disputed_shown, more_disputed=more_disputed,
                latest=latest_events(v, HOME_EVENTS),
                next_events=events_after_sources(v),
                sources=sorted(site.content.sources)[:HOME_SOURCES],
                pages={name: v.link_to_page(kind) for name, kind in LINKED_PAGES.items()},
                counts={"claims": len(site.content.claims), "actors": len(site.content.actors),
                        "events": event_count, "topics": len(site.content.topics),
                        "sources": len(site.content.sources)})
