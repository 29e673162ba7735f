"""Errors people understand: each names the file, line and column, the field,
what was expected and what was found, and the fix; with `--format github`
they are GitHub Actions annotations in GitHub's documented syntax."""

from __future__ import annotations

import re

import pytest

from build_scripts.content.problems import DossierError, Mark, Problem
from build_scripts.rules.check import load_and_check

from .helpers import cli_in_process

# GitHub's workflow command: ::error file={name},line={line},col={col},title={title}::{message}
# Property values escape % CR LF : , and the message escapes % CR LF
# (docs.github.com, "Workflow commands for GitHub Actions"; @actions/core escapeProperty / escapeData).
ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) "
    r"file=(?P<file>[^,:\r\n]*),line=(?P<line>[1-9]\d*),col=(?P<col>[1-9]\d*),title=(?P<title>[^,:\r\n]*)"
    r"::(?P<message>[^\r\n]*)$"
)


def unescape(value: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]], value)


def test_an_annotation_escapes_what_github_documents():
    problem = Problem(Mark("content/claims/a,b:c%d.yaml", 12, 7), "50% of\r\nthe text: 'x', said y",
                      "use 100%: really", "claims.0.quote")
    line = problem.as_github()
    match = ANNOTATION.match(line)
    assert match, line
    assert match["level"] == "error"
    assert unescape(match["file"]) == "content/claims/a,b:c%d.yaml"
    assert (match["line"], match["col"]) == ("12", "7")
    assert unescape(match["title"]) == "Dossier content"
    assert unescape(match["message"]) == "50% of\r\nthe text: 'x', said y (field: claims.0.quote) — hint: use 100%: really"
    assert "%0D%0A" in match["message"] and "%25" in match["message"]
    # a message keeps ':' and ',' as they are: only properties escape them
    assert ": 'x', said" in match["message"]


def test_warnings_are_warning_annotations():
    problem = Problem(Mark("content/actors/x.yaml", 1, 1), "no claim is about the actor 'x'", "add it")
    assert problem.as_github("warning").startswith("::warning file=content/actors/x.yaml,line=1,col=1,")
    assert ANNOTATION.match(problem.as_github("warning"))
    with pytest.raises(ValueError):
        problem.as_github("fatal")


def test_the_cli_prints_every_problem_and_warning_as_an_annotation(project_copy):
    actors = project_copy / "content" / "actors"
    (actors / "zz-lonely.yaml").write_text("name: Lonely, really\nkind: person\nsummary: Nobody mentions it.\n")
    ok = cli_in_process(project_copy, "--format", "github", "check")
    assert ok.returncode == 0, ok.stderr
    annotations = [line for line in ok.stdout.splitlines() if line.startswith("::")]
    assert annotations and all(ANNOTATION.match(line)["level"] == "warning" for line in annotations)
    assert any("file=content/actors/zz-lonely.yaml,line=1,col=1," in line and "no claim is about the actor 'zz-lonely'" in line
               for line in annotations)
    for line in ok.stdout.splitlines():
        assert line.startswith(("::warning ", "coverage: ")), line

    (actors / "zz-broken.yaml").write_text("name: Broken\nkind: organization\nsummary: x\nalias: [a]\n")
    broken = cli_in_process(project_copy, "--format", "github", "check")
    assert broken.returncode == 1
    lines = broken.stderr.splitlines()
    assert len(lines) == 2
    for line in lines:
        match = ANNOTATION.match(line)
        assert match and match["level"] == "error", line
        assert match["file"] == "content/actors/zz-broken.yaml"
    assert ANNOTATION.match(lines[0])["line"] == "2" and "did you mean 'organisation'?" in lines[0]
    assert ANNOTATION.match(lines[1])["line"] == "4" and "unknown field 'alias'" in lines[1]


# -- the standard every message meets ------------------------------------------

CLAIMS = """\
claims:
  - id: zz-first
    statement: The deal was concluded on Friday.
    evidence:
      - source: india-s400-iranian-oil
        quote: concluded a multibillion-dollar deal Friday for Moscow
    actors: [russia]
    topics: [{topic}]
    certainty: stated
    added: 2026-11-26
"""

# name -> (what to change in CLAIMS, by what, the field, words the message and hint must hold)
CASES = {
    "unknown actor": ("actors: [russia]", "actors: [russa]", "claims.0.actors.0", ["unknown actor 'russa'", "did you mean 'russia'?",
                                                                                 "If it is a new actor, add it: `python -m build_scripts new actor \"its name\" --id russa`"]),
    "quote not in source": ("quote: concluded a multibillion-dollar deal Friday", "quote: signed a multibillion-dollar deal Friday",
                            "claims.0.evidence.0.quote", ["this quote is not in the source", "the closest passage is: \"", "concluded a multibillion-dollar deal",
                                                          "the quote first differs from it at word 1: the quote has \"[signed] a multibillion-dollar",
                                                          "where the source has \"[concluded] a multibillion-dollar"]),
    "quote with a word missing": ("quote: concluded a multibillion-dollar deal Friday", "quote: concluded a deal Friday",
                                  "claims.0.evidence.0.quote", ["first differs from it at word 3", "the quote has \"concluded a [] deal Friday",
                                                                "the source has \"concluded a [multibillion-dollar] deal Friday"]),
    # Single curly quotes where the source has double ones: matching forgives curly for straight, not ' for ".
    "only quote marks differ": ("quote: concluded a multibillion-dollar deal Friday for Moscow",
                                "quote: the country's \u2018special and privileged strategic partnership\u2019 with Russia",
                                "claims.0.evidence.0.quote", ["this quote is not in the source", "only the quote marks differ from the source",
                                                              "(the quote has \u2018 where the source has \")",
                                                              "the source has: the country's \"special and privileged strategic partnership\" with Russia"]),
    "only dashes differ": ("quote: concluded a multibillion-dollar deal", "quote: concluded a multibillion\u2014dollar deal",
                           "claims.0.evidence.0.quote", ["only the dashes differ", "(the quote has \u2014 where the source has -)"]),
    "quotation in quote marks": ("    certainty: stated\n", "    certainty: stated\n    quotation: {{text: '\u201cmultibillion-dollar deal\u201d', "
                                 "speakers: [russia], occasion: x}}\n",
                                 "claims.0.quotation.text", ["the quotation's text is written with its quote marks (\u201c \u2026 \u201d)",
                                                             "write it without them", "'text: multibillion-dollar deal'"]),
    "weekday that is not the date's": ("    certainty: stated\n", "    certainty: stated\n    date: {{value: 2018-10-04, basis: relative, said_as: Friday}}\n",
                                       "claims.0.date.said_as", ["'Friday' names a Friday, but 2018-10-04 is a Thursday",
                                                                 "the Friday before it is 2018-09-28, the one after it 2018-10-05"]),
    "unknown field": ("    certainty: stated", "    certainty: stated\n    certainity: high", "claims.0.certainity",
                      ["unknown field 'certainity'", "did you mean 'certainty'?", "allowed fields here: id, statement"]),
    "wrong value": ("certainty: stated", "certainty: certain", "claims.0.certainty",
                    ["'certain' is not one of the allowed values", "allowed: stated, attributed, reported, alleged"]),
    "missing field": ("    certainty: stated\n", "", "claims.0.certainty", ["missing required field 'certainty'", "add 'certainty:'"]),
    "wrong type": ("actors: [russia]", "actors: russia", "claims.0.actors", ["expected a list, found 'russia'", "write a list"]),
    "bad id": ("id: zz-first", "id: ZZ First", "claims.0.id", ["'ZZ First' is not a valid id", "e.g. 'zz-first'"]),
    "unknown topic": ("topics: [{topic}]", "topics: [no-such-topic]", "claims.0.topics.0", ["unknown topic 'no-such-topic'", "use the id of an existing topic (",
                                                                                                  "or add the topic: `python -m build_scripts new topic \"its title\" --id no-such-topic`"]),
    "empty text": ("statement: The deal was concluded on Friday.", "statement: ''", "claims.0.statement",
                   ["expected text, found an empty value", "write the text"]),
    "date after publication": ("    certainty: stated\n", "    certainty: stated\n    date: {{value: 2018-11-09, basis: relative, said_as: Friday}}\n",
                               "claims.0.date.value", ["2018-11-09 is after the source's publication date", "counts back from the publication date"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_message_names_place_field_expectation_finding_and_fix(project_copy, case):
    old, new, field, words = CASES[case]
    topic = sorted(load_and_check(project_copy).content.topics)[0]
    claims = CLAIMS.format(topic=topic)
    assert old.format(topic=topic) in claims
    (project_copy / "content" / "claims" / "zz-case.yaml").write_text(
        claims.replace(old.format(topic=topic), new.format(topic=topic), 1), encoding="utf-8")
    with pytest.raises(DossierError) as raised:
        load_and_check(project_copy)
    problems = [p for p in raised.value.problems if p.mark.path == "content/claims/zz-case.yaml"]
    assert len(problems) == 1, [p.as_text() for p in raised.value.problems]
    problem = problems[0]
    text = problem.as_text()
    assert re.match(r"content/claims/zz-case\.yaml:\d+:\d+: ", text)
    assert problem.field == field
    assert f"(field: {field})" in text or f"'{field}'" in text
    assert problem.hint, "every problem here says how to mend it"
    for word in words:
        assert word in text, f"{word!r} not in:\n{text}"


def test_a_problem_points_at_the_line_and_column_of_the_value(project_copy):
    topic = sorted(load_and_check(project_copy).content.topics)[0]
    (project_copy / "content" / "claims" / "zz-case.yaml").write_text(
        CLAIMS.format(topic=topic).replace("actors: [russia]", "actors: [russia, russa]"), encoding="utf-8")
    result = cli_in_process(project_copy, "check")
    assert "content/claims/zz-case.yaml:7:22: unknown actor 'russa' (field: claims.0.actors.1)\n" \
           "    hint: did you mean 'russia'?" in result.stderr


def test_a_tab_inside_a_value_is_reported_as_a_tab_at_its_own_column(project_copy):
    (project_copy / "content" / "actors" / "zz-tab.yaml").write_text(
        "name: Tab Actor\nkind: organisation\nsummary: An actor whose summary\n  has a\ttab on its second line.\n"
        'aliases: ["Tab\\tActor"]\n', encoding="utf-8")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert "content/actors/zz-tab.yaml:4:8: contains a tab (U+0009) (field: summary)\n" \
           "    hint: replace the tab by a space" in result.stderr
    # Written as the escape \t in a double-quoted value: the escape's place.
    assert "content/actors/zz-tab.yaml:5:15: contains a tab (U+0009) (field: aliases.0)" in result.stderr
    assert "control character U+0009" not in result.stderr


def test_a_weekday_an_external_date_explains_is_not_refused(project_copy):
    """The ICJ's order is dated Wednesday 3 October 2018; the article says "Thursday", and the claim's
    external date says why in its explanation: the check lets it be (the real content has this case)."""
    claims = (project_copy / "content" / "claims" / "icj-ruling.yaml").read_text(encoding="utf-8")
    assert "said_as: Thursday" in claims and "value: 2018-10-03" in claims and "explanation:" in claims
    load_and_check(project_copy)


def test_a_quote_not_found_hides_the_errors_that_follow_from_it(project_copy):
    """A misspelt quote is the one error: the figure and the date take their words from the
    quote as the source has it, and a message about them would ask to change what is right."""
    topic = sorted(load_and_check(project_copy).content.topics)[0]
    claims = CLAIMS.format(topic=topic).replace(
        "quote: concluded a multibillion-dollar deal Friday for Moscow",
        "quote: concluded a multibilion-dollar deal Fridya for Moscow").replace(
        "    certainty: stated\n",
        "    certainty: stated\n"
        "    figures: [{said_as: multibillion-dollar, unit: US dollars, measures: the deal's value}]\n"
        "    date: {value: 2018-10-05, basis: relative, said_as: Friday}\n")
    (project_copy / "content" / "claims" / "zz-case.yaml").write_text(claims, encoding="utf-8")
    with pytest.raises(DossierError) as raised:
        load_and_check(project_copy)
    problems = [p.as_text() for p in raised.value.problems if p.mark.path == "content/claims/zz-case.yaml"]
    assert len(problems) == 1, problems
    assert "this quote is not in the source 'india-s400-iranian-oil'" in problems[0]

    # Once the quote is mended, a figure that is not in it is reported again.
    (project_copy / "content" / "claims" / "zz-case.yaml").write_text(
        claims.replace("multibilion-dollar deal Fridya", "multibillion-dollar deal Friday")
        .replace("said_as: multibillion-dollar", "said_as: two-billion-dollar"), encoding="utf-8")
    with pytest.raises(DossierError) as raised:
        load_and_check(project_copy)
    problems = [p.as_text() for p in raised.value.problems if p.mark.path == "content/claims/zz-case.yaml"]
    assert len(problems) == 1 and "'two-billion-dollar' is not part of the claim's quote" in problems[0], problems


def test_a_text_in_seeds_without_a_source_record_is_reported(project_copy):
    (project_copy / "seeds" / "zz-forgotten.txt").write_text("A text nobody recorded.\n", encoding="utf-8")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 0, result.stderr
    assert ("warning: seeds/zz-forgotten.txt:1:1: this text has no source record, so the dossier does not use it\n"
            "    hint: record it: `python -m build_scripts new source seeds/zz-forgotten.txt` with the options "
            "`python -m build_scripts new source --help` lists; or delete the file") in result.stdout
    assert "seeds/india-s400-iranian-oil.txt" not in result.stdout, "a recorded text is not reported"


def test_a_publisher_no_claim_is_about_is_not_warned_about(project_copy):
    """Its page lists what it published: it is no orphan."""
    assert cli_in_process(project_copy, "new", "actor", "Zz Agency", "--kind", "media",
                          "--summary", "An agency invented for the test.").returncode == 0
    lonely = cli_in_process(project_copy, "check")
    assert "no claim is about the actor 'zz-agency'" in lonely.stdout
    source = project_copy / "content" / "sources" / "india-s400-iranian-oil.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\npublisher: mehr-news-agency\n", "\npublisher: zz-agency\n"), encoding="utf-8")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 0, result.stderr
    assert "no claim is about the actor 'zz-agency'" not in result.stdout
