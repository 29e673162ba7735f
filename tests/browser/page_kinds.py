"""One page of each kind the site has, found from what the generator makes,
what docs/ holds and what the nav of mkdocs.yml lists (pages that hooks add),
so that a new kind of page is tested as soon as it exists. A kind is a top-level page ("home", "about", "timeline"…), or a
folder's index ("actors-index") or its other pages ("actors-page"); of the
latter, the one with the most Markdown is taken, to give the checks the most
to look at."""

from __future__ import annotations

import yaml

from build_scripts.site_source.generate import generate

from ..helpers import PROJECT_ROOT


def _markdown_pages() -> dict[str, int]:
    """Size of each page's Markdown, by path under docs/ (generated or hand-written)."""
    pages = {page.path: len(page.text) for page in generate(PROJECT_ROOT).pages}
    docs = PROJECT_ROOT / "docs"
    for path in sorted(docs.rglob("*.md")):
        pages.setdefault(path.relative_to(docs).as_posix(), path.stat().st_size)
    for path in _nav_pages():
        pages.setdefault(path, 0)
    return pages


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name…)."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def _nav_pages() -> list[str]:
    config = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    found, pending = [], [config.get("nav") or []]
    while pending:
        item = pending.pop()
        if isinstance(item, str) and item.endswith(".md") and "://" not in item:
            found.append(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return sorted(found)


def _kind(path: str) -> str:
    folder, _, name = path.rpartition("/")
    stem = name.removesuffix(".md")
    if not folder:
        return "home" if stem == "index" else stem
    return f"{folder.replace('/', '-')}-{'index' if stem == 'index' else 'page'}"


def page_of_each_kind() -> dict[str, str]:
    """The site path (.html) of one page per kind, by kind, sorted by kind."""
    chosen: dict[str, tuple[int, str]] = {}
    for path, size in sorted(_markdown_pages().items()):
        kind = _kind(path)
        if kind not in chosen or size > chosen[kind][0]:
            chosen[kind] = (size, path)
    kinds = {kind: path.removesuffix(".md") + ".html" for kind, (size, path) in chosen.items()}
    kinds["not-found"] = "404.html"   # made by the theme, shown for any missing page
    return dict(sorted(kinds.items()))


PAGE_OF_EACH_KIND = page_of_each_kind()
