"""The numpy-basics reference against independent oracles, and other correct answers against the grader.

A learner's answer written differently from the reference (np.dot for L2, a max-shifted softmax, the
norm computed by hand) must match the reference on every hidden case, or the grader would take
points from right answers.
"""
import copy
import math

import numpy as np
import pytest

from autograder import reference, spec
from autograder.shipped import check_utils

AID = "c1w2_numpy_basics"
ref = reference.load(AID)


def _all_hidden_args(name):
    return [case.args for case in spec.cases(AID, name)]


def test_sigmoid_derivative_matches_finite_differences():
    x = np.linspace(-6, 6, 25)
    h = 1e-6
    numeric = (ref.sigmoid(x + h) - ref.sigmoid(x - h)) / (2 * h)
    assert np.allclose(ref.sigmoid_derivative(x), numeric, rtol=1e-6, atol=1e-10)


def test_basic_sigmoid_returns_a_python_float_equal_to_the_array_version():
    for x in (-4, -0.5, 0, 2.25):
        value = ref.basic_sigmoid(x)
        assert type(value) is float and math.isclose(value, float(ref.sigmoid(np.array(x))))


def test_softmax_rows_are_distributions_and_ignore_a_shift():
    x = np.random.RandomState(0).randn(4, 6)
    s = ref.softmax(x)
    assert np.all(s > 0) and np.allclose(s.sum(axis=1), 1)
    assert np.allclose(ref.softmax(x + 100.0), s)


def test_normalize_rows_gives_unit_rows_and_keeps_directions():
    x = np.random.RandomState(1).randn(5, 3)
    out = ref.normalize_rows(x)
    assert np.allclose(np.linalg.norm(out, axis=1), 1)
    assert np.allclose(out * np.linalg.norm(x, axis=1, keepdims=True), x)


def test_image2vector_keeps_row_major_order():
    image = np.arange(24.0).reshape(2, 3, 4)
    assert np.array_equal(ref.image2vector(image), np.arange(24.0).reshape(24, 1))


ALTERNATIVES = {
    "basic_sigmoid": lambda x: 1.0 / (1.0 + math.e ** (-x)),
    "sigmoid": lambda x: np.exp(x) / (np.exp(x) + 1),
    "sigmoid_derivative": lambda x: np.exp(-x) / (1 + np.exp(-x)) ** 2,
    "image2vector": lambda image: image.reshape(-1, 1),
    "normalize_rows": lambda x: x / np.sqrt(np.sum(x ** 2, axis=1)).reshape(-1, 1),
    "softmax": lambda x: np.exp(x - x.max(axis=1, keepdims=True))
    / np.exp(x - x.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True),
    "L1": lambda yhat, y: sum(abs(y - yhat)),
    "L2": lambda yhat, y: np.dot(y - yhat, y - yhat),
}


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_other_correct_answers_pass_every_hidden_case(name):
    for args in _all_hidden_args(name):
        expected = getattr(ref, name)(*copy.deepcopy(args))
        got = ALTERNATIVES[name](*copy.deepcopy(args))
        names = reference.output_names(AID, name)
        assert not check_utils.compare_outputs(expected, got, names), (name, args)
