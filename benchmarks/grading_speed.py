"""How fast a class is graded, and at what cost, beside stock nbgrader and the floor on this machine.

  python benchmarks/grading_speed.py [--sizes 50,200,1000] [--assignment ID] [--workers W]
                                     [--serial-up-to N] [--dask-up-to N] [--json PATH]

For each class size, on copies of the course holding the same deterministic sample class:
  floor     start a kernel and run every cell, nothing else (benchmarks/floor.py), with W processes:
            the same concurrency as our grader;
  stock     plain `nbgrader autograde` with nbgrader's own Execute, serial, as nbgrader runs: the
            course's visible tests run in the learner's kernel (a course written in plain nbgrader);
  engine    serial `nbgrader autograde` with our engine (sandbox, hidden cases): the scores the
            two parallel ways must reproduce exactly;
  pool      `python -m autograder grade -j W` (the default executor);
  dask      `python -m autograder grade --cluster local:W` (a Dask LocalCluster, tasks by content).
The serial ways and Dask run only up to --serial-up-to and --dask-up-to submissions (default 200):
at 1000 the serial ways would take most of an hour, and Dask on one machine shows nothing the pool
does not.

Each way runs as a child process; its wall time and the CPU time of it and everything it started
(kernels, workers, sandboxes) are counted. Printed per submission: wall seconds, CPU seconds, and
the ratios the README quotes. It asserts nothing about time; it exits 1 if a parallel way's scores
differ from serial nbgrader's.
"""
import argparse
import datetime
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nbgrader.api import Gradebook  # noqa: E402

from autograder import classroom, paths  # noqa: E402
from autograder.assignment import Assignment  # noqa: E402
from autograder.course_copy import copy_course, run  # noqa: E402
from autograder.engine import variant  # noqa: E402
from autograder.grading_worker import default_workers  # noqa: E402

STOCK = """
c.Autograde.autograde_preprocessors = [
    "nbgrader.preprocessors.Execute", "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor", "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades", "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata"]
"""
GOAL_VS_STOCK, GOAL_VS_FLOOR = 4.0, 1.0


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(label, args, cwd):
    """Run one way as a child process: (wall seconds, CPU seconds of it and all it started)."""
    wall, cpu = time.monotonic(), _children_cpu()
    result = run(args, cwd=cwd)
    wall, cpu = time.monotonic() - wall, _children_cpu() - cpu
    status = "" if result.returncode == 0 else f"  (exit {result.returncode}: {result.stderr.strip()[-300:]})"
    print(f"    {label:8s} {wall:8.1f} s wall {cpu:8.1f} s CPU{status}", flush=True)
    return {"wall": wall, "cpu": cpu, "exit": result.returncode}


def scores(root, aid):
    with Gradebook(paths.gradebook_url(root)) as gb:
        return {(s.student.id, g.name): g.score for s in gb.assignment_submissions(aid)
                for nb in s.notebooks for g in nb.grades}


def one_size(tmp, aid, n, workers, ways):
    """Grade a class of n every way in `ways`; returns {way: {wall, cpu, exit}} and the score checks."""
    courses = {way: copy_course(Path(tmp) / f"{way}-{n}", release=[aid]) for way in ways if way != "floor"}
    for course in courses.values():  # one course graded several ways: the same hidden cases
        variant.set_course_secret(course, "benchmark")
    if "stock" in courses:
        with open(courses["stock"] / "nbgrader_config.py", "a") as f:
            f.write(STOCK)
    for student, nb in classroom.sample_class(aid, n, seed=1).items():
        for root in courses.values():
            classroom.write(root, student, aid, nb)
    first = next(iter(courses.values()))
    notebooks = sorted(str(p) for p in (first / "submitted").glob(f"*/{aid}/{Assignment(aid).notebook_name}"))
    commands = {
        "floor": [sys.executable, str(ROOT / "benchmarks" / "floor.py"), "--workers", str(workers), *notebooks],
        "stock": [sys.executable, "-m", "nbgrader", "autograde", aid],
        "engine": [sys.executable, "-m", "nbgrader", "autograde", aid],
        "pool": [sys.executable, "-m", "autograder", "grade", aid, "-q", "-j", str(workers)],
        "dask": [sys.executable, "-m", "autograder", "grade", aid, "-q", "--cluster", f"local:{workers}"],
    }
    print(f"  {n} submissions:", flush=True)
    times = {way: measured(way, commands[way], courses.get(way, first)) for way in ways}
    serial = scores(courses["engine"], aid) if "engine" in courses else None
    checks = {}  # without the serial way (large classes) Dask is checked against the pool
    for way in ("pool", "dask"):
        if way in courses and (serial is not None or way == "dask"):
            expected = serial if serial is not None else scores(courses["pool"], aid)
            checks[way] = scores(courses[way], aid) == expected
    return times, checks


def per_submission(times, n):
    return {way: {"wall": t["wall"] / n, "cpu": t["cpu"] / n} for way, t in times.items()}


def report(n, per, checks):
    print(f"\n  {n} submissions; seconds per submission (wall, CPU):")
    for way, t in per.items():
        print(f"    {way:8s} {t['wall']:6.3f} {t['cpu']:6.3f}")
    for way in ("pool", "dask"):
        if way not in per:
            continue
        if "stock" in per:
            print(f"    {way} throughput vs stock serial nbgrader: {per['stock']['wall'] / per[way]['wall']:.2f}x"
                  f"  (goal >= {GOAL_VS_STOCK:g}x)")
        print(f"    {way} wall per submission vs the floor at equal concurrency: "
              f"{per[way]['wall'] / per['floor']['wall']:.2f}x  (goal <= {GOAL_VS_FLOOR:g}x)")
        if way in checks:
            other = "serial nbgrader autograde" if "engine" in per else "the pool"
            print(f"    {way} scores identical to {other}: {'yes' if checks[way] else 'NO'}")
    if n < 50:
        print("    note: with so few submissions the workers' start-up (once per run) dominates; the goals are for 200")


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    import numpy
    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(), "numpy": numpy.__version__,
            "date": datetime.date.today().isoformat()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,200,1000", help="class sizes, comma-separated")
    parser.add_argument("--size", type=int, help="one class size (instead of --sizes)")
    parser.add_argument("--assignment", default="c1w4_deep_nn_step_by_step")
    parser.add_argument("--workers", type=int, default=default_workers(), help="default: the grader's (cores + 1)")
    parser.add_argument("--serial-up-to", type=int, default=200, help="largest class the serial ways grade")
    parser.add_argument("--dask-up-to", type=int, default=200, help="largest class the Dask way grades (0: none)")
    parser.add_argument("--json", help="write every figure, with the machine and date, to this file")
    args = parser.parse_args(argv)
    sizes = [args.size] if args.size else [int(s) for s in args.sizes.split(",")]
    about = machine()
    print(f"{args.assignment}, {args.workers} workers; {about['cpu']}, {about['cores']} cores, "
          f"Python {about['python']}, numpy {about['numpy']}, {about['date']}", flush=True)
    results, ok = {}, True
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for n in sizes:
            ways = ["floor"] + (["stock", "engine"] if n <= args.serial_up_to else []) + ["pool"]
            ways += ["dask"] if n <= args.dask_up_to else []
            times, checks = one_size(tmp, args.assignment, n, args.workers, ways)
            per = per_submission(times, n)
            report(n, per, checks)
            ok = ok and all(checks.values())
            results[n] = {"per_submission": per, "identical_scores": checks}
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": about, "assignment": args.assignment,
                                               "workers": args.workers, "sizes": results}, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
