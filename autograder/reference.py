"""The reference solutions: loading them, reading their source, and checking their answer markers."""
import ast
import functools

from .assignment import Assignment
from .errors import CourseError

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"


def import_course_file(aid, path, module_name):
    """Import a Python file of the course with assignment `aid`'s helper modules importable."""
    return Assignment(aid).import_file(path, module_name)


def load(aid):
    """The reference module solutions/<aid>/reference.py (imported once)."""
    return Assignment(aid).reference


def function(aid, name):
    """The reference function `name` of assignment `aid`."""
    fn = getattr(load(aid), name, None)
    if not callable(fn):
        raise CourseError(Assignment(aid).reference_path, f"defines no function {name!r}")
    return fn


def source(aid, name):
    """The exact source text of a top-level function of the reference (parsed once)."""
    return Assignment(aid).function_source(name)


@functools.cache  # read per hidden case: parse once
def seed(aid, name):
    """N when the function's given scaffold calls np.random.seed(N) in its own body, else None.

    The grader seeds with N right before every call, so that a learner's function with or without
    that line (the 2021+ course moved some seed lines into the tests) draws the same numbers.
    """
    for node in ast.parse(source(aid, name)).body[0].body:
        call = node.value if isinstance(node, ast.Expr) else None
        if (isinstance(call, ast.Call) and ast.unparse(call.func) == "np.random.seed"
                and len(call.args) == 1 and isinstance(call.args[0], ast.Constant)):
            return call.args[0].value
    return None


def call_seed(aid, name):
    """The seed set right before every call of `name`: the scaffold's, else 0 (deterministic)."""
    found = seed(aid, name)
    return 0 if found is None else found


def check_markers(aid, name):
    """A graded function needs balanced, non-empty answer regions; returns the source."""
    text = source(aid, name)
    where = f"{Assignment(aid).reference_path}: {name}"
    depth, regions = 0, 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped == BEGIN:
            if depth:
                raise CourseError(where, f"nested '{BEGIN}'")
            depth, regions = 1, regions + 1
        elif stripped == END:
            if not depth:
                raise CourseError(where, f"'{END}' without a '{BEGIN}'")
            depth = 0
    if depth:
        raise CourseError(where, f"'{BEGIN}' is never closed")
    if not regions:
        raise CourseError(where, f"has no answer region: mark the learner's part with '{BEGIN}' / '{END}'")
    return text


def output_names(aid, name):
    """Names of the returned values, read from the function's last return statement."""
    return list(_output_names(aid, name))


@functools.cache
def _output_names(aid, name):
    node = ast.parse(source(aid, name)).body[0]
    returns = [n for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None]
    value = returns[-1].value if returns else None
    items = value.elts if isinstance(value, ast.Tuple) else [value]
    if value is None or not all(isinstance(i, ast.Name) for i in items):
        return ["output"] if not isinstance(value, ast.Tuple) else [f"output[{i}]" for i in range(len(items))]
    return [i.id for i in items]
