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
_COSTS_NOTE_ZH = "这个函数的当前版本返回 (parameters, costs)；你的函数只返回了 parameters"
OLD_RETURNS = {"two_layer_model": (0, _COSTS_NOTE, _COSTS_NOTE_ZH), "L_layer_model": (0, _COSTS_NOTE, _COSTS_NOTE_ZH)}


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
                          (X, Y, (n_x, n_h, 1), lr, iterations, False),
                          zh=f"layers_dims=({n_x}, {n_h}, 1), m={m}，{iterations} 次迭代，learning_rate={lr}"))
    return cases


def L_layer_model_cases():
    cases = []
    for seed, (dims, m, lr, iterations) in enumerate([([3, 4, 1], 6, 0.1, 150), ([2, 5, 3, 2, 1], 1, 0.05, 120),
                                                      ([6, 1], 8, 0.9, 30), ([4, 6, 3, 1], 7, 0.3, 250)]):
        X, Y = _data(20 + seed, dims[0], m)
        cases.append(Case(f"layers_dims={dims}, m={m}, {iterations} iterations, learning_rate={lr}",
                          (X, Y, dims, lr, iterations, False),
                          zh=f"layers_dims={dims}, m={m}，{iterations} 次迭代，learning_rate={lr}"))
    return cases


MISTAKES = {
    "two_layer_model": [
        Mistake("The two-layer network starts from initialize_parameters(n_x, n_h, n_y) (weights * 0.01), "
                "not from initialize_parameters_deep.",
                "parameters = initialize_parameters(n_x, n_h, n_y)",
                "parameters = initialize_parameters_deep([n_x, n_h, n_y])",
                zh="两层网络用 initialize_parameters(n_x, n_h, n_y) 初始化（权重乘以 0.01），"
                   "而不是用 initialize_parameters_deep。"),
        Mistake("The hidden layer uses \"relu\" and the output layer \"sigmoid\".",
                "linear_activation_forward(X, W1, b1, \"relu\")", "linear_activation_forward(X, W1, b1, \"sigmoid\")",
                zh="隐藏层使用 \"relu\"，输出层使用 \"sigmoid\"。"),
        Mistake("Use the learning_rate argument, not a fixed number.",
                "update_parameters(parameters, grads, learning_rate)", "update_parameters(parameters, grads, 0.0075)",
                zh="请使用参数 learning_rate，而不是一个固定的数。"),
        Mistake("The second layer reads A1, the output of the first, not X.",
                "linear_activation_forward(A1, W2, b2, \"sigmoid\")", "linear_activation_forward(X, W2, b2, \"sigmoid\")",
                zh="第二层的输入是第一层的输出 A1，而不是 X。"),
        Mistake("Go backwards through the layers: the output layer (cache2, sigmoid) first, then the hidden "
                "layer (cache1, relu) with dA1.",
                "linear_activation_backward(dA1, cache1, \"relu\")", "linear_activation_backward(dA2, cache1, \"relu\")",
                zh="反向逐层计算：先算输出层（cache2，sigmoid），再用 dA1 算隐藏层（cache1，relu）。"),
        Mistake("Record the cost when i % 100 == 0, so that iteration 0 is included.",
                "if i % 100 == 0 or i == num_iterations:", "if (i + 1) % 100 == 0 or i == num_iterations:",
                zh="在 i % 100 == 0 时记录代价，这样第 0 次迭代也会被记录下来。"),
    ],
    "L_layer_model": [
        Mistake("Initialise the parameters once, before the loop, not at every step.",
                "    for i in range(0, num_iterations):\n",
                "    for i in range(0, num_iterations):\n        parameters = initialize_parameters_deep(layers_dims)\n",
                zh="只在循环之前初始化一次参数，而不是在每一步都初始化。"),
        Mistake("Use the learning_rate argument, not a fixed number.",
                "update_parameters(parameters, grads, learning_rate)", "update_parameters(parameters, grads, 0.0075)",
                zh="请使用参数 learning_rate，而不是一个固定的数。"),
        Mistake("compute_cost takes the predictions first: compute_cost(AL, Y).",
                "compute_cost(AL, Y)", "compute_cost(Y, AL)",
                zh="compute_cost 的第一个参数是预测值：compute_cost(AL, Y)。"),
        Mistake("L_model_backward takes AL, then Y, then the caches.",
                "L_model_backward(AL, Y, caches)", "L_model_backward(Y, AL, caches)",
                zh="L_model_backward 的参数依次是 AL、Y 和缓存 caches。"),
        Mistake("Record the cost when i % 100 == 0, so that iteration 0 is included.",
                "if i % 100 == 0 or i == num_iterations:", "if (i + 1) % 100 == 0 or i == num_iterations:",
                zh="在 i % 100 == 0 时记录代价，这样第 0 次迭代也会被记录下来。"),
    ],
}
