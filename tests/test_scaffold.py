"""`python -m build_scripts new …`: skeletons that pass the checks as written."""

from __future__ import annotations

import hashlib
import re

from build_scripts.content.schema import HEADER_PREFIX
from build_scripts.rules.check import load_and_check

from .helpers import run_cli


def warnings_about(output: str, path: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(f"warning: {path}:")]


def test_new_actor_writes_a_commented_skeleton_that_passes_the_checks(project_copy):
    result = run_cli(project_copy, "new", "actor", "Walkthrough Example Minister")
    assert result.returncode == 0, result.stderr
    assert "wrote content/actors/walkthrough-example-minister.yaml" in result.stdout
    path = project_copy / "content" / "actors" / "walkthrough-example-minister.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HEADER_PREFIX + "../../schema/actor.schema.json\n")
    assert "name: Walkthrough Example Minister\n" in text and "kind: person\n" in text
    assert len(re.findall(r"^\s*#", text, re.MULTILINE)) >= 6, "the skeleton explains its fields"

    check = run_cli(project_copy, "check")
    assert check.returncode == 0, check.stderr
    # The one warning: no claim is about the new actor yet.
    assert [w.split(": ", 2)[2] for w in warnings_about(check.stdout, "content/actors/walkthrough-example-minister.yaml")] \
        == ["no claim is about the actor 'walkthrough-example-minister'"]
    assert run_cli(project_copy, "fmt", "--check", "content/actors/walkthrough-example-minister.yaml").returncode == 0


def test_new_refuses_to_overwrite(project_copy):
    existing = sorted((project_copy / "content" / "actors").glob("*.yaml"))[0]
    before = existing.read_bytes()
    result = run_cli(project_copy, "new", "actor", "Anything", "--id", existing.stem)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"nothing was written: content/actors/{existing.name} already exists; "
                                     "edit it, or choose another id with --id")
    assert existing.read_bytes() == before


def test_new_refuses_a_name_without_letters_and_a_bad_id(project_copy):
    assert "choose one with --id" in run_cli(project_copy, "new", "topic", "—").stderr
    result = run_cli(project_copy, "new", "topic", "Fine", "--id", "Not An Id")
    assert result.returncode == 1 and "'Not An Id' is not a valid id" in result.stderr


def test_new_topic_passes_the_checks(project_copy):
    result = run_cli(project_copy, "new", "topic", "Oil & gas: what next?")
    assert result.returncode == 0, result.stderr
    path = "content/topics/oil-gas-what-next.yaml"
    text = (project_copy / path).read_text(encoding="utf-8")
    assert "title: 'Oil & gas: what next?'\n" in text  # quoted because of ': '
    check = run_cli(project_copy, "check")
    assert check.returncode == 0, check.stderr
    assert len(warnings_about(check.stdout, path)) == 1 and "no claim belongs to the topic" in check.stdout
    assert run_cli(project_copy, "fmt", "--check", path).returncode == 0


def test_new_claim_appends_to_the_topics_claims_file_and_passes_the_checks(project_copy):
    checked = load_and_check(project_copy)
    topic = sorted(checked.content.topics)[0]
    actor = sorted(checked.content.actors)[0]
    claims_file = project_copy / "content" / "claims" / f"{topic}.yaml"
    claims_file.write_text("# Hand-written notes stay.\nclaims:\n  - id: kept-claim\n"
                           "    statement: The deal was concluded.\n    evidence:\n      - source: india-s400-iranian-oil\n"
                           "        quote: concluded a multibillion-dollar deal Friday for Moscow\n"
                           f"    topics: [{topic}]\n    certainty: stated  # as the article says\n", encoding="utf-8")

    result = run_cli(project_copy, "new", "claim", "India kept buying oil; the U.S. objected.",
                     "--topic", topic, "--actor", actor, "--quote", "the U.K., all of which signed the accord")
    assert result.returncode == 0, result.stderr
    text = claims_file.read_text(encoding="utf-8")
    assert "# Hand-written notes stay." in text and "# as the article says" in text
    assert "  - id: kept-claim\n" in text
    assert "  - id: india-kept-buying-oil-the-u-s\n" in text
    assert f"    actors: [{actor}]\n    topics: [{topic}]\n" in text
    assert "quote: the U.K., all of which signed the accord\n" in text

    check = run_cli(project_copy, "check")
    assert check.returncode == 0, check.stderr
    assert not warnings_about(check.stdout, claims_file.relative_to(project_copy).as_posix())
    assert run_cli(project_copy, "fmt", "--check", claims_file.relative_to(project_copy).as_posix()).returncode == 0

    again = run_cli(project_copy, "new", "claim", "India kept buying oil; the U.S. objected.", "--topic", topic)
    assert again.returncode == 1
    assert "the claim id 'india-kept-buying-oil-the-u-s' is already used at" in again.stderr


def test_new_claim_without_a_quote_takes_the_first_sentence_no_claim_quotes(project_copy):
    checked = load_and_check(project_copy)
    topic = sorted(checked.content.topics)[0]
    result = run_cli(project_copy, "new", "claim", "A statement", "--topic", topic, "--file", "zz-new")
    assert result.returncode == 0, result.stderr
    path = project_copy / "content" / "claims" / "zz-new.yaml"
    assert path.is_file()
    assert run_cli(project_copy, "check").returncode == 0


def test_new_claim_with_a_quote_not_in_the_source_says_what_is_closest(project_copy):
    topic = sorted(load_and_check(project_copy).content.topics)[0]
    result = run_cli(project_copy, "new", "claim", "Wrong", "--topic", topic,
                     "--quote", "Modi and Putin concluded a billion-dollar deal Friday")
    assert result.returncode == 1
    assert "the quote is not in the source 'india-s400-iranian-oil'; the closest passage is:" in result.stderr
    assert "unknown" not in result.stdout
    missing_topic = run_cli(project_copy, "new", "claim", "No topic")
    assert missing_topic.returncode == 1 and "with --topic" in missing_topic.stderr


def test_new_source_fills_in_the_text_path_and_hash_and_lists_uncovered_sentences(project_copy):
    text = "A second report.\n\nIndia said it would decide on its own. Russia agreed on Friday.\n"
    (project_copy / "seeds" / "second-report.txt").write_text(text, encoding="utf-8")
    result = run_cli(project_copy, "new", "source", "seeds/second-report.txt")
    assert result.returncode == 0, result.stderr
    record = (project_copy / "content" / "sources" / "second-report.yaml").read_text(encoding="utf-8")
    assert "text: seeds/second-report.txt\n" in record
    assert f"sha256: {hashlib.sha256(text.encode()).hexdigest()}\n" in record
    assert record.count("# CHECK:") >= 5, "the placeholders are marked"
    assert "3 of 3 sentences of 'second-report' are not quoted by any claim yet:" in result.stdout
    assert "  - Russia agreed on Friday." in result.stdout

    check = run_cli(project_copy, "check")
    assert check.returncode == 0, check.stderr
    assert "coverage: second-report: 0 of 3 sentences quoted by at least one claim" in check.stdout
    assert run_cli(project_copy, "fmt", "--check", "content/sources/second-report.yaml").returncode == 0

    # Claims for the new source quote it.
    topic = sorted(load_and_check(project_copy).content.topics)[0]
    claim = run_cli(project_copy, "new", "claim", "Russia agreed.", "--topic", topic, "--source", "second-report")
    assert claim.returncode == 0, claim.stderr
    assert "coverage: second-report: 1 of 3 sentences" in run_cli(project_copy, "check").stdout


def test_new_source_refuses_a_file_outside_seeds(project_copy):
    result = run_cli(project_copy, "new", "source", "mkdocs.yml")
    assert result.returncode == 1 and "must be a .txt file directly in seeds/" in result.stderr
    assert run_cli(project_copy, "new", "source", "seeds/nothing-here.txt").returncode == 1
