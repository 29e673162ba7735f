"""Long lists split into parts (``paging.py``): where each part's page is,
what a list's main page says of its parts, and how a part links to its
neighbours.

How a list is cut is the business of its page kind: the module
``pages/kinds/<kind>.py`` has ``parts(indexes, record_id)``. Other pages link
into a split list (a term in the glossary, an event on the timeline, a claim
under its source), so the parts are found here, once per build.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.pages import addresses, dependencies, paging
from build_scripts.pages.addresses import Address
from build_scripts.pages.dependencies import remember
from build_scripts.pages.indexes import ListParts, PageIndexes
from build_scripts.pages.links import Link, relative_url
from build_scripts.pages.registry import PAGE_KINDS, module_of


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


def part_jobs(indexes: PageIndexes, name: str) -> list[tuple[str, ...]]:
    """The list page of kind ``name`` in one job; split, its main page and each part in jobs of
    their own (the kind's ``render`` takes ``piece``: "0" the main page, "n" part n), so that
    an edit renders again only the parts it reaches (site_source/incremental.py)."""
    listed = parts_of(indexes, name)
    if not listed.is_split:
        return [()]
    return [(str(piece),) for piece in range(len(listed.parts) + 1)]


def first(items, limit: int) -> tuple[list, int]:
    """The first ``limit`` of ``items``, and how many more there are: what a page
    lists of a list that can grow, and the count it gives of the rest."""
    return list(items[:limit]), max(0, len(items) - limit)


def parts_of(indexes: PageIndexes, name: str, record_id: str = "") -> ListParts:
    """The parts of the list page of kind ``name`` (of record ``record_id``, for a source's claims)."""
    def make() -> ListParts:
        kind = PAGE_KINDS[name]
        parts = module_of(kind).parts(indexes, record_id)
        list_path = kind.path_of(record_id)
        paths = [paging.part_path(list_path, part) for part in parts] if paging.is_split(parts) else [list_path]
        return ListParts(parts, paths)
    return remember(indexes.list_parts, (name, record_id), make, cut_off=LIST_PARTS)


# What the incremental preview cuts off (pages/dependencies.py): where a list or a text is cut
# seldom changes when a record does, and many pages link into a list or a text; they depend
# on the part that holds what they link to, not on the whole list.
LIST_PARTS = dependencies.cut_off_entry("list_parts", lambda indexes, key: parts_of(indexes, *key),
                                        lambda indexes: indexes.list_parts)
LIST_IS_SPLIT = dependencies.cut_off_entry("list_is_split", lambda indexes, key: is_split(indexes, *key[1:]),
                                           lambda indexes: indexes.made_once)
LIST_PAGE = dependencies.cut_off_entry("list_page", lambda indexes, key: page_in_list(indexes, *key[1:]),
                                       lambda indexes: indexes.made_once)
TEXT_PARTS = dependencies.cut_off_entry("text_parts", lambda indexes, key: text_parts_of(indexes, key),
                                        lambda indexes: indexes.text_parts)
QUOTE_PLACE = dependencies.cut_off_entry("quote_place", lambda indexes, key: quote_place(indexes, *key[1:]),
                                         lambda indexes: indexes.made_once)


def is_split(indexes: PageIndexes, name: str, record_id: str = "") -> bool:
    """Whether the list page of kind ``name`` (of ``record_id``) is in parts."""
    return remember(indexes.made_once, (LIST_IS_SPLIT, name, record_id),
                    lambda: parts_of(indexes, name, record_id).is_split, cut_off=LIST_IS_SPLIT)


def page_in_list(indexes: PageIndexes, name: str, item, record_id: str = "") -> str:
    """The page of the list of kind ``name`` (of ``record_id``) that holds ``item``."""
    return remember(indexes.made_once, (LIST_PAGE, name, item, record_id),
                    lambda: parts_of(indexes, name, record_id).page_of[item], cut_off=LIST_PAGE)


def quote_place(indexes: PageIndexes, source_id: str, claim_id: str) -> tuple[str, str | None]:
    """The part of the source's text where the claim's quote starts, and the claim whose anchor it
    shares there (None: its own)."""
    def make() -> tuple[str, str | None]:
        text = text_parts_of(indexes, source_id)
        return text.page_of_quote[claim_id], text.shared_anchor.get(claim_id)
    return remember(indexes.made_once, (QUOTE_PLACE, source_id, claim_id), make, cut_off=QUOTE_PLACE)


def text_parts_of(indexes: PageIndexes, source_id: str):
    """The parts of a source's annotated text (``kinds/source.py``, ``TextParts``), made once per build."""
    return remember(indexes.text_parts, source_id,
                    lambda: module_of(PAGE_KINDS["source"]).text_parts(indexes, source_id), cut_off=TEXT_PARTS)


def quote_address(indexes: PageIndexes, claim_id: str, source_id: str | None = None) -> Address:
    """``addresses.quote_address`` on the part of the source's text that holds the quote, at its
    anchor (or the one it shares with the other claims whose quote starts at the same place)."""
    source = source_id or indexes.content.claims[claim_id].record.source
    return addresses.quote_address(indexes.content, claim_id, source, *quote_place(indexes, source, claim_id))


def claim_address(indexes: PageIndexes, claim_id: str) -> Address:
    """``addresses.claim_address`` on the part of its topic's claims that holds it."""
    address = addresses.claim_address(indexes.content, claim_id)
    topic = indexes.content.claims[claim_id].record.topics[0]
    return Address(page_in_list(indexes, "topic", claim_id, topic), address.anchor)


def part_entries(page: str, listed: ListParts, summary=None) -> list[PartEntry]:
    """The parts of a split list, for its main page ``page``; ``summary(part)`` says what a part holds."""
    return [PartEntry(Link(part.label, relative_url(page, path)), len(part.items), summary(part) if summary else None)
            for part, path in zip(listed.parts, listed.paths, strict=True)]


@dataclass(frozen=True)
class PartPlace:
    """What a part's own page shows of its list: the part, where it is, its neighbours
    and the list's size (``part_nav``)."""

    part: paging.Part
    path: str
    index: int
    previous: tuple[str, str] | None  # (label, path) of the part before
    next: tuple[str, str] | None
    count: int  # parts in all
    total: int  # items in all parts


def part_places(listed: ListParts) -> list[PartPlace]:
    parts, paths = listed.parts, listed.paths
    total = sum(len(part.items) for part in parts)
    neighbour = lambda i: (parts[i].label, paths[i]) if 0 <= i < len(parts) else None  # noqa: E731
    return [PartPlace(part, path, index, neighbour(index - 1), neighbour(index + 1), len(parts), total)
            for index, (part, path) in enumerate(zip(parts, paths, strict=True))]


def part_place(indexes: PageIndexes, name: str, index: int, record_id: str = "") -> PartPlace:
    """Part ``index`` of the list of kind ``name`` (of ``record_id``), as its own page shows it;
    cut off for the incremental preview: a label that changes (a renamed actor that names a
    group of the network) renders again the part it names and its neighbours, not every part."""
    return remember(indexes.made_once, (LIST_PART_PLACE, name, record_id, index),
                    lambda: part_places(parts_of(indexes, name, record_id))[index], cut_off=LIST_PART_PLACE)


LIST_PART_PLACE = dependencies.cut_off_entry(
    "list_part_place", lambda indexes, key: part_place(indexes, key[1], key[3], key[2]),  # key: (entry, name, id, index)
    lambda indexes: indexes.made_once)


def part_nav(place: PartPlace, whole: Link) -> PartNav:
    """Where a part stands, for its own page."""
    link = lambda found: Link(found[0], relative_url(place.path, found[1])) if found else None  # noqa: E731
    return PartNav(place.part.label, place.index + 1, place.count, len(place.part.items), place.total, whole,
                   link(place.previous), link(place.next))
