"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the
numbers printed in the notebook never change. They are small (a few examples, a few hundred steps)
so that the checks run in a blink; the grader uses other, unseen inputs.
"""
import numpy as np


def _data(seed, n_x, m):
    """Inputs in [0, 1) whose label depends on the first two features in a way a line cannot draw."""
    rng = np.random.RandomState(seed)
    X = rng.rand(n_x, m)
    Y = ((X[0] > 0.5) != (X[1] > 0.5)).astype(float).reshape(1, m)
    return X, Y


def two_layer_model_test_case():
    X, Y = _data(1, 4, 10)
    return (X, Y, (4, 3, 1), 0.5, 201, False)


def L_layer_model_test_case():
    X, Y = _data(2, 5, 12)
    return (X, Y, [5, 4, 3, 1], 0.3, 201, False)
