"""Two benchmark results side by side, to see what a commit changed.

    python -m benchmarks.compare benchmarks/results/A.json benchmarks/results/B.json

Prints, per scale both runs measured, the main figures of A and B and B/A.
Times from different days or machines compare badly; the ratios to the floor
(measured side by side within each run) compare best.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FIGURES = [
    ("generator (s)", lambda s: s["generator_seconds"]["total"]),
    ("generator / floor", lambda s: s["generator_share"]),
    ("floor (s)", lambda s: s["floor"]["wall"]),
    ("build without offline copy (s)", lambda s: s["site_only"]["wall"]),
    ("  / floor", lambda s: s["site_over_floor_wall"]),
    ("whole build (s)", lambda s: s["build"]["wall"]),
    ("  / floor", lambda s: s["build_over_floor_wall"]),
    ("peak memory (MB)", lambda s: s["build"]["peak_rss_mb"]),
    ("largest page (KB)", lambda s: s["site"]["largest_page_bytes"] / 1024),
]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = (json.loads(Path(name).read_text(encoding="utf-8")) for name in args)
    print(f"A: {a['commit']} ({a['date']})\nB: {b['commit']} ({b['date']})")
    scales_b = {s["scale"]: s for s in b["scales"]}
    for scale_a in a["scales"]:
        scale_b = scales_b.get(scale_a["scale"])
        if scale_b is None:
            continue
        print(f"\nx{scale_a['scale']}")
        for name, figure in FIGURES:
            try:
                value_a, value_b = figure(scale_a), figure(scale_b)
            except KeyError:
                continue  # a figure one of the two runs did not have yet
            print(f"  {name:32s} {value_a:10.2f} {value_b:10.2f}   B/A {value_b / value_a:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
