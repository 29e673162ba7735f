"""The engine's views, called directly on the fictional dossier (tests/fictional_dossier/,
invented: the town of Velmora, its two newspapers): the annotated reader (pages/derived/reader.py),
a claim's view (pages/views/claims.py), its citation (pages/views/citations.py) and the JSON-LD
(pages/views/jsonld.py). In-process, without a site build: the fast tier."""

from __future__ import annotations

import json
import re

import pytest

from build_scripts.content import model
from build_scripts.content.source_text import SourceText, Span
from build_scripts.pages.addresses import claim_address
from build_scripts.pages.context import PageContext
from build_scripts.pages.derived import reader
from build_scripts.pages.views import citations, claims, jsonld

CORROBORATED = "bridge-over-the-ost-reopened"  # quoted by both invented articles
SOURCES = ["velmora-courier-bridge", "ost-herald-bridge"]  # in the claim's order
TOPIC_PAGE = "topics/bridge-reopening.md"


@pytest.fixture(scope="module")
def indexes(fictional_generated):
    return fictional_generated.indexes


@pytest.fixture
def topic_page(indexes) -> PageContext:
    return PageContext(indexes, TOPIC_PAGE)


# -- the reader ---------------------------------------------------------------------

@pytest.mark.parametrize("source_id", SOURCES)
def test_the_reader_cuts_the_whole_text_into_pieces_and_loses_none(indexes, source_id):
    source = indexes.checked.texts[source_id]
    spans = indexes.checked.spans_by_source[source_id]
    reading = reader.read(source, spans, indexes.actor_names_by_first_word)
    paragraphs = reader.paragraph_spans(source.text)
    # The pieces, put back together, are the paragraphs; only the breaks between them are left out.
    joined = "".join(piece.text for pieces in reading.paragraphs for piece in pieces)
    assert joined == "".join(source.text[p.start:p.end] for p in paragraphs)
    assert all(piece.text for pieces in reading.paragraphs for piece in pieces)
    # Each claim's quote is covered by the pieces that say they belong to it, and starts at one.
    for claim_id, span in spans.items():
        at = 0
        covered = []
        starts = []
        for piece in (p for pieces in reading.paragraphs for p in pieces):
            start = source.text.index(piece.text, at)
            at = start + len(piece.text)
            if span.start <= start and at <= span.end:
                covered.append((piece, start))
            if claim_id in piece.starts:
                starts.append(start)
        assert covered and all(claim_id in piece.claims for piece, _ in covered), claim_id
        assert starts == [span.start], claim_id


def test_the_reader_links_each_actors_name_and_aliases_as_whole_words(indexes, fictional_checked):
    actors = fictional_checked.content.actors
    for source_id in SOURCES:
        reading = reader.read(indexes.checked.texts[source_id], indexes.checked.spans_by_source[source_id],
                              indexes.actor_names_by_first_word)
        named = [(p.text, p.actor) for pieces in reading.paragraphs for p in pieces if p.actor]
        assert named, source_id
        for text, actor_id in named:
            record = actors[actor_id].record
            assert " ".join(text.split()) in {record.name, *record.aliases}, (text, actor_id)


def test_an_actors_name_matches_whole_words_only_and_the_longer_name_wins():
    # FICTIONAL: invented names.
    text = SourceText("The Velmora Council met. Velmorans cheered; Velmora slept.")
    names = {"Velmora": [("velmora", "Velmora")], "": []}
    names["Velmora"].append(("velmora-council", "Velmora Council"))
    mentions = reader.actor_mentions(text, names)
    found = [(text.text[m.span.start:m.span.end], m.actor) for m in mentions]
    assert found == [("Velmora Council", "velmora-council"), ("Velmora", "velmora")]


def test_quoted_runs_merge_neighbours_quoted_by_the_same_claims():
    runs = reader.quoted_runs({"a": Span(0, 10), "b": Span(5, 20), "c": Span(20, 25)})
    assert [(r.span.start, r.span.end, r.claims) for r in runs] == [
        (0, 5, ("a",)), (5, 10, ("a", "b")), (10, 20, ("b",)), (20, 25, ("c",))]


def test_a_long_paragraph_is_shown_in_blocks_of_whole_sentences():
    sentence = "This invented sentence is about forty characters. "
    text = (sentence * 40).strip()
    sentences, at = [], 0
    for _ in range(40):
        start = text.index("This", at)
        at = start + len(sentence.strip())
        sentences.append(Span(start, at))
    blocks = reader.reading_blocks(text, [Span(0, len(text))], sentences)
    assert len(blocks) > 1
    assert all(text[b.start:b.end].startswith("This") and text[b.start:b.end].endswith(".") for b in blocks)
    assert all(b.end - b.start <= reader.BLOCK_CHARACTERS for b in blocks)


def test_a_stretch_without_a_sentence_end_is_cut_at_spaces_or_else_anywhere():
    """A text is cut into pages between blocks: one block of 40,000 characters would be a page too heavy."""
    for text, between in ((("an invented clause without a full stop; " * 1000).strip(), " "), ("x" * 40_000, "")):
        blocks = reader.reading_blocks(text, [Span(0, len(text))], [Span(0, len(text))])
        assert len(blocks) > 25 and all(b.end - b.start <= reader.LONGEST_BLOCK for b in blocks)
        # Nothing is lost but the space between two blocks.
        assert between.join(text[b.start:b.end] for b in blocks) == text


# -- a claim's view -----------------------------------------------------------------

def test_a_corroborated_claim_shows_each_sources_quote_in_its_order(topic_page, fictional_checked):
    view = claims.claim(topic_page, CORROBORATED)
    texts = fictional_checked.texts
    assert [e.source_id for e in view.evidence] == SOURCES
    for evidence in view.evidence:
        span = fictional_checked.evidence_spans[CORROBORATED][evidence.source_id]
        assert evidence.quote == " ".join(texts[evidence.source_id].text[span.start:span.end].split())
        assert evidence.quote_link.url == f"../sources/{evidence.source_id}.md#q-{CORROBORATED}"
        assert evidence.certainty == "stated"
    assert view.evidence_from("ost-herald-bridge").source_id == "ost-herald-bridge"
    assert view.evidence_from(None).source_id == SOURCES[0]
    assert claims.claim(topic_page, CORROBORATED) is view, "a claim's view is made once per folder"


def test_a_claims_attribution_certainty_and_hedge_come_from_its_evidence(topic_page):
    council = claims.claim(topic_page, "repairs-cost-40000-crowns").evidence[0]
    assert [link.url for link in council.asserted_by] == ["../actors/velmora-council.md"]
    assert (council.certainty, council.hedge) == ("attributed", None)
    papers = claims.claim(topic_page, "repairs-cost-55000-crowns").evidence[0]
    assert (papers.unnamed, papers.certainty, papers.hedge) == ("council papers", "reported", "According to")


def test_contradicting_claims_show_each_other_and_corrections_newest_first(topic_page):
    forty = claims.claim(topic_page, "repairs-cost-40000-crowns")
    fifty_five = claims.claim(topic_page, "repairs-cost-55000-crowns")
    assert [c.about for c in forty.conflicts] == [c.about for c in fifty_five.conflicts] == ["figure"]
    assert "claim-repairs-cost-55000-crowns" in str(forty.conflicts[0].other.url)
    assert "claim-repairs-cost-40000-crowns" in str(fifty_five.conflicts[0].other.url)
    assert [c.date for c in forty.corrections] == ["2030-06-02", "2030-05-20"]
    assert [(f.said_as, f.unit) for f in forty.figures] == [("40,000 crowns", "crowns")]
    assert not claims.claim(topic_page, "mayor-cut-the-ribbon").conflicts


# -- citations ----------------------------------------------------------------------

def test_a_citation_quotes_every_source_with_its_title_publisher_and_date(topic_page, fictional_checked):
    content = fictional_checked.content
    cite = claims.claim(topic_page, CORROBORATED).cite
    assert cite.address.endswith(f"topics/bridge-reopening.html#claim-{CORROBORATED}")
    # The claim's story (its first topic's), not the dossier's title.
    assert cite.text.startswith(f"“{content.claims[CORROBORATED].record.statement}” The Velmora bridge reopens, ")
    for source_id in SOURCES:
        source = content.sources[source_id].record
        assert f"{source.title} ({content.actors[source.publisher].record.name}, " in cite.text
    assert cite.text.endswith(f"Accessed {citations.ACCESSED}.")
    assert cite.bibtex.startswith(f"@misc{{{CORROBORATED},\n  author = {{")
    assert f"\n  title = {{{{{content.claims[CORROBORATED].record.statement}}}}}," in cite.bibtex
    assert f"urldate = {{{citations.ACCESSED}}}" in cite.bibtex


def test_a_claims_address_is_on_its_first_topics_page_from_every_page(indexes):
    assert claim_address(indexes.content, CORROBORATED).in_site == f"topics/bridge-reopening.html#claim-{CORROBORATED}"
    for page in ("index.md", "actors/velmora.md", "sources/ost-herald-bridge.md", TOPIC_PAGE):
        view = PageContext(indexes, page)
        cite = citations.cite_view(view, CORROBORATED, claims.EVIDENCE_SHOWN)
        assert cite.address == f"topics/bridge-reopening.html#claim-{CORROBORATED}"


def test_bibtex_special_characters_are_escaped():
    assert citations._bib("50% of {x} & #1_a ~b^c\\") == \
        r"50\% of \textbraceleft{}x\textbraceright{} \& \#1\_a \textasciitilde{}b\textasciicircum{}c\textbackslash{}"


# -- JSON-LD ------------------------------------------------------------------------

def _parsed(script) -> dict:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', str(script), re.DOTALL)
    assert match
    return json.loads(match[1])


def test_no_value_can_close_the_script_element_and_every_value_comes_back():
    hostile = {"name": "</script><script>alert(1)</script><!-- & \u2028\u2029 end"}
    script = jsonld.script(hostile)
    inner = str(script)[len('<script type="application/ld+json">'):-len("</script>")]
    assert not set("<>&\u2028\u2029") & set(inner)
    assert _parsed(script) == hostile


def test_each_actor_kind_is_a_schema_org_type(fictional_checked):
    assert set(jsonld.ACTOR_TYPES) == {kind.value for kind in model.ActorKind}
    for actor_id, located in fictional_checked.content.actors.items():
        data = jsonld.actor(located.record, list(located.record.aliases))
        assert data["@type"] == jsonld.ACTOR_TYPES[located.record.kind.value], actor_id
        assert data["name"] == located.record.name and data["description"], actor_id


def test_a_news_article_names_its_publisher_and_its_licence(fictional_checked):
    content = fictional_checked.content
    for source_id in SOURCES:
        source = content.sources[source_id].record
        data = jsonld.news_article(source, content.actors[source.publisher].record, None)
        assert (data["@type"], data["headline"], data["datePublished"]) == \
            ("NewsArticle", source.title, source.published.value)
        assert data["publisher"]["name"] == content.actors[source.publisher].record.name
        assert data["license"] == source.licence.url and "isBasedOn" not in data


def test_a_corrected_claim_carries_its_corrections_newest_first(fictional_checked):
    content = fictional_checked.content
    record = content.claims["repairs-cost-40000-crowns"].record
    source = content.sources[record.sources[0]].record
    graph = jsonld.claims([(record, "topics/bridge-reopening.html#claim-x",
                            [(source, content.actors[source.publisher].record, "sources/x.html#q-1")])])["@graph"]
    [claim] = graph
    assert claim["text"] == record.statement and claim["dateModified"] == "2030-06-02"
    assert [c["datePublished"] for c in claim["correction"]] == ["2030-06-02", "2030-05-20"]
    assert claim["appearance"][0]["headline"] == source.title
    assert jsonld.corrected_page([]) is None
    assert jsonld.corrected_page(record.corrections)["dateModified"] == "2030-06-02"



# -- a publisher's page ----------------------------------------------------------------

def test_a_publishers_page_lists_what_it_published(fictional_generated):
    checked = fictional_generated.checked
    page = next(p.text for p in fictional_generated.pages if p.path == "actors/velmora-courier.md")
    published = page.split("## Published here (1)\n", 1)[1].split("\n## ", 1)[0]
    title = checked.content.sources["velmora-courier-bridge"].record.title
    assert published.strip() == f"- The Velmora Courier, 16 May 2030: [{title}](../sources/velmora-courier-bridge.md)"
    assert "ost-herald-bridge" not in published
    # An actor that published nothing has no such list.
    assert "## Published here" not in next(p.text for p in fictional_generated.pages if p.path == "actors/velmora.md")
