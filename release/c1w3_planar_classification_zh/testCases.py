"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the
numbers printed in the notebook never change. The grader uses other, unseen inputs.
"""
import numpy as np


def _rng(seed):
    return np.random.RandomState(seed)


def _parameters(rng, n_x, n_h, n_y, scale=1.0):
    return {"W1": rng.randn(n_h, n_x) * scale, "b1": rng.randn(n_h, 1) * scale,
            "W2": rng.randn(n_y, n_h) * scale, "b2": rng.randn(n_y, 1) * scale}


def layer_sizes_test_case():
    rng = _rng(1)
    return (rng.randn(5, 3), rng.randn(2, 3))


def initialize_parameters_test_case():
    return (2, 4, 1)


def forward_propagation_test_case():
    rng = _rng(1)
    X = rng.randn(2, 3)
    return (X, _parameters(rng, 2, 4, 1, scale=0.5))


def compute_cost_test_case():
    A2 = np.array([[0.62, 0.31, 0.87, 0.45]])
    Y = np.array([[1, 0, 1, 0]])
    return (A2, Y)


def backward_propagation_test_case():
    """A cache of the right shapes whose entries are drawn independently, as in a unit test: the
    gradients must be computed from the cached A1 and A2, not recomputed from Z1 and Z2."""
    rng = _rng(2)
    X = rng.randn(2, 3)
    parameters = _parameters(rng, 2, 4, 1, scale=0.5)
    cache = {"Z1": rng.randn(4, 3), "A1": np.tanh(rng.randn(4, 3)),
             "Z2": rng.randn(1, 3), "A2": rng.uniform(0.1, 0.9, size=(1, 3))}
    Y = np.array([[1, 0, 1]])
    return (parameters, cache, X, Y)


def update_parameters_test_case():
    rng = _rng(3)
    parameters = _parameters(rng, 2, 4, 1, scale=0.1)
    grads = {"d" + key: rng.randn(*value.shape) * 0.01 for key, value in parameters.items()}
    return (parameters, grads)


def nn_model_test_case():
    rng = _rng(4)
    X = rng.randn(2, 5)
    Y = np.array([[1, 0, 1, 1, 0]])
    return (X, Y, 4, 1000)


def predict_test_case():
    rng = _rng(7)
    parameters = _parameters(rng, 2, 4, 1)
    X = rng.randn(2, 6)
    return (parameters, X)
