"""Learner submissions made from the course itself: the reference, the unanswered release, mutants.

A submission starts from the release notebook, as a learner gets it, and fills answer cells the way
a learner would: the reference code, a known mistake (a mutant), or any code a test wants. Used by
the tests, the benchmark and the bundled sample class, so all three grade the same kind of input.
"""
import random
from pathlib import Path

import nbformat

from . import learner_ids, paths, reference, spec
from .assignment import Assignment
from .builder import template
from .errors import CourseError


def graded_functions(aid):
    return template.graded(template.parse(Assignment(aid).template))


def release_notebook(aid):
    return nbformat.read(paths.RELEASE / aid / Assignment(aid).notebook_name, as_version=4)


def answer(name, code):
    return f"# GRADED FUNCTION: {name}\n\n{code}"


def fill(aid, answers=None, default="reference"):
    """The release notebook with answer cells replaced.

    answers: {function: source code of its cell body, or None to leave it unanswered};
    functions not named get the reference (default="reference") or stay unanswered (default=None).
    """
    answers = answers or {}
    nb = release_notebook(aid)
    for cell in nb.cells:
        name = cell.metadata.get("nbgrader", {}).get("grade_id")
        if not cell.metadata.get("nbgrader", {}).get("solution"):
            continue
        code = answers.get(name, reference.source(aid, name) if default == "reference" else None)
        if code is not None:
            cell.source = answer(name, code)
    return nb


def mutant(aid, name, mistake):
    """Everything right except `name`, which has `mistake` in it."""
    return fill(aid, {name: spec.mutated_source(aid, name, mistake)})


def insert_cell(nb, code, before_grade_id=None):
    """Add a learner's own code cell (at the end, or just before the named cell)."""
    cell = nbformat.v4.new_code_cell(code)
    index = len(nb.cells)
    if before_grade_id is not None:
        index = next(i for i, c in enumerate(nb.cells)
                     if c.metadata.get("nbgrader", {}).get("grade_id") == before_grade_id)
    nb.cells.insert(index, cell)
    return nb


def write(course_root, student, aid, nb):
    if (why := learner_ids.problem(student)) is not None:  # the same rule the grader applies
        raise CourseError(f"learner id {ascii(student)}", why)
    folder = Path(course_root) / "submitted" / student / aid
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / Assignment(aid).notebook_name)
    return folder


def all_mutants(aid):
    """[(student id, function, mistake)] for every known mistake of the assignment."""
    out = []
    for name, _ in graded_functions(aid):
        for index, mistake in enumerate(spec.mistakes(aid, name)):
            out.append((f"mutant-{name}-{index}", name, mistake))
    return out


def sample_class(aid, size, seed=0):
    """A realistic class of `size` learners: some right, most with mistakes, some unfinished, a few
    with a cell that does not even parse.

    Returns {student id: notebook}. Deterministic for a given seed.
    """
    rng = random.Random(seed)
    mutants = all_mutants(aid)
    names = [n for n, _ in graded_functions(aid)]
    students = {}
    for i in range(size):
        roll = rng.random()
        sid = f"learner{i:03d}"
        if roll < 0.25:
            nb = fill(aid)
        elif roll < 0.75:
            picks = rng.sample(mutants, k=min(len(mutants), rng.randint(1, 3)))
            nb = fill(aid, {n: spec.mutated_source(aid, n, m) for _, n, m in picks})
        elif roll < 0.9:
            done = set(rng.sample(names, k=rng.randint(0, len(names) - 1)))
            nb = fill(aid, {n: None for n in names if n not in done})
        else:
            broken = rng.choice(names)
            nb = fill(aid, {broken: reference.source(aid, broken).replace("):", ")", 1)})
        students[sid] = nb
    return students
