"""Reference solutions: Initialization.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold
(the seed lines and the loops, each in the form the original course gave it).
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    """Every weight and every bias set to zero.

    layers_dims -- list [n_0, n_1, ..., n_L] of layer sizes, input first
    Returns {"W1", "b1", ..., "WL", "bL"}: W_l zeros of shape (n_l, n_{l-1}), b_l zeros of shape (n_l, 1)
    """
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
    return parameters


def initialize_parameters_random(layers_dims):
    """Large random weights, randn * 10, and zero biases.

    layers_dims -- list [n_0, n_1, ..., n_L] of layer sizes, input first
    Returns {"W1", "b1", ..., "WL", "bL"}: W_l of shape (n_l, n_{l-1}), b_l zeros of shape (n_l, 1)
    """
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
    return parameters


def initialize_parameters_he(layers_dims):
    """He initialization: randn * sqrt(2 / n_{l-1}) for the weights of layer l, zero biases.

    layers_dims -- list [n_0, n_1, ..., n_L] of layer sizes, input first
    Returns {"W1", "b1", ..., "WL", "bL"}: W_l of shape (n_l, n_{l-1}), b_l zeros of shape (n_l, 1)
    """
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
    return parameters
