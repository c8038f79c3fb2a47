"""No descriptor leaks: a grading process keeps its open files and threads flat, submission after
submission, and a kernel stopped at any moment takes its sockets with it."""
import gc
import sys
import threading
from pathlib import Path

import pytest

from autograder import classroom, course_copy, paths, sandbox
from autograder.engine import session
from autograder.engine.kernel import KernelDied, SandboxedKernel
from autograder.engine.preprocessor import SecureExecute

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import soak  # noqa: E402

AID = "c1w4_deep_nn_step_by_step"


class PeakFds:
    """The most descriptors this process had open at once while the block ran."""

    def __enter__(self):
        self.peak, self._done = soak.open_fds(), threading.Event()
        self._watcher = threading.Thread(target=self._watch)
        self._watcher.start()
        return self

    def _watch(self):
        while not self._done.wait(0.001):
            self.peak = max(self.peak, soak.open_fds())

    def __exit__(self, *exc):
        self._done.set()
        self._watcher.join()


@pytest.fixture
def thread_errors(monkeypatch):
    """Exceptions that ended a thread; also stops the spare kernel earlier tests left connecting."""
    SecureExecute.spare_kernel().drop()
    gc.collect()
    errors = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    return errors


def _launch_and_stop():
    """Launch a kernel and stop it at once; return how many threads ran meanwhile."""
    kernel = SandboxedKernel(sandbox.new_scratch())
    kernel.launch()
    threads = threading.active_count()
    kernel.shutdown()
    sandbox.remove_scratch(kernel.scratch)
    return threads


def test_a_kernel_stopped_right_after_launch_frees_everything(thread_errors):
    """The engine does this when a submission's files cannot be copied. jupyter_client's heartbeat
    thread, stopped this early, used to open sockets until ZMQ had none left (about 1,500 fds)."""
    _launch_and_stop()  # first use opens a few descriptors that stay (caches), not per kernel
    before, threads = soak.open_fds(), threading.active_count()
    with PeakFds() as watch:
        running = [_launch_and_stop() for _ in range(5)]
    assert running == [threads + 1] * 5  # the watcher's: a kernel costs the grader no thread
    assert not thread_errors
    assert watch.peak < before + 50
    gc.collect()
    assert soak.open_fds() <= before and threading.active_count() == threads


def test_a_kernel_that_never_starts_leaves_no_callee_server(monkeypatch, thread_errors):
    def never_ready(kernel):
        raise KernelDied("the kernel did not start")
    monkeypatch.setattr(SandboxedKernel, "wait_ready", never_ready)
    counts = []
    for _ in range(3):
        with pytest.raises(KernelDied):
            with session.GradingSession(AID, paths.RELEASE / AID):
                pass
        gc.collect()
        counts.append((soak.open_fds(), threading.active_count()))
    assert counts[-1] <= counts[0]
    assert not thread_errors


def test_grading_many_submissions_in_one_process_keeps_open_files_flat(tmp_path):
    """Right, wrong, unfinished and broken notebooks, one that kills its kernel, one after the other.
    Each sample may catch the next learner's kernel still connecting (a few sockets), so the last
    samples' lowest count is held against the first samples' highest."""
    root = course_copy.copy_course(tmp_path / "course", release=[AID])
    students = classroom.sample_class(AID, 24, seed=3)
    students["learner-exits"] = classroom.insert_cell(classroom.fill(AID), "import os\nos._exit(0)",
                                                      before_grade_id="initialize_parameters")
    for student, nb in students.items():
        classroom.write(root, student, AID, nb)
    order = sorted(students)  # the crash comes first, so any socket it leaves shows by the end
    samples, failed = soak.soak(root, AID, order, every=1, report=print)
    assert not failed, failed
    first = [samples[k] for k in range(1, 6)]
    last = [samples[k] for k in range(len(order) - 2, len(order) + 1)]
    assert min(s["fds"] for s in last) <= max(s["fds"] for s in first), samples
    assert min(s["threads"] for s in last) <= max(s["threads"] for s in first), samples
