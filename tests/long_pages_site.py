"""A FICTIONAL dossier with every long list a hostile contributor could make, all at
once, so that one build answers every test of them (tests/test_long_pages.py and the
browser's tests/browser/test_long_source.py): the fictional dossier
(tests/fictional_dossier/: invented town, invented newspapers) with, added at run time,

- a source text at its size limit quoted end to end, every sentence by several of
  2,000 claims that belong to one topic and name one actor (so that the text, the
  topic and the actor each have thousands of claims), its first by hundreds;
- another text at its size limit quoted by 60 claims with long statements, whose
  side notes stand beside the text (so that the notes are cut with the text);
- a short text one sentence of which 2,100 claims quote (its anchors and highlight);
- a text at its size limit with no paragraph break nor sentence end (one block, as
  written), every stretch of it quoted, and one quote of 1,900 characters across it;
- an actor with 3,000 aliases; 400 long-titled topics whose pages use one glossary term;
- and the other lists a page shows whole: the crowded claims all dated (a topic's and an
  actor's events), 120 context entries on the crowded topic, its 400 related topics, 60
  glossary terms on its claims, and the many-named actor's 300 roles and 100 relations
  to actors of their own (its network picture).
"""

from __future__ import annotations

import re
from pathlib import Path

from build_scripts.content.source_text import MAX_TEXT_BYTES

from .test_seed_limits import long_text, write_source, write_yaml

PAGE_BYTES = 100 * 1024  # no page over 100 KB of HTML

LONG_SOURCE = "zz-quoted-throughout"
CROWDED_TOPIC = "zz-crowded"
NAMED_ACTOR = "zz-many-names"
TERM = "crown"  # the fictional dossier's term ("crowns"), used by every small topic
CLAIMS = 2000  # on the crowded topic and the actor, quoting the long text end to end
ON_FIRST_SENTENCE = 400  # of them quote its first sentence: one passage, quoted 400 times more
ALIASES = 3000
SMALL_TOPICS = 400  # topics whose pages use the term
TOPIC_TITLE_WORDS = 30  # long titles: the "used in" list is heavy with fewer topics
NOTED_SOURCE = "zz-noted-throughout"
NOTED_TOPIC = "zz-noted"
NOTED_CLAIMS = 60
CONTEXT_ENTRIES = 120  # on the crowded topic; every other one dated
TERMS = 60  # glossary terms, each named by a crowded claim
ROLES = 300
NEIGHBOURS = 100  # actors the many-named actor has a relation to (more than its page lists)
ONE_SENTENCE_SOURCE = "zz-one-sentence"  # its second sentence quoted by ON_ONE_SENTENCE claims
ON_ONE_SENTENCE = 2100
QUOTED_SENTENCE = "The invented guild said the crossing was calm all morning."
UNBROKEN_SOURCE = "zz-unbroken"
LONG_QUOTE_CHARACTERS = 1900  # about, the one quote across several blocks of the unbroken text


def write_hostile_dossier(root: Path) -> dict:
    """The hostile cases added to the fictional project at ``root``; returns what was written."""
    text = long_text(MAX_TEXT_BYTES)
    sentences = re.findall(r"[A-Z][^.]* report \d+ [^.]*\.", text)
    write_source(root, LONG_SOURCE, text, "Fictional test article: every sentence quoted", "velmora-courier",
                 "2030-05-16")
    write_yaml(root, f"content/actors/{NAMED_ACTOR}.yaml", {
        "name": "The Velmora Ferry Guild", "kind": "organisation",
        "summary": "An invented guild with thousands of invented names.",
        "aliases": [f"velmora ferry guild alias number {i + 1}" for i in range(ALIASES)],
        "roles": [{"title": f"Invented office number {i + 1} of the guild", "from": f"{2000 + i % 30}"}
                  for i in range(ROLES)]})
    write_yaml(root, f"content/topics/{CROWDED_TOPIC}.yaml", {
        "title": "The crowded topic", "summary": "An invented topic with thousands of invented claims.",
        "related": [f"zz-small-{number}" for number in range(1, SMALL_TOPICS + 1)]})
    filler = " ".join(["bridge"] * TOPIC_TITLE_WORDS)
    for number in range(1, SMALL_TOPICS + 1):
        write_yaml(root, f"content/topics/zz-small-{number}.yaml", {
            "title": f"Fictional small topic {number} about the {filler}",
            "summary": f"The crowns of invented small topic {number}."})
    claims = []
    for number in range(CLAIMS):
        sentence = 0 if number >= CLAIMS - ON_FIRST_SENTENCE else number % len(sentences)
        term = f" about zzterm{number % TERMS + 1}" if number < TERMS else ""
        claims.append({
            "id": f"zz-claim-{number + 1}", "statement": f"The long report's sentence {sentence + 1} "
                                                          f"(fictional claim {number + 1}){term}.",
            "date": {"value": f"20{10 + number % 20}-{number % 12 + 1:02}-{number % 28 + 1:02}", "basis": "inferred",
                     "explanation": "Invented for the tests."},
            "evidence": [{"source": LONG_SOURCE, "quote": sentences[sentence]}],
            "actors": [NAMED_ACTOR], "topics": [CROWDED_TOPIC, f"zz-small-{number % SMALL_TOPICS + 1}"],
            "certainty": "stated", "added": f"2030-05-{17 + number % 10}"})
    write_yaml(root, "content/claims/zz-crowded.yaml", {"claims": claims})
    noted = _add_noted_source(root, text.replace(" report ", " notice "))
    _add_other_lists(root)
    return {"sentences": len(sentences), "claims": claims, "noted": noted,
            "one_sentence": _add_one_sentence_source(root), "unbroken": _add_unbroken_source(root)}


def _add_one_sentence_source(root: Path) -> list[dict]:
    """A short text whose one sentence ON_ONE_SENTENCE claims quote, all from the same word."""
    write_source(root, ONE_SENTENCE_SOURCE, f"The invented ferry of Velmora sailed at dawn. {QUOTED_SENTENCE} "
                 "Residents watched from the bank.\n", "Fictional test article: one sentence quoted by thousands",
                 "velmora-courier", "2030-05-18")
    write_yaml(root, f"content/topics/{ONE_SENTENCE_SOURCE}.yaml", {
        "title": "The much-quoted sentence", "summary": "An invented topic whose claims all quote one sentence."})
    claims = [{"id": f"zz-calm-{number + 1}", "statement": f"The crossing was calm (fictional claim {number + 1}).",
               "evidence": [{"source": ONE_SENTENCE_SOURCE, "quote": QUOTED_SENTENCE}],
               "actors": ["velmora"], "topics": [ONE_SENTENCE_SOURCE], "certainty": "stated", "added": "2030-05-20"}
              for number in range(ON_ONE_SENTENCE)]
    write_yaml(root, "content/claims/zz-one-sentence.yaml", {"claims": claims})
    return claims


def unbroken_text(size: int) -> str:
    """A FICTIONAL text of exactly ``size`` bytes with no blank line and no sentence end:
    the long article's sentences, ended by semicolons, on one line."""
    text = long_text(size).replace(".\n\n", "; ").replace(".", ";").removesuffix(";\n")
    fill = size - len(text) - len(";\n")
    text += (" and so on" * (fill // 10 + 1))[:fill] + ";\n"
    assert len(text.encode("utf-8")) == size and "\n\n" not in text
    return text


def _add_unbroken_source(root: Path) -> list[dict]:
    """A text at its size limit in one paragraph without a sentence end, each of its stretches
    between semicolons quoted by a claim, and one quote across several of them."""
    text = unbroken_text(MAX_TEXT_BYTES)
    stretches = re.findall(r"[A-Z][^;]* report \d+ [^;]*;", text)
    write_source(root, UNBROKEN_SOURCE, text, "Fictional test article: one unbroken paragraph", "ost-valley-herald",
                 "2030-05-19")
    write_yaml(root, f"content/topics/{UNBROKEN_SOURCE}.yaml", {
        "title": "The unbroken text", "summary": "An invented topic whose claims quote a text without a break."})
    start = text.index(stretches[10])
    long_quote = text[start : text.rindex(";", start, start + LONG_QUOTE_CHARACTERS) + 1]
    claims = [{"id": f"zz-unbroken-{number + 1}", "statement": f"The unbroken text's stretch {number + 1} (fictional).",
               "evidence": [{"source": UNBROKEN_SOURCE, "quote": quote}],
               "actors": ["velmora"], "topics": [UNBROKEN_SOURCE], "certainty": "stated", "added": "2030-05-20"}
              for number, quote in enumerate([*stretches, long_quote])]
    write_yaml(root, "content/claims/zz-unbroken.yaml", {"claims": claims})
    return claims


def _add_noted_source(root: Path, text: str) -> list[dict]:
    """A text at its size limit whose 60 claims (fewer than a page lists beside a text)
    have long statements, every fourth sentence quoted: heavy side notes."""
    sentences = re.findall(r"[A-Z][^.]* notice \d+ [^.]*\.", text)
    write_source(root, NOTED_SOURCE, text, "Fictional test article: side notes throughout", "ost-valley-herald",
                 "2030-05-17")
    write_yaml(root, f"content/topics/{NOTED_TOPIC}.yaml", {
        "title": "The noted topic", "summary": "An invented topic whose claims stand beside their text."})
    step = len(sentences) // NOTED_CLAIMS
    claims = [{"id": f"zz-noted-{number + 1}",
               "statement": f"The long notice's sentence {number * step + 1} says, in fictional words: "
                            + " ".join(["the invented footbridge stays closed"] * 14) + ".",
               "evidence": [{"source": NOTED_SOURCE, "quote": sentences[number * step]}],
               "actors": ["velmora"], "topics": [NOTED_TOPIC], "certainty": "stated", "added": "2030-05-20"}
              for number in range(NOTED_CLAIMS)]
    write_yaml(root, "content/claims/zz-noted.yaml", {"claims": claims})
    return claims


def _add_other_lists(root: Path) -> None:
    """Context, glossary terms and relations by the hundred (see the module's docstring)."""
    write_yaml(root, "content/context.yaml", {"context": [
        {"id": f"zz-context-{number + 1}",
         "statement": f"An invented fact from outside the sources, number {number + 1}, about the crowded topic.",
         "citation": {"title": f"Invented register, entry {number + 1}", "issuer": "The invented registry of Velmora",
                      "date": "2029-01-01"},
         **({"date": f"2029-{number % 12 + 1:02}-01"} if number % 2 else {}),
         "topics": [CROWDED_TOPIC]} for number in range(CONTEXT_ENTRIES)]})
    glossary = (root / "content" / "glossary.yaml").read_text(encoding="utf-8")
    write_yaml(root, "content/glossary.yaml", {"terms": [
        {"id": "crown", "term": "crowns", "definition": "The invented currency of the fictional town of Velmora."},
        *({"id": f"zzterm{number + 1}", "term": f"zzterm{number + 1}",
           "definition": f"Invented term number {number + 1}, defined at some length so that a list of many "
                         "of them weighs what real definitions weigh on a page."} for number in range(TERMS))]})
    assert "id: crown" in glossary, "the fictional glossary's term is kept"
    for number in range(1, NEIGHBOURS + 1):
        write_yaml(root, f"content/actors/zz-neighbour-{number}.yaml", {
            "name": f"Invented neighbour {number}", "kind": "organisation",
            "summary": f"An invented organisation tied to the guild, number {number}."})
    relations = (root / "content" / "relations.yaml")
    existing = relations.read_text(encoding="utf-8")
    write_yaml(root, "content/relations.yaml", {"relations": [
        {"from": "ilse-brandt", "type": "leads", "to": "velmora-council", "claims": ["mayor-cut-the-ribbon"]},
        *({"from": NAMED_ACTOR, "type": "cooperates-with", "to": f"zz-neighbour-{number}",
           "claims": [f"zz-claim-{number}"]} for number in range(1, NEIGHBOURS + 1))]})
    assert "from: ilse-brandt" in existing, "the fictional relation is kept"
