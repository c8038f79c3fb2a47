"""Findings of the red team against the grader, one regression test each, through real
`nbgrader autograde` in a scratch course."""
import copy

import pytest

from autograder import classroom, spec
from grading_helpers import autograde, max_scores, scores, scratch_course

AID = "c1w2_numpy_basics"


def _test_cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _with_copied_test_cell(nb, new_grade_id=None):
    cell = copy.deepcopy(_test_cell(nb, "test_sigmoid"))
    cell.id = "copied-test-cell"
    if new_grade_id:
        cell.metadata["nbgrader"]["grade_id"] = new_grade_id
    nb.cells.append(cell)
    return nb


@pytest.fixture(scope="module")
def stray_cells(tmp_path_factory):
    """Honest learners with one stray cell: a copy-pasted test cell, or one with an unknown grade id."""
    root = scratch_course(tmp_path_factory.mktemp("stray"), [AID])
    classroom.write(root, "duplicate", AID, _with_copied_test_cell(classroom.fill(AID)))
    classroom.write(root, "unknown", AID, _with_copied_test_cell(classroom.fill(AID), "test_my_own_check"))
    mistake = spec.mistakes(AID, "sigmoid")[0]
    classroom.write(root, "unknown-and-wrong", AID,
                    _with_copied_test_cell(classroom.mutant(AID, "sigmoid", mistake), "test_my_own_check"))
    result = autograde(root, AID)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


@pytest.mark.parametrize("student", ["duplicate", "unknown"])
def test_a_stray_test_cell_costs_an_honest_learner_nothing(stray_cells, student):
    assert scores(stray_cells, AID, student) == max_scores(AID)


def test_a_stray_test_cell_changes_nothing_else(stray_cells):
    got, full = scores(stray_cells, AID, "unknown-and-wrong"), max_scores(AID)
    assert got["test_sigmoid"] < full["test_sigmoid"]
    assert {k: v for k, v in got.items() if k != "test_sigmoid"} == {k: v for k, v in full.items() if k != "test_sigmoid"}


# ---- findings 5 and 13: the result file is the learner's to tamper with ----

SABOTAGED_SIGMOID = '''
import json, os, sys
import numpy as np

def _called_by_the_grader():
    frame = sys._getframe(1)
    while frame is not None and "_grader_harness" not in frame.f_code.co_filename:
        frame = frame.f_back
    return frame is not None

def sigmoid(x):
    """Right, but when the grader calls it, it tampers with the file the grader reads its result from."""
    if not _called_by_the_grader():
        return 1 / (1 + np.exp(-x))
    real_dump = json.dump

    def tamper(obj, fp, *args, **kwargs):
        json.dump = real_dump
        {action}
    json.dump = tamper
    return 1 / (1 + np.exp(-x))
'''
TAMPERING = {
    "deeply-nested": 'fp.write("[" * 200000 + "]" * 200000)',
    "huge-number": 'fp.write(\'{"status": "ok", "output": 1\' + "0" * 400 + \', "args_after": []}\')',
    "link-to-a-grader-file": 'os.unlink(fp.name); os.symlink(SECRET, fp.name)',
    "fifo": 'os.unlink(fp.name); os.mkfifo(fp.name)',
}
# finding 4: a function that changes its argument, and a report that hides it
FORGED_SIGMOID = '''
import json
import numpy as np

def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    x *= 0  # changes the caller's array...
    real_dump = json.dump

    def hide(obj, fp, *args, **kwargs):  # ...and reports no arguments after the call
        json.dump = real_dump
        obj["args_after"] = None
        real_dump(obj, fp, *args, **kwargs)
    json.dump = hide
    return s
'''



@pytest.fixture(scope="module")
def tampered(tmp_path_factory):
    secret = tmp_path_factory.mktemp("host") / "grader-only.txt"
    secret.write_text("TOP-SECRET-GRADER-TEXT\n")
    secret.chmod(0o600)
    root = scratch_course(tmp_path_factory.mktemp("tamper"), [AID])
    for student, action in TAMPERING.items():
        code = SABOTAGED_SIGMOID.replace("{action}", action).replace("SECRET", repr(str(secret)))
        classroom.write(root, student, AID, classroom.fill(AID, {"sigmoid": code}))
    classroom.write(root, "forged-mutation-report", AID, classroom.fill(AID, {"sigmoid": FORGED_SIGMOID}))
    result = autograde(root, AID)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def test_a_forged_report_of_the_arguments_does_not_hide_a_change(tampered):
    assert scores(tampered, AID, "forged-mutation-report")["test_sigmoid"] <= 5


@pytest.mark.parametrize("student", sorted(TAMPERING))
def test_a_tampered_result_costs_that_function_only_and_leaks_nothing(tampered, student):
    from grading_helpers import feedback_text
    got, full = scores(tampered, AID, student), max_scores(AID)
    assert got["test_sigmoid"] == 0
    assert {k: v for k, v in got.items() if k != "test_sigmoid"} == {k: v for k, v in full.items() if k != "test_sigmoid"}
    assert "TOP-SECRET" not in feedback_text(tampered, AID, student, "sigmoid")
