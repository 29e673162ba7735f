"""The two addresses of mkdocs.yml that pages print: ``site_url`` (where the
dossier is published: a claim's citation gives its full address) and
``repo_url`` (the repository: a claim's "report a problem" link opens an
issue form there). Read here, with safe YAML, because the engine renders its
pages before, and without, any renderer (Zensical's configuration inherits
mkdocs.yml, so both builds print the same). Unset, or not an http(s) address:
None, and the pages say so rather than invent one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class SiteSettings:
    site_url: str | None
    repo_url: str | None


class _Loader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' own tags (``!ENV``, ``!!python/name:``) as nothing."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def settings(root: Path) -> SiteSettings:
    path = root / "mkdocs.yml"
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return SiteSettings(None, None)
    return _read(path, stamp)


@functools.lru_cache(maxsize=8)
def _read(path: Path, stamp: int) -> SiteSettings:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return SiteSettings(_address(data.get("site_url")), _address(data.get("repo_url")))


def _address(value) -> str | None:
    if isinstance(value, str) and re.match(r"^https?://[^\s\"'<>]+$", value.strip()):
        return value.strip().rstrip("/") + "/"
    return None
