"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the
numbers printed in the notebook never change. The grader uses other, unseen inputs.
"""
import numpy as np

from gc_utils import SHAPES, forward_propagation_n


def forward_propagation_test_case():
    x, theta = 2, 4
    return (x, theta)


def backward_propagation_test_case():
    x, theta = 2, 4
    return (x, theta)


def gradient_check_test_case():
    x, theta = 2, 4
    return (x, theta)


def network_test_case():
    """(X, Y, parameters) of the 3-layer network: 3 examples, parameters drawn with seed 1."""
    rng = np.random.RandomState(1)
    X = rng.randn(4, 3)
    Y = np.array([[1, 1, 0]])
    parameters = {name: rng.randn(*shape) for name, shape in SHAPES}
    return X, Y, parameters


def _given_backward_pass(X, Y, parameters):
    """The gradients that the notebook's given backward_propagation_n returns on this example,
    its two planted mistakes included (so the check below must find a large difference)."""
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = forward_propagation_n(X, Y, parameters)[1]
    dZ3 = A3 - Y
    dZ2 = np.dot(W3.T, dZ3) * (A2 > 0)
    dZ1 = np.dot(W2.T, dZ2) * (A1 > 0)
    return {"dW1": np.dot(dZ1, X.T) / m, "db1": 4 * np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": 2 * np.dot(dZ2, A1.T) / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m,
            "dW3": np.dot(dZ3, A2.T) / m, "db3": np.sum(dZ3, axis=1, keepdims=True) / m}


def gradient_check_n_test_case():
    """The network of network_test_case() with the given backward pass's gradients, and
    epsilon = 1e-5: large enough that rounding moves no printed digit from one computer to the next."""
    X, Y, parameters = network_test_case()
    return (parameters, _given_backward_pass(X, Y, parameters), X, Y, 1e-5)
