"""Links between the site's pages: relative addresses from the page that links
(where things are is ``addresses``' business).

Values that are not text (addresses, anchors) are wrapped in ``Markup`` here,
deliberately, after being built from ids the model has already limited to
slugs; everything else is escaped on output.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from build_scripts.pages.addresses import built_page


@dataclass(frozen=True)
class Link:
    text: str
    url: Markup
    title: str | None = None  # shown on hover: a source's title, where the link names its publisher


@functools.lru_cache(maxsize=None)
def relative_path(to_page: str, from_folder: str) -> str:
    """``posixpath.relpath(to_page, from_folder)`` for the site's own paths
    (relative, with no "." or ".." parts): relpath asks for the working
    directory on every call, and pages link to tens of thousands of others."""
    if from_folder == ".":
        return to_page
    up = from_folder.split("/")
    down = to_page.split("/")
    common = 0
    while common < len(up) and common < len(down) and up[common] == down[common]:
        common += 1
    return "/".join([".."] * (len(up) - common) + down[common:]) or "."


@functools.lru_cache(maxsize=None)
def folder_of(page: str) -> str:
    return posixpath.dirname(page) or "."


def relative_url(from_page: str, to_page: str, anchor: str = "") -> Markup:
    """A Markdown link target from one generated page to another."""
    url = relative_path(to_page, folder_of(from_page))
    return Markup(url + (f"#{anchor}" if anchor else ""))


def html_url(from_page: str, to_page: str, anchor: str = "") -> Markup:
    """A link target for raw HTML (the network picture, JSON-LD), which MkDocs
    does not rewrite: the built page's own address (``use_directory_urls`` is
    off, so ``actors/india.md`` becomes ``actors/india.html``)."""
    url = built_page(relative_path(to_page, folder_of(from_page)))
    return Markup(url + (f"#{anchor}" if anchor else ""))
