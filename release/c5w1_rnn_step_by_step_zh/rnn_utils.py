"""Activation helpers for the recurrent networks of this assignment.

Both work elementwise on numpy arrays of any shape, except `softmax`, which normalises each column:
in this course a column is one example, so every column of the result is a probability distribution.
"""
import numpy as np


def sigmoid(x):
    """Elementwise logistic function 1 / (1 + exp(-x))."""
    return 1 / (1 + np.exp(-x))


def softmax(x):
    """Column-wise softmax of an array of shape (n, m): each column of the result sums to 1.

    The column maximum is subtracted first; this changes nothing mathematically and keeps exp from
    overflowing on large scores.
    """
    shifted = x - np.max(x, axis=0, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=0, keepdims=True)
