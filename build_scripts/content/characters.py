"""Which characters a text may hold: one rule for YAML text values and source texts.

Refused are the characters a reader cannot see but that change how text is
shown or read: C0/C1 controls (tab and carriage return included), surrogates
and private use, line and paragraph separators (U+2028, U+2029), the Unicode
bidirectional controls ("Trojan Source"), the invisible characters that make
one text look like another ("Rus\u200bsia", a U+FEFF inside the text), tag
characters and noncharacters. Zero-width (non-)joiners stay allowed: Persian
and Indic scripts and emoji need them. A line break is allowed where the
caller says so (multi-line text).

What callers may do before the check, and say so where they do: a YAML
multi-line value has its CRLF line ends read as LF (model.py), and a source
text its CRLF line ends and a byte order mark at its start (source_text.py).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FORBIDDEN_CATEGORIES = {"Cc", "Cs", "Co", "Zl", "Zp"}
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_INVISIBLE = set("\u00ad\u180e\u200b\u2060\u2061\u2062\u2063\u2064\u206a\u206b\u206c\u206d\u206e\u206f"
                 "\ufeff\ufff9\ufffa\ufffb")

# Printable ASCII is never forbidden: only the other characters are looked at.
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


@lru_cache(maxsize=4096)
def is_forbidden(char: str) -> bool:
    code = ord(char)
    noncharacter = 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE
    tag_character = 0xE0000 <= code <= 0xE007F
    return (char in _BIDI_CONTROLS or char in _INVISIBLE or noncharacter or tag_character
            or unicodedata.category(char) in _FORBIDDEN_CATEGORIES)


def first_forbidden(text: str, *, allow_newlines: bool) -> int | None:
    """Where the first forbidden character of ``text`` stands, or None.

    Each distinct character is judged once (a text of a million characters
    has a few hundred distinct ones), then the first place of those refused
    is looked up.
    """
    refused = {char for char in set(_NOT_PRINTABLE_ASCII.findall(text))
               if not (char == "\n" and allow_newlines) and is_forbidden(char)}
    if not refused:
        return None
    return min(text.index(char) for char in refused)


def describe(char: str) -> str:
    """'the invisible character ZERO WIDTH SPACE (U+200B)', 'a tab (U+0009)'…, for messages."""
    name = unicodedata.name(char, "")
    return ("a line break" if char == "\n"
            else "a tab (U+0009)" if char == "\t"
            else f"the invisible character {name} (U+{ord(char):04X})" if name
            else f"the control character U+{ord(char):04X}")
