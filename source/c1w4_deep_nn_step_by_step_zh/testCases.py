"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the
numbers printed in the notebook never change. The grader uses other, unseen inputs.
"""
import numpy as np

from dnn_utils import relu, sigmoid


def _rng(seed):
    return np.random.RandomState(seed)


def _deep_parameters(rng, layer_dims):
    params = {}
    for l in range(1, len(layer_dims)):
        params["W" + str(l)] = rng.randn(layer_dims[l], layer_dims[l - 1])
        params["b" + str(l)] = rng.randn(layer_dims[l], 1)
    return params


def _forward_caches(X, params):
    """The caches a correct L_model_forward would produce, built from the helpers alone."""
    L = len(params) // 2
    caches, A = [], X
    for l in range(1, L + 1):
        A_prev, W, b = A, params["W" + str(l)], params["b" + str(l)]
        A, activation_cache = (sigmoid if l == L else relu)(W.dot(A_prev) + b)
        caches.append(((A_prev, W, b), activation_cache))
    return caches, A


def initialize_parameters_test_case():
    return (3, 2, 1)


def initialize_parameters_deep_test_case():
    return ([5, 4, 3],)


def linear_forward_test_case():
    rng = _rng(1)
    return (rng.randn(3, 2), rng.randn(1, 3), rng.randn(1, 1))


def linear_activation_forward_test_case():
    rng = _rng(2)
    return (rng.randn(3, 2), rng.randn(1, 3), rng.randn(1, 1), "sigmoid")


def L_model_forward_test_case():
    rng = _rng(6)
    X = rng.randn(5, 4)
    return (X, _deep_parameters(rng, [5, 4, 3, 1]))


def compute_cost_test_case():
    return (np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))


def linear_backward_test_case():
    rng = _rng(1)
    dZ = rng.randn(3, 4)
    cache = (rng.randn(5, 4), rng.randn(3, 5), rng.randn(3, 1))
    return (dZ, cache)


def linear_activation_backward_test_case():
    rng = _rng(2)
    dA = rng.randn(1, 2)
    linear_cache = (rng.randn(3, 2), rng.randn(1, 3), rng.randn(1, 1))
    activation_cache = rng.randn(1, 2)
    return (dA, (linear_cache, activation_cache), "relu")


def L_model_backward_test_case():
    rng = _rng(3)
    X = rng.randn(4, 2)
    params = _deep_parameters(rng, [4, 3, 1])
    caches, AL = _forward_caches(X, params)
    Y = np.array([[1, 0]])
    return (AL, Y, caches)


def update_parameters_test_case():
    rng = _rng(2)
    params = _deep_parameters(rng, [4, 3, 1])
    grads = {}
    for l, (n, n_prev) in enumerate([(3, 4), (1, 3)], start=1):
        grads["dW" + str(l)] = rng.randn(n, n_prev)
        grads["db" + str(l)] = rng.randn(n, 1)
    return (params, grads, 0.1)
