"""Read every content file into typed records, remembering where each came from.

Where a file lives says what it holds:

    content/dossier.yaml         the site's title                (Dossier)
    content/stories/<id>.yaml    one story each                  (Story)
    content/sources/<id>.yaml    one source document each        (Source)
    content/actors/<id>.yaml     one actor each                  (Actor)
    content/topics/<id>.yaml     one topic each                  (Topic)
    content/claims/*.yaml        lists of claims                 (ClaimFile)
    content/relations.yaml       relations between actors        (RelationFile)
    content/glossary.yaml        terms                           (GlossaryFile)
    content/context.yaml         outside facts with citations    (ContextFile)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from build_scripts import parallel
from build_scripts.content import model
from build_scripts.content.problems import DossierError, Mark, Problem, did_you_mean
from build_scripts.content.safe_yaml import MAX_FILE_BYTES, Location, Positions, load_yaml

T = TypeVar("T")

# {folder: record kind}; the folder is also the name of its records in ``Content``.
ONE_RECORD_PER_FILE = {"stories": "story", "sources": "source", "actors": "actor", "topics": "topic"}
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

    def field(self, *subloc: str | int) -> str:
        """The dotted path of a field in the file, as problems name it: ``claims.3.actors.0``."""
        return ".".join(str(part) for part in self.loc + tuple(subloc))


@dataclass(frozen=True)
class Located(Generic[T]):
    record: T
    origin: Origin


@dataclass
class Content:
    """Every record of the dossier, by kind and id, each with its origin."""

    root: Path
    dossier: Located[model.Dossier] | None = None
    stories: dict[str, Located[model.Story]] = field(default_factory=dict)
    sources: dict[str, Located[model.Source]] = field(default_factory=dict)
    actors: dict[str, Located[model.Actor]] = field(default_factory=dict)
    topics: dict[str, Located[model.Topic]] = field(default_factory=dict)
    claims: dict[str, Located[model.Claim]] = field(default_factory=dict)
    relations: list[Located[model.Relation]] = field(default_factory=list)
    glossary: dict[str, Located[model.GlossaryTerm]] = field(default_factory=dict)
    context: dict[str, Located[model.ContextEntry]] = field(default_factory=dict)
    files: ContentFiles | None = None  # the content files the load found, for the rules and copies that read them

    def listed_files(self) -> ContentFiles:
        """The content files the load found; for content made otherwise (tests), those under ``root`` now."""
        return self.files or ContentFiles(content_files(self.root))


@dataclass(frozen=True)
class ContentFiles:
    """The content files one load found (``content_files``), and the bytes it read
    them from where it kept them (the preview's ``FileCache``): the schema-line rule
    and the site's copies of the files read them here, without walking ``content/``
    and reading every file again (at a hundred times today's dossier, a sixth of
    the preview's time for a save)."""

    paths: list[Path]
    known: dict[Path, bytes] = field(default_factory=dict)

    def read_bytes(self, path: Path) -> bytes:
        data = self.known.get(path)
        return path.read_bytes() if data is None else data


def content_files(root: Path) -> list[Path]:
    """All YAML files under ``content/`` (".yaml" or ".yml" in any case, hidden ones too), in a
    stable order. The loader refuses those it does not read (``file_name_problem``): skipped
    without a word, a file's records would be missing, and only the rules that miss them would say so."""
    return _yaml_files(list((root / "content").rglob("*")))


def _yaml_files(found: list[Path]) -> list[Path]:
    # Sorted by their parts, the order of paths themselves, without Path's own comparison
    # (a sixth of a second for the 14,000 files of a hundred times today's dossier).
    return sorted((p for p in found if p.is_file() and p.name.lower().endswith((".yaml", ".yml"))),
                  key=lambda path: path.parts)


def file_name_problem(relative: Path, display: str) -> Problem | None:
    """What is wrong with the name of a file under content/ (``relative`` to it; ``display``: its
    path as problems name it), if anything: said once, at the file, with the name to give it.

    Every file is named ``<id>.yaml`` (claims files too: the site ships a copy of each under
    its name, for the "source of this page" links). Hidden files, other extensions (".YAML",
    ".yml") and names with spaces, accents or capitals are refused, not skipped.
    """
    mark = Mark(display, 1, 1)
    wanted = f"{_suggested_id(relative.stem.lstrip('.'))}.yaml"
    hidden = next((part for part in relative.parts[:-1] if part.startswith(".")), None)
    if hidden:
        return Problem(mark, f"the folder '{hidden}' starts with a dot, so it is hidden: the dossier does not read "
                       "hidden folders", "move the file where its kind of record belongs, or out of content/")
    if relative.name.startswith("."):
        return Problem(mark, f"the file name '{relative.name}' starts with a dot, so the file is hidden: the dossier does "
                       "not read hidden files", f"if it is content, rename it to '{wanted}'; if an editor or another "
                       "tool made it, delete it or keep it out of content/")
    if relative.suffix != ".yaml":
        return Problem(mark, f"the file name ends in '{relative.suffix}': the dossier reads only names ending in '.yaml'",
                       f"rename it to '{wanted}'")
    if not re.fullmatch(model.SLUG_PATTERN, relative.stem):
        return Problem(mark, f"the file name '{relative.name}' is not a valid id",
                       f"rename it to '{wanted}': lowercase letters, digits and hyphens")
    return None


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


# Below this many files, reading them all here costs less than forking a copy.
FILES_WORTH_A_FORK = 200


class FileCache:
    """Each content file as last read and validated, by its path, with the bytes it was read from:
    the preview (site_source/incremental.py) loads the dossier again after every save, and a
    save changes one file. A file whose bytes differ is read again. Records are frozen, so the
    loads that share one may."""

    def __init__(self) -> None:
        self.files: dict[Path, tuple[bytes, _ReadFile]] = {}

    def read_files(self, root: Path, paths: list[Path]) -> list[_ReadFile]:
        read = []
        kept: dict[Path, tuple[bytes, _ReadFile]] = {}
        for path in paths:
            try:
                # A link, or a file too large, is never read here: load_yaml says why it refuses it.
                data = None if path.is_symlink() or path.stat().st_size > MAX_FILE_BYTES else path.read_bytes()
            except OSError:
                data = None
            known = self.files.get(path)
            if data is not None and known is not None and known[0] == data:
                file = known[1]
                kept[path] = known
            else:
                file = _read_file(root, path)
                if data is not None and _unchanged(path, data):  # kept only if what was parsed is ``data``
                    kept[path] = (data, file)
            read.append(file)
        self.files = kept  # files gone are forgotten
        return read


def _unchanged(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def load_content(root: Path, cache: FileCache | None = None) -> Content:
    """Load and validate every file; raise one ``DossierError`` listing all problems.

    Files are read and validated on two cores where there are two (half of
    them in a forked copy, ``parallel.py``); records are added in file order
    either way, so ids, duplicates and problems come out the same. ``cache``:
    files whose bytes did not change since it last read them are not read again.
    """
    under_content = list((root / "content").rglob("*"))  # walked once: for clashes, then for the files to read
    listed = _yaml_files(under_content)
    clashes = _case_clashes(root, under_content)
    problems: list[Problem] = list(clashes.values())
    paths = [path for path in listed if path not in clashes]
    if cache is not None:
        files = cache.read_files(root, paths)
    else:
        read_files = functools.partial(_read_files, root)
        files = parallel.map_in_two(read_files, paths) if len(paths) >= FILES_WORTH_A_FORK else read_files(paths)
    known = {path: data for path, (data, _) in cache.files.items()} if cache is not None else {}
    content = Content(root=root, files=ContentFiles(listed, known))
    for file in files:
        problems.extend(file.problems)
        if file.record is not None:
            _add(content, file.kind, file.record_id, file.record, file.positions, problems)
    if content.dossier is None and not problems:
        problems.append(Problem(Mark("content/dossier.yaml", 1, 1), "the file is missing",
                                "create it with title, description and language"))
    if problems:
        raise DossierError(problems)
    return content


@dataclass(frozen=True)
class _ReadFile:
    """One content file, read and validated on its own: its record, or what is wrong with it."""

    kind: str | None = None
    record_id: str = ""
    record: Any = None
    positions: Positions | None = None
    problems: tuple[Problem, ...] = ()


def _read_files(root: Path, paths: list[Path]) -> list[_ReadFile]:
    return [_read_file(root, path) for path in paths]


def _read_file(root: Path, path: Path) -> _ReadFile:
    relative = path.relative_to(root / "content")
    display = path.relative_to(root).as_posix()
    name_problem = file_name_problem(relative, display)
    if name_problem:
        return _ReadFile(problems=(name_problem,))
    kind = kind_of(relative)
    if kind is None:
        return _ReadFile(problems=(Problem(Mark(display, 1, 1), "this file is not in a place the dossier reads",
                                           _placement_hint()),))
    try:
        data, positions = load_yaml(path, display)
    except DossierError as error:
        return _ReadFile(problems=tuple(error.problems))
    record_id = path.stem
    problems: list[Problem] = []
    record = _validate(model.RECORD_KINDS[kind], data, positions, problems)
    return _ReadFile(kind, record_id, record, positions, tuple(problems))


def _case_clashes(root: Path, under_content: list[Path]) -> dict[Path, Problem]:
    """Files of content/ (``under_content``: every path under it) and seeds/ whose paths differ only in case.

    On macOS and Windows such files are one file: a checkout keeps only one
    of them, so an id could silently change. Each clash is reported on every
    file but one, the all-lowercase one if there is one.
    """
    groups: dict[str, list[Path]] = {}
    seeds = root / "seeds"
    below_root = len(root.parts)  # each path's parts below the root, joined: its path relative to it, without relative_to
    for found in (under_content, list(seeds.rglob("*")) if seeds.is_dir() else []):
        # In the order of paths themselves (on POSIX, that of their parts), without Path's own comparison.
        for path in sorted(found, key=lambda path: path.parts):
            groups.setdefault("/".join(path.parts[below_root:]).casefold(), []).append(path)
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
        folder = next(name for name, its_kind in ONE_RECORD_PER_FILE.items() if its_kind == kind)
        getattr(content, folder)[record_id] = Located(record, Origin(positions))
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
                                        "give one of them another id", origin.field("id")))
                continue
            target[item.id] = Located(item, origin)


def _validate(kind: type[model.Record], data: Any, positions: Positions, problems: list[Problem]) -> Any:
    if not isinstance(data, dict):
        problems.append(Problem(
            positions.at(()),
            f"expected a mapping of fields (name: value) at the top of the file, found {_describe(data)}",
            f"the file should hold fields such as {', '.join(_field_names(kind)[:4])}, one per line",
        ))
        return None
    try:
        return kind.model_validate(data)
    except ValidationError as error:
        explained: set[tuple] = set()
        for detail in error.errors(include_url=False):
            loc = _clean_loc(kind, detail)
            if loc in explained:
                continue  # a value that fits no member of a union (number or whole number…): say it once
            if detail["type"] == "missing" and loc[-1:] == ("evidence",) and _old_claim_form(data, loc[:-1]):
                continue  # the claim gives its quote the old way: that is the problem to report
            explained.add(loc)
            problems.append(_explain(kind, detail, loc, positions))
        return None


# What a contributor should write, by pydantic error type: (expected, fix).
_EXPECTED = {
    "list_type": ("a list", "write a list: [a, b] on one line, or one '- item' per line below the field"),
    "dict_type": ("a mapping of fields (name: value)", "indent the fields under this one, one 'name: value' per line"),
    "model_type": ("a mapping of fields (name: value)", "indent the fields under this one, one 'name: value' per line"),
    "model_attributes_type": ("a mapping of fields (name: value)", "indent the fields under this one, one 'name: value' per line"),
    "string_type": ("text", "write text; put it in quotes if it looks like a number, a date, true/false or a list"),
    "int_type": ("a whole number", "write digits only, e.g. 3"),
    "int_parsing": ("a whole number", "write digits only, e.g. 3"),
    "int_from_float": ("a whole number", "write digits only, without a decimal point"),
    "float_type": ("a number", "write digits, with a decimal point if needed, e.g. 1.25"),
    "float_parsing": ("a number", "write digits, with a decimal point if needed, e.g. 1.25"),
    "bool_type": ("true or false", "write true or false"),
    "bool_parsing": ("true or false", "write true or false"),
}

# What fields with a fixed form look like, by field name (see model.py).
_FORMS = {
    "wikidata": ("a Wikidata id: Q followed by digits, e.g. 'Q159'",
                 "copy the id from the item's Wikidata page, or remove the field"),
    "language": ("a language code such as 'en' or 'en-GB'", "use the two- or three-letter ISO 639 code"),
    "url": ("an address starting with https://", "copy the full https:// address, without spaces or quotes"),
    "text": ("a path of the form 'seeds/<name>.txt'", "put the text file in seeds/ and give its path"),
    "sha256": ("64 lowercase hexadecimal characters", "run `python -m build_scripts new source seeds/<file>.txt` "
               "to compute it, or `sha256sum seeds/<file>.txt`"),
}


# A claim's quote, its source and occurrence, as claims gave them before a claim could rest on
# several sources (``fmt`` moves them under ``evidence``).
_EVIDENCE_FIELDS = ("source", "quote", "occurrence")


def _old_claim_form(data: Any, loc: tuple) -> bool:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(data, dict) and any(name in data for name in _EVIDENCE_FIELDS)


def _explain(kind: type[model.Record], detail: dict, loc: tuple, positions: Positions) -> Problem:
    """Turn one pydantic error into a Problem that says what was expected, what was found, and the fix."""
    field_path = _field_path(loc)
    found = detail.get("input")
    error_type = detail["type"]
    ctx = detail.get("ctx") or {}
    owner = _model_at(kind, loc[:-1])
    name = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    description = _field_description(owner, name) if owner else ""
    at = positions.at(loc)

    if error_type == "extra_forbidden" and owner is model.Claim and name in _EVIDENCE_FIELDS:
        return Problem(at, f"'{name}' is now written under 'evidence'",
                       "a claim lists its quotes under 'evidence:', each with its 'source' and 'quote'; "
                       "`python -m build_scripts fmt` rewrites the file so", field_path)
    if error_type == "extra_forbidden" and owner is model.Dossier and name == "story":
        return Problem(at, "the story is now a record of its own, in content/stories/",
                       'start it with `python -m build_scripts new story "its title" --topic <topic id> '
                       "--source <source id>`, move this text into its 'lede', then remove 'story' from here",
                       field_path)
    if error_type == "extra_forbidden":
        allowed = _field_names(owner) if owner else []
        hint = did_you_mean(name, allowed)
        hint = (hint + " " if hint else "") + f"allowed fields here: {', '.join(allowed)}"
        return Problem(at, f"unknown field '{name}'", hint, field_path)
    if error_type == "missing":
        return Problem(positions.at(loc[:-1]), f"missing required field '{name}'",
                       f"add '{name}:'" + (f" — {description}" if description else ""), field_path)
    if error_type in ("enum", "literal_error"):
        options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        hint = did_you_mean(str(found), options) if isinstance(found, str) else ""
        return Problem(at, f"{_found(found)} is not one of the allowed values",
                       (hint + " " if hint else "") + f"allowed: {', '.join(options)}", field_path)
    if error_type == "string_pattern_mismatch":
        if ctx.get("pattern") == model.SLUG_PATTERN:
            return Problem(at, f"{_found(found)} is not a valid id",
                           f"ids are lowercase letters, digits and single hyphens, e.g. '{_suggested_id(str(found))}'", field_path)
        expected, fix = _FORMS.get(name, (f"text matching the pattern {ctx.get('pattern')}", description))
        return Problem(at, f"expected {expected}, found {_found(found)}", fix, field_path)
    if error_type in _EXPECTED:
        expected, fix = _EXPECTED[error_type]
        return Problem(at, f"expected {expected}, found {_found(found)}", fix, field_path)
    if error_type == "too_short":
        minimum = ctx.get("min_length", 1)
        return Problem(at, f"expected at least {minimum} item{'s' if minimum != 1 else ''}, found {ctx.get('actual_length', 0)}",
                       f"add {'an item' if minimum == 1 else 'items'}" + (f" — {description}" if description else ""), field_path)
    if error_type == "string_too_short":
        return Problem(at, "expected text, found an empty value",
                       "write the text, or remove the field if it is optional", field_path)
    if error_type == "string_too_long":
        length = len(found) if isinstance(found, str) else "more"
        return Problem(at, f"expected at most {ctx.get('max_length')} characters, found {length}",
                       "shorten it" + ("; a quote can be split into two claims" if name == "quote" else ""), field_path)
    if error_type in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {"greater_than_equal": "at least", "greater_than": "more than",
                 "less_than_equal": "at most", "less_than": "less than"}[error_type]
        limit = next(iter(ctx.values()), "")
        return Problem(at, f"expected a number {bound} {limit}, found {_found(found)}", description, field_path)
    message = detail["msg"]
    if message.startswith("Value error, "):
        # Our own validators (model.py) already say what is wrong in words.
        message = message[len("Value error, "):]
        if "contains a tab" in message:
            # The tab's own place (several columns into the value, or lines below its start).
            return Problem(positions.tab_at(loc) or at, message.split(";")[0],
                           "replace the tab by a space (a tab inside a value is kept as it is, not read as spaces)",
                           field_path)
        return Problem(at, message, description, field_path)
    return Problem(at, f"{message}, found {_found(found)}", description, field_path)


def _clean_loc(kind: type[model.Record], detail: dict) -> tuple:
    """The error's path with pydantic's internal steps (union members, validators) left out."""
    cleaned: list[str | int] = []
    current: Any = kind
    raw = list(detail["loc"])
    for index, part in enumerate(raw):
        if isinstance(part, int):
            cleaned.append(part)
            continue
        fields = _fields_by_name(current) if current is not None else {}
        if part in fields:
            cleaned.append(part)
            current = _record_type(fields[part].annotation)
        elif detail["type"] == "extra_forbidden" and index == len(raw) - 1:
            cleaned.append(part)  # the unknown field itself
        # anything else names a union member or validator: not a place in the file
    return tuple(cleaned)


def _field_path(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


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
    if info is None:
        return ""
    if info.description:
        return info.description
    # A field typed Line, Prose, Slug… carries the description of its type.
    for meta in info.metadata:
        if getattr(meta, "description", None):
            return meta.description
    return ""


def _describe(value: Any) -> str:
    """What a YAML value is, in words."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return "text"


def _found(value: Any) -> str:
    """The value as found, short enough to read in one line."""
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= 60 else text[:56] + "...'"
    return _describe(value)



def _placement_hint() -> str:
    return ("put one record per file in content/stories/, content/sources/, content/actors/ or content/topics/, claims in "
            "content/claims/, and relations, glossary and context in content/relations.yaml, "
            "content/glossary.yaml and content/context.yaml")


def _suggested_id(text: str) -> str:
    return model.slugify(text) or "id"
