"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the numbers
printed in the notebook never change. The grader uses other, unseen inputs. The backward fixtures
need the caches of a forward pass; they are built here with the formulas of the notebook, so that
a bug in your forward functions cannot spoil the check of your backward ones.
"""
import numpy as np

from rnn_utils import sigmoid, softmax

LSTM_KEYS = [("Wf", "bf"), ("Wi", "bi"), ("Wo", "bo"), ("Wc", "bc"), ("Wy", "by")]


def _rng(seed):
    return np.random.RandomState(seed)


def _rnn_parameters(rng, n_x, n_a, n_y, wax_first=False):
    """Waa, Wax, Wya, ba, by drawn in that order (Wax before Waa when wax_first)."""
    if wax_first:
        Wax, Waa = rng.randn(n_a, n_x), rng.randn(n_a, n_a)
    else:
        Waa, Wax = rng.randn(n_a, n_a), rng.randn(n_a, n_x)
    return {"Waa": Waa, "Wax": Wax, "Wya": rng.randn(n_y, n_a), "ba": rng.randn(n_a, 1),
            "by": rng.randn(n_y, 1)}


def _lstm_parameters(rng, n_x, n_a, n_y):
    """Each gate's weights then its bias: forget, input (update), output, candidate; then Wy, by."""
    params = {}
    for W, b in LSTM_KEYS:
        n_in = n_a if W == "Wy" else n_a + n_x
        n_out = n_y if W == "Wy" else n_a
        params[W] = rng.randn(n_out, n_in)
        params[b] = rng.randn(n_out, 1)
    return params


def _rnn_step(xt, a_prev, p):
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, (a_next, a_prev, xt, p)


def _lstm_step(xt, a_prev, c_prev, p):
    z = np.vstack([a_prev, xt])
    f, i, o = (sigmoid(p["W" + g] @ z + p["b" + g]) for g in "fio")
    cc = np.tanh(p["Wc"] @ z + p["bc"])
    c_next = f * c_prev + i * cc
    a_next = o * np.tanh(c_next)
    return a_next, c_next, (a_next, c_next, a_prev, c_prev, f, i, cc, o, xt, p)


def rnn_cell_forward_test_case():
    rng = _rng(1)
    xt, a_prev = rng.randn(3, 10), rng.randn(5, 10)
    return (xt, a_prev, _rnn_parameters(rng, 3, 5, 2))


def rnn_forward_test_case():
    rng = _rng(1)
    x, a0 = rng.randn(3, 10, 4), rng.randn(5, 10)
    return (x, a0, _rnn_parameters(rng, 3, 5, 2))


def lstm_cell_forward_test_case():
    rng = _rng(1)
    xt, a_prev, c_prev = rng.randn(3, 10), rng.randn(5, 10), rng.randn(5, 10)
    return (xt, a_prev, c_prev, _lstm_parameters(rng, 3, 5, 2))


def lstm_forward_test_case():
    rng = _rng(1)
    x, a0 = rng.randn(3, 10, 7), rng.randn(5, 10)
    return (x, a0, _lstm_parameters(rng, 3, 5, 2))


def rnn_cell_backward_test_case():
    rng = _rng(1)
    xt, a_prev = rng.randn(3, 10), rng.randn(5, 10)
    params = _rnn_parameters(rng, 3, 5, 2, wax_first=True)
    _, cache = _rnn_step(xt, a_prev, params)
    return (rng.randn(5, 10), cache)


def rnn_backward_test_case():
    rng = _rng(1)
    x, a0 = rng.randn(3, 10, 4), rng.randn(5, 10)
    params = _rnn_parameters(rng, 3, 5, 2, wax_first=True)
    caches, a_next = [], a0
    for t in range(x.shape[2]):
        a_next, cache = _rnn_step(x[:, :, t], a_next, params)
        caches.append(cache)
    return (rng.randn(5, 10, 4), (caches, x))


def lstm_cell_backward_test_case():
    rng = _rng(1)
    xt, a_prev, c_prev = rng.randn(3, 10), rng.randn(5, 10), rng.randn(5, 10)
    params = _lstm_parameters(rng, 3, 5, 2)
    _, _, cache = _lstm_step(xt, a_prev, c_prev, params)
    return (rng.randn(5, 10), rng.randn(5, 10), cache)


def lstm_backward_test_case():
    rng = _rng(1)
    x, a0 = rng.randn(3, 10, 7), rng.randn(5, 10)
    params = _lstm_parameters(rng, 3, 5, 2)
    caches, a_next, c_next = [], a0, np.zeros((5, 10))
    for t in range(x.shape[2]):
        a_next, c_next, cache = _lstm_step(x[:, :, t], a_next, c_next, params)
        caches.append(cache)
    return (rng.randn(5, 10, 7), (caches, x))
