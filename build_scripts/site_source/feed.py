"""``feed.xml``: an Atom feed (RFC 4287) of what the dossier gained, newest first: new
sources, new claims and corrections (``pages/views/changes.py``, as the What's new page
lists them), the newest ``FEED_ENTRIES`` of them. Every page's head links to it
(``theme/main.html``, ``theme-zensical/main.html``).

- Dates come from the content (``added``, a correction's date): ``updated`` is the
  newest entry's day, at midnight UTC. No clock is read: the same content gives the
  same bytes.
- Ids must be absolute and never change: ``tag:`` URIs (RFC 4151), ``tag:AUTHORITY,DAY:
  WHAT/ID``, DAY being the entry's own day. AUTHORITY is the host of ``site_url`` when
  mkdocs.yml sets it (its path follows the day), else the dossier's title made an id
  (``slugify``). Setting ``site_url`` later changes every id once: feed readers then show
  the entries again.
- Links are absolute when ``site_url`` is set, else relative to the feed, which sits at
  the site's top (Atom resolves them against the feed's own address).
- All text is written by ElementTree, which escapes it for XML (``&``, ``<``, quotes in
  attributes): nothing typed in YAML becomes markup. Summaries are plain text
  (``type="text"``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

from build_scripts.content.model import slugify
from build_scripts.pages.addresses import FEED_FILE, built_page
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.views.changes import Change, change_at

ATOM = "http://www.w3.org/2005/Atom"
# The newest this many changes: a feed reader asks for the file often; the What's new page lists them all.
FEED_ENTRIES = 50
EPOCH = "1970-01-01"  # `updated` of a dossier that has nothing dated yet


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _tag(authority: str, day: str, specific: str) -> str:
    return f"tag:{authority},{day}:{specific}"


def feed_text(indexes: PageIndexes, site_url: str | None) -> bytes:
    content = indexes.content
    title = content.dossier.record.title if content.dossier else "Dossier"
    if site_url:
        parts = urlsplit(site_url)
        authority, base_path = parts.hostname or "localhost", parts.path
    else:
        authority, base_path = slugify(title) or "dossier", "/"
    every = indexes.changes_newest_first
    changes = [change_at(indexes, place) for place in range(min(len(every), FEED_ENTRIES))]
    first_day = every[-1][0] if every else EPOCH

    def address(page: str) -> str:
        return (site_url or "") + page

    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")

    def add(parent: ElementTree.Element, name: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
        element.text = text
        return element

    add(feed, "id", _tag(authority, first_day, f"{base_path}{FEED_FILE}"))
    add(feed, "title", title, type="text")
    add(feed, "subtitle", "New sources, new claims and corrections, newest first.", type="text")
    add(feed, "updated", _timestamp(changes[0].date if changes else EPOCH))
    add(feed, "link", rel="self", type="application/atom+xml", href=address(FEED_FILE))
    add(feed, "link", rel="alternate", type="text/html", href=address(built_page("whats-new.md")))
    author = add(feed, "author")
    add(author, "name", title)
    for change in changes:
        _entry(feed, add, change, authority, base_path, address)
    ElementTree.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="utf-8",
                                                                           xml_declaration=False) + b"\n"


def _entry(feed, add, change: Change, authority: str, base_path: str, address) -> None:
    entry = add(feed, "entry")
    specific = f"{base_path}{change.what}/{change.record_id}"  # a new source or claim
    if change.what == "correction":
        specific = f"{base_path}correction/{change.record_kind}/{change.record_id}/{change.index + 1}"
    add(entry, "id", _tag(authority, change.date, specific))
    add(entry, "title", f"{change.label}: {change.name}", type="text")
    add(entry, "updated", _timestamp(change.date))
    add(entry, "link", rel="alternate", type="text/html", href=address(change.address.in_site))
    add(entry, "summary", change.summary, type="text")


def feed_file(indexes: PageIndexes, root: Path) -> dict[str, bytes]:
    """{``feed.xml``: its bytes}, for the files the site ships."""
    return {FEED_FILE: feed_text(indexes, indexes.site_settings.site_url)}
