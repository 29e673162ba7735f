"""MkDocs' Markdown conversion on two cores: every other page converted in a
forked copy of the build, while the build converts the rest.

MkDocs 1.6 builds in two passes: it converts every page's Markdown to HTML
(``_populate_page``), then puts each page into the theme and writes it. The
first pass is most of its time (about 60% of a synthetic x10 build), and
each page's conversion depends only on that page and the list of files. So,
once the navigation is made (``on_nav``, the last event before the first
pass), the build forks:

- The copy takes the odd pages, in MkDocs' order, and does to each what
  MkDocs would (``on_pre_page``, ``read_source``, ``on_page_markdown``,
  ``Page.render``). It sends back what ``render`` sets on the page: the
  HTML, the table of contents, the title found in it, its anchors and its
  links to anchors, with the log records the conversion made; and the
  sections Material's search plugin splits the HTML into.
- The build goes through its pages as usual. On an odd page, ``render``
  (replaced on that page in ``on_pre_page``) takes the copy's results
  instead of converting, and logs the copy's records as its own, so that
  warnings are shown once and ``--strict`` counts them.

Material's search plugin parses every page's HTML into sections when it
indexes the page (a fifth of MkDocs' time, with its own HTML parser), one
page at a time while the theme is applied, on one core. Both processes split
their pages with that same parser right after converting them (the build in
``on_page_content``), and the plugin takes those sections, found by the
page's HTML, instead of parsing again: half of that work is done on the
second core. A page whose HTML changed after it was split is parsed again.

The site is byte for byte the one a single process builds
(tests/test_parallel_markdown.py checks it). A page the copy could not
convert, and every page after it, is converted by the build itself, so that
an error is raised as a single process raises it.

This relies on what ``Page.render`` sets in MkDocs 1.6 (pinned in
requirements); a test compares the attributes it sets with ``Converted``.
Used where ``parallel.can_fork`` says forking is safe and pays, and in the
dirty rebuilds of ``serve`` (``make serve``) that convert enough pages for a
fork to pay, beside the server's threads (``start`` says why that is safe
here, and what happens if not); and only with plugins
known to keep nothing from a page's conversion: the copy runs the plugins'
page events too, and what a plugin (or a Markdown extension given as an
object, such as mkdocs-autorefs adds) records there would stay in the copy.
"""

from __future__ import annotations

import functools
import logging
import os
import pickle
import signal
import threading
from dataclasses import dataclass
from typing import BinaryIO

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

try:
    from material.plugins.search.plugin import Parser as SearchParser
    from material.plugins.search.plugin import SearchIndex
except ImportError:  # another theme: no sections to split
    SearchParser = SearchIndex = None

from build_scripts import parallel

log = logging.getLogger("mkdocs.hooks.dossier")


@dataclass(frozen=True)
class Converted:
    """What ``Page.render`` sets on a page, in a form that pickles."""

    content: str
    toc: object
    title_from_render: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # keyed by the linked file's src_uri
    records: list[logging.LogRecord]
    search_sections: list | None  # Material's search sections of ``content``, if its search plugin is on


# Plugins whose page events keep nothing the rest of the build needs.
KNOWN_PLUGINS = frozenset({"material/search", "material/offline"})


def can_convert_in_two(config: MkDocsConfig, command: str, dirty: bool, own_hook: str) -> bool:
    """Whether this build may convert in two processes; ``own_hook`` is the
    file of this project's hook (whose page events are known). A build, or a
    dirty rebuild of ``serve`` (which runs threads beside it: see ``start``)."""
    plugins_known = all(name in KNOWN_PLUGINS or getattr(plugin, "__file__", None) == own_hook
                        for name, plugin in config.plugins.items())
    extensions_named = all(isinstance(extension, str) for extension in config.markdown_extensions)
    if not (plugins_known and extensions_named):
        return False
    if command == "build" and not dirty:
        return parallel.can_fork()
    return command == "serve" and dirty and parallel.can_fork_beside_threads()


# A dirty rebuild converting fewer pages than this converts them itself: forking the
# server costs more than it saves (at a hundred times today's dossier, a process of about 2 GB).
PAGES_WORTH_A_FORK = 12

# A copy that has sent nothing for this long is taken for stuck (see ``start``): it is
# stopped, and the build converts its pages itself.
COPY_SILENCE_SECONDS = 30.0


def start(config: MkDocsConfig, files: Files, dirty: bool = False) -> "ForkedConversion | None":
    """A forked copy converting every other page MkDocs will convert (in a dirty
    build, those whose source is newer than their output), or None if the system
    refused the fork or, in a dirty build, too few pages change: the build then
    converts every page itself.

    ``serve`` forks beside its server's and watchers' threads, which a forked
    copy does not have: a lock one of them held at that moment stays locked in
    the copy. The copy takes none they take: it converts Markdown, prints
    nothing (``_convert_and_send``; logging's own locks are made anew in a
    copy) and writes to a pipe of its own. Should it still hang, it is stopped
    after ``COPY_SILENCE_SECONDS`` without sending anything, and the build
    converts its pages itself, as it does those of a copy that failed."""
    pages = [file for file in files.documentation_pages() if not dirty or file.is_modified()]
    if dirty and len(pages) < PAGES_WORTH_A_FORK:
        return None
    theirs = [file.src_uri for file in pages[1::2]]  # MkDocs' order, every other page
    index = material_search_index(config)
    forked = parallel.fork_copy(functools.partial(_convert_and_send, config, files, theirs,
                                                  split_for_search=index is not None))
    if forked is None:
        log.info("converting every page on one core: the system refused to fork")
        return None
    pid, received = forked
    return ForkedConversion(pid, received, theirs, SearchSections(index) if index is not None else None)


class ForkedConversion:
    """The forked copy converting the odd pages; ``take_over`` hands it a page."""

    def __init__(self, pid: int, received: BinaryIO, theirs: list[str], search: "SearchSections | None"):
        self._pid = pid
        self._theirs = set(theirs)
        self._received: dict[str, Converted | None] = {}
        self._ended = False
        self._left_to_the_build = 0  # the copy's pages that it did not send
        self._arrived = threading.Condition()
        self.search = search
        # A thread reads the results as they come: the copy never waits for
        # the build to reach its next page before it can go on.
        self._reader = threading.Thread(target=self._receive, args=(received,), name="markdown-copy", daemon=True)
        self._reader.start()

    def take_over(self, page: Page) -> None:
        """If the copy converts this page, its ``render`` takes the copy's results."""
        if page.file.src_uri in self._theirs:
            page.render = functools.partial(self._render, page)

    def split_for_search(self, page: Page, html: str) -> None:
        """Split the build's own pages for search now, while the copy converts."""
        if self.search is not None and page.file.src_uri not in self._theirs:
            self.search.split(html)

    def finish(self) -> None:
        """Wait for the copy to end (it has sent every page by the time the build needs the last)."""
        if self._pid:
            self._reader.join(COPY_SILENCE_SECONDS)
            if self._reader.is_alive():  # sent its pages, then hung
                self._stop_stuck_copy()
                self._reader.join()
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
            if self._left_to_the_build or status:
                log.info(f"the forked copy stopped early (exit status {os.waitstatus_to_exitcode(status)}); "
                         f"the build converted {self._left_to_the_build} of its pages itself")

    def _stop_stuck_copy(self) -> None:
        """The copy sent nothing for ``COPY_SILENCE_SECONDS``: stopped; the build converts the
        pages it did not send (its stream ends, and ``_receive`` says so)."""
        log.info(f"the forked copy converting pages sent nothing for {COPY_SILENCE_SECONDS:.0f} s: "
                    "stopped; the build converts its pages itself")
        os.kill(self._pid, signal.SIGKILL)

    def stop(self) -> None:
        """End the copy now (the build failed)."""
        if self._pid:
            os.kill(self._pid, signal.SIGTERM)
            os.waitpid(self._pid, 0)
            self._pid = 0

    def _receive(self, received: BinaryIO) -> None:
        try:
            with received:
                while True:
                    try:
                        src_uri, converted = pickle.load(received)
                    except (EOFError, pickle.UnpicklingError):  # the end, or a copy killed mid-page
                        break
                    with self._arrived:
                        self._received[src_uri] = converted
                        self._arrived.notify_all()
        finally:
            # However the stream stopped, the build converts the pages not received.
            with self._arrived:
                self._ended = True
                self._arrived.notify_all()

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        del page.render  # the page's own method again; the page no longer holds this object
        src_uri = page.file.src_uri
        with self._arrived:
            if not self._arrived.wait_for(lambda: src_uri in self._received or self._ended,
                                          timeout=COPY_SILENCE_SECONDS):
                self._stop_stuck_copy()
            converted = self._received.pop(src_uri, None)
        if converted is None:  # the copy failed on this page or stopped before it
            self._left_to_the_build += 1
            page.render(config, files)
            return
        page.content = converted.content
        if self.search is not None and converted.search_sections is not None:
            self.search.keep(converted.content, converted.search_sections)
        page.toc = converted.toc
        page._title_from_render = converted.title_from_render
        page.present_anchor_ids = converted.present_anchor_ids
        if converted.links_to_anchors is not None:
            page.links_to_anchors = {files.get_file_from_path(src): links
                                     for src, links in converted.links_to_anchors.items()}
        for record in converted.records:
            logging.getLogger(record.name).handle(record)


def _convert_and_send(config: MkDocsConfig, files: Files, src_uris: list[str], out: BinaryIO, *,
                      split_for_search: bool) -> None:
    """In the copy: convert these pages as MkDocs' ``_populate_page`` does, up
    to ``render``, and send each one's results."""
    captured: list[logging.LogRecord] | None = None

    def keep_record(logger: logging.Logger, record: logging.LogRecord) -> None:
        # The build logs these records itself; records of the plugin events
        # before ``render`` are dropped, as the build runs those events again.
        if captured is not None:
            captured.append(_portable(record))

    logging.Logger.callHandlers = keep_record  # the copy prints nothing itself
    for src_uri in src_uris:
        try:
            file = files.get_file_from_path(src_uri)
            page = file.page if file.page is not None else Page(None, file, config)
            config._current_page = page
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            captured = []
            page.render(config, files)
        except Exception:
            # The build converts this page itself and meets the same error.
            pickle.dump((src_uri, None), out, protocol=pickle.HIGHEST_PROTOCOL)
            return
        links = page.links_to_anchors
        converted = Converted(
            content=page.content,
            toc=page.toc,
            title_from_render=page._title_from_render,
            present_anchor_ids=page.present_anchor_ids,
            links_to_anchors=None if links is None else {f.src_uri: dict(anchors) for f, anchors in links.items()},
            records=captured,
            search_sections=search_sections(page.content) if split_for_search else None,
        )
        captured = None
        pickle.dump((src_uri, converted), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()


def _portable(record: logging.LogRecord) -> logging.LogRecord:
    """The record with its message formatted, so that it pickles (as
    logging's SocketHandler sends records)."""
    copy = logging.makeLogRecord(record.__dict__)
    copy.msg = record.getMessage()
    copy.args = None
    if record.exc_info:
        copy.exc_text = logging.Formatter().formatException(record.exc_info)
        copy.exc_info = None
    return copy


def material_search_index(config: MkDocsConfig) -> "SearchIndex | None":
    """Material's search index, if its search plugin is on."""
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    if SearchIndex is None or not isinstance(index, SearchIndex) or not plugin.config.enabled:
        return None
    return index


def search_sections(html: str) -> list:
    """The sections Material's search plugin splits a page's HTML into."""
    parser = SearchParser()
    parser.feed(html)
    parser.close()
    return parser.data


class SearchSections:
    """Material's search index, taking the sections of pages already split
    (by their HTML) instead of parsing them again."""

    def __init__(self, index: SearchIndex):
        self._by_html: dict[str, list] = {}
        self.pages_taken = 0  # pages indexed from sections split before
        self._index = index
        self._parse_and_add = index.add_entry_from_context
        index.add_entry_from_context = self._add_entry_from_context

    def split(self, html: str) -> None:
        self._by_html[html] = search_sections(html)

    def keep(self, html: str, sections: list) -> None:
        self._by_html[html] = sections

    def _add_entry_from_context(self, page: Page) -> None:
        sections = self._by_html.pop(page.content, None)
        if sections is None:
            self._parse_and_add(page)
            return
        # As SearchIndex.add_entry_from_context (Material 9.x), without parsing.
        self.pages_taken += 1
        if (page.meta.get("search") or {}).get("exclude"):
            return
        for section in sections:
            if not section.is_excluded():
                self._index.create_entry_for_section(section, page.toc, page.url, page)
