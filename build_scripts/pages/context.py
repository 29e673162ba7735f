"""What a page's template knows as ``v``: links to other pages made relative to
this one, prose rendered, dates and citations ready to print.

Every lookup and decision is made in Python (here, in the shared helpers
beside this module, or in the page kind's module), so templates only loop,
test and print.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.content import model
from build_scripts.content.prose import render_prose, safe_external_url
from build_scripts.pages import lists
from build_scripts.pages.addresses import Address, page_path, quote_address
from build_scripts.pages.dependencies import remember
from build_scripts.pages.indexes import FolderViews, PageIndexes
from build_scripts.pages.labels import BASIS_LABELS, PUBLICATION_BASIS_LABELS, format_date
from build_scripts.pages.links import Link, folder_of, relative_url
from build_scripts.pages.registry import PAGE_KINDS


@dataclass(frozen=True)
class DateView:
    value: str
    text: str
    basis: str
    basis_label: str
    said_as: str | None
    explanation: str | None


@dataclass(frozen=True)
class CitationView:
    title: str
    identifier: str | None
    issuer: str
    date: str
    url: str | None = None  # the published page's address, made safe to print as a link target


class PageContext:
    """The view helpers of one page (``page``: its path in the site)."""

    def __init__(self, indexes: PageIndexes, page: str):
        self.indexes = indexes
        self.checked = indexes.checked
        self.content = indexes.content
        self.page = page
        self.folder = folder_of(page)
        self.cached: FolderViews = indexes.folder(self.folder)
        # While a source's text is being cut into parts (kinds/source.py, text_parts), quotes
        # are linked on their source's first page, so that where a text is cut never depends
        # on where another one is (nor on which was cut first).
        self.measuring = False

    def measuring_copy(self) -> PageContext:
        """This page's helpers for measuring a text: views made apart, quotes on first pages."""
        copy = PageContext(self.indexes, self.page)
        copy.cached = FolderViews()
        copy.measuring = True
        return copy

    def quote_address(self, claim_id: str, source_id: str | None = None) -> Address:
        if self.measuring:
            return quote_address(self.content, claim_id, source_id)
        return lists.quote_address(self.indexes, claim_id, source_id)

    # -- links ----------------------------------------------------------

    def link(self, kind: str, record_id: str, anchor: str = "") -> Link:
        return remember(self.cached.links, (kind, record_id, anchor),
                        lambda: Link(self.title_of(kind, record_id),
                                     relative_url(self.page, page_path(kind, record_id), anchor)))

    def title_of(self, kind: str, record_id: str) -> str:
        if kind == "actor":
            return self.content.actors[record_id].record.name
        if kind == "topic":
            return self.content.topics[record_id].record.title
        if kind == "story":
            return self.content.stories[record_id].record.title
        if kind == "source":
            # A text published without a headline is named by its publisher and date.
            return self.content.sources[record_id].record.title or f"Untitled text ({self.source_credit(record_id)})"
        raise KeyError(kind)

    def link_to_page(self, name: str, anchor: str = "") -> Link:
        """A link to the page of kind ``name`` (a page not about one record: "timeline")."""
        kind = PAGE_KINDS[name]
        return Link(kind.title, relative_url(self.page, kind.path, anchor))

    def link_to_file(self, site_path: str) -> Link:
        return Link(posixpath.basename(site_path), relative_url(self.page, site_path))

    def external(self, text: str, url: str | None) -> Link:
        """A link to an address outside the site; without an address (a licence that has none), its
        text alone: the link's url is then empty and templates print the text."""
        return Link(text, safe_external_url(url) if url is not None else Markup(""))

    def actor_links(self, ids: list[str]) -> list[Link]:
        return [self.link("actor", i) for i in ids]

    def topic_links(self, ids: list[str]) -> list[Link]:
        return [self.link("topic", i) for i in ids]

    def source_credit(self, source_id: str) -> str:
        """How a source is named inline: its publisher, the original publisher where it was
        republished, and its date ("Mehr News Agency, from Newsweek, 5 Oct 2018")."""
        def make() -> str:
            source = self.content.sources[source_id].record
            names = [self.content.actors[source.publisher].record.name]
            if source.original_publisher:
                names.append(f"from {self.content.actors[source.original_publisher].record.name}")
            return ", ".join([*names, format_date(source.published.value, short=True)])
        return remember(self.indexes.source_credits, source_id, make)

    def source_ref(self, source_id: str, url: Markup | None = None) -> Link:
        """A source named inline by its publisher and date, its title on hover; it leads to ``url``
        (a quote in its text), or else to its page."""
        return Link(self.source_credit(source_id),
                    url if url is not None else relative_url(self.page, page_path("source", source_id)),
                    self.content.sources[source_id].record.title)

    def quote_link(self, claim_id: str, text: str = "in the source", source_id: str | None = None) -> Link:
        """The claim's quote, highlighted in its source's text (``source_id``: that source's quote;
        by default its first)."""
        return Link(text, relative_url(self.page, *self.quote_address(claim_id, source_id)))

    def prose(self, text: str | None) -> Markup | None:
        if text is None:
            return None
        return remember(self.cached.prose, text, lambda: render_prose(text, self._resolve_prose_link))

    def _resolve_prose_link(self, scheme: str, record_id: str) -> str:
        if scheme == "claim":
            return str(relative_url(self.page, *self.quote_address(record_id)))
        if scheme == "glossary":
            return str(self.term_url(record_id))
        return str(relative_url(self.page, page_path(scheme, record_id)))

    def term_url(self, term_id: str) -> Markup:
        """The term's entry in the glossary (or in the part of it that holds it)."""
        return relative_url(self.page, lists.page_in_list(self.indexes, "glossary", term_id), term_id)

    # -- dates and citations ----------------------------------------------

    def date(self, date: model.DateRef | None, publication: bool = False) -> DateView | None:
        """``publication``: the date is a source's own publication date, labelled by where it comes from."""
        if date is None:
            return None
        labels = PUBLICATION_BASIS_LABELS if publication else BASIS_LABELS
        return DateView(date.value, format_date(date.value), date.basis.value, labels[date.basis.value],
                        date.said_as, date.explanation)

    def citation(self, citation: model.Citation) -> CitationView:
        url = safe_external_url(citation.url) if citation.url else None
        return CitationView(citation.title, citation.identifier, citation.issuer, format_date(citation.date), url)
