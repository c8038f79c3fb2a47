"""Reference solutions: Building your Deep Neural Network, Step by Step.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
"""
import copy

import numpy as np

from dnn_utils import relu, relu_backward, sigmoid, sigmoid_backward


def initialize_parameters(n_x, n_h, n_y):
    """Small random weights and zero biases for LINEAR->RELU->LINEAR->SIGMOID.

    n_x, n_h, n_y -- sizes of the input, hidden and output layers
    Returns {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    """
    np.random.seed(1)
    ### BEGIN SOLUTION
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def initialize_parameters_deep(layer_dims):
    """Small random weights and zero biases for a network of len(layer_dims) - 1 layers.

    layer_dims -- list [n_0, n_1, ..., n_L] of layer sizes, input first
    Returns {"W1", "b1", ..., "WL", "bL"} with W_l of shape (n_l, n_{l-1}) and b_l of shape (n_l, 1)
    """
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        ### END SOLUTION
    return parameters


def linear_forward(A, W, b):
    """Linear part of one layer: Z = W A + b.

    A -- activations of the previous layer, (n_prev, m)
    W -- weights, (n, n_prev);  b -- bias, (n, 1)
    Returns Z of shape (n, m) and cache = (A, W, b)
    """
    ### BEGIN SOLUTION
    Z = np.dot(W, A) + b
    cache = (A, W, b)
    ### END SOLUTION
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    """One layer, LINEAR then ACTIVATION ("sigmoid" or "relu").

    A_prev -- (n_prev, m);  W -- (n, n_prev);  b -- (n, 1)
    Returns A of shape (n, m) and cache = (linear_cache, activation_cache)
    """
    if activation == "sigmoid":
        ### BEGIN SOLUTION
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
        ### END SOLUTION
    elif activation == "relu":
        ### BEGIN SOLUTION
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
        ### END SOLUTION
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters):
    """Forward pass of [LINEAR->RELU] * (L-1) -> LINEAR->SIGMOID.

    X -- inputs, (n_x, m);  parameters -- output of initialize_parameters_deep
    Returns AL of shape (1, m) and caches, a list of the L layer caches in order
    """
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        ### BEGIN SOLUTION
        A, cache = linear_activation_forward(
            A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
        ### END SOLUTION
    ### BEGIN SOLUTION
    AL, cache = linear_activation_forward(
        A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    ### END SOLUTION
    return AL, caches


def compute_cost(AL, Y):
    """Cross-entropy cost -1/m * sum(Y log AL + (1 - Y) log(1 - AL)).

    AL -- predicted probabilities, (1, m);  Y -- true labels, (1, m)
    Returns the cost as a 0-d value
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    ### END SOLUTION
    cost = np.squeeze(cost)
    return cost


def linear_backward(dZ, cache):
    """Gradients of the linear part of one layer.

    dZ -- gradient of the cost with respect to Z, (n, m);  cache -- (A_prev, W, b)
    Returns dA_prev (n_prev, m), dW (n, n_prev), db (n, 1)
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    ### BEGIN SOLUTION
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    ### END SOLUTION
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """Gradients of one LINEAR->ACTIVATION layer.

    dA -- gradient with respect to this layer's output, (n, m)
    cache -- (linear_cache, activation_cache) from linear_activation_forward
    Returns dA_prev, dW, db
    """
    linear_cache, activation_cache = cache
    if activation == "relu":
        ### BEGIN SOLUTION
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END SOLUTION
    elif activation == "sigmoid":
        ### BEGIN SOLUTION
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END SOLUTION
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    """Backward pass of [LINEAR->RELU] * (L-1) -> LINEAR->SIGMOID.

    AL -- output of L_model_forward, (1, m);  Y -- labels, (1, m)
    caches -- list of L caches from L_model_forward
    Returns grads with keys dA0..dA{L-1}, dW1..dWL, db1..dbL
    """
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    ### BEGIN SOLUTION
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    dA_prev, dW, db = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev
    grads["dW" + str(L)] = dW
    grads["db" + str(L)] = db
    ### END SOLUTION
    for l in reversed(range(L - 1)):
        ### BEGIN SOLUTION
        current_cache = caches[l]
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
        ### END SOLUTION
    return grads


def update_parameters(params, grads, learning_rate):
    """One step of gradient descent: W_l -= learning_rate * dW_l, and the same for b_l.

    params -- {"W1", "b1", ...};  grads -- output of L_model_backward
    Returns a new parameters dict; params itself is left unchanged
    """
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        ### BEGIN SOLUTION
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
        ### END SOLUTION
    return parameters
