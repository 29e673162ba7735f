"""Render the checked dossier into Markdown pages, one template per page kind.

Each page kind has a method here that gathers its view data and a template
``templates/<kind>.md.j2`` that prints it. Every printed value is escaped by
the environment's ``finalize`` (see ``markup.py``), so templates cannot forget.
A list page too long for one page (``paging.py``) becomes a main page that
lists its parts, and a page per part, from the same template.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from jinja2.compiler import CodeGenerator
from markupsafe import Markup, escape

from build_scripts.pages import glossary
from build_scripts.pages import jsonld
from build_scripts.pages import paging
from build_scripts.rules.check import CheckedDossier
from build_scripts.site_source.downloads import download_files
from build_scripts.content.prose import escape_text
from build_scripts.pages.views import ACTOR_KIND_LABELS, INDEX_PATHS, ClaimView, Link, Views, first_sentence, format_date, html_url, page_path, relative_url

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


class _EscapeOnceCodeGenerator(CodeGenerator):
    """Prints a value as ``finalize(value)`` where Jinja prints ``escape(finalize(value))``.

    ``finalize`` (``escape_text``) always returns ``Markup``, which
    autoescape's ``escape`` hands back unchanged: calling it on every printed
    value cost a tenth of the render time and changed nothing. Autoescape
    stays on so that macros return ``Markup``, which ``finalize`` keeps as it is.
    """

    def _prints_through_finalize_alone(self, frame, finalize) -> bool:
        return finalize.src is not None and frame.eval_ctx.autoescape and not frame.eval_ctx.volatile

    def _output_child_pre(self, node, frame, finalize) -> None:
        if self._prints_through_finalize_alone(frame, finalize):
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node, frame, finalize) -> None:
        if self._prints_through_finalize_alone(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class _TemplateEnvironment(jinja2.Environment):
    code_generator_class = _EscapeOnceCodeGenerator


@functools.cache
def template_environment() -> jinja2.Environment:
    # One per process: templates are compiled once, and recompiled only when
    # their file changes (auto_reload), not again on every `serve` rebuild.
    return _TemplateEnvironment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Compiled templates kept between builds, as Python keeps .pyc files
        # (in a folder of the user's own under the system's temporary folder,
        # keyed by each template's text): compiling them was a third of the
        # generator's time for today's dossier.
        bytecode_cache=_bytecode_cache(),
        # Every value printed through finalize alone (_EscapeOnceCodeGenerator).
        autoescape=True,
        finalize=escape_text,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A cache that cannot stop a build: what it cannot read or write is compiled again."""

    # Part of each entry's key, beside the template's text: change it when the
    # compiled code changes for the same text (_EscapeOnceCodeGenerator).
    CODE_VERSION = "escape-once-1"

    def get_source_checksum(self, source: str) -> str:
        return super().get_source_checksum(f"{self.CODE_VERSION}\n{source}")

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
        self._macros = self.env.get_template("_macros.md.j2").module

    def render(self, kind: str, path: str, origin: str, title: str, description: str, *,
               search_boost: float | None = None, tags: list[str] | tuple[str, ...] = (), **data) -> None:
        v = Views(self.checked, path)
        text = self.env.get_template(f"{kind}.md.j2").render(
            v=v, page_title=title, claim_markdown=functools.partial(self.claim_markdown, v), **data)
        self.pages.append(Page(path, front_matter(title, description, search_boost=search_boost, tags=tags) + text, origin))

    def claim_markdown(self, v: Views, claim: ClaimView) -> Markup:
        """A claim in full, as the ``claim`` macro prints it, printed once per
        folder like its view (``Views.claim``): a claim shows on the page of
        every actor it names."""
        return v.once_per_folder("claim markdown", claim.id, lambda: self._macros.claim(claim))

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
        event_count, _ = v.event_counts()
        self.render("home", path, located.origin.path, dossier.title, dossier.description,
                    dossier=dossier,
                    topics=[(v.link("topic", t), first_sentence(self.content.topics[t].record.summary))
                            for t in self.topics_in_order()[:paging.HOME_TOPICS]],
                    figures=v.key_figures(HOME_FIGURES),
                    latest=v.latest_events(HOME_EVENTS),
                    sources=sorted(self.content.sources),
                    pages={name: v.link_to_page(name) for name in
                           ("timeline", "network", "quotations", "figures", "glossary", "downloads", "actors", "topics")},
                    counts={"claims": len(self.content.claims), "actors": len(self.content.actors),
                            "events": event_count, "topics": len(self.content.topics)})

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
            network_part=v.network_part_of(actor_id),
            jsonld=jsonld.script(jsonld.actor(actor)),
        )

    def actors_index(self) -> None:
        actors = self.content.actors

        def groups_of(actor_ids) -> list:
            by_kind: dict[str, list[str]] = {}
            for actor_id in sorted(actor_ids, key=lambda a: actors[a].record.name.casefold()):
                by_kind.setdefault(actors[actor_id].record.kind.value, []).append(actor_id)
            return [(ACTOR_KIND_LABELS[kind][1], by_kind[kind]) for kind in ACTOR_KIND_LABELS if kind in by_kind]

        title, description = "Actors", "Every person, country and organisation in the story."
        if not self._split_list("actors", "actors_index", "content/actors", title, description,
                                lambda v, part: {"groups": groups_of(part.items)},
                                main={"groups": [], "count": len(actors)}):
            self.render("actors_index", INDEX_PATHS["actors"], "content/actors", title, description,
                        groups=groups_of(actors), count=len(actors), part=None, parts=[])

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
            jsonld=jsonld.script(jsonld.claims([self._appearance(path, c.id) for c in claims])),
        )

    def _appearance(self, page: str, claim_id: str):
        """A claim, its source, and the address of its highlighted quote, for JSON-LD."""
        claim = self.content.claims[claim_id].record
        quote_url = html_url(page, page_path("source", claim.source), f"q-{claim_id}")
        return claim, self.content.sources[claim.source].record, str(quote_url)

    def topics_index(self) -> None:
        self._record_index("topic", "Topics", "The threads of the story.", self.topics_in_order())

    def _record_index(self, kind: str, title: str, description: str, ids: list[str]) -> None:
        """The index of the topics or the sources; in numbered parts when long."""
        plural = f"{kind}s"
        template, origin = f"{plural}_index", f"content/{plural}"
        if not self._split_list(plural, template, origin, title, description,
                                lambda v, part: {plural: list(part.items)},
                                main={plural: [], "count": len(ids)},
                                summary=lambda part: self._first_and_last(kind, part.items)):
            self.render(template, INDEX_PATHS[plural], origin, title, description,
                        count=len(ids), part=None, parts=[], **{plural: ids})

    def _first_and_last(self, kind: str, ids) -> str:
        """What a numbered part holds: "“First” to “Last”"."""
        v = self.views("")
        first, last = v.title_of(kind, ids[0]), v.title_of(kind, ids[-1])
        return f"“{first}”" if len(ids) == 1 else f"“{first}” to “{last}”"

    def source(self, source_id: str) -> None:
        located = self.content.sources[source_id]
        source = located.record
        path = page_path("source", source_id)
        v = self.views(path)
        paragraphs, passages = v.reading(source_id)
        original = source.original_publisher
        claims = v.claims_about("source", source_id)
        split = paging.is_split(v.parts("source claims", source_id))
        self.render(
            "source", path, located.origin.path, source.title,
            f"The full text of “{source.title}”, with every quoted passage marked and linked to its claims.",
            search_boost=SEARCH_BOOST["source"],
            source_id=source_id, source=source, paragraphs=paragraphs, passages=passages,
            claims=[] if split else claims, claim_count=len(claims),
            claim_parts=v.part_entries("source claims", source_id) if split else [],
            published=format_date(source.published.value),
            jsonld=jsonld.script(jsonld.news_article(
                source, self.content.actors[source.publisher].record,
                self.content.actors[original].record if original else None)),
        )
        if split:
            self._render_parts("source claims", "source_claims", located.origin.path,
                               f"Claims quoting “{source.title}”", f"The claims that quote “{source.title}”.",
                               lambda pv: Link(source.title, relative_url(pv.page, path)),
                               lambda pv, part: {"claims": pv.claims_at(part.items)},
                               record_id=source_id, search_boost=SEARCH_BOOST["source"])

    def sources_index(self) -> None:
        self._record_index("source", "Sources", "The documents every statement on this site comes from.",
                           sorted(self.content.sources))

    def timeline(self) -> None:
        path = INDEX_PATHS["timeline"]
        v = self.views(path)
        title = "Timeline"
        description = "Every dated event of the story in order, with how each date is known."
        count, context_count = v.event_counts()
        common = {"count": count, "context_count": context_count, "topics_page": v.link_to_page("topics")}
        if not self._split_list("timeline", "timeline", "content/claims", title, description,
                                lambda pv, part: {**common, "months": _by_month(pv.events(anchors=part.items)),
                                                  "by_topic": []},
                                main={**common, "months": [], "by_topic": []}):
            events = v.events()
            self.render("timeline", path, "content/claims", title, description,
                        months=_by_month(events), by_topic=v.events_by_topic(events, self.topics_in_order()),
                        part=None, parts=[], **common)

    def network(self) -> None:
        path = INDEX_PATHS["network"]
        v = self.views(path)
        title = "Network"
        description = "Who buys from, supplies, sanctions or opposes whom: the relations between the actors."
        count = len(self.content.relations)

        def part_data(pv: Views, part: paging.Part) -> dict:
            pictures = []
            for number, group in enumerate(part.groups, start=1):
                pictures.append((group.label, pv.relations(indexes=group.items), pv.network_svg(
                    f"network-{number}", f"Relations between {group.label}",
                    "Each actor is a dot, linked to its actor page; each arrow is a relation, labelled with its "
                    "type. The same relations are listed as text below the picture.", indexes=group.items)))
            return {"pictures": pictures, "relations": [], "svg": None, "count": count}

        if not self._split_list("network", "network", "content/relations.yaml", title, description, part_data,
                                main={"pictures": [], "relations": [], "svg": None, "count": count},
                                summary=lambda part: "; ".join(g.label for g in part.groups)):
            self.render("network", path, "content/relations.yaml", title, description,
                        relations=v.relations(), pictures=[], count=count, part=None, parts=[],
                        svg=v.network_svg("network-all", "Relations between the actors of the story",
                                          "Each actor is a dot on a circle, linked to its actor page; each arrow is "
                                          "a relation, labelled with its type. The same relations are listed as "
                                          "text below the picture."))

    def quotations(self) -> None:
        self._rows_by_source("quotations", "Quotations",
                             "Every direct quotation in the sources, with who said it and when.", Views.quotation_rows)

    def figures(self) -> None:
        self._rows_by_source("figures", "Key figures", "Every number the sources give, with what it measures.",
                             Views.figure_rows)

    def _rows_by_source(self, kind: str, title: str, description: str, rows_of) -> None:
        """A table of rows drawn from the claims (quotations, figures); split by source when long."""
        path = INDEX_PATHS[kind]
        rows = rows_of(self.views(path))
        if not self._split_list(kind, kind, "content/claims", title, description,
                                lambda pv, part: {"count": len(rows), "rows": [], "by_source": [
                                    (pv.link("source", g.key), rows_of(pv, g.items)) for g in part.groups]},
                                main={"count": len(rows), "rows": [], "by_source": []},
                                summary=lambda part: "; ".join(g.label for g in part.groups)):
            self.render(kind, path, "content/claims", title, description,
                        rows=rows, count=len(rows), by_source=[], part=None, parts=[])

    def glossary_page(self) -> None:
        path = INDEX_PATHS["glossary"]
        title = "Glossary"
        description = "The acronyms and terms of the story, spelled out and explained."
        count = len(self.content.glossary)
        if not self._split_list("glossary", "glossary", "content/glossary.yaml", title, description,
                                lambda pv, part: {"terms": [pv.term(t) for t in part.items], "count": count},
                                main={"terms": [], "count": count}, search_boost=SEARCH_BOOST["glossary"]):
            self.render("glossary", path, "content/glossary.yaml", title, description,
                        search_boost=SEARCH_BOOST["glossary"], terms=self.views(path).terms(), count=count,
                        part=None, parts=[])

    def _split_list(self, name: str, template: str, origin: str, title: str, description: str, part_data, *,
                    main: dict, summary=None, search_boost: float | None = None) -> bool:
        """A list page too long for one page: its main page, listing the parts, and each part.

        ``part_data(views, part)`` gives a part's template data, ``main`` the
        main page's, ``summary(part)`` what the main page says a part holds.
        Returns False, rendering nothing, when the list fits on one page.
        """
        path = INDEX_PATHS[name]
        v = self.views(path)
        parts = v.parts(name)
        if not paging.is_split(parts):
            return False
        entries = v.part_entries(name, summary=summary)
        self.render(template, path, origin, title, description, search_boost=search_boost,
                    part=None, parts=entries, **main)
        self._render_parts(name, template, origin, title, description, lambda pv: pv.link_to_page(name),
                           lambda pv, part: {"parts": [], **part_data(pv, part)}, search_boost=search_boost)
        return True

    def _render_parts(self, name: str, template: str, origin: str, title: str, description: str, whole_of,
                      part_data, *, record_id: str = "", search_boost: float | None = None) -> None:
        """A page for each part of a split list; ``whole_of(views)`` links to the list's main page."""
        v = self.views("")
        for index, (part, part_path) in enumerate(zip(v.parts(name, record_id), v.part_paths(name, record_id))):
            pv = self.views(part_path)
            self.render(template, part_path, origin, f"{title}: {part.label}", f"{description} ({part.label})",
                        search_boost=search_boost, part=pv.part_nav(name, index, whole_of(pv), record_id),
                        **part_data(pv, part))

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


def _by_month(events: list) -> list[tuple[str, list]]:
    """Events (in order) under the heading of their month."""
    months: list[tuple[str, list]] = []
    for event in events:
        if not months or months[-1][0] != event.month:
            months.append((event.month, []))
        months[-1][1].append(event)
    return months


def _size(count: int) -> str:
    return f"{count} bytes" if count < 1024 else f"{count / 1024:.1f} kB"
