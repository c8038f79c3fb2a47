"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the
numbers printed in the notebook never change. The grader uses other, unseen inputs.
"""
import numpy as np


def _rng(seed):
    return np.random.RandomState(seed)


def _one_hot(labels, C):
    Y = np.zeros((C, len(labels)))
    Y[labels, np.arange(len(labels))] = 1.0
    return Y


def _probabilities(scores):
    e = np.exp(scores - scores.max(axis=0))
    return e / e.sum(axis=0)


def batchnorm_forward_test_case():
    rng = _rng(1)
    Z = rng.randn(3, 4) * 2 + 1
    return (Z, rng.randn(3, 1), rng.randn(3, 1))


def batchnorm_backward_test_case():
    """An upstream gradient and the cache a correct batchnorm_forward makes for 3 units, 4 examples."""
    rng = _rng(2)
    Z, gamma, beta = rng.randn(3, 4) * 2 + 1, rng.randn(3, 1), rng.randn(3, 1)
    epsilon = 1e-8
    center = Z.mean(axis=1, keepdims=True)
    spread = Z.var(axis=1, keepdims=True)
    Z_hat = (Z - center) / np.sqrt(spread + epsilon)
    cache = (Z, Z_hat, center, spread, gamma, beta, epsilon)
    return (rng.randn(3, 4), cache)


def update_running_averages_test_case():
    rng = _rng(3)
    running_mean, running_var = rng.randn(3, 1), rng.rand(3, 1) + 0.5
    mu, var = rng.randn(3, 1), rng.rand(3, 1) + 0.5
    return (running_mean, running_var, mu, var, 0.9)


def batchnorm_inference_test_case():
    rng = _rng(4)
    Z = rng.randn(3, 2) * 2 + 1
    gamma, beta = rng.randn(3, 1), rng.randn(3, 1)
    running_mean, running_var = rng.randn(3, 1), rng.rand(3, 1) + 0.5
    return (Z, gamma, beta, running_mean, running_var)


def softmax_test_case():
    rng = _rng(5)
    return (rng.randn(4, 3) * 2,)


def compute_softmax_cost_test_case():
    rng = _rng(6)
    Yhat = _probabilities(rng.randn(4, 3) * 2)
    return (Yhat, _one_hot([0, 3, 1], 4))


def softmax_cost_gradient_test_case():
    rng = _rng(7)
    Yhat = _probabilities(rng.randn(4, 3) * 2)
    return (Yhat, _one_hot([2, 0, 2], 4))
