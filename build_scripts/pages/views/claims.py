"""Claims as pages show them: the statement, its quote, who says it and how sure
the source is, its date and figures; and which claims a page lists.

A claim shows on the page of every actor it names, every topic it belongs
to and its source, so its view is made once per folder (links are relative
to the folder) and what holds no link once per build.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.pages import lists
from build_scripts.pages.addresses import claim_anchor
from build_scripts.pages.context import DateView, PageContext
from build_scripts.pages.dependencies import remember
from build_scripts.pages.indexes import ClaimText, PageIndexes
from build_scripts.pages.labels import CERTAINTY_LABELS, format_number
from build_scripts.pages.links import Link, html_url, relative_url
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.views.citations import CiteView, cite_view, evidence_quote
from build_scripts.pages.views.corrections import (
    ConflictView,
    CorrectionView,
    claim_url,
    conflict_views,
    correction_views,
)

# A claim shows the words of this many of its sources, and this many of its
# corrections (the newest), wherever it is shown; the others are one link
# away: its sources on a page of their own (kinds/claim_sources.py), its
# corrections on the Corrections page. A fact reported by hundreds of
# sources, or corrected a thousand times, must not make every page that
# shows it heavier than a page may be.
EVIDENCE_SHOWN = 5
CORRECTIONS_SHOWN = 5


@dataclass(frozen=True)
class FigureView:
    said_as: str
    value: str
    unit: str
    measures: str


@dataclass(frozen=True)
class EvidenceView:
    """One source's quote for a claim, with who asserts it there and how sure that source is."""

    source_id: str
    source: Link  # the source's page, named by its publisher and date (its title on hover)
    quote: str
    quote_link: Link  # the quote highlighted in the source's text
    quote_anchor: str  # where the quote starts in the source's text (the anchor of quote_link)
    asserted_by: list[Link]
    unnamed: str | None
    via: list[Link]
    certainty: str
    certainty_label: str
    hedge: str | None


@dataclass(frozen=True)
class ClaimView:
    id: str
    anchor: Markup
    statement: str
    actors: list[Link]
    topics: list[Link]
    date: DateView | None
    figures: list[FigureView]
    quotation_text: str | None
    quotation_speakers: list[Link]
    quotation_occasion: str | None
    note: Markup | None
    position: int  # where the quote starts in its source, for ordering
    evidence: list[EvidenceView]  # every source's quote, in the claim's order
    conflicts: list[ConflictView]  # the claims it is marked as contradicting, either way
    corrections: list[CorrectionView]  # newest first
    cite: CiteView | None = None  # its address, citation and report link (citations.py)
    all_evidence_url: Markup | None = None  # every source's words, where the claim shows only some
    all_corrections_url: Markup | None = None  # the Corrections page, where the claim shows only the newest
    address_url: Markup | None = None  # the claim in full, on its first topic's page: where a line away from it links

    @property
    def disputed(self) -> bool:
        """Another claim is marked as disagreeing with it."""
        return bool(self.conflicts)

    @property
    def shown_evidence(self) -> list[EvidenceView]:
        return self.evidence[:EVIDENCE_SHOWN]

    @property
    def more_evidence(self) -> int:
        """Sources whose words the claim does not show (they are at ``all_evidence_url``)."""
        return max(0, len(self.evidence) - EVIDENCE_SHOWN)

    @property
    def shown_corrections(self) -> list[CorrectionView]:
        return self.corrections[:CORRECTIONS_SHOWN]

    @property
    def more_corrections(self) -> int:
        return max(0, len(self.corrections) - CORRECTIONS_SHOWN)

    def other_evidence(self, source_id: str) -> list[EvidenceView]:
        """The sources other than ``source_id`` that a line beside its text names (at most EVIDENCE_SHOWN)."""
        return [e for e in self.evidence if e.source_id != source_id][:EVIDENCE_SHOWN]

    def more_other_evidence(self, source_id: str) -> int:
        others = sum(1 for e in self.evidence if e.source_id != source_id)
        return max(0, others - EVIDENCE_SHOWN)

    def evidence_from(self, source_id: str | None) -> EvidenceView:
        """The quote of ``source_id`` and what that source says of it (None: the first source)."""
        return next((e for e in self.evidence if e.source_id == source_id), self.evidence[0])


def claim(v: PageContext, claim_id: str) -> ClaimView:
    return remember(v.cached.claims, claim_id, lambda: _claim(v, claim_id))


def _claim(v: PageContext, claim_id: str) -> ClaimView:
    record = v.content.claims[claim_id].record
    quotation = record.quotation
    text = claim_text(v, claim_id)
    evidence = [_evidence(v, record, evidence) for evidence in record.evidence]
    return ClaimView(
        id=claim_id,
        anchor=claim_anchor(claim_id),
        statement=record.statement,
        actors=v.actor_links(record.actors),
        topics=v.topic_links(record.topics),
        date=text.date,
        figures=text.figures,
        quotation_text=quotation.text if quotation else None,
        quotation_speakers=v.actor_links(quotation.speakers) if quotation else [],
        quotation_occasion=quotation.occasion if quotation else None,
        note=v.prose(record.note),
        position=v.checked.quote_spans[claim_id].start,
        evidence=evidence,
        conflicts=conflict_views(v, claim_id, EVIDENCE_SHOWN),
        corrections=correction_views(record.corrections),
        cite=cite_view(v, claim_id, EVIDENCE_SHOWN),
        all_evidence_url=all_evidence_url(v, claim_id) if len(evidence) > EVIDENCE_SHOWN else None,
        all_corrections_url=(relative_url(v.page, PAGE_KINDS["corrections"].path)
                             if len(record.corrections) > CORRECTIONS_SHOWN else None),
        address_url=claim_url(v, claim_id),
    )


def all_evidence_url(v: PageContext, claim_id: str) -> Markup:
    """The page listing every source's words for a claim (kinds/claim_sources.py)."""
    return relative_url(v.page, PAGE_KINDS["claim_sources"].path_of(claim_id))


def _evidence(v: PageContext, record, evidence) -> EvidenceView:
    attribution, certainty = record.attribution_in(evidence), record.certainty_in(evidence)
    return EvidenceView(
        source_id=evidence.source,
        source=v.source_ref(evidence.source),
        quote=evidence_quote(v.checked, record.id, evidence.source),
        quote_link=v.quote_link(record.id, source_id=evidence.source),
        quote_anchor=v.quote_address(record.id, evidence.source).anchor,
        asserted_by=v.actor_links(attribution.by),
        unnamed=attribution.unnamed,
        via=v.actor_links(attribution.via),
        certainty=certainty.value,
        certainty_label=CERTAINTY_LABELS[certainty.value],
        hedge=record.hedge_in(evidence),
    )


def claim_weight(indexes: PageIndexes, claim_id: str, cited: bool) -> int:
    """About how many bytes of Markdown a claim in full takes, from its record, for cutting a
    list of claims into parts by size (a claim with five long quotes weighs ten short ones).
    ``cited``: with its citation box, which repeats the statement and the quotes twice."""
    content = indexes.content
    record = content.claims[claim_id].record
    actors = content.actors
    spans = indexes.checked.evidence_spans[claim_id]
    shown = record.evidence[:EVIDENCE_SHOWN]
    repeat = 3 if cited else 1
    words = len(record.statement.encode("utf-8")) + sum(spans[e.source].end - spans[e.source].start for e in shown)
    names = [*record.attribution.by, *record.attribution.via, *(record.quotation.speakers if record.quotation else [])]
    for evidence in shown:
        if evidence.attribution:
            names += [*evidence.attribution.by, *evidence.attribution.via]
    weight = (CLAIM_BYTES + (CITE_BOX_BYTES if cited else 0) + repeat * words + EVIDENCE_BYTES * len(shown)
              + sum(len(actors[a].record.name.encode("utf-8")) + LINK_BYTES for a in names)
              + len((record.note or "").encode("utf-8")) + sum(len(f.said_as) + len(f.measures) + 120 for f in record.figures)
              + (len(record.quotation.text) + len(record.quotation.occasion) + 100 if record.quotation else 0)
              + sum(len(c.change) + len(c.reason) + 150 for c in record.corrections[:CORRECTIONS_SHOWN])
              + CONFLICT_BYTES * len(indexes.conflicts_by_claim.get(claim_id, [])))
    return weight


def claim_line_weight(indexes: PageIndexes, claim_id: str) -> int:
    """About how many bytes of Markdown a claim in one line takes (the ``claim_link`` macro)."""
    return LINE_BYTES + 2 * len(indexes.content.claims[claim_id].record.statement.encode("utf-8"))


def is_at_address(indexes: PageIndexes, claim_id: str, topic_id: str) -> bool:
    """Whether the claim is shown in full on ``topic_id``'s page: its first topic's, its address."""
    return indexes.content.claims[claim_id].record.topics[0] == topic_id


# What a claim in full takes besides its words (claim_weight), measured on today's claims
# (a claim's Markdown is 0.7 to 3.9 KB on a topic page, 0.7 to 2.1 KB on an actor's).
CLAIM_BYTES = 700
CITE_BOX_BYTES = 900
EVIDENCE_BYTES = 450
LINK_BYTES = 60
CONFLICT_BYTES = 900
# A claim in one line besides its statement (claim_line_weight): its link, where it stands, its date.
LINE_BYTES = 500


def claim_text(v: PageContext, claim_id: str) -> ClaimText:
    """A claim's date and figures, made once per claim."""
    def make() -> ClaimText:
        record = v.content.claims[claim_id].record
        return ClaimText(v.date(record.date),
                         [FigureView(f.said_as, format_number(f.value, f.unit), f.unit, f.measures)
                          for f in record.figures])
    return remember(v.indexes.claim_texts, claim_id, make)


def in_page_order(indexes: PageIndexes, ids) -> list[str]:
    """Claim ids in the order pages list claims: by source, then where the quote stands."""
    claims, spans = indexes.content.claims, indexes.checked.quote_spans
    return sorted(ids, key=lambda c: (claims[c].record.source, spans[c].start, c))


def claims_at(v: PageContext, ids) -> list[ClaimView]:
    """The claims ``ids``, in page order."""
    return [claim(v, i) for i in in_page_order(v.indexes, ids)]


def claim_ids_about(indexes: PageIndexes, kind: str, record_id: str) -> list[str]:
    """The claims that name an actor (kind "actor"), belong to a topic ("topic") or quote a source ("source")."""
    by = {"actor": indexes.claims_by_actor, "topic": indexes.claims_by_topic, "source": indexes.claims_by_source}
    return by[kind].get(record_id, [])


def claims_about(v: PageContext, kind: str, record_id: str) -> list[ClaimView]:
    return claims_at(v, claim_ids_about(v.indexes, kind, record_id))


def claim_under_source_url(v: PageContext, claim_id: str, raw_html: bool = False, source_id: str | None = None,
                           text_pages: dict[str, str] | None = None) -> Markup:
    """The claim in the list under its source's text (or in the part of that list that holds it),
    or, where the claims stand beside the text, its side note (in the part of the text that holds
    its quote); ``source_id``: under that source's text (by default its first source's);
    ``raw_html``: for a link in raw HTML, which MkDocs does not rewrite (see ``links.html_url``);
    ``text_pages``: the page of each quote, while the text's parts are being made."""
    source = source_id or v.content.claims[claim_id].record.source
    if lists.is_split(v.indexes, "source", source):
        path = lists.page_in_list(v.indexes, "source", claim_id, source)
    elif text_pages is not None:
        path = text_pages[claim_id]
    else:
        path = lists.quote_place(v.indexes, source, claim_id)[0]
    if path == v.page:
        return Markup(f"#{claim_anchor(claim_id)}")
    return (html_url if raw_html else relative_url)(v.page, path, claim_anchor(claim_id))
