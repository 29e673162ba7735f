"""The theme's static files listed once per `mkdocs serve` session.

On every build MkDocs lists the theme's folders through Jinja
(``Files.add_files_from_theme``) and matches each of the 14,500 names
Material ships (14,000 of them icons, none of which the site copies) against
a dozen file-name patterns: about 0.07 s of every save, whatever the
dossier's size. While the session lasts, the files MkDocs' own method finds
for a theme are kept, and each build adds them as it would, after the
documentation's files of the same path. They are listed again when the
theme's folders, its ``static_templates`` or the files of its
``custom_dir`` (the project's ``theme/``) change; installed themes are taken
as they were when the session started, as a server restarted after
installing another version sees it.

A class method of MkDocs replaced while a serve session lasts (``install``,
``uninstall``). Compared with MkDocs' own listing in
tests/test_theme_files.py, and with a serve without it in tests/test_preview.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from build_scripts.renderers.mkdocs.speedups.dirty_preview import folder_state

_own_method = Files.add_files_from_theme


class ThemeFiles:
    """The theme files (path, folder) MkDocs found, by what they were found from."""

    def __init__(self) -> None:
        self.kept: dict[tuple, list[tuple[str, str]]] = {}
        self.listed = 0  # times MkDocs' own listing ran

    def theme_files(self, env, config: MkDocsConfig) -> list[tuple[str, str]]:
        custom_dir = config.theme.custom_dir
        key = (tuple(config.theme.dirs), tuple(config.theme.static_templates),
               folder_state(Path(custom_dir)) if custom_dir else "")
        found = self.kept.get(key)
        if found is None:
            # MkDocs' own method on an empty collection: every theme file, as it finds them.
            probe = Files([])
            _own_method(probe, env, config)
            found = [(file.src_uri, file.src_dir) for file in probe]
            self.kept = {key: found}
            self.listed += 1
        return found

    def add_files_from_theme(self, files: Files, env, config: MkDocsConfig) -> None:
        """What ``Files.add_files_from_theme`` does, from the kept list."""
        for path, folder in self.theme_files(env, config):
            if files.get_file_from_path(path) is None:  # theme files do not override docs files
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))


def install() -> ThemeFiles:
    """Let builds in this process add the theme's files from a kept list (until ``uninstall``)."""
    kept = ThemeFiles()

    def add_files_from_theme(files: Files, env, config: MkDocsConfig) -> None:
        kept.add_files_from_theme(files, env, config)

    Files.add_files_from_theme = add_files_from_theme
    return kept


def uninstall() -> None:
    Files.add_files_from_theme = _own_method
