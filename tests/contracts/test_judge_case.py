"""Contract of verdict scoring for one hidden case: _score_output, judge_case and _case_lines.
Results are hand-made CallResults; expected values come from the real reference, in-process."""
import copy

import numpy as np
import pytest

from autograder import reference, spec
from autograder.engine import verdict
from autograder.engine.session import CallResult
from autograder.shipped.edition import speaking

BASICS, DEEP, APP = "c1w2_numpy_basics", "c1w4_deep_nn_step_by_step", "c1w4_deep_nn_application"


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _case(aid, name, index=0):
    return spec.cases(aid, name)[index]


def _ok(output, args):
    return CallResult("ok", output=output, args_after=copy.deepcopy(tuple(args)))


def _hint(aid, name, new):
    """The hint of the spec's mistake that writes `new`, read from the spec rather than copied here."""
    (hint,) = [m.hint for m in spec.mistakes(aid, name) if m.new == new]
    return hint


# ---- _score_output: each returned value, and each key of a returned dict, is one check ----

PARAMS = {"W1": np.ones((2, 3)), "b1": np.zeros((2, 1)), "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}


def test_each_dict_key_is_one_check():
    got = dict(PARAMS, W1=PARAMS["W1"] * 3)
    fraction, problems = verdict._score_output(PARAMS, got, ["parameters"])
    assert fraction == 0.75 and len(problems) == 1 and problems[0].startswith("parameters['W1']")


def test_a_missing_key_fails_its_check_only():
    got = {k: v for k, v in PARAMS.items() if k != "b2"}
    assert verdict._score_output(PARAMS, got, ["parameters"]) == (0.75, ["parameters['b2']: missing"])


def test_extra_keys_cost_one_more_check():
    fraction, problems = verdict._score_output(PARAMS, dict(PARAMS, W3=np.ones(1)), ["parameters"])
    assert fraction == 4 / 5 and problems == ["parameters: unexpected keys ['W3']"]


def test_a_non_dict_for_a_dict_earns_nothing():
    fraction, problems = verdict._score_output(PARAMS, list(PARAMS.values()), ["parameters"])
    assert fraction == 0.0 and "expected a dict" in problems[0]


def test_each_returned_value_is_one_check():
    expected = (np.ones((2, 2)), (np.ones(2), 1.0))
    fraction, problems = verdict._score_output(expected, (np.ones((2, 2)), (np.ones(2), 2.0)), ["Z", "cache"])
    assert fraction == 0.5 and problems[0].startswith("cache[1]: expected about 1")


@pytest.mark.parametrize("got", [np.ones((2, 2)), (np.ones((2, 2)),), (1, 2, 3)])
def test_the_wrong_number_of_values_earns_nothing(got):
    fraction, problems = verdict._score_output((np.ones((2, 2)), 1.0), got, ["Z", "cache"])
    assert fraction == 0.0 and problems[0].startswith("the function should return 2 values")


def test_hidden_case_messages_are_approximate():
    _, (problem,) = verdict._score_output(0.123456, 0.654321, ["cost"])
    assert problem == "cost: expected about 0.12, got 0.65"


# ---- judge_case: statuses other than ok earn nothing ----

@pytest.mark.parametrize("result, line", [
    (CallResult("missing"), "there is no function of this name in your notebook (keep the given name and arguments)"),
    (CallResult("error", details={"ename": "NotImplementedError"}), "not answered yet (it raises NotImplementedError)"),
    (CallResult("timeout", message="did not finish within 10 s"), "did not finish within 10 s"),
    (CallResult("bad_output", message="the returned value is a Sneaky"), "the returned value is a Sneaky"),
])
def test_a_call_that_did_not_return_earns_nothing(result, line):
    assert verdict.judge_case(BASICS, "sigmoid", _case(BASICS, "sigmoid"), result) == (0.0, [line], None, None)


def test_an_error_names_the_exception_and_the_learners_last_frame():
    details = {"ename": "ValueError", "evalue": "operands could not be broadcast",
               "traceback": 'Traceback (most recent call last):\n  File "<cell 4>", line 3, in sigmoid\n'
                            '    return x @ x\nValueError: operands could not be broadcast\n'}
    _, (line,), _, _ = verdict.judge_case(BASICS, "sigmoid", _case(BASICS, "sigmoid"), CallResult("error", details=details))
    assert line == 'raised ValueError: operands could not be broadcast\n      at File "<cell 4>", line 3, in sigmoid'


# ---- judge_case: outputs ----

@pytest.mark.parametrize("index", range(4))
def test_a_right_answer_earns_the_whole_case(index):
    case = _case(BASICS, "sigmoid", index)
    assert verdict.judge_case(BASICS, "sigmoid", case, _ok(_sigmoid(case.args[0]), case.args)) == (1.0, [], None, None)


def test_a_right_answer_with_two_outputs_and_a_cache():
    A, W, b = _case(DEEP, "linear_forward").args
    result = _ok((W @ A + b, [A, W, b]), (A, W, b))  # a list for the tuple cache is fine
    assert verdict.judge_case(DEEP, "linear_forward", _case(DEEP, "linear_forward"), result)[0] == 1.0


def test_a_wrong_answer_earns_nothing_and_says_where():
    case = _case(BASICS, "sigmoid")
    fraction, lines, _, _ = verdict.judge_case(BASICS, "sigmoid", case, _ok(_sigmoid(case.args[0]) + 0.1, case.args))
    assert fraction == 0.0 and lines[0].startswith("s: 6 of 6 values differ")
    assert all("\n" not in line for line in lines)  # whole hidden arrays never reach feedback


def test_a_known_mistake_is_named_as_the_likely_cause():
    case = _case(BASICS, "sigmoid")
    got = 1 / (1 + np.exp(case.args[0]))
    fraction, _, cause, _ = verdict.judge_case(BASICS, "sigmoid", case, _ok(got, case.args))
    assert fraction == 0.0 and cause == _hint(BASICS, "sigmoid", "np.exp(x)")


def test_an_unknown_mistake_names_no_cause():
    case = _case(BASICS, "sigmoid")
    assert verdict.judge_case(BASICS, "sigmoid", case, _ok(case.args[0] * 0, case.args))[2] is None


def test_a_mistake_this_case_cannot_tell_apart_is_not_named():
    """On one row, the softmax without keepdims is right; a problem of another kind must not blame it."""
    case = _case(BASICS, "softmax", 1)
    assert case.args[0].shape[0] == 1
    x = case.args[0]
    right = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    fraction, lines, cause, _ = verdict.judge_case(BASICS, "softmax", case, CallResult("ok", right, None))
    assert fraction == 0.5 and len(lines) == 1 and cause is None


# ---- judge_case: arguments ----

def test_changing_an_argument_halves_the_case():
    case = _case(BASICS, "sigmoid")
    result = CallResult("ok", _sigmoid(case.args[0]), (case.args[0] + 1,))
    fraction, lines, _, _ = verdict.judge_case(BASICS, "sigmoid", case, result)
    assert fraction == 0.5
    assert lines == ["your function changed its argument `x` (work on a copy): half credit for this case"]


def test_changing_an_argument_and_a_wrong_output_earn_nothing():
    case = _case(BASICS, "sigmoid")
    result = CallResult("ok", _sigmoid(case.args[0]) * 2, (case.args[0] + 1,))
    assert verdict.judge_case(BASICS, "sigmoid", case, result)[0] == 0.0


@pytest.mark.parametrize("args_after", [None, ()])
def test_a_missing_report_of_the_arguments_halves_the_case(args_after):
    case = _case(BASICS, "sigmoid")
    fraction, lines, _, _ = verdict.judge_case(BASICS, "sigmoid", case,
                                               CallResult("ok", _sigmoid(case.args[0]), args_after))
    assert fraction == 0.5 and "could not see your function's arguments" in lines[0]


def test_an_argument_the_course_lets_change_may_change_without_a_report():
    case = _case(BASICS, "normalize_rows")
    x = case.args[0]
    right = x / np.sqrt((x * x).sum(axis=1, keepdims=True))
    assert verdict.judge_case(BASICS, "normalize_rows", case, CallResult("ok", right, None))[0] == 1.0
    assert verdict.judge_case(BASICS, "normalize_rows", case, CallResult("ok", right, (right,)))[0] == 1.0


def _update(params, grads, lr):
    return {k: v - lr * grads["d" + k] for k, v in params.items()}


def test_update_parameters_may_change_params_but_not_grads():
    case = _case(DEEP, "update_parameters")
    params, grads, lr = case.args
    updated = _update(params, grads, lr)
    in_place = verdict.judge_case(DEEP, "update_parameters", case, CallResult("ok", updated, (updated, grads, lr)))
    assert in_place[0] == 1.0
    spoiled = {k: v * 0 for k, v in grads.items()}
    fraction, lines, _, _ = verdict.judge_case(DEEP, "update_parameters", case,
                                               CallResult("ok", updated, (params, spoiled, lr)))
    assert fraction == 0.5 and "argument `grads['dW1']`" in lines[0]  # the first changed entry


# ---- judge_case: the original course's forms ----

def _backward(case):
    return verdict.run_trusted(reference.function(DEEP, "L_model_backward"), case.args)


def test_old_gradient_keys_earn_full_marks_with_a_note():
    case = _case(DEEP, "L_model_backward", 1)
    grads = _backward(case)
    L = len(case.args[2])
    old = {k: v for k, v in grads.items() if not k.startswith("dA")}
    old.update({f"dA{l + 1}": grads[f"dA{l}"] for l in range(L)})
    fraction, lines, cause, note = verdict.judge_case(DEEP, "L_model_backward", case, _ok(old, case.args))
    assert (fraction, lines, cause) == (1.0, [], None) and "dA1..dAL" in note


def test_old_keys_holding_the_wrong_arrays_do_not_pass():
    case = _case(DEEP, "L_model_backward", 1)
    grads = _backward(case)
    L = len(case.args[2])
    shifted = {k: v for k, v in grads.items() if not k.startswith("dA")}
    shifted.update({f"dA{l + 1}": grads[f"dA{l + 1}"] if l + 1 < L else grads["dA0"] for l in range(L)})
    assert verdict.judge_case(DEEP, "L_model_backward", case, _ok(shifted, case.args))[0] < 1.0


def test_returning_only_what_the_original_returned_is_graded_on_that_item():
    case = _case(APP, "two_layer_model")
    parameters, costs = verdict.run_trusted(reference.function(APP, "two_layer_model"), case.args,
                                            reference.call_seed(APP, "two_layer_model"))
    index, old_note = spec.old_return(APP, "two_layer_model")
    assert index == 0
    alone = verdict.judge_case(APP, "two_layer_model", case, _ok(parameters, case.args))
    assert alone[:3] == (1.0, [], None) and alone[3] == old_note[0]
    with speaking("zh"):  # the Chinese edition's feedback gives the note in Chinese
        assert verdict.judge_case(APP, "two_layer_model", case, _ok(parameters, case.args))[3] == old_note[1]
    both = verdict.judge_case(APP, "two_layer_model", case, _ok((parameters, costs), case.args))
    assert both == (1.0, [], None, None)
    one_key_wrong = dict(parameters, b2=parameters["b2"] + 1)
    assert verdict.judge_case(APP, "two_layer_model", case, _ok(one_key_wrong, case.args))[0] == 0.75



@pytest.mark.parametrize("index", [slice(0, 2), (0, 1)])
def test_returning_the_leading_items_the_original_returned_is_graded_on_them(monkeypatch, index):
    """OLD_RETURNS may name several items (a slice or a tuple of indices): the original returned
    those as a tuple of their own (c2w2's Adam: (parameters, v, s) of today's five)."""
    note = "the current version also returns db"
    monkeypatch.setattr(spec, "old_return", lambda aid, name: (index, note) if name == "linear_backward" else None)
    case = _case(DEEP, "linear_backward")
    dA_prev, dW, db = verdict.run_trusted(reference.function(DEEP, "linear_backward"), case.args)
    assert verdict.judge_case(DEEP, "linear_backward", case, _ok((dA_prev, dW), case.args)) == (1.0, [], None, note)
    fraction, lines, _, got_note = verdict.judge_case(DEEP, "linear_backward", case, _ok((dA_prev, dW + 1), case.args))
    assert fraction == 0.5 and lines[0].startswith("dW:") and got_note == note
    assert verdict.judge_case(DEEP, "linear_backward", case, _ok((dA_prev, dW, db), case.args)) == (1.0, [], None, None)
    fraction, lines, _, got_note = verdict.judge_case(DEEP, "linear_backward", case, _ok(dA_prev, case.args))
    assert fraction == 0.0 and "should return 3 values" in lines[0] and got_note is None


# ---- _case_lines: feedback blocks ----

def test_each_case_gets_a_block_and_long_lists_are_cut():
    reports = [("m = 1", 1.0, [], None), ("m = 5", 0.0, ["p1", "p2", "p3", "p4"], "a hint"),
               ("3 layers", 0.5, ["q"], None)]
    assert verdict._case_lines(reports) == [
        "  case m = 1: passed",
        "  case m = 5: FAILED", "    - p1", "    - p2", "    - p3", "    - ... and 1 more", "    likely cause: a hint",
        "  case 3 layers: partly (50%)", "    - q"]


def test_a_failure_common_to_every_case_is_said_once():
    reports = [(label, 0.0, ["not answered yet"], None) for label in "abc"]
    assert verdict._case_lines(reports) == ["  all 3 cases: FAILED", "    - not answered yet"]


def test_failures_that_differ_are_not_merged():
    reports = [("a", 0.0, ["x: expected about 1, got 2"], None), ("b", 0.0, ["x: expected about 3, got 4"], None)]
    assert verdict._case_lines(reports)[0] == "  case a: FAILED"


def test_one_failing_case_is_not_called_all_cases():
    assert verdict._case_lines([("a", 0.0, ["p"], "h")]) == ["  case a: FAILED", "    - p", "    likely cause: h"]


def test_a_report_of_the_wrong_type_is_a_missing_report_and_costs_half():
    case = _case(BASICS, "sigmoid")
    result = CallResult("ok", _sigmoid(case.args[0]), "not a list")
    assert verdict.judge_case(BASICS, "sigmoid", case, result)[0] == 0.5


# ---- ARGUMENT_OUTPUTS: an argument the function must change in place is graded like an output ----

LM = "c5w1_char_language_model"


def _optimize_result(case, train=True, lr_scale=1.0):
    """What the learner's optimize reports: the reference's outputs, and the parameters as a right
    (train=True) or a lazy (train=False) update left them."""
    args = copy.deepcopy(case.args)
    X, Y, a_prev, params, lr = args
    output = reference.function(LM, "optimize")(X, Y, a_prev, params, lr * lr_scale) if train else None
    if not train:
        output = reference.function(LM, "optimize")(*copy.deepcopy(case.args))
        params.update(copy.deepcopy(case.args[3]))  # the caller's parameters left as they were
    return CallResult("ok", output, tuple(args))


def test_the_parameters_optimize_trains_in_place_are_graded():
    case = _case(LM, "optimize")
    assert verdict.judge_case(LM, "optimize", case, _optimize_result(case))[0] == 1.0
    fraction, lines, cause, _ = verdict.judge_case(LM, "optimize", case, _optimize_result(case, train=False))
    assert fraction == 0.75 and any("parameters after the call" in line for line in lines)
    assert cause == _hint(LM, "optimize", "")  # the mistake that drops the update is named


def test_a_wrong_learning_rate_shows_in_the_parameters_only():
    case = _case(LM, "optimize", 1)
    fraction, lines, _, _ = verdict.judge_case(LM, "optimize", case, _optimize_result(case, lr_scale=3.0))
    assert fraction == 0.75 and all("parameters after the call" in line for line in lines)
