"""Peak memory of `mkdocs build --strict`, process by process: the build
itself, the forked copies it starts (the Downloads files, half the pages
rendered, half the pages converted) and Pagefind.

    python -m benchmarks.build_memory [--scale 100] [--project DIR]

With ``--scale N`` (default 100) it writes the synthetic dossier N times
today's (build_scripts/tools/synthetic.py, seed 1) into a temporary folder
and builds that; with ``--project DIR`` it builds that project folder. Every
process of the build's tree is sampled twice a second (resident memory, from
/proc); the figure ``make bench`` reports, the largest process as the kernel
counted it (``wait4``'s ``ru_maxrss``), is printed beside. MB are 1,048,576
bytes, as ``make bench`` prints them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from build_scripts.tools.processes import environment
from build_scripts.tools.synthetic import write_dossier

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024


@dataclass
class Process:
    pid: int
    parent: int
    name: str
    first_seen: float  # seconds after the build started
    peak_mb: float = 0.0
    peak_at: float = 0.0


def _processes() -> dict[int, tuple[int, str, float]]:
    """{pid: (parent pid, command name, resident MB)} of every process now."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:  # ended meanwhile
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        found[int(entry)] = (int(fields[1]), name, int(fields[21]) * PAGE_SIZE / MB)
    return found


def _tree(root: int, processes: dict[int, tuple[int, str, float]]) -> set[int]:
    tree, grew = {root}, True
    while grew:
        grew = False
        for pid, (parent, _, _) in processes.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree


def measure(project: Path, interval: float = 0.5) -> tuple[list[Process], float, float, int]:
    """Build ``project``; (each process with its peak, wall seconds, ru_maxrss MB, exit code)."""
    with tempfile.TemporaryDirectory() as site:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site]
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, env=environment(), stdout=subprocess.DEVNULL)
        seen: dict[int, Process] = {}
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                now = time.perf_counter() - start
                processes = _processes()
                for pid in _tree(child.pid, processes):
                    parent, name, resident = processes[pid]
                    process = seen.setdefault(pid, Process(pid, parent, name, now))
                    if resident > process.peak_mb:
                        process.peak_mb, process.peak_at = resident, now
                done.wait(interval)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
    return sorted(seen.values(), key=lambda p: p.first_seen), wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def report(processes: list[Process], wall: float, maxrss: float) -> str:
    lines = [f"{'process':<34} {'seen at':>8} {'peak':>9} {'at':>8}"]
    for process in processes:
        if process is processes[0]:
            role = "the build"
        elif process.name == "pagefind":
            role = "Pagefind"
        else:
            role = f"a copy forked by the build ({process.name})" if process.parent == processes[0].pid else process.name
        lines.append(f"{role:<34} {process.first_seen:7.1f}s {process.peak_mb:6.0f} MB {process.peak_at:7.1f}s")
    lines.append(f"largest process (wait4's ru_maxrss): {maxrss:,.0f} MB; the build took {wall:.1f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_memory", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100, help="times today's dossier (default 100)")
    parser.add_argument("--project", type=Path, help="build this project folder instead of a synthetic one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        project = args.project
        if project is None:
            project = Path(work) / f"x{args.scale}"
            print(f"writing the synthetic dossier x{args.scale} into {project}", flush=True)
            write_dossier(project, args.scale)
        print(f"building {project} (load average {os.getloadavg()[0]:.1f})", flush=True)
        processes, wall, maxrss, code = measure(project)
    print(report(processes, wall, maxrss))
    return code


if __name__ == "__main__":
    sys.exit(main())
