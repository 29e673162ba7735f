"""Render the checked dossier into Markdown pages, one template per page kind.

Each page kind (``registry.py``) has a module ``kinds/<kind>.py`` that
gathers its view data and a template ``kinds/<kind>.md.j2`` beside it that
prints it; templates share the macros in ``partials/``. Every printed value
is escaped by the environment's ``finalize`` (see ``content/prose.py``), so
templates cannot forget. A list page too long for one page (``paging.py``)
becomes a main page that lists its parts, and a page per part, from the same
template (``PageRenderer.render_list``).
"""

from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup, escape

from build_scripts.content.prose import escape_link_title, escape_text
from build_scripts.pages import addresses, lists
from build_scripts.pages.context import PageContext
from build_scripts.pages.dependencies import remember
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.links import Link, relative_url
from build_scripts.pages.registry import PAGE_KINDS, PageKind, module_of
from build_scripts.pages.views import claims
from build_scripts.pages.views.claims import ClaimView

# Each kind's template beside its module; the macros they share.
TEMPLATE_FOLDERS = [Path(__file__).parent / "kinds", Path(__file__).parent / "partials"]


@dataclass(frozen=True)
class Page:
    path: str  # where the Markdown file goes in the site, e.g. "actors/russia.md"
    text: str
    origin: str  # the content file it was generated from, for "edit this page"


@functools.cache
def template_environment() -> jinja2.Environment:
    # One per process: templates are compiled once, and recompiled only when
    # their file changes (auto_reload), not again on every `serve` rebuild.
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_FOLDERS),
        # Compiled templates kept between builds, as Python keeps .pyc files
        # (in a folder of the user's own under the system's temporary folder,
        # keyed by each template's text): compiling them was a third of the
        # generator's time for today's dossier.
        bytecode_cache=_bytecode_cache(),
        # finalize escapes every printed value and returns Markup, which
        # autoescape then leaves as it is; autoescape makes macros return Markup.
        autoescape=True,
        finalize=escape_text,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Anchors are spelled in one place, for templates as for Python.
    environment.globals.update(quote_anchor=addresses.quote_anchor)
    environment.filters["link_title"] = escape_link_title
    return environment


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A cache that cannot stop a build: what it cannot read or write is compiled again."""

    # Part of each entry's key, beside the template's text: change it when the
    # compiled code changes for the same text (the environment's options).
    CODE_VERSION = "plain-1"

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
    attribute), and Material's search box shows tags as HTML, so all of them
    are HTML-escaped here (tags without their quotes: see below). Tags are not shown on the page (the tags plugin is
    off); Material's search weighs them most, so they carry the names a
    reader may type: an actor's aliases, a topic's acronyms.
    """
    lines = [f"description: {_yaml_string(str(escape(description)))}"]
    if search_boost is not None:
        lines.append(f"search:\n  boost: {json.dumps(search_boost)}")
    if tags:
        # Tags are text in an element, never in an attribute: quotes stay as
        # they are (Zensical's tag filter shows them as plain text, where
        # `&#39;` would be seen as such).
        lines.append("tags:" + "".join(f"\n- {_yaml_string(html.escape(tag, quote=False))}" for tag in dict.fromkeys(tags)))
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
    """Renders pages from templates and collects them; the page kinds' modules call it."""

    def __init__(self, indexes: PageIndexes):
        self.indexes = indexes
        self.checked = indexes.checked
        self.content = indexes.content
        self.env = template_environment()
        self.pages: list[Page] = []
        self._macros = self.env.get_template("_macros.md.j2").module

    def context(self, path: str) -> PageContext:
        return PageContext(self.indexes, path)

    def render(self, template: str, path: str, origin: str, title: str, description: str, *,
               search_boost: float | None = None, tags: list[str] | tuple[str, ...] = (),
               story: str | None = None, **data) -> None:
        """A page from ``kinds/<template>.md.j2``, given ``v`` (its ``PageContext``) and ``data``.
        ``story``: the story the page belongs to, which its title names when the dossier has several."""
        v = PageContext(self.indexes, path)
        text = self.env.get_template(f"{template}.md.j2").render(
            v=v, page_title=title, claim_markdown=functools.partial(self.claim_markdown, v), **data)
        head_title = self.title_in_story(title, story)
        self.pages.append(Page(path, front_matter(head_title, description, search_boost=search_boost, tags=tags) + text,
                               origin))

    def title_in_story(self, title: str, story: str | None) -> str:
        """A page's title as its <title> gives it: with several stories, followed by its story's
        (the site's name, after it, names them all)."""
        if story is None or not self.indexes.stories.several:
            return title
        return f"{title} · {self.indexes.story_title(story)}"

    def claim_markdown(self, v: PageContext, claim: ClaimView, cite_here: bool = True) -> Markup:
        """A claim in full, as the ``claim`` macro prints it, printed once per
        folder like its view (``claims.claim``): a claim shows on the page of
        every actor it names. ``cite_here``: with its citation box, else with
        a link to it (see the macro)."""
        def make() -> Markup:
            claims.claim(v, claim.id)  # the view's reads are the printed claim's (pages/dependencies.py)
            return self._macros.claim(claim, cite_here)
        return remember(v.cached.claim_markdown, (claim.id, cite_here), make)

    def render_list(self, kind: PageKind, origin: str, title: str, description: str, part_data, *,
                    main: dict, summary=None, piece: int | None = None) -> bool:
        """A list page too long for one page: its main page, listing the parts, and each part.

        ``part_data(context, part)`` gives a part's template data, ``main`` the
        main page's, ``summary(part)`` what the main page says a part holds.
        ``piece``: None for all of them, 0 for the main page alone, n for part
        n alone (from 1), so that the parts can be rendered as jobs of their
        own (``page_jobs``). Returns False, rendering nothing, when the list
        fits on one page.
        """
        # A part's job reads no more of the list than its own page shows (lists.part_place).
        if not lists.is_split(self.indexes, kind.name):
            return False
        if piece is None or piece == 0:
            listed = lists.parts_of(self.indexes, kind.name)
            self.render(kind.name, kind.path, origin, title, description, search_boost=kind.search_boost,
                        part=None, parts=lists.part_entries(kind.path, listed, summary), **main)
        if piece != 0:
            self.render_parts(kind, kind.name, origin, title, description,
                              lambda pv: pv.link_to_page(kind.name),
                              lambda pv, part: {"parts": [], **part_data(pv, part)}, only=piece)
        return True

    def render_record_index(self, kind: PageKind, record_kind: str, title: str, description: str,
                            ids: list[str]) -> None:
        """The index of the topics or the sources (``record_kind``); in numbered parts when long."""
        plural = f"{record_kind}s"
        origin = f"content/{plural}"
        if not self.render_list(kind, origin, title, description, lambda v, part: {plural: list(part.items)},
                                main={plural: [], "count": len(ids)},
                                summary=lambda part: self.first_and_last(record_kind, part.items)):
            self.render(kind.name, kind.path, origin, title, description,
                        count=len(ids), part=None, parts=[], **{plural: ids})

    def render_record_list(self, kind: PageKind, record_id: str, origin: str, title: str, description: str, *,
                           common, items_key: str, items, story: str | None = None) -> None:
        """A list about one record (``kind.path`` of ``record_id``), in numbered parts when long.

        ``common(context)`` gives the data every page of it has; ``items(context,
        part)`` the items listed under ``items_key``: a part's, or (``part``
        None) the whole list when it fits on one page. The main page of a
        split list lists its parts instead of items."""
        path = kind.path_of(record_id)
        v = self.context(path)
        listed = lists.parts_of(self.indexes, kind.name, record_id)
        if not listed.is_split:
            self.render(kind.name, path, origin, title, description, part=None, parts=[], story=story,
                        **common(v), **{items_key: items(v, None)})
            return
        self.render(kind.name, path, origin, title, description, part=None, parts=lists.part_entries(path, listed),
                    story=story, **common(v), **{items_key: []})
        self.render_parts(kind, kind.name, origin, title, description,
                          lambda pv: Link(title, relative_url(pv.page, path)),
                          lambda pv, part: {**common(pv), "parts": [], items_key: items(pv, part)},
                          record_id=record_id, story=story)

    def first_and_last(self, record_kind: str, ids) -> str:
        """What a numbered part holds: "“First” to “Last”"."""
        v = self.context("")
        first, last = v.title_of(record_kind, ids[0]), v.title_of(record_kind, ids[-1])
        return f"“{first}”" if len(ids) == 1 else f"“{first}” to “{last}”"

    def render_parts(self, kind: PageKind, template: str, origin: str, title: str, description: str, whole_of,
                     part_data, *, record_id: str = "", only: int | None = None, story: str | None = None) -> None:
        """A page for each part of a split list (``only``: part n alone, from 1);
        ``whole_of(context)`` links to the list's main page."""
        if only is not None:
            places = [lists.part_place(self.indexes, kind.name, only - 1, record_id)]
        else:
            places = lists.part_places(lists.parts_of(self.indexes, kind.name, record_id))
        for place in places:
            pv = self.context(place.path)
            label = place.part.label
            self.render(template, place.path, origin, f"{title}: {label}", f"{description} ({label})",
                        search_boost=kind.search_boost, part=lists.part_nav(place, whole_of(pv)),
                        story=story, **part_data(pv, place.part))


def page_jobs(indexes: PageIndexes) -> list[tuple[str, tuple[str, ...]]]:
    """Every page to render, as (page kind, its arguments: a record id for a
    record's page), in the registry's order. A kind whose module has
    ``jobs(indexes)`` says itself how its pages divide into jobs: the network
    page's parts, each with its pictures, are jobs of their own, so that the
    two cores share them (drawing them is most of the render time of a large
    dossier)."""
    content = indexes.content
    jobs: list[tuple[str, tuple[str, ...]]] = []
    for kind in PAGE_KINDS.values():
        if kind.records:
            jobs += [(kind.name, (record_id,)) for record_id in sorted(getattr(content, kind.records))]
        elif hasattr(module := module_of(kind), "jobs"):
            jobs += [(kind.name, arguments) for arguments in module.jobs(indexes)]
        else:
            jobs.append((kind.name, ()))
    return jobs


def render_jobs(indexes: PageIndexes, jobs: list[tuple[str, tuple[str, ...]]]) -> list[list[Page]]:
    """The pages each job makes (a list page may make several)."""
    renderer = PageRenderer(indexes)
    made = []
    for name, arguments in jobs:
        before = len(renderer.pages)
        module_of(PAGE_KINDS[name]).render(renderer, *arguments)
        made.append(renderer.pages[before:])
    return made
