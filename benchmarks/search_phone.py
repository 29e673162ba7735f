"""Search on a phone: typing a word into the home page's search box, as a phone reader meets it.

    python -m benchmarks.search_phone SITE [--query India] [--runs 3]

The emulation (issue 26): Chromium at 360 x 740 (mobile, touch), its CPU
slowed 4 times (CDP Emulation.setCPUThrottlingRate), on a slow 4G line: 1.6
Mbit/s down and 150 ms latency (the requests themselves are small: the
upload side is left free), with the site served
gzip-compressed as static hosts serve it (serve_compressed.py).

The line is made by the server, not by CDP's Network.emulateNetworkConditions:
that one throttles the page's own requests only, while the search index is
fetched by a worker (Material's, or the Pagefind one of
docs/assets/search-pagefind-worker.js), which it would leave at full speed.
So this server waits the latency before each answer and sends every answer's
bytes through one shared 1.6 Mbit/s pipe. (Chromium's CPU slowdown, likewise,
applies to the page's main thread: the worker's own work runs at full speed,
for Material's lunr as for Pagefind.)

Each run is a new browser context (nothing cached). The home page loads; a
second later the reader taps the search icon and types the query (a key
every 20 ms); the time runs from the first key the page gets. ``--zensical`` measures a site Zensical built, with its own
search box and search. Measured: the time from the first key until the first result of the
whole query is shown (a result linking with "h=<query>"), and the bytes the
server sent from the tap until then (compressed, as on the wire; the worker's requests
included), and the search index's bytes fetched as the page loaded, before
the tap (Zensical's search fetches its whole index then). Prints the median
of the runs.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from benchmarks.serve_compressed import CompressingHandler

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 360, "height": 740}
CPU_SLOWDOWN = 4
DOWN_BYTES_PER_SECOND = 1.6e6 / 8
LATENCY_SECONDS = 0.150
CHUNK = 4096
KEY_DELAY_MS = 20
# The search index's files: Material's whole index, Zensical's, the index in pieces.
SEARCH_INDEX_PATHS = ("search/search_index.json", "search/search_index.js", "search.json", "pagefind/")
TIMEOUT_MS = 120_000
# The page's own clock marks when the first result is shown: the first frame after
# it enters the page (in the document or in a theme's shadow root). Playwright's
# wait for it, which polls the page, notices it a third of a second later on the
# slowed CPU, a delay the reader does not have.
MARK_FIRST_RESULT = """selector => {
    const watch = root => new MutationObserver(() => {
        if (window.firstResultAt || window.firstResultSeen || !root.querySelector(selector)) return;
        window.firstResultSeen = true;
        requestAnimationFrame(() => { window.firstResultAt = performance.timeOrigin + performance.now(); });
    }).observe(root, { subtree: true, childList: true, attributes: true });
    watch(document);
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
        const root = attachShadow.call(this, init);
        watch(root);
        return root;
    };
}"""

# The targets: first result within 2 s at x100 and 1 s at x1; at most 300 KB fetched at x100.
FIRST_RESULT_SECONDS = {1: 1.0, 100: 2.0}
FETCHED_BYTES_AT_X100 = 300 * 1024


class SlowLine:
    """One download pipe shared by every answer: bytes leave at the line's rate, in turn."""

    def __init__(self, bytes_per_second: float):
        self.rate = bytes_per_second
        self.free_at = 0.0   # when the pipe has sent what it was given so far
        self.lock = threading.Lock()
        self.sent = 0        # bytes sent since the last reset
        self.index_sent = 0  # of which the search index's (SEARCH_INDEX_PATHS)

    def send(self, write, data: bytes, path: str = "") -> None:
        for start in range(0, len(data), CHUNK):
            chunk = data[start:start + CHUNK]
            with self.lock:
                now = time.monotonic()
                self.free_at = max(self.free_at, now) + len(chunk) / self.rate
                done_at = self.free_at
                self.sent += len(chunk)
                if path.startswith(SEARCH_INDEX_PATHS):
                    self.index_sent += len(chunk)
            delay = done_at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            write(chunk)


class SlowLineHandler(CompressingHandler):
    line: SlowLine

    def send_head(self):
        time.sleep(LATENCY_SECONDS)   # the request's way out and the answer's first byte back
        return super().send_head()

    def copyfile(self, source, outputfile):
        while True:
            data = source.read(64 * 1024)
            if not data:
                break
            self.line.send(outputfile.write, data, self.path.lstrip("/"))


@dataclass(frozen=True)
class SearchBox:
    """Where a renderer's theme puts the search box and its results."""
    opener: str   # what the reader taps to open the search
    box: str
    result: str   # a result of the whole query (formatted with it; matched in any case)


# Material's (MkDocs), and Zensical's (in a shadow root, which Playwright's selectors reach into).
SEARCH_BOXES = {
    "material": SearchBox("label.md-header__button[for='__search']", "input.md-search__input",
                          ".md-search-result__item a[href*='h={query}' i]"),
    "zensical": SearchBox("label.md-header__button[for='__search']", "input[aria-label='Search']",
                          "[id$='-results'] a[href*='h={query}' i]"),
}


@dataclass(frozen=True)
class SearchRun:
    first_result_seconds: float
    fetched_bytes: int
    index_bytes_before: int   # the search index's bytes fetched as the page loaded, before the tap
    requests: list[str]


def serve(site: Path, line: SlowLine) -> ThreadingHTTPServer:
    handler = functools.partial(type("Handler", (SlowLineHandler,), {"line": line}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def search_once(browser, base_url: str, query: str, line: SlowLine, ui: SearchBox) -> SearchRun:
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=2)
    result = ui.result.format(query=query.lower())
    context.add_init_script(f"({MARK_FIRST_RESULT})({json.dumps(result)})")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    requests: list[str] = []
    with line.lock:
        line.index_sent = 0
    page.on("request", lambda request: requests.append(request.url[len(base_url):]))
    try:
        page.goto(base_url + "index.html", wait_until="load", timeout=TIMEOUT_MS)
        page.wait_for_timeout(1000)
        asked_before = len(requests)
        with line.lock:
            line.sent = 0
            index_before, line.index_sent = line.index_sent, 0
        # The clock starts at the first key the page gets (its own clock, read against the
        # epoch), not at Playwright's tap, whose checks take a good part of a second on a slowed CPU.
        page.evaluate("""() => document.addEventListener("keydown", () => {
            window.firstKeyAt = window.firstKeyAt || performance.timeOrigin + performance.now(); }, true)""")
        page.click(ui.opener)
        page.locator(ui.box).press_sequentially(query, delay=KEY_DELAY_MS)
        page.locator(result).first.wait_for(timeout=TIMEOUT_MS)
        page.wait_for_function("() => window.firstResultAt", timeout=TIMEOUT_MS)
        seconds = (page.evaluate("window.firstResultAt") - page.evaluate("window.firstKeyAt")) / 1000
        with line.lock:
            fetched = line.sent
        return SearchRun(seconds, fetched, index_before, requests[asked_before:])
    finally:
        context.close()


def measure(site: Path, query: str = "India", runs: int = 3, theme: str = "material") -> dict:
    """The median first-result time and bytes fetched over ``runs`` cold runs on the built ``site``
    (``theme``: "zensical" for a site Zensical built)."""
    from playwright.sync_api import sync_playwright

    line = SlowLine(DOWN_BYTES_PER_SECOND)
    server = serve(site.resolve(), line)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                done = [search_once(browser, base_url, query, line, SEARCH_BOXES[theme]) for _ in range(runs)]
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "theme": theme,
        "query": query,
        "runs": runs,
        "first_result_seconds": statistics.median(run.first_result_seconds for run in done),
        "fetched_bytes": statistics.median(run.fetched_bytes for run in done),
        "index_bytes_before": statistics.median(run.index_bytes_before for run in done),
        "all_runs": [{"first_result_seconds": run.first_result_seconds, "fetched_bytes": run.fetched_bytes}
                     for run in done],
        "requests": done[-1].requests,
        "load_average": os.getloadavg()[0],
    }


def report(figures: dict) -> str:
    before = figures.get("index_bytes_before")
    return (f"typing {figures['query']!r} on a phone (360x740, CPU 4x slower, 1.6 Mbit/s, 150 ms): first result "
            f"{figures['first_result_seconds']:.2f} s, {figures['fetched_bytes'] / 1024:,.0f} KB fetched "
            + (f"(and {before / 1024:,.0f} KB of search index as the page loaded) " if before else "")
            + f"(median of {figures['runs']}; runs: "
            + ", ".join(f"{run['first_result_seconds']:.2f} s" for run in figures["all_runs"]) + ")")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search_phone", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site")
    parser.add_argument("--query", default="India")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--zensical", action="store_true", help="the site was built by Zensical")
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f}", flush=True)
    figures = measure(args.site, args.query, args.runs, "zensical" if args.zensical else "material")
    print(report(figures))
    print("requests from the tap: " + " ".join(figures["requests"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
