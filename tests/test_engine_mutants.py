"""The engine through real `nbgrader autograde`: reference full, unanswered zero, every mutant loses
points on exactly its function, and the feedback names the likely cause."""
import pytest

from autograder import check_assignment, classroom
from conftest import ASSIGNMENTS
from grading_helpers import autograde, feedback_text, max_scores, scores, scratch_course


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded_class(request, tmp_path_factory):
    aid = request.param
    root = scratch_course(tmp_path_factory.mktemp(aid), [aid])
    mutants = check_assignment.write_check_class(root, aid)  # the class `python -m autograder check` grades
    result = autograde(root, aid)
    assert result.returncode == 0, result.stderr[-3000:]
    return aid, root, mutants


def test_reference_earns_full_marks(graded_class):
    aid, root, _ = graded_class
    assert scores(root, aid, "reference") == max_scores(aid)


def test_unanswered_notebook_earns_zero(graded_class):
    aid, root, _ = graded_class
    assert set(scores(root, aid, "unanswered").values()) == {0.0}
    assert "not answered yet" in feedback_text(root, aid, "unanswered", classroom.graded_functions(aid)[0][0])


def test_each_mutant_loses_points_on_exactly_its_function(graded_class):
    aid, root, mutants = graded_class
    full = max_scores(aid)
    for student, name, mistake in mutants:
        got = scores(root, aid, student)
        assert got[f"test_{name}"] < full[f"test_{name}"], f"{student} ({mistake.hint}) kept full marks"
        others = {k: v for k, v in got.items() if k != f"test_{name}"}
        assert others == {k: v for k, v in full.items() if k != f"test_{name}"}, f"{student} lost elsewhere"


def test_feedback_names_the_likely_cause_for_most_mutants(graded_class):
    """A mutant that crashes has no output to recognise; the others should be named."""
    aid, root, mutants = graded_class
    named = sum(mistake.hint in feedback_text(root, aid, student, name) for student, name, mistake in mutants)
    assert named >= len(mutants) // 2, f"only {named} of {len(mutants)} mistakes were named"
