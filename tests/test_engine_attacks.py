"""Attempts to cheat, crash or escape, correct code in other styles, and broken submissions.

Each submission is graded by the real `nbgrader autograde` with the engine, in one class, so these
tests also show that one learner's attack leaves every other learner's grade unchanged.
"""
import json
import socket
import threading
import time

import pytest

from autograder.assignment import Assignment
from autograder import classroom, reference
from grading_helpers import autograde, feedback_text, max_scores, scores, scratch_course

AID = "c1w4_deep_nn_step_by_step"
FULL = max_scores(AID)
BLANK_ALL = {name: None for name, _ in classroom.graded_functions(AID)}


def _with_body(name, body):
    """A function with the reference signature and `body` (indented code) instead of the reference."""
    header = reference.source(AID, name).split("\n")[0]
    return header + "\n" + body


def _correct_except(name, body):
    return classroom.fill(AID, {name: _with_body(name, body)})


PATCH_NUMPY = """import numpy as np
np.allclose = lambda *a, **k: True
np.array_equal = lambda *a, **k: True
np.isclose = lambda a, b, *r, **k: np.ones(np.shape(a), dtype=bool)
np.testing.assert_allclose = lambda *a, **k: None
np.testing.assert_array_equal = lambda *a, **k: None
"""
BLANK_LATER_CELLS = "get_ipython().input_transformers_post.append(lambda lines: ['pass\\n'])"
HIDE_TRACEBACKS = """ip = get_ipython()
ip.showtraceback = lambda *a, **k: None
ip.showsyntaxerror = lambda *a, **k: None
"""
ALWAYS_EQUAL = """class Anything:
    shape = property(lambda self: (1, 1))
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __array__(self, *a, **k): raise TypeError("no")
"""
STEAL_REFERENCE = """import glob, os
found = []
for pattern in ["/work/*/solutions/*/*.py", "/work/*/source/*/*.ipynb", "../../../solutions/*/*.py",
                "../../../../solutions/*/*.py", "/*/*/solutions/c1w4*/*.py", "/*/*/*/solutions/c1w4*/*.py",
                "../../../autograder/specs/*.py", "/tmp/*/course/solutions/*/*.py"]:
    found += glob.glob(pattern)
for path in found:
    if path.endswith(".py"):
        exec(open(path).read(), globals())
print("stolen:", found)
"""
WRITE_GRADEBOOK = """import glob, sqlite3
hits = [p for pattern in ["/work/*/gradebook.db", "../../../gradebook.db", "/*/*/gradebook.db",
                          "/*/*/*/gradebook.db", "/tmp/*/*/course/gradebook.db"] for p in glob.glob(pattern)]
for path in hits:
    db = sqlite3.connect(path)
    db.execute("UPDATE grade SET auto_score = 10")
    db.commit()
print("gradebooks found:", hits)
"""


def _attacks(port):
    blank = lambda: classroom.fill(AID, BLANK_ALL)  # noqa: E731
    return {
        "patch-numpy": classroom.insert_cell(blank(), PATCH_NUMPY, before_grade_id="initialize_parameters"),
        "blank-later-cells": classroom.insert_cell(blank(), BLANK_LATER_CELLS, before_grade_id="initialize_parameters"),
        "hide-tracebacks": classroom.insert_cell(blank(), HIDE_TRACEBACKS, before_grade_id="initialize_parameters"),
        "always-equal": classroom.insert_cell(
            classroom.fill(AID, {n: _with_body(n, "    return Anything()") if n != "linear_forward"
                                 else _with_body(n, "    return Anything(), Anything()") for n in BLANK_ALL}),
            ALWAYS_EQUAL, before_grade_id="initialize_parameters"),
        "steal-reference": classroom.insert_cell(blank(), STEAL_REFERENCE),
        "write-gradebook": classroom.insert_cell(blank(), WRITE_GRADEBOOK),
        "exit-in-function": _correct_except("linear_forward", "    import os\n    os._exit(0)"),
        "exit-at-top-level": classroom.insert_cell(classroom.fill(AID), "import os\nos._exit(0)",
                                                   before_grade_id="compute_cost"),
        "endless-loop": _correct_except("compute_cost", "    while True:\n        pass"),
        "memory-hog": _correct_except("linear_backward", "    hog = []\n    while True:\n        hog.append(bytearray(10**8))"),
        "transformer-after-answers": classroom.insert_cell(classroom.fill(AID), BLANK_LATER_CELLS),
        "print-flood": classroom.insert_cell(classroom.fill(AID), "for i in range(20000):\n    print('x' * 1000)"),
        "network": _correct_except("update_parameters", f"""    import socket
    socket.create_connection(("127.0.0.1", {port}), timeout=2).sendall(b"leak")
    raise RuntimeError("connected")"""),
    }


STYLES = {
    "matmul-operator": {"linear_forward": _with_body("linear_forward", "    Z = W @ A + b\n    return Z, (A, W, b)")},
    "loops": {"compute_cost": _with_body("compute_cost", """    m = Y.shape[1]
    total = 0.0
    for i in range(m):
        y, a = Y[0, i], AL[0, i]
        total += y * np.log(a) + (1 - y) * np.log(1 - a)
    cost = np.squeeze(-total / m)
    return cost""")},
    "dict-comprehension-copy": {"update_parameters": _with_body("update_parameters", """    L = len(params) // 2
    new = {k: v.copy() for k, v in params.items()}
    for l in range(1, L + 1):
        new[f"W{l}"] = new[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        new[f"b{l}"] -= learning_rate * grads[f"db{l}"]
    return new""")},
    "prints-warnings-stderr": {"linear_backward": _with_body("linear_backward", """    import sys, warnings
    print("debug: computing gradients")
    print("to stderr", file=sys.stderr)
    warnings.warn("just a warning")
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m""")},
}


@pytest.fixture(scope="module")
def listener():
    """A TCP server on the grader's loopback: the network attack must never reach it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    hits, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                hits.append(server.accept())
            except OSError:
                continue
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    server.close()


@pytest.fixture(scope="module")
def graded(tmp_path_factory, listener):
    port, _ = listener
    root = scratch_course(tmp_path_factory.mktemp("attacks"), [AID])
    classroom.write(root, "reference", AID, classroom.fill(AID))
    for student, nb in _attacks(port).items():
        classroom.write(root, student, AID, nb)
    for student, answers in STYLES.items():
        nb = classroom.fill(AID, answers)
        classroom.insert_cell(nb, "x = 1 + 1\nprint('my scratch cell', x)")
        classroom.write(root, student, AID, nb)
    _write_broken(root)
    started = time.monotonic()
    result = autograde(root, AID)
    return root, result, time.monotonic() - started


def _write_broken(root):
    nb = classroom.fill(AID)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "test_compute_cost"]
    classroom.write(root, "deleted-test-cell", AID, nb)
    nb = classroom.fill(AID)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "test_linear_forward":
            cell.source = "print('I pass')"
            cell.metadata["nbgrader"]["points"] = 1000
    classroom.write(root, "edited-test-cell", AID, nb)
    renamed = reference.source(AID, "linear_forward").replace("def linear_forward(", "def linear_fwd(")
    classroom.write(root, "renamed-function", AID, classroom.fill(AID, {"linear_forward": renamed}))
    folder = classroom.write(root, "invalid-json", AID, classroom.fill(AID))
    (folder / Assignment(AID).notebook_name).write_text('{"cells": [ this is not json')


def _total(root, student):
    return sum(scores(root, AID, student).values())


def _full_except(root, student, function):
    got = scores(root, AID, student)
    assert got[f"test_{function}"] == 0, got
    assert {k: v for k, v in got.items() if k != f"test_{function}"} == {
        k: v for k, v in FULL.items() if k != f"test_{function}"}, got


@pytest.mark.parametrize("student", ["patch-numpy", "blank-later-cells", "hide-tracebacks", "always-equal",
                                     "steal-reference", "write-gradebook"])
def test_cheating_earns_nothing(graded, student):
    root, _, _ = graded
    assert _total(root, student) == 0


def test_stealing_found_no_course_files(graded):
    root, _, _ = graded
    nb = json.loads((root / "autograded" / "steal-reference" / AID / Assignment(AID).notebook_name).read_text())
    printed = "".join("".join(o.get("text", "")) for c in nb["cells"] for o in c.get("outputs", []))
    assert "stolen: []" in printed


def test_gradebook_untouched_by_learner_code(graded):
    root, _, _ = graded
    assert scores(root, AID, "reference") == FULL
    assert "gradebooks found: []" in json.dumps(json.loads(
        (root / "autograded" / "write-gradebook" / AID / Assignment(AID).notebook_name).read_text()))


@pytest.mark.parametrize("student,function,words", [
    ("exit-in-function", "linear_forward", "ended the Python process"),
    ("endless-loop", "compute_cost", "did not finish"),
    ("memory-hog", "linear_backward", "MemoryError"),
    ("network", "update_parameters", "raised"),
])
def test_crash_hang_or_escape_costs_only_that_function(graded, student, function, words):
    root, _, _ = graded
    _full_except(root, student, function)
    assert words in feedback_text(root, AID, student, function)


def test_network_attack_never_reached_the_grader(graded, listener):
    _, hits = listener
    assert hits == []


def test_exit_at_top_level_costs_nothing_else(graded):
    root, _, _ = graded
    assert scores(root, AID, "exit-at-top-level") == FULL


@pytest.mark.parametrize("student", sorted(STYLES))
def test_correct_code_in_other_styles_earns_full_marks(graded, student):
    root, _, _ = graded
    assert scores(root, AID, student) == FULL


@pytest.mark.parametrize("student", ["deleted-test-cell", "edited-test-cell"])
def test_tampered_test_cells_are_restored_and_graded(graded, student):
    root, _, _ = graded
    assert scores(root, AID, student) == FULL


def test_renamed_function_loses_only_that_function(graded):
    root, _, _ = graded
    _full_except(root, "renamed-function", "linear_forward")
    assert "no function of this name" in feedback_text(root, AID, "renamed-function", "linear_forward")


def test_invalid_json_is_reported_and_the_batch_goes_on(graded):
    root, result, _ = graded
    assert "invalid-json" in result.stdout + result.stderr
    assert scores(root, AID, "reference") == FULL and scores(root, AID, "loops") == FULL


def test_output_flood_is_capped_and_costs_nothing(graded):
    root, _, _ = graded
    assert scores(root, AID, "print-flood") == FULL
    notebook = root / "autograded" / "print-flood" / AID / Assignment(AID).notebook_name
    assert notebook.stat().st_size < 5_000_000


def test_grader_calls_are_immune_to_input_transformers(graded):
    """Correct answers, then a transformer that blanks every later cell: the grader's calls still run."""
    root, _, _ = graded
    assert scores(root, AID, "transformer-after-answers") == FULL
