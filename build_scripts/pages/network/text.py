"""The labels' words: a name wrapped into lines, and how wide a line of text is.

Text is measured before any browser sees it, so its size is estimated from
the advance widths of DejaVu Sans (the widest of the common sans-serif
fonts, and the one Debian's browsers use), in ems, rounded up; a character
not listed counts as wide.
"""

from __future__ import annotations

import functools

# The pictures are shown at their own size (1:1, in a frame that pans), so these are
# CSS pixels as rendered: no label smaller than 12 px (tests/browser/test_network_readable.py).
FONT_SIZE = 14  # an actor's name
EDGE_FONT_SIZE = 12  # a relation's type, along its arrow
LINE_HEIGHT = 16
LABEL_WIDTH = 18  # characters per line before a label wraps
MAX_LABEL_LINES = 3  # a longer name is cut short in the picture (whole in its title)
ASCENT = 1.0  # of the font size, above the baseline (DejaVu Sans: 0.93)
DESCENT = 0.3  # below it (DejaVu Sans: 0.24)

_EM = {
    **dict.fromkeys(" ,.:;!|'", 0.34), **dict.fromkeys("ijlIJ", 0.30), **dict.fromkeys("ft", 0.40),
    **dict.fromkeys("()[]{}/\\", 0.40), "r": 0.42, '"': 0.47, "-": 0.37, "*": 0.51, "_": 0.51,
    **dict.fromkeys("sz", 0.53), "c": 0.56, **dict.fromkeys("kvxyFLT", 0.62), **dict.fromkeys("0123456789", 0.64),
    **dict.fromkeys("abdeghnopqu", 0.64), **dict.fromkeys("EPSYZ", 0.70), **dict.fromkeys("ABKRVX", 0.70),
    **dict.fromkeys("CHNU", 0.76), **dict.fromkeys("DGOQ", 0.80), "w": 0.82, "&": 0.79, **dict.fromkeys("<>=+#~^", 0.84),
    **dict.fromkeys("mM", 0.98), **dict.fromkeys("W%@", 1.0),
}


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float) -> float:
    """An upper estimate of the width of one line of text at ``size`` pixels.

    Kept per text: placing a label tries many places for the same text."""
    return 1.0 + size * sum(_EM.get(c, 0.72 if ord(c) < 0x2E80 else 1.05) for c in text)


def wrap(label: str, width: int = LABEL_WIDTH, most: int = MAX_LABEL_LINES) -> list[str]:
    """A label cut into lines of about ``width`` characters, at spaces.

    A word longer than a line is cut into pieces, each but the last ending
    with a hyphen; a label longer than ``most`` lines is cut short, its last
    line ending with an ellipsis. (The picture gives every actor's full name
    in its ``<title>``, and the page lists it too.)"""
    words: list[str] = []
    for word in label.split():
        while len(word) > width:
            words.append(word[:width - 1] + "-")
            word = word[width - 1:]
        words.append(word)
    lines: list[str] = []
    for word in words:
        if lines and not lines[-1].endswith("-") and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1].removesuffix("-")[:width - 1] + "…"
    return lines or [label]
