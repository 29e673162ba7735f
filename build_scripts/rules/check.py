"""Rules that need the whole dossier: references, quotes, dates, coverage (and,
in ``terms.py``, glossary names that match beyond their story).

Every rule adds to one list of problems; the build fails once, listing them
all, so that a contributor can mend everything in one go.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from build_scripts.content import model
from build_scripts.content.load import Content, Located, Origin
from build_scripts.content.memo import remembered
from build_scripts.content.problems import (
    DossierError,
    Mark,
    Problem,
    did_you_mean,
    new_record_command,
    suggest_id,
)
from build_scripts.content.prose import ProseLink, prose_links
from build_scripts.content.schema import (
    MISSING_HEADER_IS_AN_ERROR,
    schema_header_problems,
)
from build_scripts.content.source_text import (
    SourceText,
    Span,
    TextRefused,
    check_size,
    explain_difference,
    normalise,
    read_text,
)
from build_scripts.rules.terms import common_phrase_warnings


@dataclass
class CheckedDossier:
    """Content that passed every check, with what the checks found out."""

    content: Content
    texts: dict[str, SourceText]
    quote_spans: dict[str, Span]  # claim id -> where its first quote stands in its source's text
    uncovered: dict[str, list[Span]]  # source id -> sentences no claim quotes
    warnings: list[Problem] = field(default_factory=list)
    # Files without their editor schema line (see schema.py), kept apart from
    # the content warnings until every file has one.
    header_warnings: list[Problem] = field(default_factory=list)
    # claim id -> {source id: where the claim's quote from that source stands in its text}, in evidence order
    evidence_spans: dict[str, dict[str, Span]] = field(default_factory=dict)
    # the same spans by source: source id -> {claim id: where its quote stands}, as the source's page reads them
    spans_by_source: dict[str, dict[str, Span]] = field(default_factory=dict)
    # Text still to be written (also among the warnings): a strict build refuses to publish it.
    placeholders: list[Problem] = field(default_factory=list)


def check_content(content: Content, today: str | None = None,
                  known_texts: dict[str, SourceText] | None = None) -> CheckedDossier:
    """Check the dossier as a whole. ``today`` (``YYYY-MM-DD``): refuse an ``added`` or correction
    date after it. Only the `check` command gives it (`make check` and the pull-request workflow,
    from the clock: ``check --today clock``), to catch a mistyped year before it is merged; a build
    never does, so that what it makes never depends on the day."""
    problems: list[Problem] = []
    texts = _load_texts(content, problems, known_texts)
    _check_references(content, problems)
    _check_page_ids(content, problems)
    _check_affiliation_cycles(content, problems)
    evidence_spans, spans_by_source = _locate_quotes(content, texts, problems)
    quote_spans = {claim_id: next(iter(spans.values())) for claim_id, spans in evidence_spans.items() if spans}
    _check_claim_details(content, evidence_spans, problems)
    _check_quotation_marks_and_weekdays(content, problems)
    _check_key_figures(content, problems)
    _check_relations(content, problems)
    _check_disagreements(content, problems)
    _check_prose_links(content, problems)
    _check_context_addresses(content, problems)
    _check_source_gaps(content, problems)
    _check_added_dates(content, problems, today)
    header_problems = schema_header_problems(content.root, content.listed_files())
    if MISSING_HEADER_IS_AN_ERROR:
        problems.extend(header_problems)
    if problems:
        raise DossierError(problems)
    checked = CheckedDossier(content, texts, quote_spans, _uncovered_sentences(texts, evidence_spans),
                             evidence_spans=evidence_spans, spans_by_source=spans_by_source)
    checked.warnings = (_orphans(content) + _seeds_without_records(content) + _coverage_warnings(content, checked)
                        + common_phrase_warnings(content, texts))
    checked.placeholders = placeholder_warnings(content)
    checked.warnings += checked.placeholders
    checked.header_warnings = [] if MISSING_HEADER_IS_AN_ERROR else header_problems
    return checked


def _load_texts(content: Content, problems: list[Problem],
                known: dict[str, SourceText] | None = None) -> dict[str, SourceText]:
    """``known``: {sha256: SourceText} of an earlier check (the preview's), whose texts are used
    again, not indexed again, and which is left holding this check's."""
    texts: dict[str, SourceText] = {}
    made: dict[str, SourceText] = {}
    for source_id, located in sorted(content.sources.items()):
        source, origin = located.record, located.origin
        path = content.root / source.text
        if path.is_symlink():
            problems.append(Problem(origin.at("text"), f"'{source.text}' is a symbolic link; source texts must be "
                                    "ordinary files", "replace the link by a copy of the text", origin.field("text")))
            continue
        if not path.is_file():
            seeds = sorted(p.relative_to(content.root).as_posix() for p in (content.root / "seeds").glob("*.txt"))
            problems.append(Problem(origin.at("text"), f"the text file '{source.text}' does not exist",
                                    did_you_mean(source.text, seeds) or "put the source's text in seeds/ and give its "
                                    "path here; `python -m build_scripts new source seeds/<file>.txt` fills it in",
                                    origin.field("text")))
            continue
        try:
            check_size(path.stat().st_size)  # before the file is read: a huge one costs nothing
        except TextRefused as refused:
            problems.append(Problem(Mark(source.text, refused.line, refused.column), refused.message, refused.hint))
            continue
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != source.sha256:
            problems.append(Problem(
                origin.at("sha256"),
                f"'{source.text}' has changed since it was recorded (its sha256 is now {digest})",
                "source texts are never edited; restore the original text, or if this is a new "
                "version of the document, add it as a new source",
                origin.field("sha256"),
            ))
            continue
        try:
            decoded = read_text(raw)
        except TextRefused as refused:
            problems.append(Problem(Mark(source.text, refused.line, refused.column), refused.message, refused.hint))
            continue
        text = known.get(digest) if known is not None else None
        if text is None or text.text != decoded:
            text = SourceText(decoded)
        texts[source_id] = made[digest] = text
    if known is not None:
        known.clear()
        known.update(made)
    return texts


def _check_references(content: Content, problems: list[Problem]) -> None:
    """Every id a record names is the id of a record of the right kind; and
    the few rules about one record's own references (a role's dates, a topic
    related to itself)."""
    references = _References(content, problems)
    for check in (references.of_stories, references.of_sources, references.of_actors, references.of_topics,
                  references.of_claims, references.of_relations, references.of_context, references.of_glossary):
        check()


@dataclass
class _References:
    content: Content
    problems: list[Problem]

    def expect(self, ids: dict, wanted: str | None, origin: Origin, *loc: str | int, what: str) -> None:
        if wanted is not None and wanted not in ids:
            self.problems.append(Problem(origin.at(*loc), f"unknown {what} '{wanted}'",
                                         suggest_id(wanted, ids, what, mend=new_record_command(what, wanted)),
                                         origin.field(*loc)))

    def expect_all(self, ids: dict, wanted: list[str], origin: Origin, *loc: str | int, what: str) -> None:
        for index, item in enumerate(wanted):
            self.expect(ids, item, origin, *loc, index, what=what)

    def of_stories(self) -> None:
        """A story names existing topics and sources, each once; a topic belongs to one story
        (a claim belongs to the story of its first topic)."""
        content = self.content
        told_by: dict[str, str] = {}
        for story_id, located in sorted(content.stories.items()):
            story, origin = located.record, located.origin
            for field_name, ids, what in (("topics", content.topics, "topic"), ("sources", content.sources, "source")):
                seen: set[str] = set()
                for index, wanted in enumerate(getattr(story, field_name)):
                    if wanted in seen:
                        self.problems.append(Problem(origin.at(field_name, index), f"the {what} '{wanted}' is "
                                                     "listed twice", "remove one of them",
                                                     origin.field(field_name, index)))
                    seen.add(wanted)
                    self.expect(ids, wanted, origin, field_name, index, what=what)
            for index, topic_id in enumerate(story.topics):
                other = told_by.setdefault(topic_id, story_id)
                if other != story_id:
                    self.problems.append(Problem(
                        origin.at("topics", index), f"the topic '{topic_id}' is already in the story '{other}' "
                        f"({content.stories[other].origin.path}): a topic belongs to one story",
                        "remove it from one of the two stories, or make a topic of its own for each story",
                        origin.field("topics", index)))

    def of_sources(self) -> None:
        actors = self.content.actors
        for located in self.content.sources.values():
            source, origin = located.record, located.origin
            self.expect(actors, source.publisher, origin, "publisher", what="actor")
            self.expect(actors, source.original_publisher, origin, "original_publisher", what="actor")

    def of_actors(self) -> None:
        for located in self.content.actors.values():
            self.expect_all(self.content.actors, located.record.affiliation, located.origin, "affiliation",
                            what="actor")
            for index, role in enumerate(located.record.roles):
                if role.start and role.end and role.end < role.start:
                    self.problems.append(Problem(located.origin.at("roles", index, "until"),
                                                 f"the role ends ({role.end}) before it starts ({role.start})",
                                                 "correct 'from' or 'until' (were they swapped?)",
                                                 located.origin.field("roles", index, "until")))

    def of_topics(self) -> None:
        for topic_id, located in self.content.topics.items():
            self.expect_all(self.content.topics, located.record.related, located.origin, "related", what="topic")
            if topic_id in located.record.related:
                self.problems.append(Problem(located.origin.at("related"), "a topic cannot be related to itself",
                                             f"remove '{topic_id}' from 'related'", located.origin.field("related")))

    def of_claims(self) -> None:
        actors, topics = self.content.actors, self.content.topics
        for located in self.content.claims.values():
            claim, origin = located.record, located.origin
            for index, evidence in enumerate(claim.evidence):
                at = ("evidence", index)
                self.expect(self.content.sources, evidence.source, origin, *at, "source", what="source")
                if evidence.attribution:
                    self.expect_all(actors, evidence.attribution.by, origin, *at, "attribution", "by", what="actor")
                    self.expect_all(actors, evidence.attribution.via, origin, *at, "attribution", "via", what="actor")
            self.expect_all(actors, claim.actors, origin, "actors", what="actor")
            self.expect_all(topics, claim.topics, origin, "topics", what="topic")
            self.expect_all(actors, claim.attribution.by, origin, "attribution", "by", what="actor")
            self.expect_all(actors, claim.attribution.via, origin, "attribution", "via", what="actor")
            if claim.quotation:
                self.expect_all(actors, claim.quotation.speakers, origin, "quotation", "speakers", what="actor")
            if claim.date:
                self.expect(self.content.context, claim.date.context, origin, "date", "context", what="context entry")

    def of_relations(self) -> None:
        actors = self.content.actors
        for located in self.content.relations:
            relation, origin = located.record, located.origin
            self.expect(actors, relation.source_actor, origin, "from", what="actor")
            self.expect(actors, relation.target_actor, origin, "to", what="actor")
            self.expect_all(self.content.claims, relation.claims, origin, "claims", what="claim")

    def of_context(self) -> None:
        for located in self.content.context.values():
            self.expect_all(self.content.actors, located.record.actors, located.origin, "actors", what="actor")
            self.expect_all(self.content.topics, located.record.topics, located.origin, "topics", what="topic")

    def of_glossary(self) -> None:
        for located in self.content.glossary.values():
            limit = located.record.limited_to
            if limit is not None:
                self.expect_all(self.content.topics, limit.topics, located.origin, "limited_to", "topics",
                                what="topic")
                self.expect_all(self.content.sources, limit.sources, located.origin, "limited_to", "sources",
                                what="source")


def _check_page_ids(content: Content, problems: list[Problem]) -> None:
    """An id that names the list page of its kind (actors/index.md…) would
    silently replace that page, or be replaced by it."""
    for kind, records in (("actor", content.actors), ("topic", content.topics), ("source", content.sources)):
        for record_id, located in sorted(records.items()):
            if record_id == "index":
                problems.append(Problem(located.origin.at(), f"the id 'index' is taken: {kind}s/index is the page "
                                        f"that lists every {kind}", f"rename the file, e.g. to '{kind}-index.yaml'"))


def _check_affiliation_cycles(content: Content, problems: list[Problem]) -> None:
    reported: set[str] = set()
    for start in sorted(content.actors):
        path = [start]
        _walk_affiliations(content, path, reported, problems)


def _walk_affiliations(content: Content, path: list[str], reported: set[str], problems: list[Problem]) -> None:
    located = content.actors.get(path[-1])
    if located is None:
        return
    for parent in located.record.affiliation:
        if parent in path:
            cycle = path[path.index(parent):] + [parent]
            if parent not in reported:
                reported.update(cycle)
                problems.append(Problem(located.origin.at("affiliation"),
                                        f"affiliations go round in a circle: {' → '.join(cycle)}",
                                        "an actor cannot belong, directly or not, to itself: remove one of these "
                                        "affiliations", located.origin.field("affiliation")))
            continue
        _walk_affiliations(content, path + [parent], reported, problems)


# Finding the closest passage costs tens of milliseconds a quote: a file of
# a thousand wrong quotes must fail in seconds, not minutes.
CLOSEST_PASSAGE_HINTS = 20


def quote_not_in_source(text: SourceText, source_id: str, quote: str, closest: bool = True) -> tuple[str, str]:
    """What `check` says of a quote that is not in its source: the message and
    the hint (with where the quote differs from the closest passage, unless
    ``closest`` is false). `new claim --quote` says the same (tools/scaffold.py)."""
    hint = "quote the text exactly"
    if closest:
        difference = explain_difference(text, quote)
        hint += f"; {difference}" if difference else ""
    return f"this quote is not in the source '{source_id}'", hint


def _locate_quotes(content: Content, texts: dict[str, SourceText],
                   problems: list[Problem]) -> tuple[dict[str, dict[str, Span]], dict[str, dict[str, Span]]]:
    """Where each quote stands: {claim id: {source id: span}}, and the same
    {source id: {claim id: span}}. Every piece of evidence is located as one
    quote is: normalised, disambiguated by occurrence, with offsets into the
    original text."""
    spans: dict[str, dict[str, Span]] = {}
    by_source: dict[str, dict[str, Span]] = {}
    hints_left = CLOSEST_PASSAGE_HINTS
    for claim_id, located in content.claims.items():
        claim, origin = located.record, located.origin
        found_spans = spans[claim_id] = {}
        for index, evidence in enumerate(claim.evidence):
            at = ("evidence", index)
            if evidence.source in found_spans or any(e.source == evidence.source for e in claim.evidence[:index]):
                problems.append(Problem(origin.at(*at, "source"), f"the source '{evidence.source}' is cited twice "
                                        "by this claim", "a claim cites each source once: quote the words that "
                                        "bear it in one passage, or make two claims", origin.field(*at, "source")))
                continue
            text = texts.get(evidence.source)
            if text is None:
                continue  # already reported: unknown source or unreadable text
            # In the preview, looked up again only for a quote or a text the last run did not have (content/memo.py).
            found = remembered("quote found", text, functools.partial(text.find, evidence.quote), key=evidence.quote)
            if not found:
                message, hint = quote_not_in_source(text, evidence.source, evidence.quote, closest=hints_left > 0)
                hints_left -= 1
                problems.append(Problem(origin.at(*at, "quote"), message, hint, origin.field(*at, "quote")))
            elif evidence.occurrence is None and len(found) > 1:
                problems.append(Problem(origin.at(*at, "quote"),
                                        f"this quote occurs {len(found)} times in the source '{evidence.source}'",
                                        "quote more words so that it is unique, or add 'occurrence: N' (1 for the first)",
                                        origin.field(*at, "quote")))
            elif evidence.occurrence is not None and evidence.occurrence > len(found):
                problems.append(Problem(origin.at(*at, "occurrence"),
                                        f"occurrence {evidence.occurrence} asked for, but the quote occurs "
                                        f"{len(found)} time(s)", "use a number from 1 to the count, or drop 'occurrence'",
                                        origin.field(*at, "occurrence")))
            else:
                span = found_spans[evidence.source] = found[(evidence.occurrence or 1) - 1]
                by_source.setdefault(evidence.source, {})[claim_id] = span
    return spans, by_source


def _check_claim_details(content: Content, evidence_spans: dict[str, dict[str, Span]],
                         problems: list[Problem]) -> None:
    for located in content.claims.values():
        claim, origin = located.record, located.origin
        quotes = [normalise(e.quote) for e in claim.evidence]
        # A quote that was not found in its source is reported already; the words
        # a figure or date takes from it are checked once it is mended, or a
        # correct figure would be reported as wrong (its hint asking to change it).
        all_quotes_found = len(evidence_spans.get(claim.id, {})) == len(claim.evidence)

        def inside_quote(words: str, *loc: str | int, quotes=quotes, origin=origin,
                         all_quotes_found=all_quotes_found) -> None:
            if all_quotes_found and not any(normalise(words) in quote for quote in quotes):
                which = "the claim's quote" if len(quotes) == 1 else "any of the claim's quotes"
                problems.append(Problem(origin.at(*loc), f"'{words}' is not part of {which}",
                                        "copy it exactly from the quote, or lengthen the quote to include it",
                                        origin.field(*loc)))

        for index, figure in enumerate(claim.figures):
            inside_quote(figure.said_as, "figures", index, "said_as")
        if claim.quotation:  # typed quote marks around it are reported on their own
            inside_quote(_without_quote_marks(claim.quotation.text), "quotation", "text")
        if claim.date:
            _check_date(content, claim, origin, inside_quote, problems)
        if claim.doubt and not claim.note:
            problems.append(Problem(origin.at("doubt"), f"claim '{claim.id}' has a doubt but no note saying why",
                                    "add a 'note' that explains the doubt (the claim's page shows it), or remove "
                                    "'doubt'", origin.field("note")))


def _check_date(content: Content, claim: model.Claim, origin: Origin, inside_quote, problems: list[Problem]) -> None:
    date = claim.date
    basis = date.basis
    if basis in (model.DateBasis.stated, model.DateBasis.relative):
        if not date.said_as:
            problems.append(Problem(origin.at("date"), f"a {basis.value} date needs 'said_as': the words of the quote that give it",
                                    "add e.g. 'said_as: Friday' under 'date'", origin.field("date", "said_as")))
        else:
            inside_quote(date.said_as, "date", "said_as")
    if basis is model.DateBasis.external and not date.context:
        problems.append(Problem(origin.at("date"), "an external date needs 'context': the context entry that cites it",
                                "add 'context: <id>' under 'date' (ids are in content/context.yaml), or choose another basis",
                                origin.field("date", "context")))
    # A relative date counts back from the publication date of a source that says it: the latest of them.
    published_dates = [content.sources[s].record.published.value for s in claim.sources if s in content.sources]
    if basis is model.DateBasis.relative and published_dates:
        published = max(published_dates)
        if date.value[: len(published)] > published:
            problems.append(Problem(origin.at("date", "value"),
                                    f"{date.value} is after the source's publication date ({published})",
                                    "a relative date ('Friday', 'last month') counts back from the publication date",
                                    origin.field("date", "value")))


# -- Words the site shows as they are typed: quotation marks, weekdays ----------

# The site puts a quotation's text between quote marks; typed ones as well
# would show doubled (““…””), so they are refused, with the text to write.
_OPENING_MARKS = "\"'\u2018\u201a\u201b\u201c\u201e\u201f\u00ab\u2039"
_CLOSING_MARKS = "\"'\u2019\u201d\u00bb\u203a"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


def _without_quote_marks(text: str) -> str:
    if len(text) >= 2 and text[0] in _OPENING_MARKS and text[-1] in _CLOSING_MARKS:
        return text[1:-1].strip()
    return text


def _check_quotation_marks_and_weekdays(content: Content, problems: list[Problem]) -> None:
    for located in content.claims.values():
        claim, origin = located.record, located.origin
        if claim.quotation:
            text = claim.quotation.text
            if _without_quote_marks(text) != text:
                problems.append(Problem(origin.at("quotation", "text"),
                                        f"the quotation's text is written with its quote marks ({text[0]} … {text[-1]})",
                                        f"write it without them: the site puts the quote marks around it: "
                                        f"'text: {_without_quote_marks(text)}'", origin.field("quotation", "text")))
        date = claim.date
        # An external date may differ from the source's words on purpose (the
        # source names the wrong day); its explanation then says so.
        documented = date is not None and date.basis is model.DateBasis.external and bool(date.explanation)
        if date and date.said_as and len(date.value) == 10 and not documented:
            named = _WEEKDAY_WORD.search(date.said_as)
            if named:
                day = datetime.date.fromisoformat(date.value)
                said = named.group(1).capitalize()
                actual = _WEEKDAYS[day.weekday()]
                if said != actual:
                    wanted = _WEEKDAYS.index(said)
                    before = day - datetime.timedelta(days=(day.weekday() - wanted) % 7)
                    after = day + datetime.timedelta(days=(wanted - day.weekday()) % 7)
                    problems.append(Problem(origin.at("date", "said_as"),
                                            f"'{date.said_as}' names a {said}, but {date.value} is a {actual}",
                                            f"correct the date: the {said} before it is {before.isoformat()}, the one "
                                            f"after it {after.isoformat()}; or correct 'said_as' (an external date "
                                            "that differs from the source's words on purpose says why in 'explanation')",
                                            origin.field("date", "said_as")))


# -- The home page's key figures: chosen in content/dossier.yaml -----------------

def _check_key_figures(content: Content, problems: list[Problem]) -> None:
    if content.dossier:
        _check_key_figures_of(content, content.dossier.origin, content.dossier.record.key_figures, problems)
    for located in content.stories.values():
        _check_key_figures_of(content, located.origin, located.record.key_figures, problems)


def _check_key_figures_of(content: Content, origin: Origin, key_figures: list[str], problems: list[Problem]) -> None:
    seen: set[str] = set()
    for index, claim_id in enumerate(key_figures):
        at = ("key_figures", index)
        # A key figure measures the story (model.MEASURING_FIGURES): not a date, a rank or a version.
        with_figures = [i for i, located in content.claims.items()
                        if any(f.measures_the_story for f in located.record.figures)]
        if claim_id not in content.claims:
            problems.append(Problem(origin.at(*at), f"unknown claim '{claim_id}'",
                                    suggest_id(claim_id, with_figures, "claim with figures"), origin.field(*at)))
        elif not content.claims[claim_id].record.figures:
            problems.append(Problem(origin.at(*at), f"the claim '{claim_id}' gives no figure",
                                    "list claims that have 'figures' (" + ", ".join(sorted(with_figures)[:8])
                                    + "), or add the figure to the claim", origin.field(*at)))
        elif claim_id not in with_figures:
            kinds = ", ".join(sorted({f.kind.value for f in content.claims[claim_id].record.figures}))
            problems.append(Problem(origin.at(*at), f"the claim '{claim_id}' gives no figure that measures the "
                                    f"story (its figures are of kind {kinds})",
                                    "list a claim with an amount, count, ratio or duration ("
                                    + ", ".join(sorted(with_figures)[:8]) + "), or correct the figure's 'kind'",
                                    origin.field(*at)))
        elif claim_id in seen:
            problems.append(Problem(origin.at(*at), f"the claim '{claim_id}' is listed twice",
                                    "remove one of them", origin.field(*at)))
        seen.add(claim_id)


# -- Placeholders: text still to be written is never published -----------------

# The one form the skeletons of `new` write ("Placeholder: who X is, …"), and
# the wording older skeletons used.
PLACEHOLDER_MARK = "Placeholder:"
_PLACEHOLDER = re.compile(r"\bPlaceholder:|\breplace this text\b", re.IGNORECASE)


def placeholder_warnings(content: Content) -> list[Problem]:
    """A warning at every text value that is still a placeholder, with where it is."""
    found = []
    for located in _located_records(content):
        placeholders = remembered("placeholders", located.record, functools.partial(_placeholder_texts, located.record))
        for loc, text in placeholders:
            shown = " ".join(text.split())
            shown = shown if len(shown) <= 100 else shown[:97] + "..."
            found.append(Problem(located.origin.at(*loc), f"this text is still a placeholder: \"{shown}\"",
                                 "write the real text in its place (the comment above it says what it is), or "
                                 "remove the field if it is optional; a strict build (`make site`) refuses "
                                 "placeholders", located.origin.field(*loc), kind="placeholders"))
    return found


def _placeholder_texts(record: model.BaseModel) -> list[tuple[tuple, str]]:
    """(place, text) of every text value of ``record`` that is still a placeholder."""
    return [(loc, text) for loc, text in _text_values(record, ()) if _PLACEHOLDER.search(text)]


def _text_values(value, loc: tuple):
    """(place, text) of every text value inside a record, with the field names the YAML uses."""
    if isinstance(value, model.BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _text_values(getattr(value, name), loc + (info.alias or name,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _text_values(item, loc + (index,))
    elif isinstance(value, str) and not isinstance(value, Enum):
        yield loc, value


def _check_relations(content: Content, problems: list[Problem]) -> None:
    seen: dict[tuple[str, str, str], Origin] = {}
    for located in content.relations:
        relation, origin = located.record, located.origin
        key = (relation.source_actor, relation.type, relation.target_actor)
        if relation.source_actor == relation.target_actor:
            problems.append(Problem(origin.at("to"), "a relation needs two different actors",
                                    f"'from' and 'to' are both '{relation.target_actor}': correct one of them", origin.field("to")))
        if key in seen:
            problems.append(Problem(origin.at("from"), f"this relation is given twice (first at {seen[key].at()})",
                                    "merge their claims into one entry", origin.field("from")))
        seen.setdefault(key, origin)


def _check_disagreements(content: Content, problems: list[Problem]) -> None:
    """A disagreement between two claims is marked once, on either of them (the site shows it on
    both): it must name another claim that exists, and no pair may be marked twice, either on the
    same claim or once from each side."""
    seen: dict[frozenset[str], Origin] = {}
    first_at: dict[frozenset[str], tuple] = {}
    for claim_id, located in content.claims.items():
        origin = located.origin
        for index, mark in enumerate(located.record.contradicts):
            at = ("contradicts", index, "claim")
            if mark.claim == claim_id:
                problems.append(Problem(origin.at(*at), f"the claim '{claim_id}' is marked as contradicting itself",
                                        "name the other claim, the one that gives a different date, figure or "
                                        "account", origin.field(*at)))
                continue
            if mark.claim not in content.claims:
                problems.append(Problem(origin.at(*at), f"unknown claim '{mark.claim}'",
                                        suggest_id(mark.claim, content.claims, "claim"), origin.field(*at)))
                continue
            pair = frozenset((claim_id, mark.claim))
            if pair in seen:
                # Neither mark is the wrong one: name both places and let the contributor keep either.
                one, other = seen[pair].at(*first_at[pair]), origin.at(*at)
                problems.append(Problem(other, f"the disagreement between '{claim_id}' and '{mark.claim}' "
                                        f"is marked twice: at {one} and at {other}",
                                        "a disagreement is marked once, on either claim, and shown on both: "
                                        "keep one of the two marks, whichever you like, with the note that says "
                                        "more, and remove the other", origin.field(*at)))
                continue
            seen[pair], first_at[pair] = origin, at


def _check_context_addresses(content: Content, problems: list[Problem]) -> None:
    """A context entry dated after the newest source carries the story past
    its sources ("what happened next"): it must name the published page that
    states it, so a reader can check a fact no source of the dossier gives."""
    newest = newest_source_date(content)
    if newest is None:
        return
    for located in content.context.values():
        entry = located.record
        if entry.date and is_after(entry.date, newest) and entry.citation.url is None:
            problems.append(Problem(
                located.origin.at("citation"),
                f"context entry '{entry.id}' is dated {entry.date}, after the newest source ({newest}), "
                "and its citation gives no address",
                "add 'url: https://…' under 'citation': the address of the published page that states the fact, "
                "copied from the page itself (never invented); leave the entry out if no such page can be found",
                located.origin.field("citation", "url")))


def _check_source_gaps(content: Content, problems: list[Problem]) -> None:
    """A source may lack a headline or a licence address (none is ever invented), but its
    record says why, so that a reader and the next contributor do not think it forgotten."""
    for located in content.sources.values():
        source, origin = located.record, located.origin
        missing = " and no ".join(what for what, absent in (("title", source.title is None),
                                                           ("licence address", source.licence.url is None)) if absent)
        if missing and not source.note:
            problems.append(Problem(origin.at(), f"this source has no {missing}, and no note saying why",
                                    f"add 'note:' saying why it has no {missing} (e.g. 'The text was published "
                                    "without a headline.'); or give what is missing, copied from the publication, "
                                    "never invented", origin.field("note")))


ADDED_HINT = ("add 'added: YYYY-MM-DD', the day it was added to the dossier (`python -m build_scripts new` "
              "writes it); for records older than the field, `python -m build_scripts.tools.added_dates` "
              "fills it in from the repository's history")


def _check_added_dates(content: Content, problems: list[Problem], today: str | None) -> None:
    """Every source and claim says the day it was added; no day is before what it depends on (a
    source's publication, the first of a claim's sources to be added, the claim a correction
    corrects), nor, when ``today`` is given, after today."""
    def not_after_today(date: str, origin: Origin, *loc: str | int) -> None:
        if today is not None and date > today:
            problems.append(Problem(origin.at(*loc), f"the date {date} is in the future (today is {today})",
                                    "give the day it was added or made, today or earlier (was the year mistyped?)",
                                    origin.field(*loc)))

    for source_id, located in sorted(content.sources.items()):
        source, origin = located.record, located.origin
        if source.added is None:
            problems.append(Problem(origin.at(), f"the source '{source_id}' has no 'added' date", ADDED_HINT,
                                    origin.field("added")))
            continue
        not_after_today(source.added, origin, "added")
        if is_after(source.published.value, source.added):
            problems.append(Problem(origin.at("added"), f"the source is added on {source.added}, before it was "
                                    f"published ({source.published.value})",
                                    "give the day it was added to the dossier, on or after its publication date",
                                    origin.field("added")))
    for claim_id, located in content.claims.items():
        claim, origin = located.record, located.origin
        if claim.added is None:
            problems.append(Problem(origin.at(), f"the claim '{claim_id}' has no 'added' date", ADDED_HINT,
                                    origin.field("added")))
        else:
            not_after_today(claim.added, origin, "added")
            sources = [(s.record.added, source_id) for source_id in dict.fromkeys(claim.sources)
                       if (s := content.sources.get(source_id)) is not None and s.record.added is not None]
            if sources and claim.added < min(sources)[0]:
                first_added, first_source = min(sources)
                problems.append(Problem(origin.at("added"), f"the claim is added on {claim.added}, before its "
                                        f"source '{first_source}' was added ({first_added})",
                                        f"a claim quotes a source of the dossier: give a day on or after "
                                        f"{first_added}", origin.field("added")))
        for index, correction in enumerate(claim.corrections):
            at = ("corrections", index, "date")
            not_after_today(correction.date, origin, *at)
            if claim.added is not None and correction.date < claim.added:
                problems.append(Problem(origin.at(*at), f"the correction is dated {correction.date}, before the "
                                        f"claim was added ({claim.added})",
                                        "give the day the correction was made, on or after the day the claim "
                                        "was added", origin.field(*at)))
    for records in (content.actors, content.topics):
        for located in records.values():
            for index, correction in enumerate(located.record.corrections):
                not_after_today(correction.date, located.origin, "corrections", index, "date")


def newest_source_date(content: Content) -> str | None:
    """The publication date of the newest source: where the sources' story ends."""
    return max((located.record.published.value for located in content.sources.values()), default=None)


def is_after(date: str, other: str) -> bool:
    """Whether the partial date ``date`` (2019, 2019-05, 2019-05-23) lies wholly after ``other``."""
    return date > other and not other.startswith(date)


def _located_records(content: Content) -> list[Located]:
    """Every record of the dossier, each with where it is, in a stable order."""
    located_records: list[Located] = [content.dossier] if content.dossier else []
    for records in (content.stories, content.sources, content.actors, content.topics, content.claims, content.glossary,
                    content.context):
        located_records += records.values()
    return located_records + content.relations


def _prose_links(record: model.BaseModel) -> list[tuple[tuple, list[ProseLink]]]:
    """(place, links) of every Prose text of ``record`` that holds links: every field the
    model types Prose, in every kind of record (found from the types, ``model.prose_texts``,
    so that a new Prose field is checked as soon as it exists)."""
    return [(loc, links) for loc, text in model.prose_texts(record) if (links := prose_links(text))]


def _check_prose_links(content: Content, problems: list[Problem]) -> None:
    targets = {"actor": content.actors, "topic": content.topics, "claim": content.claims,
               "source": content.sources, "glossary": content.glossary}
    for located in _located_records(content):
        origin = located.origin
        for loc, links in remembered("prose links", located.record, functools.partial(_prose_links, located.record)):
            for link in links:
                internal = link.internal
                if internal is None and not link.is_allowed:
                    problems.append(Problem(origin.at(*loc), f"the link target '{link.target}' is not allowed",
                                            "link to https://… addresses or to records: actor:ID, topic:ID, claim:ID, "
                                            "source:ID, glossary:ID", origin.field(*loc)))
                elif internal is not None and internal[1] not in targets[internal[0]]:
                    scheme, wanted = internal
                    problems.append(Problem(origin.at(*loc), f"the link '{link.target}' names an unknown {scheme}",
                                            suggest_id(wanted, targets[scheme], scheme,
                                                       mend=new_record_command(scheme, wanted)), origin.field(*loc)))


def _uncovered_sentences(texts: dict[str, SourceText], spans: dict[str, dict[str, Span]]) -> dict[str, list[Span]]:
    quoted_in: dict[str, list[Span]] = {source_id: [] for source_id in texts}
    for by_source in spans.values():
        for source_id, span in by_source.items():
            quoted_in[source_id].append(span)
    uncovered: dict[str, list[Span]] = {}
    for source_id, text in texts.items():
        quoted = quoted_in[source_id]
        uncovered[source_id] = [
            sentence for sentence in text.sentences()
            if not any(span.start < sentence.end and sentence.start < span.end for span in quoted)
        ]
    return uncovered


def _orphans(content: Content) -> list[Problem]:
    cited_actors = {a for c in content.claims.values() for a in c.record.actors}
    # A publisher's page lists what it published: it is not an orphan even if no claim is about it.
    cited_actors |= {a for s in content.sources.values() for a in (s.record.publisher, s.record.original_publisher) if a}
    cited_topics = {t for c in content.claims.values() for t in c.record.topics}
    warnings = [Problem(l.origin.at(), f"no claim is about the actor '{i}'", "add it to a claim's 'actors'",
                        kind="actors no claim is about")
                for i, l in sorted(content.actors.items()) if i not in cited_actors]
    warnings += [Problem(l.origin.at(), f"no claim belongs to the topic '{i}'", "add it to a claim's 'topics'",
                         kind="topics no claim belongs to")
                 for i, l in sorted(content.topics.items()) if i not in cited_topics]
    return warnings + _outside_every_story(content)


def _outside_every_story(content: Content) -> list[Problem]:
    """Topics and sources no story lists: their claims would be cited under no story's name."""
    if not content.stories:
        return [Problem(content.dossier.origin.at() if content.dossier else Mark("content/dossier.yaml", 1, 1),
                        "the dossier has no story: content/stories/ holds no file, so the home page has no lede",
                        'start one: `python -m build_scripts new story "its title" --topic <topic id> '
                        "--source <source id>`", kind="dossiers without a story")]
    stories = ", ".join(sorted(content.stories))
    warnings = []
    for what, records in (("topic", content.topics), ("source", content.sources)):
        listed = {i for s in content.stories.values() for i in getattr(s.record, what + "s")}
        warnings += [Problem(located.origin.at(), f"the {what} '{record_id}' belongs to no story",
                             f"add '{record_id}' to the '{what}s' of its story in content/stories/ ({stories}), "
                             'or start a story: `python -m build_scripts new story "its title"`',
                             kind=f"{what}s in no story")
                     for record_id, located in sorted(records.items()) if record_id not in listed]
    return warnings


def _seeds_without_records(content: Content) -> list[Problem]:
    """A text put in seeds/ and never recorded is not in the dossier: say so, with the command that records it."""
    recorded = {located.record.text for located in content.sources.values()}
    warnings = []
    for path in sorted(p.relative_to(content.root).as_posix() for p in (content.root / "seeds").glob("*.txt")):
        if path in recorded:
            continue
        # Only a name a record may give (model.Source.text) is repeated in the command; the mark names any file.
        if re.fullmatch(r"seeds/[A-Za-z0-9._-]+\.txt", path):
            hint = (f"record it: `python -m build_scripts new source {path}` with the options "
                    "`python -m build_scripts new source --help` lists; or delete the file")
        else:
            hint = ("rename it with letters, digits, '.', '_' or '-' only, then record it with "
                    "`python -m build_scripts new source seeds/<file>.txt`; or delete the file")
        warnings.append(Problem(Mark(path, 1, 1), "this text has no source record, so the dossier does not use it",
                                hint, kind="texts without a source record"))
    return warnings


def _coverage_warnings(content: Content, checked: CheckedDossier) -> list[Problem]:
    warnings = []
    for source_id, sentences in sorted(checked.uncovered.items()):
        text = checked.texts[source_id].text
        origin = content.sources[source_id].origin
        for sentence in sentences:
            excerpt = normalise(text[sentence.start : sentence.end])
            warnings.append(Problem(origin.at("text"), f"no claim quotes this sentence: \"{excerpt}\"",
                                    "add a claim whose quote is taken from it: `python -m build_scripts new claim`",
                                    kind="sentences no claim quotes"))
    return warnings


def load_and_check(root: Path, today: str | None = None) -> CheckedDossier:
    from build_scripts.content.load import load_content

    return check_content(load_content(root), today)


def today_anywhere() -> str:
    """Today's date where it is latest (UTC+14): no contributor's own today is after it. Read by
    `check --today clock` only, never by a build (``check_content``)."""
    return datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=14))).date().isoformat()
