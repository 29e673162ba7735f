"""MkDocs hook: plain ``mkdocs build`` and ``mkdocs serve`` run the generator.

Each event hands its work to the engine or to a module beside this one; what
one event leaves for the next lives on one ``BuildSession`` (``session.py``),
made at ``on_startup`` and dropped at ``on_shutdown``.

- Content is loaded and checked in ``on_pre_build``, before MkDocs cleans the
  site folder, so a content error leaves the previous site untouched.
- Pages and files are added as virtual files in ``on_files``: nothing is
  written into ``docs/``, so ``serve`` cannot trigger itself into a rebuild
  loop.
- ``mkdocs build`` writes into a staging folder and swaps it into place only
  when the whole build (strict checks included) succeeded
  (``atomic_output.py``), then zips the site for reading offline.
- ``serve`` keeps serving the last good pages when an edit breaks the
  content, and shows the problems in the terminal. It alone adds what
  ``preview_only/`` holds for contributors (a claim made from a selection on a
  source's page), never ``build``.
- Speed-ups that rely on MkDocs' or Material's internals are in
  ``speedups/``: two-core conversion in ``mkdocs build``, ``serve --dirty``
  rebuilding only the pages that changed, and ``serve`` told of saves by the system.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from build_scripts.content.problems import DossierError, listed_warnings
from build_scripts.renderers.mkdocs.session import BuildSession

log = logging.getLogger("mkdocs.hooks.dossier")

session: BuildSession | None = None


def on_startup(command: str, dirty: bool) -> None:
    global session
    session = BuildSession(command, dirty, own_hook=__file__)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    session.configure(config)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    try:
        session.generate()
    except DossierError as error:
        if session.command == "serve" and session.generated is not None:
            log.error("the content has problems; still showing the last good version:\n" + error.report())
            return
        raise PluginError("\n" + error.report()) from None
    for line in session.coverage_lines():
        log.info(line)
    # Text still to be written is never published: a strict build stops on it.
    placeholders = session.generated.checked.placeholders
    if placeholders:
        if config.strict:  # an error: every one is listed
            report = "\n".join(problem.as_text() for problem in placeholders)
            raise PluginError(f"\n{report}\n{len(placeholders)} placeholder(s) still in the content; "
                              "a strict build publishes none: write the text first")
        report = "\n".join(listed_warnings(placeholders))
        log.warning(f"placeholders still in the content (a strict build refuses them):\n{report}")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    session.add_files(files, config)
    return files


@event_priority(-1000)  # the last before MkDocs converts the pages: the copy sees the nav as they will
def on_nav(nav, config: MkDocsConfig, files: Files):
    session.start_conversion(config, files)
    return nav


@event_priority(-1000)  # the page object MkDocs goes on with
def on_pre_page(page, config: MkDocsConfig, files: Files):
    if session.conversion is not None:
        session.conversion.take_over(page)
    return page


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    return session.complete_markdown(page.file.src_uri, markdown)


@event_priority(-1000)  # the page's HTML as the search plugin will see it
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    if session.conversion is not None:
        session.conversion.split_for_search(page, html)
    return html


def on_env(env, config: MkDocsConfig, files: Files):
    if session.conversion is not None:  # every page is converted
        session.conversion.finish()
    if session.template_cache is not None:
        env.bytecode_cache = session.template_cache
    return env


def on_page_context(context, page, config: MkDocsConfig, nav):
    # "Edit this page" opens the file the page is made from (see site_source/contributing.py).
    page.edit_url = session.edit_url(config, page.file.src_uri) or page.edit_url
    return context


@event_priority(-200)  # after the search plugin and Material's offline plugin (-100) wrote the index
def on_post_build(config: MkDocsConfig) -> None:
    session.finish_build(config)


def on_serve(server, config: MkDocsConfig, builder):
    session.watch(server)
    return server


def on_build_error(error: Exception) -> None:
    session.build_failed()


def on_shutdown() -> None:
    global session
    session.close()
    session = None
