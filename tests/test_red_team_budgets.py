"""Red-team findings 6 and 7: what a learner's code makes the grader do is bounded by that
learner's deadlines. Real sandboxed kernels, through GradingSession and the preprocessor."""
import logging
import os
import threading
import time

from nbgrader.utils import determine_grade

from autograder import classroom, paths, reference
from autograder.engine.preprocessor import SecureExecute
from autograder.engine.session import GradingSession, Timeouts
from autograder.engine.verdict import grade

MiB = 1024 ** 2


def _with_body(aid, name, body):
    return reference.source(aid, name).split("\n")[0] + "\n" + body


def _grade_notebook(aid, nb, timeouts=Timeouts(), only=None):
    """{function: Verdict} after running the notebook's cells, as the preprocessor does."""
    with GradingSession(aid, paths.RELEASE / aid, timeouts) as session:
        for cell in nb.cells:
            if cell.cell_type == "code" and not cell.metadata.get("nbgrader", {}).get("grade"):
                session.run_cell(cell.source)
        return {name: grade(session, aid, name, float(points)) for name, points in classroom.graded_functions(aid)
                if only is None or name in only}


class PeakMemory:
    """The largest resident size of this process while the block ran, sampled every few ms."""

    def __enter__(self):
        self.before = self.peak = _rss()
        self._done = threading.Event()
        self._watcher = threading.Thread(target=self._watch)
        self._watcher.start()
        return self

    def _watch(self):
        while not self._done.wait(0.002):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *exc):
        self._done.set()
        self._watcher.join()


def _rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _runners_alive():
    """Callee runners still running under this process."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                command = f.read()
        except OSError:
            continue
        if parent == os.getpid() and b"callee_runner" in command:
            found.append(int(pid))
    return found


# ---- finding 6: the callee server did unbounded work for the learner ----

DEEP = "c1w4_deep_nn_step_by_step"
# 16,000 numbers whose product is an 8000 x 8000 array (512 MiB), then a 40 MiB request line
EXPLODING_FORWARD = """    import socket
    try:
        linear_activation_forward(np.ones((1, 8000)), np.ones((8000, 1)), np.zeros((8000, 1)), "relu")
    except Exception as exc:
        print(exc)
    path = next(c.cell_contents for c in linear_activation_forward.__closure__ if isinstance(c.cell_contents, str))
    with socket.socket(socket.AF_UNIX) as conn:
        conn.connect(path)
        conn.sendall(b"x" * (40 * 1024 ** 2) + b"\\n")
        conn.recv(100)
    return None, []"""

LOGISTIC = "c1w2_logistic_regression"
# four long optimize runs asked of the grader (optimize is then its proxy) and never waited for
FIRE_AND_FORGET_MODEL = """    import threading, time
    if optimize.__closure__ is None:
        return {}
    w, b = initialize_with_zeros(X_train.shape[0])
    for _ in range(4):
        threading.Thread(target=optimize, args=(w, b, X_train, Y_train, 200000, 0.5), daemon=True).start()
    time.sleep(0.3)
    return {}"""


def test_callee_work_cannot_grow_the_graders_memory():
    nb = classroom.fill(DEEP, {"L_model_forward": _with_body(DEEP, "L_model_forward", EXPLODING_FORWARD)})
    with PeakMemory() as memory:
        verdicts = _grade_notebook(DEEP, nb)
    assert memory.peak - memory.before < 100 * MiB, f"grader grew by {(memory.peak - memory.before) / MiB:.0f} MiB"
    assert verdicts["L_model_forward"].points == 0
    assert all(v.points == v.max_points for name, v in verdicts.items() if name != "L_model_forward")
    assert not _runners_alive()


def test_callee_work_left_in_flight_is_cancelled_when_the_call_ends():
    attack = _with_body(LOGISTIC, "model", FIRE_AND_FORGET_MODEL)
    cpu = time.process_time()
    verdicts = _grade_notebook(LOGISTIC, classroom.fill(LOGISTIC, {"model": attack}), only={"model"})
    assert verdicts["model"].points == 0
    assert not _runners_alive()
    honest = _grade_notebook(LOGISTIC, classroom.fill(LOGISTIC), only={"optimize", "model"})  # the next learner
    time.sleep(1)
    used = time.process_time() - cpu
    assert all(v.points == v.max_points for v in honest.values())
    assert used < 10, f"the grader spent {used:.0f} s of CPU on two notebooks"


# ---- finding 7: the notebook time budget was not a deadline ----

HANGS_WHEN_REPLAYED = """import os, time
if os.path.exists("ran-before-{n}"):
    while True:
        try:
            time.sleep(1)
        except KeyboardInterrupt:
            pass
open("ran-before-{n}", "w").close()"""
SLOW_STARTUP_HOOK = """import pathlib
try:
    hooks = pathlib.Path.home() / ".ipython" / "profile_default" / "startup"
    hooks.mkdir(parents=True, exist_ok=True)
    (hooks / "00-slow.py").write_text("import time\\ntime.sleep(30)\\n")
except OSError:
    pass"""
BUDGET = 8.0
GRACE = 4.0  # shutting the kernel down, and the preprocessor's own work


def _budget_eater(aid):
    """A learner's notebook whose cells each cost a replay, then a crash that forces one."""
    nb = classroom.fill(aid)
    first = classroom.graded_functions(aid)[0][0]
    for code in [SLOW_STARTUP_HOOK, *[HANGS_WHEN_REPLAYED.replace("{n}", str(n)) for n in range(4)],
                 "import os\nos._exit(0)"]:
        nb = classroom.insert_cell(nb, code, before_grade_id=first)
    return nb


def _test_cells(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")
            and not c.metadata["nbgrader"].get("solution")]


def test_a_notebook_ends_at_its_deadline_and_what_is_left_scores_zero(tmp_path):
    aid = "c1w2_numpy_basics"
    preprocessor = SecureExecute(notebook_timeout=BUDGET, cell_timeout=5.0, call_timeout=3.0)
    resources = {"nbgrader": {"assignment": aid, "student": "budget-eater"},
                 "metadata": {"path": str(paths.RELEASE / aid)}}
    start = time.monotonic()
    nb, _ = preprocessor.preprocess(_budget_eater(aid), resources)
    took = time.monotonic() - start
    assert took < BUDGET + GRACE, f"took {took:.1f} s with a {BUDGET:.0f} s budget"
    for cell in _test_cells(nb):
        assert determine_grade(cell, logging.getLogger())[0] == 0
        assert "used up its time budget" in "".join(o.get("text", "") for o in cell.outputs)
    notes = [o.get("evalue", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
             if o.get("ename") == "GradingNote"]
    assert any("not run: the notebook used up its time budget" in n for n in notes)
    honest = _grade_notebook(aid, classroom.fill(aid))  # the next learner
    assert all(v.points == v.max_points for v in honest.values())
