"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the
numbers printed in the notebook never change. The grader uses other, unseen inputs.
"""
import numpy as np


def _rng(seed):
    return np.random.RandomState(seed)


def _labels(rng, m):
    return (rng.rand(1, m) > 0.5).astype(float)


def sigmoid_test_case():
    return (np.array([-2.0, 0.0, 0.5, 3.0]),)


def initialize_with_zeros_test_case():
    return (3,)


def propagate_test_case():
    rng = _rng(1)
    w = rng.randn(2, 1)
    X = rng.randn(2, 4)
    return (w, 0.5, X, np.array([[1.0, 0.0, 1.0, 0.0]]))


def optimize_test_case():
    rng = _rng(2)
    w = rng.randn(3, 1) * 0.1
    X = rng.randn(3, 5)
    return (w, -0.2, X, _labels(rng, 5), 201, 0.05, False)


def predict_test_case():
    rng = _rng(3)
    w = rng.randn(3, 1)
    return (w, 0.1, rng.randn(3, 6))


def model_test_case():
    rng = _rng(4)
    X_train, X_test = rng.rand(4, 8), rng.rand(4, 3)
    Y_train = np.array([[1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0]])
    X_train[0] += Y_train[0]  # feature 0 carries the label, so the model has something to learn
    Y_test = np.array([[1.0, 0.0, 0.0]])
    X_test[0] += Y_test[0]
    return (X_train, Y_train, X_test, Y_test, 201, 0.5, False)
