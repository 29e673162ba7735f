"""Turning content text into Markdown that can only ever show as text.

Every value that reaches a template passes through ``escape_text`` (it is the
Jinja environment's ``finalize``), so no template has to remember to escape.
Markdown and HTML syntax characters become numeric character references:
Python-Markdown passes them through untouched and the browser shows the
characters, so ``[x](javascript:…)`` or ``<script>`` in YAML is only text.

The one exception is ``Prose`` fields (summaries, definitions, notes), which
allow a small subset: paragraphs, *emphasis*, **strong**, and links to
http(s) addresses or to records of the dossier (``actor:russia``). They are
parsed here and rebuilt from escaped pieces; nothing else is interpreted.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote

from markupsafe import Markup

from build_scripts.content.source_text import split_sentences

# ASCII characters that mean something to Markdown, its extensions or HTML
# wherever they stand. Letters, digits, space and ordinary punctuation are
# left alone so that the generated Markdown stays readable.
_ALWAYS = set("\\`*_{}[]<>#&\"|~^")
# Characters that mean something only at the start of a line ("- item",
# "1. item", "+ item", "=== heading underline", ": definition", "!!! note"
# admonitions, and "??? note" / "/// note" blocks should pymdownx come). A
# value never contains a line break, so its own start is the only line start.
_AT_START = set("-.+=:!?/")


def _entity(char: str) -> str:
    return f"&#{ord(char)};"


_ALWAYS_ENTITIES = {ord(char): _entity(char) for char in _ALWAYS}


# Markup(text) for a str, without Markup's Python-level __new__ (a tenth of
# the render time went to making Markup objects).
_as_markup = functools.partial(str.__new__, Markup)
_EMPTY = Markup("")

# Escaped strings, by the string: a dossier prints the same names, labels and
# statements on many pages. Emptied when it grows past a bound, so that a
# long `mkdocs serve` session does not keep every string it ever printed.
_escaped: dict[str, Markup] = {}
_ESCAPED_KEPT = 500_000


def escape_text(value: object) -> Markup:
    """Markdown for ``value`` that renders as exactly its characters."""
    if type(value) is str:
        escaped = _escaped.get(value)
        if escaped is None:
            if len(_escaped) >= _ESCAPED_KEPT:
                _escaped.clear()
            escaped = _escaped[value] = _escape_str(value)
        return escaped
    if isinstance(value, Markup):
        return value
    if value is None:
        return _EMPTY
    return _escape_str(str(value))


def _escape_str(text: str) -> Markup:
    if text and text[0] not in _AT_START and not text[0].isdigit() and not text[0].isspace():
        return _as_markup(text.translate(_ALWAYS_ENTITIES))  # most values: nothing special at the start
    # The start of the value: spaces and line-start marks (all escaped), then
    # digits, and a "." right after them ("1955. " is a list item). Anything
    # else after digits ("2+2", "2018-10-05") starts no list; leaving it as
    # typed lets glossary terms such as "2+2 dialogue" match their hover
    # abbreviation. Past the start, only _ALWAYS is escaped, by translate
    # (a Python loop over every character cost a third of the render time).
    marks = 0
    while marks < len(text) and (text[marks].isspace() or text[marks] in _AT_START):
        marks += 1
    digits = marks
    while digits < len(text) and text[digits].isdigit():
        digits += 1
    head = "".join(_entity(char) if char in _AT_START or char in _ALWAYS else char for char in text[:marks])
    if marks < digits < len(text) and text[digits] == ".":
        return _as_markup(head + text[marks:digits] + _entity(".") + text[digits + 1 :].translate(_ALWAYS_ENTITIES))
    return _as_markup(head + text[marks:].translate(_ALWAYS_ENTITIES))


_TITLE_ENTITIES = {ord("("): "&#40;", ord(")"): "&#41;"}


def escape_link_title(value: str) -> Markup:
    """``value`` as the title of a Markdown link, ``[text](url "title")``: escaped as every value
    is, and its parentheses too, which could otherwise end the link."""
    return _as_markup(escape_text(value).translate(_TITLE_ENTITIES))


# -- Prose ---------------------------------------------------------------

INTERNAL_SCHEMES = ("actor", "topic", "claim", "source", "glossary")
_TOKEN = re.compile(
    r"\[(?P<label>[^\[\]\n]+)\]\((?P<target>[^()\s]+)\)"  # [label](target)
    r"|\*\*(?P<strong>[^*\n]+)\*\*"  # **strong**
    r"|\*(?P<em>[^*\n]+)\*"  # *emphasis*
)
_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s<>\"'`\\]*)?$")


@dataclass(frozen=True)
class ProseLink:
    label: str
    target: str

    @property
    def internal(self) -> tuple[str, str] | None:
        scheme, _, rest = self.target.partition(":")
        if scheme in INTERNAL_SCHEMES and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rest):
            return scheme, rest
        return None

    @property
    def is_allowed(self) -> bool:
        return self.internal is not None or bool(_SAFE_URL.match(self.target))


def prose_links(text: str) -> list[ProseLink]:
    """Every link written in a Prose field, for the checker to verify."""
    return [ProseLink(m["label"], m["target"]) for m in _TOKEN.finditer(text) if m["label"] is not None]


def render_prose(text: str, resolve: Callable[[str, str], str]) -> Markup:
    """Markdown paragraphs for a Prose field.

    ``resolve(scheme, id)`` gives the Markdown link target of an internal
    reference; links the checker refused never reach this point.
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return Markup("\n\n").join(_render_inline(p, resolve) for p in paragraphs)


def _render_inline(text: str, resolve: Callable[[str, str], str]) -> Markup:
    out: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        before = escape_text(text[position : match.start()])
        if match["label"] is not None and before.endswith("!"):
            before = Markup(str(before)[:-1] + _entity("!"))  # "![…](…)" would be an image, loaded from outside
        out.append(before)
        if match["label"] is not None:
            link = ProseLink(match["label"], match["target"])
            label = escape_text(link.label)
            if link.internal:
                out.append(f"[{label}]({resolve(*link.internal)})")
            elif link.is_allowed:
                out.append(f"[{label}]({safe_external_url(link.target)})")
            else:
                out.append(escape_text(match.group(0)))
        elif match["strong"] is not None:
            out.append(f"<strong>{escape_text(match['strong'])}</strong>")
        else:
            out.append(f"<em>{escape_text(match['em'])}</em>")
        position = match.end()
    out.append(escape_text(text[position:]))
    return Markup("".join(out))


def safe_external_url(url: str) -> Markup:
    """A link target for an http(s) address, or a ValueError for anything else."""
    if not _SAFE_URL.match(url):
        raise ValueError(f"not an http(s) address: {url!r}")
    return Markup(f"<{_safe_href(url)}>")


def _safe_href(url: str) -> str:
    # Percent-encode anything that could end the link or open markup; the
    # address was already limited to http(s) by ``_SAFE_URL``.
    return quote(url, safe="/:?#[]@!$&'*+,;=%-._~").replace("'", "%27").replace("*", "%2A").replace("_", "%5F")


def prose_plain(text: str) -> str:
    """A Prose field as plain text (for meta descriptions and search)."""
    def plain(match: re.Match) -> str:
        return match["label"] or match["strong"] or match["em"] or ""

    return " ".join(_TOKEN.sub(plain, text).split())


def first_sentence(prose: str) -> str:
    """The opening sentence of a Prose field, as plain text (for meta descriptions)."""
    flat = prose_plain(prose)
    sentences = split_sentences(flat)
    return flat[sentences[0].start : sentences[0].end] if sentences else flat
