"""Safe YAML loading that remembers where every value came from.

libyaml's parser gives a stream of events with start marks; we build plain
Python values from it ourselves, in one pass (``_Composer``), so that we can
- keep the line and column of every mapping key and value (``Positions``),
- refuse what the safe loader would silently accept: duplicate keys,
  aliases (the "billion laughs" bomb), and any tag we do not know,
- never construct arbitrary objects (``!!python/...`` is an error, not code).

Hostile files are stopped before they can cost much: the size is checked
before the file is read, and anchors, aliases and nesting depth are refused
from the events, before anything is built from them and with no recursion.
(PyYAML's composer recurses once per level: 100 000 nested ``[`` crash the C
composer with a segmentation fault and the Python one with RecursionError,
and libyaml's scanner is quadratic in the nesting depth; reading stops at
the first level too deep, so it reads only the start of such a file.)

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

from build_scripts.content.problems import DossierError, Mark, Problem, line_and_column

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


Location = tuple[str | int, ...]


@dataclass
class Positions:
    """Where each value of one file starts, keyed by its path in the document."""

    path: str
    # (line, column), 1-based: a Mark is made only for a place that is shown
    # (a file has a place for every value; most are never shown).
    places: dict[Location, tuple[int, int]] = field(default_factory=dict)
    # Where the first tab of a text value stands (a tab is refused in text,
    # and pointed at where it is, not at the value's first character).
    tabs: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def tab_at(self, loc: Location) -> Mark | None:
        place = self.tabs.get(tuple(loc))
        return Mark(self.path, *place) if place else None

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


_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
# PyYAML's implicit resolvers for plain scalars ("1955" is an int, "~" null),
# by first character, as Resolver.resolve looks them up; the Resolver has no
# path resolvers, so a scalar nothing matches is a string.
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_WILDCARD = _IMPLICIT.get(None, [])
_resolver = yaml.resolver.Resolver()


class _Frame:
    """A mapping or list being filled: its value, its place, and (in a mapping) the key whose value comes next."""

    __slots__ = ("value", "loc", "key")

    def __init__(self, value: dict | list, loc: Location):
        self.value = value
        self.loc = loc
        self.key: str | None = None


class _Composer:
    """Plain values and their places from libyaml's event stream, in one pass.

    Each event is first checked for what must stop a file before anything
    is built from it (anchors, aliases, nesting deeper than ``MAX_DEPTH``:
    see the module's docstring), then built into the value. What the
    building refuses (a duplicate key, an unknown tag, a complex key, a
    value that is not what its tag says) is raised once the whole stream has
    been read, so that those checks, and libyaml's syntax errors, come first
    wherever they are in the file, as when the stream was scanned whole
    before a node tree was composed. Tags are resolved as PyYAML's composer
    resolves them.
    """

    def __init__(self, path: str):
        self.path = path
        self.positions = Positions(path)
        self.refusal: DossierError | None = None
        self.text = ""

    def fail(self, event: yaml.Event, message: str, hint: str = "") -> DossierError:
        return DossierError([Problem(_mark(self.path, event), message, hint)])

    def compose(self, text: str) -> tuple[bool, Any]:
        """(whether the stream holds a document, its value)."""
        self.text = text
        loader = _Loader(text)
        try:
            return self.compose_events(loader.get_event)
        finally:
            loader.dispose()

    def compose_events(self, next_event) -> tuple[bool, Any]:
        depth = 0
        stack: list[_Frame] = []
        root: Any = None
        root_event: yaml.Event | None = None
        second_document: yaml.Event | None = None
        while True:
            event = next_event()  # what yaml.parse yields, without a generator's call per event
            kind = type(event)
            if kind is yaml.StreamEndEvent:
                break
            depth = self.depth_after(event, kind, depth)
            if kind is yaml.DocumentStartEvent:
                if root_event is not None and second_document is None:
                    second_document = event
                continue
            if self.refusal is not None or second_document is not None:
                continue  # only the checks above, to the end of the stream
            if kind in _COLLECTION_ENDS:
                stack.pop()
            elif kind is yaml.ScalarEvent or kind in _COLLECTION_STARTS:
                if root_event is None:
                    root_event = event
                if stack and isinstance(stack[-1].value, dict) and stack[-1].key is None:
                    self.refusal = self.take_key(stack[-1], event)
                    continue
                try:
                    value, frame = self.build(event, self.place_of_next(stack))
                except DossierError as refusal:
                    self.refusal = refusal
                    continue
                if stack:
                    _attach(stack[-1], value)
                else:
                    root = value
                if frame is not None:
                    stack.append(frame)
        if second_document is not None:
            raise yaml.composer.ComposerError("expected a single document in the stream", root_event.start_mark,
                                              "but found another document", second_document.start_mark)
        if self.refusal is not None:
            raise self.refusal
        return root_event is not None, root

    def depth_after(self, event: yaml.Event, kind: type, depth: int) -> int:
        """The nesting depth after ``event``; what is refused on every event, even
        after a first refusal: anchors and aliases, and nesting too deep."""
        if kind is yaml.AliasEvent or getattr(event, "anchor", None) is not None:
            raise self.fail(event, "anchors and aliases (&name / *name) are not allowed in content files",
                            "write the value out in full where it is needed")
        if kind in _COLLECTION_STARTS:
            if depth + 1 > MAX_DEPTH:
                raise self.fail(event, f"the document is nested more than {MAX_DEPTH} levels deep",
                                "content records need only a few levels of lists and mappings")
            return depth + 1
        if kind in _COLLECTION_ENDS:
            return depth - 1
        return depth

    @staticmethod
    def place_of_next(stack: list[_Frame]) -> Location:
        if not stack:
            return ()
        parent = stack[-1]
        return parent.loc + ((parent.key,) if isinstance(parent.value, dict) else (len(parent.value),))

    def take_key(self, mapping: _Frame, event: yaml.Event) -> DossierError | None:
        """Sets the mapping's next key from ``event``; what is refused instead."""
        if type(event) is not yaml.ScalarEvent:
            return self.fail(event, "a key must be a plain name, not a list or mapping",
                             "write 'name: value'; a line starting with '?' or '[' makes a complex key")
        tag = self.scalar_tag(event)
        if tag == _MERGE_TAG:
            return self.fail(event, "merge keys (<<) are not allowed in content files", "write the fields out in full")
        if tag not in _SCALAR_CONSTRUCTORS:
            return self.unknown_tag(event, tag)
        key = str(event.value)
        if not _PLAIN_KEY.fullmatch(key) and any(unicodedata.category(char)[0] == "C" or char in "\u2028\u2029"
                                                 for char in key):
            # It would be printed in error messages: an escape sequence
            # could rewrite the terminal or the CI log around it.
            return self.fail(event, f"the key {key!r} contains a control or invisible character",
                             "a key is a plain field name such as 'name'")
        if key in mapping.value:
            first_line, _ = self.positions.places[mapping.loc + (key,)]
            return self.fail(event, f"duplicate key '{key}' (first given at line {first_line})",
                             "remove one of the two; YAML would silently keep only the last")
        mapping.key = key
        return None

    def build(self, event: yaml.Event, loc: Location) -> tuple[Any, _Frame | None]:
        """The value that ``event`` starts (a mapping or list still to fill, with its frame)."""
        places = self.positions.places
        if loc not in places:
            places[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if "\t" in event.value:
                self.note_tab(event, loc)
            return self.build_scalar(event), None
        resolved = event.tag
        if resolved is None or resolved == "!":
            resolved = _resolver.resolve(yaml.MappingNode if kind is yaml.MappingStartEvent else yaml.SequenceNode,
                                         None, event.implicit)
        if kind is yaml.MappingStartEvent:
            if resolved != _MAP_TAG:
                raise self.unknown_tag(event, resolved)
            value: dict | list = {}
        else:
            if resolved != _SEQ_TAG:
                raise self.unknown_tag(event, resolved)
            value = []
        return value, _Frame(value, loc)

    def note_tab(self, event: yaml.ScalarEvent, loc: Location) -> None:
        """Keep the line and column of the value's first tab, typed or written as the escape \\t."""
        raw = self.text[event.start_mark.index : event.end_mark.index]
        found = [i for i in (raw.find("\t"), raw.find("\\t") if event.style == '"' else -1) if i != -1]
        if not found:
            return
        offset = min(found)
        line = event.start_mark.line + 1 + raw.count("\n", 0, offset)
        last_break = raw.rfind("\n", 0, offset)
        column = (event.start_mark.column + offset if last_break == -1 else offset - last_break - 1) + 1
        self.positions.tabs[loc] = (line, column)

    @staticmethod
    def scalar_tag(event: yaml.ScalarEvent) -> str:
        tag = event.tag
        if tag is not None and tag != "!":
            return tag
        if event.implicit[0]:  # plain: resolved by its text, as Resolver.resolve does
            value = event.value
            for tag, pattern in _IMPLICIT.get(value[0] if value else "", []) + _WILDCARD:
                if pattern.match(value):
                    return tag
        return _STR_TAG

    def build_scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = self.scalar_tag(event)
        if tag == _STR_TAG:
            return str(event.value)
        construct = _SCALAR_CONSTRUCTORS.get(tag)
        if construct is None:
            raise self.unknown_tag(event, tag)
        try:
            return construct(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))
        except (ValueError, KeyError, OverflowError):
            # "!!int abc", "!!bool maybe", or an integer of more digits than
            # Python converts (4300): the text cannot be what its tag says.
            kind = tag.rsplit(":", 1)[-1]
            shown = event.value if len(event.value) <= 40 else event.value[:37] + "..."
            raise self.fail(event, f"'{shown}' is not a valid {kind}",
                            "write the value as plain text, or as a number of at most a few digits") from None

    def unknown_tag(self, event: yaml.Event, tag: str) -> DossierError:
        return self.fail(
            event,
            f"the tag {tag} is not allowed in content files",
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
        line, column = line_and_column(raw, error.start)
        raise DossierError([Problem(
            Mark(display_path, line, column),
            f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            "save the file as UTF-8",
        )]) from None
    composer = _Composer(display_path)
    try:
        has_document, data = composer.compose(text)
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
    if not has_document:
        raise DossierError([Problem(start, "the file is empty", "fill in the record or delete the file")])
    return data, composer.positions


def _character_at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def _byte_position_mark(text: str, position: int, display_path: str) -> Mark:
    """libyaml reports reader errors at a byte offset into the UTF-8 text."""
    before = text.encode("utf-8")[:position].decode("utf-8", errors="ignore")
    return Mark(display_path, *line_and_column(before, len(before)))


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


def _attach(parent: _Frame, value: Any) -> None:
    """Put ``value`` in the open mapping (under its pending key) or list."""
    if isinstance(parent.value, dict):
        parent.value[parent.key] = value
        parent.key = None
    else:
        parent.value.append(value)
