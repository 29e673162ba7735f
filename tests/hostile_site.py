"""What the hostile site adds to a copy of the real project (built once per session:
the ``hostile_site`` fixture, conftest.py): records whose names, summaries, aliases and
glossary expansion are markup and script, a hand-written page that names a glossary
term, and a hand-written page with broken links written as raw HTML.
Read by tests/test_escaping.py, tests/test_reader_pages.py and tests/test_linkcheck.py."""

from __future__ import annotations

from pathlib import Path

# test_escaping.py: an actor and a claim about it.
HOSTILE_NAME = "<script>alert(1)</script> [x](javascript:alert(1))"
HOSTILE_SUMMARY = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(2)</script> {{ 7*7 }} {: onclick=alert(3) }"
# test_reader_pages.py: an actor in a relation, and a glossary term's expansion.
HOSTILE_PART = "<script>alert(6)</script> {{ 7*7 }} [x](javascript:alert(1)) {: onclick=alert(3) } ends here."
HOSTILE = "Evil </svg><script>alert(1)</script> & \"Co\" <a href=javascript:alert(2)>"
HOSTILE_EXPANSION = '"><img src=x onerror=alert(5)> & more'
# test_linkcheck.py: links MkDocs does not check (raw HTML), to a missing page and a missing anchor.
BROKEN_RAW_LINKS = "extra.md"


def add_hostile_records(root: Path, content) -> Path:
    """Write the additions into the project at ``root`` (``content``: its loaded records)."""
    (root / "content" / "actors" / "hostile.yaml").write_text(
        "name: '" + HOSTILE_NAME + "'\nkind: person\nsummary: '" + HOSTILE_SUMMARY + "'\n"
        "part_in_story: '" + HOSTILE_PART + "'\n"
        "aliases: ['\"><svg onload=alert(4)>']\n", encoding="utf-8")
    (root / "content" / "claims" / "zz-hostile.yaml").write_text(
        "claims:\n  - id: hostile-claim\n    statement: '" + HOSTILE_NAME + "'\n"
        "    evidence:\n      - source: india-s400-iranian-oil\n        quote: India was set to enter lucrative bids\n"
        "    actors: [hostile]\n    topics: [s400-deal]\n    certainty: stated\n    added: 2026-11-26\n", encoding="utf-8")

    (root / "content" / "actors" / "evil.yaml").write_text(
        "name: '" + HOSTILE.replace("'", "''") + "'\nkind: company\n"
        "aliases: ['=HYPERLINK(\"http://x\")', '</script><script>alert(3)</script>']\n"
        "summary: '=1+1 is a formula to a spreadsheet.'\n", encoding="utf-8")
    relations = root / "content" / "relations.yaml"
    relations.write_text(relations.read_text(encoding="utf-8").rstrip("\n") + "\n"
                         f"  - from: evil\n    type: supplies\n    to: {sorted(content.actors)[0]}\n"
                         f"    claims: [{sorted(content.claims)[0]}]\n", encoding="utf-8")
    glossary = root / "content" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").rstrip("\n") + "\n"
                        "  - id: zz-test-term\n    term: ZZQ\n    expansion: '" + HOSTILE_EXPANSION + "'\n"
                        "    definition: A term made up for a test.\n", encoding="utf-8")
    (root / "docs" / "hand-written.md").write_text("# A page\n\nThe ZZQ is named here.\n", encoding="utf-8")

    (root / "docs" / BROKEN_RAW_LINKS).write_text(
        "# Extra\n\n<p><a href=\"actors/nobody.html\">nobody</a> and <a href=\"about.html#no-such-part\">about</a></p>\n",
        encoding="utf-8")
    return root
