"""Reference solutions: Regularization (L2 and dropout) of a three-layer network.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
The network: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, with the flat cache
(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) of reg_utils.forward_propagation.
"""
import numpy as np

from reg_utils import compute_cost, relu, sigmoid


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """Cross-entropy cost plus the L2 penalty lambd / (2 m) * (sum W1^2 + sum W2^2 + sum W3^2).

    A3 -- output probabilities, (1, m);  Y -- labels, (1, m)
    parameters -- {"W1", "b1", "W2", "b2", "W3", "b3"};  lambd -- the regularization strength
    Returns the regularized cost, a number
    """
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    ### BEGIN SOLUTION
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    ### END SOLUTION
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def backward_propagation_with_regularization(X, Y, cache, lambd):
    """Gradients of the L2-regularized cost: each dW gains lambd / m * W; nothing else changes.

    X -- inputs, (n_x, m);  Y -- labels, (1, m);  cache -- from reg_utils.forward_propagation
    lambd -- the regularization strength
    Returns {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    ### BEGIN SOLUTION
    dW3 = np.dot(dZ3, A2.T) / m + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    ### END SOLUTION
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    ### BEGIN SOLUTION
    dW2 = np.dot(dZ2, A1.T) / m + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    ### END SOLUTION
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    ### BEGIN SOLUTION
    dW1 = np.dot(dZ1, X.T) / m + lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    ### END SOLUTION
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """Forward pass that shuts down each hidden unit with probability 1 - keep_prob (inverted dropout).

    X -- inputs, (n_x, m);  parameters -- {"W1", "b1", "W2", "b2", "W3", "b3"}
    keep_prob -- probability of keeping a hidden unit
    Returns A3, the output probabilities (1, m), and
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3), D1 and D2 the masks (1 = kept)
    """
    np.random.seed(1)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    ### BEGIN SOLUTION
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    ### END SOLUTION
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    ### BEGIN SOLUTION
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    ### END SOLUTION
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """Gradients through the dropout forward pass: the masks D1, D2 and the 1/keep_prob scale apply
    to dA1 and dA2 exactly as they applied to A1 and A2.

    X -- inputs, (n_x, m);  Y -- labels, (1, m);  cache -- from forward_propagation_with_dropout
    keep_prob -- the probability of keeping a unit used in the forward pass
    Returns {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    ### BEGIN SOLUTION
    dA2 = dA2 * D2
    dA2 = dA2 / keep_prob
    ### END SOLUTION
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    ### BEGIN SOLUTION
    dA1 = dA1 * D1
    dA1 = dA1 / keep_prob
    ### END SOLUTION
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients
