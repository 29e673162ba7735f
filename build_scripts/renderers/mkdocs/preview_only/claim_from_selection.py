"""A claim made from a selection, in the preview only: on a source's page,
selecting a passage of its text offers a claim's skeleton to copy
(``claim-from-selection.js``, beside this file).

The session adds, under `mkdocs serve` only, the script and one data file per
source: the source's id, its text file, its text as `check` reads it (the
script finds the selection in it the way `check` finds a quote, so that the
quote it offers is the text's own words), and the skeleton, the same item
`new claim` writes (``scaffold.claim_item``) with markers where the script
puts what the selection gives: the quote, the actors named in it, a date it
gives, the day.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from build_scripts.rules.check import CheckedDossier
from build_scripts.tools.scaffold import claim_item

SCRIPT_FILE = Path(__file__).with_name("claim-from-selection.js")
SCRIPT_PATH = "preview/claim-from-selection.js"  # where the preview serves it


def data_path(source_id: str) -> str:
    """Where the preview serves a source's data (the script asks for it beside itself)."""
    return f"preview/claim-from-selection/{source_id}.json"


def skeleton(checked: CheckedDossier, source_id: str) -> str:
    """The claim's item, with @@name@@ markers for the script to fill in."""
    content = checked.content
    seed = content.sources[source_id].record.text
    # The topic most of the source's claims belong to: a valid one to start from.
    topics = Counter(topic for claim_id in checked.spans_by_source.get(source_id, {})
                     for topic in content.claims[claim_id].record.topics)
    topic = topics.most_common(1)[0][0] if topics else min(content.topics, default="")
    return ("# A claim made from a selection in the preview: paste it under 'claims:' in\n"
            "# content/claims/<topic>.yaml, fill in its id and statement, then run `make check`.\n"
            + claim_item(claim_id='""  # a short id: lowercase words joined by hyphens', statement='""',
                         source=source_id,
                         about_quote=f"# Words copied exactly from the source text, {seed} (checked in the preview).",
                         quote_lines="@@quote@@", actors="@@actors@@", topics=topic, added="@@added@@",
                         date_lines="@@date@@"))


def preview_files(checked: CheckedDossier) -> dict[str, bytes]:
    """The script and each source's data, by site path."""
    files = {SCRIPT_PATH: SCRIPT_FILE.read_bytes()}
    for source_id, text in sorted(checked.texts.items()):
        data = {"source": source_id, "seed": checked.content.sources[source_id].record.text,
                "text": text.text, "skeleton": skeleton(checked, source_id)}
        files[data_path(source_id)] = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return files
