"""Render the checked dossier into Markdown pages, one template per page kind.

Each page kind has a function here that gathers its view data and a template
``templates/<kind>.md.j2`` that prints it. Every printed value is escaped by
the environment's ``finalize`` (see ``markup.py``), so templates cannot forget.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from markupsafe import escape

from .check import CheckedDossier
from .markup import escape_text, prose_plain
from .views import ACTOR_KIND_LABELS, INDEX_PATHS, Views, format_date, page_path, source_segments

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Page:
    path: str  # where the Markdown file goes in the site, e.g. "actors/russia.md"
    text: str
    origin: str  # the content file it was generated from, for "edit this page"


def template_environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=escape_text,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def front_matter(title: str, description: str) -> str:
    """YAML front matter for the page's title and meta description.

    The theme prints these into HTML without escaping them (the title in the
    header and navigation, the description in an attribute), so they are
    HTML-escaped here.
    """
    meta = {"title": str(escape(title)), "description": str(escape(description))}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=10_000) + "---\n\n"


class PageRenderer:
    def __init__(self, checked: CheckedDossier):
        self.checked = checked
        self.content = checked.content
        self.env = template_environment()
        self.pages: list[Page] = []

    def render(self, kind: str, path: str, origin: str, title: str, description: str, **data) -> None:
        v = Views(self.checked, path)
        text = self.env.get_template(f"{kind}.md.j2").render(v=v, **data)
        self.pages.append(Page(path, front_matter(title, description) + text, origin))

    def views(self, path: str) -> Views:
        return Views(self.checked, path)

    def topics_in_order(self) -> list[str]:
        topics = self.content.topics
        return sorted(topics, key=lambda t: (topics[t].record.order, topics[t].record.title.casefold()))

    # -- one method per page kind ------------------------------------------

    def home(self) -> None:
        located = self.content.dossier
        dossier = located.record
        self.render("home", INDEX_PATHS["home"], located.origin.path, dossier.title, dossier.description,
                    dossier=dossier, topics=self.topics_in_order(), sources=sorted(self.content.sources))

    def actor(self, actor_id: str) -> None:
        located = self.content.actors[actor_id]
        actor = located.record
        path = page_path("actor", actor_id)
        self.render(
            "actor", path, located.origin.path, actor.name, _first_sentence(actor.summary),
            actor=actor,
            kind_label=ACTOR_KIND_LABELS[actor.kind.value][0],
            roles=[(r.title, r.start and format_date(r.start), r.end and format_date(r.end)) for r in actor.roles],
            claims=self.views(path).claims_where(lambda claim: actor_id in claim.actors),
        )

    def actors_index(self) -> None:
        by_kind: dict[str, list[str]] = {}
        actors = self.content.actors
        for actor_id in sorted(actors, key=lambda a: actors[a].record.name.casefold()):
            by_kind.setdefault(actors[actor_id].record.kind.value, []).append(actor_id)
        groups = [(ACTOR_KIND_LABELS[kind][1], by_kind[kind]) for kind in ACTOR_KIND_LABELS if kind in by_kind]
        self.render("actors_index", INDEX_PATHS["actors"], "content/actors", "Actors",
                    "Every person, country and organisation in the story.", groups=groups)

    def topic(self, topic_id: str) -> None:
        located = self.content.topics[topic_id]
        topic = located.record
        path = page_path("topic", topic_id)
        claims = self.views(path).claims_where(lambda claim: topic_id in claim.topics)
        actor_ids = sorted({a for c in claims for a in self.content.claims[c.id].record.actors},
                           key=lambda a: self.content.actors[a].record.name.casefold())
        self.render("topic", path, located.origin.path, topic.title, _first_sentence(topic.summary),
                    topic=topic, claims=claims, actors=actor_ids)

    def topics_index(self) -> None:
        self.render("topics_index", INDEX_PATHS["topics"], "content/topics", "Topics",
                    "The threads of the story.", topics=self.topics_in_order())

    def source(self, source_id: str) -> None:
        located = self.content.sources[source_id]
        source = located.record
        self.render("source", page_path("source", source_id), located.origin.path, source.title,
                    f"The full text of “{source.title}”, with every quoted passage marked and linked to its claims.",
                    source_id=source_id, source=source, segments=source_segments(self.checked, source_id),
                    claims=self.views(page_path("source", source_id)).claims_where(lambda claim: claim.source == source_id),
                    published=format_date(source.published.value))

    def sources_index(self) -> None:
        self.render("sources_index", INDEX_PATHS["sources"], "content/sources", "Sources",
                    "The documents every statement on this site comes from.", sources=sorted(self.content.sources))


def render_pages(checked: CheckedDossier) -> list[Page]:
    renderer = PageRenderer(checked)
    renderer.home()
    for actor_id in sorted(checked.content.actors):
        renderer.actor(actor_id)
    renderer.actors_index()
    for topic_id in sorted(checked.content.topics):
        renderer.topic(topic_id)
    renderer.topics_index()
    for source_id in sorted(checked.content.sources):
        renderer.source(source_id)
    renderer.sources_index()
    return sorted(renderer.pages, key=lambda page: page.path)


def _first_sentence(prose: str) -> str:
    flat = prose_plain(prose)
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]
