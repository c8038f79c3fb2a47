"""The rules that make right code of both course versions earn full marks, checked in-process
(the whole path, through real `nbgrader autograde`, is tests/test_versions.py)."""
import importlib
import sys

import numpy as np
import pytest

from autograder import paths, reference, spec
from autograder.shipped import check_utils
from autograder.engine import verdict
from autograder.engine.session import CallResult

SHIPPED_DIR = str(paths.ROOT / "autograder" / "shipped")
ENGINE_DIR = str(paths.ROOT / "autograder" / "engine")


@pytest.fixture(scope="module")
def harness():
    """The kernel-side harness, imported as the kernel imports it (plain_data beside it)."""
    sys.path.insert(0, SHIPPED_DIR)
    sys.path.insert(0, ENGINE_DIR)
    try:
        yield importlib.import_module("harness")
    finally:
        sys.path.remove(SHIPPED_DIR)
        sys.path.remove(ENGINE_DIR)


# ---- values: bool, integer and float labels are the same answer ----

@pytest.mark.parametrize("got", [np.array([[1.0, 0.0, 1.0]]), np.array([[1, 0, 1]]),
                                 np.array([[True, False, True]])])
def test_predictions_as_bools_ints_or_floats_compare_equal(got):
    assert check_utils.compare(np.array([[True, False, True]]), got) == []
    assert check_utils.compare(np.array([[1.0, 0.0, 1.0]]), got) == []


def test_an_int_zero_is_a_right_bias_and_wrong_values_still_fail():
    assert check_utils.compare(0.0, 0) == []
    assert check_utils.compare(np.array([[1.0, 0.0]]), np.array([[0, 0]]))
    assert check_utils.compare(np.array([[1.0, 0.0]]), np.array([1.0, 0.0]))  # shapes stay strict
    assert check_utils.compare(0.0, "0")


# ---- seeds: read from the reference's given scaffold, the ones API.md lists ----

@pytest.mark.parametrize("aid,name,seed", [
    ("c1w3_planar_classification", "initialize_parameters", 2), ("c1w3_planar_classification", "nn_model", 3),
    ("c1w4_deep_nn_step_by_step", "initialize_parameters", 1),
    ("c1w4_deep_nn_step_by_step", "initialize_parameters_deep", 3),
    ("c1w4_deep_nn_application", "two_layer_model", 1), ("c1w4_deep_nn_application", "L_layer_model", 1),
    ("c1w3_planar_classification", "forward_propagation", None)])
def test_each_seeded_function_is_called_right_after_its_seed(aid, name, seed):
    assert reference.seed(aid, name) == seed
    assert reference.call_seed(aid, name) == (0 if seed is None else seed)


# ---- the harness: other names and the original signatures ----

def test_the_harness_finds_a_function_by_its_old_name(harness):
    def normalizeRows(x):
        return x
    request = {"function": "normalize_rows", "aliases": spec.aliases("c1w2_numpy_basics", "normalize_rows")}
    assert harness._find({"normalizeRows": normalizeRows}, request) is normalizeRows
    assert harness._find({}, request) is None


def test_the_harness_passes_the_old_arguments_only_to_the_old_signature(harness, tmp_path):
    aid, case = "c1w3_planar_classification", spec.cases("c1w3_planar_classification", "compute_cost")[0]
    old = spec.old_arguments(aid, "compute_cost", case.args)
    request = {"args": harness.plain_data.to_jsonable(case.args), "old_args": harness.plain_data.to_jsonable(old)}
    assert len(harness._arguments(lambda A2, Y: None, request)) == 2
    assert len(harness._arguments(lambda A2, Y, parameters: None, request)) == 3
    assert len(harness._arguments(lambda *anything: None, request)) == 2


# ---- verdicts ----

def test_no_likely_cause_from_a_mistake_this_case_cannot_tell_apart():
    """normalize_rows without keepdims is right on one row: it must not be named there."""
    aid, name = "c1w2_numpy_basics", "normalize_rows"
    one_row = next(c for c in spec.cases(aid, name) if c.args[0].shape[0] == 1)
    right = reference.function(aid, name)(one_row.args[0].copy())
    assert verdict.likely_cause(aid, name, one_row.args, right, right, ["x"]) is None


def test_dividing_x_in_place_keeps_full_marks():
    aid, name = "c1w2_numpy_basics", "normalize_rows"
    case = spec.cases(aid, name)[0]
    right = reference.function(aid, name)(case.args[0].copy())
    fraction, problems, _, _ = verdict.judge_case(aid, name, case, CallResult("ok", right, (right,)))
    assert (fraction, problems) == (1.0, [])


def test_changing_an_argument_elsewhere_still_halves_the_case():
    aid, name = "c1w4_deep_nn_step_by_step", "linear_forward"
    case = spec.cases(aid, name)[0]
    expected = reference.function(aid, name)(*case.args)
    changed = (case.args[0] * 2, *case.args[1:])
    fraction, problems, _, _ = verdict.judge_case(aid, name, case, CallResult("ok", expected, changed))
    assert fraction == 0.5 and "changed its argument `A`" in problems[-1]


def test_an_old_model_returning_parameters_alone_is_graded_on_them_with_a_note():
    aid, name = "c1w4_deep_nn_application", "two_layer_model"
    case = spec.cases(aid, name)[1]
    parameters, _costs = verdict.run_trusted(reference.function(aid, name), case.args, 1)
    fraction, problems, _, note = verdict.judge_case(aid, name, case, CallResult("ok", parameters, case.args))
    assert (fraction, problems) == (1.0, []) and "returns (parameters, costs)" in note
    wrong = {k: v + 1 for k, v in parameters.items()}
    assert verdict.judge_case(aid, name, case, CallResult("ok", wrong, case.args))[0] == 0.0


def test_original_gradient_keys_dA1_to_dAL_earn_full_marks_and_wrong_values_do_not():
    aid, name = "c1w4_deep_nn_step_by_step", "L_model_backward"
    case = spec.cases(aid, name)[1]
    grads = verdict.run_trusted(reference.function(aid, name), case.args)
    L = sum(k.startswith("dW") for k in grads)
    original = {**{k: v for k, v in grads.items() if not k.startswith("dA")},
                **{f"dA{l + 1}": grads[f"dA{l}"] for l in range(L)}}
    fraction, problems, _, note = verdict.judge_case(aid, name, case, CallResult("ok", original, case.args))
    assert (fraction, problems) == (1.0, []) and "dA1..dAL" in note
    original["dA1"] = original["dA1"] + 1
    assert verdict.judge_case(aid, name, case, CallResult("ok", original, case.args))[0] < 1.0


def test_a_visible_check_says_in_words_when_the_signature_differs(capsys):
    from test_reference import shipped_modules
    with shipped_modules("c1w3_planar_classification"):
        import public_tests

        def compute_cost(A2, Y, parameters):  # the original signature
            return 0.0
        with pytest.raises(AssertionError, match="cannot be called"):
            public_tests.compute_cost_test(compute_cost)
    assert "Keep the arguments of the given first line" in capsys.readouterr().out


def test_a_visible_check_seeds_a_function_whose_seed_line_moved_into_the_test(capsys):
    from test_reference import shipped_modules
    with shipped_modules("c1w3_planar_classification"):
        import public_tests

        def initialize_parameters(n_x, n_h, n_y):  # 2021+: no np.random.seed(2) line
            return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
                    "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
        np.random.seed(123)
        public_tests.initialize_parameters_test(initialize_parameters)
    assert "All tests passed" in capsys.readouterr().out


def test_the_grading_kernel_restores_removed_numpy_names_and_leaves_no_name_behind():
    from autograder import sandbox
    from autograder.engine.kernel import SandboxedKernel
    kernel = SandboxedKernel(sandbox.new_scratch())
    try:
        kernel.start()
        outputs = []
        kernel.run("import numpy as np\nprint(np.float(3), np.int(2.7), np.asscalar(np.ones((1, 1))), np.NaN,"
                   " float(np.ones((1, 1, 1))))\nprint(sorted(k for k in dir() if 'restore' in k or k == 'warnings'))",
                   timeout=30, outputs=outputs)
        assert "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout") == "3.0 2 1.0 nan 1.0\n[]\n"
    finally:
        kernel.shutdown()
        sandbox.remove_scratch(kernel.scratch)
