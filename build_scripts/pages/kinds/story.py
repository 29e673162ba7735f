"""A story's page, when the dossier has several (content/stories/<id>.yaml): its lede, and
its ways in: its key figures, its topics, its sources. With one story the home page is
its page, and this kind makes none (``jobs``)."""

from __future__ import annotations

from build_scripts.content.prose import first_sentence
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.kinds.figures import key_figures
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.render import PageRenderer

KIND = PAGE_KINDS["story"]
STORY_FIGURES = 6


def jobs(indexes: PageIndexes) -> list[tuple[str, ...]]:
    """A page for each story when there are several; with one, the home page is its page."""
    return [(story_id,) for story_id in indexes.stories.order] if indexes.stories.several else []


def render(site: PageRenderer, story_id: str) -> None:
    located = site.content.stories[story_id]
    story = located.record
    path = KIND.path_of(story_id)
    v = site.context(path)
    topics = [t for t in site.indexes.topics_in_order if site.indexes.stories.of_topic.get(t) == story_id]
    claim_count = sum(1 for c in site.content.claims if site.indexes.stories.of_claim(site.content, c) == story_id)
    site.render("story", path, located.origin.path, story.title, first_sentence(story.lede),
                search_boost=KIND.search_boost, story=None,
                story_record=story,
                figures=key_figures(v, STORY_FIGURES, story=story),
                topics=[(v.link("topic", t), first_sentence(site.content.topics[t].record.summary)) for t in topics],
                sources=story.sources, claim_count=claim_count,
                home=v.link_to_page("home"), figures_page=v.link_to_page("figures"))
