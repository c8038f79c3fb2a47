"""A learner of the original course (2017-2020), "Python Basics with Numpy".

Not importable on its own: each function goes into its answer cell of the notebook, with the
top-level lines just above it (the original cells started with their own imports).
Features of that version exercised here:
- the old name `normalizeRows` (the 2021+ course calls it `normalize_rows`);
- imports inside the graded cells (`import math`, `import numpy as np`), as the original cells had;
- `normalizeRows` returning a new array (`x = x / norm`);
- `image2vector` with the three dimensions spelled out;
- `L2` with `np.dot` of the difference with itself (the original hint), `L1` through `np.asscalar` (numpy removed it in 1.23; the grading kernel restores it).
"""
import math


def basic_sigmoid(x):
    s = 1.0 / (1.0 + math.exp(-x))
    return s


import numpy as np  # noqa: E402  (the original sigmoid cell imported numpy itself)


def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s


def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds


def image2vector(image):
    v = image.reshape((image.shape[0] * image.shape[1] * image.shape[2], 1))
    return v


def normalizeRows(x):
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    x = x / x_norm
    return x


def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s


def L1(yhat, y):
    loss = np.asscalar(np.sum(np.abs(y - yhat)))  # removed from numpy in 1.23
    return loss


def L2(yhat, y):
    loss = np.dot(y - yhat, y - yhat)
    return loss
