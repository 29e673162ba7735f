"""How long `python -m build_scripts check` (what `make check` and the
pre-commit hook run) takes as a whole process, imports included:

    python -m benchmarks.check_time [--runs 5]

Prints each run and the median, and which of MkDocs, Jinja and the YAML
formatter the command imported (none should be).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from build_scripts.cli import PROJECT_ROOT
from build_scripts.tools.processes import environment

HEAVY = ("mkdocs", "jinja2", "ruamel", "markdown")


def measure(runs: int = 5) -> dict:
    """``runs`` timings of the command as a whole process, their median, and the heavy packages it imported."""
    command = [sys.executable, "-m", "build_scripts", "check"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=PROJECT_ROOT, env=environment(), check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    imported = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], cwd=PROJECT_ROOT, env=environment(),
                              check=True, capture_output=True, text=True).stderr
    heavy = sorted({line.rsplit("|", 1)[-1].strip().split(".")[0] for line in imported.splitlines()
                    if line.rsplit("|", 1)[-1].strip().split(".")[0] in HEAVY})
    return {"runs": times, "median": statistics.median(times), "heavy_imports": heavy}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.check_time", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    figures = measure(args.runs)
    print("runs: " + ", ".join(f"{t:.3f} s" for t in figures["runs"]))
    print(f"median of {args.runs}: {figures['median']:.3f} s (target: under 0.25 s)")
    print("imports of " + ", ".join(HEAVY) + ": " + (", ".join(figures["heavy_imports"]) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
