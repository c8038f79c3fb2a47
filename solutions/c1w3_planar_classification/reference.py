"""Reference solutions: planar data classification with one hidden layer.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
The model: Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = sigmoid(Z2).
"""
import copy

import numpy as np

from planar_utils import sigmoid


def layer_sizes(X, Y):
    """Sizes of the three layers, read from the data; the hidden layer has 4 units.

    X -- inputs, (n_x, m);  Y -- labels, (n_y, m)
    Returns the tuple of Python ints (n_x, n_h, n_y)
    """
    ### BEGIN SOLUTION
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    ### END SOLUTION
    return (n_x, n_h, n_y)


def initialize_parameters(n_x, n_h, n_y):
    """Small random weights and zero biases.

    n_x, n_h, n_y -- sizes of the input, hidden and output layers
    Returns {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    """
    np.random.seed(2)
    ### BEGIN SOLUTION
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def forward_propagation(X, parameters):
    """Forward pass: a tanh hidden layer, then a sigmoid output layer.

    X -- inputs, (n_x, m);  parameters -- {"W1", "b1", "W2", "b2"}
    Returns A2, the output probabilities (n_y, m), and cache = {"Z1", "A1", "Z2", "A2"}
    """
    ### BEGIN SOLUTION
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    ### END SOLUTION
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def compute_cost(A2, Y):
    """Cross-entropy cost -1/m * sum(Y log A2 + (1 - Y) log(1 - A2)).

    A2 -- predicted probabilities, (1, m) or 1-D of length m;  Y -- true labels, (1, m)
    Returns the cost as a Python float
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    log_likelihood = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    cost = -np.sum(log_likelihood) / m
    ### END SOLUTION
    cost = float(np.squeeze(cost))
    return cost


def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cost with respect to W1, b1, W2 and b2.

    parameters -- {"W1", "b1", "W2", "b2"};  cache -- {"Z1", "A1", "Z2", "A2"} from forward_propagation
    X -- inputs, (n_x, m);  Y -- labels, (n_y, m)
    Returns grads = {"dW1", "db1", "dW2", "db2"}, each shaped like its parameter
    """
    m = X.shape[1]
    ### BEGIN SOLUTION
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    ### END SOLUTION
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads


def update_parameters(parameters, grads, learning_rate=1.2):
    """One step of gradient descent on every parameter; the caller's arrays are left unchanged.

    parameters -- {"W1", "b1", "W2", "b2"};  grads -- {"dW1", "db1", "dW2", "db2"}
    Returns the updated parameters as a new dict
    """
    ### BEGIN SOLUTION
    W1 = copy.deepcopy(parameters["W1"])
    b1 = copy.deepcopy(parameters["b1"])
    W2 = copy.deepcopy(parameters["W2"])
    b2 = copy.deepcopy(parameters["b2"])
    W1 -= learning_rate * grads["dW1"]
    b1 -= learning_rate * grads["db1"]
    W2 -= learning_rate * grads["dW2"]
    b2 -= learning_rate * grads["db2"]
    ### END SOLUTION
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """Train the one-hidden-layer network by gradient descent.

    X -- inputs, (n_x, m);  Y -- labels, (n_y, m);  n_h -- size of the hidden layer
    num_iterations -- number of gradient steps;  print_cost -- print the cost every 1000 steps
    Returns the learned parameters {"W1", "b1", "W2", "b2"}
    """
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    ### BEGIN SOLUTION
    parameters = initialize_parameters(n_x, n_h, n_y)
    ### END SOLUTION
    for i in range(num_iterations):
        ### BEGIN SOLUTION
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        ### END SOLUTION
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


def predict(parameters, X):
    """Class predictions of the trained network: True where the output probability exceeds 0.5.

    parameters -- {"W1", "b1", "W2", "b2"};  X -- inputs, (n_x, m)
    Returns a boolean array of shape (1, m)
    """
    ### BEGIN SOLUTION
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0.5
    ### END SOLUTION
    return predictions
