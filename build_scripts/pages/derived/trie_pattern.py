"""One regular expression for many terms, as a trie: at each place it tries the
longest term first, and the engine skips to where a term can start. The
glossary finds a page's terms with it, and so does the hover-abbreviation
Markdown extension (``renderers/markdown_abbreviations.py``)."""

from __future__ import annotations

import re


def trie_pattern(terms) -> str:
    """A regular expression matching exactly ``terms``, longest first where one extends another."""
    trie: dict = {}
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}  # a term ends here
    # No terms (a dossier without a glossary): a pattern that matches nothing.
    # The empty pattern would match everywhere, and a scan that goes on one
    # character after each match would never leave the end of the text.
    return _pattern(trie) if trie else "(?!)"


def _pattern(node: dict) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a term ends here: try going on first (greedy), then stop
        return f"(?:{group})?"
    return group
