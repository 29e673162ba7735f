"""Every internal link and anchor of a built site resolves.

    python -m build_scripts linkcheck SITE_DIR [--file-urls]

Reads the HTML files of a built site (no MkDocs, no network) and checks every
address an element points at — ``href``, ``src``, ``srcset``, ``action``,
``poster``, ``data`` — and every page location of the search index, as
Material writes it (``search/search_index.json``, its pages under ``docs``,
and, for pages opened from disk, ``search/search_index.js``) or as Zensical
does (``search.json``, its pages under ``items``):

- a relative or root-relative address must name a file of the site (a folder
  counts when it holds ``index.html``), and its ``#fragment`` must be the id
  of an element of that page (or the name of an ``<a name>``);
- an id must be unique within its page, or a fragment would be ambiguous;
- ``javascript:`` addresses are broken by definition.

Addresses with another scheme (``https:``, ``mailto:``, ``data:``…) or that
start with ``//`` lead off the site and are not followed.

``--file-urls`` checks a copy meant to be opened from disk (the offline
build): there a browser neither turns a folder into its ``index.html`` nor
resolves ``/…`` against the site, so both are broken — except on
``404.html``, which only a web server ever shows.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from build_scripts.renderers.search_pieces import WHOLE_INDEX_FOR_DISK, whole_index_json

# Attributes whose value is one address (``data`` only on <object>).
_URL_ATTRIBUTES = {"href", "src", "action", "poster", "xlink:href", "formaction"}
# Where each renderer writes its search index, and the key of its list of entries.
SEARCH_INDEXES = {"search/search_index.json": "docs", "search.json": "items"}
# Material's whole index as pages opened from disk read it (a script: "var __index = {...}"); a
# build's served search/search_index.json keeps the settings alone (renderers/search_pieces.py).
SEARCH_INDEX_SCRIPTS = {WHOLE_INDEX_FOR_DISK: "docs"}
NOT_FOLLOWED_PAGE = "404.html"  # served by a web server for any missing address


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # the page (or search index) holding the link, relative to the site
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url} ({self.reason})"


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0
    broken: list[BrokenLink] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.broken

    def summary(self, site: Path) -> str:
        if self.ok:
            return f"{site}: {self.links} internal links in {self.pages} pages, all resolve"
        return f"{site}: {len(self.broken)} of {self.links} internal links in {self.pages} pages are broken"


@dataclass
class _Page:
    ids: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.page.ids.append(value)
            elif name in _URL_ATTRIBUTES or (name == "data" and tag == "object"):
                self.page.urls.append(value.strip())
            elif name in ("srcset", "imagesrcset"):
                self.page.urls.extend(c.split()[0] for c in value.split(",") if c.strip())

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


def check_site(site: Path, file_urls: bool = False) -> LinkReport:
    """Check every internal link of the built site in ``site``."""
    site = site.resolve()
    report = LinkReport()
    pages = {p.relative_to(site).as_posix(): _parse(p) for p in sorted(site.rglob("*.html")) if p.is_file()}
    ids = {name: set(page.ids) for name, page in pages.items()}
    report.pages = len(pages)
    for name, page in pages.items():
        for duplicate in sorted({i for i in page.ids if page.ids.count(i) > 1}):
            report.broken.append(BrokenLink(name, f"#{duplicate}", "this id is given to more than one element"))
        for url in page.urls:
            problem = _resolve(site, name, url, ids, file_urls)
            if problem:
                report.broken.append(BrokenLink(name, url, problem))
            if problem != "":
                report.links += 1
    for index_path, entries in (SEARCH_INDEXES | SEARCH_INDEX_SCRIPTS).items():
        index = site / index_path
        if not index.is_file():
            continue
        text = index.read_text(encoding="utf-8")
        if index_path in SEARCH_INDEX_SCRIPTS:
            text = whole_index_json(text)
        for doc in json.loads(text).get(entries, []):
            # Locations are relative to the site's root; "" is the home page.
            location = doc.get("location", "")
            problem = _resolve(site, "index.html", location or "index.html", ids, file_urls=False)
            report.links += 1
            if problem:
                report.broken.append(BrokenLink(index_path, location, problem))
    report.broken.sort()
    return report


def _resolve(site: Path, page: str, url: str, ids: dict[str, set[str]], file_urls: bool) -> str | None:
    """None if ``url`` on ``page`` resolves; "" if it leads off the site; else why it is broken."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "javascript":
        return "a javascript: address"
    if parts.scheme or url.startswith("//"):
        return ""
    path = unquote(parts.path)
    if path.startswith("/"):
        if file_urls and page != NOT_FOLLOWED_PAGE:
            return "an address from the site's root does not work from file://"
        target = posixpath.normpath(path.lstrip("/") or ".")
    elif path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    else:
        target = page
    if target == ".." or target.startswith("../"):
        return "points outside the site"
    full = site / target
    if full.is_dir():
        if file_urls and page != NOT_FOLLOWED_PAGE:
            return "a folder: from file:// a browser shows a listing, not its index.html"
        target = posixpath.normpath(posixpath.join(target, "index.html"))
        full = site / target
    if not full.is_file():
        return "no such file"
    fragment = unquote(parts.fragment)
    if fragment and target in ids and fragment not in ids[target]:
        return "no such anchor"
    return None


def main(sites: list[Path], file_urls: bool = False) -> int:
    """Print every broken link of each site; 1 if any, else 0."""
    status = 0
    for site in sites:
        if not (site / "index.html").is_file():
            print(f"{site}: not a built site (no index.html)")
            status = 1
            continue
        report = check_site(site, file_urls=file_urls)
        for broken in report.broken:
            print(f"{site}/{broken}")
        print(report.summary(site))
        status = status or (0 if report.ok else 1)
    return status
