"""The preview's claim from a selection is the preview's only: `mkdocs
build`, its offline copy and the site source `generate` writes (what Zensical
and ProperDocs build from) hold no trace of its script or its data. (It at
work, under `mkdocs serve`: tests/browser/test_claim_from_selection.py.)"""

from __future__ import annotations

import zipfile

from build_scripts.renderers.mkdocs.preview_only import claim_from_selection
from build_scripts.renderers.offline_zip import ZIP_SITE_PATH
from build_scripts.site_source.generate import generate

from .helpers import PROJECT_ROOT

SCRIPT_NAME = "claim-from-selection"
# Its file's name, its panel's class, its skeleton's first words: nothing else of the site says them
# (CONTRIBUTING, which the site shows, tells of the preview in other words).
PANEL_CLASS, SKELETON_START = b"dossier-claim-from-selection", b"A claim made from a selection in the preview"
TRACES = [SCRIPT_NAME.encode(), PANEL_CLASS, SKELETON_START]


def test_the_preview_script_and_its_data_exist_and_name_what_a_site_is_searched_for(real_checked):
    script = claim_from_selection.SCRIPT_FILE.read_bytes()
    assert PANEL_CLASS in script, "the traces searched for are the script's own"
    files = claim_from_selection.preview_files(real_checked)
    assert claim_from_selection.SCRIPT_PATH in files
    data = files[claim_from_selection.data_path("india-s400-iranian-oil")]
    assert SKELETON_START in data and all(SCRIPT_NAME in path for path in files)


def test_a_built_site_and_its_offline_copy_hold_no_trace_of_the_preview_script(built_site):
    assert claim_from_selection.SCRIPT_FILE.is_file()
    found = []
    for path in sorted(p for p in built_site.rglob("*") if p.is_file()):
        relative = path.relative_to(built_site).as_posix()
        if SCRIPT_NAME in relative or relative.startswith("preview/"):
            found.append(relative)
        data = path.read_bytes()
        found += [f"{relative}: {trace!r}" for trace in TRACES if trace in data]
    with zipfile.ZipFile(built_site / ZIP_SITE_PATH) as offline:
        for name in offline.namelist():
            data = offline.read(name)
            found += [f"{ZIP_SITE_PATH}:{name}: {trace!r}" for trace in TRACES if trace in data or trace in name.encode()]
    assert found == []


def test_the_site_source_generate_writes_holds_no_trace_of_it():
    generated = generate(PROJECT_ROOT)
    for path, data in [*generated.files.items(), *((page.path, page.text.encode()) for page in generated.pages)]:
        assert SCRIPT_NAME not in path and not any(trace in data for trace in TRACES), path
