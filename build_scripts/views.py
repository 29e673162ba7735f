"""Ready-made view data for the templates: every lookup and decision is here,
so templates only loop, test and print.

Values that are not text (links between pages, anchors, generated markup)
are wrapped in ``Markup`` here, deliberately, after being built from ids the
model has already limited to slugs; everything else is escaped on output.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field

from markupsafe import Markup

from . import model
from .check import CheckedDossier
from .markup import render_prose, safe_external_url
from .source_text import Span

# Where each kind of record's page lives in the site.
PAGE_PATHS = {
    "actor": "actors/{id}.md",
    "topic": "topics/{id}.md",
    "source": "sources/{id}.md",
}
INDEX_PATHS = {"home": "index.md", "actors": "actors/index.md", "topics": "topics/index.md", "sources": "sources/index.md"}

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
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def page_path(kind: str, record_id: str) -> str:
    return PAGE_PATHS[kind].format(id=record_id)


def relative_url(from_page: str, to_page: str, anchor: str = "") -> Markup:
    """A Markdown link target from one generated page to another."""
    url = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return Markup(url + (f"#{anchor}" if anchor else ""))


def format_date(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


def weekday(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    return dt.date(*parts).strftime("%A") if len(parts) == 3 else ""


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


@dataclass
class Views:
    """Builds view objects for one page at a time (links are relative to it)."""

    checked: CheckedDossier
    page: str = ""

    @property
    def content(self):
        return self.checked.content

    def at(self, page: str) -> "Views":
        return Views(self.checked, page)

    # -- links ----------------------------------------------------------

    def link(self, kind: str, record_id: str, anchor: str = "") -> Link:
        return Link(self.title_of(kind, record_id), relative_url(self.page, page_path(kind, record_id), anchor))

    def title_of(self, kind: str, record_id: str) -> str:
        if kind == "actor":
            return self.content.actors[record_id].record.name
        if kind == "topic":
            return self.content.topics[record_id].record.title
        if kind == "source":
            return self.content.sources[record_id].record.title
        raise KeyError(kind)

    def external(self, text: str, url: str) -> Link:
        return Link(text, safe_external_url(url))

    def actor_links(self, ids: list[str]) -> list[Link]:
        return [self.link("actor", i) for i in ids]

    def topic_links(self, ids: list[str]) -> list[Link]:
        return [self.link("topic", i) for i in ids]

    def prose(self, text: str | None) -> Markup | None:
        if text is None:
            return None
        return render_prose(text, self._resolve_prose_link)

    def _resolve_prose_link(self, scheme: str, record_id: str) -> str:
        if scheme == "claim":
            claim = self.content.claims[record_id].record
            return str(relative_url(self.page, page_path("source", claim.source), f"q-{record_id}"))
        if scheme == "glossary":
            return str(relative_url(self.page, "glossary.md", record_id))
        return str(relative_url(self.page, page_path(scheme, record_id)))

    # -- records --------------------------------------------------------

    def date(self, date: model.DateRef | None) -> DateView | None:
        if date is None:
            return None
        return DateView(date.value, format_date(date.value), date.basis.value, BASIS_LABELS[date.basis.value],
                        date.said_as, date.explanation)

    def claim(self, claim_id: str) -> ClaimView:
        claim = self.content.claims[claim_id].record
        span: Span = self.checked.quote_spans[claim_id]
        quotation = claim.quotation
        return ClaimView(
            id=claim_id,
            anchor=Markup(f"claim-{claim_id}"),
            statement=claim.statement,
            quote=re.sub(r"\s*\n\s*", " ", self.checked.texts[claim.source].text[span.start : span.end]),
            quote_link=Link("in the source", relative_url(self.page, page_path("source", claim.source), f"q-{claim_id}")),
            actors=self.actor_links(claim.actors),
            topics=self.topic_links(claim.topics),
            asserted_by=self.actor_links(claim.attribution.by),
            unnamed=claim.attribution.unnamed,
            via=self.actor_links(claim.attribution.via),
            certainty=claim.certainty.value,
            certainty_label=CERTAINTY_LABELS[claim.certainty.value],
            hedge=claim.hedge,
            date=self.date(claim.date),
            figures=[FigureView(f.said_as, _number(f.value), f.unit, f.measures) for f in claim.figures],
            quotation_text=quotation.text if quotation else None,
            quotation_speakers=self.actor_links(quotation.speakers) if quotation else [],
            quotation_occasion=quotation.occasion if quotation else None,
            note=self.prose(claim.note),
            position=span.start,
        )

    def claims_where(self, predicate) -> list[ClaimView]:
        ids = [i for i, located in self.content.claims.items() if predicate(located.record)]
        views = [self.claim(i) for i in ids]
        return sorted(views, key=lambda c: (self.content.claims[c.id].record.source, c.position, c.id))


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,}".rstrip("0")


@dataclass(frozen=True)
class SourceSegment:
    """A run of the source text covered by the same set of claims."""

    text: str
    claims: list[str]
    anchors: list[Markup] = field(default_factory=list)  # claims whose quote starts here

    @property
    def target(self) -> Markup:
        """Where a click on this run of text leads: the first claim that quotes it."""
        return Markup(f"#claim-{self.claims[0]}")


def source_segments(checked: CheckedDossier, source_id: str) -> list[SourceSegment]:
    """The text cut wherever a quoted span starts or ends, so overlapping quotes work."""
    text = checked.texts[source_id].text
    spans = {c: s for c, s in checked.quote_spans.items() if checked.content.claims[c].record.source == source_id}
    cuts = sorted({0, len(text)} | {s.start for s in spans.values()} | {s.end for s in spans.values()})
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        covering = sorted(c for c, s in spans.items() if s.start <= start and end <= s.end)
        anchors = [Markup(f"q-{c}") for c in sorted(c for c, s in spans.items() if s.start == start)]
        segments.append(SourceSegment(text[start:end], covering, anchors))
    return segments
