"""The build benchmark: synthetic dossiers at x1, x10 and x100, built side by side
with their floor (MkDocs alone building the same pages as plain Markdown).

    python -m benchmarks.run [--scales 1,10,100] [--runs 3] [--large-runs 1]   (make bench)

Per scale it prints records, pages, the generator's time (load + check +
render + write, its stages timed in a fresh Python process, as in a build),
`mkdocs build --strict` in a child process (wall time, CPU time, peak memory)
with and without the offline copy (the zip of the site that the build
makes; DOSSIER_OFFLINE_COPY=0 leaves it out), the floor, site size, search index size and the
largest page, and search on a phone: typing "India" into the home page's
search box in an emulated phone on a slow line (benchmarks/search_phone.py),
the first result's time and the bytes fetched. Every time is the median of several runs; builds and floor
builds alternate with the generator's runs, so that all meet the same load on
the machine, and each ratio is the median of the rounds' own ratios: the
figures to trust on a busy machine. It also times quote
lookup against text length, `mkdocs build --strict` of today's dossier, and
the save-to-reload time of `mkdocs serve --dirty` (today's dossier, and x100
when the scales include it), one build each of a "wide" dossier
of 10 and of 100 stories (5 to 50 sources a story, ``--wide``), and
`make check` (benchmarks/check_time.py), and says which target is met.
The generator and the build are timed cold (no network picture kept from
an earlier build) and warm (the pictures the cold build kept in
build/drawings/). Everything goes to benchmarks/results/<date>-<commit>.json (and .txt),
so that two commits can be compared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from build_scripts.content import safe_yaml as yaml_positions
from build_scripts.content.load import load_content
from build_scripts.content.source_text import SourceText, normalise
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.network import cache as drawing_cache
from build_scripts.rules.check import load_and_check
from build_scripts.site_source import contributing
from build_scripts.site_source.generate import (
    DRAWINGS_FOLDER,
    PROJECT_ROOT,
    check_with_data_files,
    cycle_collector_paused,
    pages_as_files,
    render_all,
    write_site_source,
)
from build_scripts.tools.processes import environment
from build_scripts.tools.synthetic import (
    Writer,
    count_dossier,
    make_stories,
    write_dossier,
    write_wide_dossier,
)

from . import check_time, search_phone, serve_reload

RESULTS = Path(__file__).resolve().parent / "results"
FLOOR_CONFIG = "mkdocs-floor.yml"
FLOOR_DOCS = "floor-docs"

# The targets.
GENERATOR_SHARE = 0.08      # generator time (cold) / MkDocs time, at every scale
FLOOR_RATIO = 1.2           # build / MkDocs alone on the same pages, wall, at x1
FLOOR_RATIO_AT_X100 = 0.8   # the same at x100 (MkDocs' conversion on two cores)
FLOOR_CPU_RATIO = 1.3       # whole build / MkDocs alone, CPU time, at every scale
PEAK_MB_AT_X100 = 1024      # the build's largest process at x100
CHECK_SECONDS = 0.25        # `make check` (python -m build_scripts check), median
LARGEST_SCALE_SECONDS = 60  # the x100 build, whole
PAGE_BYTES = 100 * 1024     # no page over 100 KB of HTML
GROWTH = 12                 # x100 generator time / x10 generator time
REAL_SITE_SECONDS = 5       # `make site` of today's dossier, warm


def median(values: list[float]) -> float:
    return statistics.median(values)


# -- one build in a child process -------------------------------------------


@dataclass(frozen=True)
class BuildRun:
    wall: float       # seconds, start to exit
    cpu: float        # user + system seconds, the build and every process it waited for
    peak_rss_mb: float
    steps: dict = field(default_factory=dict)   # wall seconds of each step, for a build made in steps


def run_build(root: Path, config: str, site_dir: Path, strict: bool = True, offline_copy: bool = True) -> BuildRun:
    """`mkdocs build` in a child process, timed; its resource use read with wait4.
    Without ``offline_copy``, the hook leaves out the offline copy (DOSSIER_OFFLINE_COPY=0)."""
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / config), "-d", str(site_dir)]
    if strict:
        command.insert(4, "--strict")
    env = environment() if offline_copy else {**environment(), "DOSSIER_OFFLINE_COPY": "0"}
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env)
        # wait4 gives this child's own resource use (with any children it
        # waited for), where getrusage(RUSAGE_CHILDREN) would mix in every
        # earlier build.
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            log.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n{log.read().decode('utf-8', 'replace')[-4000:]}")
    return BuildRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@dataclass(frozen=True)
class SiteFigures:
    pages: int
    site_bytes: int
    search_index_bytes: int  # the whole index (Material's, read from disk; or Zensical's)
    search_pieces_bytes: int  # the index in pieces, pagefind/ (served pages fetch only what a search needs)
    largest_page_bytes: int
    largest_page: str
    pages_over_limit: int  # HTML pages over PAGE_BYTES


def site_figures(site_dir: Path) -> SiteFigures:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html" and p.name != "404.html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    # Material's whole search index (since the index in pieces, search_index.json
    # holds its settings alone on a build: the whole one is the offline script), or Zensical's.
    index = next((site_dir / path for path in ("search/search_index.js", "search/search_index.json", "search.json")
                  if (site_dir / path).is_file()), site_dir / "search.json")
    pieces = [p for p in files if p.is_relative_to(site_dir / "pagefind")]
    return SiteFigures(
        pages=len(pages),
        site_bytes=sum(p.stat().st_size for p in files),
        search_index_bytes=index.stat().st_size if index.is_file() else 0,
        search_pieces_bytes=sum(p.stat().st_size for p in pieces),
        largest_page_bytes=largest.stat().st_size,
        largest_page=largest.relative_to(site_dir).as_posix(),
        pages_over_limit=sum(p.stat().st_size > PAGE_BYTES for p in pages),
    )


# -- the generator, stage by stage, in this process -------------------------


@dataclass(frozen=True)
class GeneratorRun:
    load: float
    check: float
    render: float
    write: float
    quotes: float  # finding every claim's quote in its text (part of check)

    @property
    def total(self) -> float:
        return self.load + self.check + self.render + self.write


def forget_drawings(root: Path) -> None:
    """Empty the network pictures kept between builds (build/drawings/): the next build is cold."""
    shutil.rmtree(root / DRAWINGS_FOLDER, ignore_errors=True)


def run_generator(root: Path, out: Path):
    """The generator's stages, timed in this process (imports done before); the network pictures
    kept between builds are used as generate() uses them (cold: ``forget_drawings`` first)."""
    shutil.rmtree(out, ignore_errors=True)
    with cycle_collector_paused(), drawing_cache.opened(root / DRAWINGS_FOLDER):  # as generate() runs them
        start = time.perf_counter()
        content = load_content(root)
        loaded = time.perf_counter()
        checked, data_files = check_with_data_files(content)  # as generate() checks: the data files made meanwhile
        checked_at = time.perf_counter()
        pages = render_all(PageIndexes(checked, data_files))
        rendered = time.perf_counter()
        write_site_source(pages_as_files(pages), out)
        written = time.perf_counter()
    # Quote lookup on its own: index every text, find every quote.
    texts = {source_id: SourceText(text.text) for source_id, text in checked.texts.items()}
    for located in content.claims.values():
        for evidence in located.record.evidence:
            texts[evidence.source].find(evidence.quote)
    quotes = time.perf_counter() - written
    return GeneratorRun(loaded - start, checked_at - loaded, rendered - checked_at, written - rendered, quotes), pages


def run_generator_in_child(root: Path, out: Path) -> tuple[GeneratorRun, int, float]:
    """``run_generator`` in a fresh Python, as in a real build: caches empty
    but for the compiled templates that Jinja keeps between builds. Returns the
    timings, the page count and the time the generator's imports took (not
    part of its total)."""
    code = ("import json, sys, time; t = time.perf_counter(); "
            "from benchmarks.run import run_generator; from pathlib import Path; "
            "imports = time.perf_counter() - t; run, pages = run_generator(Path(sys.argv[1]), Path(sys.argv[2])); "
            "print(json.dumps({'run': run.__dict__, 'pages': len(pages), 'imports': imports}))")
    result = subprocess.run([sys.executable, "-c", code, str(root), str(out)], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, env=environment(), check=True)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return GeneratorRun(**data["run"]), data["pages"], data["imports"]


# -- the floor: MkDocs alone on the same pages -------------------------------


def write_floor(root: Path, pages_dir: Path) -> None:
    """A configuration without the hook, whose docs folder holds the generated
    pages as plain Markdown files beside the hand-written ones, and the pages
    the hook adds besides (Contributing, the schema reference): the same pages."""
    docs = root / FLOOR_DOCS
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(root / "docs", docs)
    shutil.copytree(pages_dir, docs, dirs_exist_ok=True)
    for path, text in contributing.contributor_pages(root, load_and_check(root)).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    # INHERIT merges mappings and replaces lists: no hooks, nothing watched.
    floor = {"INHERIT": "mkdocs.yml", "docs_dir": FLOOR_DOCS, "hooks": [], "watch": []}
    (root / FLOOR_CONFIG).write_text(yaml.safe_dump(floor, sort_keys=False), encoding="utf-8")


# -- the same site from Zensical -----------------------------------------------

ZENSICAL_BIN = PROJECT_ROOT / ".venv-zensical" / "bin"


def zensical_installed() -> bool:
    return (ZENSICAL_BIN / "zensical").is_file()


def run_zensical_build(root: Path) -> BuildRun:
    """What `make site-zensical` runs, timed as one: the engine writes the
    site's source, Zensical builds it into root/site-zensical, the site is zipped."""
    steps = {"generate": [str(ZENSICAL_BIN / "python"), "-m", "build_scripts", "--root", str(root), "generate",
                          "--out", str(root / "build" / "site-source")],
             "zensical": [str(ZENSICAL_BIN / "zensical"), "build", "--clean", "--strict", "-f",
                          str(root / "zensical.yml")],
             "zip": [str(ZENSICAL_BIN / "python"), "-m", "build_scripts", "offline", str(root / "site-zensical")]}
    walls = {}
    cpu = peak = 0.0
    for step, command in steps.items():
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 env=environment())
        _, status, usage = os.wait4(child.pid, 0)
        walls[step] = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{child.stderr.read().decode('utf-8', 'replace')[-4000:]}")
        child.stderr.close()
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss / 1024)
    return BuildRun(sum(walls.values()), cpu, peak, walls)


# -- one scale -------------------------------------------------------------


def measure_scale(scale: int, runs: int, seed: int, work: Path, base) -> dict:
    root = work / f"x{scale}"
    started = time.perf_counter()
    counts = write_dossier(root, scale, seed, base)
    written = time.perf_counter() - started
    print(f"x{scale}: wrote {counts.records()} records in {written:.1f} s; measuring ({runs} runs)", flush=True)

    # Each round times the generator, the build with and without the offline
    # copy, and the floor one after the other, so that all four meet the same
    # load; each ratio is the median of the rounds' own ratios. Those are cold
    # (no network picture kept from an earlier build: build/drawings/ emptied
    # first); then the generator and the whole build again, warm (the pictures
    # the cold build kept).
    generator_runs, imports, warm_generator_runs = [], [], []
    builds, sites, floors, zensical, warm_builds = [], [], [], [], []
    for round_ in range(runs):
        forget_drawings(root)
        timing, page_count, import_seconds = run_generator_in_child(root, work / "pages")
        generator_runs.append(timing)
        imports.append(import_seconds)
        if round_ == 0:
            write_floor(root, work / "pages")
        forget_drawings(root)
        builds.append(run_build(root, "mkdocs.yml", work / "site"))
        warm_builds.append(run_build(root, "mkdocs.yml", work / "site"))
        warm_generator_runs.append(run_generator_in_child(root, work / "pages")[0])
        forget_drawings(root)
        sites.append(run_build(root, "mkdocs.yml", work / "site-only", offline_copy=False))
        floors.append(run_build(root, FLOOR_CONFIG, work / "floor-site", strict=False))
        if zensical_installed():
            forget_drawings(root)
            zensical.append(run_zensical_build(root))
        print(f"  generator {timing.total:.2f} s (warm {warm_generator_runs[-1].total:.2f} s), build "
              f"{builds[-1].wall:.1f} s (warm {warm_builds[-1].wall:.1f} s), without the offline copy "
              f"{sites[-1].wall:.1f} s, floor {floors[-1].wall:.1f} s"
              + (f", Zensical {zensical[-1].wall:.1f} s" if zensical else ""), flush=True)
    figures = site_figures(work / "site")
    # Typing "India" on a phone (benchmarks/search_phone.py), on the site just built.
    print(f"  search on a phone ({runs} runs)...", flush=True)
    search = search_phone.measure(work / "site", runs=runs)
    print("  " + search_phone.report(search), flush=True)
    floor_figures = site_figures(work / "floor-site")
    zensical_figures = site_figures(root / "site-zensical") if zensical else None
    zensical_search = None
    if zensical:   # Zensical's own search (its whole index), in the same emulation
        zensical_search = search_phone.measure(root / "site-zensical", runs=runs, theme="zensical")
        print("  Zensical: " + search_phone.report(zensical_search), flush=True)
    shutil.rmtree(root)

    generator = {stage: median([getattr(r, stage) for r in generator_runs])
                 for stage in ("load", "check", "render", "write", "quotes", "total")}
    build = {key: median([getattr(r, key) for r in builds]) for key in ("wall", "cpu", "peak_rss_mb")}
    warm_build = {key: median([getattr(r, key) for r in warm_builds]) for key in ("wall", "cpu", "peak_rss_mb")}
    warm_generator = {stage: median([getattr(r, stage) for r in warm_generator_runs])
                      for stage in ("load", "check", "render", "write", "quotes", "total")}
    site_only = {key: median([getattr(r, key) for r in sites]) for key in ("wall", "cpu", "peak_rss_mb")}
    floor = {key: median([getattr(r, key) for r in floors]) for key in ("wall", "cpu", "peak_rss_mb")}
    return {
        "scale": scale,
        "runs": runs,
        "counts": asdict(counts),
        "records": counts.records(),
        "generated_pages": page_count,
        "generator_seconds": generator,
        "generator_imports_seconds": median(imports),
        "build": build,
        # The same, warm: the network pictures kept by the cold build (build/drawings/).
        "warm_generator_seconds": warm_generator,
        "warm_build": warm_build,
        "site_only": site_only,
        "floor": floor,
        "site_over_floor_wall": median([s.wall / f.wall for s, f in zip(sites, floors, strict=True)]),
        # The generator against MkDocs' own time for the same pages (the floor).
        "generator_share": median([g.total / f.wall for g, f in zip(generator_runs, floors, strict=True)]),
        "build_over_floor_wall": median([b.wall / f.wall for b, f in zip(builds, floors, strict=True)]),
        "build_over_floor_cpu": median([b.cpu / f.cpu for b, f in zip(builds, floors, strict=True)]),
        "site": asdict(figures),
        "search_on_a_phone": search,
        "floor_site": asdict(floor_figures),
        # The same site from Zensical (`make site-zensical`: source written, built, zipped), in the same rounds.
        "zensical": ({key: median([getattr(r, key) for r in zensical]) for key in ("wall", "cpu", "peak_rss_mb")}
                     | {"over_mkdocs_wall": median([z.wall / b.wall for z, b in zip(zensical, builds, strict=True)]),
                        # Its time step by step: the engine writing the site's source (a process of
                        # its own: Python's start and the imports included), Zensical, the zip.
                        "steps": {step: median([r.steps[step] for r in zensical]) for step in zensical[0].steps},
                        "site": asdict(zensical_figures), "search_on_a_phone": zensical_search}) if zensical else None,
        "all_runs": {"generator": [asdict(r) for r in generator_runs], "build": [asdict(r) for r in builds],
                     "warm_generator": [asdict(r) for r in warm_generator_runs],
                     "warm_build": [asdict(r) for r in warm_builds],
                     "site_only": [asdict(r) for r in sites], "floor": [asdict(r) for r in floors],
                     "zensical": [asdict(r) for r in zensical]},
    }


# -- many sources per story -------------------------------------------------


def measure_wide(sources_per_claim: int, stories: int, seed: int, work: Path) -> dict:
    """One build of a wide dossier (synthetic.py ``--sources-per-claim``): stories
    told by 5 to ``sources_per_claim`` sources each, claims quoted by up to 20 of
    them, disagreements and corrections; it times the Compare pages, the
    corroboration lines and the corrections at scale. One run: it is a check
    that nothing grows with the pairs of sources, not a fine measure."""
    name = f"wide-{sources_per_claim}-{stories}"
    root = work / name
    counts = write_wide_dossier(root, sources_per_claim, stories, seed)
    print(f"wide: {counts.sources} sources in {counts.stories} stories; measuring (1 run)", flush=True)
    timing, page_count, _imports = run_generator_in_child(root, work / f"{name}-pages")
    build = run_build(root, "mkdocs.yml", work / f"{name}-site")
    figures = {"sources_per_claim": sources_per_claim, "counts": asdict(counts), "pages": page_count,
               "generator_seconds": asdict(timing) | {"total": timing.total}, "build": asdict(build),
               "site": asdict(site_figures(work / f"{name}-site"))}
    shutil.rmtree(root)  # the x100 one is hundreds of MB
    return figures


# -- quote lookup against text length ---------------------------------------


def measure_quote_lookup(seed: int, base) -> list[dict]:
    """Time to find the same quotes in texts 1, 10 and 100 times as long.

    The quotes are those of the first synthetic story; the text is that
    story's alone, then followed by 9 and by 99 other stories. With the index,
    the time per quote stays flat as the text grows; a scan of the text per
    quote would grow with it (claims x text length).
    """
    stories = make_stories(Writer(base, 100, seed))
    quotes = [evidence["quote"] for claim in stories[0].claims for evidence in claim["evidence"]]
    results = []
    for count in (1, 10, 100):
        text = "\n\n".join(story.text for story in stories[:count])
        started = time.perf_counter()
        indexed = SourceText(text)
        index_seconds = time.perf_counter() - started
        finds = 0
        started = time.perf_counter()
        while finds < 5000:
            for quote in quotes:
                assert len(indexed.find(quote)) == 1
            finds += len(quotes)
        find_seconds = time.perf_counter() - started
        # The same quotes found by scanning the whole text, as without an index.
        needles = [normalise(quote) for quote in quotes]
        started = time.perf_counter()
        for needle in needles:
            assert indexed.normal.count(needle) == 1
        scan_seconds = (time.perf_counter() - started) / len(needles)
        results.append({"text_chars": len(text), "quotes": len(quotes), "index_seconds": index_seconds,
                        "find_microseconds_per_quote": find_seconds / finds * 1e6,
                        "scan_microseconds_per_quote": scan_seconds * 1e6})
    return results


# -- today's dossier -------------------------------------------------------


def measure_real_site(runs: int, work: Path) -> dict:
    """`mkdocs build --strict` of this project (what `make site` runs), warm."""
    run_build(PROJECT_ROOT, "mkdocs.yml", work / "real-site")  # warm-up: file caches, bytecode
    timings = [run_build(PROJECT_ROOT, "mkdocs.yml", work / "real-site") for _ in range(runs)]
    figures = site_figures(work / "real-site")
    return {"runs": runs, "wall": median([t.wall for t in timings]), "cpu": median([t.cpu for t in timings]),
            "peak_rss_mb": median([t.peak_rss_mb for t in timings]), "site": asdict(figures),
            "all_runs": [asdict(t) for t in timings]}


# -- the report -------------------------------------------------------------


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model or platform.processor(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def git_commit() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=PROJECT_ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return commit + ("-dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 10 * 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def _zensical(scale: dict, cell) -> str:
    return cell(scale["zensical"]) if scale.get("zensical") else "not installed"


def _warm(scale: dict, cell) -> str:
    return cell() if scale.get("warm_build") else "-"


def _search(scale: dict, cell) -> str:
    return cell(scale["search_on_a_phone"]) if scale.get("search_on_a_phone") else "not measured"


def table(results: dict) -> str:
    rows = [
        ("records", lambda s: f"{s['records']:,}"),
        ("pages (HTML)", lambda s: f"{s['site']['pages']:,}"),
        ("generator: load", lambda s: f"{s['generator_seconds']['load']:.2f} s"),
        ("generator: check", lambda s: f"{s['generator_seconds']['check']:.2f} s"),
        ("  of which quote lookup", lambda s: f"{s['generator_seconds']['quotes']:.3f} s"),
        ("generator: render", lambda s: f"{s['generator_seconds']['render']:.2f} s"),
        ("generator: write", lambda s: f"{s['generator_seconds']['write']:.2f} s"),
        ("generator (load+check+render+write), cold", lambda s: f"{s['generator_seconds']['total']:.2f} s"),
        ("generator, warm (pictures kept)", lambda s: _warm(s, lambda: f"{s['warm_generator_seconds']['total']:.2f} s")),
        ("MkDocs alone, same pages (floor)", lambda s: f"{s['floor']['wall']:.1f} s"),
        ("generator / MkDocs alone", lambda s: f"{s['generator_share']:.1%}"),
        ("build without the offline copy (wall)", lambda s: f"{s['site_only']['wall']:.1f} s"),
        ("  / floor", lambda s: f"{s['site_over_floor_wall']:.2f}x"),
        ("whole build, with offline copy (wall)", lambda s: f"{s['build']['wall']:.1f} s"),
        ("  / floor (wall)", lambda s: f"{s['build_over_floor_wall']:.2f}x"),
        ("  / floor (CPU time)", lambda s: f"{s['build_over_floor_cpu']:.2f}x"),
        ("whole build, warm (wall)", lambda s: _warm(s, lambda: f"{s['warm_build']['wall']:.1f} s")),
        ("peak memory (largest process)", lambda s: f"{s['build']['peak_rss_mb']:.0f} MB"),
        ("site size", lambda s: kb(s['site']['site_bytes'])),
        ("search index, whole (read from disk)", lambda s: kb(s['site']['search_index_bytes'])),
        ("search index in pieces (pagefind/)", lambda s: kb(s['site'].get('search_pieces_bytes', 0))),
        ("search on a phone: first result", lambda s: _search(s, lambda f: f"{f['first_result_seconds']:.2f} s")),
        ("search on a phone: fetched", lambda s: _search(s, lambda f: kb(f['fetched_bytes']))),
        ("largest page", lambda s: f"{kb(s['site']['largest_page_bytes'])} ({s['site']['largest_page']})"),
        ("pages over 100 KB", lambda s: f"{s['site']['pages_over_limit']:,}"),
        ("Zensical: whole build (wall)", lambda s: _zensical(s, lambda z: f"{z['wall']:.1f} s")),
        ("  / MkDocs whole build (wall)", lambda s: _zensical(s, lambda z: f"{z['over_mkdocs_wall']:.2f}x")),
        ("  generate --out / Zensical / zip (wall)",
         lambda s: _zensical(s, lambda z: " / ".join(f"{z['steps'][step]:.1f} s" for step in ("generate", "zensical", "zip")))),
        ("Zensical: site size", lambda s: _zensical(s, lambda z: kb(z['site']['site_bytes']))),
        ("Zensical: search index", lambda s: _zensical(s, lambda z: kb(z['site']['search_index_bytes']))),
        ("Zensical: search on a phone, first result",
         lambda s: _zensical(s, lambda z: _search(z, lambda f: f"{f['first_result_seconds']:.2f} s"))),
        ("Zensical: search on a phone, fetched", lambda s: _zensical(s, lambda z: _search(z, lambda f: kb(f['fetched_bytes'])))),
        ("runs (median of)", lambda s: str(s['runs'])),
    ]
    scales = results["scales"]
    header = ["", *[f"x{s['scale']}" for s in scales]]
    body = [[name, *[cell(s) for s in scales]] for name, cell in rows]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    line = lambda row: "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"  # noqa: E731
    out = [line(header), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, body)]
    return "\n".join(out)


def targets(results: dict) -> list[tuple[str, bool, str]]:
    scales = {s["scale"]: s for s in results["scales"]}
    checks = []
    for scale, s in scales.items():
        checks.append((f"x{scale}: generator <= {GENERATOR_SHARE:.0%} of MkDocs alone on the same pages",
                       s["generator_share"] <= GENERATOR_SHARE, f"{s['generator_share']:.1%}"))
        ratio = {1: FLOOR_RATIO, 100: FLOOR_RATIO_AT_X100}.get(scale)
        if ratio:
            checks.append((f"x{scale}: whole build, offline copy included, <= {ratio}x the floor (wall)",
                           s["build_over_floor_wall"] <= ratio,
                           f"{s['build_over_floor_wall']:.2f}x ({s['site_over_floor_wall']:.2f}x without the offline copy)"))
        checks.append((f"x{scale}: whole build <= {FLOOR_CPU_RATIO}x the floor (CPU time)",
                       s["build_over_floor_cpu"] <= FLOOR_CPU_RATIO, f"{s['build_over_floor_cpu']:.2f}x"))
        checks.append((f"x{scale}: no page over {PAGE_BYTES // 1024} KB",
                       s["site"]["largest_page_bytes"] <= PAGE_BYTES,
                       f"largest {kb(s['site']['largest_page_bytes'])}"))
    for scale, limit in search_phone.FIRST_RESULT_SECONDS.items():
        figures = scales.get(scale, {}).get("search_on_a_phone")
        if figures:
            checks.append((f"x{scale}: typing \"{figures['query']}\" on a phone, first result within {limit:.0f} s",
                           figures["first_result_seconds"] <= limit, f"{figures['first_result_seconds']:.2f} s"))
    figures = scales.get(100, {}).get("search_on_a_phone")
    if figures:
        checks.append((f"x100: at most {search_phone.FETCHED_BYTES_AT_X100 // 1024} KB fetched for a one-word search",
                       figures["fetched_bytes"] <= search_phone.FETCHED_BYTES_AT_X100, kb(figures["fetched_bytes"])))
    largest = scales.get(100)
    if largest:
        checks.append((f"x100: the build's largest process under {PEAK_MB_AT_X100:,} MB",
                       largest["build"]["peak_rss_mb"] < PEAK_MB_AT_X100, f"{largest['build']['peak_rss_mb']:,.0f} MB"))
        checks.append((f"x100 builds in under {LARGEST_SCALE_SECONDS} s", largest["build"]["wall"] < LARGEST_SCALE_SECONDS,
                       f"{largest['build']['wall']:.1f} s whole, {largest['site_only']['wall']:.1f} s without the "
                       f"offline copy; MkDocs alone needs {largest['floor']['wall']:.1f} s for these pages"))
    if 10 in scales and 100 in scales:
        growth = scales[100]["generator_seconds"]["total"] / scales[10]["generator_seconds"]["total"]
        checks.append((f"generator x100 <= {GROWTH}x generator x10", growth <= GROWTH, f"{growth:.1f}x"))
    lookups = results.get("quote_lookup") or []
    if len(lookups) >= 2:
        first, last = lookups[0], lookups[-1]
        growth = last["find_microseconds_per_quote"] / first["find_microseconds_per_quote"]
        scan = last["scan_microseconds_per_quote"] / first["scan_microseconds_per_quote"]
        length = last["text_chars"] / first["text_chars"]
        checks.append((f"quote lookup does not grow with text length (text {length:.0f}x longer)",
                       growth < 2, f"time per quote {growth:.2f}x with the index, {scan:.0f}x scanning"))
    checks.append(("YAML parsed with libyaml's C loader, positions kept", results["libyaml"],
                   f"yaml.__with_libyaml__ {results['libyaml']}, yaml_positions uses {results['yaml_loader']}"))
    for wide in results.get("wide", []):
        checks.append((f"wide dossier ({wide['counts']['stories']} stories, {wide['counts']['sources']} sources): "
                       f"no page over {PAGE_BYTES // 1024} KB", wide["site"]["largest_page_bytes"] <= PAGE_BYTES,
                       f"largest {kb(wide['site']['largest_page_bytes'])} ({wide['site']['largest_page']})"))
    check = results.get("check")
    if check:
        checks.append((f"`make check` under {CHECK_SECONDS} s (median of {len(check['runs'])})",
                       check["median"] <= CHECK_SECONDS, f"{check['median']:.3f} s"))
    real = results.get("real_site")
    if real:
        checks.append((f"today's dossier: mkdocs build --strict under {REAL_SITE_SECONDS} s (warm)",
                       real["wall"] < REAL_SITE_SECONDS, f"{real['wall']:.1f} s"))
    for reload in filter(None, [results.get("serve_reload"), results.get("serve_reload_x100")]):
        target = serve_reload.target_seconds(reload["scale"])
        dossier = f"x{reload['scale']} dossier" if reload["scale"] else "today's dossier"
        slowest = max(reload["median"].values())
        checks.append((f"{dossier}: save to reloaded page under {target} s ({reload['mode']}, median)",
                       slowest < target,
                       ", ".join(f"{label} {value:.2f} s" for label, value in reload["median"].items())))
        checks.append((f"{dossier}: serve rebuilds once per save (no loop)", reload["rebuilds"] == reload["edits"],
                       f"{reload['rebuilds']} rebuilds for {reload['edits']} saves"))
    return checks


def report(results: dict) -> str:
    m = results["machine"]
    lines = [
        f"Benchmark {results['date']} at commit {results['commit']}: {m['nproc']} cores, {m['cpu']}, "
        f"Python {m['python']}, {m['system']}; load average {results['load_before']} before, "
        f"{results['load_after']} after",
        "",
        table(results),
        "",
    ]
    for lookup in results.get("quote_lookup", []):
        lines.append(f"quote lookup, text of {lookup['text_chars']:,} characters: {lookup['find_microseconds_per_quote']:.1f} us "
                     f"per quote with the index (built in {lookup['index_seconds']:.2f} s), "
                     f"{lookup['scan_microseconds_per_quote']:.1f} us scanning the text")
    for wide in results.get("wide", []):
        c, site = wide["counts"], wide["site"]
        lines.append(f"wide dossier: {c['stories']} stories, {c['sources']} sources, {c['claims']} claims, "
                     f"{c['evidence']} pieces of evidence (widest claim {c['widest']} sources), "
                     f"{c['contradictions']} disagreements, {c['corrections']} corrections: generator "
                     f"{wide['generator_seconds']['total']:.2f} s, mkdocs build --strict {wide['build']['wall']:.1f} s, "
                     f"{site['pages']} pages, {kb(site['site_bytes'])} in all, search index {kb(site['search_index_bytes'])}, "
                     f"largest {kb(site['largest_page_bytes'])} ({site['largest_page']})")
    real = results.get("real_site")
    if real:
        lines.append(f"today's dossier: mkdocs build --strict {real['wall']:.1f} s wall, {real['cpu']:.1f} s CPU "
                     f"(median of {real['runs']}, warm), {real['site']['pages']} pages, "
                     f"largest {kb(real['site']['largest_page_bytes'])} ({real['site']['largest_page']})")
    if results.get("check"):
        check = results["check"]
        lines.append(f"make check (python -m build_scripts check): median {check['median']:.3f} s of "
                     f"{len(check['runs'])} runs; imports of {', '.join(check_time.HEAVY)}: "
                     f"{', '.join(check['heavy_imports']) or 'none'}")
    for key in ("serve_reload", "serve_reload_x100"):
        if results.get(key):
            lines.append(serve_reload.report(results[key]))
    lines.append("")
    for name, met, value in targets(results):
        lines.append(f"{'met    ' if met else 'MISSED '} {name}: {value}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10,100", help="comma-separated scales (default 1,10,100)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure, median taken (default 3)")
    parser.add_argument("--large-runs", type=int, default=1, help="runs at scales of 100 and more (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-real-site", action="store_true", help="skip timing today's dossier")
    parser.add_argument("--no-serve", action="store_true", help="skip the save-to-reload timing")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for the JSON results")
    parser.add_argument("--wide", default="50,10,100", metavar="N,STORIES[,STORIES...]",
                        help="the many-sources case: sources of the widest claim, then the stories of each build "
                             "(default 50,10,100: x10 and x100 today's one story; 0 skips it)")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]

    base = count_dossier()
    results: dict = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": git_commit(),
        "machine": machine(),
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "base_counts": asdict(base),
        "libyaml": bool(yaml.__with_libyaml__) and yaml_positions._Loader is yaml.CSafeLoader,
        "yaml_loader": yaml_positions._Loader.__name__,
        "scales": [],
    }
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as scratch:
        work = Path(scratch)
        for scale in scales:
            runs = args.large_runs if scale >= 100 else args.runs
            results["scales"].append(measure_scale(scale, runs, args.seed, work, base))
        results["quote_lookup"] = measure_quote_lookup(args.seed, base)
        wide_sources, *wide_stories = [int(n) for n in args.wide.split(",") if n.strip()]
        if wide_sources:
            results["wide"] = [measure_wide(wide_sources, stories, args.seed, work) for stories in wide_stories or [1]]
        if not args.no_real_site:
            results["real_site"] = measure_real_site(args.runs, work)
    results["check"] = check_time.measure(runs=7)
    if not args.no_serve:
        results["serve_reload"] = serve_reload.measure(edits=5)
        if 100 in scales:  # a dossier a hundred times today's: the preview follows the edit, not the dossier
            results["serve_reload_x100"] = serve_reload.measure(edits=3, scale=100)
    results["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results["peak_rss_mb_of_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results["targets"] = [{"target": name, "met": met, "value": value} for name, met, value in targets(results)]

    text = report(results)
    print("\n" + text)
    args.results.mkdir(parents=True, exist_ok=True)
    name = f"{results['date'][:16].replace('-', '').replace(':', '')}Z-{results['commit']}"  # 20261125T1025Z-abc1234
    (args.results / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.results / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    print(f"\nresults: {args.results / name}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
