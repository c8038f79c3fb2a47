"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the
numbers printed in the notebook never change. The grader uses other, unseen inputs.
"""
import numpy as np

from reg_utils import forward_propagation


def _rng(seed):
    return np.random.RandomState(seed)


def _parameters(rng, layer_dims=(3, 2, 3, 1)):
    """W1, b1, W2, b2, W3, b3 drawn with randn in that order (a small [3, 2, 3, 1] network)."""
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = rng.randn(layer_dims[l], 1)
    return parameters


def compute_cost_with_regularization_test_case():
    rng = _rng(1)
    Y = np.array([[1, 1, 0, 1, 0]])
    parameters = _parameters(rng)
    A3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    return (A3, Y, parameters, 0.1)


def backward_propagation_with_regularization_test_case():
    """A cache from a forward pass (reg_utils.forward_propagation) of random parameters."""
    rng = _rng(2)
    X = rng.randn(3, 5)
    Y = np.array([[1, 1, 0, 1, 0]])
    parameters = _parameters(rng)
    _, cache = forward_propagation(X, parameters)
    return (X, Y, cache, 0.7)


def forward_propagation_with_dropout_test_case():
    rng = _rng(1)
    X = rng.randn(3, 5)
    parameters = _parameters(rng)
    return (X, parameters, 0.7)


def backward_propagation_with_dropout_test_case():
    """A cache of the right shapes whose entries are drawn independently, as in a unit test: the
    masks D1, D2 hold 1 for a kept unit and 0 for a dropped one, and A1, A2 are positive where the
    unit was kept and 0 where it was dropped."""
    rng = _rng(3)
    X = rng.randn(3, 5)
    Y = np.array([[1, 1, 0, 1, 0]])
    parameters = _parameters(rng)
    D1 = (rng.rand(2, 5) < 0.8).astype(int)
    D2 = (rng.rand(3, 5) < 0.8).astype(int)
    Z1, A1 = rng.randn(2, 5), rng.uniform(0.1, 2.0, size=(2, 5)) * D1
    Z2, A2 = rng.randn(3, 5), rng.uniform(0.1, 2.0, size=(3, 5)) * D2
    Z3, A3 = rng.randn(1, 5), rng.uniform(0.05, 0.95, size=(1, 5))
    cache = (Z1, D1, A1, parameters["W1"], parameters["b1"], Z2, D2, A2, parameters["W2"], parameters["b2"],
             Z3, A3, parameters["W3"], parameters["b3"])
    return (X, Y, cache, 0.8)
