"""The schema reference page: every field of every content file, from the model.

For each kind of file, and each kind of mapping inside one (a role, a date…),
a table gives every field with its type, whether it is required, its
description (from ``model.py``) and an example. Examples are taken from the
dossier's own content where a record uses the field, and otherwise from the
model's ``examples``. Everything is read from the JSON Schema that
``schema.py`` generates, so the page cannot drift from what ``check`` accepts.
"""

from __future__ import annotations

import functools
import json
import re
from enum import Enum
from typing import Any

from markupsafe import Markup

from build_scripts.content import model
from build_scripts.content.memo import remembered
from build_scripts.content.prose import escape_text
from build_scripts.content.schema import KIND_FILES, record_schemas, schema_file_name
from build_scripts.rules.check import CheckedDossier

PAGE_PATH = "schema-reference.md"
_EXAMPLE_WIDTH = 70


def schema_reference_page(checked: CheckedDossier, *, search_boost: float) -> str:
    """The Markdown of the schema reference page (``search_boost``: its weight in search)."""
    schemas = record_schemas()
    examples = _content_examples(checked)
    lines = [
        "---",
        "title: Schema reference",
        "description: Every field of every content file, its type, whether it is required, and an example.",
        f"search:\n  boost: {search_boost}",
        "---",
        "",
        "# Schema reference",
        "",
        "Every field of every content file: its type, whether it is required, what it means, and an example "
        "(taken from this dossier where it uses the field). This page is generated from the content model "
        "(`build_scripts/content/model.py`), as are the JSON Schema files in `schema/` that editors use to complete "
        "and check fields as you type.",
        "",
        "Types: *text* is one line, shown exactly as written; *text with paragraphs* allows *emphasis*, "
        "**strong** and links; an *id* is lowercase letters, digits and single hyphens (`narendra-modi`); "
        "a *date* is `2018`, `2018-10` or `2018-10-05`.",
        "",
    ]
    done: set[str] = set()
    for kind, schema in schemas.items():
        definitions = schema.get("$defs", {})
        lines += [f"## {_kind_title(kind)}", "", _plain(f"File: `{KIND_FILES[kind]}` · "
                                                         f"JSON Schema: `schema/{schema_file_name(kind)}`"), ""]
        about = re.sub(r"^`[^`]+`: ", "", model.RECORD_KINDS[kind].__doc__ or "")  # the file is named above
        lines += [_plain(about[:1].upper() + about[1:]), ""]
        lines += _table(schema, definitions, examples.get(schema.get("title", ""), {}))
        for name in _nested_records(schema, definitions):
            if name in done:
                continue
            done.add(name)
            nested = definitions[name]
            lines += [f"### {name}", ""]
            if nested.get("description"):
                lines += [_plain(nested["description"]), ""]
            lines += _table(nested, definitions, examples.get(name, {}))
    return "\n".join(lines) + "\n"


def _kind_title(kind: str) -> str:
    return {"claims": "Claims", "relations": "Relations", "glossary": "Glossary", "context": "Context"}.get(
        kind, kind.capitalize())


def _table(schema: dict, definitions: dict, examples: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    rows = ["| Field | Type | Required | Description | Example |", "| --- | --- | --- | --- | --- |"]
    for name, prop in schema.get("properties", {}).items():
        example = examples.get(name)
        if example is None:
            example = _schema_example(prop, definitions)
        rows.append("| " + " | ".join([
            f"`{name}`",
            _type(prop, definitions),
            "required" if name in required else "optional",
            _plain(_description(prop, definitions)),
            _example(example),
        ]) + " |")
    return rows + [""]


def _type(prop: dict, definitions: dict) -> str:
    """The type of a field in words; links to the section of a nested mapping."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        target = definitions[name]
        if "enum" in target:
            return "one of " + ", ".join(f"`{value}`" for value in target["enum"])
        return f"mapping: [{name}](#{name.lower()})"
    if "anyOf" in prop:
        members = [m for m in prop["anyOf"] if m.get("type") != "null"]
        if any(m.get("type") == "integer" for m in members) and any(m.get("type") == "string" for m in members):
            return "date"
        if {m.get("type") for m in members} == {"number", "integer"}:
            return "number"
        return " or ".join(_type(m, definitions) for m in members)
    if "enum" in prop:
        return "one of " + ", ".join(f"`{value}`" for value in prop["enum"])
    kind = prop.get("type")
    if kind == "array":
        minimum = prop.get("minItems")
        return "list of " + _type(prop.get("items", {}), definitions) + (f" (at least {minimum})" if minimum else "")
    if kind == "string":
        if prop.get("pattern") == model.SLUG_PATTERN:
            return "id"
        if prop.get("maxLength", 0) >= 5000:
            return "text with paragraphs"
        return "text"
    return {"integer": "whole number", "number": "number", "boolean": "true or false"}.get(kind, kind or "any")


def _description(prop: dict, definitions: dict) -> str:
    if prop.get("description"):
        return prop["description"]
    for member in prop.get("anyOf", []) + [prop.get("items", {})]:
        if member.get("description"):
            return member["description"]
    if "$ref" in prop:
        return definitions[prop["$ref"].rsplit("/", 1)[-1]].get("description", "")
    return ""


def _schema_example(prop: dict, definitions: dict) -> Any:
    """An example from the model, for a field the content does not use yet."""
    for candidate in [prop] + prop.get("anyOf", []) + [prop.get("items", {})]:
        if candidate.get("examples"):
            return candidate["examples"][0]
        if "$ref" in candidate:
            target = definitions[candidate["$ref"].rsplit("/", 1)[-1]]
            if "enum" in target:
                return target["enum"][0]
    if "default" in prop and prop["default"] not in (None, []):
        return prop["default"]
    return None


def _nested_records(schema: dict, definitions: dict) -> list[str]:
    """Names of the mappings used inside ``schema``, in the order they first appear."""
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref:
                name = ref.rsplit("/", 1)[-1]
                if name not in found and "properties" in definitions.get(name, {}):
                    found.append(name)
                    visit(definitions[name])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(schema.get("properties", {}))
    return found


def _content_examples(checked: CheckedDossier) -> dict[str, dict[str, Any]]:
    """The first value each field takes in the content: {record type name: {field: value}}."""
    content = checked.content
    records: list[model.Record] = [content.dossier.record] if content.dossier else []
    for table in (content.stories, content.sources, content.actors, content.topics, content.claims, content.glossary,
                  content.context):
        records += [table[key].record for key in sorted(table)]
    records += [located.record for located in content.relations]
    examples: dict[str, dict[str, Any]] = {}
    for record in records:
        # In the preview, worked out again only for records a save changed (content/memo.py).
        for type_name, found in remembered("schema examples", record, functools.partial(_record_examples, record)).items():
            mine = examples.setdefault(type_name, {})
            for key, value in found.items():
                mine.setdefault(key, value)
    # The files that hold lists: their one field's example is the list's first item.
    for wrapper, field_name, items in ((model.ClaimFile, "claims", records_of(content.claims)),
                                       (model.RelationFile, "relations", [l.record for l in content.relations]),
                                       (model.GlossaryFile, "terms", records_of(content.glossary)),
                                       (model.ContextFile, "context", records_of(content.context))):
        if items:
            examples.setdefault(wrapper.__name__, {})[field_name] = items[:1]
    return examples


def _record_examples(record: model.Record) -> dict[str, dict[str, Any]]:
    """The first value each field takes in ``record`` and the records inside it: {record type name: {field: value}}."""
    examples: dict[str, dict[str, Any]] = {}

    def visit(record: model.Record) -> None:
        mine = examples.setdefault(type(record).__name__, {})
        for name, info in type(record).model_fields.items():
            value = getattr(record, name)
            key = info.alias or name
            if isinstance(value, model.Record):
                visit(value)
            if isinstance(value, list) and value and isinstance(value[0], model.Record):
                for item in value:
                    visit(item)
            if key not in mine and value not in (None, [], ""):
                mine[key] = value

    visit(record)
    return examples


def records_of(table: dict) -> list[model.Record]:
    return [table[key].record for key in sorted(table)]


def _example(value: Any) -> str:
    if value is None:
        return ""
    text = _flow(value)
    if len(text) > _EXAMPLE_WIDTH:
        text = text[: _EXAMPLE_WIDTH - 1].rstrip() + "…"
    # Content text is shown as typed: escaped for Markdown and HTML, in a <code> element.
    return Markup("<code>") + escape_text(text) + Markup("</code>")


def _flow(value: Any) -> str:
    """A value as YAML would write it on one line: `[a, b]`, `{title: …, from: 2012-05-07}`."""
    if isinstance(value, model.Record):
        value = value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, str):
        return " ".join(value.split())
    return json.dumps(value)


def _plain(text: str) -> str:
    """A description from model.py as text, its `code` spans as <code>; nothing else is markup."""
    parts = " ".join(text.split()).split("`")
    out = []
    for index, part in enumerate(parts):
        escaped = escape_text(part)
        out.append(Markup("<code>") + escaped + Markup("</code>") if index % 2 else escaped)
    return "".join(out)
