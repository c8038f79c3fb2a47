"""Command line: `python -m autograder <command>`; `python -m autograder --help` lists them."""
import argparse
import sys

from . import paths
from .errors import CourseError


def _ids(given):
    return given or paths.assignment_ids()


def cmd_build(args):
    from . import build
    for aid in _ids(args.assignments):
        release = build.build(aid)
        print(f"built {aid}: source/{aid}/ and {release.relative_to(paths.ROOT)}/")


def parser():
    p = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate source/ and release/ from course/ and solutions/")
    b.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    b.set_defaults(run=cmd_build)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except CourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
