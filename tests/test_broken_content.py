"""A contributor who breaks a file is told where and how to mend it, the build
stops with exit status 1, and the previous site/ is left exactly as it was."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .helpers import build_site, cli_in_process, tree_digest

ACTOR = """\
name: Test Actor
kind: organisation
summary: An actor that exists only in this test.
"""
TOPIC = """\
title: Test topic
summary: A topic that exists only in this test.
"""
# A valid claims file; each case below changes one thing in it.
CLAIMS = """\
claims:
  - id: test-claim-one
    statement: India signed a deal for the S-400 system.
    evidence:
      - source: india-s400-iranian-oil
        quote: concluded a multibillion-dollar deal Friday for Moscow
    actors: [test-actor]
    topics: [test-topic]
    certainty: stated
    date:
      value: 2018-10-05
      basis: relative
      said_as: Friday
    added: 2026-11-26
  - id: test-claim-two
    statement: The U.S. exit was opposed by several signatories.
    evidence:
      - source: india-s400-iranian-oil
        quote: The U.S. exit has been met with opposition from China and Russia
    actors: [test-actor]
    topics: [test-topic]
    certainty: stated
    added: 2026-11-26
"""

# name -> (what to replace in CLAIMS, by what, expected "line:col: message" start)
CASES = {
    "unknown reference": (
        "    actors: [test-actor]\n    topics: [test-topic]\n    certainty: stated\n    date",
        "    actors: [test-actr]\n    topics: [test-topic]\n    certainty: stated\n    date",
        r"7:14: unknown actor 'test-actr' \(field: claims\.0\.actors\.0\)\n    hint: did you mean 'test-actor'\?",
    ),
    "duplicate id": ("id: test-claim-two", "id: test-claim-one", r"15:9: duplicate id 'test-claim-one' .* \(field: claims\.1\.id\)"),
    "quote not in source": (
        "quote: The U.S. exit has been met",
        "quote: The U.S. exit was met",
        r"19:16: this quote is not in the source 'india-s400-iranian-oil' \(field: claims\.1\.evidence\.0\.quote\)\n    hint: .*closest passage is: \"The U.S. exit has been met",
    ),
    "ambiguous quote": (
        "quote: concluded a multibillion-dollar deal Friday for Moscow",
        "quote: Friday",
        r"6:16: this quote occurs 4 times in the source",
    ),
    "bad date": ("value: 2018-10-05", "value: 2018-13-05", r"11:14: '2018-13-05' is not a real date .*\(field: claims\.0\.date\.value\)"),
    "unknown field": (
        "    statement: The U.S. exit",
        "    statment: The U.S. exit",
        r"16:15: unknown field 'statment' \(field: claims\.1\.statment\)\n    hint: did you mean 'statement'\?",
    ),
    "missing field": ("    certainty: stated\n", "", r"2:5: missing required field 'certainty' \(field: claims\.0\.certainty\)"),
    "YAML syntax error": (
        "    statement: India signed a deal for the S-400 system.",
        "    statement: India signed: a deal",
        r"3:28: YAML syntax error: mapping values are not allowed in this context\n    hint: a value containing .: . must be put in quotes",
    ),
    "wrong type": ("    topics: [test-topic]\n    certainty: stated\n    date", "    topics: test-topic\n    certainty: stated\n    date",
                   r"8:13: expected a list, found 'test-topic' \(field: claims\.0\.topics\)\n    hint: write a list"),
    "date after publication": ("value: 2018-10-05", "value: 2018-10-09",
                               r"11:14: 2018-10-09 is after the source's publication date"),
    "figure not in quote": ("      said_as: Friday\n", "      said_as: Friday\n    figures:\n      - said_as: 5 billion\n        unit: dollars\n        measures: value\n",
                            r"15:18: '5 billion' is not part of the claim's quote \(field: claims\.0\.figures\.0\.said_as\)"),
}


def write_test_content(root: Path, claims: str) -> None:
    (root / "content" / "actors" / "test-actor.yaml").write_text(ACTOR)
    (root / "content" / "topics" / "test-topic.yaml").write_text(TOPIC)
    (root / "content" / "claims" / "zz-test.yaml").write_text(claims)


def test_the_unbroken_test_content_builds(project_copy):
    write_test_content(project_copy, CLAIMS)
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_file_is_reported_by_the_check(project_copy, case):
    old, new, expected = CASES[case]
    assert old in CLAIMS
    write_test_content(project_copy, CLAIMS.replace(old, new, 1))
    check = cli_in_process(project_copy, "check")
    assert check.returncode == 1
    assert re.search(r"content/claims/zz-test\.yaml:" + expected, check.stderr), check.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_file_stops_the_build_and_the_site_is_left_untouched(project_copy, built_site, case):
    old, new, expected = CASES[case]
    site = project_copy / "site"
    shutil.copytree(built_site, site)  # the previous site: the project's, built once per session
    before = tree_digest(site)

    write_test_content(project_copy, CLAIMS.replace(old, new, 1))
    result = build_site(project_copy, site)

    assert result.returncode == 1
    assert re.search(r"content/claims/zz-test\.yaml:" + expected, result.stderr), result.stderr
    assert tree_digest(site) == before
    assert not list(project_copy.glob(".site*")), "a temporary build folder was left behind"


def test_every_problem_is_reported_at_once(project_copy):
    broken = CLAIMS.replace("actors: [test-actor]", "actors: [nobody]").replace("quote: The U.S. exit has", "quote: Nowhere")
    write_test_content(project_copy, broken)
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert result.stderr.count("content/claims/zz-test.yaml:") == 3
    assert "3 problems found" in result.stderr


def test_a_broken_actor_file_points_at_its_own_line(project_copy):
    write_test_content(project_copy, CLAIMS)
    (project_copy / "content" / "actors" / "test-actor.yaml").write_text(ACTOR.replace("kind: organisation", "kind: organization"))
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert "content/actors/test-actor.yaml:2:7: 'organization' is not one of the allowed values (field: kind)" in result.stderr
    assert "did you mean 'organisation'?" in result.stderr


def test_an_edited_seed_text_is_refused(project_copy):
    seed = project_copy / "seeds" / "india-s400-iranian-oil.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Friday", b"Saturday", 1))
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert re.search(r"content/sources/india-s400-iranian-oil\.yaml:\d+:\d+: 'seeds/india-s400-iranian-oil\.txt' has changed", result.stderr)


def test_problems_can_be_printed_as_github_annotations(project_copy):
    write_test_content(project_copy, CLAIMS.replace("actors: [test-actor]", "actors: [nobody]", 1))
    result = cli_in_process(project_copy, "--format", "github", "check")
    assert result.returncode == 1
    assert re.fullmatch(
        r"::error file=content/claims/zz-test\.yaml,line=7,col=14,title=Dossier content::unknown actor 'nobody'.*\n",
        result.stderr,
    ), result.stderr
