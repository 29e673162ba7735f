"""Safe YAML loading that remembers where every value came from.

PyYAML's composer gives a node tree with start marks; we build plain Python
values from it ourselves so that we can
- keep the line and column of every mapping key and value (``Positions``),
- refuse what the safe loader would silently accept: duplicate keys,
  aliases (the "billion laughs" bomb), and any tag we do not know,
- never construct arbitrary objects (``!!python/...`` is an error, not code).

Hostile files are stopped before they can cost much: the size is checked
before the file is read, and the event stream is scanned for anchors,
aliases and nesting depth before any node tree is built. (PyYAML's composer
recurses once per level: 100 000 nested ``[`` crash the C composer with a
segmentation fault and the Python one with RecursionError, and libyaml's
scanner is quadratic in the nesting depth; the scan stops at the first level
too deep, so it reads only the start of such a file.)

Scalars are resolved the YAML 1.1 way PyYAML uses, except timestamps: dates
stay strings so that ``2018-10`` and ``2018-10-05`` are validated by the model
with one rule, and nothing depends on the machine's time zone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import DossierError, Problem

# The C composer is several times faster; it reports the same marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 64
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]*")  # every field name of the model: nothing to check character by character
MAX_FILE_BYTES = 2_000_000
_COLLECTION_STARTS = frozenset({yaml.SequenceStartEvent, yaml.MappingStartEvent})
_COLLECTION_ENDS = frozenset({yaml.SequenceEndEvent, yaml.MappingEndEvent})

_constructor = yaml.constructor.SafeConstructor()
_SCALAR_CONSTRUCTORS = {
    "tag:yaml.org,2002:str": lambda node: str(node.value),
    "tag:yaml.org,2002:timestamp": lambda node: str(node.value),
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": _constructor.construct_yaml_null,
}


@dataclass(frozen=True)
class Mark:
    """A place in a file, 1-based, as editors show it."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        # A file name may hold control characters; printed raw they could
        # rewrite the terminal or a CI log.
        path = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in self.path)
        return f"{path}:{self.line}:{self.column}"


Location = tuple[str | int, ...]


@dataclass
class Positions:
    """Where each value of one file starts, keyed by its path in the document."""

    path: str
    # (line, column), 1-based: a Mark is made only for a place that is shown
    # (a file has a place for every value; most are never shown).
    places: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def at(self, loc: Location) -> Mark:
        """The mark of ``loc``, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.places:
                return Mark(self.path, *self.places[loc])
            loc = loc[:-1]
        return Mark(self.path, *self.places.get((), (1, 1)))


def _mark(path: str, node: yaml.Node | yaml.Event) -> Mark:
    return Mark(path, node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.positions = Positions(path)
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str, hint: str = "") -> DossierError:
        return DossierError([Problem(_mark(self.path, node), message, hint)])

    def build(self, node: yaml.Node, loc: Location, depth: int = 0) -> Any:
        if id(node) in self.seen:
            raise self.fail(
                node,
                "anchors and aliases (&name / *name) are not allowed in content files",
                "write the value out in full where it is needed",
            )
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self.fail(node, f"the document is nested more than {MAX_DEPTH} levels deep",
                            "content records need only a few levels of lists and mappings")
        places = self.positions.places
        if loc not in places:
            places[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.unknown_tag(node)
            return [self.build(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.build_scalar(node)

    def build_mapping(self, node: yaml.MappingNode, loc: Location, depth: int) -> dict:
        if node.tag != "tag:yaml.org,2002:map":
            raise self.unknown_tag(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "merge keys (<<) are not allowed in content files",
                                "write the fields out in full")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be a plain name, not a list or mapping",
                                "write 'name: value'; a line starting with '?' or '[' makes a complex key")
            if key_node.tag not in _SCALAR_CONSTRUCTORS:
                raise self.unknown_tag(key_node)
            key = str(key_node.value)
            if not _PLAIN_KEY.fullmatch(key) and any(unicodedata.category(char)[0] == "C" or char in "\u2028\u2029"
                                                     for char in key):
                # It would be printed in error messages: an escape sequence
                # could rewrite the terminal or the CI log around it.
                raise self.fail(key_node, f"the key {key!r} contains a control or invisible character",
                                "a key is a plain field name such as 'name'")
            if key in result:
                first_line, _ = self.positions.places[loc + (key,)]
                raise self.fail(
                    key_node,
                    f"duplicate key '{key}' (first given at line {first_line})",
                    "remove one of the two; YAML would silently keep only the last",
                )
            result[key] = self.build(value_node, loc + (key,), depth + 1)  # its place: the value's start
        return result

    def build_scalar(self, node: yaml.ScalarNode) -> Any:
        construct = _SCALAR_CONSTRUCTORS.get(node.tag)
        if construct is None:
            raise self.unknown_tag(node)
        try:
            return construct(node)
        except (ValueError, KeyError, OverflowError):
            # "!!int abc", "!!bool maybe", or an integer of more digits than
            # Python converts (4300): the text cannot be what its tag says.
            kind = node.tag.rsplit(":", 1)[-1]
            shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
            raise self.fail(node, f"'{shown}' is not a valid {kind}",
                            "write the value as plain text, or as a number of at most a few digits") from None

    def unknown_tag(self, node: yaml.Node) -> DossierError:
        return self.fail(
            node,
            f"the tag {node.tag} is not allowed in content files",
            "remove the tag: content files hold plain text, numbers, lists and mappings",
        )


def load_yaml(path: Path, display_path: str) -> tuple[Any, Positions]:
    """Read one YAML file; raise ``DossierError`` pointing at what is wrong."""
    start = Mark(display_path, 1, 1)
    if path.is_symlink():
        # A link could make the build read, and print in its errors, any
        # file of the machine that builds a pull request.
        raise DossierError([Problem(start, "the file is a symbolic link; content files must be ordinary files",
                                    "replace the link by a copy of the file")])
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # the size may change after stat
    except OSError as error:
        raise DossierError([Problem(start, f"cannot read the file: {error.strerror}",
                                    "check that the file exists and that you may read it")]) from None
    if max(size, len(raw)) > MAX_FILE_BYTES:
        raise DossierError([Problem(
            start,
            f"the file is {max(size, len(raw)):,} bytes; content files may be at most {MAX_FILE_BYTES:,}",
            "split it into several files",
        )])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DossierError([Problem(
            Mark(display_path, line, column),
            f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            "save the file as UTF-8",
        )]) from None
    try:
        _scan_events(text, display_path)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Mark(display_path, mark.line + 1, mark.column + 1) if mark else start
        problem = error.problem or "the file is not valid YAML"
        if mark and _character_at(text, mark.index) == "\t":
            problem = "a tab character where YAML expects indentation or a value"
        raise DossierError([Problem(where, f"YAML syntax error: {problem}", _syntax_hint(problem))]) from None
    except yaml.reader.ReaderError as error:
        char = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        raise DossierError([Problem(
            _byte_position_mark(text, error.position, display_path),
            f"the file contains the control character {char}, which YAML does not allow",
            "delete it; to write such a character on purpose, use a double-quoted escape (it will still be refused in text)",
        )]) from None
    except yaml.YAMLError as error:
        raise DossierError([Problem(start, f"YAML error: {error}",
                                    "check indentation, colons and quotes; `python -m build_scripts fmt` "
                                    "rewrites a readable file in the canonical style")]) from None
    if node is None:
        raise DossierError([Problem(start, "the file is empty", "fill in the record or delete the file")])
    builder = _Builder(display_path)
    return builder.build(node, ()), builder.positions


def _scan_events(text: str, display_path: str) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream, before
    a node tree exists: the scan stops at the first offence."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        if kind is yaml.AliasEvent or getattr(event, "anchor", None) is not None:
            raise DossierError([Problem(
                _mark(display_path, event),
                "anchors and aliases (&name / *name) are not allowed in content files",
                "write the value out in full where it is needed",
            )])
        if kind in _COLLECTION_STARTS:
            depth += 1
            if depth > MAX_DEPTH:
                raise DossierError([Problem(
                    _mark(display_path, event),
                    f"the document is nested more than {MAX_DEPTH} levels deep",
                    "content records need only a few levels of lists and mappings",
                )])
        elif kind in _COLLECTION_ENDS:
            depth -= 1


def _character_at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def _byte_position_mark(text: str, position: int, display_path: str) -> Mark:
    """libyaml reports reader errors at a byte offset into the UTF-8 text."""
    before = text.encode("utf-8")[:position].decode("utf-8", errors="ignore")
    line = before.count("\n") + 1
    return Mark(display_path, line, len(before) - (before.rfind("\n") + 1) + 1)


def _syntax_hint(problem: str) -> str:
    if "\\t" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be put in quotes"
    if "could not find expected ':'" in problem:
        return "each field needs 'name: value'; check the line above for a missing colon or quote"
    if "another document" in problem:
        return "a content file holds one record or list: remove this '---' line, or move what follows to its own file"
    if "found character" in problem:
        return "put the value in quotes"
    return "check indentation, colons and quotes on this line and the one above"
