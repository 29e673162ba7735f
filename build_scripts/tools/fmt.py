"""`python -m build_scripts fmt`: one stable style for every content file.

The style, so that diffs stay small and every file reads alike:

- the first line is the editor schema line (``# yaml-language-server: $schema=…``);
- fields in the order of the content model (``model.py``); fields the model
  does not know stay, after the known ones, for ``check`` to report;
- 2-space indentation; list items indented under their field (``  - id: …``);
- a list of plain values (ids, aliases) on one line, ``[a, b, c]``, when it
  fits in 100 columns and none of its items carries a comment; otherwise one
  item per line;
- text in quotes only where YAML needs them (a value that would otherwise read
  as a number, a date, true/false, or that holds ``: `` or `` #``); long text
  folded at 100 columns; text of several paragraphs as a ``|`` block;
- comments are kept (ruamel.yaml round trip).

Formatting never changes what a file means: the result is read back with the
dossier's own loader and compared with the original, value by value and type
by type; a file for which they would differ is left untouched and reported.
"""

from __future__ import annotations

import difflib
import io
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from build_scripts.content import model
from build_scripts.content.load import content_files, file_name_problem, kind_of
from build_scripts.content.problems import DossierError, Mark, Problem
from build_scripts.content.safe_yaml import load_yaml
from build_scripts.content.schema import header_line

WIDTH = 100
INDENT = 2
FIX = "run `python -m build_scripts fmt`"

# How PyYAML, which the dossier reads files with (YAML 1.1), would read a bare
# word: "yes", "on", "1:20" or "012" are not text for it, though they are for
# ruamel.yaml's YAML 1.2 writer, so such text must be written in quotes.
_PYYAML_RESOLVER = yaml.resolver.Resolver()
_TEXT_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}  # the loader keeps dates as text


class _Representer(RoundTripRepresenter):
    pass


def _represent_text(representer: _Representer, data: str):
    tag = _PYYAML_RESOLVER.resolve(yaml.ScalarNode, data, (True, False))
    if tag not in _TEXT_TAGS:
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style="'")
    return representer.represent_str(data)


_Representer.add_representer(str, _represent_text)


def _yaml() -> YAML:
    writer = YAML(typ="rt")
    writer.Representer = _Representer
    writer.width = WIDTH
    writer.indent(mapping=INDENT, sequence=INDENT + 2, offset=INDENT)
    writer.preserve_quotes = False
    return writer


@dataclass(frozen=True)
class Formatted:
    path: Path
    display: str
    original: str
    text: str

    @property
    def changed(self) -> bool:
        return self.text != self.original


def format_file(root: Path, path: Path) -> Formatted:
    """The canonical text of one content file; raises ``DossierError`` if it cannot be formatted safely."""
    display = _display(root, path)
    relative = path.resolve().relative_to((root / "content").resolve())
    name_problem = file_name_problem(relative, display)
    if name_problem:
        raise DossierError([name_problem])
    kind = kind_of(relative)
    if kind is None:
        raise DossierError([Problem(Mark(display, 1, 1), "this file is not in a place the dossier reads",
                                    "see `python -m build_scripts check` for where each kind of file goes")])
    original_bytes = path.read_bytes()
    before, _ = load_yaml(path, display)  # the file must first be one the dossier can read
    original = original_bytes.decode("utf-8-sig")
    text = format_text(original, model.RECORD_KINDS[kind], header_line(relative, kind), display)
    after = _read_back(text, display)
    if kind == "claims":
        migrate_claims(before)  # the one change of meaning fmt makes: the old form of a claim's quote
    if not _same_meaning(before, after):
        raise DossierError([Problem(Mark(display, 1, 1),
                                    "formatting would change what this file means, so it was left as it is",
                                    "please report this file to the maintainers")])
    return Formatted(path, display, original_bytes.decode("utf-8", errors="replace"), text)


def format_text(text: str, record_type: type[model.Record] | None, header: str | None, display: str = "<text>",
                edit: Callable[[Any], None] | None = None) -> str:
    """The canonical text; ``edit``, when given, changes what ruamel.yaml read (comments kept)
    before it is put in the canonical style, for the tools that add a field
    (``tools/added_dates.py``)."""
    body = _without_header(text.replace("\r\n", "\n"))
    writer = _yaml()
    try:
        data = writer.load(body)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Mark(display, mark.line + 1, mark.column + 1) if mark else Mark(display, 1, 1)
        raise DossierError([Problem(where, f"YAML syntax error: {error.problem}")]) from None
    if record_type is model.ClaimFile:
        migrate_claims(data)
    if edit is not None:
        edit(data)
    _canonical(data, record_type, 0)
    out = io.StringIO()
    writer.dump(data, out)
    # ruamel.yaml leaves a space at the end of a folded line; it means nothing.
    dumped = re.sub(r"[ \t]+\n", "\n", out.getvalue())
    return (header + "\n" if header else "") + dumped.rstrip("\n") + "\n"


def migrate_claims(data: Any) -> None:
    """Claims written before a claim could rest on several sources (``source``, ``quote``,
    ``occurrence`` beside the statement) rewritten, in place, in the one form they take now: an
    ``evidence`` list of one item that holds those three fields, where ``source`` stood. Works
    on what ruamel.yaml reads (comments move with their fields) and on plain data."""
    claims = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(claims, list):
        return
    for claim in claims:
        if not isinstance(claim, dict) or "evidence" in claim:
            continue
        keys = [k for k in ("source", "quote", "occurrence") if k in claim]
        if not keys:
            continue
        position = list(claim).index(keys[0])
        if isinstance(claim, CommentedMap):
            evidence: Any = CommentedMap()
            for key in keys:
                evidence[key] = claim[key]
                comment = claim.ca.items.pop(key, None)
                if comment:
                    evidence.ca.items[key] = comment
                del claim[key]
            claim.insert(position, "evidence", CommentedSeq([evidence]))
        else:
            evidence = {key: claim.pop(key) for key in keys}
            items = list(claim.items())
            claim.clear()
            claim.update(items[:position] + [("evidence", [evidence])] + items[position:])


def _without_header(text: str) -> str:
    """The text without schema lines in its leading comments, and without leading blank lines."""
    lines = text.split("\n")
    kept: list[str] = []
    in_leading_comments = True
    for line in lines:
        stripped = line.strip()
        if in_leading_comments and stripped and not stripped.startswith("#"):
            in_leading_comments = False
        if in_leading_comments and re.match(r"#\s*yaml-language-server\s*:", stripped):
            continue
        kept.append(line)
    return "\n".join(kept).lstrip("\n")


def _canonical(node: Any, record_type: type[model.Record] | None, column: int) -> None:
    """Put ``node`` (read by ruamel.yaml) into the canonical style, in place."""
    if isinstance(node, CommentedMap):
        if record_type is not None:
            _order_keys(node, _field_order(record_type))
        for key in list(node.keys()):
            value = node[key]
            child_type = _child_type(record_type, key) if record_type else None
            canonical = _canonical_scalar(value)
            if canonical is not value:
                node[key] = canonical
            if isinstance(value, CommentedSeq):
                _canonical_list(value, child_type, column + INDENT, len(str(key)) + 2 + column)
            else:
                _canonical(value, child_type, column + INDENT)
    elif isinstance(node, CommentedSeq):
        _canonical_list(node, record_type, column + INDENT, column)


def _canonical_list(node: CommentedSeq, item_type: type[model.Record] | None, item_column: int, start: int) -> None:
    for index, item in enumerate(node):
        canonical = _canonical_scalar(item)
        if canonical is not item:
            node[index] = canonical
        _canonical(item, item_type, item_column + INDENT)
    if _fits_on_one_line(node, start):
        node.fa.set_flow_style()
    else:
        node.fa.set_block_style()


def _fits_on_one_line(node: CommentedSeq, start: int) -> bool:
    if not all(isinstance(item, (str, int, float)) and "\n" not in str(item) for item in node):
        return False
    if node.ca.items or (node.ca.comment and any(node.ca.comment)):
        return False  # comments on items need one item per line
    # Generous for quotes, so that the decision does not depend on how an item is quoted.
    flow = "[" + ", ".join(str(item) + "''" for item in node) + "]"
    return start + len(flow) <= WIDTH


def _canonical_scalar(value: Any) -> Any:
    """Several lines of text as a ``|`` block; anything else as plain text, quoted only if needed."""
    if isinstance(value, str) and not isinstance(value, LiteralScalarString):
        if "\n" in value.rstrip("\n"):
            return LiteralScalarString(value)
        if isinstance(value, FoldedScalarString) or type(value) is not str:
            return str(value)
    if isinstance(value, LiteralScalarString) and "\n" not in value.rstrip("\n"):
        return str(value)
    return value


def _order_keys(node: CommentedMap, order: list[str]) -> None:
    keys = list(node.keys())
    position = {name: index for index, name in enumerate(order)}
    wanted = sorted(keys, key=lambda k: (position.get(k, len(order)), keys.index(k)))
    if wanted == keys:
        return
    # Comments stay with the key they follow in ruamel.yaml's model, so they move with it.
    for key in wanted:
        node.move_to_end(key)


def _field_order(record_type: type[model.Record]) -> list[str]:
    return [info.alias or name for name, info in record_type.model_fields.items()]


def _child_type(record_type: type[model.Record], key: Any) -> type[model.Record] | None:
    for name, info in record_type.model_fields.items():
        if (info.alias or name) == key:
            return _record_in(info.annotation)
    return None


def _record_in(annotation: Any) -> type[model.Record] | None:
    """The record type inside ``X``, ``list[X]`` or ``X | None``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, model.Record):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _record_in(argument)
        if found is not None:
            return found
    return None


def _read_back(text: str, display: str) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "formatted.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            data, _ = load_yaml(path, display)
        except DossierError as error:
            raise DossierError([Problem(Mark(display, 1, 1),
                                        "formatting would make this file unreadable, so it was left as it is",
                                        f"please report this file to the maintainers ({error.problems[0].message})")]) \
                from error
    return data


def _same_meaning(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return set(a) == set(b) and all(_same_meaning(a[k], b[k]) for k in a)  # key order carries no meaning
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_meaning(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _display(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def files_to_format(root: Path, paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The content files named by ``paths`` (files or folders), or all of them."""
    if not paths:
        return content_files(root), []
    content = (root / "content").resolve()
    chosen: list[Path] = []
    problems = []
    for path in paths:
        resolved = path.resolve()
        if resolved.is_dir():
            chosen += [p for p in content_files(root) if p.resolve().is_relative_to(resolved)]
        elif not resolved.is_relative_to(content) or resolved.suffix not in (".yaml", ".yml"):
            problems.append(Problem(Mark(path.as_posix(), 1, 1), "not a content file",
                                    "fmt formats the YAML files under content/"))
        elif not resolved.is_file():
            problems.append(Problem(Mark(path.as_posix(), 1, 1), "no such file"))
        else:
            chosen.append(resolved)
    return sorted(set(chosen)), problems


def run(root: Path, paths: list[Path], check_only: bool, style: str = "text") -> int:
    """Format files (or, with ``check_only``, list those that would change); the exit status."""
    files, problems = files_to_format(root, paths)
    drifted: list[Formatted] = []
    for path in files:
        try:
            formatted = format_file(root, path)
        except DossierError as error:
            problems += error.problems
            continue
        if formatted.changed:
            drifted.append(formatted)
            if not check_only:
                path.write_text(formatted.text, encoding="utf-8", newline="\n")
    if check_only:
        for formatted in drifted:
            if style == "github":
                print(Problem(Mark(formatted.display, 1, 1), "this file is not in the canonical format", FIX).as_github())
            else:
                print(f"would reformat {formatted.display}")
                # What would change, as a unified diff (`git apply`-able: a/ and b/ paths).
                for line in difflib.unified_diff(formatted.original.splitlines(keepends=True),
                                                 formatted.text.splitlines(keepends=True),
                                                 f"a/{formatted.display}", f"b/{formatted.display}"):
                    print(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n", end="")
        if drifted and style == "text":
            print(f"{len(drifted)} of {len(files)} files would be reformatted; {FIX} to do it.")
    else:
        for formatted in drifted:
            print(f"reformatted {formatted.display}")
        print(f"{len(drifted)} of {len(files)} files reformatted.")
    if problems:
        print(DossierError(problems).report(style).replace("nothing was built", "those files were not formatted"),
              file=sys.stderr)
        return 1
    return 1 if check_only and drifted else 0
