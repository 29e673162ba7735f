"""Render the checked dossier into Markdown pages, one template per page kind.

Each page kind has a method here that gathers its view data and a template
``templates/<kind>.md.j2`` that prints it. Every printed value is escaped by
the environment's ``finalize`` (see ``markup.py``), so templates cannot forget.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from markupsafe import escape

from . import glossary, jsonld
from .check import CheckedDossier
from .downloads import download_files
from .markup import escape_text
from .views import ACTOR_KIND_LABELS, INDEX_PATHS, Views, first_sentence, format_date, html_url, page_path

TEMPLATES = Path(__file__).parent / "templates"

# Search weight of each page kind (Material's per-page `search.boost`): pages
# about one thing come before the long pages that mention everything.
SEARCH_BOOST = {"actor": 3, "topic": 3, "glossary": 2, "source": 0.5}
HOME_FIGURES = 6
HOME_EVENTS = 5


@dataclass(frozen=True)
class Page:
    path: str  # where the Markdown file goes in the site, e.g. "actors/russia.md"
    text: str
    origin: str  # the content file it was generated from, for "edit this page"


@functools.cache
def template_environment() -> jinja2.Environment:
    # One per process: templates are compiled once, and recompiled only when
    # their file changes (auto_reload), not again on every `serve` rebuild.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Compiled templates kept between builds, as Python keeps .pyc files
        # (in a folder of the user's own under the system's temporary folder,
        # keyed by each template's text): compiling them was a third of the
        # generator's time for today's dossier.
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        finalize=escape_text,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A cache that cannot stop a build: what it cannot read or write is compiled again."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    try:
        return _QuietBytecodeCache()
    except (RuntimeError, OSError):  # no temporary folder of the user's own
        return None


def front_matter(title: str, description: str, *, search_boost: float | None = None,
                 tags: list[str] | tuple[str, ...] = ()) -> str:
    """YAML front matter for the page's title, meta description and search weights.

    The theme prints the title and description into HTML without escaping
    them (the title in the header and navigation, the description in an
    attribute), and the search box shows tags as HTML, so all of them are
    HTML-escaped here. Tags are not shown on the page (the tags plugin is
    off); Material's search weighs them most, so they carry the names a
    reader may type: an actor's aliases, a topic's acronyms.
    """
    lines = [f"description: {_yaml_string(str(escape(description)))}"]
    if search_boost is not None:
        lines.append(f"search:\n  boost: {json.dumps(search_boost)}")
    if tags:
        lines.append("tags:" + "".join(f"\n- {_yaml_string(str(escape(tag)))}" for tag in dict.fromkeys(tags)))
    lines.append(f"title: {_yaml_string(str(escape(title)))}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


# Characters a JSON string may hold raw that YAML reads otherwise: YAML 1.1
# takes NEL, LS and PS for line breaks and refuses the other C1 controls.
_JSON_SAFE_FOR_YAML = re.compile(r"[^\x00-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _yaml_string(text: str) -> str:
    """``text`` as a YAML scalar: JSON's double-quoted form, which YAML reads
    the same (YAML's own emitter took a sixth of the render time). Strings
    with characters the two read differently go through YAML's emitter."""
    if _JSON_SAFE_FOR_YAML.search(text):
        return yaml.safe_dump(text, allow_unicode=True, width=10_000, default_style='"').removesuffix("\n...\n").rstrip("\n")
    return json.dumps(text, ensure_ascii=False)


class PageRenderer:
    def __init__(self, checked: CheckedDossier):
        self.checked = checked
        self.content = checked.content
        self.env = template_environment()
        self.pages: list[Page] = []

    def render(self, kind: str, path: str, origin: str, title: str, description: str, *,
               search_boost: float | None = None, tags: list[str] | tuple[str, ...] = (), **data) -> None:
        v = Views(self.checked, path)
        text = self.env.get_template(f"{kind}.md.j2").render(v=v, **data)
        self.pages.append(Page(path, front_matter(title, description, search_boost=search_boost, tags=tags) + text, origin))

    def views(self, path: str) -> Views:
        return Views(self.checked, path)

    def topics_in_order(self) -> list[str]:
        return self.views("").topics_in_order()

    # -- one method per page kind ------------------------------------------

    def home(self) -> None:
        located = self.content.dossier
        dossier = located.record
        path = INDEX_PATHS["home"]
        v = self.views(path)
        events = v.events()
        self.render("home", path, located.origin.path, dossier.title, dossier.description,
                    dossier=dossier,
                    topics=[(v.link("topic", t), first_sentence(self.content.topics[t].record.summary))
                            for t in self.topics_in_order()],
                    figures=v.key_figures(HOME_FIGURES),
                    latest=list(reversed(events[-HOME_EVENTS:])),
                    sources=sorted(self.content.sources),
                    pages={name: v.link_to_page(name) for name in
                           ("timeline", "network", "quotations", "figures", "glossary", "downloads", "actors", "topics")},
                    counts={"claims": len(self.content.claims), "actors": len(self.content.actors),
                            "events": len(events)})

    def actor(self, actor_id: str) -> None:
        located = self.content.actors[actor_id]
        actor = located.record
        path = page_path("actor", actor_id)
        v = self.views(path)
        self.render(
            "actor", path, located.origin.path, actor.name, first_sentence(actor.summary),
            search_boost=SEARCH_BOOST["actor"], tags=[actor.name, *actor.aliases],
            actor=actor,
            kind_label=ACTOR_KIND_LABELS[actor.kind.value][0],
            roles=[(r.title, r.start and format_date(r.start), r.end and format_date(r.end)) for r in actor.roles],
            claims=v.claims_about("actor", actor_id),
            relations=v.relations(actor_id),
            network=v.network_svg("network-" + actor_id, f"{actor.name} and the actors it is related to",
                                  f"A picture of the relations between {actor.name} and other actors; "
                                  "the same relations are listed as text beside it.", actor_id),
            network_page=v.link_to_page("network"),
            jsonld=jsonld.script(jsonld.actor(actor)),
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
        v = self.views(path)
        claims = v.claims_about("topic", topic_id)
        actor_ids = sorted({a for c in claims for a in self.content.claims[c.id].record.actors},
                           key=lambda a: self.content.actors[a].record.name.casefold())
        key_terms = glossary.key_terms_of_topic(self.content, topic_id)
        used_terms = v.terms_used_on_topic(topic_id)
        terms = key_terms + [t for t in used_terms if t not in key_terms]
        tags = [topic.title]
        for term_id in key_terms:
            tags += glossary.names_of(self.content.glossary[term_id].record)
        self.render(
            "topic", path, located.origin.path, topic.title, first_sentence(topic.summary),
            search_boost=SEARCH_BOOST["topic"], tags=tags,
            topic=topic, claims=claims, actors=actor_ids,
            terms=[v.term(t) for t in terms],
            events=v.events(topic_id),
            context=v.context_of_topic(topic_id),
            timeline=v.link_to_page("timeline"),
            glossary=v.link_to_page("glossary"),
            jsonld=jsonld.script(jsonld.claims([self._appearance(path, c.id) for c in claims])),
        )

    def _appearance(self, page: str, claim_id: str):
        """A claim, its source, and the address of its highlighted quote, for JSON-LD."""
        claim = self.content.claims[claim_id].record
        quote_url = html_url(page, page_path("source", claim.source), f"q-{claim_id}")
        return claim, self.content.sources[claim.source].record, str(quote_url)

    def topics_index(self) -> None:
        self.render("topics_index", INDEX_PATHS["topics"], "content/topics", "Topics",
                    "The threads of the story.", topics=self.topics_in_order())

    def source(self, source_id: str) -> None:
        located = self.content.sources[source_id]
        source = located.record
        path = page_path("source", source_id)
        v = self.views(path)
        paragraphs, passages = v.reading(source_id)
        original = source.original_publisher
        self.render(
            "source", path, located.origin.path, source.title,
            f"The full text of “{source.title}”, with every quoted passage marked and linked to its claims.",
            search_boost=SEARCH_BOOST["source"],
            source_id=source_id, source=source, paragraphs=paragraphs, passages=passages,
            claims=v.claims_about("source", source_id),
            published=format_date(source.published.value),
            jsonld=jsonld.script(jsonld.news_article(
                source, self.content.actors[source.publisher].record,
                self.content.actors[original].record if original else None)),
        )

    def sources_index(self) -> None:
        self.render("sources_index", INDEX_PATHS["sources"], "content/sources", "Sources",
                    "The documents every statement on this site comes from.", sources=sorted(self.content.sources))

    def timeline(self) -> None:
        path = INDEX_PATHS["timeline"]
        v = self.views(path)
        events = v.events()
        months: list[tuple[str, list]] = []
        for event in events:
            if not months or months[-1][0] != event.month:
                months.append((event.month, []))
            months[-1][1].append(event)
        self.render("timeline", path, "content/claims", "Timeline",
                    "Every dated event of the story in order, with how each date is known.",
                    months=months, by_topic=v.events_by_topic(events, self.topics_in_order()),
                    count=len(events), context_count=sum(e.is_context for e in events))

    def network(self) -> None:
        path = INDEX_PATHS["network"]
        v = self.views(path)
        self.render("network", path, "content/relations.yaml", "Network",
                    "Who buys from, supplies, sanctions or opposes whom: the relations between the actors.",
                    relations=v.relations(),
                    svg=v.network_svg("network-all", "Relations between the actors of the story",
                                      "Each actor is a dot on a circle, linked to its actor page; each arrow is "
                                      "a relation, labelled with its type. The same relations are listed as "
                                      "text below the picture."))

    def quotations(self) -> None:
        path = INDEX_PATHS["quotations"]
        self.render("quotations", path, "content/claims", "Quotations",
                    "Every direct quotation in the sources, with who said it and when.",
                    rows=self.views(path).quotation_rows())

    def figures(self) -> None:
        path = INDEX_PATHS["figures"]
        self.render("figures", path, "content/claims", "Key figures",
                    "Every number the sources give, with what it measures.", rows=self.views(path).figure_rows())

    def glossary_page(self) -> None:
        path = INDEX_PATHS["glossary"]
        self.render("glossary", path, "content/glossary.yaml", "Glossary",
                    "The acronyms and terms of the story, spelled out and explained.",
                    search_boost=SEARCH_BOOST["glossary"], terms=self.views(path).terms())

    def downloads(self) -> None:
        path = INDEX_PATHS["downloads"]
        v = self.views(path)
        files = [(f, v.link_to_file(f.path), _size(len(f.data))) for f in download_files(self.checked)]
        self.render("downloads", path, "content", "Downloads",
                    "Every record of the dossier as JSON and CSV, and the JSON Schema of each kind.",
                    data=[f for f in files if "/schema/" not in f[0].path],
                    schemas=[f for f in files if "/schema/" in f[0].path])


def page_jobs(checked: CheckedDossier) -> list[tuple[str, tuple[str, ...]]]:
    """Every page to render, as (``PageRenderer`` method, its arguments), in order."""
    content = checked.content
    return [
        ("home", ()),
        *[("actor", (actor_id,)) for actor_id in sorted(content.actors)],
        ("actors_index", ()),
        *[("topic", (topic_id,)) for topic_id in sorted(content.topics)],
        ("topics_index", ()),
        *[("source", (source_id,)) for source_id in sorted(content.sources)],
        ("sources_index", ()),
        ("timeline", ()),
        ("network", ()),
        ("quotations", ()),
        ("figures", ()),
        ("glossary_page", ()),
        ("downloads", ()),
    ]


def render_jobs(checked: CheckedDossier, jobs: list[tuple[str, tuple[str, ...]]]) -> list[list[Page]]:
    """The pages each job makes (a list page may make several)."""
    renderer = PageRenderer(checked)
    made = []
    for method, arguments in jobs:
        before = len(renderer.pages)
        getattr(renderer, method)(*arguments)
        made.append(renderer.pages[before:])
    return made


def render_pages(checked: CheckedDossier) -> list[Page]:
    pages = [page for job_pages in render_jobs(checked, page_jobs(checked)) for page in job_pages]
    return sorted(pages, key=lambda page: page.path)


def _size(count: int) -> str:
    return f"{count} bytes" if count < 1024 else f"{count / 1024:.1f} kB"
