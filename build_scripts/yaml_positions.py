"""Safe YAML loading that remembers where every value came from.

PyYAML's composer gives a node tree with start marks; we build plain Python
values from it ourselves so that we can
- keep the line and column of every mapping key and value (``Positions``),
- refuse what the safe loader would silently accept: duplicate keys,
  aliases (the "billion laughs" bomb), and any tag we do not know,
- never construct arbitrary objects (``!!python/...`` is an error, not code).

Scalars are resolved the YAML 1.1 way PyYAML uses, except timestamps: dates
stay strings so that ``2018-10`` and ``2018-10-05`` are validated by the model
with one rule, and nothing depends on the machine's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import DossierError, Problem

# The C composer is several times faster; it reports the same marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 64
MAX_FILE_BYTES = 2_000_000

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
        return f"{self.path}:{self.line}:{self.column}"


Location = tuple[str | int, ...]


@dataclass
class Positions:
    """Where each value of one file starts, keyed by its path in the document."""

    path: str
    marks: dict[Location, Mark] = field(default_factory=dict)

    def at(self, loc: Location) -> Mark:
        """The mark of ``loc``, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), Mark(self.path, 1, 1))


def _mark(path: str, node: yaml.Node) -> Mark:
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
            raise self.fail(node, f"the document is nested more than {MAX_DEPTH} levels deep")
        self.positions.marks.setdefault(loc, _mark(self.path, node))
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
                raise self.fail(key_node, "a key must be a plain name, not a list or mapping")
            key = str(key_node.value)
            if key in result:
                first = self.positions.marks[loc + (key,)]
                raise self.fail(
                    key_node,
                    f"duplicate key '{key}' (first given at line {first.line})",
                    "remove one of the two; YAML would silently keep only the last",
                )
            self.positions.marks[loc + (key,)] = _mark(self.path, value_node)
            result[key] = self.build(value_node, loc + (key,), depth + 1)
        return result

    def build_scalar(self, node: yaml.ScalarNode) -> Any:
        construct = _SCALAR_CONSTRUCTORS.get(node.tag)
        if construct is None:
            raise self.unknown_tag(node)
        return construct(node)

    def unknown_tag(self, node: yaml.Node) -> DossierError:
        return self.fail(
            node,
            f"the tag {node.tag} is not allowed in content files",
            "remove the tag: content files hold plain text, numbers, lists and mappings",
        )


def load_yaml(path: Path, display_path: str) -> tuple[Any, Positions]:
    """Read one YAML file; raise ``DossierError`` pointing at what is wrong."""
    start = Mark(display_path, 1, 1)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DossierError([Problem(start, f"cannot read the file: {error.strerror}")]) from None
    if size > MAX_FILE_BYTES:
        raise DossierError([Problem(
            start,
            f"the file is {size:,} bytes; content files may be at most {MAX_FILE_BYTES:,}",
            "split it into several files",
        )])
    raw = path.read_bytes()
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
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Mark(display_path, mark.line + 1, mark.column + 1) if mark else start
        problem = error.problem or "the file is not valid YAML"
        raise DossierError([Problem(where, f"YAML syntax error: {problem}", _syntax_hint(problem))]) from None
    except yaml.YAMLError as error:
        raise DossierError([Problem(start, f"YAML error: {error}")]) from None
    if node is None:
        raise DossierError([Problem(start, "the file is empty", "fill in the record or delete the file")])
    builder = _Builder(display_path)
    return builder.build(node, ()), builder.positions


def _syntax_hint(problem: str) -> str:
    if "\\t" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be put in quotes"
    if "could not find expected ':'" in problem:
        return "each field needs 'name: value'; check the line above for a missing colon or quote"
    if "found character" in problem:
        return "put the value in quotes"
    return "check indentation, colons and quotes on this line and the one above"
