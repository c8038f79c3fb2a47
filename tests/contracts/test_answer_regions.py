"""Contract of answer regions: every graded function's reference marks the learner's part with
### BEGIN SOLUTION / ### END SOLUTION, and a badly marked function stops the build with its name."""
import pytest

from autograder import paths, reference
from autograder.builder import notebook, template
from autograder.errors import CourseError

ASSIGNMENTS = ["c1w2_numpy_basics", "c1w4_deep_nn_step_by_step"]


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_every_graded_function_has_balanced_answer_regions(aid):
    for name, _points in template.graded(template.parse(paths.COURSE / aid / "notebook.md")):
        text = reference.check_markers(aid, name)
        assert text.startswith(f"def {name}(")
        assert text.count(reference.BEGIN) == text.count(reference.END) >= 1


def test_the_answer_cell_is_the_marked_reference_under_its_header():
    cell = notebook.answer_cell("c1w2_numpy_basics", "sigmoid")
    assert cell.source.startswith("# GRADED FUNCTION: sigmoid\n\ndef sigmoid(x):")
    assert reference.BEGIN in cell.source and reference.END in cell.source
    meta = cell.metadata["nbgrader"]
    assert (meta["grade_id"], meta["solution"], meta["grade"], meta["locked"]) == ("sigmoid", True, False, False)


def _markers(monkeypatch, body):
    source = "def f(x):\n" + "".join(f"    {line}\n" for line in body) + "    return x\n"
    monkeypatch.setattr(reference, "source", lambda aid, name: source)
    return reference.check_markers("c1w2_numpy_basics", "f")


def test_two_separate_regions_are_fine(monkeypatch):
    _markers(monkeypatch, [reference.BEGIN, "x = 1", reference.END, "y = 2", reference.BEGIN, "x = y", reference.END])


@pytest.mark.parametrize("body, problem", [
    (["x = 1"], "has no answer region"),
    ([reference.BEGIN, "x = 1"], "is never closed"),
    (["x = 1", reference.END], "without a"),
    ([reference.BEGIN, reference.BEGIN, "x = 1", reference.END], "nested"),
])
def test_bad_markers_name_the_function_and_the_problem(monkeypatch, body, problem):
    with pytest.raises(CourseError) as raised:
        _markers(monkeypatch, body)
    assert problem in raised.value.problem
    assert str(raised.value.where).endswith(": f")  # the reference file, then the function
