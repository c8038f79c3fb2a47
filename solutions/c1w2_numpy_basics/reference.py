"""Reference solutions: Python basics with numpy.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
"""
import math

import numpy as np


def basic_sigmoid(x):
    """Logistic function of one real number, with the math module.

    x -- a real number (int or float)
    Returns s = 1 / (1 + e^(-x)) as a Python float
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + math.exp(-x))
    ### END SOLUTION
    return s


def sigmoid(x):
    """Logistic function applied to every entry of an array.

    x -- a numpy array of any shape (or a number)
    Returns s, an array of the shape of x
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + np.exp(-x))
    ### END SOLUTION
    return s


def sigmoid_derivative(x):
    """Slope of the logistic function at every entry of x: s * (1 - s) with s = sigmoid(x).

    x -- a numpy array of any shape
    Returns ds, an array of the shape of x
    """
    ### BEGIN SOLUTION
    s = sigmoid(x)
    ds = s * (1 - s)
    ### END SOLUTION
    return ds


def image2vector(image):
    """Unroll an image into one column, reading the array in its natural (row-major) order.

    image -- array of shape (length, height, depth)
    Returns v of shape (length * height * depth, 1)
    """
    ### BEGIN SOLUTION
    length, height, depth = image.shape
    v = image.reshape(length * height * depth, 1)
    ### END SOLUTION
    return v


def normalize_rows(x):
    """Scale every row of x to unit Euclidean length.

    x -- array of shape (n, m)
    Returns a new array of shape (n, m) whose rows have L2 norm 1
    """
    ### BEGIN SOLUTION
    row_norms = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    x = x / row_norms
    ### END SOLUTION
    return x


def softmax(x):
    """Softmax of every row of x: exponentiate, then divide by the row's total.

    x -- array of shape (m, n)
    Returns s of shape (m, n); every row of s is positive and sums to 1
    """
    ### BEGIN SOLUTION
    exps = np.exp(x)
    row_sums = np.sum(exps, axis=1, keepdims=True)
    s = exps / row_sums
    ### END SOLUTION
    return s


def L1(yhat, y):
    """L1 loss: the sum of absolute differences between predictions and labels.

    yhat -- predictions, array of shape (m,);  y -- labels, array of shape (m,)
    Returns the loss as a float
    """
    ### BEGIN SOLUTION
    loss = np.sum(np.abs(y - yhat))
    ### END SOLUTION
    return loss


def L2(yhat, y):
    """L2 loss: the sum of squared differences between predictions and labels.

    yhat -- predictions, array of shape (m,);  y -- labels, array of shape (m,)
    Returns the loss as a float
    """
    ### BEGIN SOLUTION
    diff = y - yhat
    loss = np.sum(diff * diff)
    ### END SOLUTION
    return loss
