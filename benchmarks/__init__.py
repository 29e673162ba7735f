"""Benchmarks: build timings at scale, serve reload timing, the content check's time.

    python -m benchmarks.run            the benchmark table (make bench)
    python -m benchmarks.serve_reload   save-to-reload time of `mkdocs serve`
    python -m benchmarks.check_time     `python -m build_scripts check` as a whole process, median of 5

A synthetic dossier N times today's: ``python -m build_scripts.tools.synthetic``.
"""
