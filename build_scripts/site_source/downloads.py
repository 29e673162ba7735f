"""Data files offered on the Downloads page: every record as JSON and CSV, and
the JSON Schema of each record kind.

- ``downloads/dossier.json``: everything, one list per record kind, each
  record with its id first and its fields in the model's order.
- ``downloads/<kind>.csv``: one file per record kind, one row per record,
  one column per field; nested fields become dotted columns (``date.value``),
  lists are written as JSON arrays.
- ``downloads/schema/<kind>.schema.json``: the JSON Schema of each kind.
- ``downloads/claims.bib`` and ``downloads/claims.csl.json``: every claim's
  citation, as its cite box gives it (``pages/views/citations.py``), for
  reference managers; made once the checks have found the quotes.

Ordering and formatting are fixed (records by id, two-space JSON, CRLF CSV
rows as RFC 4180 says), so the same content gives the same bytes.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from build_scripts.content import model
from build_scripts.content.load import Content
from build_scripts.content.memo import remembered

FOLDER = "downloads"
JSON_FILE = f"{FOLDER}/dossier.json"
BIBTEX_FILE = f"{FOLDER}/claims.bib"
CSL_JSON_FILE = f"{FOLDER}/claims.csl.json"

# Record kind -> (file stem, model, what a row is), in the order the page lists them.
TABLES = {
    "dossier": ("dossier", model.Dossier, "the site's title and description (one row)"),
    "stories": ("stories", model.Story, "the stories, each with its lede, topics and sources"),
    "sources": ("sources", model.Source, "source documents"),
    "actors": ("actors", model.Actor, "people, countries and organisations"),
    "topics": ("topics", model.Topic, "threads of the story"),
    "claims": ("claims", model.Claim, "statements, each with its exact quote"),
    "relations": ("relations", model.Relation, "relations between actors"),
    "glossary": ("glossary", model.GlossaryTerm, "terms, expansions and definitions"),
    "context": ("context", model.ContextEntry, "facts from outside the article, with citations"),
}
# Kinds whose id is their file name (the record itself has no id field).
_ID_FROM_FILE = {"stories", "sources", "actors", "topics"}
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class DownloadFile:
    path: str  # site path, e.g. "downloads/actors.csv"
    label: str
    description: str
    data: bytes


def records(content: Content) -> dict[str, list[dict]]:
    """Every record as plain data, by kind, in a fixed order. (Each record's data, and below its
    line of JSON and its row of CSV, are kept between the preview's runs: content/memo.py.)"""
    def dump(record: BaseModel, record_id: str | None = None) -> dict:
        return remembered("data", record, functools.partial(_dump, record, record_id), key=record_id)

    result: dict[str, list[dict]] = {"dossier": [dump(content.dossier.record)] if content.dossier else []}
    for kind in ("stories", "sources", "actors", "topics"):
        result[kind] = [dump(located.record, i) for i, located in sorted(getattr(content, kind).items())]
    result["claims"] = [dump(located.record) for _, located in sorted(content.claims.items())]
    result["relations"] = [
        dump(located.record) for located in sorted(
            content.relations, key=lambda l: (l.record.source_actor, l.record.type, l.record.target_actor))
    ]
    result["glossary"] = [dump(located.record) for _, located in sorted(content.glossary.items())]
    result["context"] = [dump(located.record) for _, located in sorted(content.context.items())]
    return result


def _dump(record: BaseModel, record_id: str | None) -> dict:
    data = record.model_dump(mode="json", by_alias=True)
    return data if record_id is None else {"id": record_id, **data}


def _json_line(item: object) -> str:
    if isinstance(item, dict):
        return remembered("json line", item, functools.partial(json.dumps, item, ensure_ascii=False))
    return json.dumps(item, ensure_ascii=False)


def json_text(data: object) -> bytes:
    """JSON to read as well as parse. The records (a mapping of lists) come
    one per line: ``indent=`` would run json's pure-Python encoder, five
    times slower than its C one, over every record of the dossier."""
    if not (isinstance(data, dict) and data and any(isinstance(value, list) for value in data.values())):
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            lines = ",\n".join("    " + _json_line(item) for item in value)
            parts.append(f"  {json.dumps(key, ensure_ascii=False)}: [\n{lines}\n  ]")
        else:
            parts.append(f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")


def columns(kind: type[BaseModel], prefix: str = "") -> list[str]:
    """Column names for a record kind: its fields in order, nested records dotted."""
    names = []
    for name, info in kind.model_fields.items():
        key = prefix + (info.alias or name)
        nested = _nested_record(info.annotation)
        names += columns(nested, key + ".") if nested else [key]
    return names


def _nested_record(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [a for a in typing.get_args(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
        return found[0] if len(found) == 1 else None
    return None


# json.dumps with these options would make a new encoder for every cell.
_JSON_CELL = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return _JSON_CELL.encode(value)
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _lookup(row: dict, parts: list[str]) -> object:
    """The value at a column's path (``date.value``: ["date", "value"]), or None."""
    value: object = row
    for part in parts:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _csv_cells(row: dict, paths: list[list[str]]) -> list[str]:
    return [_cell(_lookup(row, path)) for path in paths]


def csv_text(kind: str, rows: list[dict]) -> bytes:
    header = (["id"] if kind in _ID_FROM_FILE else []) + columns(TABLES[kind][1])
    paths = [column.split(".") for column in header]
    lines = [_csv_line(header)]
    lines += [remembered("csv line", row, functools.partial(_row_line, row, paths), key=kind) for row in rows]
    return "".join(lines).encode("utf-8")


def _row_line(row: dict, paths: list[list[str]]) -> str:
    return _csv_line(_csv_cells(row, paths))


def _csv_line(cells: list[str]) -> str:
    """One row as the csv module writes it (a row's line depends on its cells alone)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def make_download_files(content: Content) -> list[DownloadFile]:
    """The data files of ``content``'s records (they need nothing the checks find out)."""
    from build_scripts.content.schema import record_schemas

    data = records(content)
    files = [DownloadFile(JSON_FILE, "dossier.json", "every record of every kind, in one file", json_text(data))]
    for kind, (stem, _model, description) in TABLES.items():
        files.append(DownloadFile(f"{FOLDER}/{stem}.csv", f"{stem}.csv", description, csv_text(kind, data[kind])))
    for kind, schema in sorted(record_schemas().items()):
        files.append(DownloadFile(f"{FOLDER}/schema/{kind}.schema.json", f"{kind}.schema.json",
                                  f"JSON Schema of a {kind} file", json_text(schema)))
    return files


def citation_files(indexes) -> list[DownloadFile]:
    """Every claim's citation, in the order of the claims' ids, as BibTeX and as CSL-JSON. Without
    the day accessed: a file is read on other days than the one it was built."""
    from build_scripts.pages.views.citations import claim_citation
    from build_scripts.pages.views.claims import EVIDENCE_SHOWN

    citations = [claim_citation(indexes, claim_id, EVIDENCE_SHOWN, accessed=None)
                 for claim_id in sorted(indexes.content.claims)]
    bibtex = "".join(citation.bibtex + "\n\n" for citation in citations).removesuffix("\n")
    # One item a line, as json_text writes records: json's indenting encoder is the slow one.
    csl = "[\n" + ",\n".join("  " + json.dumps(c.csl, ensure_ascii=False) for c in citations) + "\n]\n"
    return [DownloadFile(BIBTEX_FILE, "claims.bib", "every claim's citation as BibTeX", bibtex.encode("utf-8")),
            DownloadFile(CSL_JSON_FILE, "claims.csl.json",
                         "every claim's citation as CSL-JSON (Zotero, Pandoc, citeproc)", csl.encode("utf-8"))]
