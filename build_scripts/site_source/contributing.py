"""What the site offers contributors: the contributing guide, the schema
reference, a copy of every content file, and "edit this page" links.

- ``CONTRIBUTING.md`` (the repository's guide) is also the site's
  ``contributing.md`` page: one text, never copied by hand.
- ``schema-reference.md`` is generated from the model (``schema_reference.py``).
- Both weigh far less in search than the reader's pages
  (``CONTRIBUTOR_SEARCH_BOOST``): their examples quote the story's names and
  ids ("Zarif", ``india-s400-iranian-oil``), and a reader who searches for
  "S400" is after the deal, not the schema. Their titles still find them.
- Every content file is shipped with the site under ``content/…``, and each
  generated page links to the file it was made from ("Source of this page"),
  so the link works offline and without knowing where the repository lives.
- "Edit this page" opens the file in the repository when the repository's
  address is set: MkDocs' ``edit_uri`` in ``mkdocs.yml``, as a full address
  of the ``docs/`` folder in the repository's editor, e.g.
  ``https://github.com/OWNER/REPO/edit/main/docs/``. Other files are found
  from there (``../content/actors/russia.yaml``). Unset, there is no edit
  button, and nothing is invented.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

from build_scripts.content.load import ContentFiles
from build_scripts.pages.links import relative_path
from build_scripts.pages.render import Page
from build_scripts.pages.schema_reference import PAGE_PATH as SCHEMA_REFERENCE_PAGE
from build_scripts.pages.schema_reference import schema_reference_page
from build_scripts.rules.check import CheckedDossier

CONTRIBUTING_FILE = "CONTRIBUTING.md"
CONTRIBUTING_PAGE = "contributing.md"
# The model is where the schema reference comes from, so that is what "edit" opens.
PAGE_ORIGINS = {CONTRIBUTING_PAGE: CONTRIBUTING_FILE, SCHEMA_REFERENCE_PAGE: "build_scripts/content/model.py"}
# Only plain relative paths become links (file names are not otherwise checked).
# Material's per-page search weight for both (front matter `search.boost`).
# Material weighs a word of a title 1000 times a word of the text, and the
# lightest reader pages (sources) weigh 0.5: at 0.0001, even a word of a
# contributor page's heading (0.1) counts less than a word of a reader page's
# text, so they come after every reader page that matches. Their own titles
# still find them when no reader page matches better. Left out of the index
# instead, they could not be found at all.
CONTRIBUTOR_SEARCH_BOOST = 0.0001
_SAFE_ORIGIN = re.compile(r"^content/[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\.ya?ml$")


def contributor_pages(root: Path, checked: CheckedDossier) -> dict[str, str]:
    """The contributing guide and the schema reference: {site path: Markdown}."""
    guide = (root / CONTRIBUTING_FILE).read_text(encoding="utf-8")
    return {
        # The guide has no front matter of its own (GitHub would show it as a table).
        CONTRIBUTING_PAGE: f"---\nsearch:\n  boost: {CONTRIBUTOR_SEARCH_BOOST}\n---\n\n" + guide,
        SCHEMA_REFERENCE_PAGE: schema_reference_page(checked, search_boost=CONTRIBUTOR_SEARCH_BOOST),
    }


def content_copies(root: Path, found: ContentFiles) -> dict[str, bytes]:
    """A copy of every content file (``found``: those a load found), for the "source of this
    page" links: {site path: bytes}."""
    files: dict[str, bytes] = {}
    for path in found.paths:
        relative = path.relative_to(root).as_posix()
        if _SAFE_ORIGIN.match(relative):
            files[relative] = found.read_bytes(path)
    return files


def page_origins(pages: list[Page]) -> dict[str, str]:
    """{site path of a page: the project file it is made from}, for files only (not folders)."""
    origins = {page.path: page.origin for page in pages if _SAFE_ORIGIN.match(page.origin)}
    return {**origins, **PAGE_ORIGINS}


def source_link(page_path: str, origins: dict[str, str]) -> str:
    """Markdown to append to a generated page: a link to the copy of its YAML file in the site."""
    origin = origins.get(page_path)
    if origin is None or not _SAFE_ORIGIN.match(origin):
        return ""
    href = relative_path(origin, posixpath.dirname(page_path) or ".")
    return f"\n\nSource of this page: [`{origin}`]({href})\n{{: .dossier-page-source }}\n"


def edit_url(edit_uri: str | None, repo_url: str | None, docs_dir: Path, root: Path, page_path: str,
             origins: dict[str, str]) -> str | None:
    """The repository editor's address for the file a page is made from, or None if unknown
    (``edit_uri``, ``repo_url``, ``docs_dir``: the renderer's configuration)."""
    origin = origins.get(page_path)
    base = _docs_edit_base(edit_uri, repo_url)
    if origin is None or base is None:
        return None
    docs_dir = docs_dir.resolve()
    relative = os.path.relpath(root.resolve() / origin, docs_dir).replace(os.sep, "/")
    return urljoin(base, relative)


def _docs_edit_base(edit_uri: str | None, repo_url: str | None) -> str | None:
    """The editor address of the docs folder, from ``edit_uri`` (and ``repo_url`` if it is relative)."""
    if not edit_uri:
        return None
    if repo_url:
        return urljoin(repo_url.rstrip("/") + "/", edit_uri)
    return edit_uri if re.match(r"^https?://", edit_uri) else None
