"""If the engine itself fails, every test cell scores zero (nbgrader would otherwise give full marks
to a test cell with no output), and the cell says why."""
import logging

import pytest
from nbgrader.utils import determine_grade

from autograder import classroom
from autograder.engine.preprocessor import SecureExecute

AID = "c1w4_deep_nn_step_by_step"

# A failing engine must also clean up: a thread that dies (jupyter_client's heartbeat once ran out of
# sockets here: "zmq: Too many open files") or an unclosed socket or file fails these tests.
pytestmark = [pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning"),
              pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning"),
              pytest.mark.filterwarnings("error::ResourceWarning")]


def _test_cells(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]


def test_a_test_cell_without_output_would_get_full_marks_in_nbgrader():
    """The trap this guards against, shown with nbgrader's own grading function."""
    cell = _test_cells(classroom.fill(AID))[0]
    cell.outputs = []
    assert determine_grade(cell, logging.getLogger())[0] == cell.metadata.nbgrader.points


def test_engine_failure_scores_every_test_cell_zero(tmp_path):
    nb = classroom.fill(AID)
    resources = {"nbgrader": {"assignment": AID}, "metadata": {"path": str(tmp_path / "does-not-exist")}}
    nb, _ = SecureExecute().preprocess(nb, resources)
    cells = _test_cells(nb)
    assert cells
    for cell in cells:
        assert determine_grade(cell, logging.getLogger())[0] == 0
        assert "grading engine failed" in cell.outputs[0]["evalue"]


def test_unknown_assignment_scores_zero_with_a_message(tmp_path):
    nb = classroom.fill(AID)
    (tmp_path / "work").mkdir()
    resources = {"nbgrader": {"assignment": "c9_unknown"}, "metadata": {"path": str(tmp_path / "work")}}
    nb, _ = SecureExecute().preprocess(nb, resources)
    for cell in _test_cells(nb):
        assert determine_grade(cell, logging.getLogger())[0] == 0
        assert "no hidden cases" in cell.outputs[0]["evalue"]
