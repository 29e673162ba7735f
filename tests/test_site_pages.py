"""The real site, built by plain MkDocs: every record has its page, every
internal link resolves, and every claim shows its quote linked to the source."""

from __future__ import annotations

import re

import pytest

from build_scripts.content.source_text import normalise
from build_scripts.tools.linkcheck import check_site

from .helpers import article, real_claim_ids, real_record_ids, soup


@pytest.mark.parametrize("actor_id", real_record_ids("actors"))
def test_each_actor_has_a_page_with_its_name(real_checked, built_site, actor_id):
    page = built_site / "actors" / f"{actor_id}.html"
    assert page.is_file()
    assert article(page).h1.get_text().rstrip("¶").strip() == real_checked.content.actors[actor_id].record.name


@pytest.mark.parametrize("topic_id", real_record_ids("topics"))
def test_each_topic_has_a_page_with_its_title(real_checked, built_site, topic_id):
    page = built_site / "topics" / f"{topic_id}.html"
    assert page.is_file()
    # get_text(), not strip=True: a glossary <abbr> in the title keeps its spaces.
    assert article(page).h1.get_text().rstrip("¶").strip() == real_checked.content.topics[topic_id].record.title


@pytest.mark.parametrize("source_id", real_record_ids("sources"))
def test_each_source_page_holds_the_full_text(real_checked, built_site, source_id):
    page = built_site / "sources" / f"{source_id}.html"
    source_text = article(page).select_one(".dossier-source-text")
    # The side notes beside the text are not part of it.
    text = "".join(s for s in source_text.strings if not s.find_parent(class_="dossier-notes"))
    assert normalise(text) == normalise(real_checked.texts[source_id].text)


def test_index_pages_list_every_actor_and_topic(real_checked, built_site):
    actor_links = {a["href"] for a in article(built_site / "actors" / "index.html").find_all("a", href=True)}
    assert {f"{i}.html" for i in real_checked.content.actors} <= actor_links
    topic_links = {a["href"] for a in article(built_site / "topics" / "index.html").find_all("a", href=True)}
    assert {f"{i}.html" for i in real_checked.content.topics} <= topic_links


def test_todays_lists_each_stay_on_one_page(real_checked, built_site):
    """Today's dossier is small enough for every list page to hold all its items
    (per_page in pages/registry.py): no parts, at the addresses readers know (the other tests
    find every item on them)."""
    lists = ["glossary", "timeline", "network", "quotations", "figures", "actors/index", "topics/index",
             "sources/index", *[f"sources/{s}" for s in real_checked.content.sources]]
    for name in lists:
        assert (built_site / f"{name}.html").is_file(), name
        assert not (built_site / name).exists(), f"{name} is split into parts"
        assert not article(built_site / f"{name}.html").select(".dossier-part-nav"), name


def test_every_internal_link_and_anchor_resolves(built_site):
    report = check_site(built_site)
    assert report.links > 100
    assert report.ok, "\n".join(map(str, report.broken))


def _claim_block(page, claim_id):
    return article(page).select_one(f"#claim-{claim_id}")


@pytest.mark.parametrize("claim_id", real_claim_ids())
def test_each_claim_shows_its_quote_on_its_pages_linked_to_the_source(real_checked, built_site, claim_id):
    claim = real_checked.content.claims[claim_id].record
    span = real_checked.quote_spans[claim_id]
    quote = normalise(real_checked.texts[claim.source].text[span.start : span.end])
    # In full, with its quote, on its address (its first topic's page) ...
    block = _claim_block(built_site / "topics" / f"{claim.topics[0]}.html", claim_id)
    assert block is not None, f"claim {claim_id} missing from its address"
    assert normalise(block.blockquote.get_text()) == quote
    links = [a["href"] for a in block.find_all("a", href=True)]
    assert any(href.endswith(f"{claim.source}.html#q-{claim_id}") for href in links), links
    # ... and in one line, linked to it, on the pages of its actors and other topics.
    pages = [built_site / "actors" / f"{a}.html" for a in claim.actors]
    pages += [built_site / "topics" / f"{t}.html" for t in claim.topics[1:]]
    for page in pages:
        block = _claim_block(page, claim_id)
        assert block is not None, f"claim {claim_id} missing from {page.name}"
        assert block.blockquote is None
        assert block.find("a")["href"].endswith(f"{claim.topics[0]}.html#claim-{claim_id}")
    # On the source page the quote is the highlighted text itself (see below),
    # and the claim under the text links back to it.
    block = _claim_block(built_site / "sources" / f"{claim.source}.html", claim_id)
    assert block is not None, f"claim {claim_id} missing from its source page"
    assert block.find("a", href=f"#q-{claim_id}") is not None


@pytest.mark.parametrize("claim_id", real_claim_ids())
def test_the_source_text_marks_each_quoted_span(real_checked, built_site, claim_id):
    claim = real_checked.content.claims[claim_id].record
    page = article(built_site / "sources" / f"{claim.source}.html")
    anchor = page.select_one(f"#q-{claim_id}")
    assert anchor is not None
    marked = "".join(
        mark.get_text() for mark in page.select(".dossier-source-text mark[data-claims]")
        if claim_id in mark["data-claims"].split()
    )
    span = real_checked.quote_spans[claim_id]
    assert normalise(marked) == normalise(real_checked.texts[claim.source].text[span.start : span.end])


def test_no_script_holds_up_the_first_paint(built_site):
    """The polyfill in the head and the starter are deferred; every other
    script is listed as a low-priority preload (fetched, not run) that
    docs/assets/after-paint.js starts, in the order listed, once the first
    content has shown."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    external = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
    assert external == ['<script defer src="assets/iframe-worker-local.js">', '<script defer src="assets/after-paint.js">']
    started = re.findall(r'<link rel="preload" as="script" data-after-paint fetchpriority="low" href="([^"]+)">', html)
    assert len(started) >= 6, started
    assert html.count("data-after-paint") == len(started)
    # Every script element the page keeps is whole: the preloads replaced script tags, not inline scripts.
    assert html.count("<script") == html.count("</script>")
    # What the site's scripts share, then the switch to the index in pieces, must run before the bundle.
    assert started[:2] == ["assets/dossier-common.js", "assets/search-pagefind.js"]
    assert html.index("assets/dossier-common.js") < html.index("assets/search-pagefind.js") \
        < html.index("assets/javascripts/bundle.") < html.index("assets/side-notes.js")


def test_every_table_is_written_in_its_frame_with_the_class_materials_script_leaves_alone(built_site):
    """markdown_tables.py frames each table as Material's script would as the
    page starts; the class keeps the script from wrapping it again."""
    tables = [(page, table) for page in sorted(built_site.rglob("*.html")) if "<table" in page.read_text(encoding="utf-8")
              for table in soup(page).select("article table")]
    assert len(tables) >= 20
    for page, table in tables:
        where = page.relative_to(built_site)
        assert table.get("class") == ["dossier-table"], where
        assert table.parent.get("class") == ["md-typeset__table"], where
        assert table.parent.parent.get("class") == ["md-typeset__scrollwrap"], where
