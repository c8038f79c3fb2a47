"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the
numbers printed in the notebook never change. The grader uses other, unseen inputs.
"""
import numpy as np


def _two_layers():
    """Parameters of a small two-layer network (2 -> 2 -> 3 units, 3 inputs) and gradients for them."""
    rng = np.random.RandomState(1)
    parameters = {"W1": rng.randn(2, 3), "b1": rng.randn(2, 1), "W2": rng.randn(3, 3), "b2": rng.randn(3, 1)}
    grads = {"dW1": rng.randn(2, 3), "db1": rng.randn(2, 1), "dW2": rng.randn(3, 3), "db2": rng.randn(3, 1)}
    return parameters, grads


def _zeros_like(parameters):
    return {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}


def update_parameters_with_gd_test_case():
    parameters, grads = _two_layers()
    return (parameters, grads, 0.01)


def random_mini_batches_test_case():
    """148 examples cut into batches of 64: two full batches and one of 20."""
    rng = np.random.RandomState(1)
    X = rng.randn(3, 148)
    Y = (rng.rand(1, 148) < 0.5).astype(float)
    return (X, Y, 64, 0)


def initialize_velocity_test_case():
    parameters, _ = _two_layers()
    return (parameters,)


def update_parameters_with_momentum_test_case():
    parameters, grads = _two_layers()
    return (parameters, grads, _zeros_like(parameters), 0.9, 0.01)


def initialize_adam_test_case():
    parameters, _ = _two_layers()
    return (parameters,)


def update_parameters_with_adam_test_case():
    """The second step of Adam (t = 2) from v = s = 0, with the default hyperparameters."""
    parameters, grads = _two_layers()
    return (parameters, grads, _zeros_like(parameters), _zeros_like(parameters), 2, 0.01, 0.9, 0.999, 1e-8)


def update_lr_test_case():
    return (0.5, 2, 1)


def schedule_lr_decay_test_case():
    return (0.5, 100, 1, 100)
