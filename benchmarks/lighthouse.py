"""Lighthouse on the built site: one page of each kind, several runs each, the medians printed.

    python -m benchmarks.lighthouse SITE [--runs 3] [--uncompressed] [PAGE ...]

``benchmarks/lighthouse.sh`` builds the site and runs this. A benchmark, not
a test: it prints figures and fails only when Lighthouse cannot run.

The pages: every page at the top of the site (home, timeline, network…), and
in each folder its index and its largest page (the page of that kind with the
most to load). Each is measured ``--runs`` times with Lighthouse 12 in its
default mobile emulation (a mid-range phone on a slow 4G network, simulated);
the table gives the median of each category's score and of each timing.

The site is served as static hosts serve it, text compressed with gzip
(``benchmarks/serve_compressed.py``); ``--uncompressed`` serves every file as
it lies on disk, with Python's ``http.server``, for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync "
                "--disable-dev-shm-usage")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The timings the performance score is made of, with Lighthouse's own audit ids.
TIMINGS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint",
           "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift", "SI": "speed-index"}


def pages_of_each_kind(site: Path) -> list[str]:
    """Site paths: every top-level page, and each folder's index and largest page."""
    pages = sorted(path.name for path in site.glob("*.html"))
    for folder in sorted(path for path in site.iterdir() if path.is_dir()):
        index = folder / "index.html"
        others = [path for path in folder.glob("*.html") if path != index]
        if index.is_file():
            pages.append(f"{folder.name}/index.html")
        if others:
            largest = max(others, key=lambda path: (path.stat().st_size, path.name))
            pages.append(f"{folder.name}/{largest.name}")
    return pages


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(site: Path, port: int, compressed: bool) -> subprocess.Popen:
    if compressed:
        command = [sys.executable, "-m", "benchmarks.serve_compressed", str(site), str(port)]
    else:
        command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)]
    server = subprocess.Popen(command, cwd=HERE.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the site's server did not start")


def run_lighthouse(url: str, report: Path) -> dict:
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         "--only-categories=" + ",".join(CATEGORIES), f"--chrome-flags={CHROME_FLAGS}"],
        check=True, env={**os.environ, "CHROME_PATH": CHROME})
    return json.loads(report.read_text(encoding="utf-8"))


def figures_of(report: dict) -> dict:
    """Category scores (0-100) and timings (ms; CLS unitless) of one report."""
    figures = {category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES}
    figures.update({name: report["audits"][audit]["numericValue"] for name, audit in TIMINGS.items()})
    figures["failed"] = sorted(audit["title"] for audit in report["audits"].values()
                               if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="*", help="site paths (default: one page of each kind)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--uncompressed", action="store_true", help="serve files as they are on disk")
    options = parser.parse_intermixed_args()
    site = options.site.resolve()
    pages = options.pages or pages_of_each_kind(site)

    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    chrome = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    serving = "as on disk (http.server)" if options.uncompressed else "gzip-compressed, as static hosts serve it"
    print(f"Lighthouse {version}, {chrome}, Node {node}, mobile emulation (simulated slow 4G, 4x CPU slowdown)")
    print(f"site served {serving}; median of {options.runs} runs a page; "
          f"load average {os.getloadavg()[0]:.2f} at the start")
    header = f"{'page':42} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'FCP':>6} {'LCP':>6} {'TBT':>5} {'CLS':>6} {'SI':>6}  perf runs"
    print(header)

    port = free_port()
    server = serve(site, port, compressed=not options.uncompressed)
    lowest = []
    try:
        with tempfile.TemporaryDirectory() as reports:
            for page in pages:
                runs = [figures_of(run_lighthouse(f"http://127.0.0.1:{port}/{page}", Path(reports) / f"{n}.json"))
                        for n in range(options.runs)]
                median = {key: statistics.median(run[key] for run in runs) for key in (*CATEGORIES, *TIMINGS)}
                print(f"{page:42} {median['performance']:>4.0f} {median['accessibility']:>4.0f} "
                      f"{median['best-practices']:>4.0f} {median['seo']:>4.0f} "
                      f"{median['FCP'] / 1000:>5.1f}s {median['LCP'] / 1000:>5.1f}s {median['TBT']:>3.0f}ms "
                      f"{median['CLS']:>6.3f} {median['SI'] / 1000:>5.1f}s  "
                      + " ".join(str(run["performance"]) for run in runs), flush=True)
                failed = sorted({title for run in runs for title in run["failed"]})
                if failed:
                    print("    failed audits: " + "; ".join(failed))
                lowest.append((median["performance"], page))
    finally:
        server.kill()
    score, page = min(lowest)
    print(f"lowest median performance: {score:.0f} ({page}); "
          f"pages under 95: {sum(1 for s, _ in lowest if s < 95)} of {len(lowest)}")


if __name__ == "__main__":
    main()
