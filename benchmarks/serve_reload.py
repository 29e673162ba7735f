"""Time from saving a YAML file to the served page showing the change.

    python -m benchmarks.serve_reload [--edits 5] [--full] [--scale N]

Starts `mkdocs serve --dirty` (what `make serve` runs; ``--full`` leaves out
``--dirty``) on 127.0.0.1 for a copy of the project (today's dossier, or a
synthetic one with ``--scale``), then renames an actor several times, each
time waiting until the actor's page, fetched over HTTP, shows the new name
and the server has told browsers to reload (its rebuild has ended: a page
open in a browser reloads then). Until 8 December 2026 the time stopped when
the page showed the new name, which the server writes before it writes the
search index and, every fifth rebuild, collects; that time is still printed
("page written"), with the server's own time for the rebuild.
Two actors are edited: the one the fewest claims name (few pages change) and
the one the most claims name (its name changes on many pages). Prints each
time and the median, and how many rebuilds the server ran (one per edit: no
rebuild loop).
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from build_scripts.content.load import load_content
from build_scripts.site_source.generate import PROJECT_ROOT
from build_scripts.tools.processes import (
    environment,
    free_port,
    interruptible,
    stop_server,
)
from build_scripts.tools.synthetic import copy_engine, write_dossier

# What the server logs when a rebuild has ended and browsers are told to reload (MkDocs'
# LiveReloadServer), and the time it gives the rebuild (MkDocs' build()).
RELOADED = "Reloading browsers"
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")

# Save to reloaded page, median: for today's dossier, and for one a hundred times its size.
TARGET_SECONDS = 1.0
TARGET_SECONDS_X100 = 3.0


def target_seconds(scale: int) -> float:
    return TARGET_SECONDS_X100 if scale >= 100 else TARGET_SECONDS


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, timeout: float, interval: float = 0.02) -> float | None:
    """Seconds until ``predicate()`` holds, or None after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def pick_actors(root: Path) -> list[tuple[str, str]]:
    """(label, actor id): the actor fewest claims name, and the one most name."""
    content = load_content(root)
    named = {actor_id: 0 for actor_id in content.actors}
    for located in content.claims.values():
        for actor_id in located.record.actors:
            named[actor_id] += 1
    # Only actors whose name line can be edited as plain text.
    editable = [a for a in sorted(named) if re.search(r"^name: [^'\"\n]+$", _actor_file(root, a).read_text(), re.M)]
    fewest = min(editable, key=lambda a: (named[a], a))
    most = max(editable, key=lambda a: (named[a], a))
    return [(f"minor actor ({named[fewest]} claims)", fewest), (f"major actor ({named[most]} claims)", most)]


def _actor_file(root: Path, actor_id: str) -> Path:
    return root / "content" / "actors" / f"{actor_id}.yaml"


def rename(root: Path, actor_id: str, marker: str) -> None:
    path = _actor_file(root, actor_id)
    text = re.sub(r"^(name: [^'\"\n]+?)(?: Edit\d+)?$", rf"\1 {marker}", path.read_text(), count=1, flags=re.M)
    path.write_text(text)


def measure(edits: int = 5, full: bool = False, scale: int = 0) -> dict:
    """Start a server on a copy of the project, edit, time; {label: [seconds]} and the rebuild count."""
    with tempfile.TemporaryDirectory(prefix="dossier-serve-") as scratch:
        root = Path(scratch) / "project"
        if scale:
            write_dossier(root, scale)
        else:
            copy_engine(root)
            for name in ("content", "seeds"):
                shutil.copytree(PROJECT_ROOT / name, root / name)
        actors = pick_actors(root)
        port = free_port()
        log_path = Path(scratch) / "serve.log"
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")]
        if not full:
            command.append("--dirty")
        with open(log_path, "w") as log:
            server = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT, env=environment(),
                                      preexec_fn=interruptible)
        times: dict[str, list[float]] = {}  # save to browsers told to reload
        page_written: dict[str, list[float]] = {}  # save to the page showing the edit
        built: dict[str, list[float]] = {}  # the rebuild, as the server times it
        try:
            first_url = f"http://127.0.0.1:{port}/actors/{actors[0][1]}.html"
            started = wait_for(lambda: server.poll() is not None or "<h1" in fetch(first_url), 600, 0.2)
            if started is None or server.poll() is not None:
                raise RuntimeError("the server did not start:\n" + log_path.read_text()[-3000:])
            time.sleep(1.0)  # let the watcher take its first snapshot
            builds_before = log_path.read_text().count("Building documentation")
            count = 0
            for label, actor_id in actors:
                url = f"http://127.0.0.1:{port}/actors/{actor_id}.html"
                for _ in range(edits):
                    count += 1
                    marker = f"Edit{count}"
                    reloads = log_path.read_text().count(RELOADED)
                    start = time.perf_counter()
                    rename(root, actor_id, marker)
                    written = wait_for(lambda marker=marker, url=url: marker in fetch(url), 120)
                    if written is None:
                        raise RuntimeError(f"{url} never showed {marker}:\n" + log_path.read_text()[-3000:])
                    told = wait_for(lambda reloads=reloads: log_path.read_text().count(RELOADED) > reloads, 120)
                    if told is None:
                        raise RuntimeError("the server never told browsers to reload:\n" + log_path.read_text()[-3000:])
                    times.setdefault(label, []).append(time.perf_counter() - start)
                    page_written.setdefault(label, []).append(written)
                    built.setdefault(label, []).append(float(BUILT.findall(log_path.read_text())[-1]))
                    time.sleep(0.7)  # a quiet moment between edits, as when a person types
            time.sleep(3)  # a rebuild loop would show itself by now
            rebuilds = log_path.read_text().count("Building documentation") - builds_before
        finally:
            if not stop_server(server):  # the figures are taken: a slow exit does not lose them
                print("mkdocs serve did not stop within 30 s of Ctrl-C; killed it", file=sys.stderr)
    return {"mode": "mkdocs serve" + ("" if full else " --dirty"), "scale": scale, "edits": count,
            "rebuilds": rebuilds, "seconds": times, "page_written": page_written, "built": built,
            "median": {label: statistics.median(values) for label, values in times.items()}}


def report(result: dict) -> str:
    dossier = f"x{result['scale']} synthetic" if result["scale"] else "today's"
    lines = [f"save-to-reload, {result['mode']}, {dossier} dossier (target under {target_seconds(result['scale'])} s):"]
    for label, values in result["seconds"].items():
        shown = ", ".join(f"{t:.2f}" for t in values)
        lines.append(f"  {label}: median {result['median'][label]:.2f} s  ({shown})")
        for name, key in (("page written", "page_written"), ("rebuild (server)", "built")):
            other = result.get(key, {}).get(label)
            if other:
                lines.append(f"    {name}: median {statistics.median(other):.2f} s  "
                             f"({', '.join(f'{t:.2f}' for t in other)})")
    lines.append(f"  rebuilds: {result['rebuilds']} for {result['edits']} edits")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serve_reload", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=5, help="edits per actor (default 5)")
    parser.add_argument("--full", action="store_true", help="serve without --dirty (every page rebuilt)")
    parser.add_argument("--scale", type=int, default=0, help="a synthetic dossier this many times today's")
    args = parser.parse_args(argv)
    print(report(measure(args.edits, args.full, args.scale)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
