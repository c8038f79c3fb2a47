"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the
numbers printed in the notebook never change. The grader uses other, unseen inputs.
"""
import numpy as np


def _rng(seed):
    return np.random.RandomState(seed)


def _convolve(A_prev, W, b, stride, pad):
    """A convolution written without loops over positions, to build the backward fixture."""
    f, n_C = W.shape[0], W.shape[3]
    A = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    n_H = (A.shape[1] - f) // stride + 1
    n_W = (A.shape[2] - f) // stride + 1
    Z = np.zeros((A_prev.shape[0], n_H, n_W, n_C)) + b
    for di in range(f):
        for dj in range(f):
            window = A[:, di:di + stride * (n_H - 1) + 1:stride, dj:dj + stride * (n_W - 1) + 1:stride, :]
            Z += np.tensordot(window, W[di, dj], axes=([3], [0]))
    return Z


def zero_pad_test_case():
    return (_rng(1).randn(4, 3, 3, 2), 3)


def conv_single_step_test_case():
    rng = _rng(1)
    return (rng.randn(4, 4, 3), rng.randn(4, 4, 3), rng.randn(1, 1, 1))


def conv_forward_test_case():
    rng = _rng(1)
    A_prev = rng.randn(2, 5, 7, 4)
    W = rng.randn(3, 3, 4, 8)
    b = rng.randn(1, 1, 1, 8)
    return (A_prev, W, b, {"pad": 1, "stride": 2})


def pool_forward_test_case():
    return (_rng(1).randn(2, 4, 4, 3), {"stride": 2, "f": 3})


def conv_backward_test_case():
    """dZ is the output Z of a forward pass itself, as in the course's check."""
    rng = _rng(1)
    A_prev = rng.randn(10, 4, 4, 3)
    W = rng.randn(2, 2, 3, 8)
    b = rng.randn(1, 1, 1, 8)
    hparameters = {"pad": 2, "stride": 2}
    Z = _convolve(A_prev, W, b, hparameters["stride"], hparameters["pad"])
    return (Z, (A_prev, W, b, hparameters))


def create_mask_from_window_test_case():
    return (_rng(1).randn(2, 3),)


def distribute_value_test_case():
    return (2, (2, 2))


def pool_backward_test_case():
    rng = _rng(1)
    A_prev = rng.randn(5, 5, 3, 2)
    hparameters = {"stride": 1, "f": 2}
    dA = rng.randn(5, 4, 2, 2)
    return (dA, (A_prev, hparameters))
