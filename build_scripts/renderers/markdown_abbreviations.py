"""Python-Markdown's ``abbr`` extension, with a pattern that scales with the glossary.

``abbr`` finds abbreviations with one regular expression, ``\\b(?:T1|T2|…)\\b``
(the terms longest first), and Python's ``re`` tries the alternatives one by
one wherever a term could start: a page that uses every term (the glossary
page, with thousands of terms in a large dossier) cost a second or more.
Here the same terms make a trie, ``\\b(?:C(?:AATSA|...)|S(?:-400|U-35)?|…)\\b``,
in which the longer continuation is always tried before the shorter, so at
each place the match is the longest term followed by a word boundary, which
is what the alternatives found; the elements made are the same. mkdocs.yml
lists this extension (``build_scripts.renderers.markdown_abbreviations``) after ``abbr``, whose
block processor still collects the definitions.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor

from build_scripts.pages.derived.trie_pattern import trie_pattern


class TrieAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return
        self.RE = re.compile(r"\b(?:" + trie_pattern(self.abbrs) + r")\b")
        self.iter_element(root)


class TrieAbbrExtension(Extension):
    """Replaces ``abbr``'s tree processor; list it after ``abbr``."""

    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" in md.treeprocessors:
            abbrs = md.treeprocessors["abbr"].abbrs  # filled by abbr's block processor
            md.treeprocessors.register(TrieAbbrTreeprocessor(md, abbrs), "abbr", 7)


def makeExtension(**kwargs) -> TrieAbbrExtension:  # noqa: N802 - the name Python-Markdown looks for
    return TrieAbbrExtension(**kwargs)
