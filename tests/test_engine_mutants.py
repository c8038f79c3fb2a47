"""The engine through real `nbgrader autograde`: reference full, unanswered zero, every mutant loses
points on exactly its function, and the feedback names the likely cause."""
import pytest

from autograder import check_assignment, classroom, paths, spec
from autograder.assignment import Assignment
from conftest import ASSIGNMENTS
from grading_helpers import autograde, feedback_text, max_scores, scores, scratch_course


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded_class(request, tmp_path_factory):
    """The check class graded in both editions of the assignment, each by real `nbgrader autograde`."""
    aid = request.param
    editions = [e for e in paths.edition_ids() if Assignment(e).base == aid]
    root = scratch_course(tmp_path_factory.mktemp(aid), editions)
    for edition in editions:
        mutants = check_assignment.write_check_class(root, edition)  # what `python -m autograder check` grades
        result = autograde(root, edition)
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


def test_the_chinese_edition_gives_the_same_scores_and_says_them_in_chinese(graded_class):
    """The same answers, graded in the other edition: the same scores for every learner, and the
    feedback in Chinese, likely causes included."""
    aid, root, mutants = graded_class
    chinese = aid + paths.ZH_SUFFIX
    if chinese not in paths.edition_ids():
        pytest.skip(f"{aid} has no Chinese edition")
    students = [check_assignment.REFERENCE, check_assignment.UNANSWERED, *[s for s, _, _ in mutants]]
    assert {s: scores(root, chinese, s) for s in students} == {s: scores(root, aid, s) for s in students}
    first = classroom.graded_functions(aid)[0][0]
    assert "尚未作答" in feedback_text(root, chinese, check_assignment.UNANSWERED, first)
    named = 0
    for student, name, mistake in mutants:
        english, text = feedback_text(root, aid, student, name), feedback_text(root, chinese, student, name)
        assert "个隐藏测试用例中通过" in text and "cases passed" not in text, text
        assert (mistake.hint in english) == (spec.in_language(mistake, "zh") in text), (student, text)
        named += mistake.hint in english
    assert named, "no likely cause was named: the comparison above proved nothing"
