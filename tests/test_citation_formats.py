"""Citations that reference managers read (pages/views/citations.py): each
claim's BibTeX and CSL-JSON in its "Cite this claim" box, and every claim's
in the Downloads' claims.bib and claims.csl.json (site_source/downloads.py).

The BibTeX is read by a small strict parser written here (it refuses what
BibTeX would misread: an unbalanced brace, a field twice, a stray character);
the CSL-JSON is validated against the shape the CSL-JSON schema
(citation-style-language/schema, csl-data.json) asks of the fields used."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.views import citations
from build_scripts.pages.views.claims import EVIDENCE_SHOWN

from .helpers import real_record_ids, soup

# -- a strict BibTeX reader -----------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class BibError(ValueError):
    pass


def _braced(text: str, at: int) -> int:
    """The index just past the brace group opening at ``at``. As BibTeX does, every brace
    counts, even after a backslash."""
    if text[at] != "{":
        raise BibError(f"expected {{ at {at}: {text[at:at + 20]!r}")
    depth, i = 0, at
    while i < len(text):
        char = text[i]
        depth += {"{": 1, "}": -1}.get(char, 0)
        i += 1
        if depth == 0:
            return i
    raise BibError("unbalanced braces")


def parse_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """[(entry type, key, {field: raw value})]: a braced value keeps its inner text (its own
    braces inside), a bare value (a month macro, a number) is kept as it is."""
    entries, i = [], 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i == len(text):
            return entries
        head = re.compile(r"@([a-z]+)\{([A-Za-z0-9_:.-]+),\n").match(text, i)
        if not head:
            raise BibError(f"expected an entry at {i}: {text[i:i + 30]!r}")
        kind, key, i = head.group(1), head.group(2), head.end()
        fields: dict[str, str] = {}
        while True:
            name = re.compile(r"  ([a-z]+) = ").match(text, i)
            if not name:
                raise BibError(f"{key}: expected a field at {text[i:i + 30]!r}")
            i = name.end()
            if text[i] == "{":
                end = _braced(text, i)
                value = text[i + 1:end - 1]
            else:
                bare = re.compile(r"[a-z]+|[0-9]+").match(text, i)
                if not bare:
                    raise BibError(f"{key}: a value is braced, a macro or a number: {text[i:i + 30]!r}")
                end, value = bare.end(), bare.group(0)
            if name.group(1) in fields:
                raise BibError(f"{key}: {name.group(1)} twice")
            fields[name.group(1)] = value
            i = end
            if text.startswith(",\n", i):
                i += 2
            elif text.startswith("\n}", i):
                i += 2
                break
            else:
                raise BibError(f"{key}: after {name.group(1)}: {text[i:i + 30]!r}")
        entries.append((kind, key, fields))


def _split_names(value: str) -> list[str]:
    """BibTeX's name list: split on " and " outside braces."""
    names, depth, start = [], 0, 0
    for i, char in enumerate(value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and value.startswith(" and ", i):
            names.append(value[start:i])
            start = i + 5
    return names + [value[start:]]


def _one_group(value: str) -> str:
    """The inside of a value that is one brace group, whole ({...}); else an error."""
    if not value.startswith("{") or _braced(value, 0) != len(value):
        raise BibError(f"not protected by one brace group: {value!r}")
    return value[1:-1]


def _unbib(text: str) -> str:
    for command, char in ((r"\textbackslash{}", "\\"), (r"\textasciitilde{}", "~"), (r"\textasciicircum{}", "^"),
                          (r"\textbraceleft{}", "{"), (r"\textbraceright{}", "}")):
        text = text.replace(command, char)
    return re.sub(r"\\([%&#$_])", r"\1", text)


# -- the CSL-JSON shape: the subset of csl-data.json for the fields the citations use ----

_DATE = {"type": "object", "properties": {
    "date-parts": {"type": "array", "minItems": 1, "maxItems": 2,
                   "items": {"type": "array", "minItems": 1, "maxItems": 3,
                             "items": {"type": ["string", "number"]}}},
    "literal": {"type": "string"}}, "additionalProperties": False}
_NAME = {"type": "object", "properties": {
    "family": {"type": "string"}, "given": {"type": "string"}, "literal": {"type": "string"}},
    "additionalProperties": False}
CSL_DATA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "type"],
        "properties": {
            "id": {"type": ["string", "number"]},
            # the item types of CSL 1.0.2
            "type": {"enum": ["article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
                              "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
                              "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
                              "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
                              "musical_score", "pamphlet", "paper-conference", "patent", "performance",
                              "periodical", "personal_communication", "post", "post-weblog", "regulation",
                              "report", "review", "review-book", "software", "song", "speech", "standard",
                              "thesis", "treaty", "webpage"]},
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "publisher": {"type": "string"},
            "original-publisher": {"type": "string"},
            "note": {"type": "string"},
            "URL": {"type": "string"},
            "author": {"type": "array", "items": _NAME},
            "issued": _DATE,
            "accessed": _DATE,
        },
        # every field the citations write is one csl-data.json knows
        "additionalProperties": False,
    },
}


def _check_csl(items: list) -> None:
    jsonschema.Draft7Validator(CSL_DATA).validate(items)


def _the_readers_are_strict() -> None:
    """The parser and the shape refuse what a reference manager would misread."""
    good = "@misc{a,\n  author = {{X Y}},\n  month = oct\n}\n"
    assert parse_bibtex(good) == [("misc", "a", {"author": "{X Y}", "month": "oct"})]
    for bad in ("@misc{a,\n  title = {x\n}", "@misc{a,\n  title = {x},\n  title = {y}\n}", "@misc{a,\n  title = {x\\{}\n}",
                "@misc{a,\n  title = x y\n}", "@misc{a,\n  title = {x}}"):
        with pytest.raises(BibError):
            parse_bibtex(bad)
    assert _split_names("{A and B} and {C}") == ["{A and B}", "{C}"]
    with pytest.raises(BibError):
        _one_group("{A} and {B}")
    for bad in ({"type": "webpage"}, {"id": "a", "type": "web page"}, {"id": "a", "type": "webpage", "author": "X"},
                {"id": "a", "type": "webpage", "issued": "2018"}, {"id": "a", "type": "webpage", "year": 2018}):
        with pytest.raises(jsonschema.ValidationError):
            _check_csl([bad])


# -- the real site --------------------------------------------------------------------

def _expected(content, claim_id: str) -> dict:
    """What a claim's citation must say, from its records."""
    record = content.claims[claim_id].record
    sources = [content.sources[e.source].record for e in record.evidence[:EVIDENCE_SHOWN]]
    publishers = list(dict.fromkeys(content.actors[s.publisher].record.name for s in sources))
    originals = [content.actors[s.original_publisher].record.name for s in sources if s.original_publisher]
    first = min(s.published.value for s in sources)
    return {"statement": record.statement, "publishers": publishers, "originals": originals,
            "date": [int(p) for p in first.split("-")]}


def _check_bibtex(entry, content, claim_id: str, address: str, accessed: bool) -> None:
    kind, key, fields = entry
    want = _expected(content, claim_id)
    assert (kind, key) == ("misc", claim_id)
    # Each publisher an organisation: its name braced inside the field's braces.
    assert [_unbib(_one_group(name)) for name in _split_names(fields["author"])] == want["publishers"]
    assert _unbib(_one_group(fields["title"])) == want["statement"]
    assert fields["year"] == str(want["date"][0])
    assert fields["month"] == _MONTHS[want["date"][1] - 1]
    assert fields["url"] == address
    note = _unbib(fields["note"])
    assert note.startswith("Quoting ")
    for original in want["originals"]:
        assert f", from {original}, " in note
    assert ("urldate" in fields) == accessed


def _story_title(content, claim_id: str) -> str:
    """The title of the story that lists the claim's first topic: the one its citation names."""
    first_topic = content.claims[claim_id].record.topics[0]
    return next(s.record.title for s in content.stories.values() if first_topic in s.record.topics)


def _check_csl_item(item: dict, content, claim_id: str, url: str | None) -> None:
    want = _expected(content, claim_id)
    assert item["id"] == claim_id and item["type"] == "webpage"
    assert item["title"] == want["statement"]
    assert item["container-title"] == _story_title(content, claim_id)
    assert item["author"] == [{"literal": p} for p in want["publishers"]]
    assert item["issued"] == {"date-parts": [want["date"]]}
    assert item.get("URL") == url
    if want["originals"]:
        assert item["original-publisher"] == "; ".join(dict.fromkeys(want["originals"]))
        assert all(f", from {o}, " in item["note"] for o in want["originals"])
    else:
        assert "original-publisher" not in item


def _boxes(site, page: str):
    for box in soup(site / page).select("details.dossier-cite"):
        yield box["data-claim"], box


@pytest.mark.parametrize("page", [f"topics/{t}.html" for t in real_record_ids("topics")])
def test_each_cite_box_gives_bibtex_and_csl_json_that_reference_managers_read(real_checked, built_site, page):
    content = real_checked.content
    boxes = list(_boxes(built_site, page))
    assert boxes
    for claim_id, box in boxes:
        address = f"topics/{content.claims[claim_id].record.topics[0]}.html#claim-{claim_id}"
        [entry] = parse_bibtex(box.select_one("pre.dossier-cite-bibtex").get_text())
        _check_bibtex(entry, content, claim_id, address, accessed=True)
        items = json.loads(box.select_one("pre.dossier-cite-csl").get_text())
        _check_csl(items)
        [item] = items
        _check_csl_item(item, content, claim_id, url=None)  # no site_url: no address to give


def test_todays_source_credits_newsweek_as_its_original_publisher(built_site):
    _the_readers_are_strict()
    [(_, _, fields)] = parse_bibtex(soup(built_site / "topics/jcpoa.html")
                                    .select_one("pre.dossier-cite-bibtex").get_text())
    assert fields["author"] == "{Mehr News Agency}" and (fields["year"], fields["month"]) == ("2018", "oct")
    assert "(Mehr News Agency, from Newsweek, 5 October 2018)" in fields["note"]


def test_the_downloads_hold_every_claims_citation(real_checked, built_site):
    content = real_checked.content
    entries = parse_bibtex((built_site / "downloads/claims.bib").read_text(encoding="utf-8"))
    items = json.loads((built_site / "downloads/claims.csl.json").read_text(encoding="utf-8"))
    _check_csl(items)
    assert [key for _, key, _ in entries] == [item["id"] for item in items] == sorted(content.claims)
    for entry, item in zip(entries, items, strict=True):
        claim_id = item["id"]
        address = f"topics/{content.claims[claim_id].record.topics[0]}.html#claim-{claim_id}"
        _check_bibtex(entry, content, claim_id, address, accessed=False)  # read on other days than the build's
        _check_csl_item(item, content, claim_id, url=None)
    # The Downloads page lists them.
    links = {a["href"] for a in soup(built_site / "downloads.html").select("article a")}
    assert {"downloads/claims.bib", "downloads/claims.csl.json"} <= links


def test_with_site_url_the_csl_json_gives_the_claims_address(real_checked, configured_site):
    content = real_checked.content
    for claim_id, box in _boxes(configured_site, "topics/jcpoa.html"):
        address = f"https://example.org/dossier/topics/{content.claims[claim_id].record.topics[0]}.html#claim-{claim_id}"
        [item] = json.loads(box.select_one("pre.dossier-cite-csl").get_text())
        _check_csl_item(item, content, claim_id, url=address)
        [entry] = parse_bibtex(box.select_one("pre.dossier-cite-bibtex").get_text())
        _check_bibtex(entry, content, claim_id, address, accessed=True)


# -- the fictional dossier: two publishers, none republished (in-process) --------------

def test_a_claim_of_two_publishers_names_both_as_organisations(fictional_generated):
    checked = fictional_generated.checked
    content = checked.content
    shared = [c for c, located in sorted(content.claims.items())
              if len({content.sources[e.source].record.publisher for e in located.record.evidence}) > 1]
    assert shared, "the fictional dossier has claims reported by both of its papers"
    entries = {key: (kind, key, fields) for kind, key, fields in
               parse_bibtex(fictional_generated.files["downloads/claims.bib"].decode("utf-8"))}
    items = {item["id"]: item for item in json.loads(fictional_generated.files["downloads/claims.csl.json"])}
    _check_csl(list(items.values()))
    assert set(entries) == set(items) == set(content.claims)
    for claim_id in shared:
        assert len(_split_names(entries[claim_id][2]["author"])) == 2
        assert len(items[claim_id]["author"]) == 2
    for claim_id in content.claims:
        address = citations.claim_citation(fictional_generated.indexes, claim_id, EVIDENCE_SHOWN).address
        _check_bibtex(entries[claim_id], content, claim_id, address, accessed=False)
        _check_csl_item(items[claim_id], content, claim_id, url=None)
        assert "from " not in items[claim_id]["note"].split(":")[0]  # no original publisher to name


def test_bibtex_special_characters_and_braces_in_a_statement_stay_text(fictional_checked):
    """A statement holding BibTeX's special characters and braces still makes one entry whose
    title is one protected group giving the statement back."""
    from dataclasses import replace

    checked = fictional_checked
    claim_id = sorted(checked.content.claims)[0]
    located = checked.content.claims[claim_id]
    hostile = "A {brace} } and % & # $ _ ~ ^ \\ of \"quotes\" <b>"
    record = located.record.model_copy(update={"statement": hostile})
    claims = dict(checked.content.claims) | {claim_id: replace(located, record=record)}
    content = replace(checked.content, claims=claims)
    citation = citations.claim_citation(PageIndexes(replace(checked, content=content)), claim_id, EVIDENCE_SHOWN)
    [(_, _, fields)] = parse_bibtex(citation.bibtex)
    assert _unbib(_one_group(fields["title"])) == hostile
    _check_csl([citation.csl])
    assert citation.csl["title"] == hostile
