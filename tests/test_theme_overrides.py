"""The theme overrides that copy Material's own templates differ from them only
where the project means to: a Material upgrade that changes the original
shows here, and the copy is made again with the same change."""

from __future__ import annotations

from pathlib import Path

import material

from .helpers import PROJECT_ROOT

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def _without_leading_comment(text: str) -> str:
    """The template without its opening ``{#- … -#}`` comment (the copy says why it is a copy)."""
    return text.split("-#}\n", 1)[1] if text.startswith("{#-") else text


def test_the_search_partial_is_materials_with_an_accessible_name_for_the_dialog():
    ours = _without_leading_comment((PROJECT_ROOT / "theme" / "partials" / "search.html").read_text(encoding="utf-8"))
    theirs = _without_leading_comment((MATERIAL_TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8"))
    dialog = '<div class="md-search" data-md-component="search" role="dialog"'
    assert dialog + ">" in theirs
    assert ours == theirs.replace(dialog + ">", dialog + " aria-label=\"{{ lang.t('search') }}\">", 1)
