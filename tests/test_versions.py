"""Right code written for either version of the original course earns full marks (issue 9).

tests/learner_versions/<id>_<version>.py holds every graded function as a correct learner of that
version wrote it: its seed lines, given asserts, old signatures and names, return forms and idioms
(each file's docstring lists them). Each function's text goes into its answer cell of the release
notebook, and real `nbgrader autograde` grades the reference and both versions in one run per
assignment.
"""
import ast
from pathlib import Path

import pytest

from autograder import classroom
from grading_helpers import autograde, feedback_text, max_scores, scores, scratch_course

LEARNER_VERSIONS = Path(__file__).resolve().parent / "learner_versions"
ASSIGNMENTS = ["c1w2_numpy_basics", "c1w2_logistic_regression", "c1w3_planar_classification",
               "c1w4_deep_nn_step_by_step", "c1w4_deep_nn_application",
               "c2w1_initialization", "c2w1_regularization", "c2w1_gradient_checking", "c2w2_optimization",
               "c4w1_convolution_step_by_step", "c5w1_rnn_step_by_step", "c5w1_char_language_model"]
# c2w3_batchnorm_softmax is ours (the course did it in TensorFlow): no learner of either version wrote it.
VERSIONS = ["original", "2021"]
OLD_NAMES = {"normalizeRows": "normalize_rows"}  # {name in the original course: today's graded name}


def answer_cells(aid, version):
    """{graded function: its answer cell's text}: each function of the learner file together with
    the top-level lines just above it (the original cells carried their own imports)."""
    text = (LEARNER_VERSIONS / f"{aid}_{version}.py").read_text()
    lines = text.splitlines()
    body = ast.parse(text).body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        start = body[0].end_lineno  # the module docstring describes the file; it is no cell
        body = body[1:]
    else:
        start = 0
    cells = {}
    for node in body:
        if isinstance(node, ast.FunctionDef):
            cells[OLD_NAMES.get(node.name, node.name)] = "\n".join(lines[start:node.end_lineno]).strip() + "\n"
            start = node.end_lineno
    return cells


def student(version):
    return f"learner-{version}"


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_learner_file_answers_every_graded_function(aid, version):
    graded = {name for name, _ in classroom.graded_functions(aid)}
    assert set(answer_cells(aid, version)) == graded


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded_versions(request, tmp_path_factory):
    """The reference and both versions' learners, graded by one `nbgrader autograde`."""
    aid = request.param
    root = scratch_course(tmp_path_factory.mktemp(aid), [aid])
    classroom.write(root, "reference", aid, classroom.fill(aid))
    for version in VERSIONS:
        classroom.write(root, student(version), aid, classroom.fill(aid, answer_cells(aid, version)))
    result = autograde(root, aid)
    assert result.returncode == 0, result.stderr[-3000:]
    return aid, root


def lost_points(root, aid, who):
    """'function: score/max' and the grader's feedback, for every function below full marks."""
    got, full = scores(root, aid, who), max_scores(aid)
    lost = []
    for grade_id, points in full.items():
        if got.get(grade_id) != points:
            name = grade_id.removeprefix("test_")
            lost.append(f"{name}: {got.get(grade_id)}/{points}\n{feedback_text(root, aid, who, name)}")
    return lost


def test_reference_keeps_full_marks(graded_versions):
    aid, root = graded_versions
    lost = lost_points(root, aid, "reference")
    assert not lost, f"{aid}: the reference lost points\n\n" + "\n\n".join(lost)


@pytest.mark.parametrize("version", VERSIONS)
def test_right_code_of_either_version_earns_full_marks(graded_versions, version):
    aid, root = graded_versions
    lost = lost_points(root, aid, student(version))
    assert not lost, f"{aid}, {version} version: right code lost points\n\n" + "\n\n".join(lost)
