"""Command line: `python -m autograder <command>`; `python -m autograder --help` lists them."""
import argparse
import sys

from . import paths
from .errors import CourseError


def _ids(given):
    return given or paths.edition_ids()


def cmd_build(args):
    from . import builder
    for aid in _ids(args.assignments):
        release = builder.build(aid)
        print(f"built {aid}: source/{aid}/ and {release.relative_to(paths.ROOT)}/")


def _ensure_released(aid):
    """Autograding needs the assignment in the gradebook: release it once if it is not."""
    from nbgrader.api import Gradebook, MissingEntry
    from .builder import build_release
    with Gradebook(paths.gradebook_url()) as gb:
        try:
            gb.find_assignment(aid)
            return
        except MissingEntry:
            pass
    build_release(aid)


def _executor(args):
    """The local process pool, or a Dask cluster with --cluster local[:N] or a scheduler address."""
    if not args.cluster:
        from .pool_executor import PoolExecutor
        return PoolExecutor(args.workers)
    count = args.cluster.removeprefix("local:")
    if args.cluster.startswith("local:") and not (count.isdigit() and int(count) >= 1):
        raise CourseError("--cluster", f"{args.cluster!r}: write local, local:N (N workers) or a scheduler address")
    from .dask_executor import DaskExecutor
    return DaskExecutor(args.cluster, args.workers)


def cmd_grade(args):
    import time
    from . import sandbox
    from .parallel import grade_class
    from .summary import print_summary, write_json
    aids = _ids(args.assignments)
    if args.json and len(aids) != 1:
        raise CourseError("--json", "writes the summary of one assignment: give exactly one assignment id")
    print(f"sandbox: {sandbox.describe()}")
    with _executor(args) as executor:  # an unreachable cluster is reported before anything is written
        for aid in aids:
            _ensure_released(aid)
            started = time.monotonic()
            outcomes = grade_class(paths.ROOT, aid, force=args.force, quiet=args.quiet, executor=executor)
            print_summary(aid, outcomes)
            if args.json:
                write_json(args.json, aid, executor.name, outcomes, time.monotonic() - started)


def cmd_sample_class(args):
    from . import classroom
    for aid in _ids(args.assignments):
        students = classroom.sample_class(aid, args.size, seed=args.seed)
        for student, nb in students.items():
            classroom.write(paths.ROOT, student, aid, nb)
        print(f"{aid}: wrote {len(students)} sample submissions to submitted/")


def cmd_report(args):
    from .report import write_report
    for aid in _ids(args.assignments):
        out = write_report(paths.ROOT, aid)
        print(f"{aid}: report in {out.relative_to(paths.ROOT)}/report.html (+ functions.csv, mistakes.csv, learners.csv)")


def _bad_ids(aid):
    """Graded folders whose name is not a valid learner id (plain nbgrader may have made them)."""
    from .learner_ids import problem
    folder = paths.ROOT / "autograded"
    return sorted(p.parent.name for p in folder.glob(f"*/{aid}") if problem(p.parent.name)) if folder.is_dir() else []


def cmd_feedback(args):
    from . import feedback_words
    from .builder import nbgrader
    from .learner_ids import refusal
    for aid in _ids(args.assignments):
        bad = _bad_ids(aid)
        for name in bad:
            print(f"{aid}: no feedback for {refusal(name)}")
        # nbgrader splits this option on commas, and a name with a comma cannot be excluded by it
        exclude = [f"--CourseDirectory.student_id_exclude={','.join(bad)}"] if bad else []
        nbgrader("generate_feedback", aid, "--force", *exclude)
        feedback_words.translate_pages(paths.ROOT, aid)  # the Chinese edition's pages: headings too
        print(f"{aid}: feedback for learners in feedback/<learner>/{aid}/")


def cmd_check(args):
    from .check_assignment import check_all
    if not check_all(_ids(args.assignments)):
        sys.exit(1)


def parser():
    p = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate source/ and release/ from course/ and solutions/")
    b.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    b.set_defaults(run=cmd_build)
    g = sub.add_parser("grade", help="autograde submitted/*/<assignment> in parallel into the gradebook")
    g.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    g.add_argument("-j", "--workers", type=int, default=None, help="parallel workers (default: cores + 1)")
    g.add_argument("--force", action="store_true", help="regrade unchanged submissions too")
    g.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    g.add_argument("--cluster", metavar="ADDRESS", help="grade on Dask: local or local:N starts a local cluster of "
                   "N worker processes (default: cores + 1); any other address (tcp://host:8786) is a running scheduler")
    g.add_argument("--json", metavar="PATH", help="write the run's summary (counts, speed, every learner) as JSON")
    g.set_defaults(run=cmd_grade)
    c = sub.add_parser("sample-class", help="write a deterministic sample class into submitted/")
    c.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    c.add_argument("--size", type=int, default=12, help="learners per assignment (default 12)")
    c.add_argument("--seed", type=int, default=0)
    c.set_defaults(run=cmd_sample_class)
    r = sub.add_parser("report", help="instructor report from the gradebook: reports/<id>/report.html + CSV")
    r.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    r.set_defaults(run=cmd_report)
    f = sub.add_parser("feedback", help="nbgrader generate_feedback for every graded assignment")
    f.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    f.set_defaults(run=cmd_feedback)
    k = sub.add_parser("check", help="build, then check that the reference, the unanswered notebook and every "
                                     "known mistake grade as intended (exit 1 if not)")
    k.add_argument("assignments", nargs="+", help="assignment ids")
    k.set_defaults(run=cmd_check)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except CourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
