"""Editor help: the JSON Schema of every record kind, generated from the model.

The committed files in schema/ must equal what the model gives now, every
content file must pass its kind's schema, and the schema must refuse what the
model refuses, so that an editor underlines a mistake before `check` does.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from build_scripts.content import model
from build_scripts.content.load import content_files, kind_of
from build_scripts.content.safe_yaml import load_yaml
from build_scripts.content.schema import (
    HEADER_PREFIX,
    header_line,
    record_schemas,
    schema_files,
)

from .helpers import PROJECT_ROOT, cli_in_process

SCHEMAS = record_schemas()


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMAS[kind])


def content_documents() -> list[tuple[str, str, object]]:
    """(path, kind, data) of every content file, read as the dossier reads them."""
    documents = []
    for path in content_files(PROJECT_ROOT):
        kind = kind_of(path.relative_to(PROJECT_ROOT / "content"))
        data, _ = load_yaml(path, path.relative_to(PROJECT_ROOT).as_posix())
        documents.append((path.relative_to(PROJECT_ROOT).as_posix(), kind, data))
    return documents


def test_there_is_one_schema_per_record_kind():
    assert set(SCHEMAS) == set(model.RECORD_KINDS)
    for kind, schema in SCHEMAS.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["additionalProperties"] is False, kind


def test_the_committed_schema_files_are_what_the_model_gives_now():
    stale = [path for path, text in schema_files().items()
             if not (PROJECT_ROOT / path).is_file() or (PROJECT_ROOT / path).read_text(encoding="utf-8") != text]
    assert not stale, f"{stale} are out of date: run `python -m build_scripts schema`"
    committed = sorted(p.relative_to(PROJECT_ROOT).as_posix() for p in (PROJECT_ROOT / "schema").glob("*.json"))
    assert committed == sorted(schema_files()), "schema/ holds files the model does not produce"
    assert cli_in_process(PROJECT_ROOT, "schema", "--check").returncode == 0


def test_the_schema_command_rewrites_a_stale_file(project_copy):
    (project_copy / "schema" ).mkdir(exist_ok=True)
    (project_copy / "schema" / "actor.schema.json").write_text("{}\n")
    assert cli_in_process(project_copy, "schema", "--check").returncode == 1
    result = cli_in_process(project_copy, "schema")
    assert result.returncode == 0, result.stderr
    assert (project_copy / "schema" / "actor.schema.json").read_text() == schema_files()["schema/actor.schema.json"]
    assert cli_in_process(project_copy, "schema", "--check").returncode == 0


@pytest.mark.parametrize("path,kind,data", content_documents(), ids=lambda v: v if isinstance(v, str) and "/" in v else "")
def test_every_content_file_passes_its_schema(path, kind, data):
    errors = sorted(validator(kind).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, f"{path}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


def first(kind: str) -> dict:
    """A valid document of ``kind`` from the real content, to break."""
    return copy.deepcopy(next(data for _, k, data in content_documents() if k == kind))


def breakages():
    """(name, kind, how to break a valid document). The model must refuse each one too."""
    def unknown_field(doc):
        doc["sumary"] = doc.pop("summary")

    def bad_kind(doc):
        doc["kind"] = "organization"

    def bad_slug(doc):
        doc["affiliation"] = ["New Delhi"]

    def missing_quote(doc):
        del doc["claims"][0]["evidence"][0]["quote"]

    def topics_not_a_list(doc):
        doc["claims"][0]["topics"] = doc["claims"][0]["topics"][0]

    def no_topics(doc):
        doc["claims"][0]["topics"] = []

    def bad_certainty(doc):
        doc["claims"][0]["certainty"] = "certain"

    def bad_date(doc):
        doc["published"]["value"] = "5 October 2018"

    def bad_sha(doc):
        doc["sha256"] = "not-a-hash"

    def bad_relation_type(doc):
        doc["relations"][0]["type"] = "likes"

    def nested_unknown_field(doc):
        doc["licence"]["link"] = doc["licence"].pop("url")

    def text_as_number(doc):
        doc["title"] = 2018

    return [
        ("unknown field", "actor", unknown_field),
        ("unknown kind", "actor", bad_kind),
        ("id with capitals and a space", "actor", bad_slug),
        ("missing quote", "claims", missing_quote),
        ("topics not a list", "claims", topics_not_a_list),
        ("no topics", "claims", no_topics),
        ("unknown certainty", "claims", bad_certainty),
        ("date in words", "source", bad_date),
        ("malformed sha256", "source", bad_sha),
        ("unknown relation type", "relations", bad_relation_type),
        ("unknown nested field", "source", nested_unknown_field),
        ("number where text belongs", "topic", text_as_number),
    ]


@pytest.mark.parametrize("name,kind,breaker", breakages(), ids=[b[0] for b in breakages()])
def test_the_schema_refuses_what_the_model_refuses(name, kind, breaker):
    document = first(kind)
    assert validator(kind).is_valid(document)
    breaker(document)
    assert not validator(kind).is_valid(document), f"the schema accepts a document with {name}"
    with pytest.raises(ValidationError):
        model.RECORD_KINDS[kind].model_validate(document)


def test_a_year_written_as_a_bare_number_is_a_date_for_both():
    document = first("source")
    document["published"]["value"] = 2018
    assert validator("source").is_valid(document)
    model.Source.model_validate(document)


def test_the_header_line_points_from_each_folder_to_its_schema():
    assert header_line(Path("actors/russia.yaml"), "actor") == HEADER_PREFIX + "../../schema/actor.schema.json"
    assert header_line(Path("claims/s400-deal.yaml"), "claims") == HEADER_PREFIX + "../../schema/claims.schema.json"
    assert header_line(Path("dossier.yaml"), "dossier") == HEADER_PREFIX + "../schema/dossier.schema.json"
    # and the path leads to the file, seen from where the content file lives
    for path in content_files(PROJECT_ROOT):
        relative = path.relative_to(PROJECT_ROOT / "content")
        target = header_line(relative, kind_of(relative)).removeprefix(HEADER_PREFIX)
        assert (path.parent / target).resolve().is_file(), target


def test_check_reports_a_missing_header_line_with_its_fix(project_copy):
    actor = project_copy / "content" / "actors" / "russia.yaml"
    lines = actor.read_text(encoding="utf-8").splitlines(keepends=True)
    actor.write_text("".join(line for line in lines if not line.startswith(HEADER_PREFIX)), encoding="utf-8")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 0, result.stderr  # a warning for now (schema.MISSING_HEADER_IS_AN_ERROR)
    assert re.search(
        r"^warning: content/actors/russia\.yaml:1:1: the first line should be the schema line "
        r"'# yaml-language-server: \$schema=\.\./\.\./schema/actor\.schema\.json'.*\n"
        r"    hint: run `python -m build_scripts fmt` to add it$", result.stdout, re.MULTILINE), result.stdout

    github = cli_in_process(project_copy, "--format", "github", "check")
    assert re.search(r"^::warning file=content/actors/russia\.yaml,line=1,col=1,title=Dossier content::"
                     r"the first line should be the schema line", github.stdout, re.MULTILINE), github.stdout

    assert cli_in_process(project_copy, "fmt", "content/actors/russia.yaml").returncode == 0
    assert actor.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/actor.schema.json\n")
    assert "content/actors/russia.yaml:1:1" not in cli_in_process(project_copy, "check").stdout


def test_a_wrong_header_line_is_reported_and_repaired(project_copy):
    topic = next((project_copy / "content" / "topics").glob("*.yaml"))
    body = "".join(l for l in topic.read_text(encoding="utf-8").splitlines(keepends=True) if not l.startswith(HEADER_PREFIX))
    topic.write_text(HEADER_PREFIX + "../schema/topic.schema.json\n" + body, encoding="utf-8")
    result = cli_in_process(project_copy, "check")
    display = topic.relative_to(project_copy).as_posix()
    assert f"{display}:1:1: the first line should be" in result.stdout
    assert "(found '# yaml-language-server: $schema=../schema/topic.schema.json')" in result.stdout
    cli_in_process(project_copy, "fmt", display)
    assert topic.read_text(encoding="utf-8").splitlines()[0] == HEADER_PREFIX + "../../schema/topic.schema.json"
    assert f"{display}:1:1" not in cli_in_process(project_copy, "check").stdout


def test_the_schema_files_are_stable_json():
    for path, text in schema_files().items():
        assert json.loads(text) == SCHEMAS[Path(path).name.removesuffix(".schema.json")]
        assert text.endswith("}\n") and "\r" not in text
