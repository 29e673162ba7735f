"""Which story each topic, claim and source belongs to (content/stories/<id>.yaml).

A topic belongs to the one story that lists it; a claim to the story of its
first topic (its address is on that topic's page, so the page and the
citation name the same story); a source to every story that lists it. The
rules (``rules/check.py``) make sure a topic is in at most one story; a topic
or source in none is a warning there, and belongs here to no story.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.content import model
from build_scripts.content.load import Content


@dataclass(frozen=True)
class Stories:
    """The dossier's stories, in order, and where each topic, claim and source belongs."""

    order: tuple[str, ...]  # story ids, by their `order` then id
    of_topic: dict[str, str]  # topic id -> story id (the first story that lists it)
    of_source: dict[str, tuple[str, ...]]  # source id -> story ids, in story order

    def of_claim(self, content: Content, claim_id: str) -> str | None:
        """The story of a claim: its first topic's."""
        return self.of_topic.get(content.claims[claim_id].record.topics[0])

    @property
    def several(self) -> bool:
        """Whether the dossier tells more than one story (each then has a page of its own)."""
        return len(self.order) > 1


def stories_of(content: Content) -> Stories:
    order = tuple(sorted(content.stories, key=lambda i: (content.stories[i].record.order, i)))
    of_topic: dict[str, str] = {}
    of_source: dict[str, list[str]] = {}
    for story_id in order:
        story: model.Story = content.stories[story_id].record
        for topic_id in story.topics:
            of_topic.setdefault(topic_id, story_id)
        for source_id in story.sources:
            if story_id not in of_source.setdefault(source_id, []):
                of_source[source_id].append(story_id)
    return Stories(order, of_topic, {s: tuple(ids) for s, ids in of_source.items()})
