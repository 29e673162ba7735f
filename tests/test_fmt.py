"""`python -m build_scripts fmt`: one stable style, comments kept, meaning unchanged."""

from __future__ import annotations

import re
import subprocess

import pytest

from build_scripts.content import model
from build_scripts.content.load import load_content
from build_scripts.content.safe_yaml import load_yaml
from build_scripts.content.schema import HEADER_PREFIX
from build_scripts.tools.fmt import format_text

from .helpers import PROJECT_ROOT, cli_in_process

ACTOR_HEADER = HEADER_PREFIX + "../../schema/actor.schema.json\n"

# An actor file as a contributor might write it: fields out of order, comments
# everywhere, needless quotes, a long line, a block list of short ids.
MESSY_ACTOR = """\
# Written by hand.
summary: "A test actor whose summary is long enough that the canonical style folds it over more than one line of text."
name: 'Test Actor'   # the name readers know
# what it is
kind: organisation
affiliation:
  - india
  - russia
aliases: ["yes", "1:20", '012', "on", "Test: the actor"]
roles:
- title: Chair
  until: 2018-12
  from: "2018"
"""


def write(root, relative, text):
    path = root / relative
    path.write_text(text, encoding="utf-8")
    return path


def comments(text: str) -> list[str]:
    """Every comment's words, in order, wherever it stands."""
    return re.findall(r"#\s*(.*\S)", text.replace(ACTOR_HEADER, ""))


def test_fmt_writes_the_canonical_style_and_keeps_every_comment(tmp_path):
    formatted = format_text(MESSY_ACTOR, model.Actor, ACTOR_HEADER.rstrip("\n"))
    assert formatted.startswith(ACTOR_HEADER + "# Written by hand.\n")
    assert comments(formatted) == comments(MESSY_ACTOR) == ["Written by hand.", "the name readers know", "what it is"]
    keys = [line.split(":")[0] for line in formatted.splitlines() if re.match(r"^[a-z_]+:", line)]
    assert keys == ["name", "kind", "aliases", "roles", "affiliation", "summary"], "fields in the model's order"
    assert "name: Test Actor" in formatted, "no needless quotes"
    assert "affiliation: [india, russia]" in formatted, "a short list of ids on one line"
    assert "  - title: Chair\n    from: '2018'\n    until: 2018-12\n" in formatted, "nested fields ordered, items indented"
    assert all(len(line) <= 100 for line in formatted.splitlines() if not line.startswith("#"))
    # Words that YAML 1.1 reads as true, a number or a time stay text.
    path = write(tmp_path, "actor.yaml", formatted)
    data, _ = load_yaml(path, "actor.yaml")
    assert data["aliases"] == ["yes", "1:20", "012", "on", "Test: the actor"]
    assert data["roles"] == [{"title": "Chair", "from": "2018", "until": "2018-12"}]


def test_fmt_is_idempotent():
    once = format_text(MESSY_ACTOR, model.Actor, ACTOR_HEADER.rstrip("\n"))
    assert format_text(once, model.Actor, ACTOR_HEADER.rstrip("\n")) == once


def test_paragraphs_become_a_block_and_long_lists_go_one_item_per_line():
    ids = [f"claim-number-{n}-with-a-long-id" for n in range(5)]
    text = 'relations:\n  - from: india\n    to: russia\n    type: buys-from\n    claims: [' + ", ".join(ids) + "]\n"
    formatted = format_text(text, model.RelationFile, None)
    assert "    claims:\n" + "".join(f"      - {i}\n" for i in ids) in formatted
    assert "  - from: india\n    type: buys-from\n    to: russia\n" in formatted

    topic = 'title: A topic\nsummary: "First paragraph.\\n\\nSecond paragraph."\n'
    assert "summary: |-\n  First paragraph.\n\n  Second paragraph.\n" in format_text(topic, model.Topic, None)


def test_fmt_over_the_whole_content_changes_no_record_and_a_second_run_changes_nothing(project_copy):
    before = load_content(project_copy)
    result = cli_in_process(project_copy, "fmt")
    assert result.returncode == 0, result.stderr
    after = load_content(project_copy)
    for table in ("sources", "actors", "topics", "claims", "glossary", "context"):
        assert {k: v.record for k, v in getattr(after, table).items()} == \
               {k: v.record for k, v in getattr(before, table).items()}, table
    assert [r.record for r in after.relations] == [r.record for r in before.relations]
    assert after.dossier.record == before.dossier.record

    again = cli_in_process(project_copy, "fmt", "--check")
    assert again.returncode == 0, again.stdout
    assert cli_in_process(project_copy, "check").returncode == 0


@pytest.mark.slow  # applies the printed diff with git
def test_fmt_check_lists_drift_and_changes_nothing(project_copy):
    cli_in_process(project_copy, "fmt")
    path = write(project_copy, "content/actors/zz-messy.yaml", MESSY_ACTOR.replace("[india, russia]", "[]")
                 .replace("  - india\n  - russia\n", ""))
    before = path.read_bytes()
    result = cli_in_process(project_copy, "fmt", "--check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "would reformat content/actors/zz-messy.yaml"
    assert path.read_bytes() == before
    # What would change, as a unified diff that applies as it stands.
    assert "--- a/content/actors/zz-messy.yaml\n+++ b/content/actors/zz-messy.yaml\n@@ " in result.stdout
    assert "\n-summary: \"A test actor" in result.stdout and "\n+summary: A test actor" in result.stdout
    applied = subprocess.run(["git", "apply", "-"], input=result.stdout, cwd=project_copy, text=True,
                             capture_output=True, check=False)
    assert applied.returncode == 0, applied.stderr
    assert cli_in_process(project_copy, "fmt", "--check").returncode == 0
    path.write_bytes(before)

    github = cli_in_process(project_copy, "--format", "github", "fmt", "--check")
    assert github.returncode == 1
    assert github.stdout.strip() == ("::error file=content/actors/zz-messy.yaml,line=1,col=1,title=Dossier content::"
                                     "this file is not in the canonical format — hint: run `python -m build_scripts fmt`")

    assert cli_in_process(project_copy, "fmt", "content/actors/zz-messy.yaml").returncode == 0
    assert cli_in_process(project_copy, "fmt", "--check").returncode == 0


def test_fmt_leaves_a_file_it_cannot_read_untouched(project_copy):
    path = write(project_copy, "content/actors/zz-broken.yaml", "name: Broken\nkind: [unclosed\n")
    result = cli_in_process(project_copy, "fmt", "content/actors/zz-broken.yaml")
    assert result.returncode == 1
    assert re.search(r"content/actors/zz-broken\.yaml:\d+:\d+: YAML syntax error", result.stderr), result.stderr
    assert path.read_text() == "name: Broken\nkind: [unclosed\n"


def test_fmt_refuses_files_outside_content(project_copy):
    result = cli_in_process(project_copy, "fmt", "mkdocs.yml")
    assert result.returncode == 1
    assert "mkdocs.yml:1:1: not a content file" in result.stderr


def test_fmt_keeps_comments_in_a_real_claims_file(project_copy):
    claims = sorted((project_copy / "content" / "claims").glob("*.yaml"))[0]
    text = claims.read_text(encoding="utf-8")
    # A contributor's comments, above a claim, at the end of a line, inside a claim.
    first_id = re.search(r"- id: (\S+)", text)
    text = text.replace(first_id.group(0), f"# reviewed twice\n  {first_id.group(0)}  # keep this id", 1)
    text = text.replace("    certainty:", "    # how sure the article is\n    certainty:", 1)
    claims.write_text(text, encoding="utf-8")
    assert cli_in_process(project_copy, "fmt", claims.relative_to(project_copy).as_posix()).returncode == 0
    formatted = claims.read_text(encoding="utf-8")
    for comment in ("# reviewed twice", "# keep this id", "# how sure the article is"):
        assert comment in formatted
    assert cli_in_process(project_copy, "check").returncode == 0


def test_the_committed_content_is_in_canonical_form_with_its_schema_line():
    """What CI's format check enforces: every content file as `fmt` writes it."""
    result = cli_in_process(PROJECT_ROOT, "fmt", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def _in_the_old_form(text: str) -> str:
    """A claims file as claims were written before they could rest on several sources:
    `source`, `quote` and `occurrence` beside the statement (one piece of evidence)."""
    text = re.sub(r"\n    evidence:\n      - source:", "\n    source:", text)
    lines, out, inside = text.split("\n"), [], False
    for line in lines:
        if line.startswith("    source:"):
            inside = True
            out.append(line)
            continue
        if inside and line.startswith("        "):
            out.append(line[4:])
            continue
        inside = False
        out.append(line)
    return "\n".join(out)


def test_fmt_moves_every_claims_quote_of_the_old_form_under_evidence_and_loses_nothing(project_copy):
    claims = sorted((project_copy / "content" / "claims").glob("*.yaml"))
    today = {path: path.read_text(encoding="utf-8") for path in claims}
    for path, text in today.items():
        old = _in_the_old_form(text)
        assert "evidence:" not in old and "\n    quote:" in old
        path.write_text(old, encoding="utf-8")
    refused = cli_in_process(project_copy, "check")
    assert refused.returncode == 1
    assert "'source' is now written under 'evidence'" in refused.stderr
    assert "`python -m build_scripts fmt` rewrites the file so" in refused.stderr
    assert "missing required field 'evidence'" not in refused.stderr

    assert cli_in_process(project_copy, "fmt").returncode == 0
    # Byte for byte today's files: every statement, quote, occurrence and comment is kept.
    assert {path: path.read_text(encoding="utf-8") for path in claims} == today
    migrated, original = load_content(project_copy), load_content(PROJECT_ROOT)
    assert {i: c.record for i, c in migrated.claims.items()} == {i: c.record for i, c in original.claims.items()}
