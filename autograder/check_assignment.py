"""`python -m autograder check <id>`: does an assignment grade the way its author means it to?

After a build, a scratch copy of the course grades with `nbgrader autograde` three kinds of
submission made from the course itself: the reference (full marks on every function), the unanswered
release (zero everywhere) and one mutant per known mistake (points lost on its own function and on no
other). An instructor runs it after writing or changing an assignment; the engine tests grade the
same class (`write_check_class`).
"""
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from rich import box
from rich.table import Table
from rich.text import Text

from . import builder, classroom, course_copy, paths
from .errors import CourseError
from .terminal import console

REFERENCE, UNANSWERED = "reference", "unanswered"


# ---------- the class, and its scores ----------

def write_check_class(root, aid):
    """The reference, the unanswered release and every mutant, in root/submitted/; returns the mutants."""
    classroom.write(root, REFERENCE, aid, classroom.fill(aid))
    classroom.write(root, UNANSWERED, aid, classroom.release_notebook(aid))
    mutants = classroom.all_mutants(aid)
    for student, name, mistake in mutants:
        classroom.write(root, student, aid, classroom.mutant(aid, name, mistake))
    return mutants


def scores(root, aid, student):
    """{grade_id: score} of one learner's test cells, from the course's gradebook."""
    with Gradebook(paths.gradebook_url(root)) as gb:
        notebook = gb.find_submission_notebook(aid, aid, student)
        return {g.name: g.score for g in notebook.grades}


def full_marks(aid):
    return {f"test_{name}": float(points) for name, points in classroom.graded_functions(aid)}


def _scores_or_none(root, aid, student):
    try:
        return scores(root, aid, student)
    except MissingEntry:  # nbgrader gave up on this notebook before recording it
        return None


# ---------- the verdict, per function ----------

@dataclass
class FunctionCheck:
    name: str
    points: float
    reference: float | None = None     # None: not graded at all
    unanswered: float | None = None
    caught: list = field(default_factory=list)     # hints of mistakes that lost points here only
    problems: list = field(default_factory=list)   # one line per mistake that did not

    def ok(self):
        return self.reference == self.points and self.unanswered == 0 and not self.problems


def _judge_mutant(row, mistake, got, full):
    grade_id = f"test_{row.name}"
    if got is None:
        row.problems.append(f"not graded by nbgrader: {mistake.hint}")
    elif got[grade_id] >= full[grade_id]:
        row.problems.append(f"not caught: {mistake.hint}")
    elif elsewhere := sorted(k.removeprefix("test_") for k in full if k != grade_id and got[k] != full[k]):
        row.problems.append(f"also cost points on {', '.join(elsewhere)}: {mistake.hint}")
    else:
        row.caught.append(mistake.hint)


def judge(root, aid, mutants):
    """One FunctionCheck per graded function, from the scores in root's gradebook."""
    full = full_marks(aid)
    rows = {name: FunctionCheck(name, float(points)) for name, points in classroom.graded_functions(aid)}
    for student, attr in [(REFERENCE, "reference"), (UNANSWERED, "unanswered")]:
        got = _scores_or_none(root, aid, student) or {}
        for row in rows.values():
            setattr(row, attr, got.get(f"test_{row.name}"))
    for student, name, mistake in mutants:
        _judge_mutant(rows[name], mistake, _scores_or_none(root, aid, student), full)
    return list(rows.values())


# ---------- running it ----------

def grade_in_scratch(aid, scratch):
    """Copy the freshly built course to `scratch` and grade the check class there.

    Returns (course root, mutants, nbgrader's first error line or None)."""
    root = course_copy.copy_course(Path(scratch) / "course", release=[aid])
    mutants = write_check_class(root, aid)
    result = course_copy.run([sys.executable, "-m", "nbgrader", "autograde", aid], cwd=root)
    errors = [line for line in result.stderr.splitlines() if "ERROR]" in line]
    return root, mutants, (errors[0] if errors else "no error logged") if result.returncode else None


def _score(value, points):
    return "not graded" if value is None else f"{value:g} / {points:g}"


def _table(rows):
    table = Table(box=box.SIMPLE)
    for name in ["function", "reference", "unanswered", "mistakes caught", "problems"]:
        table.add_column(name, no_wrap=name != "problems")
    for row in rows:
        total = len(row.caught) + len(row.problems)
        table.add_row(Text(row.name), _score(row.reference, row.points), _score(row.unanswered, row.points),
                      f"{len(row.caught)} of {total}", Text("\n".join(row.problems) or "-"))
    return table


def _verdict(aid, rows, seconds):
    mistakes = sum(len(r.caught) + len(r.problems) for r in rows)
    missed = sum(len(r.problems) for r in rows)
    wrong_reference = [r.name for r in rows if r.reference != r.points]
    wrong_unanswered = [r.name for r in rows if r.unanswered != 0]
    if not (missed or wrong_reference or wrong_unanswered):
        return (f"{aid}: OK: the reference earns full marks, the unanswered notebook zero, and each of the "
                f"{mistakes} known mistakes loses points on its own function only ({seconds:.0f} s)")
    problems = [f"the reference loses points on {', '.join(wrong_reference)}" if wrong_reference else "",
                f"the unanswered notebook earns points on {', '.join(wrong_unanswered)}" if wrong_unanswered else "",
                f"{missed} of {mistakes} mistakes are not caught on their own function alone" if missed else ""]
    return f"{aid}: NOT OK: {'; '.join(p for p in problems if p)} ({seconds:.0f} s)"


def check(aid, out):
    """Build, grade and judge one assignment; prints the table and verdict, returns True when all holds."""
    started = time.monotonic()
    builder.build(aid)
    with tempfile.TemporaryDirectory(prefix=f"check-{aid}-") as scratch:
        out.print(Text(f"{aid}: built; grading the reference, the unanswered notebook and "
                       f"{len(classroom.all_mutants(aid))} mutants with nbgrader autograde"))
        root, mutants, error = grade_in_scratch(aid, scratch)
        rows = judge(root, aid, mutants)
    if error:  # the notebooks it could not grade show as "not graded" in the table
        out.print(Text(f"{aid}: nbgrader autograde failed on some notebooks; first error: {error}"))
    out.print(_table(rows))
    out.print(Text(_verdict(aid, rows, time.monotonic() - started)))
    return all(row.ok() for row in rows)


def check_all(aids):
    """True when every assignment holds; a problem in an assignment's files is reported, not raised."""
    out, ok = console(), True
    for aid in aids:
        try:
            ok = check(aid, out) and ok
        except CourseError as exc:
            out.print(Text(f"{aid}: NOT OK: {exc}"))
            ok = False
    return ok
