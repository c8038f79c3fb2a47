"""Autograde time of each assignment's reference notebook against a plain run of the same notebook.

  python benchmarks/assignment_times.py [ID ...]

"plain run": every cell of the reference (master) notebook executed in a kernel with nbclient,
training included. "engine": our engine grading the reference submission (sandboxed kernel, cells
tagged autograde-skip not run, graded training functions checked on small hidden cases), in this
process. Both include a kernel start. "nbgrader autograde": the whole command for that one
submission, process start and gradebook included. Prints seconds; asserts nothing.
"""
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from autograder.assignment import Assignment
from autograder import classroom, paths  # noqa: E402
from autograder.engine.preprocessor import SecureExecute  # noqa: E402
from autograder.course_copy import copy_course, run  # noqa: E402


def plain_run(aid):
    nb = nbformat.read(paths.SOURCE / aid / Assignment(aid).notebook_name, as_version=4)
    started = time.monotonic()
    NotebookClient(nb, timeout=1200, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(paths.SOURCE / aid)}}).execute()
    return time.monotonic() - started


def engine_run(aid):
    nb = classroom.fill(aid)
    resources = {"nbgrader": {"assignment": aid}, "metadata": {"path": str(paths.RELEASE / aid)}}
    started = time.monotonic()
    SecureExecute().preprocess(nb, resources)
    return time.monotonic() - started


def autograde_run(root, aid):
    classroom.write(root, "reference", aid, classroom.fill(aid))
    started = time.monotonic()
    result = run([sys.executable, "-m", "nbgrader", "autograde", aid, "--student", "reference"], cwd=root)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        print(f"  {aid}: nbgrader autograde failed: {result.stderr.strip().splitlines()[-1:]}")
    return seconds


def main(argv):
    aids = argv or paths.assignment_ids()
    with tempfile.TemporaryDirectory(prefix="times-") as tmp:
        root = copy_course(Path(tmp) / "course", release=aids)
        rows = [(aid, plain_run(aid), engine_run(aid), autograde_run(root, aid)) for aid in aids]
    print(f"\n{'assignment':30s} {'plain run s':>11s} {'engine s':>9s} {'ratio':>6s} {'nbgrader autograde s':>21s}")
    for aid, plain, engine, command in rows:
        print(f"{aid:30s} {plain:11.1f} {engine:9.1f} {engine / plain:6.2f} {command:21.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
