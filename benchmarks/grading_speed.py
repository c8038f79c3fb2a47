"""How fast a class is graded, three ways on the same machine, with the bare floor beside them.

  python benchmarks/grading_speed.py [--size N] [--assignment ID] [--workers W]

1. stock:    plain `nbgrader autograde` with nbgrader's own Execute: the course's visible tests run
             inside the learner's kernel (what a course written in plain nbgrader does);
2. engine:   serial `nbgrader autograde` with our engine (sandbox + hidden cases);
3. parallel: `python -m autograder grade` with W workers (same engine);
and the floor: start a kernel and execute the same notebooks with nothing else (nbclient).
The class is the deterministic sample class (correct, mutants, unfinished, broken notebooks).
It prints seconds per submission and the ratios; it asserts nothing about time.
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbgrader.api import Gradebook  # noqa: E402

from autograder.assignment import Assignment
from autograder import classroom, paths  # noqa: E402
from autograder.course_copy import copy_course, run  # noqa: E402
from autograder.engine import variant  # noqa: E402

STOCK = """
c.Autograde.autograde_preprocessors = [
    "nbgrader.preprocessors.Execute", "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor", "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades", "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata"]
"""


def timed(label, fn):
    started = time.monotonic()
    result = fn()
    seconds = time.monotonic() - started
    print(f"  {label}: {seconds:.1f} s", flush=True)
    return seconds, result


def scores(root, aid):
    with Gradebook(paths.gradebook_url(root)) as gb:
        return {(s.student.id, g.name): g.score for s in gb.assignment_submissions(aid)
                for nb in s.notebooks for g in nb.grades}


def floor(root, aid):
    """Start a kernel and run every cell of every submission, nothing else."""
    for folder in sorted((root / "submitted").glob(f"*/{aid}")):
        path = folder / Assignment(aid).notebook_name
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:
            continue
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(paths.RELEASE / aid)}}).execute()


def autograde(root, aid):
    result = run([sys.executable, "-m", "nbgrader", "autograde", aid], cwd=root)
    return result.returncode


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=20)
    parser.add_argument("--assignment", default="c1w4_deep_nn_step_by_step")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    aid, n = args.assignment, args.size
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        print(f"setting up three copies of the course with {n} submissions of {aid} ...", flush=True)
        courses = {way: copy_course(Path(tmp) / way, release=[aid]) for way in ("stock", "engine", "parallel")}
        for course in courses.values():  # one course graded three ways: the same hidden cases
            variant.set_course_secret(course, "benchmark")
        with open(courses["stock"] / "nbgrader_config.py", "a") as f:
            f.write(STOCK)
        for student, nb in classroom.sample_class(aid, n, seed=1).items():
            for root in courses.values():
                classroom.write(root, student, aid, nb)
        print("timing:")
        t_floor, _ = timed("floor (kernel start + execute)", lambda: floor(courses["stock"], aid))
        t_stock, _ = timed("stock nbgrader autograde (Execute)", lambda: autograde(courses["stock"], aid))
        t_engine, _ = timed("engine, serial nbgrader autograde", lambda: autograde(courses["engine"], aid))
        workers = ["--workers", str(args.workers)] if args.workers else []
        t_par, _ = timed("engine, parallel grade", lambda: run(
            [sys.executable, "-m", "autograder", "grade", aid, "-q", *workers], cwd=courses["parallel"]))
        same = scores(courses["engine"], aid) == scores(courses["parallel"], aid)
        stock_differs = sum(a != b for a, b in zip(sorted(scores(courses["stock"], aid).items()),
                                                    sorted(scores(courses["engine"], aid).items())))
    per = {k: v / n for k, v in {"floor": t_floor, "stock": t_stock, "engine": t_engine, "parallel": t_par}.items()}
    print(f"\n{n} submissions of {aid}; seconds per submission:")
    for key, label in (("floor", "floor: kernel start + execute"), ("stock", "stock nbgrader (visible tests in kernel)"),
                       ("engine", "engine, serial nbgrader autograde"), ("parallel", "engine, parallel grade")):
        print(f"  {label:42s} {per[key]:6.2f}")
    print(f"  parallel throughput vs stock serial:       {per['stock'] / per['parallel']:.2f}x  (goal >= 2x)")
    print(f"  parallel cost vs floor:                    {per['parallel'] / per['floor']:.2f}x  (goal <= 1.5x)")
    print(f"  engine serial vs stock serial:             {per['engine'] / per['stock']:.2f}x")
    print(f"  parallel scores identical to serial engine: {'yes' if same else 'NO'}")
    print(f"  grade cells where stock (visible tests) and engine (hidden cases) disagree: {stock_differs}")
    if n < 50:
        print("  note: with few submissions the parallel grader's fixed start-up (worker processes) dominates;"
              " the goals are for a class (README: 200 submissions)")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
