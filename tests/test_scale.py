"""A dossier ten times today's (build_scripts/tools/synthetic.py) passes every check and
builds with `mkdocs build --strict`; the navigation stays lean as it grows.
Timings are the benchmark's business (make bench), not this test's."""

from __future__ import annotations

import itertools
import posixpath
import re
from pathlib import Path

import pytest

from build_scripts.content.source_text import normalise
from build_scripts.pages import lists, paging
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.kinds.home import HOME_TOPICS
from build_scripts.pages.render import page_jobs, render_jobs
from build_scripts.rules.check import CheckedDossier, load_and_check
from build_scripts.tools.linkcheck import check_site
from build_scripts.tools.synthetic import write_dossier

from .helpers import SCALE, article, build_site, soup, tree_digest, whole_search_index

# The x10 dossier, its check and its site are session fixtures (conftest.py):
# the browser tests measure the same dossier's network pictures.


def test_the_synthetic_dossier_is_ten_times_today(checked_x10, today):
    content = checked_x10.content
    assert len(content.sources) == SCALE * today.sources
    assert len(content.actors) == SCALE * today.actors
    assert len(content.topics) == SCALE * today.topics
    assert len(content.claims) == SCALE * today.claims
    assert len(content.relations) == SCALE * today.relations
    assert len(content.glossary) == SCALE * today.glossary
    assert len(content.context) == SCALE * today.context


def test_it_passes_every_check_without_a_warning(checked_x10):
    checked = checked_x10
    assert checked.warnings == []
    assert checked.header_warnings == []
    assert all(not text_uncovered for text_uncovered in checked.uncovered.values())
    # Every quote is found once in its text: no claim needs an occurrence number.
    claims = checked.content.claims
    assert all(e.occurrence is None for located in claims.values() for e in located.record.evidence)
    assert set(checked.quote_spans) == set(claims)


def test_the_same_seed_writes_the_same_bytes(tmp_path, today):
    write_dossier(tmp_path / "a", 2, seed=7, base=today)
    write_dossier(tmp_path / "b", 2, seed=7, base=today)
    write_dossier(tmp_path / "c", 2, seed=8, base=today)
    content = lambda name: {p: d for p, d in tree_digest(tmp_path / name).items()  # noqa: E731
                            if p.startswith(("content/", "seeds/"))}
    assert content("a") == content("b")
    assert content("a") != content("c")


def test_every_link_and_anchor_of_the_x10_site_resolves(site_x10):
    # MkDocs checks the links of Markdown; this checks those of raw HTML too
    # (the reader's highlights, the network pictures), and every anchor.
    report = check_site(site_x10)
    assert report.ok, "\n".join(map(str, report.broken[:20]))


def _build(root, site):
    result = build_site(root, site, offline_copy=False)
    assert result.returncode == 0, result.stderr[-3000:]
    # MkDocs checks the links of Markdown; this checks those of raw HTML too
    # (the reader's highlights, the network pictures), and every anchor.
    report = check_site(site)
    assert report.ok, "\n".join(map(str, report.broken[:20]))


def test_it_builds_strict_with_a_page_per_record_and_a_lean_navigation(checked_x10, site_x10):
    site = site_x10
    content = checked_x10.content
    for kind, ids in (("actors", content.actors), ("topics", content.topics), ("sources", content.sources)):
        built = {p.stem for p in (site / kind).glob("*.html")} - {"index"}
        assert built == set(ids), kind

    # Material prints the navigation into every page: it must list the index
    # pages only, never a page per record (nor a part of a long list), or every
    # page grows with the dossier.
    record_page = re.compile(r"^(\.\./)*(actors|topics|sources)/(?!index\.html)[^/]+\.html|/[^/]+/")
    part_page = next((site / "glossary").glob("*.html"))
    for page in [site / "index.html", site / "actors" / f"{sorted(content.actors)[0]}.html", part_page]:
        nav = soup(page).select_one("nav.md-nav--primary")
        links = [a["href"] for a in nav.select("a[href]")]
        assert links and not [href for href in links if record_page.search(href.lstrip("./"))], page


# -- long lists in parts ------------------------------------------------------------
#
# At ten times today's dossier the glossary, the timeline, the network and the
# topics index no longer fit on one page (registry.PAGE_KINDS' per_page): each becomes a main
# page listing its parts, and parts that link to each other.

SPLIT_AT_X10 = {  # list page -> the folder of its parts
    "glossary.html": "glossary",
    "timeline.html": "timeline",
    "network.html": "network",
    "topics/index.html": "topics/index",
}


def _parts(site, main: str, folder: str) -> list[str]:
    """The parts a main page lists, in its order, as paths in the site."""
    page = site / main
    hrefs = [a["href"] for a in article(page).find_all("a", href=True)]
    base = posixpath.dirname(main)
    parts = [posixpath.normpath(posixpath.join(base, h.split("#")[0])) for h in hrefs]
    return list(dict.fromkeys(p for p in parts if p.startswith(folder + "/")))


@pytest.mark.parametrize("main", sorted(SPLIT_AT_X10))
def test_a_long_list_is_split_into_parts_linked_from_its_page_and_to_each_other(site_x10, main):
    folder = SPLIT_AT_X10[main]
    parts = _parts(site_x10, main, folder)
    assert len(parts) > 1, f"{main} is not split"
    assert sorted(parts) == sorted(p.relative_to(site_x10).as_posix() for p in (site_x10 / folder).glob("*.html"))
    for index, part in enumerate(parts):
        nav = article(site_x10 / part).select("p.dossier-part-nav")
        assert nav, part
        hrefs = {posixpath.normpath(posixpath.join(posixpath.dirname(part), a["href"]))
                 for a in nav[0].find_all("a", href=True)}
        assert main in hrefs, f"{part} does not link to {main}"
        if index > 0:
            assert parts[index - 1] in hrefs, f"{part} does not link to the part before it"
        if index + 1 < len(parts):
            assert parts[index + 1] in hrefs, f"{part} does not link to the part after it"


def _in_each_part(site, main, select, key) -> dict[str, list[str]]:
    """{item key: the pages it is on}, over the main page and its parts."""
    found: dict[str, list[str]] = {}
    parts = _parts(site, main, SPLIT_AT_X10.get(main) or SPLIT_WITH_LOWER_LIMITS[main])
    for page in [main, *parts]:
        for element in article(site / page).select(select):
            links = [element] if element.name == "a" else element.find_all("a", href=True)
            if any(posixpath.normpath(posixpath.join(posixpath.dirname(page), a["href"])) in parts for a in links):
                continue  # the main page's list of its parts
            found.setdefault(key(element), []).append(page)
    return found


def _once_each(found: dict[str, list[str]], expected: set[str], main: str) -> None:
    assert set(found) == expected
    twice = {item: pages for item, pages in found.items() if len(pages) != 1}
    assert not twice, f"items on more than one page: {twice}"
    assert not [item for item, pages in found.items() if pages == [main]], "items left on the main page"


def test_every_term_is_in_exactly_one_part_of_the_glossary(checked_x10, site_x10):
    content = checked_x10.content
    found = _in_each_part(site_x10, "glossary.html", "h2[id]", lambda h: h["id"])
    _once_each(found, set(content.glossary), "glossary.html")


def test_every_event_is_in_exactly_one_part_of_the_timeline(checked_x10, site_x10):
    content = checked_x10.content
    expected = {f"event-claim-{i}" for i, c in content.claims.items() if c.record.date is not None}
    within = {c.record.date.context for c in content.claims.values()  # shown within a claim's event of the same day
              if c.record.date and c.record.date.context
              and content.context[c.record.date.context].record.date == c.record.date.value}
    expected |= {f"event-context-{i}" for i, c in content.context.items() if c.record.date is not None and i not in within}
    found = _in_each_part(site_x10, "timeline.html", ".dossier-event", lambda e: e["id"])
    _once_each(found, expected, "timeline.html")


def test_every_relation_is_drawn_and_listed_in_exactly_one_part_of_the_network(checked_x10, site_x10):
    content = checked_x10.content
    labels = {"buys-from": "buys from", "supplies": "supplies", "sanctions": "sanctions", "opposes": "opposes",
              "supports": "supports", "cooperates-with": "cooperates with", "part-of": "is part of",
              "leads": "leads", "reports-on": "reports on", "negotiates-with": "negotiates with",
              "accuses": "accuses", "party-to": "is a party to"}
    expected = {f"{r.record.source_actor} {labels[r.record.type]} {r.record.target_actor}" for r in content.relations}
    assert len(expected) == len(content.relations)

    def listed(item):
        source, target = (a["href"].rsplit("/", 1)[1].removesuffix(".html") for a in item.find_all("a")[:2])
        return f"{source} {item.strong.get_text()} {target}"

    found = _in_each_part(site_x10, "network.html", "li:has(> strong)", listed)
    _once_each(found, expected, "network.html")
    # Each part draws exactly the relations it lists, in pictures whose ids differ.
    for part in _parts(site_x10, "network.html", "network"):
        page = article(site_x10 / part)
        edges = page.select("svg g.dossier-network-edge")
        assert len(edges) == len(page.select("li:has(> strong)")), part
        ids = [svg["id"] for svg in page.select("svg.dossier-network-svg")]
        assert len(ids) == len(set(ids)) == len(page.select("h2")), part


def test_every_topic_is_in_exactly_one_part_of_the_topics_index(checked_x10, site_x10):
    content = checked_x10.content
    found = _in_each_part(site_x10, "topics/index.html", "h2 > a[href]:not(.headerlink)",
                          lambda a: a["href"].rsplit("/", 1)[1].removesuffix(".html"))
    _once_each(found, set(content.topics), "topics/index.html")


def test_links_to_a_term_or_an_event_lead_to_the_part_that_holds_it(checked_x10, site_x10):
    """Topic and home pages link terms and events into the parts (a strict build
    fails on a link to a missing anchor; this checks they are used at all)."""
    content = checked_x10.content
    topic = article(site_x10 / "topics" / f"{sorted(content.topics)[0]}.html")
    term_links = [a["href"] for a in topic.select(".dossier-terms a[href]")]
    event_links = [a["href"] for a in topic.find_all("a", href=True) if "#event-" in a["href"]]
    assert term_links and all(href.startswith("../glossary/") for href in term_links)
    assert event_links and all(href.startswith("../timeline/") for href in event_links)
    for href in term_links + event_links:
        path, anchor = href.split("#")
        assert article(site_x10 / "topics" / path).find(id=anchor) is not None, href


def test_the_parts_are_in_search_and_the_home_page_lists_the_first_topics(checked_x10, site_x10):
    index = whole_search_index(site_x10)
    located = {entry["location"].split("#")[0] for entry in index["docs"]}
    for main, folder in SPLIT_AT_X10.items():
        assert set(_parts(site_x10, main, folder)) <= located, main
    content = checked_x10.content
    home = article(site_x10 / "index.html")
    listed = home.select("li strong > a[href^='topics/']")
    assert len(listed) == HOME_TOPICS < len(content.topics)
    assert home.find("a", href="topics/index.html", string=re.compile(f"All {len(content.topics)} topics"))


# The other lists do not grow past a page at x10 (a source has as many claims
# as today's); they are split the same way, shown here with lower limits
# written into the copied engine of a dossier three times today's (a second
# x10 build would cost a minute and show nothing more).
LOWER_LIMITS = {"actors_index": 30, "sources_index": 1, "quotations": 9, "figures": 12, "source": 20}
SPLIT_WITH_LOWER_LIMITS = {
    "actors/index.html": "actors/index",
    "sources/index.html": "sources/index",
    "quotations.html": "quotations",
    "figures.html": "figures",
}


@pytest.fixture(scope="module")
def lower_limits(tmp_path_factory, today) -> tuple[Path, CheckedDossier]:
    """A dossier three times today's, built with ``LOWER_LIMITS``: (its site, its content checked)."""
    root = tmp_path_factory.mktemp("lower-limits") / "x3"
    write_dossier(root, 3, seed=1, base=today)
    checked = load_and_check(root)
    registry = root / "build_scripts" / "pages" / "registry.py"
    registry.write_text(registry.read_text(encoding="utf-8") + "\nimport dataclasses\n" + "".join(
        f"PAGE_KINDS[{name!r}] = dataclasses.replace(PAGE_KINDS[{name!r}], per_page={limit})\n"
        for name, limit in LOWER_LIMITS.items()), encoding="utf-8")
    site = root / "site"
    _build(root, site)
    return site, checked


@pytest.fixture(scope="module")
def site_lower_limits(lower_limits) -> Path:
    return lower_limits[0]


@pytest.mark.slow  # builds a dossier three times today's
@pytest.mark.parametrize("main", sorted(SPLIT_WITH_LOWER_LIMITS))
def test_the_other_lists_split_the_same_way(site_lower_limits, main):
    folder = SPLIT_WITH_LOWER_LIMITS[main]
    parts = _parts(site_lower_limits, main, folder)
    assert len(parts) > 1
    for index, part in enumerate(parts):
        nav = article(site_lower_limits / part).select_one("p.dossier-part-nav")
        hrefs = {posixpath.normpath(posixpath.join(posixpath.dirname(part), a["href"])) for a in nav.find_all("a")}
        assert main in hrefs and (index == 0 or parts[index - 1] in hrefs)


@pytest.mark.slow  # builds a dossier three times today's
def test_every_actor_quotation_figure_and_source_is_in_exactly_one_part(lower_limits):
    site_lower_limits, checked = lower_limits
    content = checked.content
    site = site_lower_limits
    found = _in_each_part(site, "actors/index.html", "li > a[href]", lambda a: a["href"].rsplit("/", 1)[1])
    _once_each(found, {f"{i}.html" for i in content.actors}, "actors/index.html")
    found = _in_each_part(site, "sources/index.html", "li > a[href]", lambda a: a["href"].rsplit("/", 1)[1])
    _once_each(found, {f"{i}.html" for i in content.sources}, "sources/index.html")
    quoted = {i for i, c in content.claims.items() if c.record.quotation}
    found = _in_each_part(site, "quotations.html", ".dossier-quotation-entry a[href*='#q-']",
                          lambda a: a["href"].split("#q-")[1])
    _once_each(found, quoted, "quotations.html")
    figures = [(i, f.said_as) for i, c in content.claims.items() for f in c.record.figures]
    rows = [(page, row) for page in _parts(site, "figures.html", "figures")
            for row in article(site / page).select("tbody tr")]
    assert len(rows) == len(figures)
    assert sorted((r.find("a", href=True)["href"].split("#q-")[1], normalise(r.td.get_text())) for _, r in rows) == \
        sorted((i, normalise(said)) for i, said in figures)


@pytest.mark.slow  # builds a dossier three times today's
def test_a_source_with_many_claims_lists_them_in_parts_its_highlights_lead_to(lower_limits):
    site_lower_limits, checked = lower_limits
    source_id = sorted(checked.content.sources)[0]
    claims = {i for i, c in checked.content.claims.items() if c.record.source == source_id}
    page = article(site_lower_limits / "sources" / f"{source_id}.html")
    assert not page.select(".dossier-claim"), "the claims are still under the text"
    parts = _parts(site_lower_limits, f"sources/{source_id}.html", f"sources/{source_id}")
    assert len(parts) > 1
    held = {}
    for part in parts:
        for block in article(site_lower_limits / part).select(".dossier-claim"):
            held.setdefault(block["id"].removeprefix("claim-"), []).append(part)
            back = block.find("a", href=re.compile("#q-"))["href"]
            assert back == f"../{source_id}.html#q-{block['id'].removeprefix('claim-')}"
    assert set(held) == claims and all(len(pages) == 1 for pages in held.values())
    # A highlight leads to its claim in the part that holds it (or to the list
    # of the claims that quote the same words, which lead there).
    for mark in page.select(".dossier-source-text mark[data-claims]"):
        target = mark.find("a", href=True, class_=lambda c: c != "dossier-mention")["href"]
        claim_ids = mark["data-claims"].split()
        if len(claim_ids) == 1:
            assert target == f"{source_id}/{held[claim_ids[0]][0].rsplit('/', 1)[1]}#claim-{claim_ids[0]}"
        else:
            passage = page.select_one(target)
            assert sorted(a["href"].split("#claim-")[1] for a in passage.find_all("a", href=True)) == sorted(claim_ids)


@pytest.mark.parametrize("sizes, per_page, cost", [
    ([3, 1, 1, 40, 2, 2, 2, 9, 1], 10, 0),
    ([130, 50] + [1] * 25, 60, 2),  # the network: a big group of actors, then many pairs
    ([5], 10, 0),
    ([], 10, 0),
])
def test_split_keeps_every_item_once_in_order_and_no_part_over_a_page(sizes, per_page, cost):
    groups = [paging.Group(f"g{index}", f"G{index}", tuple(f"{index}-{n}" for n in range(size)))
              for index, size in enumerate(sizes)]
    parts = paging.split(groups, per_page, group_cost=cost)
    assert [item for part in parts for item in part.items] == [item for g in groups for item in g.items]
    assert all(sum(len(g.items) + cost for g in part.groups) <= per_page for part in parts)
    assert len({part.slug for part in parts}) == len(parts)
    if sum(sizes) + cost * len(sizes) <= per_page:
        assert len(parts) == 1 and not paging.is_split(parts)
    else:
        # Neighbouring small groups share a page: no two neighbouring parts of
        # whole groups would fit on one (a group cut in pieces keeps its own parts).
        cut = {g.key for g in groups if sum(g.key in {h.key for h in part.groups} for part in parts) > 1}
        for before, after in itertools.pairwise(parts):
            if not {g.key for g in (*before.groups, *after.groups)} & cut:
                assert sum(len(g.items) + cost for g in (*before.groups, *after.groups)) > per_page


def test_the_network_pages_parts_are_jobs_of_their_own_and_the_same_pages(checked_x10):
    """The network page's parts, each with its pictures, are rendered as jobs
    of their own, so that the two cores share them (kinds/network.py, ``jobs``):
    the pages are those of the page rendered in one job."""
    indexes = PageIndexes(checked_x10)
    network_jobs = [job for job in page_jobs(indexes) if job[0] == "network"]
    parts = lists.parts_of(indexes, "network")
    assert parts.is_split
    assert network_jobs == [("network", (str(piece),)) for piece in range(len(parts.parts) + 1)]
    one_job = render_jobs(indexes, [("network", ())])[0]
    in_pieces = [page for pages in render_jobs(indexes, network_jobs) for page in pages]
    assert [(p.path, p.text, p.origin) for p in in_pieces] == [(p.path, p.text, p.origin) for p in one_job]
    assert len(one_job) == len(parts.parts) + 1
