"""Work on two cores (build_scripts/parallel.py) gives what one process
gives, and a failure in the forked copy is raised as one process would
raise it."""

from __future__ import annotations

import functools
import os
import time

import pytest

from build_scripts import parallel
from build_scripts.content.load import load_content
from build_scripts.pages.indexes import PageIndexes
from build_scripts.pages.render import page_jobs
from build_scripts.rules.check import load_and_check
from build_scripts.site_source import downloads, generate

from .helpers import PROJECT_ROOT


def test_pages_rendered_in_a_forked_copy_are_the_pages_of_one_process():
    checked = load_and_check(PROJECT_ROOT)
    indexes = PageIndexes(checked)
    work = functools.partial(generate._render_and_complete, indexes)
    jobs = page_jobs(indexes)
    in_one = work(jobs)
    in_two = parallel.forked_map(work, jobs)
    assert [[(p.path, p.text, p.origin) for p in pages] for pages in in_two] == \
           [[(p.path, p.text, p.origin) for p in pages] for pages in in_one]
    assert len(in_one) == len(jobs) > 50


def test_dossier_cores_caps_the_cores_counted_free(monkeypatch):
    machine = len(os.sched_getaffinity(0))
    monkeypatch.delenv(parallel.CORES_VARIABLE, raising=False)
    assert parallel.usable_cores() == machine
    monkeypatch.setenv(parallel.CORES_VARIABLE, "1")
    assert parallel.usable_cores() == 1 and not parallel.can_fork()
    monkeypatch.setenv(parallel.CORES_VARIABLE, str(machine + 1))  # a cap above the machine's is the machine's
    assert parallel.usable_cores() == machine
    monkeypatch.setenv(parallel.CORES_VARIABLE, "many")  # not a count: no cap
    assert parallel.usable_cores() == machine


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


def test_work_done_in_a_copy_gives_its_result_here_and_a_failed_copy_leaves_it_here():
    with parallel.in_copy(lambda: {"pid": os.getpid(), "data": [1, 2, 3]}, fork=True) as result:
        got = result()
    assert got["data"] == [1, 2, 3] and got["pid"] != os.getpid()
    with parallel.in_copy(lambda: 1 / 0, fork=True) as result:
        with pytest.raises(ZeroDivisionError):
            result()


def test_a_copy_whose_result_is_not_asked_for_is_stopped(monkeypatch):
    children = []
    fork_copy = parallel.fork_copy

    def remember_fork(in_copy):
        forked = fork_copy(in_copy)
        children.append(forked[0])
        return forked

    monkeypatch.setattr(parallel, "fork_copy", remember_fork)
    with pytest.raises(KeyError):
        with parallel.in_copy(lambda: time.sleep(600), fork=True):  # work that would outlast the test
            raise KeyError("the block failed")
    assert len(children) == 1
    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(children[0], os.WNOHANG)


def test_data_files_made_in_a_copy_while_checking_are_the_data_files_made_here(monkeypatch):
    content = load_content(PROJECT_ROOT)
    here = downloads.make_download_files(content)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    _, made = generate.check_with_data_files(content)
    assert made == here
    assert len(here) > 10 and all(f.data for f in here)
