"""Reference solutions: Deep Neural Network for Image Classification, Application.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
Both functions are built from the (given, working) helpers of dnn_app_utils.
"""
import numpy as np

from dnn_app_utils import (L_model_backward, L_model_forward, compute_cost, initialize_parameters,
                           initialize_parameters_deep, linear_activation_backward, linear_activation_forward,
                           update_parameters)


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train LINEAR->RELU->LINEAR->SIGMOID with gradient descent.

    X -- inputs, (n_x, m);  Y -- labels 0/1, (1, m)
    layers_dims -- (n_x, n_h, n_y);  learning_rate -- step size;  num_iterations -- number of steps
    print_cost -- print the cost every 100 steps
    Returns parameters {"W1", "b1", "W2", "b2"} and costs, the cost at steps 0, 100, 200, ...
    """
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    ### BEGIN SOLUTION
    parameters = initialize_parameters(n_x, n_h, n_y)
    ### END SOLUTION
    for i in range(0, num_iterations):
        W1, b1 = parameters["W1"], parameters["b1"]
        W2, b2 = parameters["W2"], parameters["b2"]
        # forward: A1, cache1, A2, cache2, then the cost
        ### BEGIN SOLUTION
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        ### END SOLUTION
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        # backward: dA1, dW2, db2, then dA0, dW1, db1
        ### BEGIN SOLUTION
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        ### END SOLUTION
        grads["dW1"], grads["db1"] = dW1, db1
        grads["dW2"], grads["db2"] = dW2, db2
        # one step of gradient descent
        ### BEGIN SOLUTION
        parameters = update_parameters(parameters, grads, learning_rate)
        ### END SOLUTION
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {:.6f}".format(i, float(np.squeeze(cost))))
        if i % 100 == 0 or i == num_iterations:
            costs.append(cost)
    return parameters, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train [LINEAR->RELU] * (L-1) -> LINEAR->SIGMOID with gradient descent.

    X -- inputs, (n_x, m);  Y -- labels 0/1, (1, m)
    layers_dims -- [n_x, n_1, ..., n_L], input size first;  learning_rate, num_iterations, print_cost
    -- as for two_layer_model
    Returns parameters {"W1", "b1", ..., "WL", "bL"} and costs, the cost at steps 0, 100, 200, ...
    """
    np.random.seed(1)
    costs = []
    ### BEGIN SOLUTION
    parameters = initialize_parameters_deep(layers_dims)
    ### END SOLUTION
    for i in range(0, num_iterations):
        # forward, cost, backward, update
        ### BEGIN SOLUTION
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        ### END SOLUTION
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {:.6f}".format(i, float(np.squeeze(cost))))
        if i % 100 == 0 or i == num_iterations:
            costs.append(cost)
    return parameters, costs
