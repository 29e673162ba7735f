"""`python -m build_scripts new …`: skeletons that pass the checks as written.
The commands run in-process (helpers.cli_in_process); one test runs `new` as a
process of its own, as a contributor does."""

from __future__ import annotations

import hashlib
import re

import pytest

from build_scripts.content.schema import HEADER_PREFIX
from build_scripts.rules.check import load_and_check

from .helpers import build_site, cli_in_process, run_cli


def warnings_about(output: str, path: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(f"warning: {path}:")]


def test_new_actor_writes_a_commented_skeleton_that_passes_the_checks(project_copy):
    result = cli_in_process(project_copy, "new", "actor", "Walkthrough Example Minister")
    assert result.returncode == 0, result.stderr
    assert "wrote content/actors/walkthrough-example-minister.yaml" in result.stdout
    path = project_copy / "content" / "actors" / "walkthrough-example-minister.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HEADER_PREFIX + "../../schema/actor.schema.json\n")
    assert "name: Walkthrough Example Minister\n" in text and "kind: person\n" in text
    assert len(re.findall(r"^\s*#", text, re.MULTILINE)) >= 6, "the skeleton explains its fields"

    check = cli_in_process(project_copy, "check")
    assert check.returncode == 0, check.stderr
    # Two warnings: no claim is about the new actor yet, and its summary is still a placeholder.
    assert [w.split(": ", 2)[2] for w in warnings_about(check.stdout, "content/actors/walkthrough-example-minister.yaml")] \
        == ["no claim is about the actor 'walkthrough-example-minister'",
            "this text is still a placeholder: \"Placeholder: who Walkthrough Example Minister is, in one or two "
            "neutral sentences.\" (field: summary)"]
    assert cli_in_process(project_copy, "fmt", "--check", "content/actors/walkthrough-example-minister.yaml").returncode == 0


@pytest.mark.slow  # the command as a process of its own: its exit status and its stderr
def test_new_refuses_to_overwrite(project_copy):
    existing = sorted((project_copy / "content" / "actors").glob("*.yaml"))[0]
    before = existing.read_bytes()
    result = run_cli(project_copy, "new", "actor", "Anything", "--id", existing.stem)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"nothing was written: content/actors/{existing.name} already exists; "
                                     "edit it, or choose another id with --id")
    assert existing.read_bytes() == before


def test_new_refuses_a_name_without_letters_and_a_bad_id(project_copy):
    assert "choose one with --id" in cli_in_process(project_copy, "new", "topic", "—").stderr
    result = cli_in_process(project_copy, "new", "topic", "Fine", "--id", "Not An Id")
    assert result.returncode == 1 and "'Not An Id' is not a valid id" in result.stderr


def test_new_topic_passes_the_checks(project_copy):
    result = cli_in_process(project_copy, "new", "topic", "Oil & gas: what next?")
    assert result.returncode == 0, result.stderr
    path = "content/topics/oil-gas-what-next.yaml"
    text = (project_copy / path).read_text(encoding="utf-8")
    assert "title: 'Oil & gas: what next?'\n" in text  # quoted because of ': '
    check = cli_in_process(project_copy, "check")
    assert check.returncode == 0, check.stderr
    # Three warnings: no claim belongs to it, no story lists it, its summary is a placeholder.
    assert len(warnings_about(check.stdout, path)) == 3 and "no claim belongs to the topic" in check.stdout
    assert re.search(rf"^warning: {path}:\d+:1: the topic 'oil-gas-what-next' belongs to no story$", check.stdout,
                     re.MULTILINE), check.stdout
    assert "this text is still a placeholder" in check.stdout
    assert cli_in_process(project_copy, "fmt", "--check", path).returncode == 0


def test_new_story_writes_a_skeleton_that_passes_the_checks(project_copy):
    """A story of its own for a new topic (the topic's warning "belongs to no story" goes away)."""
    assert cli_in_process(project_copy, "new", "topic", "Oil & gas: what next?").returncode == 0
    result = cli_in_process(project_copy, "new", "story", "Oil & gas: a second story", "--topic", "oil-gas-what-next",
                            "--source", "india-s400-iranian-oil")
    assert result.returncode == 0, result.stderr
    path = "content/stories/oil-gas-a-second-story.yaml"
    assert f"wrote {path}" in result.stdout
    text = (project_copy / path).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/story.schema.json\n")
    assert "title: 'Oil & gas: a second story'\n" in text
    assert "topics: [oil-gas-what-next]\n" in text and "sources: [india-s400-iranian-oil]\n" in text
    check = cli_in_process(project_copy, "check")
    assert check.returncode == 0, check.stderr
    assert "belongs to no story" not in check.stdout
    # Its only warning: the lede is still a placeholder, which a strict build refuses.
    [warning] = warnings_about(check.stdout, path)
    assert "this text is still a placeholder" in warning and "(field: lede)" in warning
    assert cli_in_process(project_copy, "fmt", "--check", path).returncode == 0


def test_new_story_refuses_a_topic_of_another_story_and_an_unknown_one(project_copy):
    taken = cli_in_process(project_copy, "new", "story", "Again", "--topic", "jcpoa")
    assert taken.returncode == 1
    assert "the topic 'jcpoa' is already in the story 'india-s400-iranian-oil'" in taken.stderr
    unknown = cli_in_process(project_copy, "new", "story", "Again", "--topic", "no-such-topic")
    assert unknown.returncode == 1 and "there is no topic 'no-such-topic'" in unknown.stderr
    none = cli_in_process(project_copy, "new", "story", "Again")
    assert none.returncode == 1 and "--topic" in none.stderr
    assert not (project_copy / "content" / "stories" / "again.yaml").exists()


def test_new_claim_appends_to_the_topics_claims_file_and_passes_the_checks(project_copy):
    checked = load_and_check(project_copy)
    topic = sorted(checked.content.topics)[0]
    actor = sorted(checked.content.actors)[0]
    claims_file = project_copy / "content" / "claims" / f"{topic}.yaml"
    claims_file.write_text("# Hand-written notes stay.\nclaims:\n  - id: kept-claim\n"
                           "    statement: The deal was concluded.\n    evidence:\n      - source: india-s400-iranian-oil\n"
                           "        quote: concluded a multibillion-dollar deal Friday for Moscow\n"
                           f"    topics: [{topic}]\n    certainty: stated  # as the article says\n    added: 2026-11-26\n",
                           encoding="utf-8")

    result = cli_in_process(project_copy, "new", "claim", "India kept buying oil; the U.S. objected.",
                     "--topic", topic, "--actor", actor, "--quote", "the U.K., all of which signed the accord")
    assert result.returncode == 0, result.stderr
    text = claims_file.read_text(encoding="utf-8")
    assert "# Hand-written notes stay." in text and "# as the article says" in text
    assert "  - id: kept-claim\n" in text
    assert "  - id: india-kept-buying-oil-the-u-s\n" in text
    assert f"    actors: [{actor}]\n    topics: [{topic}]\n" in text
    assert "quote: the U.K., all of which signed the accord\n" in text

    check = cli_in_process(project_copy, "check")
    assert check.returncode == 0, check.stderr
    assert not warnings_about(check.stdout, claims_file.relative_to(project_copy).as_posix())
    assert cli_in_process(project_copy, "fmt", "--check", claims_file.relative_to(project_copy).as_posix()).returncode == 0

    again = cli_in_process(project_copy, "new", "claim", "India kept buying oil; the U.S. objected.", "--topic", topic)
    assert again.returncode == 1
    assert "the claim id 'india-kept-buying-oil-the-u-s' is already used at" in again.stderr


def test_new_claim_without_a_quote_takes_the_first_sentence_no_claim_quotes(project_copy):
    checked = load_and_check(project_copy)
    topic = sorted(checked.content.topics)[0]
    result = cli_in_process(project_copy, "new", "claim", "A statement", "--topic", topic, "--file", "zz-new")
    assert result.returncode == 0, result.stderr
    path = project_copy / "content" / "claims" / "zz-new.yaml"
    assert path.is_file()
    assert cli_in_process(project_copy, "check").returncode == 0


def test_new_claim_with_a_quote_not_in_the_source_says_what_is_closest(project_copy):
    topic = sorted(load_and_check(project_copy).content.topics)[0]
    result = cli_in_process(project_copy, "new", "claim", "Wrong", "--topic", topic,
                     "--quote", "Modi and Putin concluded a billion-dollar deal Friday")
    assert result.returncode == 1
    assert "this quote is not in the source 'india-s400-iranian-oil'\n    hint: quote the text exactly; " \
           "the closest passage is:" in result.stderr
    assert "unknown" not in result.stdout
    missing_topic = cli_in_process(project_copy, "new", "claim", "No topic")
    assert missing_topic.returncode == 1 and "with --topic" in missing_topic.stderr


def test_new_claim_from_a_quote_writes_it_or_refuses_it_at_once_with_the_hint_check_gives(project_copy):
    """`new claim --source ID --quote "…"`, as the preview's claim from a selection
    suggests: the quote is written when the text has it; when not, nothing is
    written and the command says what `check` would say of it, hint and all,
    before it asks for anything else (here: the topic)."""
    source = "india-s400-iranian-oil"
    claims = project_copy / "content" / "claims"
    before = {path.name: path.read_bytes() for path in claims.glob("*.yaml")}
    wrong = "Modi and Putin concluded a billion-dollar deal Friday"
    refused = cli_in_process(project_copy, "new", "claim", "Wrong", "--source", source, "--quote", wrong)
    assert refused.returncode == 1
    assert {path.name: path.read_bytes() for path in claims.glob("*.yaml")} == before, "nothing was written"

    # The same quote in a claims file: check's message and hint are the command's.
    topic = sorted(load_and_check(project_copy).content.topics)[0]
    (claims / "zz-wrong.yaml").write_text(
        f"claims:\n  - id: wrong-quote\n    statement: Wrong.\n    evidence:\n      - source: {source}\n"
        f"        quote: {wrong}\n    topics: [{topic}]\n    certainty: stated\n    added: 2026-11-26\n",
        encoding="utf-8")
    check = cli_in_process(project_copy, "check")
    assert check.returncode == 1
    report = check.stdout + check.stderr
    said = re.search(r"zz-wrong\.yaml:\d+:\d+: (this quote is not in the source [^\n]*?)(?: \(field: [^)]*\))?\n"
                     r"    (hint: [^\n]*)", report)
    assert said, report
    message, hint = said.groups()
    assert hint.startswith("hint: quote the text exactly; the closest passage is:")
    assert refused.stderr == f"nothing was written: {message}\n    {hint}\n"
    (claims / "zz-wrong.yaml").unlink()

    quote = "concluded a multibillion-dollar deal Friday for Moscow to provide New Delhi"
    made = cli_in_process(project_copy, "new", "claim", "The deal was concluded on Friday.", "--source", source,
                          "--quote", quote, "--topic", topic, "--file", "zz-made")
    assert made.returncode == 0, made.stderr
    text = (claims / "zz-made.yaml").read_text(encoding="utf-8")
    assert f"      - source: {source}\n" in text and f"        quote: {quote}\n" in text
    assert cli_in_process(project_copy, "check").returncode == 0


def test_new_source_fills_in_the_text_path_and_hash_and_lists_uncovered_sentences(project_copy):
    text = "A second report.\n\nIndia said it would decide on its own. Russia agreed on Friday.\n"
    (project_copy / "seeds" / "second-report.txt").write_text(text, encoding="utf-8")
    # FICTIONAL: the title, date and licence of an invented report.
    title = "A second report " + "with a very long title, " * 10 + "kept whole"
    assert len(title) > 200
    result = cli_in_process(project_copy, "new", "source", "seeds/second-report.txt", "--title", title, "--date", "2018-10",
                     "--date-basis", "inferred", "--date-explanation", "Invented for the test.",
                     "--publisher", "reuters", "--licence", "CC BY 4.0",
                     "--licence-url", "https://creativecommons.org/licenses/by/4.0/")
    assert result.returncode == 0, result.stderr
    record = (project_copy / "content" / "sources" / "second-report.yaml").read_text(encoding="utf-8")
    assert "text: seeds/second-report.txt\n" in record
    assert f"sha256: {hashlib.sha256(text.encode()).hexdigest()}\n" in record
    source = load_and_check(project_copy).content.sources["second-report"].record
    assert source.title == title, "the title is the one given, whole"
    assert (source.published.value, source.published.basis.value, source.published.explanation) == \
        ("2018-10", "inferred", "Invented for the test.")
    assert (source.licence.name, source.publisher) == ("CC BY 4.0", "reuters")
    assert source.attribution == f"{title}, Reuters, CC BY 4.0"
    assert "CHECK" not in record and "Placeholder" not in record
    assert "3 of 3 sentences of 'second-report' are not quoted by any claim yet:" in result.stdout
    assert "  - Russia agreed on Friday." in result.stdout

    check = cli_in_process(project_copy, "check")
    assert check.returncode == 0, check.stderr
    assert "placeholder" not in check.stdout
    assert "coverage: second-report: 0 of 3 sentences quoted by at least one claim" in check.stdout
    assert cli_in_process(project_copy, "fmt", "--check", "content/sources/second-report.yaml").returncode == 0

    # Claims for the new source quote it.
    topic = sorted(load_and_check(project_copy).content.topics)[0]
    claim = cli_in_process(project_copy, "new", "claim", "Russia agreed.", "--topic", topic, "--source", "second-report")
    assert claim.returncode == 0, claim.stderr
    assert "coverage: second-report: 1 of 3 sentences" in cli_in_process(project_copy, "check").stdout


def test_new_source_records_an_address_and_byline_when_given_and_never_invents_one(project_copy):
    (project_copy / "seeds" / "second-report.txt").write_text("A second report.\n", encoding="utf-8")
    # FICTIONAL: an address on the reserved domain example.org and an invented name.
    common = ["new", "source", "seeds/second-report.txt", "--title", "T", "--date", "2018-10-05",
              "--publisher", "reuters", "--licence", "CC BY 4.0", "--licence-url", "https://creativecommons.org/licenses/by/4.0/"]
    refused = cli_in_process(project_copy, *common, "--url", "http://example.org/second-report")
    assert refused.returncode == 1 and "--url 'http://example.org/second-report' is not an https:// address" in refused.stderr
    assert not (project_copy / "content" / "sources" / "second-report.yaml").exists()

    given = cli_in_process(project_copy, *common, "--url", "https://example.org/second-report", "--byline", "Ana Example")
    assert given.returncode == 0, given.stderr
    source = load_and_check(project_copy).content.sources["second-report"].record
    assert (source.url, source.byline) == ("https://example.org/second-report", "Ana Example")

    (project_copy / "content" / "sources" / "second-report.yaml").unlink()
    without = cli_in_process(project_copy, *common)
    assert without.returncode == 0, without.stderr
    record = (project_copy / "content" / "sources" / "second-report.yaml").read_text(encoding="utf-8")
    assert "#   url: https://…" in record and "#   byline:" in record, "the skeleton says where they would go"
    source = load_and_check(project_copy).content.sources["second-report"].record
    assert (source.url, source.byline) == (None, None)
    assert cli_in_process(project_copy, "fmt", "--check", "content/sources/second-report.yaml").returncode == 0


def test_new_source_refuses_a_file_outside_seeds(project_copy):
    result = cli_in_process(project_copy, "new", "source", "mkdocs.yml")
    assert result.returncode == 1 and "must be a .txt file directly in seeds/" in result.stderr
    assert cli_in_process(project_copy, "new", "source", "seeds/nothing-here.txt").returncode == 1


def test_new_source_asks_for_what_the_text_does_not_say_and_guesses_nothing(project_copy):
    (project_copy / "seeds" / "second-report.txt").write_text("A second report.\n", encoding="utf-8")
    result = cli_in_process(project_copy, "new", "source", "seeds/second-report.txt", "--publisher", "reuters")
    assert result.returncode == 1
    assert result.stderr.strip() == ("nothing was written: say what the text does not: "
                                     "--date YYYY-MM-DD (or YYYY-MM, YYYY), --licence 'NAME'")
    inferred = cli_in_process(project_copy, "new", "source", "seeds/second-report.txt", "--publisher", "reuters", "--title", "T",
                       "--date", "2018", "--date-basis", "inferred", "--licence", "L", "--licence-url", "https://example.org/l")
    assert inferred.returncode == 1 and "--date-explanation" in inferred.stderr
    unknown = cli_in_process(project_copy, "new", "source", "seeds/second-report.txt", "--publisher", "second-agency",
                             "--title", "T", "--date", "2018", "--licence", "L", "--licence-url", "https://example.org/l")
    assert unknown.returncode == 1 and "there is no actor 'second-agency'" in unknown.stderr
    assert 'add it first: `python -m build_scripts new actor "its name" --id second-agency`' in unknown.stderr
    assert not (project_copy / "content" / "sources" / "second-report.yaml").exists()


def test_a_summary_given_as_an_option_leaves_no_placeholder(project_copy):
    result = cli_in_process(project_copy, "new", "actor", "Option Example", "--summary", "An actor made for the test.")
    assert result.returncode == 0, result.stderr
    check = cli_in_process(project_copy, "check")
    assert "placeholder" not in check.stdout
    assert "summary: An actor made for the test.\n" in (project_copy / "content/actors/option-example.yaml").read_text()


def _topic_with_two_placeholders(project_copy) -> str:
    """A new topic whose summary is the skeleton's placeholder and whose title an
    older skeleton's (recognised too, in any text field); returns its file's text."""
    assert cli_in_process(project_copy, "new", "topic", "Placeholder example").returncode == 0
    path = project_copy / "content" / "topics" / "placeholder-example.yaml"
    text = path.read_text(encoding="utf-8").replace("title: Placeholder example", "title: Example (replace this text)")
    path.write_text(text, encoding="utf-8")
    return text


def test_a_placeholder_is_warned_about_where_it_is_and_strict_generate_refuses_it(project_copy, tmp_path):
    lines = _topic_with_two_placeholders(project_copy).splitlines()
    summary_line = next(i for i, line in enumerate(lines, 1) if line.startswith("summary:"))
    check = cli_in_process(project_copy, "check")
    assert check.returncode == 0
    assert f"warning: content/topics/placeholder-example.yaml:{summary_line}:10: this text is still a placeholder: " \
           "\"Placeholder: what Placeholder example is about, in a few neutral sentences.\" (field: summary)\n" \
           "    hint: write the real text in its place" in check.stdout
    assert "this text is still a placeholder: \"Example (replace this text)\" (field: title)" in check.stdout

    generate = cli_in_process(project_copy, "generate", "--strict", "--out", str(tmp_path / "source"))
    assert generate.returncode == 1 and "placeholder" in generate.stderr
    assert not (tmp_path / "source").exists()


@pytest.mark.slow  # builds the site
def test_a_strict_build_refuses_a_placeholder(project_copy, tmp_path):
    _topic_with_two_placeholders(project_copy)
    strict = build_site(project_copy, tmp_path / "site")
    assert strict.returncode != 0
    assert "2 placeholder(s) still in the content; a strict build publishes none" in strict.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("kind, own, others", [
    ("actor", ["--kind", "--summary", "--id"], ["--publisher", "--quote", "--topic", "--licence-url"]),
    ("topic", ["--summary", "--id"], ["--kind", "--publisher", "--quote", "--licence-url"]),
    ("claim", ["--topic", "--file", "--source", "--quote", "--actor", "--id"], ["--summary", "--publisher", "--licence"]),
    ("source", ["--publisher", "--title", "--date", "--date-basis", "--licence", "--licence-url", "--url", "--byline"],
     ["--summary", "--quote", "--topic", "--actor", "--kind"]),
])
def test_new_kind_help_lists_that_kinds_options_only(project_copy, kind, own, others):
    result = cli_in_process(project_copy, "new", kind, "--help")
    assert result.returncode == 0, result.stderr
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", result.stdout))
    assert set(own) <= options, result.stdout
    assert not set(others) & options, result.stdout



def test_a_source_without_title_or_licence_address_says_why_in_its_note(project_copy):
    """A text may have no headline, and its licence no address: neither is invented; the
    skeleton leaves them out with a note to write, check asks for the note, the page says so."""
    (project_copy / "seeds" / "second-report.txt").write_text("A second report.\n", encoding="utf-8")
    # FICTIONAL: an invented report, published without a headline.
    result = cli_in_process(project_copy, "new", "source", "seeds/second-report.txt", "--date", "2018-10-05",
                            "--publisher", "reuters", "--licence", "Reuters terms of use")
    assert result.returncode == 0, result.stderr
    path = project_copy / "content" / "sources" / "second-report.yaml"
    record = path.read_text(encoding="utf-8")
    assert "#   title: …" in record and "#   url: https://…" in record
    check = cli_in_process(project_copy, "check")
    assert check.returncode == 0, check.stderr
    assert "this text is still a placeholder: \"Placeholder: why the publication gives no title and no licence " \
           "address.\" (field: note)" in check.stdout
    assert cli_in_process(project_copy, "fmt", "--check", "content/sources/second-report.yaml").returncode == 0

    without_note = "\n".join(line for line in record.splitlines() if not line.startswith("note:")) + "\n"
    path.write_text(without_note, encoding="utf-8")
    refused = cli_in_process(project_copy, "check")
    assert refused.returncode == 1
    assert re.search(r"content/sources/second-report\.yaml:\d+:1: this source has no title and no licence address, "
                     r"and no note saying why \(field: note\)\n    hint: add 'note:' saying why", refused.stderr), refused.stderr

    path.write_text(without_note + "note: The report was published without a headline, under terms with no address.\n",
                    encoding="utf-8")
    assert cli_in_process(project_copy, "check").returncode == 0
    from build_scripts.site_source.generate import generate

    page = next(p.text for p in generate(project_copy).pages if p.path == "sources/second-report.md")
    assert "# Untitled text (Reuters, 5 Oct 2018)" in page
    assert "**Licence:** Reuters terms of use (no address given)" in page
    assert "**Title:** none; the text was published without a headline" in page
    assert "**Note:** The report was published without a headline, under terms with no address." in page


def test_a_publication_date_given_on_the_command_line_is_labelled_as_the_publishers(project_copy):
    """`--date` copies the date the publisher gives (its dateline, its page's metadata); the text
    itself may not print it, so the source's page does not say "date given in the text"."""
    (project_copy / "seeds" / "second-report.txt").write_text("A second report.\n", encoding="utf-8")
    # FICTIONAL: an invented report and its date.
    result = cli_in_process(project_copy, "new", "source", "seeds/second-report.txt", "--title", "T", "--date",
                            "2018-10-05", "--publisher", "reuters", "--licence", "CC BY 4.0",
                            "--licence-url", "https://creativecommons.org/licenses/by/4.0/")
    assert result.returncode == 0, result.stderr
    from build_scripts.site_source.generate import generate

    page = next(p.text for p in generate(project_copy).pages if p.path == "sources/second-report.md")
    date_line = next(line for line in page.splitlines() if line.startswith("**Date:**"))
    assert 'data-basis="stated"' in date_line and "(date given by the publisher)" in date_line, date_line
    assert "given in the text" not in date_line
