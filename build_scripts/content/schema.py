"""JSON Schema of every record kind, generated from the content model.

Editors that speak the YAML language server (VS Code with the YAML extension,
JetBrains IDEs, Neovim, Helix…) read the first line of a content file,

    # yaml-language-server: $schema=../../schema/actor.schema.json

and then complete field names and underline mistakes as one types. The files
under ``schema/`` are written by ``python -m build_scripts schema`` and kept in
sync with ``model.py`` by a test; they are never edited by hand.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from build_scripts.content import model
from build_scripts.content.load import ContentFiles, kind_of
from build_scripts.content.memo import remembered
from build_scripts.content.problems import Mark, Problem

SCHEMA_DIR = "schema"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
HEADER_PREFIX = "# yaml-language-server: $schema="
FIX_HEADERS = "run `python -m build_scripts fmt` to add it"

# While content/ is being filled in, a missing or wrong header line is only a
# warning. Set this to True to make `check` (and so the build) refuse it.
MISSING_HEADER_IS_AN_ERROR = False

# Which file holds each kind, for the schema's description.
KIND_FILES = {
    "dossier": "content/dossier.yaml",
    "story": "content/stories/<id>.yaml",
    "source": "content/sources/<id>.yaml",
    "actor": "content/actors/<id>.yaml",
    "topic": "content/topics/<id>.yaml",
    "claims": "content/claims/<name>.yaml",
    "relations": "content/relations.yaml",
    "glossary": "content/glossary.yaml",
    "context": "content/context.yaml",
}


class _DossierJsonSchema(GenerateJsonSchema):
    """pydantic's generator, told what our hand-written validators accept."""

    def function_before_schema(self, schema):
        if schema["function"].get("function") is model._partial_date:
            # The model accepts a year written as a bare number (YAML reads
            # `2018` as one) as well as text, and checks the form.
            return {
                "anyOf": [
                    {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                    {"type": "integer", "minimum": 1000, "maximum": 9999},
                ],
            }
        return super().function_before_schema(schema)


def record_schemas() -> dict[str, dict]:
    """The JSON Schema of each record kind, by kind name (``model.RECORD_KINDS``)."""
    # Made once per process (the model does not change; each `serve` rebuild
    # asked twice), copied so that no caller can change the next one's.
    return copy.deepcopy(_record_schemas())


@functools.cache
def _record_schemas() -> dict[str, dict]:
    schemas = {}
    for kind, record_type in model.RECORD_KINDS.items():
        generated = record_type.model_json_schema(by_alias=True, mode="validation", schema_generator=_DossierJsonSchema)
        schemas[kind] = {
            "$schema": JSON_SCHEMA_DIALECT,
            "$comment": "Generated from build_scripts/content/model.py by `python -m build_scripts schema`; do not edit.",
            **generated,
            "description": f"{KIND_FILES[kind]}: {generated.get('description', '')}".rstrip(": "),
        }
    return schemas


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schema_text(schema: dict) -> str:
    """One stable text per schema: same model, same bytes."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_files() -> dict[str, str]:
    """The committed files under ``schema/``: {path relative to the project: text}."""
    return {f"{SCHEMA_DIR}/{schema_file_name(kind)}": schema_text(schema) for kind, schema in record_schemas().items()}


def write_schema_files(root: Path) -> list[str]:
    """(Re)write ``schema/``; return the paths whose bytes changed."""
    changed = []
    for relative, text in schema_files().items():
        path = root / relative
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        changed.append(relative)
    return changed


def header_line(content_relative: Path, kind: str) -> str:
    """The first line a content file should have, with the path from its folder to its schema."""
    # schema/ stands beside content/: up out of the file's folders and content/, then down.
    up = "../" * (1 + len(content_relative.parent.parts))
    return f"{HEADER_PREFIX}{up}{SCHEMA_DIR}/{schema_file_name(kind)}"


def expected_header(root: Path, path: Path) -> str | None:
    """The header line for the content file at ``path`` (under ``root``/content), or None if it holds no known kind."""
    relative = path.relative_to(root / "content")
    kind = kind_of(relative)
    return header_line(relative, kind) if kind else None


def schema_header_problems(root: Path, files: ContentFiles) -> list[Problem]:
    """Content files (``files``: those a load found) whose first line is not their schema header."""
    problems = []
    for path in files.paths:
        data = files.read_bytes(path)
        # In the preview, looked at again only for a file whose bytes were read anew (content/memo.py).
        problem = remembered("schema line", data, functools.partial(_schema_line_problem, root, path, data), key=path)
        if problem is not None:
            problems.append(problem)
    return problems


def _schema_line_problem(root: Path, path: Path, data: bytes) -> Problem | None:
    wanted = expected_header(root, path)
    if wanted is None:
        return None  # load reports files in unknown places
    line = data[:data.find(b"\n") + 1] if b"\n" in data else data
    first = line.decode("utf-8", errors="replace").removeprefix("\ufeff").rstrip("\r\n")
    if first == wanted:
        return None
    display = path.relative_to(root).as_posix()
    found = f"found '{first}'" if first.startswith(HEADER_PREFIX) else "it is missing"
    return Problem(
        Mark(display, 1, 1),
        f"the first line should be the schema line '{wanted}' ({found}); editors use it to complete and check fields",
        FIX_HEADERS,
        kind="files without their schema line",
    )
