"""Hidden cases and known mistakes for "Deep Neural Network for Image Classification: Application".

Both graded functions train a network, so the cases are small: a handful of examples with a few
features, and at most a few hundred steps. The functions they call come from dnn_app_utils, which
is given (not graded), so there are no CALLEES.
"""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {}
# The original models returned the parameters alone; today's also return the costs.
_COSTS_NOTE = "the current version of this function returns (parameters, costs); yours returns the parameters only"
OLD_RETURNS = {"two_layer_model": (0, _COSTS_NOTE), "L_layer_model": (0, _COSTS_NOTE)}


def _data(seed, n_x, m):
    rng = case_rng(seed)
    X = rng.rand(n_x, m)
    Y = (X[0] + 0.5 * rng.randn(m) > 0.5).astype(float).reshape(1, m)
    return X, Y


def two_layer_model_cases():
    cases = []
    for seed, (n_x, n_h, m, lr, iterations) in enumerate([(3, 4, 6, 0.1, 150), (2, 5, 1, 0.05, 120),
                                                          (6, 2, 9, 0.9, 30), (4, 7, 5, 0.3, 250)]):
        X, Y = _data(10 + seed, n_x, m)
        cases.append(Case(f"layers_dims=({n_x}, {n_h}, 1), m={m}, {iterations} iterations, learning_rate={lr}",
                          (X, Y, (n_x, n_h, 1), lr, iterations, False)))
    return cases


def L_layer_model_cases():
    cases = []
    for seed, (dims, m, lr, iterations) in enumerate([([3, 4, 1], 6, 0.1, 150), ([2, 5, 3, 2, 1], 1, 0.05, 120),
                                                      ([6, 1], 8, 0.9, 30), ([4, 6, 3, 1], 7, 0.3, 250)]):
        X, Y = _data(20 + seed, dims[0], m)
        cases.append(Case(f"layers_dims={dims}, m={m}, {iterations} iterations, learning_rate={lr}",
                          (X, Y, dims, lr, iterations, False)))
    return cases


MISTAKES = {
    "two_layer_model": [
        Mistake("The two-layer network starts from initialize_parameters(n_x, n_h, n_y) (weights * 0.01), "
                "not from initialize_parameters_deep.",
                "parameters = initialize_parameters(n_x, n_h, n_y)",
                "parameters = initialize_parameters_deep([n_x, n_h, n_y])"),
        Mistake("The hidden layer uses \"relu\" and the output layer \"sigmoid\".",
                "linear_activation_forward(X, W1, b1, \"relu\")", "linear_activation_forward(X, W1, b1, \"sigmoid\")"),
        Mistake("Use the learning_rate argument, not a fixed number.",
                "update_parameters(parameters, grads, learning_rate)", "update_parameters(parameters, grads, 0.0075)"),
        Mistake("The second layer reads A1, the output of the first, not X.",
                "linear_activation_forward(A1, W2, b2, \"sigmoid\")", "linear_activation_forward(X, W2, b2, \"sigmoid\")"),
        Mistake("Go backwards through the layers: the output layer (cache2, sigmoid) first, then the hidden "
                "layer (cache1, relu) with dA1.",
                "linear_activation_backward(dA1, cache1, \"relu\")", "linear_activation_backward(dA2, cache1, \"relu\")"),
        Mistake("Record the cost when i % 100 == 0, so that iteration 0 is included.",
                "if i % 100 == 0 or i == num_iterations:", "if (i + 1) % 100 == 0 or i == num_iterations:"),
    ],
    "L_layer_model": [
        Mistake("Initialise the parameters once, before the loop, not at every step.",
                "    for i in range(0, num_iterations):\n",
                "    for i in range(0, num_iterations):\n        parameters = initialize_parameters_deep(layers_dims)\n"),
        Mistake("Use the learning_rate argument, not a fixed number.",
                "update_parameters(parameters, grads, learning_rate)", "update_parameters(parameters, grads, 0.0075)"),
        Mistake("compute_cost takes the predictions first: compute_cost(AL, Y).",
                "compute_cost(AL, Y)", "compute_cost(Y, AL)"),
        Mistake("L_model_backward takes AL, then Y, then the caches.",
                "L_model_backward(AL, Y, caches)", "L_model_backward(Y, AL, caches)"),
        Mistake("Record the cost when i % 100 == 0, so that iteration 0 is included.",
                "if i % 100 == 0 or i == num_iterations:", "if (i + 1) % 100 == 0 or i == num_iterations:"),
    ],
}
