"""Soak: grade many submissions in ONE process and watch its open files, memory and threads.

  python benchmarks/soak.py [--size N] [--assignment ID] [--every K]

A grading worker (`python -m autograder grade`) runs nbgrader's Autograde, with our engine, for
submission after submission in one process; anything the engine leaks per submission (ZMQ sockets,
kernel pipes, the callee server's socket, threads, memory) piles up there. This script does the same
through nbgrader's API on the deterministic sample class (correct, mutants, unfinished, broken), and
prints the open file descriptors, the resident memory and the thread count every K submissions, then
the growth per 100 submissions. It prints numbers; it asserts nothing.
"""
import argparse
import os
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder import classroom, grading_worker  # noqa: E402
from autograder.course_copy import copy_course  # noqa: E402

WARM_UP = 10  # the first submissions import modules and fill caches; growth is measured after them


def open_fds():
    return len(os.listdir("/proc/self/fd"))


def rss_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def sample():
    return {"fds": open_fds(), "rss": rss_mib(), "threads": threading.active_count()}


def grader(root):
    """nbgrader's API bound to the course's gradebook, as a grading worker makes it."""
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    config = grading_worker.load_config(root, root / "gradebook.db")
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def soak(root, aid, students, every, report=print):
    """Grade `students` one after the other in this process.
    Returns ({submissions done: sample}, [students nbgrader failed on])."""
    warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy chatter, ignored by workers too
    api = grader(root)
    samples, failed = {0: sample()}, []
    report(f"{'graded':>7} {'fds':>5} {'RSS MiB':>8} {'threads':>7} {'s':>7}")
    started = time.monotonic()
    for done, student in enumerate(students, 1):
        result = api.autograde(aid, student, force=True, create=True)
        if not result.get("success"):
            failed.append(student)
            report(f"  {student}: nbgrader failed: {result.get('error', '')[-300:]}")
        if done in (1, WARM_UP) or done % every == 0 or done == len(students):
            samples[done] = sample()
            s = samples[done]
            report(f"{done:7d} {s['fds']:5d} {s['rss']:8.1f} {s['threads']:7d} {time.monotonic() - started:7.0f}")
    return samples, failed


def growth(samples, start):
    """Change per 100 submissions from the sample after `start` submissions to the last one."""
    end = max(samples)
    span = (end - start) / 100
    return {k: (samples[end][k] - samples[start][k]) / span for k in ("fds", "rss", "threads")}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--assignment", default="c1w4_deep_nn_step_by_step")
    parser.add_argument("--every", type=int, default=25)
    args = parser.parse_args(argv)
    aid, n = args.assignment, args.size
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        print(f"setting up a course with {n} submissions of {aid} ...", flush=True)
        root = copy_course(Path(tmp) / "course", release=[aid])
        students = classroom.sample_class(aid, n, seed=2)
        for student, nb in students.items():
            classroom.write(root, student, aid, nb)
        samples, failed = soak(root, aid, sorted(students), args.every, report=lambda line: print(line, flush=True))
    first, last = samples[min(1, n)], samples[max(samples)]
    print(f"\n{n} submissions in one process: fds {first['fds']} -> {last['fds']}, "
          f"RSS {first['rss']:.0f} -> {last['rss']:.0f} MiB, threads {first['threads']} -> {last['threads']} "
          f"(after the first submission -> after the last); nbgrader failed on {len(failed)}")
    # after the warm-up, and over the second half (bounded caches, e.g. SQLAlchemy's, are full by then)
    halfway = max(k for k in samples if k <= n // 2)
    for start, label in ((WARM_UP, f"after the first {WARM_UP}"), (halfway, f"from {halfway} on")):
        if start in samples and start < n:
            per = growth(samples, start)
            print(f"growth per 100 submissions {label}: fds {per['fds']:+.1f}, "
                  f"RSS {per['rss']:+.1f} MiB, threads {per['threads']:+.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
