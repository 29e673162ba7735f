"""The dates of change on the site: the Atom feed (feed.xml), the What's new page, and each
actor's, topic's and source's "Last changed" (the fictional dossier, tests/fictional_dossier/)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from build_scripts.site_source.generate import generate

from .helpers import fictional_project, soup

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(data: bytes) -> ElementTree.Element:
    feed = ElementTree.fromstring(data)
    assert feed.tag == f"{ATOM}feed"
    return feed


def test_the_feed_is_atom_with_its_entries_newest_first(fictional_generated):
    feed = atom(fictional_generated.files["feed.xml"])
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None, name
    entries = feed.findall(f"{ATOM}entry")
    # 3 sources, 12 claims, 3 corrections (two of a claim, one of an actor)
    assert len(entries) == 18
    days = [e.find(f"{ATOM}updated").text for e in entries]
    assert days == sorted(days, reverse=True)
    assert feed.find(f"{ATOM}updated").text == days[0] == "2030-06-02T00:00:00Z"
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"tag:[a-z0-9-]+,\d{4}-\d{2}-\d{2}:/\S+", i) for i in ids), ids
    for entry in entries:
        assert entry.find(f"{ATOM}title").text and entry.find(f"{ATOM}summary").text
        href = entry.find(f"{ATOM}link").get("href")
        assert re.fullmatch(r"(actors|topics|sources)/[a-z0-9-]+\.html(#claim-[a-z0-9-]+)?", href), href
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert titles[0] == "Correction to the claim: The repairs cost 40,000 crowns, the town council said."
    assert "New source: Fictional test article: Velmora bridge open again" in titles
    oldest_day = [t for t, d in zip(titles, days, strict=True) if d == days[-1]]
    assert oldest_day[0].startswith("New source:")  # on one day: sources, then claims, then corrections


def test_the_feed_gives_absolute_addresses_with_site_url(tmp_path):
    root = fictional_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nsite_url: https://example.org/velmora/\n",
                      encoding="utf-8")
    feed = atom(generate(root).files["feed.xml"])
    assert feed.find(f"{ATOM}id").text == "tag:example.org,2030-05-17:/velmora/feed.xml"
    links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert all(link.startswith("https://example.org/velmora/") for link in links), links


def test_nothing_typed_in_yaml_becomes_markup_in_the_feed(tmp_path):
    root = fictional_project(tmp_path / "project")
    claims = root / "content" / "claims" / "bridge-reopening.yaml"
    typed = "Mayor </title><script>alert(1)</script> & <b>cut</b> the ribbon."
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("statement: Mayor Ilse Brandt cut the ribbon.", f"statement: '{typed}'"),
                      encoding="utf-8")
    data = generate(root).files["feed.xml"]
    assert b"<script>" not in data and b"</title><" not in data
    titles = [e.find(f"{ATOM}title").text for e in atom(data).findall(f"{ATOM}entry")]
    assert f"New claim: {typed}" in titles


def test_the_same_content_gives_the_same_feed(fictional_root, fictional_generated):
    assert generate(fictional_root).files["feed.xml"] == fictional_generated.files["feed.xml"]


def test_whats_new_lists_every_change_newest_first(fictional_generated):
    page = next(p.text for p in fictional_generated.pages if p.path == "whats-new.md")
    days = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', page)
    assert len(days) == 18 and days == sorted(days, reverse=True)
    assert ("<time datetime=\"2030-05-25\">25 May 2030</time> · Correction to the actor: "
            "[Velmora town council](actors/velmora-council.md)") in page
    assert "New claim: [Mayor Ilse Brandt cut the ribbon.](topics/bridge-reopening.md#claim-mayor-cut-the-ribbon)" \
        in page
    assert "[the Atom feed](feed.xml)" in page


def test_actor_topic_and_source_pages_say_when_they_last_changed(fictional_generated):
    pages = {p.path: p.text for p in fictional_generated.pages}

    def last_changed(path: str) -> str:
        return re.search(r'Last changed: <time datetime="([\d-]+)">', pages[path]).group(1)

    # The topic's newest: the correction of one of its claims; the herald's source: its newest claim.
    assert last_changed("topics/bridge-reopening.md") == "2030-06-02"
    assert last_changed("sources/ost-herald-bridge.md") == "2030-05-19"
    assert last_changed("sources/velmora-courier-bridge.md") == "2030-06-02"
    assert last_changed("actors/velmora.md") == "2030-05-19"
    assert last_changed("actors/velmora-council.md") == "2030-06-02"


def test_every_page_links_the_feed_from_its_head(fictional_built_site: Path):
    feed = fictional_built_site / "feed.xml"
    assert len(atom(feed.read_bytes()).findall(f"{ATOM}entry")) == 18
    # 404.html is served at any address: MkDocs gives it root-absolute links, its feed link too.
    pages = sorted(p for p in fictional_built_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    for path in pages:
        html = soup(path)
        link = html.head.find("link", rel="alternate", type="application/atom+xml")
        assert link is not None, path
        assert (path.parent / link["href"]).resolve() == feed.resolve(), path
    whats_new = soup(fictional_built_site / "whats-new.html")
    # Fewer changes than the feed holds (50): both list every one.
    assert len(whats_new.select(".dossier-change-entry")) == 18
    topic = soup(fictional_built_site / "topics" / "bridge-reopening.html")
    assert topic.select_one(".dossier-last-changed time")["datetime"] == "2030-06-02"
