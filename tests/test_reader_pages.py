"""The reader's pages, read from the real built site: home, annotated source,
timeline, network, quotations, key figures, glossary, downloads, JSON-LD and
what the search index holds. Expectations come from the checked content
itself, which a curator keeps growing, never from fixed counts."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from build_scripts.content.schema import record_schemas
from build_scripts.content.source_text import normalise
from build_scripts.pages import network
from build_scripts.pages.kinds import timeline as timeline_kind
from build_scripts.pages.labels import RELATION_LABELS

from .helpers import article, real_record_ids, soup, whole_search_index
from .hostile_site import HOSTILE, HOSTILE_EXPANSION

SOURCE_ID = real_record_ids("sources")[0]
SVG = "{http://www.w3.org/2000/svg}"

PAGE_OF_EACH_KIND = {
    "home": "index.html",
    "actors index": "actors/index.html",
    "actor": f"actors/{real_record_ids('actors')[0]}.html",
    "topics index": "topics/index.html",
    "topic": f"topics/{real_record_ids('topics')[0]}.html",
    "sources index": "sources/index.html",
    "compare": "compare.html",
    "source": f"sources/{SOURCE_ID}.html",
    "timeline": "timeline.html",
    "network": "network.html",
    "quotations": "quotations.html",
    "figures": "figures.html",
    "glossary": "glossary.html",
    "corrections": "corrections.html",
    "downloads": "downloads.html",
}


def _words(element) -> str:
    return " ".join(element.get_text().split())


def _dated_claims(content):
    return {i for i, located in content.claims.items() if located.record.date is not None}


def _same_day_context(content) -> dict[str, str]:
    """{claim id: the context entry it takes its date from}, where the entry has the claim's date."""
    return {i: located.record.date.context for i, located in content.claims.items()
            if located.record.date and located.record.date.context
            and content.context[located.record.date.context].record.date == located.record.date.value}


def _dated_context(content):
    """The context entries the timeline shows as events of their own: dated, and not the
    same event as a claim of that date which takes its date from them."""
    within = set(_same_day_context(content).values())
    return {i for i, located in content.context.items() if located.record.date is not None and i not in within}


# -- every page kind -----------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(PAGE_OF_EACH_KIND))
def test_each_page_kind_exists_with_a_title_and_a_description(built_site, kind):
    page = built_site / PAGE_OF_EACH_KIND[kind]
    assert page.is_file(), page
    html = soup(page)
    assert html.find("meta", attrs={"name": "description"})["content"].strip()
    assert article(page).h1 is not None


def test_the_new_pages_are_in_the_navigation(built_site):
    nav = soup(built_site / "index.html").select_one("nav.md-nav--primary")
    hrefs = {urlsplit(a["href"]).path for a in nav.find_all("a", href=True)}
    for name in ("compare", "timeline", "network", "quotations", "figures", "glossary", "corrections", "downloads"):
        assert f"{name}.html" in hrefs


def test_today_nothing_is_corrected_or_marked_as_contradicting_and_the_pages_say_so(real_checked, built_site):
    # No correction or disagreement is invented for today's content: the Corrections page says
    # plainly that there are none, and no page shows a correction or a conflict.
    for located in real_checked.content.claims.values():
        assert not located.record.contradicts and not located.record.corrections
    for records in (real_checked.content.actors, real_checked.content.topics):
        assert not any(located.record.corrections for located in records.values())
    page = article(built_site / "corrections.html")
    assert "There are no corrections yet" in _words(page)
    assert not page.select(".dossier-correction-entry")
    for html_page in sorted(built_site.rglob("*.html")):
        html = soup(html_page)
        assert not html.select(".dossier-corrections, .dossier-conflict, .dossier-conflict-inline"), html_page
        for script in html.find_all("script", type="application/ld+json"):
            assert "dateModified" not in script.string and "correction" not in script.string, html_page


def test_with_one_source_each_claim_says_so_quietly_and_there_is_nothing_to_compare(real_checked, built_site):
    assert len(real_checked.content.sources) == 1
    for name in ("topics", "actors"):
        for page in sorted((built_site / name).glob("*.html")):
            for block in article(page).select(".dossier-claim"):
                count = block.select_one(".dossier-corroboration")
                assert count["data-sources"] == "1" and count.get_text(strip=True) == "1 source", page
    source = article(built_site / "sources" / f"{SOURCE_ID}.html")
    assert "No other source in the dossier reports any claim of this text yet." in _words(source)
    lines = source.select(".dossier-notes .dossier-corroboration")
    assert len(lines) == len(real_checked.content.claims) and {x.get_text(strip=True) for x in lines} == {"1 source"}
    assert "so there is nothing to compare yet" in _words(article(built_site / "compare.html"))


def test_no_link_is_nested_in_another_on_any_page(built_site):
    for page in sorted(built_site.rglob("*.html")):
        assert not soup(page).select("a a"), page


# -- home ------------------------------------------------------------------------


def test_home_tells_the_story_and_leads_to_topics_events_and_sources(real_checked, built_site):
    home = article(built_site / "index.html")
    [located] = real_checked.content.stories.values()  # one story: the home page is its page
    story = " ".join(located.record.lede.split()[:6])
    assert story.split("[")[0].strip() in _words(home)
    hrefs = {a["href"] for a in home.find_all("a", href=True)}
    assert {f"topics/{t}.html" for t in real_checked.content.topics} <= hrefs
    assert {f"sources/{s}.html" for s in real_checked.content.sources} <= hrefs
    latest = [h for h in hrefs if h.startswith("timeline.html#event-")]
    assert latest, "no latest events on the home page"
    figures = home.select(".dossier-key-figure")
    assert figures and all(f.find("a", href=re.compile(r"#q-")) for f in figures)


def test_the_latest_events_on_home_are_the_last_ones_of_the_timeline_before_what_happened_next(built_site):
    """The home page's latest events end where the sources' story ends; the
    timeline's later events (context after the sources) are 'What happened next'."""
    timeline = [e["id"] for e in article(built_site / "timeline.html").select(".dossier-event")]
    page = article(built_site / "index.html")

    def events_under(heading_id: str) -> list[str]:
        listed = page.find(id=heading_id).find_next_sibling("ul")
        return [a["href"].split("#")[1] for a in listed.find_all("a", href=True)
                if a["href"].startswith("timeline.html#event-")]
    later = events_under("what-happened-next")
    assert later and timeline[-len(later):] == later
    latest = events_under("latest-events")
    before = timeline[:-len(later)]
    assert latest == list(reversed(before[-len(latest):]))


# -- the annotated source ---------------------------------------------------------


@pytest.fixture(scope="module")
def source_page(built_site):
    return article(built_site / "sources" / f"{SOURCE_ID}.html")


def test_every_quoted_run_offers_a_link_to_each_of_its_claims(source_page):
    """A highlight (one <mark> per run of text quoted by the same claims)
    links its words to its claim, or to the list of its claims."""
    marks = source_page.select(".dossier-source-text mark[data-claims]")
    assert marks
    for mark in marks:
        claims = mark["data-claims"].split()
        targets = {a["href"] for a in mark.find_all("a", href=True) if "dossier-mention" not in a.get("class", [])}
        assert len(targets) == 1, mark  # every run links, and all its words to the same place
        target = targets.pop()
        assert target.startswith("#")
        if len(claims) == 1:
            assert target == f"#claim-{claims[0]}"
            assert source_page.select_one(target) is not None
        else:
            passage = source_page.select_one(target)
            assert passage is not None and "dossier-passage" in passage["class"]
            offered = sorted(a["href"] for a in passage.find_all("a", href=True))
            assert offered == sorted(f"#claim-{c}" for c in claims)
            for claim_id in claims:
                assert source_page.select_one(f"#claim-{claim_id}") is not None


def test_each_claim_beside_the_text_leads_back_to_its_highlight(real_checked, source_page):
    """Side notes: each claim stands in the notes of the block of text its quote starts in."""
    claims = {c for c, located in real_checked.content.claims.items() if located.record.source == SOURCE_ID}
    for claim_id in claims:
        block = source_page.select_one(f".dossier-paragraph > details.dossier-notes #claim-{claim_id}")
        assert block is not None, claim_id
        paragraph = block.find_parent(class_="dossier-paragraph")
        assert paragraph.find(id=f"q-{claim_id}") is not None, claim_id
        assert normalise(real_checked.content.claims[claim_id].record.statement) in normalise(block.get_text())
        assert block.find("a", href=f"#q-{claim_id}") is not None
        # The quote is the highlighted text above, not repeated under it.
        assert block.blockquote is None
        # Where the quote starts, the highlight of its claim follows.
        start = source_page.find(id=f"q-{claim_id}")
        highlight = start.find_next("mark")
        assert claim_id in highlight["data-claims"].split()


def test_overlapping_quotes_are_all_highlighted(real_checked, source_page):
    """Claims whose quotes overlap each get their whole quote marked."""
    spans = {c: s for c, s in real_checked.quote_spans.items() if real_checked.content.claims[c].record.source == SOURCE_ID}
    overlapping = [(a, b) for a in spans for b in spans
                   if a < b and spans[a].start < spans[b].end and spans[b].start < spans[a].end]
    assert overlapping, "the content has no overlapping quotes to test with"
    marks = source_page.select(".dossier-source-text mark[data-claims]")
    for pair in overlapping:
        for claim_id in pair:
            marked = "".join(m.get_text() for m in marks if claim_id in m["data-claims"].split())
            span = spans[claim_id]
            assert normalise(marked) == normalise(real_checked.texts[SOURCE_ID].text[span.start : span.end])


def _names_in_text(checked, content):
    """(actor, name) for every actor name or alias standing as a whole word in
    the text and not inside a longer name of another actor."""
    text = normalise(checked.texts[SOURCE_ID].text)
    found = []
    for actor_id, located in content.actors.items():
        for name in {located.record.name, *located.record.aliases}:
            for match in re.finditer(r"(?<!\w)" + re.escape(normalise(name)) + r"(?!\w)", text):
                found.append((match.start(), match.end(), actor_id, name))
    return [(actor, name) for start, end, actor, name in found
            if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _, _ in found)]


def test_actor_names_and_aliases_in_the_text_link_to_actor_pages(real_checked, source_page):
    expected = _names_in_text(real_checked, real_checked.content)
    assert expected
    links = source_page.select(".dossier-source-text a.dossier-mention")
    by_actor: dict[str, list[str]] = {}
    for link in links:
        actor_id = re.fullmatch(r"\.\./actors/([a-z0-9-]+)\.html", link["href"])[1]
        by_actor.setdefault(actor_id, []).append(normalise(link.get_text()))
    aliases_linked = 0
    for actor_id, name in expected:
        assert actor_id in by_actor, f"{name!r} is not linked to {actor_id}"
        names = {normalise(n) for n in (real_checked.content.actors[actor_id].record.name, *real_checked.content.actors[actor_id].record.aliases)}
        assert all(any(piece in n for n in names) for piece in by_actor[actor_id])
        aliases_linked += name in real_checked.content.actors[actor_id].record.aliases
    assert aliases_linked, "no alias of any actor is linked"


def test_actor_links_inside_quotes_are_still_highlighted_and_quote_links_stay_separate(source_page):
    inside = [link for link in source_page.select(".dossier-source-text a.dossier-mention") if link.find_parent("mark")]
    assert inside, "no actor is named inside a quote"
    for link in inside:
        assert link.find_parent("a") is None
        assert link.find_parent("mark")["data-claims"].strip()


@pytest.mark.parametrize("page_name", ["timeline.html", "quotations.html", "figures.html"])
def test_claims_on_summary_pages_link_back_to_their_highlighted_span(built_site, source_page, page_name):
    links = [a["href"] for a in article(built_site / page_name).find_all("a", href=True) if "#q-" in a["href"]]
    assert links
    for href in links:
        assert source_page.select_one("#" + href.split("#")[1]) is not None, href


# -- timeline ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def timeline(built_site):
    return article(built_site / "timeline.html")


def test_the_timeline_holds_every_dated_claim_and_context_entry_in_order(real_checked, timeline):
    events = timeline.select(".dossier-event")
    ids = [e["id"] for e in events]
    assert sorted(ids) == sorted([f"event-claim-{i}" for i in _dated_claims(real_checked.content)]
                                   + [f"event-context-{i}" for i in _dated_context(real_checked.content)])
    dates = [e.select_one(".dossier-event-date time")["datetime"] for e in events]
    assert dates == sorted(dates)


def test_each_event_shows_its_date_precision_and_basis(real_checked, timeline):
    labels = {"stated": "date given in the text", "relative": "date worked out from the text",
              "external": "date from outside the text", "inferred": "date inferred"}
    for event in timeline.select(".dossier-event:not(.dossier-event-context)"):
        claim = real_checked.content.claims[event["id"].removeprefix("event-claim-")].record
        line = _words(event.select_one(".dossier-event-date"))
        assert labels[claim.date.basis.value] in line
        assert any(p in line for p in ("exact day", "month only", "year only"))
        if claim.date.said_as:
            assert f"the text says “{claim.date.said_as}”" in line


def test_context_entries_are_marked_as_context_with_their_citation(real_checked, timeline):
    entries = timeline.select(".dossier-event-context")
    assert len(entries) == len(_dated_context(real_checked.content))
    for entry in entries:
        record = real_checked.content.context[entry["id"].removeprefix("event-context-")].record
        text = _words(entry)
        assert "Context" in text and "from outside the sources" in text
        assert " ".join(record.citation.title.split()) in text
        assert not entry.find("a", href=re.compile(r"#q-"))  # not presented as something the article says


def test_a_context_entry_that_repeats_a_same_day_claim_is_shown_once_within_its_event(real_checked, timeline):
    """A context entry dated the day of a claim that takes its date from it tells the same event:
    the timeline shows it within that claim's event (its anchor kept there), never as a second event."""
    within = _same_day_context(real_checked.content)
    assert len(within) >= 8  # today's dossier: 8 such pairs
    event_ids = [e["id"] for e in timeline.select(".dossier-event")]
    for claim_id, entry_id in within.items():
        entry = real_checked.content.context[entry_id].record
        assert f"event-context-{entry_id}" not in event_ids
        shown = [e for e in timeline.select(".dossier-event") if " ".join(entry.statement.split()) in _words(e)]
        assert [e["id"] for e in shown] == [f"event-claim-{claim_id}"], entry_id
        inner = shown[0].select_one(f"#event-context-{entry_id}")
        assert inner is not None and "Context" in _words(inner) and " ".join(entry.citation.title.split()) in _words(inner)


def test_the_timeline_spaces_its_months_by_the_time_between_them(timeline):
    """A year heading where the year changes; before each month a spacer whose step grows with the
    months since the one before (capped) and that says how long it was; every year of the events is there."""
    dates = [e.select_one(".dossier-event-date time")["datetime"] for e in timeline.select(".dossier-event")]
    years = [h.get_text(strip=True).rstrip("¶") for h in timeline.select('h2[id^="year-"]')]
    assert years == sorted(set(d[:4] for d in dates))
    gaps = timeline.select(".dossier-gap[data-month]")
    at = [int(g["data-month"]) for g in gaps]
    assert at == sorted(at) and len(at) == len(set(at))
    assert at[0] == timeline_month(dates[0])
    seen = []
    for before, gap in zip(at[:-1], gaps[1:], strict=True):
        months, step, words = int(gap["data-month"]) - before, int(gap["data-step"]), gap.get_text(strip=True)
        seen.append((months, step))
        assert words == (f"{months} months later" if 2 <= months < 24 else f"{(months + 6) // 12} years later" if months >= 24 else "")
    by_months = sorted(seen)
    assert [s for _, s in by_months] == sorted(s for _, s in by_months), "a longer gap is never shorter on the page"
    assert max(s for _, s in seen) == timeline_kind.GAP_STEPS, "the longest gaps are compressed to the cap"
    assert any(m >= 24 for m, _ in seen)


def timeline_month(date: str) -> int:
    return int(date[:4]) * 12 + (int(date[5:7]) - 1 if len(date) >= 7 else 0)


def test_a_gap_grows_with_the_log_of_the_months_and_says_how_long():
    assert timeline_kind.gap(1) == timeline_kind.Gap(0, "")
    assert timeline_kind.gap(2) == timeline_kind.Gap(1, "2 months later")
    assert timeline_kind.gap(19) == timeline_kind.Gap(4, "19 months later")
    assert timeline_kind.gap(24) == timeline_kind.Gap(5, "2 years later")
    assert timeline_kind.gap(30) == timeline_kind.Gap(5, "3 years later")  # as gapFor in tests/js/
    assert timeline_kind.gap(554) == timeline_kind.Gap(8, "46 years later")


def test_actor_and_topic_pages_link_to_their_own_filtered_timeline(real_checked, built_site, timeline):
    offered = {name: {o["value"] for o in timeline.select(f"#dossier-filter-{name} option") if o["value"]}
               for name in ("topic", "actor")}
    for name, folder in (("actor", "actors"), ("topic", "topics")):
        assert offered[name]
        for record_id in offered[name]:
            links = article(built_site / folder / f"{record_id}.html").select(f'a[href="../timeline.html?{name}={record_id}"]')
            assert links, (name, record_id)  # an actor's summary box links there too


def test_the_timeline_is_grouped_by_topic(timeline):
    groups = timeline.select('h3[id^="by-topic-"]')
    assert groups
    for heading in groups:
        items = heading.find_next_sibling("ul").find_all("a", href=True)
        assert items and all(a["href"].startswith("#event-") for a in items)


# -- network -----------------------------------------------------------------------


def _svg(page_path):
    """The SVG element of a page, parsed as XML (it must be well-formed)."""
    html = page_path.read_text(encoding="utf-8")
    match = re.search(r"<svg\b.*?</svg>", html[html.index('class="dossier-network'):], flags=re.S)
    return ET.fromstring(match.group(0))


def _svgs(page_path):
    """Every network picture of a page, parsed as XML (each must be well-formed)."""
    html = page_path.read_text(encoding="utf-8")
    return [ET.fromstring(m.group(0)) for m in re.finditer(r'<svg\b[^>]*class="dossier-network-svg".*?</svg>', html, flags=re.S)]


def test_the_network_is_a_well_formed_svg_with_a_link_per_actor(real_checked, built_site):
    """The Network page draws every relation once: the sources' reports on actors (dashed) in a
    picture of their own, "Who reports on whom", the others in the first."""
    pictures = {svg.get("id"): svg for svg in _svgs(built_site / "network.html")}
    assert list(pictures) == ["network-all", "network-reports"]
    relations = [located.record for located in real_checked.content.relations]
    links, edges = {}, []
    for svg in pictures.values():
        assert svg.get("role") == "group"
        assert svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
        assert svg.get("aria-labelledby") == svg.find(f"{SVG}title").get("id")
        assert svg.get("aria-describedby") == svg.find(f"{SVG}desc").get("id")
        links.update({a.get("href"): a for a in svg.iter(f"{SVG}a")})
        edges += [g for g in svg.iter(f"{SVG}g") if "dossier-network-edge" in g.get("class", "").split()]
    related = {r.source_actor for r in relations} | {r.target_actor for r in relations}
    assert set(links) == {f"actors/{i}.html" for i in related}
    for actor_id in related:
        node = links[f"actors/{actor_id}.html"]
        label = " ".join(t.text for t in node.iter(f"{SVG}tspan"))
        assert label == real_checked.content.actors[actor_id].record.name
        assert node.find(f"{SVG}title").text.startswith(real_checked.content.actors[actor_id].record.name)
    assert len(edges) == len(relations)
    assert all(g.find(f"{SVG}text").text for g in edges)
    reports = [g.find(f"{SVG}text").text for g in pictures["network-reports"].iter(f"{SVG}g")
               if "dossier-network-edge" in g.get("class", "").split()]
    assert reports and set(reports) == {"reports on"} == {RELATION_LABELS[r.type] for r in relations
                                                         if r.type == "reports-on"}
    assert len(reports) == sum(r.type == "reports-on" for r in relations)


def test_the_network_page_lists_every_relation_as_text(real_checked, built_site):
    page = article(built_site / "network.html")
    items = page.select("ul:not(.dossier-network-legend) > li")
    assert len(items) == len(real_checked.content.relations)
    for item in items:
        assert item.find("strong").get_text().strip()
        assert item.find("a", href=re.compile(r"#q-"))


def test_each_related_actor_page_draws_its_neighbourhood(real_checked, built_site):
    related = {l.record.source_actor for l in real_checked.content.relations} | {l.record.target_actor for l in real_checked.content.relations}
    for actor_id in sorted(related):
        svg = _svg(built_site / "actors" / f"{actor_id}.html")
        neighbours = {l.record.target_actor for l in real_checked.content.relations if l.record.source_actor == actor_id}
        neighbours |= {l.record.source_actor for l in real_checked.content.relations if l.record.target_actor == actor_id}
        hrefs = {a.get("href") for a in svg.iter(f"{SVG}a")}
        assert hrefs == {f"{i}.html" for i in neighbours | {actor_id}}


# -- quotations, figures, glossary ------------------------------------------------


def test_the_quotations_page_has_every_quotation_with_its_speakers(real_checked, built_site):
    page = article(built_site / "quotations.html")
    entries = page.select(".dossier-quotation-entry")
    quoted = [l.record for l in real_checked.content.claims.values() if l.record.quotation]
    assert len(entries) == len(quoted)
    text = " ".join(_words(e) for e in entries)
    for claim in quoted:
        assert " ".join(claim.quotation.text.split()) in normalise(text)
        for speaker in claim.quotation.speakers:
            assert page.find("a", href=f"actors/{speaker}.html")


def test_the_figures_page_has_every_figure_that_measures_the_story(real_checked, built_site):
    rows = article(built_site / "figures.html").select("tbody tr")
    figures = [(c.record, f) for c in real_checked.content.claims.values() for f in c.record.figures
               if f.measures_the_story]
    assert len(rows) == len(figures)
    said = {normalise(r.find("td").get_text()) for r in rows}
    assert said == {normalise(f.said_as) for _, f in figures}
    assert all(r.find("a", href=re.compile(r"#q-")) for r in rows)


def test_the_glossary_has_an_anchor_term_expansion_and_aliases_per_entry(real_checked, built_site):
    page = article(built_site / "glossary.html")
    for term_id, located in real_checked.content.glossary.items():
        term = located.record
        heading = page.find(id=term_id)
        assert heading is not None and heading.name == "h2"
        assert _words(heading).rstrip("¶").strip() == term.term
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section.append(_words(sibling))
        text = " ".join(section)
        if term.expansion:
            assert term.expansion in text
        for alias in term.aliases:
            assert f"“{alias}”" in text


def _term_pattern(terms):
    # The same rule as Python-Markdown's abbr extension: whole words.
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\b")


def test_glossary_terms_are_hover_abbreviations_on_every_page(real_checked, built_site):
    from build_scripts.pages.derived.glossary import hover_text

    titles = {located.record.term: hover_text(located.record) for located in real_checked.content.glossary.values()}
    pattern = _term_pattern(titles)
    seen = 0
    for page in sorted(built_site.rglob("*.html")):
        body = article(page)
        if body is None:
            continue
        for abbr in body.find_all("abbr"):
            assert abbr.get("title") == titles[abbr.get_text()], (page, abbr)
            seen += 1
        for string in body.find_all(string=pattern):
            # (an <option> of the timeline's filter holds text only: no <abbr> there; nor does
            # the hidden list of a page's other names, for the search index: theme/partials/search-weights.html)
            if string.find_parent(["abbr", "code", "pre", "script", "svg", "select"]) is None \
                    and string.find_parent(attrs={"data-pagefind-weight": True}) is None:
                pytest.fail(f"{page.relative_to(built_site)}: {string.strip()[:80]!r} names a term without <abbr>")
    assert seen


# -- downloads --------------------------------------------------------------------


def _record_ids(content):
    return {
        "sources": sorted(content.sources), "actors": sorted(content.actors), "topics": sorted(content.topics),
        "claims": sorted(content.claims), "glossary": sorted(content.glossary), "context": sorted(content.context),
    }


def test_the_json_download_holds_every_record(real_checked, built_site):
    data = json.loads((built_site / "downloads" / "dossier.json").read_text(encoding="utf-8"))
    for kind, ids in _record_ids(real_checked.content).items():
        assert [r["id"] for r in data[kind]] == ids, kind
    assert data["dossier"][0]["title"] == real_checked.content.dossier.record.title
    relations = {(r["from"], r["type"], r["to"]) for r in data["relations"]}
    assert relations == {(l.record.source_actor, l.record.type, l.record.target_actor) for l in real_checked.content.relations}
    claim = data["claims"][0]
    assert claim == real_checked.content.claims[claim["id"]].record.model_dump(mode="json", by_alias=True)


def test_each_csv_download_has_a_row_per_record(real_checked, built_site):
    for kind, ids in _record_ids(real_checked.content).items():
        text = (built_site / "downloads" / f"{kind}.csv").read_bytes().decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert [r["id"] for r in rows] == ids, kind
    relations = list(csv.DictReader(io.StringIO((built_site / "downloads" / "relations.csv").read_text(encoding="utf-8"), newline="")))
    assert len(relations) == len(real_checked.content.relations)
    claims = {r["id"]: r for r in csv.DictReader(io.StringIO((built_site / "downloads" / "claims.csv").read_text(encoding="utf-8"), newline=""))}
    for claim_id, located in real_checked.content.claims.items():
        assert json.loads(claims[claim_id]["topics"]) == located.record.topics
        if located.record.date:
            assert claims[claim_id]["date.value"] == located.record.date.value


def test_the_schemas_are_offered_and_linked(built_site):
    page = article(built_site / "downloads.html")
    hrefs = {a["href"] for a in page.find_all("a", href=True)}
    for kind, schema in record_schemas().items():
        path = f"downloads/schema/{kind}.schema.json"
        assert json.loads((built_site / path).read_text(encoding="utf-8")) == schema
        assert path in hrefs
    assert {"downloads/dossier.json", "downloads/claims.csv"} <= hrefs


# -- JSON-LD -----------------------------------------------------------------------


def _jsonld(page):
    scripts = soup(page).find_all("script", type="application/ld+json")
    assert len(scripts) == 1, page
    assert "<" not in scripts[0].string
    return json.loads(scripts[0].string)


EXPECTED_ACTOR_TYPES = {
    "person": "Person", "country": "Country", "media": "NewsMediaOrganization",
    "government": "GovernmentOrganization", "government-body": "GovernmentOrganization",
    "military-body": "GovernmentOrganization", "court": "GovernmentOrganization",
    "international-body": "Organization", "organisation": "Organization", "company": "Organization",
    "armed-group": "Organization", "unnamed-sources": "Thing",
}


@pytest.mark.parametrize("actor_id", real_record_ids("actors"))
def test_actor_pages_describe_the_actor_in_json_ld(real_checked, built_site, actor_id):
    actor = real_checked.content.actors[actor_id].record
    data = _jsonld(built_site / "actors" / f"{actor_id}.html")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == EXPECTED_ACTOR_TYPES[actor.kind.value]
    assert data["name"] == actor.name
    assert data.get("alternateName", []) == actor.aliases
    if actor.wikidata:
        assert data["sameAs"] == f"https://www.wikidata.org/wiki/{actor.wikidata}"


@pytest.mark.parametrize("source_id", real_record_ids("sources"))
def test_source_pages_are_news_articles_in_json_ld(real_checked, built_site, source_id):
    source = real_checked.content.sources[source_id].record
    data = _jsonld(built_site / "sources" / f"{source_id}.html")
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == source.title
    assert data["datePublished"] == source.published.value
    assert data["license"] == source.licence.url
    assert data["publisher"]["name"] == real_checked.content.actors[source.publisher].record.name
    if source.original_publisher:
        assert data["isBasedOn"]["publisher"]["name"] == real_checked.content.actors[source.original_publisher].record.name


@pytest.mark.parametrize("topic_id", real_record_ids("topics"))
def test_topic_pages_list_their_claims_in_json_ld_with_where_they_appear(real_checked, built_site, topic_id):
    data = _jsonld(built_site / "topics" / f"{topic_id}.html")
    claims = data["@graph"]
    # The claims the page gives in full: those whose address it is (their first topic).
    expected = {l.record.statement for l in real_checked.content.claims.values() if l.record.topics[0] == topic_id}
    assert {c["text"] for c in claims} == expected
    for claim in claims:
        assert claim["@type"] == "Claim"
        assert re.fullmatch(r"[a-z0-9-]+\.html#claim-[a-z0-9-]+", claim["url"])  # its address, on a topic's page
        located = next(l for l in real_checked.content.claims.values() if l.record.statement == claim["text"])
        assert len(claim["appearance"]) == len(located.record.evidence)  # one for each source
        for appearance, evidence in zip(claim["appearance"], located.record.evidence, strict=True):
            assert appearance["@type"] == "NewsArticle"
            assert appearance["headline"] == real_checked.content.sources[evidence.source].record.title
            assert re.fullmatch(r"\.\./sources/[a-z0-9-]+\.html#q-[a-z0-9-]+", appearance["url"])


# -- search ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_index(built_site):
    return whole_search_index(built_site)


def _pages_with(index, words: str) -> dict[str, float]:
    """Pages whose title, text or tags hold all ``words``, with their boost."""
    found = {}
    for entry in index["docs"]:
        haystack = " ".join([entry["title"], entry["text"], *entry.get("tags", [])]).lower()
        if all(re.search(r"\b" + re.escape(w), haystack) for w in re.findall(r"\w+", words.lower())):
            found[entry["location"].split("#")[0]] = entry.get("boost", 1)
    return found


def test_a_term_and_its_expansion_lead_to_the_same_pages(real_checked, search_index):
    from build_scripts.pages.derived.glossary import TermIndex, key_terms_of_topic

    terms = TermIndex(real_checked.content)
    checked_terms = 0
    for term_id, located in real_checked.content.glossary.items():
        term = located.record
        if not term.expansion:
            continue
        by_term, by_expansion = _pages_with(search_index, term.term), _pages_with(search_index, term.expansion)
        assert "glossary.html" in by_term and "glossary.html" in by_expansion, term.term
        for topic_id in real_checked.content.topics:
            if term_id in key_terms_of_topic(terms, real_checked.content, topic_id):
                assert f"topics/{topic_id}.html" in by_term and f"topics/{topic_id}.html" in by_expansion
                checked_terms += 1
        for alias in term.aliases:
            assert "glossary.html" in _pages_with(search_index, alias), alias
    assert checked_terms, "no glossary term names a topic: nothing shows that topic pages are found by acronym"


def test_actor_names_and_aliases_are_weighted_in_search(real_checked, search_index):
    for actor_id, located in real_checked.content.actors.items():
        entries = [e for e in search_index["docs"] if e["location"].split("#")[0] == f"actors/{actor_id}.html"]
        assert entries
        for entry in entries:
            assert entry.get("boost", 1) > 1
            assert set(entry["tags"]) >= {located.record.name, *located.record.aliases} - {
                n for n in located.record.aliases if any(c in n for c in "<>&\"'")}


def test_pages_about_one_thing_outrank_the_full_text_in_search(real_checked, search_index):
    boosts = {e["location"].split("#")[0]: e.get("boost", 1) for e in search_index["docs"]}
    source = boosts[f"sources/{SOURCE_ID}.html"]
    assert all(boosts[f"topics/{t}.html"] > source for t in real_checked.content.topics)
    assert boosts["glossary.html"] > source


# -- a copy of the project with hostile names and a hand-written page (tests/hostile_site.py) --

def test_a_hostile_actor_name_stays_text_in_the_network_picture(hostile_site):
    for page in (hostile_site / "network.html", hostile_site / "actors" / "evil.html"):
        svg = _svg(page)
        node = next(a for a in svg.iter(f"{SVG}a") if a.get("href").endswith("evil.html"))
        # In the picture, cut into at most three lines (its long word with a hyphen); whole in the title.
        assert [t.text for t in node.iter(f"{SVG}tspan")] == network.wrap(HOSTILE)
        assert node.find(f"{SVG}title").text.startswith(HOSTILE)
        assert not [e for e in svg.iter() if e.tag in ("script", f"{SVG}script", f"{SVG}foreignObject")]
        assert not [e for e in svg.iter() if any(name.startswith("on") for name in e.attrib)]
        assert all(re.fullmatch(r"[a-z0-9./-]+\.html", a.get("href")) for a in svg.iter(f"{SVG}a"))
        runnable = [s for s in soup(page).find_all("script") if s.get("type") != "application/ld+json"]
        assert not [s for s in runnable if "alert" in s.get_text()]


def test_a_hostile_actor_name_stays_text_in_json_ld_and_downloads(hostile_site):
    data = _jsonld(hostile_site / "actors" / "evil.html")
    assert data["name"] == HOSTILE
    assert data["alternateName"][1] == "</script><script>alert(3)</script>"

    rows = list(csv.DictReader(io.StringIO((hostile_site / "downloads" / "actors.csv").read_text(encoding="utf-8"), newline="")))
    evil = next(r for r in rows if r["id"] == "evil")
    assert evil["name"] == HOSTILE
    assert evil["summary"] == "'=1+1 is a formula to a spreadsheet."  # not run by a spreadsheet
    assert json.loads(evil["aliases"])[0] == '=HYPERLINK("http://x")'  # inside a JSON array, not a formula
    dumped = json.loads((hostile_site / "downloads" / "dossier.json").read_text(encoding="utf-8"))
    evil = next(a for a in dumped["actors"] if a["id"] == "evil")
    assert evil["name"] == HOSTILE and evil["summary"].startswith("=1+1")


def test_a_hand_written_page_gets_the_abbreviations_with_the_expansion_as_text(hostile_site):
    html = soup(hostile_site / "hand-written.html")
    abbr = article(hostile_site / "hand-written.html").find("abbr")
    assert abbr is not None and abbr.get_text() == "ZZQ"
    assert abbr["title"] == HOSTILE_EXPANSION
    assert not html.find("img", src="x") and not html.find(attrs={"onerror": True})


# -- each claim in full in one place; actor pages at a glance --------------------------


def _address_page(content, claim_id: str) -> str:
    """The built page of a claim's address: its first topic's (today's topics are not split)."""
    return f"topics/{content.claims[claim_id].record.topics[0]}.html"


def test_each_claim_is_in_full_on_one_page_its_address_and_other_pages_link_there(real_checked, built_site):
    """A claim's quotes block is on its address alone; the pages of its actors and of its other
    topics list it in one line whose link leads to the address."""
    content = real_checked.content
    in_full: dict[str, list[str]] = {}
    for html_page in sorted(built_site.rglob("*.html")):
        for block in article(html_page).select(".dossier-claim[id^='claim-']"):
            if block.find("blockquote"):
                in_full.setdefault(block["id"].removeprefix("claim-"), []).append(
                    html_page.relative_to(built_site).as_posix())
    assert {claim_id: pages for claim_id, pages in in_full.items() if len(pages) != 1} == {}
    assert in_full == {claim_id: [_address_page(content, claim_id)] for claim_id in content.claims}
    for claim_id, located in content.claims.items():
        elsewhere = [f"actors/{a}.html" for a in located.record.actors]
        elsewhere += [f"topics/{t}.html" for t in located.record.topics[1:]]
        for page in elsewhere:
            line = article(built_site / page).find(id=f"claim-{claim_id}")
            assert line is not None and "dossier-claim-line" in line["class"], (claim_id, page)
            assert not line.find("blockquote")
            href = line.find("a")["href"]
            target = (built_site / page).parent / href.split("#")[0]
            assert target.resolve() == (built_site / _address_page(content, claim_id)).resolve(), (claim_id, page)
            assert href.endswith(f"#claim-{claim_id}")
            assert " ".join(located.record.statement.split()) in _words(line)


def test_an_actor_page_opens_with_its_summary_box(real_checked, built_site):
    """India's page: its kind, its part in the story, key relations, its claims counted, the first and
    last of their dates and its key quote, all from the content; then its claims by topic, the long lists folded."""
    content = real_checked.content
    india = content.actors["india"].record
    page = article(built_site / "actors" / "india.html")
    box = page.select_one(".dossier-summary-box")
    assert box is not None
    assert box.find_previous_sibling("h1") is not None and not box.find_previous_sibling(["h2", "p", "ul"])
    words = _words(box)
    assert india.part_in_story and " ".join(india.part_in_story.split()) in words
    assert "Country" in words
    claims = [c for c in content.claims.values() if "india" in c.record.actors]
    assert f"Claims: {len(claims)} in the sources" in words
    dates = sorted(c.record.date.value for c in claims if c.record.date)
    assert [t["datetime"] for t in box.select("time")] == [dates[0], dates[-1]]
    relations = [r.record for r in content.relations if "india" in (r.record.source_actor, r.record.target_actor)]
    most = max(len(r.claims) for r in relations)
    assert "Key relations:" in words
    key = box.find("strong", string="Key relations:").parent
    assert 1 <= len(key.find_all("a")) <= 3
    top = next(r for r in relations if len(r.claims) == most)
    other = top.target_actor if top.source_actor == "india" else top.source_actor
    assert content.actors[other].record.name in _words(key)
    quotation = next(c.record.quotation for c in claims if c.record.quotation and "india" in c.record.quotation.speakers)
    assert f"Key quote: “{quotation.text}”" in words
    # The claims by first topic; a topic's list past three is folded in a <details>.
    groups = page.select("h2#what-the-sources-say ~ h3")
    assert len(groups) == len({c.record.topics[0] for c in claims})
    folded = page.select("details.dossier-more-claims .dossier-claim-line")
    assert folded and len(page.select(".dossier-claim-line")) == len(claims)
