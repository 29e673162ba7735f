"""Each data cell of a Markdown table labelled with its column's header.

``<td data-label="Unit">`` lets the stylesheet show a table on a phone as a
stack of cards, one per row, each value after its column's name
(``docs/assets/dossier.css``, "Tables on a phone"), instead of squeezing six
columns into 360 px, where words break in the middle. Written at build time,
so that the cards read without JavaScript. A path or an address in a cell
("content/actors/<id>.yaml") may break after its slashes (``<wbr>``), not in
the middle of a name: browsers find no place to break it by themselves. mkdocs.yml lists this extension
(``build_scripts.renderers.markdown_tables``); Zensical inherits the list.
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
# Python-Markdown's placeholder for raw HTML kept aside until the end ("\x02wzxhzdk:0\x03").
_STASHED = re.compile("\x02[^\x03]*\x03")


def header_label(cell) -> str:
    """A header cell's text, as one line (markup and raw HTML left out)."""
    return " ".join(_STASHED.sub("", "".join(cell.itertext())).split())


def _split_at_slashes(text: str) -> list[str]:
    parts = _SLASH.split(text)
    kind = AtomicString if isinstance(text, AtomicString) else str
    return [kind(part) for part in parts]


def break_after_slashes(cell) -> None:
    """A line-break opportunity (``<wbr>``) after each slash of the cell's text."""
    for element in list(cell.iter()):
        for child in reversed(list(element)):
            if child.tail and "/" in child.tail:
                child.tail, *rest = _split_at_slashes(child.tail)
                place = list(element).index(child) + 1
                for offset, part in enumerate(rest):
                    element.insert(place + offset, _wbr(part))
        if element.text and "/" in element.text:
            element.text, *rest = _split_at_slashes(element.text)
            for offset, part in enumerate(rest):
                element.insert(offset, _wbr(part))


def _wbr(tail: str):
    wbr = etree.Element("wbr")
    wbr.tail = tail
    return wbr


class TableLabelsTreeprocessor(Treeprocessor):
    def run(self, root):
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
