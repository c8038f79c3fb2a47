"""The reference solutions: loading them, reading their source, and checking their answer markers."""
import ast
import importlib.util
import sys

from . import paths
from .errors import CourseError

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
_loaded = {}


def import_course_file(aid, path, module_name):
    """Import a Python file of the course with assignment `aid`'s helper modules importable.

    Helper modules (dnn_utils, testCases, ...) are dropped from sys.modules again afterwards,
    because several assignments ship helpers of the same name with different contents.
    """
    before = set(sys.modules)
    folder = str(paths.COURSE / aid)
    sys.path.insert(0, folder)
    try:
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception as exc:  # the instructor's code: say where it broke, in one line
        raise CourseError(path, f"cannot be imported: {type(exc).__name__}: {exc}") from exc
    finally:
        sys.path.remove(folder)
        for name in set(sys.modules) - before:
            if str(getattr(sys.modules[name], "__file__", "")).startswith(folder):
                del sys.modules[name]
    return module


def load(aid):
    """The reference module solutions/<aid>.py (imported once)."""
    if aid not in _loaded:
        path = paths.solution_path(aid)
        if not path.exists():
            raise CourseError(path, "no reference solutions for this assignment")
        _loaded[aid] = import_course_file(aid, path, f"solutions_{aid}")
    return _loaded[aid]


def function(aid, name):
    """The reference function `name` of assignment `aid`."""
    fn = getattr(load(aid), name, None)
    if not callable(fn):
        raise CourseError(paths.solution_path(aid), f"defines no function {name!r}")
    return fn


def source(aid, name):
    """The exact source text of a top-level function of solutions/<aid>.py."""
    path = paths.solution_path(aid)
    text = path.read_text()
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_source_segment(text, node)
    raise CourseError(path, f"defines no function {name!r}")


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
    where = f"{paths.solution_path(aid)}: {name}"
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
    node = ast.parse(source(aid, name)).body[0]
    returns = [n for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None]
    value = returns[-1].value if returns else None
    items = value.elts if isinstance(value, ast.Tuple) else [value]
    if value is None or not all(isinstance(i, ast.Name) for i in items):
        return ["output"] if not isinstance(value, ast.Tuple) else [f"output[{i}]" for i in range(len(items))]
    return [i.id for i in items]
