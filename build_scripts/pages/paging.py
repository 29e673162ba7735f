"""Long list pages split into parts, so that no page grows with the dossier.

A list page (the glossary, the timeline, the network…) holds every item of
its kind; in a dossier a hundred times today's it would be megabytes of HTML,
and Material prints the navigation and the theme around it too. So a list
with more items than its page holds is split:

- by groups that mean something to a reader (terms and actors by first
  letter, events by year, quotations and figures by source, the network by
  groups of actors connected to each other); small neighbouring groups share
  a part ("A–C", "1997–2004"), and a group too large for one page is cut
  into numbered parts ("2008, part 2 of 3");
- or, for lists with no such groups (topics, sources, a source's claims), in
  numbered parts.

The main page then lists its parts; each part links to the main page and to
its neighbours. Parts are not in the navigation (Material prints the whole
navigation into every page); they live beside the main page, in a folder of
its name: the parts of ``glossary.md`` are ``glossary/<part>.md``, those of
``actors/index.md`` are ``actors/index/<part>.md`` (no record can have the
id ``index``, see rules/check.py).

Everything here works on keys (ids, anchors). How many items a page holds
is each page kind's (``registry.py``); how a list is cut into groups is in
its module (``kinds/<kind>.py``, ``parts``); ``lists.py`` finds the parts'
pages, and the kinds' modules what the parts show.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# A picture on a network page costs about as much as two relations more.
NETWORK_PICTURE_COST = 2


@dataclass(frozen=True)
class Group:
    """Items that belong together: those of one letter, one year, one source…"""

    key: str  # part of the address, a slug: "a", "2008", "part-3"
    label: str  # how a reader names it: "A", "2008"
    items: tuple


@dataclass(frozen=True)
class Part:
    """The items of one page of a split list."""

    slug: str  # the page's file name, without ".md"
    label: str  # "A–C", "2008 (part 2 of 3)", "Part 4 of 9"
    groups: tuple[Group, ...]  # whole groups, or the share of one group

    @property
    def items(self) -> list:
        return [item for group in self.groups for item in group.items]


def split(groups: list[Group], per_page: int, *, numbered: bool = False, group_cost: int = 0) -> list[Part]:
    """The parts of a list made of ``groups``, in order; one part if it fits on one page.

    Neighbouring groups share a part while they fit; a group larger than a
    page is cut into parts of even size. Parts are named after their groups
    ("a-to-c", "A–C"), or, with ``numbered`` (groups whose keys are record
    ids, which could look like such names), "part-2", "Part 2 of 9".
    ``group_cost``: what showing a group costs a page besides its items, in
    items (a picture of its own, for the network).
    """
    groups = [g for g in groups if g.items]
    cost = lambda members: sum(len(g.items) + group_cost for g in members)  # noqa: E731
    if cost(groups) <= per_page:
        return [Part("", "", tuple(groups))]
    parts: list[Part] = []
    pending: list[Group] = []

    def flush() -> None:
        if pending:
            first, last = pending[0], pending[-1]
            if first is last:
                parts.append(Part(first.key, first.label, (first,)))
            else:
                parts.append(Part(f"{first.key}-to-{last.key}", _range(first.label, last.label), tuple(pending)))
            pending.clear()

    for group in groups:
        if cost([group]) > per_page:
            flush()
            count = math.ceil(len(group.items) / max(1, per_page - group_cost))
            size = math.ceil(len(group.items) / count)
            for index in range(count):
                label = f"{group.label}, part {index + 1} of {count}"
                share = Group(group.key, label, group.items[index * size : (index + 1) * size])
                parts.append(Part(f"{group.key}-part-{index + 1}", label, (share,)))
            continue
        if pending and cost(pending) + cost([group]) > per_page:
            flush()
        pending.append(group)
    flush()
    if numbered:
        parts = [Part(f"part-{index + 1}", f"Part {index + 1} of {len(parts)}", part.groups)
                 for index, part in enumerate(parts)]
    return parts


def _range(first: str, last: str) -> str:
    """"A–C", "1997–2004"; "0–9 to C" where a dash would be ambiguous."""
    plain = not any(c in label for label in (first, last) for c in "– ")
    return f"{first}–{last}" if plain else f"{first} to {last}"


def numbered(items: list, per_page: int) -> list[Part]:
    """A list without groups, in numbered parts of even size ("Part 2 of 5")."""
    return split([Group("", "", tuple(items))], per_page, numbered=True)


def numbered_by_weight(items: list, weight_of, budget: int) -> list[Part]:
    """A list without groups, in numbered parts of consecutive items that weigh at most
    ``budget`` together (an item heavier than that alone has a part of its own)."""
    shares: list[list] = [[]]
    weight = 0
    for item in items:
        cost = weight_of(item)
        if shares[-1] and weight + cost > budget:
            shares.append([])
            weight = 0
        shares[-1].append(item)
        weight += cost
    if len(shares) == 1:
        return [Part("", "", (Group("", "", tuple(items)),))]
    return [Part(f"part-{index + 1}", f"Part {index + 1} of {len(shares)}", (Group("", "", tuple(share)),))
            for index, share in enumerate(shares)]


def first_letter(name: str) -> tuple[str, str]:
    """(key, label) of the letter a name is filed under: ("a", "A"), or ("0-9", "0–9"), or ("other", "Other")."""
    for char in name.casefold():
        if "a" <= char <= "z":
            return char, char.upper()
        if char.isdigit():
            return "0-9", "0–9"
        if char.isalpha():
            return "other", "Other"
    return "other", "Other"


def by_first_letter(items: list, name_of) -> list[Group]:
    """``items`` grouped by the first letter of ``name_of(item)``: digits, A to Z, then the rest."""
    def order(item):
        key, _ = first_letter(name_of(item))
        return (0 if key == "0-9" else 2 if key == "other" else 1, key, name_of(item).casefold())
    return by_key(sorted(items, key=order), lambda item: first_letter(name_of(item)))


def by_key(items: list, key_of) -> list[Group]:
    """``items`` grouped by ``key_of(item) -> (key, label)``, groups in the order they first appear."""
    groups: dict[str, tuple[str, list]] = {}
    for item in items:
        key, label = key_of(item)
        groups.setdefault(key, (label, []))[1].append(item)
    return [Group(key, label, tuple(members)) for key, (label, members) in groups.items()]


def part_path(list_path: str, part: Part) -> str:
    """Where a part of the list page ``list_path`` goes: ``glossary.md`` -> ``glossary/a.md``."""
    return f"{list_path.removesuffix('.md')}/{part.slug}.md"


def is_split(parts: list[Part]) -> bool:
    return len(parts) > 1
