"""Gradient checking: the reference against independent oracles, the course's published numbers, and
the notebook's given backward passes (the planted one and the corrected one).

Also checks that answers written differently from the reference (as learners of the course wrote
them) earn full marks on every hidden case, and that the helpers behave as the notebook says.
"""
import copy

import numpy as np
import pytest

from alternatives import assert_right_on_hidden_cases
from oracles import numeric_gradient, rel_error

from autograder import paths, reference, spec
from autograder.assignment import Assignment
from autograder.builder import template
from autograder.shipped import check_utils

AID = "c2w1_gradient_checking"
ref = reference.load(AID)
gc = reference.import_course_file(AID, paths.COURSE / AID / "gc_utils.py", "gc_utils_under_test")
fixtures = reference.import_course_file(AID, paths.COURSE / AID / "testCases.py", "gc_fixtures_under_test")
grading = spec.load(AID)
KEYS = ["W1", "b1", "W2", "b2", "W3", "b3"]


def notebook_backward_passes():
    """(planted, corrected): the two backward_propagation_n the notebook defines, in that order."""
    found = []
    for block in template.parse(Assignment(AID).template):
        if block.kind == "code" and "def backward_propagation_n(" in block.text:
            namespace = {"np": np}
            exec(compile(block.text, "<notebook>", "exec"), namespace)
            found.append(namespace["backward_propagation_n"])
    assert len(found) == 2
    return found


PLANTED, CORRECTED = notebook_backward_passes()


def course_network():
    """The course's fixture: seed 1, X (4, 3), Y = [1, 1, 0], then W1, b1, W2, b2, W3, b3."""
    np.random.seed(1)
    X = np.random.randn(4, 3)
    Y = np.array([1, 1, 0])
    parameters = {"W1": np.random.randn(5, 4), "b1": np.random.randn(5, 1), "W2": np.random.randn(3, 5),
                  "b2": np.random.randn(3, 1), "W3": np.random.randn(1, 3), "b3": np.random.randn(1, 1)}
    return X, Y, parameters


def _cost_oracle(X, Y, parameters):
    """The cost written independently: ReLU as a mask, the log-loss through logaddexp."""
    A = X
    for layer in (1, 2):
        Z = parameters[f"W{layer}"] @ A + parameters[f"b{layer}"]
        A = Z * (Z > 0)
    Z3 = parameters["W3"] @ A + parameters["b3"]
    return float(np.mean(Y * np.logaddexp(0, -Z3) + (1 - Y) * np.logaddexp(0, Z3)))


# ---- the course's published numbers ----

def test_one_dimensional_check_gives_the_published_difference():
    difference = ref.gradient_check(2, 4)
    assert difference == pytest.approx(2.9193e-10, rel=1e-3)
    assert difference < 2e-7


def test_planted_backward_gives_the_published_difference():
    X, Y, parameters = course_network()
    _, cache = gc.forward_propagation_n(X, Y, parameters)
    difference = ref.gradient_check_n(parameters, PLANTED(X, Y, cache), X, Y)
    assert difference == pytest.approx(0.2850931567761623, rel=1e-6)


def test_corrected_backward_passes_the_check_as_in_the_course():
    """The 2021 course's second accepted value, 1.189e-07: rounding noise at epsilon = 1e-7, so loosely."""
    X, Y, parameters = course_network()
    _, cache = gc.forward_propagation_n(X, Y, parameters)
    difference = ref.gradient_check_n(parameters, CORRECTED(X, Y, cache), X, Y)
    assert difference < 2e-7
    assert difference == pytest.approx(1.1890913024229996e-07, rel=0.05)


def test_visible_fixture_is_the_course_network_with_the_planted_gradients():
    X, Y, parameters = course_network()
    parameters_f, gradients_f, X_f, Y_f, epsilon = fixtures.gradient_check_n_test_case()
    assert epsilon == 1e-5
    assert np.array_equal(X, X_f) and np.array_equal(Y.reshape(1, -1), Y_f)
    assert all(np.array_equal(parameters[k], parameters_f[k]) for k in KEYS)
    planted = PLANTED(X_f, Y_f, gc.forward_propagation_n(X_f, Y_f, parameters_f)[1])
    for key in gradients_f:
        assert np.allclose(gradients_f[key], planted[key], rtol=1e-12, atol=1e-14), key


# ---- the given code against independent oracles ----

def test_forward_pass_cost_matches_an_independent_computation():
    for seed, m in [(0, 1), (1, 4), (2, 9)]:
        rng = np.random.RandomState(seed)
        X, Y = rng.randn(4, m), (rng.rand(1, m) > 0.5).astype(float)
        parameters = {k: rng.randn(*s) for k, s in gc.SHAPES}
        cost, cache = gc.forward_propagation_n(X, Y, parameters)
        assert np.isclose(cost, _cost_oracle(X, Y, parameters), rtol=1e-10)
        assert len(cache) == 12 and cache[9].shape == (1, m)


@pytest.mark.parametrize("seed,m", [(3, 3), (4, 1), (5, 6)])
def test_corrected_backward_matches_finite_differences_and_the_planted_one_does_not(seed, m):
    rng = np.random.RandomState(seed)
    X, Y = rng.randn(4, m), (rng.rand(1, m) > 0.5).astype(float)
    parameters = {k: rng.randn(*s) for k, s in gc.SHAPES}
    _, cache = gc.forward_propagation_n(X, Y, parameters)
    right, planted = CORRECTED(X, Y, cache), PLANTED(X, Y, cache)
    for key in KEYS:
        numeric = numeric_gradient(lambda: _cost_oracle(X, Y, parameters), parameters[key])
        assert rel_error(right["d" + key], numeric) < 1e-5, key
        if key in ("W2", "b1") and np.abs(numeric).max() > 1e-6:
            assert rel_error(planted["d" + key], numeric) > 0.3, key
        elif key not in ("W2", "b1"):
            assert rel_error(planted["d" + key], numeric) < 1e-5, key


def test_grading_exact_gradients_are_exact():
    """The hidden cases' `exact` gradients agree with finite differences of the independent cost."""
    rng = np.random.RandomState(7)
    X, Y = rng.randn(4, 5), (rng.rand(1, 5) > 0.5).astype(float)
    parameters = {k: rng.randn(*s) for k, s in gc.SHAPES}
    gradients = grading._backward(X, Y, parameters)
    for key in KEYS:
        numeric = numeric_gradient(lambda: _cost_oracle(X, Y, parameters), parameters[key])
        assert rel_error(gradients["d" + key], numeric) < 1e-5, key


def test_vector_helpers_round_trip_in_row_major_order():
    rng = np.random.RandomState(0)
    parameters = {k: rng.randn(*s) for k, s in gc.SHAPES}
    theta, keys = gc.dictionary_to_vector(parameters)
    assert theta.shape == (47, 1) and len(keys) == 47
    assert theta[1, 0] == parameters["W1"][0, 1] and theta[20, 0] == parameters["b1"][0, 0]
    assert [keys.count(k) for k in KEYS] == [20, 5, 15, 3, 3, 1]
    back = gc.vector_to_dictionary(theta)
    assert all(np.array_equal(back[k], parameters[k]) for k in KEYS)
    gradients = {"d" + k: v for k, v in parameters.items()}
    gradients.update({"dZ1": np.ones((5, 2)), "dA1": np.ones((5, 2))})  # ignored
    assert np.array_equal(gc.gradients_to_vector(gradients), theta)


def test_gradient_check_n_does_not_change_its_inputs():
    parameters, gradients, X, Y, _ = fixtures.gradient_check_n_test_case()
    before = copy.deepcopy((parameters, gradients, X, Y))
    ref.gradient_check_n(parameters, gradients, X, Y)
    assert not check_utils.compare(before, (parameters, gradients, X, Y))


def test_epsilon_tradeoff_shown_in_the_notebook():
    """Section 6: truncation error ~ epsilon**2 at large epsilon, rounding error at tiny epsilon."""
    X, Y, parameters = course_network()
    gradients = CORRECTED(X, Y, gc.forward_propagation_n(X, Y, parameters)[1])
    d = {e: ref.gradient_check_n(parameters, gradients, X, Y, e) for e in (1e-2, 1e-3, 1e-5, 1e-10)}
    assert 50 < d[1e-2] / d[1e-3] < 200  # a slope of 2 on the log-log plot
    assert d[1e-5] < d[1e-3] and d[1e-5] < d[1e-10]
    assert max(d.values()) < 1e-3  # a correct backward pass stays far below the planted one's 0.29


# ---- hidden cases: what each exists for holds in every draw ----

@pytest.mark.parametrize("variant", [0, 1, 2024])
def test_hidden_network_cases_separate_right_from_wrong(variant):
    cases = spec.cases(AID, "gradient_check_n", variant)
    exact, planted, wide, small = (ref.gradient_check_n(*copy.deepcopy(c.args)) for c in cases)
    assert exact < 1e-6  # rounding noise: within the comparison's tolerance of any right answer
    assert planted > 1e-2 and small > 1e-3
    assert 1e-10 < wide < 1e-5  # truncation error at epsilon = 1e-3 (no ReLU kink crossed), not noise


# ---- other right answers pass every hidden case ----

def _check_n_with_shift_vectors(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    theta, _ = gc.dictionary_to_vector(parameters)
    grad = gc.gradients_to_vector(gradients)
    approx = []
    for i in range(theta.shape[0]):
        shift = np.zeros_like(theta)
        shift[i, 0] = epsilon
        j_plus = gc.forward_propagation_n(X, Y, gc.vector_to_dictionary(theta + shift))[0]
        j_minus = gc.forward_propagation_n(X, Y, gc.vector_to_dictionary(theta - shift))[0]
        approx.append((j_plus - j_minus) / 2 / epsilon)
    approx = np.array(approx).reshape(-1, 1)
    norm = lambda v: np.sqrt(np.sum(v ** 2))  # noqa: E731
    return norm(grad - approx) / (norm(grad) + norm(approx))


def _check_with_abs(x, theta, epsilon=1e-7, print_msg=False):
    gradapprox = (ref.forward_propagation(x, theta + epsilon) - ref.forward_propagation(x, theta - epsilon)) / (2 * epsilon)
    grad = ref.backward_propagation(x, theta)
    return abs(grad - gradapprox) / (abs(grad) + abs(gradapprox))


ALTERNATIVES = {
    "forward_propagation": lambda x, theta: np.dot(theta, x),
    "backward_propagation": lambda x, theta: x * 1,
    "gradient_check": _check_with_abs,
    "gradient_check_n": _check_n_with_shift_vectors,
}


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_other_correct_answers_pass_every_hidden_case(name):
    assert_right_on_hidden_cases(AID, name, ALTERNATIVES[name], variants=(0, 1, 2024))