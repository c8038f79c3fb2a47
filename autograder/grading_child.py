"""The grading process a Dask worker starts per course bundle: `python -m autograder.grading_child ROOT`.

Dask's worker processes are daemonic, and a daemonic process may not start multiprocessing children;
so the worker starts this interpreter itself. It binds to the unpacked bundle (course root, its
gradebook copy, the client's course secret), takes a sandbox slot of its own on this machine, and
then grades one learner per line read on stdin ({"aid", "student"}), answering on stdout with one JSON
line: `grading_worker.grade`'s result, or {"error": "..."}. It exits when its Dask worker dies.
"""
import fcntl
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

SLOT_DIR = Path("/run" if os.access("/run", os.W_OK) else tempfile.gettempdir()) / "autograder-slots"
FIRST_SLOT, LAST_SLOT = 100, 996  # the local pool uses 0 .. workers-1; sandbox uid = 61000 + slot
_slot_file = None  # the locked slot file, held until this process exits


def acquire_slot(directory=None):
    """The lowest sandbox slot no other process on this machine holds; held until this process exits."""
    global _slot_file
    directory = Path(directory or SLOT_DIR)
    directory.mkdir(mode=0o755, parents=True, exist_ok=True)
    for slot in range(FIRST_SLOT, LAST_SLOT + 1):
        fd = os.open(directory / f"slot-{slot}.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        _slot_file = fd
        return slot
    raise RuntimeError(f"all sandbox slots {FIRST_SLOT}-{LAST_SLOT} in {directory} are taken")


def _exit_with_parent(parent):
    """A Dask worker killed mid-task leaves no grading process behind (its sandbox dies with it)."""
    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, daemon=True, name="exit-with-dask-worker").start()


def main(root):
    from . import grading_worker, paths
    from .engine import variant
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # whatever nbgrader or the engine prints cannot garble the answers
    _exit_with_parent(os.getppid())
    paths.set_root(root)
    os.environ.pop(variant.SECRET_ENV, None)  # the client's secret came in the bundle: it decides the draw
    grading_worker.open_api(root, Path(root) / "gradebook.db", acquire_slot())
    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer = grading_worker.grade(request["aid"], request["student"])
        except Exception as exc:  # noqa: BLE001 (this learner only; the process grades the next one)
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main(sys.argv[1])
