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
