"""Rendering pages on two cores: half of them in a forked copy of this process.

MkDocs builds on one core; the generator's render stage, the bulk of its
time, can use a second one before MkDocs starts. The process forks once the
content is loaded and checked: the copy shares everything loaded so far,
renders every other page and hands back the finished Markdown through a
pipe, while this process renders the rest. The result is the same list of
pages, in the same order, as rendering them all here.

Fork is used only where it is safe and pays: on a system that has it, with
two or more cores free to this process, and while this process runs no
other thread (``mkdocs serve`` runs a server thread; forking a process with
threads can copy a lock that another thread holds). Anything else renders
every page here. A copy that fails leaves its pages to this process, which
then raises the same error a single process would.
"""

from __future__ import annotations

import os
import pickle
import threading
from typing import BinaryIO, Callable, Sequence, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork") and usable_cores() >= 2 and threading.active_count() == 1


def map_in_two(work: Callable[[Sequence[Job]], list[Result]], jobs: Sequence[Job]) -> list[Result]:
    """``work(jobs)``, with half the jobs done in a forked copy of this process.

    ``work`` takes a list of jobs and returns one result per job (picklable).
    Results come back in the order of ``jobs``. The first job, and every
    other one after it, is done in this process: what it leaves in this
    process's memory stays there.
    """
    if len(jobs) < 2 or not can_fork():
        return work(jobs)
    return forked_map(work, jobs)


def forked_map(work: Callable[[Sequence[Job]], list[Result]], jobs: Sequence[Job]) -> list[Result]:
    """``map_in_two`` without asking whether forking pays."""
    mine, theirs = list(jobs[0::2]), list(jobs[1::2])  # interleaved: pages of a kind cost alike
    forked = fork_copy(lambda out: pickle.dump(work(theirs), out, protocol=pickle.HIGHEST_PROTOCOL))
    if forked is None:
        return work(jobs)
    child, received = forked
    try:
        my_results = work(mine)
    finally:
        # Read before waiting: the copy blocks on a full pipe until its results are read.
        with received:
            data = received.read()
        _, status = os.waitpid(child, 0)
    their_results = pickle.loads(data) if os.waitstatus_to_exitcode(status) == 0 and data else work(theirs)
    results: list[Result] = []
    for index in range(len(jobs)):
        results.append(my_results[index // 2] if index % 2 == 0 else their_results[index // 2])
    return results


def fork_copy(in_copy: Callable[[BinaryIO], None]) -> tuple[int, BinaryIO] | None:
    """Fork a copy of this process that runs ``in_copy(out)``, ``out`` the
    write end of a pipe, and then leaves without running this process's exit
    handlers (status 0 if ``in_copy`` returned). Here: the copy's pid and the
    pipe's read end; None if the system refused the fork (no memory, too many
    processes), and the caller does the work itself."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        status = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                in_copy(out)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, os.fdopen(read_end, "rb")
