"""Read every content file into typed records, remembering where each came from.

Where a file lives says what it holds:

    content/dossier.yaml         the site's title and story      (Dossier)
    content/sources/<id>.yaml    one source document each        (Source)
    content/actors/<id>.yaml     one actor each                  (Actor)
    content/topics/<id>.yaml     one topic each                  (Topic)
    content/claims/*.yaml        lists of claims                 (ClaimFile)
    content/relations.yaml       relations between actors        (RelationFile)
    content/glossary.yaml        terms                           (GlossaryFile)
    content/context.yaml         outside facts with citations    (ContextFile)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from . import model
from .problems import DossierError, Problem, did_you_mean
from .yaml_positions import Location, Mark, Positions, load_yaml

T = TypeVar("T")

ONE_RECORD_PER_FILE = {"sources": "source", "actors": "actor", "topics": "topic"}
LIST_FILES = {"relations.yaml": "relations", "glossary.yaml": "glossary", "context.yaml": "context"}


@dataclass(frozen=True)
class Origin:
    """The file a record came from and where inside it the record starts."""

    positions: Positions
    loc: Location = ()

    @property
    def path(self) -> str:
        return self.positions.path

    def at(self, *subloc: str | int) -> Mark:
        return self.positions.at(self.loc + tuple(subloc))


@dataclass(frozen=True)
class Located(Generic[T]):
    record: T
    origin: Origin


@dataclass
class Content:
    """Every record of the dossier, by kind and id, each with its origin."""

    root: Path
    dossier: Located[model.Dossier] | None = None
    sources: dict[str, Located[model.Source]] = field(default_factory=dict)
    actors: dict[str, Located[model.Actor]] = field(default_factory=dict)
    topics: dict[str, Located[model.Topic]] = field(default_factory=dict)
    claims: dict[str, Located[model.Claim]] = field(default_factory=dict)
    relations: list[Located[model.Relation]] = field(default_factory=list)
    glossary: dict[str, Located[model.GlossaryTerm]] = field(default_factory=dict)
    context: dict[str, Located[model.ContextEntry]] = field(default_factory=dict)


def content_files(root: Path) -> list[Path]:
    """All YAML files under ``content/``, in a stable order."""
    content = root / "content"
    return sorted(p for p in content.rglob("*") if p.is_file() and p.suffix in {".yaml", ".yml"})


def kind_of(relative: Path) -> str | None:
    """What record kind a file under ``content/`` holds, from its place alone."""
    parts = relative.parts
    if len(parts) == 1:
        if parts[0] == "dossier.yaml":
            return "dossier"
        return LIST_FILES.get(parts[0])
    if len(parts) == 2 and parts[1].endswith(".yaml"):
        if parts[0] in ONE_RECORD_PER_FILE:
            return ONE_RECORD_PER_FILE[parts[0]]
        if parts[0] == "claims":
            return "claims"
    return None


def load_content(root: Path) -> Content:
    """Load and validate every file; raise one ``DossierError`` listing all problems."""
    content = Content(root=root)
    clashes = _case_clashes(root)
    problems: list[Problem] = list(clashes.values())
    for path in content_files(root):
        if path in clashes:
            continue
        relative = path.relative_to(root / "content")
        display = path.relative_to(root).as_posix()
        kind = kind_of(relative)
        if kind is None:
            problems.append(Problem(Mark(display, 1, 1), "this file is not in a place the dossier reads", _placement_hint(relative)))
            continue
        try:
            data, positions = load_yaml(path, display)
        except DossierError as error:
            problems.extend(error.problems)
            continue
        record_id = path.stem
        if kind in ONE_RECORD_PER_FILE.values() and not re.fullmatch(model.SLUG_PATTERN, record_id):
            problems.append(Problem(
                Mark(display, 1, 1),
                f"the file name '{path.name}' is not a valid id",
                f"rename it to '{_slugify(record_id)}.yaml': lowercase letters, digits and hyphens",
            ))
            continue
        record = _validate(model.RECORD_KINDS[kind], data, positions, problems)
        if record is not None:
            _add(content, kind, record_id, record, positions, problems)
    if content.dossier is None and not problems:
        problems.append(Problem(Mark("content/dossier.yaml", 1, 1), "the file is missing",
                                "create it with title, description, story and language"))
    if problems:
        raise DossierError(problems)
    return content


def _case_clashes(root: Path) -> dict[Path, Problem]:
    """Files of content/ and seeds/ whose paths differ only in case.

    On macOS and Windows such files are one file: a checkout keeps only one
    of them, so an id could silently change. Each clash is reported on every
    file but one, the all-lowercase one if there is one.
    """
    groups: dict[str, list[Path]] = {}
    for folder in (root / "content", root / "seeds"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            groups.setdefault(path.relative_to(root).as_posix().casefold(), []).append(path)
    clashes: dict[Path, Problem] = {}
    for paths in groups.values():
        if len(paths) < 2:
            continue
        paths.sort(key=lambda p: (p.name != p.name.lower(), p.as_posix()))
        kept = paths[0].relative_to(root).as_posix()
        for path in paths[1:]:
            display = path.relative_to(root).as_posix()
            clashes[path] = Problem(
                Mark(display, 1, 1),
                f"this file's name differs from '{kept}' only in upper and lower case",
                "on macOS and Windows both names are one file; merge the two into the lowercase one and delete this one",
            )
    return clashes


def _add(content: Content, kind: str, record_id: str, record: Any, positions: Positions, problems: list[Problem]) -> None:
    if kind == "dossier":
        content.dossier = Located(record, Origin(positions))
    elif kind in ONE_RECORD_PER_FILE.values():
        getattr(content, kind + "s")[record_id] = Located(record, Origin(positions))
    elif kind == "relations":
        content.relations.extend(
            Located(relation, Origin(positions, ("relations", i))) for i, relation in enumerate(record.relations)
        )
    else:
        key, target = {
            "claims": ("claims", content.claims),
            "glossary": ("terms", content.glossary),
            "context": ("context", content.context),
        }[kind]
        items = getattr(record, key)
        for index, item in enumerate(items):
            origin = Origin(positions, (key, index))
            if item.id in target:
                first = target[item.id].origin.at("id")
                problems.append(Problem(origin.at("id"), f"duplicate id '{item.id}' (first used at {first})",
                                        "give one of them another id"))
                continue
            target[item.id] = Located(item, origin)


def _validate(kind: type[model.Record], data: Any, positions: Positions, problems: list[Problem]) -> Any:
    if not isinstance(data, dict):
        found = type(data).__name__ if data is not None else "nothing"
        problems.append(Problem(positions.at(()), f"expected a mapping of fields at the top of the file, found {_describe(found)}",
                                f"the file should start with fields such as: {', '.join(_field_names(kind)[:4])}"))
        return None
    try:
        return kind.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            problems.append(_explain(kind, detail, positions, data))
        return None


def _explain(kind: type[model.Record], detail: dict, positions: Positions, data: Any) -> Problem:
    loc = tuple(part for part in detail["loc"] if not (isinstance(part, str) and ("[" in part or part.startswith("function-"))))
    field_path = ".".join(str(part) for part in loc) or "(file)"
    found = detail.get("input")
    kind_name = detail["type"]
    owner = _model_at(kind, loc[:-1])
    if kind_name == "extra_forbidden":
        allowed = _field_names(owner) if owner else []
        hint = did_you_mean(str(loc[-1]), allowed)
        hint = (hint + " " if hint else "") + f"allowed fields here: {', '.join(allowed)}"
        return Problem(positions.at(loc), f"unknown field '{loc[-1]}'", hint)
    if kind_name == "missing":
        description = _field_description(owner, str(loc[-1])) if owner else ""
        return Problem(positions.at(loc[:-1]), f"missing required field '{field_path}'",
                       f"add '{loc[-1]}:'" + (f" — {description}" if description else ""))
    if kind_name == "enum" or kind_name == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        options = re.findall(r"'([^']*)'", expected)
        hint = did_you_mean(str(found), options) if isinstance(found, str) else ""
        return Problem(positions.at(loc), f"{field_path}: '{found}' is not one of the allowed values",
                       (hint + " " if hint else "") + f"allowed: {', '.join(options)}")
    if kind_name == "string_pattern_mismatch" and detail.get("ctx", {}).get("pattern") == model.SLUG_PATTERN:
        return Problem(positions.at(loc), f"{field_path}: '{found}' is not a valid id",
                       f"ids are lowercase letters, digits and single hyphens, e.g. '{_slugify(found)}'")
    message = detail["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    shown = _short(found)
    return Problem(positions.at(loc), f"{field_path}: {message}" + (f" (found {shown})" if shown else ""),
                   _expected_hint(owner, loc))


def _model_at(kind: type[model.Record], loc: tuple) -> type[model.Record] | None:
    """The record type that holds the field at ``loc``."""
    current: Any = kind
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = _fields_by_name(current).get(str(part))
        if field_info is None:
            return None
        current = _record_type(field_info.annotation)
        if current is None:
            return None
    return current


def _record_type(annotation: Any) -> type[model.Record] | None:
    if isinstance(annotation, type) and issubclass(annotation, model.Record):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _record_type(argument)
        if found is not None:
            return found
    return None


def _fields_by_name(kind: type[model.Record]) -> dict[str, Any]:
    return {(info.alias or name): info for name, info in kind.model_fields.items()}


def _field_names(kind: type[model.Record]) -> list[str]:
    return list(_fields_by_name(kind))


def _field_description(kind: type[model.Record], name: str) -> str:
    info = _fields_by_name(kind).get(name)
    return (info.description or "") if info else ""


def _expected_hint(owner: type[model.Record] | None, loc: tuple) -> str:
    if owner is None or not loc:
        return ""
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    return _field_description(owner, name)


def _describe(type_name: str) -> str:
    return {"list": "a list", "str": "a single text", "int": "a number", "float": "a number", "bool": "true/false"}.get(type_name, type_name)


def _short(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "id"


def _placement_hint(relative: Path) -> str:
    if relative.suffix == ".yml":
        return f"rename it to '{relative.with_suffix('.yaml').as_posix()}'"
    return ("put one record per file in content/sources/, content/actors/ or content/topics/, claims in "
            "content/claims/, and relations, glossary and context in content/relations.yaml, "
            "content/glossary.yaml and content/context.yaml")
