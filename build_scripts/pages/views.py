"""Ready-made view data for the templates: every lookup and decision is here,
so templates only loop, test and print.

Values that are not text (links between pages, anchors, generated markup)
are wrapped in ``Markup`` here, deliberately, after being built from ids the
model has already limited to slugs; everything else is escaped on output.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.pages import glossary
from build_scripts.content import model
from build_scripts.pages import network_drawing as network
from build_scripts.pages import paging
from build_scripts.pages import reader
from build_scripts.rules.check import CheckedDossier
from build_scripts.content.prose import prose_plain, render_prose, safe_external_url
from build_scripts.content.source_text import Span, normalise, split_sentences
from build_scripts.pages.events import Event, dated_events

# Where each kind of record's page lives in the site.
PAGE_PATHS = {
    "actor": "actors/{id}.md",
    "topic": "topics/{id}.md",
    "source": "sources/{id}.md",
}
INDEX_PATHS = {
    "home": "index.md",
    "actors": "actors/index.md",
    "topics": "topics/index.md",
    "sources": "sources/index.md",
    "timeline": "timeline.md",
    "network": "network.md",
    "quotations": "quotations.md",
    "figures": "figures.md",
    "glossary": "glossary.md",
    "downloads": "downloads.md",
}

# Actor kind -> (one, many), in the order the actors index shows them.
ACTOR_KIND_LABELS = {
    "country": ("Country", "Countries"),
    "government": ("Government", "Governments and administrations"),
    "government-body": ("Government body", "Government bodies"),
    "military-body": ("Military body", "Military bodies"),
    "international-body": ("International body", "International bodies"),
    "court": ("Court", "Courts"),
    "person": ("Person", "People"),
    "organisation": ("Organisation", "Organisations"),
    "company": ("Company", "Companies"),
    "media": ("News medium", "News media"),
    "armed-group": ("Armed group", "Armed groups"),
    "unnamed-sources": ("Unnamed sources", "Unnamed sources"),
}
CERTAINTY_LABELS = {
    "stated": "stated by the source",
    "attributed": "attributed",
    "reported": "reported",
    "alleged": "alleged",
}
BASIS_LABELS = {
    "stated": "date given in the text",
    "relative": "date worked out from the text",
    "external": "date from outside the text",
    "inferred": "date inferred",
}
RELATION_LABELS = {
    "buys-from": "buys from",
    "supplies": "supplies",
    "sanctions": "sanctions",
    "opposes": "opposes",
    "supports": "supports",
    "cooperates-with": "cooperates with",
    "part-of": "is part of",
    "leads": "leads",
    "reports-on": "reports on",
    "negotiates-with": "negotiates with",
    "accuses": "accuses",
    "party-to": "is a party to",
}
# Titles of the pages that are not about one record, for links to them.
PAGE_TITLES = {
    "home": "Home",
    "actors": "Actors",
    "topics": "Topics",
    "sources": "Sources",
    "timeline": "Timeline",
    "network": "Network",
    "quotations": "Quotations",
    "figures": "Key figures",
    "glossary": "Glossary",
    "downloads": "Downloads",
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def page_path(kind: str, record_id: str) -> str:
    return PAGE_PATHS[kind].format(id=record_id)


@functools.lru_cache(maxsize=None)
def relative_path(to_page: str, from_folder: str) -> str:
    """``posixpath.relpath(to_page, from_folder)`` for the site's own paths
    (relative, with no "." or ".." parts): relpath asks for the working
    directory on every call, and pages link to tens of thousands of others."""
    if from_folder == ".":
        return to_page
    up = from_folder.split("/")
    down = to_page.split("/")
    common = 0
    while common < len(up) and common < len(down) and up[common] == down[common]:
        common += 1
    return "/".join([".."] * (len(up) - common) + down[common:]) or "."


@functools.lru_cache(maxsize=None)
def _folder_of(page: str) -> str:
    return posixpath.dirname(page) or "."


def relative_url(from_page: str, to_page: str, anchor: str = "") -> Markup:
    """A Markdown link target from one generated page to another."""
    url = relative_path(to_page, _folder_of(from_page))
    return Markup(url + (f"#{anchor}" if anchor else ""))


def html_url(from_page: str, to_page: str, anchor: str = "") -> Markup:
    """A link target for raw HTML (the network picture, JSON-LD), which MkDocs
    does not rewrite: the built page's own address (``use_directory_urls`` is
    off, so ``actors/india.md`` becomes ``actors/india.html``)."""
    url = relative_path(to_page, _folder_of(from_page))
    url = url[: -len(".md")] + ".html" if url.endswith(".md") else url
    return Markup(url + (f"#{anchor}" if anchor else ""))


def first_sentence(prose: str) -> str:
    """The opening sentence of a Prose field, as plain text (for meta descriptions)."""
    flat = prose_plain(prose)
    sentences = split_sentences(flat)
    return flat[sentences[0].start : sentences[0].end] if sentences else flat


def format_date(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


@dataclass(frozen=True)
class Link:
    text: str
    url: Markup


@dataclass(frozen=True)
class DateView:
    value: str
    text: str
    basis: str
    basis_label: str
    said_as: str | None
    explanation: str | None


@dataclass(frozen=True)
class FigureView:
    said_as: str
    value: str
    unit: str
    measures: str


@dataclass(frozen=True)
class ClaimView:
    id: str
    anchor: Markup
    statement: str
    quote: str
    quote_link: Link
    actors: list[Link]
    topics: list[Link]
    asserted_by: list[Link]
    unnamed: str | None
    via: list[Link]
    certainty: str
    certainty_label: str
    hedge: str | None
    date: DateView | None
    figures: list[FigureView]
    quotation_text: str | None
    quotation_speakers: list[Link]
    quotation_occasion: str | None
    note: Markup | None
    position: int  # where the quote starts in its source, for ordering


@dataclass(frozen=True)
class CitationView:
    title: str
    identifier: str | None
    issuer: str
    date: str


@dataclass(frozen=True)
class EventView:
    """One dated event on the timeline: a claim of the article, or outside context."""

    anchor: Markup
    is_context: bool
    date: DateView
    precision: str
    statement: str
    topics: list[Link]
    quote_link: Link | None  # claims: the highlighted quote in the source
    citation: CitationView | None  # context, or a claim's date from outside: where it comes from
    month: str  # the heading the event is grouped under, e.g. "October 2018"
    topic_ids: tuple[str, ...]
    url: Markup  # the event on the timeline (or the part of it that holds it)


@dataclass(frozen=True)
class TopicEvents:
    topic: Link
    events: list[EventView]


@dataclass(frozen=True)
class FigureRow:
    said_as: str
    value: str
    unit: str
    measures: str
    statement: str
    quote_link: Link
    topics: list[Link]


@dataclass(frozen=True)
class QuotationRow:
    text: str
    speakers: list[Link]
    occasion: str
    statement: str
    quote_link: Link
    date: DateView | None


@dataclass(frozen=True)
class TermView:
    anchor: Markup
    term: str
    expansion: str | None
    definition: Markup
    aliases: list[str]
    topics: list[Link]  # topics whose page uses the term
    url: Markup  # the term's entry in the glossary (or the glossary's part that holds it)


@dataclass(frozen=True)
class RelationView:
    source: Link
    label: str
    target: Link
    note: str | None
    evidence: list[Link]  # the claims' quotes in the source


@dataclass(frozen=True)
class ContextView:
    anchor: Markup
    statement: str
    citation: CitationView
    date: str | None


@dataclass(frozen=True)
class ReaderPiece:
    """A piece of the annotated source text: plain text, or an actor's name."""

    text: str
    actor_url: Markup | None  # the actor this piece names
    actor_title: str | None  # the actor's name, where the text calls it otherwise


@dataclass(frozen=True)
class ReaderRun:
    """Pieces of the source text that show as one: a highlighted quote (every
    piece quoted by the same claims), or a stretch that no claim quotes.

    Which claims a highlight belongs to is printed once on the run, not on
    each of its pieces; the claim's statement is one click away, not repeated
    as hover text (the page is long enough with the text and its claims)."""

    anchors: list[Markup]  # q-<claim> targets: claims whose quote starts here
    claims: str  # space-separated ids of the claims quoting the run ("" if none)
    quote_target: Markup | None  # where quoted text leads: its claim, or its passage entry
    pieces: list[ReaderPiece]


@dataclass(frozen=True)
class PassageView:
    """A run of text quoted by several claims, with a link to each of them."""

    anchor: Markup
    excerpt: str
    claims: list[Link]


@dataclass(frozen=True)
class PartEntry:
    """A part of a split list, as its main page lists it."""

    link: Link  # text: the part's label ("A–C", "Part 2 of 9")
    count: int  # items in it
    summary: str | None  # what it holds, where its label does not say: its sources, its groups of actors


@dataclass(frozen=True)
class PartNav:
    """Where a part of a split list stands: the main page and its neighbours."""

    label: str
    number: int
    count: int  # parts in all
    items: int  # items in this part
    total: int  # items in all parts
    whole: Link  # the main page, which lists every part
    previous: Link | None
    next: Link | None


def _ids_by(records, keys_of) -> dict[str, list[str]]:
    """{key: ids of the records that have it}, each id once per key, in record order."""
    index: dict[str, list[str]] = {}
    for record_id, record in records:
        for key in dict.fromkeys(keys_of(record)):
            index.setdefault(key, []).append(record_id)
    return index


@dataclass
class Views:
    """Builds view objects for one page at a time (links are relative to it)."""

    checked: CheckedDossier
    page: str = ""

    def __post_init__(self) -> None:
        self._folder = _folder_of(self.page)

    @property
    def content(self):
        return self.checked.content

    # -- links ----------------------------------------------------------

    def once_per_folder(self, what: str, key, make):
        """``make()``, made once per folder of pages: what holds links is the
        same on every page of a folder (they are relative to it), and the
        same claims, links and summaries show on page after page."""
        return self.checked.once((what, key, self._folder), make)

    def link(self, kind: str, record_id: str, anchor: str = "") -> Link:
        return self.once_per_folder("links", (kind, record_id, anchor), lambda: Link(
            self.title_of(kind, record_id), relative_url(self.page, page_path(kind, record_id), anchor)))

    def title_of(self, kind: str, record_id: str) -> str:
        if kind == "actor":
            return self.content.actors[record_id].record.name
        if kind == "topic":
            return self.content.topics[record_id].record.title
        if kind == "source":
            return self.content.sources[record_id].record.title
        raise KeyError(kind)

    def link_to_page(self, name: str, anchor: str = "") -> Link:
        return Link(PAGE_TITLES[name], relative_url(self.page, INDEX_PATHS[name], anchor))

    def link_to_file(self, site_path: str) -> Link:
        return Link(posixpath.basename(site_path), relative_url(self.page, site_path))

    def external(self, text: str, url: str) -> Link:
        return Link(text, safe_external_url(url))

    def actor_links(self, ids: list[str]) -> list[Link]:
        return [self.link("actor", i) for i in ids]

    def topic_links(self, ids: list[str]) -> list[Link]:
        return [self.link("topic", i) for i in ids]

    def prose(self, text: str | None) -> Markup | None:
        if text is None:
            return None
        return self.once_per_folder("prose", text, lambda: render_prose(text, self._resolve_prose_link))

    def _resolve_prose_link(self, scheme: str, record_id: str) -> str:
        if scheme == "claim":
            claim = self.content.claims[record_id].record
            return str(relative_url(self.page, page_path("source", claim.source), f"q-{record_id}"))
        if scheme == "glossary":
            return str(self.term_url(record_id))
        return str(relative_url(self.page, page_path(scheme, record_id)))

    # -- records --------------------------------------------------------

    def date(self, date: model.DateRef | None) -> DateView | None:
        if date is None:
            return None
        return DateView(date.value, format_date(date.value), date.basis.value, BASIS_LABELS[date.basis.value],
                        date.said_as, date.explanation)

    def claim(self, claim_id: str) -> ClaimView:
        return self.once_per_folder("claim views", claim_id, lambda: self._claim(claim_id))

    def _claim(self, claim_id: str) -> ClaimView:
        claim = self.content.claims[claim_id].record
        span: Span = self.checked.quote_spans[claim_id]
        quotation = claim.quotation
        quote, date, figures = self._claim_text(claim_id)
        return ClaimView(
            id=claim_id,
            anchor=Markup(f"claim-{claim_id}"),
            statement=claim.statement,
            quote=quote,
            quote_link=Link("in the source", relative_url(self.page, page_path("source", claim.source), f"q-{claim_id}")),
            actors=self.actor_links(claim.actors),
            topics=self.topic_links(claim.topics),
            asserted_by=self.actor_links(claim.attribution.by),
            unnamed=claim.attribution.unnamed,
            via=self.actor_links(claim.attribution.via),
            certainty=claim.certainty.value,
            certainty_label=CERTAINTY_LABELS[claim.certainty.value],
            hedge=claim.hedge,
            date=date,
            figures=figures,
            quotation_text=quotation.text if quotation else None,
            quotation_speakers=self.actor_links(quotation.speakers) if quotation else [],
            quotation_occasion=quotation.occasion if quotation else None,
            note=self.prose(claim.note),
            position=span.start,
        )

    def _claim_text(self, claim_id: str) -> tuple[str, DateView | None, list[FigureView]]:
        """What a claim view shows that holds no link: its quote, date and figures, made once per claim."""
        def make() -> tuple[str, DateView | None, list[FigureView]]:
            claim = self.content.claims[claim_id].record
            span: Span = self.checked.quote_spans[claim_id]
            return (
                re.sub(r"\s*\n\s*", " ", self.checked.texts[claim.source].text[span.start : span.end]),
                self.date(claim.date),
                [FigureView(f.said_as, _number(f.value, f.unit), f.unit, f.measures) for f in claim.figures],
            )

        return self.checked.once(("claim text", claim_id), make)

    def claims_where(self, predicate, among: tuple[str, ...] | None = None) -> list[ClaimView]:
        """The claims for which ``predicate`` holds; ``among``: the claims to give, already chosen."""
        if among is not None:
            return self._claim_views(list(among))
        ids = [i for i, located in self.content.claims.items() if predicate(located.record)]
        return self._claim_views(ids)

    def claims_about(self, kind: str, record_id: str) -> list[ClaimView]:
        """The claims that name an actor (kind "actor"), belong to a topic ("topic") or quote a source ("source")."""
        return self._claim_views(self._claim_ids_about(kind, record_id))

    def _claim_ids_about(self, kind: str, record_id: str) -> list[str]:
        keys_of = {"actor": lambda c: c.actors, "topic": lambda c: c.topics, "source": lambda c: [c.source]}[kind]
        index = self.checked.once(f"claims by {kind}",
                                  lambda: _ids_by(((i, l.record) for i, l in self.content.claims.items()), keys_of))
        return index.get(record_id, [])

    def claims_at(self, ids) -> list[ClaimView]:
        """The claims ``ids``, in the order pages list claims (by source, then where the quote stands)."""
        return self._claim_views(list(ids))

    def _claim_views(self, ids: list[str]) -> list[ClaimView]:
        views = [self.claim(i) for i in ids]
        return sorted(views, key=lambda c: (self.content.claims[c.id].record.source, c.position, c.id))

    # -- pages beyond one record ----------------------------------------

    def citation(self, citation: model.Citation) -> CitationView:
        return CitationView(citation.title, citation.identifier, citation.issuer, format_date(citation.date))

    def latest_events(self, count: int) -> list[EventView]:
        """The last ``count`` dated events, latest first."""
        return [self.event(e) for e in reversed(self._dated_events()[-count:])]

    def event_counts(self) -> tuple[int, int]:
        """How many dated events there are, and how many of them are context from outside the sources."""
        events = self._dated_events()
        return len(events), sum(e.kind != "claim" for e in events)

    def events(self, topic_id: str | None = None, anchors: tuple[str, ...] | None = None) -> list[EventView]:
        """Every dated event, earliest first; only those of ``topic_id``, or with ``anchors``, if given."""
        events = self._dated_events()
        if anchors is not None:  # a part of the timeline: its events found by anchor, not by a walk over all
            place = self.checked.once("dated events by anchor", lambda: {e.anchor: i for i, e in enumerate(events)})
            events = [events[i] for i in sorted(place[anchor] for anchor in set(anchors))]
        if topic_id is not None:
            by_topic = self.checked.once("dated events by topic", lambda: _ids_by(enumerate(events), lambda e: e.topics))
            events = [events[i] for i in by_topic.get(topic_id, [])]
        return [self.event(e) for e in events]

    def _dated_events(self) -> list[Event]:
        return self.checked.once("dated events", lambda: dated_events(
            self.content, {c: s.start for c, s in self.checked.quote_spans.items()}))

    def event(self, event: Event) -> EventView:
        topics = self.topic_links(list(event.topics))
        month = format_date(event.date[:7]) if len(event.date) >= 7 else event.date
        if event.kind == "claim":
            claim = self.content.claims[event.id].record
            # A date taken from outside the text shows the document it comes from.
            context = self.content.context.get(claim.date.context) if claim.date.context else None
            return EventView(Markup(event.anchor), False, self.date(claim.date), event.precision, event.statement,
                             topics, self.quote_link(event.id), self.citation(context.record.citation) if context else None,
                             month, event.topics, self.event_url(event.anchor))
        entry = self.content.context[event.id].record
        date = DateView(entry.date, format_date(entry.date), "external", "date from the cited document", None, None)
        return EventView(Markup(event.anchor), True, date, event.precision, event.statement, topics, None,
                         self.citation(entry.citation), month, event.topics, self.event_url(event.anchor))

    def events_by_topic(self, events: list[EventView], topic_ids: list[str]) -> list[TopicEvents]:
        groups = []
        for topic_id in topic_ids:
            chosen = [e for e in events if topic_id in e.topic_ids]
            if chosen:
                groups.append(TopicEvents(self.link("topic", topic_id), chosen))
        return groups

    def quote_link(self, claim_id: str, text: str = "in the source") -> Link:
        claim = self.content.claims[claim_id].record
        return Link(text, relative_url(self.page, page_path("source", claim.source), f"q-{claim_id}"))

    def figure_rows(self, claim_ids: tuple[str, ...] | None = None) -> list[FigureRow]:
        """The figures of every claim, or of ``claim_ids``."""
        rows = []
        claims = self.claims_where(lambda c: bool(c.figures), among=claim_ids)
        for claim in claims:
            record = self.content.claims[claim.id].record
            for figure in record.figures:
                rows.append(FigureRow(figure.said_as, _number(figure.value, figure.unit), figure.unit, figure.measures,
                                      record.statement, self.quote_link(claim.id), claim.topics))
        return rows

    def key_figures(self, count: int, per_topic: int = 2) -> list[FigureRow]:
        """Figures for the home page: the first ones of each topic, in topic
        order, so that every thread of the story shows its numbers. Calendar
        years are left out: they are dates, not amounts."""
        order = {t: i for i, t in enumerate(self.topics_in_order())}
        taken: dict[str, int] = {}
        chosen = []
        for claim in sorted(self.claims_where(lambda c: bool(c.figures)),
                            key=lambda c: (order[self.content.claims[c.id].record.topics[0]], c.position)):
            record = self.content.claims[claim.id].record
            for figure in record.figures:
                if figure.unit != "year" and taken.get(record.topics[0], 0) < per_topic:
                    taken[record.topics[0]] = taken.get(record.topics[0], 0) + 1
                    chosen.append(FigureRow(figure.said_as, _number(figure.value, figure.unit), figure.unit, figure.measures,
                                            record.statement, self.quote_link(claim.id), claim.topics))
        return chosen[:count]

    def quotation_rows(self, claim_ids: tuple[str, ...] | None = None) -> list[QuotationRow]:
        """The quotation of every claim that has one, or of ``claim_ids``."""
        rows = []
        claims = self.claims_where(lambda c: c.quotation is not None, among=claim_ids)
        for claim in claims:
            record = self.content.claims[claim.id].record
            rows.append(QuotationRow(record.quotation.text, self.actor_links(record.quotation.speakers),
                                     record.quotation.occasion, record.statement, self.quote_link(claim.id),
                                     claim.date))
        return rows

    def topic_text(self, topic_id: str) -> str:
        """Everything a topic page says, for finding the glossary terms it uses."""
        topic = self.content.topics[topic_id].record
        parts = [topic.title, prose_plain(topic.summary)]
        for claim_id in self._claim_ids_about("topic", topic_id):
            claim = self.content.claims[claim_id].record
            span = self.checked.quote_spans[claim.id]
            parts += [claim.statement, self.checked.texts[claim.source].text[span.start : span.end]]
        return "\n".join(parts)

    def term(self, term_id: str) -> TermView:
        term = self.content.glossary[term_id].record
        topics = self._topics_using_terms().get(term_id, [])
        return TermView(Markup(term_id), term.term, term.expansion, self.prose(term.definition),
                        list(term.aliases), self.topic_links(topics), self.term_url(term_id))

    def terms_used_on_topic(self, topic_id: str) -> list[str]:
        """The glossary terms a topic page uses (in its ``topic_text``), in glossary order."""
        return glossary.in_glossary_order(self.content, self._glossary_use()[1].get(topic_id, set()))

    def _topics_using_terms(self) -> dict[str, list[str]]:
        """{glossary term id: the topics whose page uses it, in topic order}."""
        return self._glossary_use()[0]

    def _glossary_use(self) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
        """Which topic pages use which glossary terms, both ways; found once per dossier."""
        def compute():
            index = glossary.term_index(self.content)
            using: dict[str, list[str]] = {}
            used: dict[str, set[str]] = {}
            for topic_id in self.topics_in_order():
                used[topic_id] = index.used_in(self.topic_text(topic_id))
                for term_id in used[topic_id]:
                    using.setdefault(term_id, []).append(topic_id)
            return using, used
        return self.checked.once("glossary use", compute)

    def terms(self) -> list[TermView]:
        return [self.term(i) for i in glossary.in_glossary_order(self.content, self.content.glossary)]

    def topics_in_order(self) -> list[str]:
        topics = self.content.topics
        return sorted(topics, key=lambda t: (topics[t].record.order, topics[t].record.title.casefold()))

    def context_of_topic(self, topic_id: str) -> list[ContextView]:
        """The context entries of a topic, by date."""
        ordered = self._context_in_order()
        by_topic = self.checked.once("context by topic", lambda: _ids_by(enumerate(ordered), lambda item: item[1].topics))
        return self._context_views([ordered[i] for i in by_topic.get(topic_id, [])])

    def _context_in_order(self) -> list[tuple[str, model.ContextEntry]]:
        def compute():
            entries = [(i, l.record) for i, l in sorted(self.content.context.items())]
            return sorted(entries, key=lambda item: (item[1].date or "9999", item[0]))
        return self.checked.once("context in order", compute)

    def _context_views(self, entries: list[tuple[str, model.ContextEntry]]) -> list[ContextView]:
        return [ContextView(Markup(f"context-{i}"), e.statement, self.citation(e.citation),
                            format_date(e.date) if e.date else None) for i, e in entries]

    # -- relations and the network picture -------------------------------

    def _relations_of(self, actor_id: str | None, indexes: tuple[int, ...] | None = None) -> list[model.Relation]:
        """Every relation, those of ``actor_id``, or those at ``indexes`` of content.relations, in file order."""
        if indexes is not None:
            return [self.content.relations[i].record for i in indexes]
        if actor_id is None:
            return [l.record for l in self.content.relations]
        index = self.checked.once("relations by actor", lambda: _ids_by(
            enumerate(self.content.relations), lambda l: [l.record.source_actor, l.record.target_actor]))
        return [self.content.relations[i].record for i in index.get(actor_id, [])]

    def relations(self, actor_id: str | None = None, indexes: tuple[int, ...] | None = None) -> list[RelationView]:
        """Every relation, those of ``actor_id``, or those at ``indexes`` of content.relations."""
        chosen = self._relations_of(actor_id, indexes)
        chosen.sort(key=lambda r: (self.title_of("actor", r.source_actor).casefold(), r.type,
                                   self.title_of("actor", r.target_actor).casefold()))
        return [
            RelationView(self.link("actor", r.source_actor), RELATION_LABELS[r.type], self.link("actor", r.target_actor),
                         r.note, [self.quote_link(c, self.content.claims[c].record.statement) for c in r.claims])
            for r in chosen
        ]

    def network_svg(self, svg_id: str, title: str, description: str, actor_id: str | None = None,
                    indexes: tuple[int, ...] | None = None) -> Markup | None:
        relations = self._relations_of(actor_id, indexes)
        if not relations:
            return None
        ids = sorted({r.source_actor for r in relations} | {r.target_actor for r in relations})
        nodes = [
            network.Node(i, self.title_of("actor", i), self.content.actors[i].record.kind.value,
                         ACTOR_KIND_LABELS[self.content.actors[i].record.kind.value][0],
                         html_url(self.page, page_path("actor", i)))
            for i in ids
        ]
        edges = [
            network.Edge(r.source_actor, r.target_actor, RELATION_LABELS[r.type],
                         f"{self.title_of('actor', r.source_actor)} {RELATION_LABELS[r.type]} "
                         f"{self.title_of('actor', r.target_actor)}")
            for r in relations
        ]
        return network.draw(nodes, edges, svg_id=svg_id, title=title, description=description, centre=actor_id)

    # -- the annotated source text ----------------------------------------

    def reading(self, source_id: str) -> tuple[list[list[ReaderRun]], list[PassageView]]:
        """The source text as paragraphs of pieces, and the passages quoted by several claims."""
        result = reader.read(self.checked, source_id)
        text = self.checked.texts[source_id].text
        claims = self.content.claims
        passage_numbers: dict[int, int] = {}
        passages: list[PassageView] = []
        for index, run in enumerate(result.runs):
            if len(run.claims) > 1:
                passage_numbers[index] = len(passages) + 1
                excerpt = re.sub(r"\s+", " ", text[run.span.start : run.span.end]).strip()
                passages.append(PassageView(
                    Markup(f"passage-{len(passages) + 1}"), excerpt,
                    [Link(claims[c].record.statement, self.claim_under_source_url(c)) for c in self._by_position(run.claims)],
                ))
        paragraphs = []
        for pieces in result.paragraphs:
            runs: list[ReaderRun] = []
            previous = None
            for piece in pieces:
                if not runs or piece.run != previous:
                    target = None
                    if piece.run is not None:
                        if piece.run in passage_numbers:
                            target = Markup(f"#passage-{passage_numbers[piece.run]}")
                        else:
                            target = self.claim_under_source_url(piece.claims[0], raw_html=True)
                    runs.append(ReaderRun([], " ".join(piece.claims), target, []))
                previous = piece.run
                run = runs[-1]
                run.anchors.extend(Markup(f"q-{c}") for c in piece.starts)
                text = re.sub(r"\s*\n\s*", " ", piece.text)
                name = self.title_of("actor", piece.actor) if piece.actor else None
                run.pieces.append(ReaderPiece(
                    text,
                    html_url(self.page, page_path("actor", piece.actor)) if piece.actor else None,
                    name if name is not None and normalise(name) != normalise(text) else None,
                ))
            paragraphs.append(runs)
        return paragraphs, passages

    # -- long lists split into parts (paging.py) ---------------------------

    def parts(self, name: str, record_id: str = "") -> list[paging.Part]:
        """The parts of list page ``name`` (of source ``record_id`` for "source claims"); one if not split."""
        return self.checked.once(f"parts of {name} {record_id}", lambda: self._split(name, record_id))

    def list_path(self, name: str, record_id: str = "") -> str:
        return page_path("source", record_id) if name == "source claims" else INDEX_PATHS[name]

    def part_paths(self, name: str, record_id: str = "") -> list[str]:
        """The page of each part of a list (the list page itself when it is not split)."""
        def compute():
            parts = self.parts(name, record_id)
            if not paging.is_split(parts):
                return [self.list_path(name, record_id)]
            return [paging.part_path(self.list_path(name, record_id), part) for part in parts]
        # Once per list: every actor page asks where the network's parts are.
        return self.checked.once(f"part paths of {name} {record_id}", compute)

    def part_entries(self, name: str, record_id: str = "", summary=None) -> list[PartEntry]:
        """The parts of a split list, for its main page; ``summary(part)`` says what a part holds."""
        parts = self.parts(name, record_id)
        return [PartEntry(Link(part.label, relative_url(self.page, path)), len(part.items),
                          summary(part) if summary else None)
                for part, path in zip(parts, self.part_paths(name, record_id))]

    def part_nav(self, name: str, index: int, whole: Link, record_id: str = "") -> PartNav:
        parts, paths = self.parts(name, record_id), self.part_paths(name, record_id)
        link = lambda i: Link(parts[i].label, relative_url(self.page, paths[i]))  # noqa: E731
        return PartNav(parts[index].label, index + 1, len(parts), len(parts[index].items),
                       sum(len(part.items) for part in parts), whole,
                       link(index - 1) if index > 0 else None, link(index + 1) if index + 1 < len(parts) else None)

    def _page_of(self, name: str, record_id: str = "") -> dict:
        """{item: the page of the part that holds it}, for links into a split list."""
        def compute():
            return {item: path for part, path in zip(self.parts(name, record_id), self.part_paths(name, record_id))
                    for item in part.items}
        return self.checked.once(f"page of {name} {record_id}", compute)

    def term_url(self, term_id: str) -> Markup:
        return relative_url(self.page, self._page_of("glossary")[term_id], term_id)

    def event_url(self, anchor: str) -> Markup:
        return relative_url(self.page, self._page_of("timeline")[anchor], anchor)

    def claim_under_source_url(self, claim_id: str, raw_html: bool = False) -> Markup:
        """The claim in the list under its source's text (or in the part of that list that holds it);
        ``raw_html``: for a link in raw HTML, which MkDocs does not rewrite (see ``html_url``)."""
        source = self.content.claims[claim_id].record.source
        path = self._page_of("source claims", source)[claim_id]
        if path == self.page:
            return Markup(f"#claim-{claim_id}")
        return (html_url if raw_html else relative_url)(self.page, path, f"claim-{claim_id}")

    def network_part_of(self, actor_id: str) -> Link | None:
        """The part of the split network page that draws the actor's relations (the first, if
        several do); None when the network is one page, or the actor has no relation."""
        parts, paths = self.parts("network"), self.part_paths("network")
        if not paging.is_split(parts):
            return None
        def compute():
            page_of: dict[str, tuple[str, str]] = {}
            for part, path in zip(parts, paths):
                for index in part.items:
                    relation = self.content.relations[index].record
                    page_of.setdefault(relation.source_actor, (part.label, path))
                    page_of.setdefault(relation.target_actor, (part.label, path))
            return page_of
        found = self.checked.once("network part of actor", compute).get(actor_id)
        return Link(f"{PAGE_TITLES['network']}: {found[0]}", relative_url(self.page, found[1])) if found else None

    def _network_components(self) -> list[paging.Group]:
        """The relations (as indexes into content.relations) of each group of actors
        tied to each other (``network.components``), named after its most related actor."""
        relations = [located.record for located in self.content.relations]
        name = lambda a: self.title_of("actor", a)  # noqa: E731
        found = network.components([(r.source_actor, r.target_actor) for r in relations], name)
        groups = []
        for group in found:
            others = len(group.actors) - 1
            label = name(group.hub) + (f" and {others} other actor{'s' if others != 1 else ''}" if others else "")
            groups.append(paging.Group(group.hub, label, group.edges))
        return groups

    def _split(self, name: str, record_id: str) -> list[paging.Part]:
        per_page = paging.PER_PAGE[name]
        content = self.content
        if name == "actors":
            actors = content.actors
            ids = sorted(actors, key=lambda a: actors[a].record.name.casefold())
            return paging.split(paging.by_first_letter(ids, lambda a: actors[a].record.name), per_page)
        if name == "glossary":
            terms = content.glossary
            ids = glossary.in_glossary_order(content, terms)
            return paging.split(paging.by_first_letter(ids, lambda i: terms[i].record.term), per_page)
        if name == "topics":
            return paging.numbered(self.topics_in_order(), per_page)
        if name == "sources":
            return paging.numbered(sorted(content.sources), per_page)
        if name == "source claims":
            return paging.numbered([c.id for c in self.claims_about("source", record_id)], per_page)
        if name == "timeline":
            events = self._dated_events()
            groups = paging.by_key(events, lambda e: (e.date[:4], e.date[:4]))  # by year
            return paging.split([paging.Group(g.key, g.label, tuple(e.anchor for e in g.items)) for g in groups],
                                per_page)
        if name in ("quotations", "figures"):
            wanted = (lambda c: c.quotation is not None) if name == "quotations" else (lambda c: bool(c.figures))
            claims = [i for i, located in content.claims.items() if wanted(located.record)]
            spans = self.checked.quote_spans  # by source, then where the quote stands, as the pages list them
            claims.sort(key=lambda c: (content.claims[c].record.source, spans[c].start, c))
            groups = paging.by_key(claims, lambda c: (content.claims[c].record.source,
                                                      self.title_of("source", content.claims[c].record.source)))
            return paging.split(groups, per_page, numbered=True)
        if name == "network":
            # Each group of actors is a picture of its own: a page holds fewer relations in many small pictures.
            return paging.split(self._network_components(), per_page, numbered=True,
                                group_cost=paging.NETWORK_PICTURE_COST)
        raise KeyError(name)

    def _by_position(self, claim_ids) -> list[str]:
        spans = self.checked.quote_spans
        return sorted(claim_ids, key=lambda c: (spans[c].start, -spans[c].end, c))


def _number(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if unit == "year":  # 2016, not 2,016
        return str(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,}".rstrip("0")
