"""Rendering on two cores (build_scripts/parallel.py) gives the pages one
process gives, and a failure in the forked copy is raised as one process
would raise it."""

from __future__ import annotations

import functools

import pytest

from build_scripts import generate, parallel
from build_scripts.check import load_and_check
from build_scripts.pages import page_jobs

from .helpers import PROJECT_ROOT


def test_pages_rendered_in_a_forked_copy_are_the_pages_of_one_process():
    checked = load_and_check(PROJECT_ROOT)
    work = functools.partial(generate._render_and_complete, checked)
    jobs = page_jobs(checked)
    in_one = work(jobs)
    in_two = parallel.forked_map(work, jobs)
    assert [[(p.path, p.text, p.origin) for p in pages] for pages in in_two] == \
           [[(p.path, p.text, p.origin) for p in pages] for pages in in_one]
    assert len(in_one) == len(jobs) > 50


def test_results_come_back_in_the_order_of_the_jobs():
    assert parallel.forked_map(lambda jobs: [job * 10 for job in jobs], list(range(7))) == [0, 10, 20, 30, 40, 50, 60]


def test_a_failure_in_the_forked_copy_is_raised_here():
    # Job 1 goes to the copy (every other job does); its error must not be lost.
    with pytest.raises(ZeroDivisionError):
        parallel.forked_map(lambda jobs: [1 / job for job in jobs], [1, 0, 2, 4])


def test_a_fork_the_system_refuses_leaves_every_job_to_this_process(monkeypatch):
    def refuse():
        raise BlockingIOError(11, "Resource temporarily unavailable")
    monkeypatch.setattr("os.fork", refuse)
    assert parallel.forked_map(lambda jobs: [job * 10 for job in jobs], [1, 2, 3]) == [10, 20, 30]
