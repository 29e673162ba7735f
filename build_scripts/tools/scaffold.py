"""`python -m build_scripts new …`: start a record from a commented skeleton.

    new actor "Mohammad Javad Zarif"        -> content/actors/mohammad-javad-zarif.yaml
    new topic "The S-400 deal"              -> content/topics/the-s-400-deal.yaml
    new claim "Statement" --topic TOPIC     -> appended to content/claims/TOPIC.yaml
    new source seeds/<file>.txt             -> content/sources/<file>.yaml
    new story "Title" --topic T --source S  -> content/stories/title.yaml

Every skeleton passes ``check`` as written (a new actor or topic that no claim
mentions yet gives the "no claim is about…" warning, which is not an error), so
a contributor can save, preview and fill it in step by step. Ids are made from
the name (``--id`` chooses another); an existing file or id is never
overwritten.

Claims live in lists, one file per thread of the story: ``new claim`` appends
to ``content/claims/<topic>.yaml`` (``--file`` names another file), creating
it if needed. A ``--quote`` that is not in the text is refused at once, with
the message and hint `check` would give it. Unless ``--quote`` is given, the new claim quotes the first
sentence of the source that no claim quotes yet, so that the skeleton is valid
and points at work still to do.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pydantic

from build_scripts.content import model
from build_scripts.content.model import slugify
from build_scripts.content.problems import DossierError, new_record_command
from build_scripts.content.schema import header_line
from build_scripts.content.source_text import TextRefused, check_size, read_text
from build_scripts.rules.check import PLACEHOLDER_MARK, CheckedDossier, load_and_check, quote_not_in_source


class ScaffoldError(Exception):
    """Why nothing was written, in words a contributor can act on."""


def add_arguments(parser: argparse.ArgumentParser, common_options=None) -> None:
    """One sub-command per kind, each with its own options only (`new source --help`
    lists what a source needs). ``common_options(parser)`` adds the options every
    command takes (--root, --format), so that they may follow the kind too."""
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND", title="kinds")

    def kind(name: str, help: str, what: str) -> argparse.ArgumentParser:
        sub = kinds.add_parser(name, help=help, description=f"New {name}: {help}.")
        if common_options is not None:
            common_options(sub)
        sub.add_argument("name", metavar="TEXT" if name == "source" else name.upper(), help=what)
        sub.add_argument("--id", dest="record_id", metavar="ID", help="the id to use instead of one made from the name")
        if name in ("claim", "source"):
            sub.add_argument("--added", metavar="YYYY-MM-DD", type=_day, default=None,
                             help="the day it is added to the dossier (default: today)")
        return sub

    actor = kind("actor", "a person, country or organisation: content/actors/ID.yaml", "its name")
    actor.add_argument("--kind", dest="actor_kind", default="person", choices=[kind.value for kind in model.ActorKind],
                       help="what kind of actor (default: person)")
    actor.add_argument("--summary", help="the summary (default: a placeholder that `check` warns about and a strict "
                                         "build refuses)")

    topic = kind("topic", "a thread of the story: content/topics/ID.yaml", "its title")
    topic.add_argument("--summary", help="the summary (default: a placeholder that `check` warns about and a strict "
                                         "build refuses)")

    claim = kind("claim", "a statement of a source, with its quote: appended to content/claims/TOPIC.yaml",
                 "the statement in your words")
    claim.add_argument("--topic", help="the topic it belongs to (its file is content/claims/TOPIC.yaml)")
    claim.add_argument("--file", dest="claims_file", help="the claims file to append to, e.g. iranian-oil")
    claim.add_argument("--source", help="the source it quotes (default: the only source, if there is one)")
    claim.add_argument("--quote", help="the words of the source (default: the first sentence no claim quotes)")
    claim.add_argument("--actor", dest="actors", action="append", default=[], help="an actor it is about (repeatable)")

    source = kind("source", "the record of a text in seeds/: content/sources/ID.yaml",
                  "the path of its text file in seeds/, e.g. seeds/report.txt")
    source.add_argument("--publisher", help="(required) the id of the actor that published the text")
    source.add_argument("--title", help="the title (headline) as published; leave it out when the text has none, "
                                        "and say so with --note")
    source.add_argument("--date", help="(required) the publication date, as precise as known: 2018, 2018-10 "
                                       "or 2018-10-05")
    source.add_argument("--date-basis", default="stated", choices=["stated", "inferred"],
                        help="how the date is known: stated (the publisher gives it; the default) or "
                             "inferred (worked out; say how with --date-explanation)")
    source.add_argument("--date-explanation", help="how the publication date was established, in a sentence")
    source.add_argument("--licence", help="(required) the licence's usual name, e.g. 'CC BY 4.0'")
    source.add_argument("--licence-url", help="the licence's address, https://…, as the publisher gives it; never "
                                              "invented: leave it out when there is none, and say so with --note")
    source.add_argument("--attribution", help="the credit the licence asks for (default: the title, the "
                                              "publisher's name and the licence)")
    source.add_argument("--language", default="en", help="the language of the text, e.g. en, fr (default: en)")
    source.add_argument("--url", help="the address it was published at, https://…, copied from the page "
                                      "(never invented; leave it out when it is not known)")
    source.add_argument("--byline", help="the author's name, as the text's byline gives it")
    source.add_argument("--note", help="what a reader should know about the record, e.g. why it has no title or no "
                                       "licence address (without it, a placeholder to fill in when one is missing)")

    story = kind("story", "a story of the dossier, with its topics and sources: content/stories/ID.yaml", "its title")
    story.add_argument("--topic", dest="topics", action="append", default=[],
                       help="(required) a topic of the story (repeatable); a topic belongs to one story")
    story.add_argument("--source", dest="sources", action="append", default=[],
                       help="a source that tells the story (repeatable)")
    story.add_argument("--lede", help="the story in a few sentences (default: a placeholder that `check` warns "
                                      "about and a strict build refuses)")


def run(root: Path, args: argparse.Namespace) -> int:
    try:
        if args.kind == "actor":
            path = new_actor(root, args.name, args.record_id, args.actor_kind, args.summary)
        elif args.kind == "topic":
            path = new_topic(root, args.name, args.record_id, args.summary)
        elif args.kind == "story":
            path = new_story(root, args.name, args.record_id, args.topics, args.sources, args.lede)
        elif args.kind == "claim":
            path = new_claim(root, args.name, record_id=args.record_id, topic=args.topic, claims_file=args.claims_file,
                             source=args.source, quote=args.quote, actors=args.actors, added=args.added)
        else:
            path = new_source(root, Path(args.name), args.record_id, SourceDetails(
                publisher=args.publisher, title=args.title, date=args.date, date_basis=args.date_basis,
                date_explanation=args.date_explanation, licence=args.licence, licence_url=args.licence_url,
                attribution=args.attribution, language=args.language, url=args.url, byline=args.byline,
                note=args.note, added=args.added))
    except ScaffoldError as error:
        print(f"nothing was written: {error}", file=sys.stderr)
        return 1
    relative = path.relative_to(root).as_posix()
    print(f"wrote {relative}")
    print(f"next: fill in {relative} (the comments say what each field is), then run `make check`; "
          "`make serve` previews the site as you save.")
    if args.kind in ("topic", "source"):
        print(f"then add '{path.stem}' to the '{args.kind}s' of its story in content/stories/ "
              f"(`check` warns while no story lists it)")
    if args.kind == "source":
        report_uncovered(root, path.stem)
    return 0


# -- the five kinds -----------------------------------------------------------


def new_actor(root: Path, name: str, record_id: str | None, kind: str = "person", summary: str | None = None) -> Path:
    actor_id = _id(record_id, name)
    path = _fresh_file(root, "actors", actor_id)
    kinds = textwrap.fill(", ".join(k.value for k in model.ActorKind), 78, initial_indent="# One of: ",
                          subsequent_indent="#   ")
    text = f"""\
# A new actor: a person, country or organisation of the story. Its id is the
# file name ({actor_id}); claims name it in their 'actors'. Delete these
# comments once you no longer need them.
name: {_q(name)}
{kinds}
kind: {kind}
# Other names, exactly as the sources write them, e.g. [Zarif, Iran's foreign minister]
aliases: []
# Offices held, with their time, e.g.
#   - title: Foreign Minister of Iran
#     from: 2013-08
roles: []
# Ids of the actors it belongs to (a person's country, a body's parent), e.g. [iran]
affiliation: []
# One or two neutral sentences: who or what this is.
summary: {_q(summary or placeholder(f"who {name} is, in one or two neutral sentences."))}
# Optional: its part in this story, in one sentence from the sources, shown
# in the box at the top of its page (without it, the summary's first sentence), e.g.
#   part_in_story: It concluded the S-400 deal with Russia in October 2018.
# Optional: the item's id on Wikidata, e.g. wikidata: Q159
"""
    return _write(path, text, "actor")


def new_topic(root: Path, title: str, record_id: str | None, summary: str | None = None) -> Path:
    topic_id = _id(record_id, title)
    path = _fresh_file(root, "topics", topic_id)
    text = f"""\
# A new topic: one thread of the story. Its id is the file name ({topic_id});
# claims name it in their 'topics'. Delete these comments once you no longer
# need them.
title: {_q(title)}
# The background a reader needs, in a few neutral sentences; paragraphs are
# separated by a blank line. Links: [text](actor:russia), [text](topic:s400-deal).
summary: {_q(summary or placeholder(f"what {title} is about, in a few neutral sentences."))}
# Ids of related topics, e.g. [caatsa-sanctions]
related: []
# Position in topic lists; lower comes first.
order: 100
"""
    return _write(path, text, "topic")


def new_claim(root: Path, statement: str, *, record_id: str | None = None, topic: str | None = None,
              claims_file: str | None = None, source: str | None = None, quote: str | None = None,
              actors: list[str] | None = None, added: str | None = None) -> Path:
    checked = _checked(root)
    content = checked.content
    claim_id = _id(record_id, _first_words(statement))
    if claim_id in content.claims:
        where = content.claims[claim_id].origin.at("id")
        raise ScaffoldError(f"the claim id '{claim_id}' is already used at {where}; choose another with --id")
    if source is None:
        if len(content.sources) != 1:
            raise ScaffoldError(f"say which source it quotes with --source (one of: {', '.join(sorted(content.sources))})")
        source = next(iter(content.sources))
    _known(source, content.sources, "source")
    seed = content.sources[source].record.text
    chosen = quote is not None
    # The quote first: words that are not in the text are refused before anything else is asked for.
    quote, occurrence = _quote(checked, source, quote)
    if topic is None:
        raise ScaffoldError("say which topic the claim belongs to with --topic "
                            f"(one of: {', '.join(sorted(content.topics))})")
    _known(topic, content.topics, "topic")
    for actor in actors or []:
        _known(actor, content.actors, "actor")
    if chosen:
        about_quote = f"# Words copied exactly from the source text, {seed}."
    elif checked.uncovered.get(source):
        about_quote = (f"# Words copied exactly from the source text, {seed}.\n"
                       "# This is the first sentence no claim quotes yet: shorten it to what the claim needs.")
    else:
        about_quote = (f"# Words copied exactly from the source text, {seed}.\n"
                       "# Every sentence is quoted already; replace this one with the words the claim needs.")

    name = _id(claims_file, topic) if claims_file else topic
    path = root / "content" / "claims" / f"{name}.yaml"
    quote_lines = f"quote: {_q(quote)}"
    if occurrence:
        quote_lines += (f"\n# The quote occurs more than once in the text; this is occurrence {occurrence}.\n"
                        f"occurrence: {occurrence}")
    item = claim_item(claim_id=claim_id, statement=_q(statement), source=source, about_quote=about_quote,
                      quote_lines=quote_lines, actors=", ".join(actors or []), topics=topic, added=added or today())
    if path.is_file():
        from build_scripts.tools.fmt import (
            format_text,  # the YAML formatter: only when writing
        )

        existing = format_text(path.read_text(encoding="utf-8"), model.ClaimFile, None, _display(root, path))
        body = existing.rstrip("\n") + "\n\n" + item
    else:
        body = f"""\
# Claims about the topic '{topic}'. Each claim is one statement of a source
# with the exact words that bear it.
claims:
""" + item
    return _write(path, body, "claims", must_be_new=False)


def claim_item(*, claim_id: str, statement: str, source: str, about_quote: str, quote_lines: str, actors: str,
               topics: str, added: str, date_lines: str = "") -> str:
    """A claim as an item of a claims file's list, with the comments that say what each field is.

    The values come as YAML already (``statement`` quoted); ``about_quote``,
    ``quote_lines`` and ``date_lines`` are lines without their indentation.
    `new claim` writes it; the preview's claim from a selection fills in the
    same item (``claim_from_selection.py``)."""

    def indented(lines: str, spaces: int) -> str:
        return lines.replace("\n", "\n" + " " * spaces)

    item = f"""\
  - id: {claim_id}
    # The statement in your own neutral words: what the quote says, no more.
    statement: {statement}
    # The quotes that bear it, one per source; when another source reports the
    # same fact, add its quote here as a second item (see CONTRIBUTING).
    evidence:
      - source: {source}
        {indented(about_quote, 8)}
        {indented(quote_lines, 8)}
    # Ids of the actors it is about, e.g. [india, russia]
    actors: [{actors}]
    topics: [{topics}]
"""
    if date_lines:
        item += f"    {indented(date_lines, 4)}\n"
    item += f"""\
    # Who asserts it, and through whom it reached the source, e.g.
    #   attribution:
    #     by: [john-bolton]
    #     via: [white-house-reporters, the-economic-times]
    # How sure the source is: stated (in its own voice), attributed (it says
    # someone said it), reported (with a hedge such as "reportedly"), alleged
    # (an accusation).
    certainty: stated
    # The day the claim was added to the dossier: the What's new page and the feed list it by it.
    added: {added}
"""
    return item


def new_story(root: Path, title: str, record_id: str | None, topics: list[str], sources: list[str],
              lede: str | None = None) -> Path:
    story_id = _id(record_id, title)
    path = _fresh_file(root, "stories", story_id)
    content = _checked(root).content
    if not topics:
        raise ScaffoldError("say which topics the story is made of with --topic (repeatable; one of: "
                            f"{', '.join(sorted(content.topics)) or 'none'}); a new story's topic starts with "
                            '`python -m build_scripts new topic "its title"`')
    told_by = {t: s for s, located in sorted(content.stories.items()) for t in located.record.topics}
    for topic in topics:
        _known(topic, content.topics, "topic")
        if topic in told_by:
            raise ScaffoldError(f"the topic '{topic}' is already in the story '{told_by[topic]}': a topic belongs to "
                                "one story; make a topic of its own for this story")
    for source in sources:
        _known(source, content.sources, "source")
    text = f"""\
# A new story of the dossier. Its id is the file name ({story_id}). With several
# stories, each has its page and the home page leads with them; a claim belongs
# to the story of its first topic. Delete these comments once you no longer
# need them.
title: {_q(title)}
# The story in a few neutral sentences: what happened, who did it, why it
# matters; paragraphs are separated by a blank line (the home page shows the
# first). Links: [text](actor:russia), [text](topic:s400-deal).
lede: {_q(lede or placeholder(f"what the story “{title}” is, in a few neutral sentences."))}
# Ids of its topics (a topic belongs to one story), e.g. [s400-deal]
topics: [{", ".join(dict.fromkeys(topics))}]
# Ids of the sources that tell it, e.g. [india-s400-iranian-oil]
sources: [{", ".join(dict.fromkeys(sources))}]
# Optional: ids of the claims whose figures its page shows, in order, e.g.
#   key_figures: [s400-deal-concluded]
# Position among the stories; lower comes first.
order: 100
"""
    return _write(path, text, "story")


@dataclass
class SourceDetails:
    """What a source's record needs that its text does not say: given as options, never guessed."""

    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    date_basis: str = "stated"
    date_explanation: str | None = None
    licence: str | None = None
    licence_url: str | None = None
    attribution: str | None = None
    language: str = "en"
    url: str | None = None  # optional: only an address copied from the published page
    byline: str | None = None
    note: str | None = None  # required by check when the title or the licence's address is missing
    added: str | None = None  # the day the record is added (default: today)


def new_source(root: Path, text_path: Path, record_id: str | None, details: SourceDetails) -> Path:
    seed = (text_path if text_path.is_absolute() else Path.cwd() / text_path).resolve()
    seeds = (root / "seeds").resolve()
    if not seed.is_file():
        raise ScaffoldError(f"there is no file {text_path}; put the source's text in seeds/ first")
    if seed.parent != seeds or not re.fullmatch(r"[A-Za-z0-9._-]+\.txt", seed.name):
        raise ScaffoldError(f"{text_path} must be a .txt file directly in seeds/, named with letters, digits, '.', '_' or '-'")
    # The check's own rules for a text (source_text.py): refused now, not at the next check.
    try:
        check_size(seed.stat().st_size)
        raw = seed.read_bytes()
        read_text(raw)
    except TextRefused as refused:
        raise ScaffoldError(f"{text_path}:{refused.line}:{refused.column}: {refused.message}; "
                            f"{refused.hint.removesuffix(' (and record the new sha256)')}") from None
    # Nothing is guessed: no title cut from the text, no date of today, no
    # publisher or licence copied from another source. What is missing is asked for;
    # a title or a licence address the publication does not give is left out, and the note says why.
    missing = [option for option, value in (("--date YYYY-MM-DD (or YYYY-MM, YYYY)", details.date),
                                            ("--publisher ACTOR-ID", details.publisher),
                                            ("--licence 'NAME'", details.licence)) if not value]
    if details.date_basis == "inferred" and not details.date_explanation:
        missing.append("--date-explanation 'how the date was worked out' (the date is inferred)")
    if missing:
        raise ScaffoldError("say what the text does not: " + ", ".join(missing))
    if details.url is not None:
        try:
            pydantic.TypeAdapter(model.HttpsAddress).validate_python(details.url)
        except pydantic.ValidationError:
            raise ScaffoldError(f"--url {details.url!r} is not an https:// address; copy the full address of the "
                                "published page, or leave --url out") from None
    source_id = _id(record_id, seed.stem)
    path = _fresh_file(root, "sources", source_id)
    content = _checked(root).content
    _known(details.publisher, content.actors, "actor")
    publisher_name = content.actors[details.publisher].record.name
    attribution = details.attribution or ", ".join(filter(None, [details.title, publisher_name, details.licence]))
    lacking = " and no ".join(what for what, value in (("title", details.title), ("licence address", details.licence_url))
                              if not value)
    if details.note:
        note = f"note: {_q(details.note)}"
    elif lacking:
        note = ("# Why the record has no " + lacking + " (check asks for it):\n"
                + f"note: {_q(placeholder(f'why the publication gives no {lacking}.'))}")
    else:
        note = "# Optional: what a reader should know about the record.\n#   note: …"
    title = (f"title: {_q(details.title)}" if details.title
             else "# The text has no title (headline); if it has one, add it as published:\n#   title: …")
    licence_url = (f"  url: {details.licence_url}" if details.licence_url
                   else "  # The licence's address, as the publisher gives it, if it gives one (never invented):\n"
                        "  #   url: https://…")
    explanation = (f"explanation: {_q(details.date_explanation)}" if details.date_explanation
                   else "# explanation: how the date was established, in a sentence (optional when stated)")
    url = (f"url: {details.url}" if details.url
           else "# The address it was published at, copied from the page (never invented), if known:\n#   url: https://…")
    byline = (f"byline: {_q(details.byline)}" if details.byline
              else "# The author's name, as the text's byline gives it, if it has one:\n#   byline: …")
    body = f"""\
# A new source: the document {seed.name}, whose text is never edited.
{title}
# The actor that published this text (the id of an actor).
publisher: {details.publisher}
# If the text was first published by someone else, add:
#   original_publisher: <actor id>
published:
  # The publication date, as precise as known, and how it is known:
  # stated (the publisher gives it) or inferred (worked out: say how).
  value: {_q(details.date)}
  basis: {details.date_basis}
  {explanation}
# The language of the text (en, fr, hi…).
language: {details.language}
licence:
  name: {_q(details.licence)}
{licence_url}
# The credit the licence asks for, as it will be shown.
attribution: {_q(attribution)}
text: seeds/{seed.name}
# The sha256 of the text file, so that any change to it is noticed.
sha256: {hashlib.sha256(raw).hexdigest()}
{url}
{byline}
{note}
# The day the source was added to the dossier: the What's new page and the feed list it by it.
added: {details.added or today()}
"""
    return _write(path, body, "source")


def report_uncovered(root: Path, source_id: str) -> None:
    """Print the sentences of a source that no claim quotes yet."""
    try:
        checked = load_and_check(root)
    except DossierError as error:
        print(error.report())
        return
    text = checked.texts.get(source_id)
    if text is None:
        return
    uncovered = checked.uncovered.get(source_id, [])
    print(f"{len(uncovered)} of {len(text.sentences())} sentences of '{source_id}' are not quoted by any claim yet:")
    for span in uncovered:
        print("  - " + " ".join(text.text[span.start:span.end].split()))
    print(f"add claims for them with `python -m build_scripts new claim \"…\" --topic TOPIC --source {source_id}`")


# -- helpers ------------------------------------------------------------------


def today() -> str:
    """The day a record written now is added: the contributor's own date (the clock is read by
    the tools that write content, and by `check`, never by a build)."""
    return datetime.date.today().isoformat()


def _day(value: str) -> str:
    """An --added day, YYYY-MM-DD (argparse reports the error)."""
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a day written YYYY-MM-DD") from None


def placeholder(what: str) -> str:
    """The one form of text still to be written: `check` warns about it and a strict build refuses it."""
    return f"{PLACEHOLDER_MARK} {what}"



def _id(chosen: str | None, name: str) -> str:
    record_id = chosen if chosen is not None else slugify(name)
    if not re.fullmatch(model.SLUG_PATTERN, record_id):
        if chosen is not None:
            raise ScaffoldError(f"'{chosen}' is not a valid id: use lowercase letters, digits and single hyphens")
        raise ScaffoldError(f"no id can be made from '{name}'; choose one with --id")
    return record_id


def _first_words(statement: str, count: int = 7) -> str:
    return " ".join(re.findall(r"[A-Za-z0-9]+", statement)[:count])


def _fresh_file(root: Path, folder: str, record_id: str) -> Path:
    path = root / "content" / folder / f"{record_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root).as_posix()} already exists; edit it, or choose another id with --id")
    return path


def _known(wanted: str, ids: dict, what: str) -> None:
    if wanted not in ids:
        mend = new_record_command(what, wanted)
        adding = f"; add it first: {mend}" if mend else ""
        raise ScaffoldError(f"there is no {what} '{wanted}' (known: {', '.join(sorted(ids)) or 'none'}){adding}")


def _checked(root: Path) -> CheckedDossier:
    try:
        return load_and_check(root)
    except DossierError as error:
        raise ScaffoldError("the content has problems; mend them first (`make check`):\n" + error.report()) from None


def _quote(checked: CheckedDossier, source: str, quote: str | None) -> tuple[str, int | None]:
    """The quote and, if it occurs more than once, which occurrence is meant."""
    text = checked.texts[source]
    if quote is None:
        uncovered = checked.uncovered.get(source) or text.sentences()
        if not uncovered:
            raise ScaffoldError(f"the source '{source}' has no sentences; give the words with --quote")
        span = uncovered[0]
        quote = " ".join(text.text[span.start:span.end].split())
        found = text.find(quote)
        index = next((i for i, s in enumerate(found) if s.start == span.start), 0)
        return quote, (index + 1 if len(found) > 1 else None)
    found = text.find(quote)
    if not found:  # in the words `check` would use
        message, hint = quote_not_in_source(text, source, quote)
        raise ScaffoldError(f"{message}\n    hint: {hint}")
    if len(found) > 1:
        raise ScaffoldError(f"the quote occurs {len(found)} times in the source; quote more words so that it is unique")
    return quote, None


def _q(value: str) -> str:
    """A YAML scalar for ``value`` (JSON's double-quoted strings are YAML); fmt then writes it canonically."""
    return json.dumps(value, ensure_ascii=False)


def _display(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _write(path: Path, body: str, kind: str, must_be_new: bool = True) -> Path:
    """Write the skeleton in the canonical format (as `fmt` would), never over an existing file unless appending."""
    root = path.parents[2]  # content/<folder>/<file>.yaml
    relative = path.relative_to(root / "content")
    from build_scripts.tools.fmt import (
        format_text,  # the YAML formatter: only when writing
    )

    text = format_text(body, model.RECORD_KINDS[kind], header_line(relative, kind), _display(root, path))
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "w" if not must_be_new else "x"
    with path.open(mode, encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path
