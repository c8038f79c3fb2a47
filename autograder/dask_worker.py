"""What runs on a Dask worker: the course bundle, one grading process, one submission at a time.

Tasks carry content, not paths. A cluster's workers often share no disk with the instructor's
machine (Kubernetes pods usually have none, SLURM nodes may see another copy of the course), and a
path would make every worker read, and write, the course folder at once. So the course comes as a
bundle (`bundles.course_bundle`), sent once per run as a worker plugin that the scheduler also gives
to every worker that joins or restarts, and each task carries one learner's folder as bytes and
returns the grades and the `autograded/<learner>/<id>/` files as bytes. A worker needs only the
environment: this package, nbgrader, and the sandbox.

Each Dask worker process unpacks a bundle once, into a temp dir of its own (cached by the bundle's
fingerprint), and grades in one child process per bundle (`grading_child.py`), with the same
`grading_worker` logic as the local pool (nbgrader's own autograde against the bundle's private
gradebook copy). The child is a fresh interpreter per bundle, so nothing cached for a previous
version of the course (the reference, the hidden cases) can leak into this one; it takes a sandbox
slot of its own on the machine (a flock'd file, released when it exits, so two workers on one host
never share a uid) and exits when its Dask worker dies.
"""
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from distributed import WorkerPlugin

from . import bundles

_bundles = {}    # fingerprint -> unpacked course root, in this worker process
_children = {}   # fingerprint -> its grading process (grading_child.py)
_one_at_a_time = threading.Lock()  # even on a worker started with several threads


class WrongEnvironment(RuntimeError):
    """This worker's autograder, Python or numpy is not the client's."""


@lru_cache(maxsize=None)
def environment():
    """What must match between client and workers: this package's code, Python and numpy."""
    import numpy
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in here.rglob("*.py") if "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes())
    return {"autograder": digest.hexdigest()[:16], "python": platform.python_version(), "numpy": numpy.__version__}


def differences(mine, theirs):
    """'numpy 2.4.0 on the worker, 2.3.5 on the client; ...', or '' when they match."""
    return "; ".join(f"{key} {theirs.get(key)} on the worker, {mine[key]} on the client"
                     for key in mine if theirs.get(key) != mine[key])


class CourseBundle(WorkerPlugin):
    """The course bundle of one run: unpacked on every worker, now and on any that joins later."""

    def __init__(self, fingerprint, data):
        self.fingerprint, self.data = fingerprint, data

    def setup(self, worker):
        unpacked(self.fingerprint, self.data)

    def teardown(self, worker):
        drop(self.fingerprint)


def unpacked(fingerprint, data):
    if fingerprint not in _bundles:
        root = Path(tempfile.mkdtemp(prefix=f"autograder-{fingerprint[:12]}-"))
        bundles.unpack(data, root)
        _bundles[fingerprint] = root
    return _bundles[fingerprint]


def drop(fingerprint):
    """Stop the bundle's grading process and delete its folder."""
    child = _children.pop(fingerprint, None)
    if child is not None:
        child.stdin.close()  # it exits at the end of its input
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
    root = _bundles.pop(fingerprint, None)
    if root is not None:
        shutil.rmtree(root, ignore_errors=True)


def grade(fingerprint, client_environment, aid, student, submission):
    """Task: grade one learner's folder (tar bytes) with the bundle; the grades plus the autograded
    folder as tar bytes (None if nbgrader wrote none)."""
    if mismatch := differences(client_environment, environment()):
        raise WrongEnvironment(f"this worker cannot grade for this client: {mismatch}")
    with _one_at_a_time:
        root = _bundles.get(fingerprint)
        if root is None:
            raise RuntimeError("the course bundle never reached this worker (plugin not set up)")
        try:
            bundles.unpack(submission, root / "submitted" / student / aid)
            done = _grade_in_child(fingerprint, root, aid, student)
            graded = root / "autograded" / student / aid
            done["autograded"] = bundles.pack_folder(graded) if graded.is_dir() else None
            return done
        finally:
            for folder in ("submitted", "autograded"):
                shutil.rmtree(root / folder / student, ignore_errors=True)


def _grade_in_child(fingerprint, root, aid, student):
    child = _children.get(fingerprint)
    if child is None or child.poll() is not None:
        child = _children[fingerprint] = _start_child(root)
    child.stdin.write(json.dumps({"aid": aid, "student": student}) + "\n")
    child.stdin.flush()
    answer = child.stdout.readline()
    if not answer:
        _children.pop(fingerprint, None)
        child.wait()
        raise RuntimeError(f"the grading process died while grading this submission (exit {child.returncode})")
    answer = json.loads(answer)
    if "error" in answer:
        raise RuntimeError(answer["error"])
    return answer


def _start_child(root):
    """The grading process, importing this very autograder package (not whatever else is installed)."""
    package_parent = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")])))
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")  # nbgrader runs alembic
    return subprocess.Popen([sys.executable, "-m", "autograder.grading_child", str(root)], cwd=root, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
