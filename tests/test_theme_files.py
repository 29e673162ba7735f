"""`serve`'s theme files listed once per session (speedups/theme_files.py) are
the files MkDocs' own listing finds, in its order, for the project's real
configuration, and are listed again when the project's theme folder changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files

from build_scripts.renderers.mkdocs.speedups import theme_files


def _config(project: Path):
    return load_config(config_file=str(project / "mkdocs.yml"))


def _theme_added(config, add) -> list[tuple[str, str, str, str]]:
    """The files a build lists, the documentation's and the theme's, with ``add`` adding the theme's."""
    files = get_files(config)
    add(files, config.theme.get_env(), config)
    return [(f.src_uri, f.src_dir, f.dest_uri, f.url) for f in files]


@pytest.fixture
def own_method_back():
    yield
    theme_files.uninstall()
    assert Files.add_files_from_theme is theme_files._own_method


def test_the_kept_list_is_mkdocs_own_and_is_made_once(project_copy, own_method_back):
    config = _config(project_copy)
    own = _theme_added(config, theme_files._own_method)
    kept = theme_files.install()
    for _ in range(3):  # as three builds of one session, each with its own configuration
        assert _theme_added(_config(project_copy), Files.add_files_from_theme) == own
    assert kept.listed == 1
    # Theme files are there (Material's assets), and no documentation file is hidden by one.
    assert any(src_dir.endswith("material/templates") for _, src_dir, _, _ in own)
    assert len({uri for uri, *_ in own}) == len(own)


def test_a_file_added_to_the_project_theme_is_listed(project_copy, own_method_back):
    kept = theme_files.install()
    before = _theme_added(_config(project_copy), Files.add_files_from_theme)
    added = project_copy / "theme" / "assets" / "added-by-a-test.txt"
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_text("a file a contributor adds to the theme while serving\n", encoding="utf-8")
    after = _theme_added(_config(project_copy), Files.add_files_from_theme)
    assert kept.listed == 2
    assert "assets/added-by-a-test.txt" not in {uri for uri, *_ in before}
    assert after == _theme_added(_config(project_copy), theme_files._own_method)
    assert ("assets/added-by-a-test.txt", str(project_copy / "theme")) in {(uri, d) for uri, d, *_ in after}
