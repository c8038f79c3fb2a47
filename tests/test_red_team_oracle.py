"""Finding 3: feedback as an oracle. Hidden-case answers seen once (in feedback, or by asking the
callee proxy) must not earn points when submitted again, and feedback must not print values
precise enough to pass. Real `nbgrader autograde` in a scratch course."""
import re

import nbformat
import numpy as np
import pytest

from autograder.assignment import Assignment
from autograder import classroom, reference, spec
from autograder.engine import variant
from grading_helpers import autograde, feedback_text, max_scores, scores, scratch_course

AID = "c1w2_numpy_basics"
FUNCTION = "sigmoid"

REPLAY = '''
import numpy as np

SEEN = {seen!r}  # (input, answer) pairs of hidden cases, as a learner could have collected them

def sigmoid(x):
    for given, answer in SEEN:
        if np.shape(x) == np.shape(given) and np.allclose(x, given):
            return np.array(answer)
    return np.zeros_like(np.asarray(x, dtype=float))
'''


def _replayer(draw):
    """A submission that knows the right answers of every hidden case of one draw, and nothing else."""
    fn = reference.function(AID, FUNCTION)
    seen = [(np.asarray(c.args[0]).tolist(), np.asarray(fn(*c.args)).tolist()) for c in spec.cases(AID, FUNCTION, draw)]
    return classroom.fill(AID, {FUNCTION: REPLAY.format(seen=seen)})


def _draw_of(root, student):
    nb = nbformat.read(root / "autograded" / student / AID / Assignment(AID).notebook_name, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"test_{FUNCTION}")
    return cell.metadata["autograder"]["draw"]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """First round: a correct learner (whose cases an attacker learns) and a wrong one; second round:
    submissions replaying the first learner's cases, and the fixed cases anyone can compute from the specs."""
    root = scratch_course(tmp_path_factory.mktemp("oracle"), [AID])
    classroom.write(root, "scout", AID, classroom.fill(AID))
    wrong_sign = next(m for m in spec.mistakes(AID, FUNCTION) if m.new == "np.exp(x)")
    classroom.write(root, "wrong", AID, classroom.mutant(AID, FUNCTION, wrong_sign))
    assert autograde(root, AID).returncode == 0
    classroom.write(root, "replays-the-scout", AID, _replayer(_draw_of(root, "scout")))
    classroom.write(root, "replays-the-fixed-cases", AID, _replayer(0))
    for student in ("replays-the-scout", "replays-the-fixed-cases"):
        assert autograde(root, AID, "--student", student).returncode == 0
    return root


def test_the_grader_draws_cases_per_submission(course):
    assert _draw_of(course, "scout") not in (0, _draw_of(course, "replays-the-scout"))


@pytest.mark.parametrize("student", ["replays-the-scout", "replays-the-fixed-cases"])
def test_answers_seen_once_do_not_pass_again(course, student):
    assert scores(course, AID, student)[f"test_{FUNCTION}"] == 0


def test_the_same_submission_gets_the_same_draw_and_score(course):
    again = scores(course, AID, "scout")
    assert autograde(course, AID, "--student", "scout", "--force").returncode == 0
    assert scores(course, AID, "scout") == again == max_scores(AID)


def test_feedback_says_what_is_wrong_without_a_value_to_copy(course):
    text = feedback_text(course, AID, "wrong", FUNCTION)
    shown = re.findall(r"expected about (\S+), got (\S+)", text)
    assert shown, text
    for expected, _ in shown:
        digits = re.sub(r"[^0-9]", "", expected.split("e")[0]).lstrip("0")
        assert len(digits) <= 2, f"too precise: {expected}"


def test_variants_depend_on_secret_and_code(tmp_path):
    first = variant.course_secret(tmp_path)
    assert variant.course_secret(tmp_path) == first  # made once, then kept
    assert (tmp_path / variant.SECRET_FILE).stat().st_mode & 0o077 == 0
    nb = classroom.fill(AID)
    same = variant.variant(first, AID, variant.submission_digest(nb))
    assert same == variant.variant(first, AID, variant.submission_digest(nb))
    next(c for c in nb.cells if c.cell_type == "code").source += "\n# one more comment"
    assert variant.variant(first, AID, variant.submission_digest(nb)) != same
    assert variant.variant(b"another course", AID, variant.submission_digest(nb)) != same
