"""The engine's pages for the fictional dossier (tests/fictional_dossier/, invented)
are the golden ones under tests/golden/fictional_dossier/, byte for byte: every
view of every page kind, in-process, without a site build. A failure shows the
unified diff of each page; `make goldens` rewrites them when the change is wanted."""

from __future__ import annotations

from .golden import differences, golden_pages, record_pages


def test_the_fictional_dossiers_pages_are_the_golden_ones(fictional_generated):
    made, kept = record_pages(fictional_generated), golden_pages()
    assert len(kept) > 15, "tests/golden/fictional_dossier/ is empty: run `make goldens`"
    diffs = differences(made, kept)
    assert not diffs, (f"{len(diffs)} page(s) differ from tests/golden/ (golden -> made); if the change is "
                       "wanted, run `make goldens` and commit the goldens with it:\n\n" + "\n".join(diffs))


def test_every_page_kind_made_from_records_has_a_golden(fictional_generated):
    kinds = {page.path.split("/")[0] if "/" in page.path else page.path for page in fictional_generated.pages
             if page.origin.startswith("content")}
    assert {"actors", "sources", "topics", "timeline.md", "network.md", "glossary.md", "compare.md",
            "corrections.md", "figures.md", "quotations.md", "about.md", "index.md", "downloads.md"} <= kinds


def test_a_changed_page_shows_as_a_unified_diff():
    kept = {"actors/a.md": "# A\n\nsaid one thing\n", "gone.md": "x\n"}
    made = {"actors/a.md": "# A\n\nsaid another\n", "new.md": "y\n"}
    diffs = differences(made, kept)
    assert len(diffs) == 3
    assert "--- tests/golden/fictional_dossier/actors/a.md\n+++ generated/actors/a.md\n" in diffs[0]
    assert "-said one thing\n+said another\n" in diffs[0]
    assert diffs[1].startswith("--- tests/golden/fictional_dossier/gone.md\n+++ /dev/null\n")
    assert diffs[2].startswith("--- /dev/null\n+++ generated/new.md\n")
    assert differences(kept, kept) == []
