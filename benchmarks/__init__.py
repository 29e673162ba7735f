"""Benchmarks: synthetic dossiers at scale, build timings, serve reload timing.

    python -m benchmarks.synthetic --scale 10 --seed 1 --out DIR   write a dossier 10x today's
    python -m benchmarks.run                                         the benchmark table (make bench)
    python -m benchmarks.serve_reload                                save-to-reload time of `mkdocs serve`
"""
