"""Where everything is on the site: the one home of every page path and anchor.

A record's page (``page_path("actor", "russia")`` is ``actors/russia.md``)
and the anchors that lead into pages are spelled here and nowhere else:

- a claim's anchor, ``claim-<id>``: made from its id, never from its place
  in a list, so it is the same on every page that shows the claim;
- a claim's address, the one citations give: that anchor on the page of its
  first topic, where the topic's claims are listed in full (on the part of
  that list that holds it, ``lists.claim_address``, when a topic has more
  claims than a page holds: today's never has);
- a quote's place in a source's text, ``q-<claim id>`` on the source's page,
  or on the part of its text that holds it (``source_text_part``: a long
  text quoted throughout is cut into parts, ``kinds/source.py``); where
  many claims' quotes start at one place, only the first few have an anchor
  of their own, and the others share the first one's (``TextParts.shared_anchor``);
- a passage quoted by several claims, ``passage-<n>`` under the text;
- a context entry on its topic's page, ``context-<n>``; a timeline event,
  ``event-<kind>-<id>``.

Which part of a split list holds an item is ``lists.parts_of``'s business,
and the relative address from one page to another is ``links``'; the
templates get these functions as globals (``render.py``). Ids are slugs
(the model allows nothing else), so the anchors are safe as they are.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from build_scripts.pages.registry import PAGE_KINDS

# The Atom feed of what is new (site_source/feed.py), at the site's top, linked from every page's head.
FEED_FILE = "feed.xml"

# The page kind of each kind of record that has a page of its own.
RECORD_PAGES = {"actor": PAGE_KINDS["actor"], "topic": PAGE_KINDS["topic"], "source": PAGE_KINDS["source"],
                "story": PAGE_KINDS["story"]}


class Address(NamedTuple):
    """A place in the site: a generated page (its Markdown path) and an anchor in it."""

    page: str
    anchor: str = ""

    @property
    def in_site(self) -> str:
        """The address as the built site has it, from the site's folder:
        ``topics/s400-deal.html#claim-x`` (``use_directory_urls`` is off)."""
        return built_page(self.page) + (f"#{self.anchor}" if self.anchor else "")


def page_path(kind: str, record_id: str) -> str:
    """Where the page of a record is: ``page_path("actor", "russia")`` is ``actors/russia.md``."""
    return RECORD_PAGES[kind].path_of(record_id)


def source_text_part(source_id: str, number: int) -> str:
    """Part ``number`` (from 2) of a source's text; part 1 is the source's page. Beside the
    parts of its claims list (``sources/<id>/part-<n>.md``), so named apart from them."""
    return f"{page_path('source', source_id).removesuffix('.md')}/text-{number}.md"


def built_page(page: str) -> str:
    """The built page of a generated one: ``actors/india.md`` becomes ``actors/india.html``."""
    return page[: -len(".md")] + ".html" if page.endswith(".md") else page


def claim_anchor(claim_id: str) -> Markup:
    return Markup(f"claim-{claim_id}")


def quote_anchor(claim_id: str) -> Markup:
    """Where a claim's quote starts in a source's text, on the source's page."""
    return Markup(f"q-{claim_id}")


def passage_anchor(number: int) -> Markup:
    """The entry, under a source's text, of a passage that several claims quote."""
    return Markup(f"passage-{number}")


def context_anchor(index: int) -> Markup:
    """A context entry on its topics' pages (its place in the context file)."""
    return Markup(f"context-{index}")


def event_anchor(kind: str, record_id: str) -> str:
    """A dated claim or context entry on the timeline."""
    return f"event-{kind}-{record_id}"


def claim_address(content, claim_id: str) -> Address:
    """The claim's address: its anchor on the page of its first topic."""
    claim = content.claims[claim_id].record
    return Address(page_path("topic", claim.topics[0]), claim_anchor(claim_id))


def quote_address(content, claim_id: str, source_id: str | None = None, text_page: str | None = None,
                  shared_with: str | None = None) -> Address:
    """The claim's quote, highlighted in a source's text (``source_id``; by default its first source's);
    ``text_page``: the part of a split text that holds it, ``shared_with``: the claim whose anchor
    it shares, if it has none of its own (``lists.quote_address`` finds both)."""
    claim = content.claims[claim_id].record
    return Address(text_page or page_path("source", source_id or claim.source), quote_anchor(shared_with or claim_id))
