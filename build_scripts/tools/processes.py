"""Child processes of the tools, the benchmarks and the tests: the environment
they run in, a free port for a server, and stopping a server as Ctrl-C does."""

import os
import signal
import socket
import subprocess
from pathlib import Path

PYCACHE = Path(__file__).resolve().parents[2] / "build" / "pycache"


def environment() -> dict[str, str]:
    """The environment of every child process (builds, servers): as `make` sets it,
    bytecode kept in build/pycache so that no child compiles MkDocs again."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="")
    env.setdefault("PYTHONPYCACHEPREFIX", str(PYCACHE))
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def interruptible() -> None:
    """For ``preexec_fn`` of a server that is stopped as Ctrl-C stops it
    (SIGINT): a process started in the background by a script has SIGINT
    ignored, its children inherit that, and Python then never stops on it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stop_server(server: subprocess.Popen) -> bool:
    """Stop a server started with ``interruptible`` as Ctrl-C does (it cleans
    up after itself); kill it if it has not stopped 30 s later, so that none
    is left running. False if it had to be killed."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
        return True
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        return False
