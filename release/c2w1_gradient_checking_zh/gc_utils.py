"""Helpers for "Gradient Checking": activations, the parameters as one long vector and back, and the
forward pass of the 3-layer network whose backward pass the notebook checks.

The network is LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID with 4 inputs, 5 and 3 hidden
units and 1 output, so its parameters have the fixed shapes listed in SHAPES: 47 numbers in all.
"""
import numpy as np

# (name, shape) of every parameter, in the order they are stacked into one vector
SHAPES = [("W1", (5, 4)), ("b1", (5, 1)), ("W2", (3, 5)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1))]


def sigmoid(x):
    """The logistic function 1 / (1 + exp(-x)), entry by entry."""
    return 1 / (1 + np.exp(-x))


def relu(x):
    """max(0, x), entry by entry."""
    return np.maximum(0, x)


def dictionary_to_vector(parameters):
    """Stack W1, b1, W2, b2, W3, b3 (each read row by row) into one column.

    Returns (theta, keys): theta of shape (47, 1), and keys, the name of the parameter each entry
    of theta comes from (a list of 47 names).
    """
    pieces, keys = [], []
    for name, _shape in SHAPES:
        column = np.reshape(parameters[name], (-1, 1))
        pieces.append(column)
        keys += [name] * column.shape[0]
    return np.concatenate(pieces, axis=0), keys


def vector_to_dictionary(theta):
    """The inverse of dictionary_to_vector: cut a (47, 1) column back into W1, b1, ..., b3."""
    parameters, start = {}, 0
    for name, shape in SHAPES:
        size = int(np.prod(shape))
        parameters[name] = np.reshape(theta[start:start + size], shape)
        start += size
    return parameters


def gradients_to_vector(gradients):
    """Stack dW1, db1, dW2, db2, dW3, db3 into one (47, 1) column, in the order of
    dictionary_to_vector. Other keys of `gradients` (dZ1, dA1, ...) are ignored."""
    return np.concatenate([np.reshape(gradients["d" + name], (-1, 1)) for name, _shape in SHAPES], axis=0)


def forward_propagation_n(X, Y, parameters):
    """Forward pass of the 3-layer network and its cross-entropy cost.

    X -- inputs, (4, m);  Y -- labels, (1, m);  parameters -- W1 (5, 4), b1 (5, 1), W2 (3, 5),
    b2 (3, 1), W3 (1, 3), b3 (1, 1)
    Returns cost, the average cross-entropy over the m examples, and
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) for the backward pass.
    """
    m = X.shape[1]
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]

    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)

    losses = -Y * np.log(A3) - (1 - Y) * np.log(1 - A3)
    cost = np.sum(losses) / m

    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return cost, cache
