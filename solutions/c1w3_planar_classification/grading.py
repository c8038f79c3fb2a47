"""Hidden cases and known mistakes for "Planar data classification with one hidden layer"."""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {
    "nn_model": ["layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
                 "backward_propagation", "update_parameters"],
    "predict": ["forward_propagation"],
}
# The original compute_cost(A2, Y, parameters) took the parameters and never used them.
OLD_SIGNATURES = {"compute_cost": lambda A2, Y: (_unused_parameters(),)}
# Both versions' code updates the caller's arrays (W1 -= ...); the 2021+ scaffold copies them first.
MAY_CHANGE = {"update_parameters": {0}}


def _rng(seed):
    return case_rng(seed)


def _params(rng, n_x, n_h, n_y, scale=0.5):
    return {"W1": rng.randn(n_h, n_x) * scale, "b1": rng.randn(n_h, 1) * 0.1,
            "W2": rng.randn(n_y, n_h) * scale, "b2": rng.randn(n_y, 1) * 0.1}


def _unused_parameters(n_x=2, n_h=4):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)), "W2": np.zeros((1, n_h)), "b2": np.zeros((1, 1))}


def _labels(rng, n_y, m):
    return (rng.rand(n_y, m) > 0.5).astype(float)


def _cache(rng, X, params, consistent):
    """The forward cache. When not `consistent`, A1 and A2 are drawn independently of Z1 and Z2, so
    that an answer recomputing tanh(Z1) instead of reading the cached A1 gives other numbers."""
    Z1 = params["W1"] @ X + params["b1"]
    A1 = np.tanh(Z1) if consistent else np.tanh(rng.randn(*Z1.shape))
    Z2 = params["W2"] @ A1 + params["b2"]
    A2 = 1 / (1 + np.exp(-Z2)) if consistent else rng.uniform(0.05, 0.95, Z2.shape)
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def layer_sizes_cases():
    cases = []
    for seed, (n_x, n_y, m) in enumerate([(3, 1, 5), (6, 2, 1), (1, 3, 7)]):
        rng = _rng(10 + seed)
        cases.append(Case(f"X {n_x}x{m}, Y {n_y}x{m}", (rng.randn(n_x, m), rng.randn(n_y, m)),
                          zh=f"X {n_x}x{m}, Y {n_y}x{m}"))
    return cases


def initialize_parameters_cases():
    return [Case(f"n_x={a}, n_h={b}, n_y={c}", (a, b, c), zh=f"n_x={a}, n_h={b}, n_y={c}")
            for a, b, c in [(3, 5, 1), (1, 2, 2), (4, 1, 3)]]


def forward_propagation_cases():
    """One output unit only: the original scaffold asserts A2.shape == (1, m) inside the function."""
    cases = []
    for seed, (n_x, n_h, n_y, m) in enumerate([(3, 5, 1, 4), (2, 1, 1, 1), (4, 3, 1, 3), (2, 4, 1, 6)]):
        rng = _rng(20 + seed)
        X = rng.randn(n_x, m)
        cases.append(Case(f"n_x={n_x}, n_h={n_h}, n_y={n_y}, m={m}", (X, _params(rng, n_x, n_h, n_y)),
                          zh=f"n_x={n_x}, n_h={n_h}, n_y={n_y}, m={m}"))
    return cases


def compute_cost_cases():
    cases = []
    for seed, (m, flat) in enumerate([(5, False), (1, False), (8, True)]):
        rng = _rng(30 + seed)
        A2 = rng.uniform(0.05, 0.95, size=(1, m))
        Y = _labels(rng, 1, m)
        label = f"m={m}" + (", A2 given as a 1-D array" if flat else "")
        cases.append(Case(label, (A2.ravel() if flat else A2, Y),
                          zh=f"m={m}" + ("，A2 以一维数组给出" if flat else "")))
    return cases


def backward_propagation_cases():
    cases = []
    shapes = [(3, 4, 1, 5, True), (2, 3, 1, 1, False), (2, 3, 2, 4, False), (4, 2, 1, 3, True)]
    for seed, (n_x, n_h, n_y, m, consistent) in enumerate(shapes):
        rng = _rng(40 + seed)
        X = rng.randn(n_x, m)
        params = _params(rng, n_x, n_h, n_y)
        cache = _cache(rng, X, params, consistent)
        kind = "a cache from a forward pass" if consistent else "a cache whose A1 is not tanh(Z1)"
        label = f"n_x={n_x}, n_h={n_h}, n_y={n_y}, m={m}, {kind}"
        cases.append(Case(label, (params, cache, X, _labels(rng, n_y, m)),
                          zh=f"n_x={n_x}, n_h={n_h}, n_y={n_y}, m={m}，"
                          + ("来自一次前向传播的缓存" if consistent
                             else "其中 A1 不等于 tanh(Z1) 的缓存")))
    return cases


def update_parameters_cases():
    cases = []
    for seed, (n_x, n_h, n_y, lr) in enumerate([(3, 2, 1, None), (2, 5, 1, 0.05), (1, 1, 2, 2.0)]):
        rng = _rng(50 + seed)
        params = _params(rng, n_x, n_h, n_y)
        grads = {"d" + k: rng.randn(*v.shape) for k, v in params.items()}
        if lr is None:
            cases.append(Case(f"n_x={n_x}, n_h={n_h}, n_y={n_y}, default learning rate", (params, grads),
                              zh=f"n_x={n_x}, n_h={n_h}, n_y={n_y}，默认学习率"))
        else:
            cases.append(Case(f"n_x={n_x}, n_h={n_h}, n_y={n_y}, learning_rate={lr}", (params, grads, lr),
                              zh=f"n_x={n_x}, n_h={n_h}, n_y={n_y}, learning_rate={lr}"))
    return cases


def nn_model_cases():
    cases = []
    for seed, (n_x, m, n_h, iterations) in enumerate([(2, 6, 3, 30), (3, 1, 2, 20), (2, 10, 5, 50)]):
        rng = _rng(60 + seed)
        X = rng.randn(n_x, m)
        Y = _labels(rng, 1, m)
        cases.append(Case(f"n_x={n_x}, m={m}, n_h={n_h}, {iterations} iterations", (X, Y, n_h, iterations),
                          zh=f"n_x={n_x}, m={m}, n_h={n_h}，{iterations} 次迭代"))
    return cases


def predict_cases():
    cases = []
    for seed, (n_x, n_h, m) in enumerate([(2, 4, 7), (3, 2, 1), (2, 5, 9)]):
        rng = _rng(70 + seed)
        cases.append(Case(f"n_x={n_x}, n_h={n_h}, m={m}", (_params(rng, n_x, n_h, 1, scale=1.5), rng.randn(n_x, m)),
                          zh=f"n_x={n_x}, n_h={n_h}, m={m}"))
    rng = _rng(73)
    params = _params(rng, 2, 3, 1)
    params["W2"], params["b2"] = np.zeros((1, 3)), np.zeros((1, 1))
    cases.append(Case("an output layer of zeros, so that every probability is exactly 0.5",
                      (params, rng.randn(2, 4)), zh="输出层的参数全为零，因此每个概率都恰好是 0.5"))
    params, X = _params(rng, 2, 3, 1), rng.randn(2, 5)
    Z2 = params["W2"] @ np.tanh(params["W1"] @ X + params["b1"]) + params["b2"]
    params["b2"] = params["b2"] + rng.uniform(0.1, 0.4) - Z2[:, :1]  # the first example: 0 < Z2 < 0.5
    cases.append(Case("a probability just above 0.5", (params, X), zh="一个略高于 0.5 的概率"))
    return cases


MISTAKES = {
    "layer_sizes": [
        Mistake("n_x is the number of input features, X.shape[0] (rows), not the number of examples.",
                "n_x = X.shape[0]", "n_x = X.shape[1]",
                zh="n_x 是输入特征的个数，即 X.shape[0]（行数），而不是样本数。"),
        Mistake("n_y is the number of rows of Y, Y.shape[0], not the number of examples.",
                "n_y = Y.shape[0]", "n_y = Y.shape[1]",
                zh="n_y 是 Y 的行数，即 Y.shape[0]，而不是样本数。"),
        Mistake("Read n_y from Y.shape[0]; a hard-coded 1 only fits one output.",
                "n_y = Y.shape[0]", "n_y = 1",
                zh="请从 Y.shape[0] 读取 n_y；写死的 1 只适用于只有一个输出的情况。"),
        Mistake("Read n_x from X.shape[0]; a hard-coded 2 only fits the flower.",
                "n_x = X.shape[0]", "n_x = 2",
                zh="请从 X.shape[0] 读取 n_x；写死的 2 只适用于花朵数据。"),
        Mistake("The hidden layer has 4 units here, whatever the size of the input.",
                "n_h = 4", "n_h = X.shape[0]",
                zh="这里的隐藏层固定有 4 个单元，与输入的大小无关。"),
    ],
    "initialize_parameters": [
        Mistake("Weights must come from np.random.randn (normal), not np.random.rand (uniform).",
                "W1 = np.random.randn(n_h, n_x)", "W1 = np.random.rand(n_h, n_x)",
                zh="权重必须用 np.random.randn（正态分布）生成，而不是 np.random.rand（均匀分布）。"),
        Mistake("Scale the random weights by 0.01 to keep them small.",
                "W2 = np.random.randn(n_y, n_h) * 0.01", "W2 = np.random.randn(n_y, n_h)",
                zh="把随机权重乘以 0.01，使它们保持较小。"),
        Mistake("W1 has shape (n_h, n_x): rows are hidden units, columns are inputs.",
                "W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_x, n_h).T * 0.01",
                zh="W1 的形状为 (n_h, n_x)：每行对应一个隐藏单元，每列对应一个输入。"),
        Mistake("b1 must be a column of shape (n_h, 1), not a 1-D array.",
                "b1 = np.zeros((n_h, 1))", "b1 = np.zeros(n_h)",
                zh="b1 必须是形状为 (n_h, 1) 的列向量，而不是一维数组。"),
        Mistake("Draw W1 before W2: with a fixed seed the order decides the numbers.",
                "    W1 = np.random.randn(n_h, n_x) * 0.01\n    b1 = np.zeros((n_h, 1))\n"
                "    W2 = np.random.randn(n_y, n_h) * 0.01\n",
                "    W2 = np.random.randn(n_y, n_h) * 0.01\n    W1 = np.random.randn(n_h, n_x) * 0.01\n"
                "    b1 = np.zeros((n_h, 1))\n",
                zh="先生成 W1 再生成 W2：随机种子固定时，生成的顺序决定了具体数值。"),
    ],
    "forward_propagation": [
        Mistake("The hidden layer uses tanh; the sigmoid is for the output layer only.",
                "A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)",
                zh="隐藏层使用 tanh；sigmoid 只用于输出层。"),
        Mistake("The output layer uses the sigmoid, so that A2 is a probability; tanh is for the hidden layer.",
                "A2 = sigmoid(Z2)", "A2 = np.tanh(Z2)",
                zh="输出层使用 sigmoid，这样 A2 才是一个概率；tanh 用于隐藏层。"),
        Mistake("The output layer takes the hidden activations: Z2 = W2 A1 + b2, not W2 Z1 + b2.",
                "Z2 = np.dot(W2, A1) + b2", "Z2 = np.dot(W2, Z1) + b2",
                zh="输出层的输入是隐藏层的激活值：Z2 = W2 A1 + b2，而不是 W2 Z1 + b2。"),
        Mistake("Do not forget the bias: Z1 = W1 X + b1.",
                "Z1 = np.dot(W1, X) + b1", "Z1 = np.dot(W1, X)",
                zh="不要忘记偏置：Z1 = W1 X + b1。"),
        Mistake("W1 X is a matrix product (np.dot), not an elementwise one.",
                "Z1 = np.dot(W1, X) + b1", "Z1 = W1 * X + b1",
                zh="W1 X 是矩阵乘积（np.dot），不是逐元素乘积。"),
        Mistake("The hidden activation is tanh, not ReLU.",
                "A1 = np.tanh(Z1)", "A1 = np.maximum(0, Z1)",
                zh="隐藏层的激活函数是 tanh，不是 ReLU。"),
    ],
    "compute_cost": [
        Mistake("The cross-entropy cost starts with a minus sign.",
                "cost = -np.sum(", "cost = np.sum(",
                zh="交叉熵代价的最前面有一个负号。"),
        Mistake("Average over the examples: divide the sum by m.",
                "cost = -np.sum(log_likelihood) / m", "cost = -np.sum(log_likelihood)",
                zh="要对样本取平均：把总和除以 m。"),
        Mistake("Both terms are needed: Y log(A2) and (1 - Y) log(1 - A2).",
                "Y * np.log(A2) + (1 - Y) * np.log(1 - A2)", "Y * np.log(A2)",
                zh="两项都需要：Y log(A2) 和 (1 - Y) log(1 - A2)。"),
        Mistake("Y goes with log(A2) and (1 - Y) with log(1 - A2); the pairs are swapped.",
                "Y * np.log(A2) + (1 - Y) * np.log(1 - A2)", "Y * np.log(1 - A2) + (1 - Y) * np.log(A2)",
                zh="Y 应与 log(A2) 相乘，(1 - Y) 应与 log(1 - A2) 相乘；你把这两组配对弄反了。"),
        Mistake("Use np.log (natural logarithm), not np.log10.",
                "Y * np.log(A2) + (1 - Y) * np.log(1 - A2)", "Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)",
                zh="请使用 np.log（自然对数），而不是 np.log10。"),
    ],
    "backward_propagation": [
        Mistake("Use the cached A1: tanh'(Z1) = 1 - A1**2. Recomputing tanh(Z1) gives other numbers when "
                "the cache is not the one your forward pass made.",
                "(1 - A1 ** 2)", "(1 - np.tanh(cache[\"Z1\"]) ** 2)",
                zh="请使用缓存中的 A1：tanh'(Z1) = 1 - A1**2；当缓存不是由你的前向传播生成时，"
                   "重新计算 tanh(Z1) 会得到不同的数值。"),
        Mistake("The slope of tanh is 1 - A1**2 (squared), not 1 - A1.",
                "(1 - A1 ** 2)", "(1 - A1)",
                zh="tanh 的导数是 1 - A1**2（平方），而不是 1 - A1。"),
        Mistake("db must keep its column shape: np.sum(dZ, axis=1, keepdims=True) / m.",
                "np.sum(dZ2, axis=1, keepdims=True) / m", "np.sum(dZ2, axis=1) / m",
                zh="db 必须保持列向量的形状：np.sum(dZ, axis=1, keepdims=True) / m。"),
        Mistake("dW1 is an average over the examples: divide by m.",
                "dW1 = np.dot(dZ1, X.T) / m", "dW1 = np.dot(dZ1, X.T)",
                zh="dW1 是对样本取的平均值：要除以 m。"),
        Mistake("W2.T dZ2 is a matrix product (np.dot); `*` only agrees with it when there is one output unit.",
                "np.dot(W2.T, dZ2)", "W2.T * dZ2",
                zh="W2.T dZ2 是矩阵乘积（np.dot）；只有当输出单元只有一个时，`*` 的结果才与它相同。"),
        Mistake("dZ2 = A2 - Y: the sign is flipped.",
                "dZ2 = A2 - Y", "dZ2 = Y - A2",
                zh="dZ2 = A2 - Y：你的符号反了。"),
        Mistake("dW2 = dZ2 A1.T / m has the shape of W2, (n_y, n_h); the product is the other way round.",
                "dW2 = np.dot(dZ2, A1.T) / m", "dW2 = np.dot(A1, dZ2.T) / m",
                zh="dW2 = dZ2 A1.T / m 的形状与 W2 相同，为 (n_y, n_h)；你的乘积顺序反了。"),
    ],
    "update_parameters": [
        Mistake("Gradient descent subtracts: W = W - learning_rate * dW.",
                "-= learning_rate", "+= learning_rate",
                zh="梯度下降做的是减法：W = W - learning_rate * dW。"),
        Mistake("Use the learning_rate argument; a hard-coded 1.2 only fits the default.",
                "-= learning_rate *", "-= 1.2 *",
                zh="请使用参数 learning_rate；写死的 1.2 只适用于默认值。"),
        Mistake("Scale the step by learning_rate.",
                "-= learning_rate * grads", "-= grads",
                zh="每一步的更新量都要乘以 learning_rate。"),
        Mistake("Update the biases too: b = b - learning_rate * db.",
                "    b1 -= learning_rate * grads[\"db1\"]\n", "",
                zh="偏置也要更新：b = b - learning_rate * db。"),
    ],
    "nn_model": [
        Mistake("Create the hidden layer with the n_h you are given, not a fixed 4.",
                "initialize_parameters(n_x, n_h, n_y)", "initialize_parameters(n_x, 4, n_y)",
                zh="请用传入的 n_h 创建隐藏层，而不是固定的 4。"),
        Mistake("Keep what update_parameters returns: assign its result back to parameters, or nothing is learned.",
                "parameters = update_parameters(parameters, grads)", "update_parameters(parameters, grads)",
                zh="请保留 update_parameters 的返回值：把它重新赋给 parameters，否则网络什么也学不到。"),
        Mistake("Initialise once, before the loop; initialising inside it undoes every step.",
                "        A2, cache = forward_propagation(X, parameters)\n",
                "        parameters = initialize_parameters(n_x, n_h, n_y)\n"
                "        A2, cache = forward_propagation(X, parameters)\n",
                zh="只在循环之前初始化一次；在循环内初始化会抹掉每一步的更新。"),
        Mistake("The arguments of initialize_parameters are (n_x, n_h, n_y), in that order.",
                "initialize_parameters(n_x, n_h, n_y)", "initialize_parameters(n_x, n_y, n_h)",
                zh="initialize_parameters 的参数依次是 (n_x, n_h, n_y)。"),
        Mistake("Use update_parameters' default learning rate (1.2).",
                "update_parameters(parameters, grads)", "update_parameters(parameters, grads, 0.01)",
                zh="请使用 update_parameters 默认的学习率（1.2）。"),
    ],
    "predict": [
        Mistake("The threshold is strict: predict 1 where A2 > 0.5, so a probability of exactly 0.5 gives 0.",
                "A2 > 0.5", "A2 >= 0.5",
                zh="比较是严格的：A2 > 0.5 时才预测为 1，所以概率恰好为 0.5 时预测为 0。"),
        Mistake("Predict True where the probability is above 0.5; the comparison is flipped.",
                "A2 > 0.5", "A2 < 0.5",
                zh="概率大于 0.5 时应预测为 True；你的比较方向反了。"),
        Mistake("Compare the probability A2 (after the sigmoid) with 0.5, not Z2.",
                "predictions = A2 > 0.5", "predictions = cache[\"Z2\"] > 0.5",
                zh="应将概率 A2（经过 sigmoid 之后的值）与 0.5 比较，而不是 Z2。"),
        Mistake("Turn the probabilities into classes: compare A2 with 0.5.",
                "predictions = A2 > 0.5", "predictions = A2",
                zh="要把概率转换为类别：将 A2 与 0.5 比较。"),
    ],
}
