"""Each data cell of a Markdown table labelled with its column's header.

``<td data-label="Unit">`` lets the stylesheet show a table on a phone as a
stack of cards, one per row, each value after its column's name
(``docs/assets/dossier.css``, "Tables on a phone"), instead of squeezing six
columns into 360 px, where words break in the middle. Written at build time,
so that the cards read without JavaScript. A path or an address in a cell
("content/actors/<id>.yaml") may break after its slashes (``<wbr>``), not in
the middle of a name: browsers find no place to break it by themselves; a
run of 32 characters or more with no place to break (a digest) may break
every 16. mkdocs.yml lists this extension
(``build_scripts.renderers.markdown_tables``); Zensical inherits the list.

Each table is also written in the frame that Material's script would put it
in when the page starts (``div.md-typeset__scrollwrap > div.md-typeset__table``),
with a class of its own so that the script leaves it alone (Material wraps
only ``table:not([class])``). Wrapping two dozen tables as the page started
forced the browser to lay the whole page out again: most of the blocking time
Lighthouse counted on Schema reference. The table's look, which Material
gives only to tables without a class, is in ``docs/assets/dossier.css``
("Tables"). Written at build time, the frame is the same with or without
JavaScript.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# A slash followed by something else than a slash: where a path may break.
_SLASH = re.compile(r"(?<=/)(?=[^/])")
# A run of characters with nowhere to break that no phone can hold (a digest);
# raw HTML's placeholders (\x02...\x03) and character references (&...;) are
# never part of one, so that no break falls inside them.
_LONG_RUN = re.compile("[^\\s/&;\x02\x03]{32,}")
_CHUNK = 16
_BREAK = "\x00"
# Python-Markdown's placeholder for raw HTML kept aside until the end ("\x02wzxhzdk:0\x03").
_STASHED = re.compile("\x02[^\x03]*\x03")


def header_label(cell) -> str:
    """A header cell's text, as one line (markup and raw HTML left out)."""
    return " ".join(_STASHED.sub("", "".join(cell.itertext())).split())


def _split_at_breaks(text: str) -> list[str]:
    """``text`` cut after each slash, and every 16 characters of a run too long to fit anywhere."""
    marked = _LONG_RUN.sub(lambda run: _BREAK.join(run.group()[at:at + _CHUNK]
                                                  for at in range(0, len(run.group()), _CHUNK)), text)
    parts = _SLASH.sub(_BREAK, marked).split(_BREAK)
    kind = AtomicString if isinstance(text, AtomicString) else str
    return [kind(part) for part in parts]


def break_after_slashes(cell) -> None:
    """A line-break opportunity (``<wbr>``) after each slash of the cell's text,
    and every 16 characters of a run of 32 or more with none (a SHA-256 digest)."""
    for element in list(cell.iter()):
        for child in reversed(list(element)):
            if child.tail and _can_break(child.tail):
                child.tail, *rest = _split_at_breaks(child.tail)
                place = list(element).index(child) + 1
                for offset, part in enumerate(rest):
                    element.insert(place + offset, _wbr(part))
        if element.text and _can_break(element.text):
            element.text, *rest = _split_at_breaks(element.text)
            for offset, part in enumerate(rest):
                element.insert(offset, _wbr(part))


def _can_break(text: str) -> bool:
    return "/" in text or _LONG_RUN.search(text) is not None


def _wbr(tail: str):
    wbr = etree.Element("wbr")
    wbr.tail = tail
    return wbr


# The table's class, and the frame around it (Material's names: its stylesheet styles them).
TABLE_CLASS = "dossier-table"
FRAME_CLASSES = ("md-typeset__scrollwrap", "md-typeset__table")


def frame_tables(root) -> None:
    """Put each table of the tree in Material's frame, marked as framed."""
    for parent in list(root.iter()):
        for place, child in enumerate(list(parent)):
            if child.tag != "table":
                continue
            outer = etree.Element("div", {"class": FRAME_CLASSES[0]})
            inner = etree.SubElement(outer, "div", {"class": FRAME_CLASSES[1]})
            parent.remove(child)
            outer.tail, child.tail = child.tail, None
            inner.append(child)
            child.set("class", TABLE_CLASS)
            parent.insert(place, outer)


class TableLabelsTreeprocessor(Treeprocessor):
    def run(self, root):
        frame_tables(root)
        for table in root.iter("table"):
            head_row = table.find("thead/tr")
            if head_row is None:
                continue
            labels = [header_label(cell) for cell in head_row.findall("th")]
            for row in table.findall("tbody/tr"):
                for cell, label in zip(row.findall("td"), labels, strict=False):
                    if label:
                        cell.set("data-label", label)
            for cell in table.iter("td"):
                break_after_slashes(cell)


class TableLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline processor (20), which fills the header cells with their text and markup.
        md.treeprocessors.register(TableLabelsTreeprocessor(md), "dossier_table_labels", 6)


def makeExtension(**kwargs) -> TableLabelsExtension:  # noqa: N802 - the name Python-Markdown looks for
    return TableLabelsExtension(**kwargs)
