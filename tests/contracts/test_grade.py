"""Contract of verdict.grade: how it asks a session for calls and adds cases up into points.
The session is a fake whose `call` answers from a function of the arguments, so no kernel runs."""
import copy

import numpy as np
import pytest

from autograder import reference, spec
from autograder.engine import verdict
from autograder.engine.session import CallResult

BASICS, DEEP, PLANAR = "c1w2_numpy_basics", "c1w4_deep_nn_step_by_step", "c1w3_planar_classification"


class FakeSession:
    """Records every call; `answer(args)` returns the CallResult."""

    def __init__(self, answer):
        self.answer, self.calls = answer, []

    def call(self, name, args, callees=(), seed=0, aliases=(), old_args=None):
        self.calls.append({"name": name, "args": args, "callees": list(callees), "seed": seed,
                           "aliases": list(aliases), "old_args": old_args})
        return self.answer(args)


def sigmoid_answer(wrong_when=lambda x: False, report_args=True):
    def answer(args):
        x = args[0]
        s = 1 / (1 + np.exp(-x))
        return CallResult("ok", s * 2 if wrong_when(x) else s, copy.deepcopy(args) if report_args else None)
    return answer


def test_a_right_answer_earns_every_point():
    result = verdict.grade(FakeSession(sigmoid_answer()), BASICS, "sigmoid", 10)
    assert (result.points, result.max_points, result.cases, result.passed) == (10, 10, 4, 4)
    assert result.likely_causes == [] and all(line.endswith("passed") for line in result.lines)


def test_cases_are_worth_the_same():
    """The 3-D case of sigmoid is wrong: 3 of 4 cases."""
    result = verdict.grade(FakeSession(sigmoid_answer(lambda x: x.ndim == 3)), BASICS, "sigmoid", 10)
    assert (result.points, result.passed) == (7.5, 3)
    assert "case a 3-D array of shape (2, 3, 2): FAILED" in "\n".join(result.lines)


def test_partial_cases_add_up():
    """Arguments not reported: every case at half credit."""
    result = verdict.grade(FakeSession(sigmoid_answer(report_args=False)), BASICS, "sigmoid", 8)
    assert (result.points, result.passed) == (4, 0)


def test_points_are_rounded_to_hundredths():
    """One of three cases right on 10 points: 3.33."""
    session = FakeSession(lambda args: CallResult("ok", None, copy.deepcopy(args)))
    linear = verdict.grade(session, DEEP, "linear_forward", 10)
    assert linear.points == 0 and linear.cases == 3

    def one_right(args):
        A, W, b = args
        right = (W @ A + b, (A, W, b))
        return CallResult("ok", right if A.shape[1] == 1 else None, copy.deepcopy(args))
    assert verdict.grade(FakeSession(one_right), DEEP, "linear_forward", 10).points == 3.33


@pytest.mark.parametrize("status", ["timeout", "died", "out_of_time"])
def test_after_a_hang_or_a_crash_no_other_case_is_tried(status):
    session = FakeSession(lambda args: CallResult(status, message=f"{status} happened"))
    result = verdict.grade(session, BASICS, "sigmoid", 10)
    assert len(session.calls) == 1
    assert (result.points, result.passed, result.cases) == (0, 0, 4)
    assert result.lines == ["  all 4 cases: FAILED", f"    - {status} happened"]


def test_an_error_does_not_stop_the_other_cases():
    def crash_on_columns(args):
        if args[0].ndim == 2 and args[0].shape[1] == 1:
            return CallResult("error", details={"ename": "IndexError", "evalue": "boom"})
        return sigmoid_answer()(args)
    session = FakeSession(crash_on_columns)
    result = verdict.grade(session, BASICS, "sigmoid", 10)
    assert len(session.calls) == 4 and result.passed == 2  # the 1x1 and the (4, 1) case crash


def test_the_session_gets_callees_aliases_seed_and_old_arguments():
    calls = []
    for aid, name in [(BASICS, "sigmoid_derivative"), (BASICS, "normalize_rows"),
                      (DEEP, "initialize_parameters"), (PLANAR, "compute_cost")]:
        session = FakeSession(lambda args: CallResult("missing"))
        verdict.grade(session, aid, name, 10)
        calls.append(session.calls[0])
    derivative, normalize, init, cost = calls
    assert derivative["callees"] == ["sigmoid"]          # one mistake in sigmoid costs points once
    assert normalize["aliases"] == ["normalizeRows"]      # the original course's name
    assert init["seed"] == 1                              # the scaffold's np.random.seed(1)
    assert derivative["seed"] == 0 and derivative["old_args"] is None
    assert len(cost["old_args"]) == len(cost["args"]) + 1  # the original took the parameters too


def test_a_variant_asks_for_that_draw_and_judges_against_it():
    session = FakeSession(sigmoid_answer())
    result = verdict.grade(session, BASICS, "sigmoid", 10, variant=12345)
    drawn = [case.args[0] for case in spec.cases(BASICS, "sigmoid", 12345)]
    fixed = [case.args[0] for case in spec.cases(BASICS, "sigmoid")]
    assert all(np.array_equal(call["args"][0], x) for call, x in zip(session.calls, drawn))
    assert not any(np.array_equal(call["args"][0], x) for call, x in zip(session.calls, fixed))
    assert result.points == 10


def test_a_likely_cause_is_listed_once_however_many_cases_show_it():
    def exponent_sign(args):
        return CallResult("ok", 1 / (1 + np.exp(args[0])), copy.deepcopy(args))
    result = verdict.grade(FakeSession(exponent_sign), BASICS, "sigmoid", 10)
    assert result.points == 0 and len(result.likely_causes) == 1
    assert sum("likely cause" in line for line in result.lines) == 4


def test_a_note_about_the_old_version_is_kept_once_and_costs_nothing():
    def old_keys(args):
        grads = verdict.run_trusted(reference.function(DEEP, "L_model_backward"), args)
        L = len(args[2])
        renamed = {k: v for k, v in grads.items() if not k.startswith("dA")}
        renamed.update({f"dA{l + 1}": grads[f"dA{l}"] for l in range(L)})
        return CallResult("ok", renamed, copy.deepcopy(args))
    result = verdict.grade(FakeSession(old_keys), DEEP, "L_model_backward", 10)
    assert result.points == 10 and len(result.notes) == 1
    assert "  note: " + result.notes[0] in result.text()


def test_the_verdict_text_opens_with_the_score():
    result = verdict.grade(FakeSession(sigmoid_answer(lambda x: x.ndim == 3)), BASICS, "sigmoid", 10)
    assert result.text().splitlines()[0] == (
        "sigmoid: 7.5 of 10 points (3 of 4 cases passed; the grader chose cases you have not seen)")
