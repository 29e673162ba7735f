"""The content model: one typed record per kind of YAML file.

Records refuse unknown fields, wrong types, malformed ids and impossible
dates. Rules that need more than one record (does this actor exist? is this
quote in its source?) live in ``check.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
import unicodedata
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from build_scripts.content.characters import describe, first_forbidden
from build_scripts.content.source_text import split_sentences

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def slugify(text: str) -> str:
    """An id made from a name or title: accents dropped ("é" -> "e"), then
    lowercase letters and digits joined by single hyphens, at most 80
    characters ("" when nothing is left)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:80].strip("-")


# Which characters text may hold: characters.py, shared with the source texts.
def _visible_text(value: str, *, allow_newlines: bool) -> str:
    """The value, if it holds no character that characters.py refuses."""
    at = first_forbidden(value, allow_newlines=allow_newlines)
    if at is not None:
        char = value[at]
        raise ValueError(f"contains {describe(char)}; " + ("replace it by a space" if char == "\t" else "remove it"))
    return value


def _line(value: str) -> str:
    return _visible_text(value, allow_newlines=False)


def _prose(value: str) -> str:
    return _visible_text(value.replace("\r\n", "\n"), allow_newlines=True)


def _one_sentence(value: str) -> str:
    sentences = split_sentences(value)
    if len(sentences) != 1:
        raise ValueError(f"holds {len(sentences)} sentences; write one")
    if value.rstrip("\"'\u201d\u2019)")[-1:] not in ".!?":
        raise ValueError("does not end a sentence; end it with a full stop")
    return value


Sentence = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_line),
    AfterValidator(_one_sentence),
    Field(description="One sentence of plain text, ending with a full stop. Shown exactly as written."),
]


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="A lowercase id of letters, digits and single hyphens, e.g. `narendra-modi`."),
]
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=600),
    AfterValidator(_line),
    Field(description="One line of plain text. Shown exactly as written: markup is not interpreted."),
]
Prose = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=5000),
    AfterValidator(_prose),
    Field(
        description="Text in paragraphs (separate them with a blank line). Allowed markup: "
        "*emphasis*, **strong**, and links [text](https://…) or [text](actor:russia) / "
        "(topic:s400-deal). Anything else is shown as typed."
    ),
]
Quote = Annotated[
    str,
    StringConstraints(min_length=1, max_length=2000),
    AfterValidator(_line),
    Field(description="Words copied exactly from the source text (spaces and quote marks may differ)."),
]


def _partial_date(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"'{value}' is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as error:
        raise ValueError(f"'{value}' is not a real date ({error})") from None
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    Field(description="A date as precise as known: `2018`, `2018-10` or `2018-10-05`.", examples=["2018-10-05"]),
]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class DateBasis(str, Enum):
    """How a date is known: stated (the source names it), relative (worked out from words such as
    "Friday" or "last month" and the publication date), external (from a context entry, with its
    citation), inferred (reasoned from the content)."""

    stated = "stated"  # the source names the date ("November 4")
    relative = "relative"  # derived from words like "Friday" or "last month" and the publication date
    external = "external"  # from outside the source: a context entry gives it with its citation
    inferred = "inferred"  # reasoned from the content (e.g. a source's own publication date)


class DateRef(Record):
    """When something happened, how precisely, and how we know."""

    value: PartialDate
    basis: DateBasis = Field(description="How the date is known: `stated`, `relative`, `external` or `inferred`.")
    said_as: Line | None = Field(None, description="The words of the source that give the date, e.g. `Friday`.")
    context: Slug | None = Field(None, description="For basis `external`: the context entry that cites the date.")
    explanation: Line | None = Field(None, description="How the date was established, in a sentence.")


def _day(value: object) -> str:
    value = _partial_date(value)
    if len(value) != 10:
        raise ValueError(f"'{value}' is not a day written YYYY-MM-DD: a correction gives the day it was made")
    return value


def _added_day(value: object) -> str:
    value = _partial_date(value)
    if len(value) != 10:
        raise ValueError(f"'{value}' is not a day written YYYY-MM-DD: 'added' gives the day the record was added")
    return value


# The day a source or claim was added to the dossier. Optional in the model so
# that a record without it is reported by check.py, where and with the command
# that fills it in, alongside every other problem; the schema lists it as
# required (``_requires_added``), so editors flag it as one.
AddedDay = Annotated[
    str,
    BeforeValidator(_added_day),
    Field(examples=["2030-05-17"]),
]


def _requires_added(schema: dict) -> None:
    schema["required"] = [*schema.get("required", []), "added"]
    added = schema["properties"]["added"]
    added.pop("anyOf", None)
    added.pop("default", None)
    added.update(type="string", pattern=r"^\d{4}-\d{2}-\d{2}$")


Day = Annotated[
    str,
    BeforeValidator(_day),
    Field(description="A day written `YYYY-MM-DD`.", examples=["2030-06-02"]),
]


CORRECTION_EXAMPLE = [{"date": "2030-06-02", "change": "The statement gave the figure as 45,000; the quote says 40,000.",
                       "reason": "A reader pointed out the misquoted figure."}]


class Correction(Record):
    """A dated correction of the record it stands in: what changed, when, and why. Only for real
    changes made to published content; never invented."""

    date: Day = Field(description="The day the correction was made, `YYYY-MM-DD`.")
    change: Line = Field(description="What changed, in neutral words.", examples=[CORRECTION_EXAMPLE[0]["change"]])
    reason: Line = Field(description="Why it changed.", examples=[CORRECTION_EXAMPLE[0]["reason"]])


class ConflictKind(str, Enum):
    """What two claims disagree on: a date, a figure, or their account of what happened."""

    date = "date"  # they give different dates for the same event
    figure = "figure"  # they give different numbers for the same thing
    account = "account"  # they tell the same thing differently


class Disagreement(Record):
    """A mark that this claim and another contradict each other. Stored once, on one of the two
    claims; the site shows it on both, without taking sides."""

    claim: Slug = Field(description="The id of the other claim, the one this claim contradicts.",
                        examples=["the-other-claim-id"])
    about: ConflictKind = Field(description="What they disagree on: `date`, `figure` or `account`.", examples=["date"])
    note: Line = Field(description="A neutral editorial note: what each side says, without choosing between them.",
                       examples=["The two articles give different days for the same event."])


class ActorKind(str, Enum):
    """What kind of actor this is."""

    person = "person"
    country = "country"
    government = "government"
    government_body = "government-body"
    military_body = "military-body"
    international_body = "international-body"
    court = "court"
    organisation = "organisation"
    media = "media"
    company = "company"
    armed_group = "armed-group"
    unnamed_sources = "unnamed-sources"


class Role(Record):
    """An office held, with its time."""

    title: Line = Field(description="The office, as a reader would name it, e.g. `President of Russia`.")
    start: PartialDate | None = Field(None, alias="from", description="When it began, as precisely as known.")
    end: PartialDate | None = Field(None, alias="until", description="When it ended; leave out while it lasts.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Actor(Record):
    """A person, country or organisation. Its id is its file name."""

    name: Line = Field(description="The name readers know, e.g. `Vladimir Putin`.")
    kind: ActorKind = Field(description="What kind of actor: `person`, `country`, `media`, `company`…")
    aliases: list[Line] = Field(default_factory=list, description="Other names, as the sources write them.")
    roles: list[Role] = Field(default_factory=list, description="Offices held, with their time.")
    affiliation: list[Slug] = Field(default_factory=list, description="Actors this one belongs to.")
    summary: Prose = Field(description="Who or what this is, in neutral words; its part in this story goes in "
                           "`part_in_story`, which the page shows above it.")
    part_in_story: Sentence | None = Field(
        None, description="Its part in this story in one sentence, from the sources, for the box at the top of its "
        "page; without it the box gives the summary's first sentence.")
    wikidata: Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")] | None = Field(
        None, description="The item's id on Wikidata (`Q` and digits), if it has one.")
    corrections: list[Correction] = Field(default_factory=list, description="Dated corrections of this actor: "
                                          "what changed, when and why.",
                                          examples=[CORRECTION_EXAMPLE])


class Topic(Record):
    """A thread of the story. Its id is its file name."""

    title: Line = Field(description="The thread's name, as a heading.")
    summary: Prose = Field(description="The background a reader needs, in a few neutral sentences.")
    related: list[Slug] = Field(default_factory=list, description="Ids of related topics.")
    order: int = Field(100, description="Position in topic lists; lower comes first.")
    corrections: list[Correction] = Field(default_factory=list, description="Dated corrections of this topic: "
                                          "what changed, when and why.",
                                          examples=[CORRECTION_EXAMPLE])


# Host and path characters as RFC 3986 allows them, minus the quote: the
# same addresses prose.safe_external_url accepts, so any URL that passes here
# renders (a Unicode host or a space would otherwise fail late).
HttpsAddress = Annotated[str, StringConstraints(
    pattern=r"^https://[A-Za-z0-9.-]+(:[0-9]+)?([/?#][A-Za-z0-9._~:/?#\[\]@!$&()*+,;=%-]*)?$",
    max_length=2000,
)]


class Licence(Record):
    """The licence a source is published under."""

    name: Line = Field(description="The licence's usual name, e.g. `CC BY 4.0`.")
    url: HttpsAddress | None = Field(None, description="The licence's address, `https://…`, as the publisher gives "
                                     "it; never invented: leave it out when there is none (the source's `note` says "
                                     "why).")


class Source(Record):
    """A document in `seeds/`. Its id is its file name; its text file is never edited."""

    model_config = ConfigDict(**Record.model_config, json_schema_extra=_requires_added)

    title: Line | None = Field(None, description="The document's title (its headline), as published; leave it out "
                               "when the text has none (the `note` says why).")
    publisher: Slug = Field(description="The actor that published this text.")
    original_publisher: Slug | None = Field(None, description="The actor that first published it, if republished.")
    published: DateRef = Field(description="When it was published, and how that was established.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")] = Field(
        description="The language of the text, as a code such as `en`.")
    licence: Licence = Field(description="The licence it is published under.")
    attribution: Line = Field(description="The credit the licence asks for, as it will be shown.")
    text: Annotated[str, StringConstraints(pattern=r"^seeds/[A-Za-z0-9._-]+\.txt$")] = Field(
        description="The path of the verbatim text file, `seeds/<name>.txt`.")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="The SHA-256 of the text file, so that any change to it is noticed; "
        "`python -m build_scripts new source` computes it.")
    url: HttpsAddress | None = Field(None, description="The address the text was published at, `https://…`, copied "
                                     "from the published page; never invented: leave it out when it is not known.",
                                     examples=["https://example.org/news/2030/05/16/bridge-reopens"])
    byline: Line | None = Field(None, description="The author's name as the text's byline gives it; leave it out "
                                "when the text has none.", examples=["Mira Oster"])
    note: Prose | None = Field(None, description="What a reader should know about the record; required when the "
                               "title or the licence's address is left out, to say why.",
                               examples=["The text was published without a headline."])
    added: AddedDay | None = Field(None, description="The day the source was added to the dossier, `YYYY-MM-DD` "
                                   "(`new source` writes today's); not before its publication date.")


class Certainty(str, Enum):
    """How sure the source is: stated (in its own voice), attributed (it says someone said it),
    reported (passed on with a hedge such as "reportedly"), alleged (an accusation)."""

    stated = "stated"  # the source says it in its own voice
    attributed = "attributed"  # the source says that someone said it
    reported = "reported"  # the source passes it on with a hedge: "reportedly", "according to"
    alleged = "alleged"  # an accusation: "accusing", "has accused"


class Attribution(Record):
    """Who asserts a claim and through whom it reached the source."""

    by: list[Slug] = Field(default_factory=list, description="Actors who assert it; empty for the source's own voice.")
    unnamed: Line | None = Field(None, description="Unnamed sources as the text calls them, e.g. `top industry sources`.")
    via: list[Slug] = Field(default_factory=list, description="Through whom it reached the source, nearest the speaker first.")


class FigureKind(str, Enum):
    """What kind of thing a figure is. Amounts, counts, ratios and durations measure the story and are
    the key figures; dates, ranks and versions are shown only with their claim."""

    amount = "amount"  # a quantity of money or goods: "1.25 million tons", "multibillion-dollar"
    count = "count"  # how many of something: "40 ships", "three ministers"
    ratio = "ratio"  # a share or a multiple: "75 percent", "nearly five times"
    duration = "duration"  # a length of time: "eight months", "17-year"
    date = "date"  # a year or a day used as a date: "2016", "November 4"
    rank = "rank"  # an ordinal: "first-ever", "for the first time"
    version = "version"  # a version number: "4.0" of a licence


# The kinds of figure that measure the story: the Key figures page and the home page show only these.
MEASURING_FIGURES = frozenset({FigureKind.amount, FigureKind.count, FigureKind.ratio, FigureKind.duration})


class Figure(Record):
    """A number the quote gives."""

    said_as: Line = Field(description="The figure as the quote writes it, e.g. `1.25 million tons`.")
    value: float | int | None = Field(
        None, allow_inf_nan=False, description="The number itself, if the quote gives one, e.g. `1250000`."
    )
    unit: Line = Field(description="What it is counted in, e.g. `tons`.")
    measures: Line = Field(description="What the number measures, in a few words.")
    kind: FigureKind = Field(
        FigureKind.amount, description="What kind of thing it is: `amount` (the default), `count`, `ratio` or "
        "`duration`, which measure the story and are the key figures; or `date` (a year or day used as a date), "
        "`rank` (an ordinal: `first-ever`) or `version` (`4.0` of a licence), shown only with their claim.",
        examples=["date"])

    @model_validator(mode="after")
    def _year_is_a_date(self) -> Figure:
        # The unit "year" is a calendar year ("2016"): left as an amount it would be a key figure.
        if self.unit.casefold() == "year" and self.kind is FigureKind.amount:
            raise ValueError("a figure in the unit 'year' is a calendar year: give it 'kind: date' "
                             "(a length of time is 'kind: duration', in the unit 'years')")
        return self

    @property
    def measures_the_story(self) -> bool:
        """Whether it is a key figure (MEASURING_FIGURES), not a date, rank or version."""
        return self.kind in MEASURING_FIGURES


class Quotation(Record):
    """Words the source gives in quotation marks, and who said them."""

    text: Line = Field(description="The words in quotation marks, as they stand in the quote.")
    speakers: list[Slug] = Field(min_length=1, description="Ids of the actors who said them.")
    occasion: Line = Field(description="When and where they were said, as far as the source tells.")


class Evidence(Record):
    """One piece of evidence for a claim: the exact words of one source that bear it. Who asserts it,
    how sure the source is and its hedge are the claim's unless given here, where this source differs."""

    source: Slug = Field(description="The id of the source that says it.")
    quote: Quote = Field(description="Words copied exactly from the source text (spaces and quote marks may differ).")
    occurrence: int | None = Field(None, ge=1, description="Which occurrence of the quote is meant, if it appears more than once.",
                                   examples=[2])
    attribution: Attribution | None = Field(None, description="Who asserts it in this source, where it differs from the claim's.",
                                            examples=[{"by": ["john-bolton"], "via": ["the-economic-times"]}])
    certainty: Certainty | None = Field(None, description="How sure this source is, where it differs from the claim's.",
                                        examples=["reported"])
    hedge: Line | None = Field(None, description="The words of this source that qualify it, where they differ from the claim's.",
                               examples=["reportedly"])


class Claim(Record):
    """One statement, in the curator's words, with the exact quotes of the sources that bear it."""

    model_config = ConfigDict(**Record.model_config, json_schema_extra=_requires_added)

    id: Slug = Field(description="The claim's id, unique across all claims files.")
    statement: Line = Field(description="What the quotes say, in the curator's own neutral words.")
    evidence: list[Evidence] = Field(min_length=1, description="The quotes that bear it, one per source "
                                     "(a fact two sources report is one claim with two pieces of evidence).")
    actors: list[Slug] = Field(default_factory=list, description="Ids of the actors it is about.")
    topics: list[Slug] = Field(min_length=1, description="Ids of the topics it belongs to (at least one).")
    attribution: Attribution = Field(default_factory=Attribution, description="Who asserts it and through whom.")
    certainty: Certainty = Field(description="How sure the source is: `stated`, `attributed`, `reported` or `alleged`.")
    hedge: Line | None = Field(None, description="The words that qualify it, e.g. `reportedly`.")
    date: DateRef | None = Field(None, description="When what it says happened, if the source dates it.")
    figures: list[Figure] = Field(default_factory=list, description="Numbers the quote gives.")
    quotation: Quotation | None = Field(None, description="Words the quote gives in quotation marks, with their speakers.")
    note: Prose | None = Field(None, description="An editorial note where the source is ambiguous or loose.")
    doubt: Line | None = Field(None, description="What is uncertain about the claim, in one neutral sentence "
                               "(the home page lists it under 'What is disputed or uncertain'); `note` says why.",
                               examples=["The article's day does not match the date of the court's order."])
    contradicts: list[Disagreement] = Field(
        default_factory=list,
        description="Claims this one contradicts (a different date, figure or account of the same thing), each "
        "with a neutral note. Mark a pair once, on either claim: both show it.",
        examples=[[{"claim": "the-other-claim-id", "about": "date",
                    "note": "The two articles give different days for the same event."}]])
    added: AddedDay | None = Field(None, description="The day the claim was added to the dossier, `YYYY-MM-DD` "
                                   "(`new claim` writes today's); not before the day its first source was added.")
    corrections: list[Correction] = Field(default_factory=list, description="Dated corrections of this claim: "
                                          "what changed, when and why.",
                                          examples=[CORRECTION_EXAMPLE])

    @property
    def source(self) -> str:
        """The source of the first piece of evidence: where pages list the claim."""
        return self.evidence[0].source

    @property
    def sources(self) -> list[str]:
        """Every source that bears the claim, in the order of its evidence."""
        return [e.source for e in self.evidence]

    def attribution_in(self, evidence: Evidence) -> Attribution:
        return evidence.attribution or self.attribution

    def certainty_in(self, evidence: Evidence) -> Certainty:
        return evidence.certainty or self.certainty

    def hedge_in(self, evidence: Evidence) -> str | None:
        return evidence.hedge if evidence.hedge is not None else self.hedge


class ClaimFile(Record):
    """A list of claims, usually about one topic."""

    claims: list[Claim] = Field(min_length=1, description="The claims, one list item each.")


RelationType = Literal[
    "buys-from", "supplies", "sanctions", "opposes", "supports", "cooperates-with",
    "part-of", "leads", "reports-on", "negotiates-with", "accuses", "party-to",
]


class Relation(Record):
    """A typed link between two actors, with the claims that evidence it."""

    source_actor: Slug = Field(alias="from", description="The id of the actor the relation goes from.")
    type: RelationType = Field(description="What the relation is, e.g. `buys-from`, `sanctions`, `part-of`.")
    target_actor: Slug = Field(alias="to", description="The id of the actor the relation goes to.")
    claims: list[Slug] = Field(min_length=1, description="Claims that evidence this relation.")
    note: Line | None = Field(None, description="A short remark where the claims need one.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RelationFile(Record):
    """Relations between actors."""

    relations: list[Relation] = Field(description="The relations, one list item each.")


class TermLimit(Record):
    """The topics and sources a glossary term belongs to: its story. A claim belongs to its topics and
    to the sources it quotes, and a topic's, source's or actor's page to its own record and to
    everything its claims belong to; the term is found on a page that belongs to one of them."""

    # At least one of the two lists: a limit that names nothing would hide the term everywhere.
    model_config = ConfigDict(json_schema_extra={"anyOf": [
        {"required": ["topics"], "properties": {"topics": {"minItems": 1}}},
        {"required": ["sources"], "properties": {"sources": {"minItems": 1}}},
    ]})

    topics: list[Slug] = Field(default_factory=list, description="Ids of the topics the term belongs to.",
                               examples=[["jcpoa"]])
    sources: list[Slug] = Field(default_factory=list, description="Ids of the sources the term belongs to: the articles of its story.",
                                examples=[["india-s400-iranian-oil"]])

    @model_validator(mode="after")
    def _names_something(self) -> TermLimit:
        if not self.topics and not self.sources:
            raise ValueError("'limited_to' names no topic and no source, so the term would be found nowhere; "
                             "give 'topics:' or 'sources:', or remove 'limited_to' for a term found everywhere")
        return self


class GlossaryTerm(Record):
    """A term readers may not know."""

    id: Slug = Field(description="The term's id, e.g. `caatsa`.")
    # Every page gets a hover abbreviation `*[term]: expansion` for each
    # term: that line is markup, so the term is limited to what it needs
    # ("+" for "2+2 dialogue"; "]", "\\" and line breaks would end it).
    term: Annotated[str, StringConstraints(
        strip_whitespace=True, max_length=80, pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9 .&+-]*[A-Za-z0-9.])?$",
    )] = Field(description="The term as written, e.g. `CAATSA`: letters, digits, spaces, hyphens, dots, `&` and `+` only.")
    expansion: Line | None = Field(None, description="What an abbreviation stands for.")
    definition: Prose = Field(description="What it means, in a sentence or two.")
    aliases: list[Line] = Field(default_factory=list, description="Other ways readers write or search for it.")
    limited_to: TermLimit | None = Field(
        None, description="For a term of one story: the ids of its `topics` and `sources`. The term is then found "
        "only on their pages and on the pages of topics, sources and actors that show one of their claims; pages "
        "about the whole dossier (home, timeline, glossary…) still show it. Leave it out for a term found on every "
        "page.",
        examples=[{"topics": ["jcpoa"]}])

    def names(self) -> list[str]:
        """The term and every other way of writing it (expansion, aliases), without repeats."""
        return list(dict.fromkeys([self.term, *([self.expansion] if self.expansion else []), *self.aliases]))


class GlossaryFile(Record):
    """The glossary."""

    terms: list[GlossaryTerm] = Field(description="The terms, one list item each.")


class Citation(Record):
    """A published document (a law, an official statement, a news report) that bears out a context entry."""

    title: Line = Field(description="The document's title, as published.")
    issuer: Line = Field(description="Who issued or published it, e.g. `United States Congress` or `NDTV`.")
    date: PartialDate = Field(description="When it was issued.")
    identifier: Line | None = Field(None, description="An official number, e.g. `Public Law 115-44`.")
    url: HttpsAddress | None = Field(None, description="The address of the published page that states the fact, "
                                     "`https://…`, copied from the page itself; never invented: leave it out when "
                                     "there is none. Required for an entry dated after the newest source.")


class ContextEntry(Record):
    """A fact from outside the sources that a reader needs, with its own citation."""

    id: Slug = Field(description="The entry's id, unique in the file.")
    statement: Line = Field(description="The fact, in neutral words.")
    citation: Citation = Field(description="The document that bears it out.")
    date: PartialDate | None = Field(None, description="When the fact happened, if it is an event.")
    actors: list[Slug] = Field(default_factory=list, description="Ids of the actors it is about.")
    topics: list[Slug] = Field(default_factory=list, description="Ids of the topics it belongs to.")


class ContextFile(Record):
    """Facts from outside the sources, each with its citation."""

    context: list[ContextEntry] = Field(description="The entries, one list item each.")


class Story(Record):
    """A story of the dossier: its title, its lede, and the topics and sources it is made of. Its id is
    its file name. With one story, the home page is the story's page; with several, each has its own
    page, and the home page leads with them. A claim belongs to the story of its first topic."""

    title: Line = Field(description="The story's title, as a heading, e.g. `The Velmora bridge reopens`.")
    lede: Prose = Field(description="The story in a few sentences: what happened, who did it, why it matters.")
    topics: list[Slug] = Field(min_length=1, description="Ids of the story's topics (at least one); a topic belongs "
                               "to one story, and a claim to the story of its first topic.")
    sources: list[Slug] = Field(default_factory=list, description="Ids of the sources that tell the story; a source "
                                "may tell several stories.")
    key_figures: list[Slug] = Field(default_factory=list, description="Ids of the claims whose figures the story's "
                                    "page shows, in order (each must give a figure); empty: the first figures of its "
                                    "topics.", examples=[["s400-deal-concluded"]])
    order: int = Field(100, description="Position among the stories; lower comes first.")


class Dossier(Record):
    """`content/dossier.yaml`: what the whole site is; its stories are in `content/stories/`."""

    title: Line = Field(description="The site's title: with several stories, a name for them all.")
    description: Line = Field(description="One sentence saying what the site is, for search engines and link previews.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")] = Field(
        description="The site's language, as a code such as `en`.")
    # -- what the engine used to say about one story: now content (issue 15) --
    about: Prose | None = Field(None, description="What the site is, for the top of the About page; the sources and "
                                "their licences are listed under it.")
    key_figures: list[Slug] = Field(default_factory=list, description="Ids of the claims whose figures the home page "
                                    "shows, in order (each must give a figure); empty: the first figures of each topic.")


RECORD_KINDS: dict[str, type[Record]] = {
    "dossier": Dossier,
    "story": Story,
    "source": Source,
    "actor": Actor,
    "topic": Topic,
    "claims": ClaimFile,
    "relations": RelationFile,
    "glossary": GlossaryFile,
    "context": ContextFile,
}


# -- Where Prose is: every Prose field of every record, for the rules that read all of them --


def _holds_prose(annotation: object) -> bool:
    """Whether a field's type is Prose, or holds it (``Prose | None``, ``list[Prose]``)."""
    if annotation is Prose:
        return True
    if typing.get_origin(annotation) is Annotated:
        return False  # another constrained type (Line, Slug…): its arguments are its metadata
    return any(_holds_prose(argument) for argument in typing.get_args(annotation))


@functools.cache
def _prose_fields_of(kind: type[Record]) -> dict[str, bool]:
    """{field name: whether its type holds Prose}, from the record class's annotations."""
    hints = typing.get_type_hints(kind, include_extras=True)
    return {name: _holds_prose(hints[name]) for name in kind.model_fields}


def prose_texts(record: Record) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every Prose text in a record, nested records and lists included, with its place in
    the file (field names as written, and list indexes): ``(("claims", 3, "note"), text)``.
    Found from the types, so that a new Prose field is read by every rule that reads prose."""
    yield from _prose_in(record, False, ())


def _prose_in(value: object, is_prose: bool, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, Record):
        holds_prose = _prose_fields_of(type(value))
        for name, info in type(value).model_fields.items():
            yield from _prose_in(getattr(value, name), holds_prose[name], loc + (info.alias or name,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _prose_in(item, is_prose, loc + (index,))
    elif is_prose and isinstance(value, str):
        yield loc, value

