"""The generator on two cores: part of its work in a forked copy of this process.

MkDocs builds on one core; the generator can use a second one before MkDocs
starts. A forked copy shares everything made so far, does its part and
hands back the result through a pipe, while this process does the rest:
half of the content files read (``load``), the data files of the Downloads
page made while the dossier is checked (``generate``), every other page
rendered (``generate``). The result is the same as doing it all here.

Fork is used only where it is safe and pays: on a system that has it, with
two or more cores free to this process, and while this process runs no
other thread (``mkdocs serve`` runs a server thread; forking a process with
threads can copy a lock that another thread holds). Anything else does all
the work here. A copy that fails leaves its part to this process, which
then raises the same error a single process would.

``DOSSIER_CORES=1`` (or any smaller count than the machine's) caps the cores
the build counts as free, here and in MkDocs' conversion on two cores
(renderers/mkdocs/speedups/parallel_conversion.py): where builds already run
side by side on every core, as in the test suite, a fork only adds the work
of copying and sending back. The site is the same either way.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
import warnings
from typing import BinaryIO, Callable, Iterator, Sequence, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


CORES_VARIABLE = "DOSSIER_CORES"


def usable_cores() -> int:
    """The cores this process may run on, at most ``DOSSIER_CORES`` when that is set."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    cap = os.environ.get(CORES_VARIABLE, "").strip()
    return min(cores, int(cap)) if cap.isdigit() and int(cap) > 0 else cores


def can_fork() -> bool:
    return can_fork_beside_threads() and threading.active_count() == 1


def can_fork_beside_threads() -> bool:
    """Whether forking pays, whatever threads run: for work that takes no lock another
    thread may hold (the Markdown conversion of ``serve``'s rebuilds, which says why)."""
    return hasattr(os, "fork") and usable_cores() >= 2


def map_in_two(work: Callable[[Sequence[Job]], list[Result]], jobs: Sequence[Job]) -> list[Result]:
    """``work(jobs)``, with half the jobs done in a forked copy of this process.

    ``work`` takes a list of jobs and returns one result per job (picklable).
    Results come back in the order of ``jobs``.
    """
    if len(jobs) < 2 or not can_fork():
        return work(jobs)
    return forked_map(work, jobs)


def forked_map(work: Callable[[Sequence[Job]], list[Result]], jobs: Sequence[Job]) -> list[Result]:
    """``map_in_two`` without asking whether forking pays."""
    mine, theirs = list(jobs[0::2]), list(jobs[1::2])  # interleaved: pages of a kind cost alike
    with in_copy(lambda: work(theirs), fork=True) as their_work:
        my_results = work(mine)
        their_results = their_work()
    results: list[Result] = []
    for index in range(len(jobs)):
        results.append(my_results[index // 2] if index % 2 == 0 else their_results[index // 2])
    return results


@contextlib.contextmanager
def in_copy(work: Callable[[], Result], *, fork: bool | None = None) -> Iterator[Callable[[], Result]]:
    """Start ``work()`` in a forked copy of this process; yields a function
    that waits for the copy and gives its (picklable) result.

    ``fork``: whether to fork; by default where it is safe and pays
    (``can_fork``). Without a copy (not forked, or the fork refused), or if
    the copy failed, that function does the work here, and so raises what
    the copy would have. A copy whose result is not asked for, because the
    block raised, is stopped.
    """
    if fork is None:
        fork = can_fork()
    forked = fork_copy(lambda out: pickle.dump(work(), out, protocol=pickle.HIGHEST_PROTOCOL)) if fork else None
    if forked is None:
        yield work
        return
    child, received = forked
    waited = False

    def result() -> Result:
        nonlocal waited
        # Read before waiting: the copy blocks on a full pipe until its result is read.
        with received:
            data = received.read()
        _, status = os.waitpid(child, 0)
        waited = True
        return pickle.loads(data) if os.waitstatus_to_exitcode(status) == 0 and data else work()

    try:
        yield result
    finally:
        if not waited:
            received.close()
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)


def fork_copy(in_copy: Callable[[BinaryIO], None]) -> tuple[int, BinaryIO] | None:
    """Fork a copy of this process that runs ``in_copy(out)``, ``out`` the
    write end of a pipe, and then leaves without running this process's exit
    handlers (status 0 if ``in_copy`` returned). Here: the copy's pid and the
    pipe's read end; None if the system refused the fork (no memory, too many
    processes), and the caller does the work itself."""
    read_end, write_end = os.pipe()
    try:
        with warnings.catch_warnings():
            # From Python 3.12 on, a fork beside threads warns; where this one forks so
            # (can_fork_beside_threads), its caller has made sure the copy is not affected.
            warnings.filterwarnings("ignore", r"This process .* is multi-threaded", DeprecationWarning)
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
