"""Hidden cases and known mistakes for "Building your Deep Neural Network: Step by Step"."""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {
    "linear_activation_forward": ["linear_forward"],
    "L_model_forward": ["linear_activation_forward"],
    "linear_activation_backward": ["linear_backward"],
    "L_model_backward": ["linear_activation_backward"],
}
# The original update_parameters wrote into the caller's dict; the 2021+ scaffold deep-copies it.
MAY_CHANGE = {"update_parameters": {0}}


def _from_original_keys(grads):
    """The original L_model_backward stored dA[l] under "dA{l+1}" (keys dA1..dAL); today's under
    "dA{l}" (dA0..dA{L-1}). Renamed when the learner's dict has the original's keys exactly."""
    if not isinstance(grads, dict):
        return None
    L = sum(key.startswith("dW") for key in grads)
    today = {f"dA{l}" for l in range(L)}
    original = {f"dA{l + 1}" for l in range(L)}
    dA_keys = {key for key in grads if key.startswith("dA")}
    if L == 0 or dA_keys != original or dA_keys == today:
        return None
    renamed = {key: value for key, value in grads.items() if not key.startswith("dA")}
    renamed.update({f"dA{l}": grads[f"dA{l + 1}"] for l in range(L)})
    return renamed


OLD_OUTPUTS = {"L_model_backward": (_from_original_keys, "your gradients use the original course's keys "
                                    "dA1..dAL; today's name the same arrays dA0..dA{L-1}",
                                    "你的梯度使用了原版课程的键 dA1..dAL；现在的版本把同样的数组命名为 dA0..dA{L-1}")}


def _rng(seed):
    return case_rng(seed)


def _params(rng, dims):
    out = {}
    for l in range(1, len(dims)):
        out[f"W{l}"] = rng.randn(dims[l], dims[l - 1]) * 0.5
        out[f"b{l}"] = rng.randn(dims[l], 1) * 0.1
    return out


def _caches(rng, dims, m):
    """Caches as a correct forward pass makes them, from random parameters and inputs."""
    params, A = _params(rng, dims), rng.randn(dims[0], m)
    caches = []
    for l in range(1, len(dims)):
        W, b = params[f"W{l}"], params[f"b{l}"]
        if l < len(dims) - 1:  # a relu unit off for every example would zero every gradient through it:
            off = ((W @ A + b) <= 0).all(axis=1)  # turn it on by flipping its sign, the draw stays random
            W[off], b[off] = -W[off], -b[off]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = 1 / (1 + np.exp(-Z)) if l == len(dims) - 1 else np.maximum(0, Z)
    return A, caches


LAYER_SHAPES = [[2, 3, 1], [6, 1, 5], [4, 4, 2]]
DEEP_SHAPES = [[3, 2], [5, 4, 3, 2, 1], [7, 1, 6], [2, 8, 8, 3, 4, 1]]


def initialize_parameters_cases():
    return [Case(f"n_x={a}, n_h={b}, n_y={c}", (a, b, c), zh=f"n_x={a}, n_h={b}, n_y={c}")
            for a, b, c in LAYER_SHAPES]


def initialize_parameters_deep_cases():
    return [Case(f"layer_dims={d} ({len(d) - 1} layers)", (d,), zh=f"layer_dims={d}（{len(d) - 1} 层）")
            for d in DEEP_SHAPES]


def linear_forward_cases():
    cases = []
    for seed, (n, n_prev, m) in enumerate([(4, 3, 5), (1, 6, 1), (7, 2, 3)]):
        rng = _rng(10 + seed)
        cases.append(Case(f"W {n}x{n_prev}, m={m}", (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1)),
                          zh=f"W {n}x{n_prev}, m={m}"))
    return cases


def linear_activation_forward_cases():
    cases = []
    for seed, (n, n_prev, m, activation) in enumerate([(3, 4, 5, "relu"), (2, 3, 1, "sigmoid"),
                                                       (5, 2, 4, "sigmoid"), (1, 6, 3, "relu")]):
        rng = _rng(20 + seed)
        args = (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1), activation)
        cases.append(Case(f"{activation}, W {n}x{n_prev}, m={m}", args, zh=f"{activation}, W {n}x{n_prev}, m={m}"))
    return cases


def L_model_forward_cases():
    cases = []
    for seed, (dims, m) in enumerate([([4, 3, 1], 5), ([3, 5, 4, 2, 1], 2), ([6, 1], 3), ([2, 4, 3, 1], 1)]):
        rng = _rng(30 + seed)
        cases.append(Case(f"{len(dims) - 1} layers {dims}, m={m}", (rng.randn(dims[0], m), _params(rng, dims)),
                          zh=f"{len(dims) - 1} 层 {dims}，m={m}"))
    return cases


def compute_cost_cases():
    cases = []
    for seed, m in enumerate([5, 1, 12]):
        rng = _rng(40 + seed)
        AL = rng.uniform(0.05, 0.95, size=(1, m))
        Y = (rng.rand(1, m) > 0.5).astype(float)
        cases.append(Case(f"m={m}", (AL, Y), zh=f"m={m}"))
    return cases


def linear_backward_cases():
    cases = []
    for seed, (n, n_prev, m) in enumerate([(3, 5, 4), (1, 2, 1), (6, 3, 7)]):
        rng = _rng(50 + seed)
        cache = (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))
        cases.append(Case(f"W {n}x{n_prev}, m={m}", (rng.randn(n, m), cache), zh=f"W {n}x{n_prev}, m={m}"))
    return cases


def linear_activation_backward_cases():
    cases = []
    for seed, (n, n_prev, m, activation) in enumerate([(3, 4, 5, "relu"), (1, 3, 2, "sigmoid"),
                                                       (4, 2, 1, "sigmoid"), (2, 5, 3, "relu")]):
        rng = _rng(60 + seed)
        linear_cache = (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))
        args = (rng.randn(n, m), (linear_cache, rng.randn(n, m)), activation)
        cases.append(Case(f"{activation}, W {n}x{n_prev}, m={m}", args, zh=f"{activation}, W {n}x{n_prev}, m={m}"))
    return cases


def L_model_backward_cases():
    cases = []
    for seed, (dims, m) in enumerate([([4, 3, 1], 5), ([3, 5, 4, 2, 1], 3), ([5, 1], 2), ([2, 3, 3, 1], 1)]):
        rng = _rng(70 + seed)
        AL, caches = _caches(rng, dims, m)
        Y = (rng.rand(1, m) > 0.5).astype(float)
        cases.append(Case(f"{len(dims) - 1} layers {dims}, m={m}", (AL, Y, caches),
                          zh=f"{len(dims) - 1} 层 {dims}，m={m}"))
    return cases


def update_parameters_cases():
    cases = []
    for seed, (dims, lr) in enumerate([([3, 2, 1], 0.1), ([4, 5, 3, 1], 0.01), ([2, 1], 1.5)]):
        rng = _rng(80 + seed)
        params = _params(rng, dims)
        grads = {f"d{k}": rng.randn(*v.shape) for k, v in params.items()}
        cases.append(Case(f"{len(dims) - 1} layers, learning_rate={lr}", (params, grads, lr),
                          zh=f"{len(dims) - 1} 层，learning_rate={lr}"))
    return cases


MISTAKES = {
    "initialize_parameters": [
        Mistake("Weights must come from np.random.randn (normal), not np.random.rand (uniform).",
                "W1 = np.random.randn(n_h, n_x)", "W1 = np.random.rand(n_h, n_x)",
                zh="权重必须用 np.random.randn（正态分布）抽取，而不是 np.random.rand（均匀分布）。"),
        Mistake("Scale the random weights by 0.01 to keep them small.",
                "W2 = np.random.randn(n_y, n_h) * 0.01", "W2 = np.random.randn(n_y, n_h)",
                zh="把随机权重乘以 0.01，使它们保持较小。"),
        Mistake("W1 has shape (n_h, n_x): rows are units of this layer, columns units of the previous one.",
                "W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_x, n_h).T * 0.01",
                zh="W1 的形状为 (n_h, n_x)：行对应本层的单元，列对应上一层的单元。"),
        Mistake("b1 must be a column of shape (n_h, 1), not a 1-D array.",
                "b1 = np.zeros((n_h, 1))", "b1 = np.zeros(n_h)",
                zh="b1 必须是形状为 (n_h, 1) 的列向量，而不是一维数组。"),
    ],
    "initialize_parameters_deep": [
        Mistake("Biases start at zero: b = np.zeros((layer_dims[l], 1)).",
                "parameters[\"b\" + str(l)] = np.zeros((layer_dims[l], 1))",
                "parameters[\"b\" + str(l)] = np.random.randn(layer_dims[l], 1) * 0.01",
                zh="偏置初始化为零：b = np.zeros((layer_dims[l], 1))。"),
        Mistake("W of layer l has shape (layer_dims[l], layer_dims[l-1]); the dimensions are swapped.",
                "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
                "np.random.randn(layer_dims[l - 1], layer_dims[l]).T * 0.01",
                zh="第 l 层的 W 形状为 (layer_dims[l], layer_dims[l-1])；你把两个维度弄反了。"),
        Mistake("Scale the random weights by 0.01.",
                "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
                "np.random.randn(layer_dims[l], layer_dims[l - 1])",
                zh="把随机权重乘以 0.01。"),
        Mistake("b of layer l is a column of shape (layer_dims[l], 1).",
                "np.zeros((layer_dims[l], 1))", "np.zeros((layer_dims[l - 1], 1))",
                zh="第 l 层的 b 是形状为 (layer_dims[l], 1) 的列向量。"),
        Mistake("Use np.random.randn (normal), not np.random.rand (uniform).",
                "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
                "np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01",
                zh="使用 np.random.randn（正态分布），而不是 np.random.rand（均匀分布）。"),
    ],
    "linear_forward": [
        Mistake("Z = W A + b needs a matrix product (np.dot(W, A)), not an elementwise one.",
                "Z = np.dot(W, A) + b", "Z = (W * A.T).sum(axis=1, keepdims=True) + b",
                zh="Z = W A + b 需要矩阵乘法（np.dot(W, A)），而不是逐元素相乘。"),
        Mistake("The bias b is added to Z, not subtracted.", "np.dot(W, A) + b", "np.dot(W, A) - b",
        zh="偏置 b 要加到 Z 上，而不是减去。"),
        Mistake("The cache must be (A, W, b), in that order.", "cache = (A, W, b)", "cache = (W, A, b)",
        zh="缓存必须是 (A, W, b)，并且按这个顺序排列。"),
        Mistake("Do not forget the bias: Z = W A + b.", "np.dot(W, A) + b", "np.dot(W, A)",
        zh="不要忘记偏置：Z = W A + b。"),
    ],
    "linear_activation_forward": [
        Mistake("The sigmoid branch must apply sigmoid, not relu.",
                "A, activation_cache = sigmoid(Z)", "A, activation_cache = relu(Z)",
                zh="sigmoid 分支必须使用 sigmoid，而不是 relu。"),
        Mistake("The relu branch must apply relu, not sigmoid.",
                "A, activation_cache = relu(Z)", "A, activation_cache = sigmoid(Z)",
                zh="relu 分支必须使用 relu，而不是 sigmoid。"),
        Mistake("The activation cache is Z (what sigmoid/relu return second), not A.",
                "A, activation_cache = relu(Z)", "A, _ = relu(Z)\n        activation_cache = A",
                zh="激活缓存是 Z（sigmoid/relu 返回的第二个值），而不是 A。"),
        Mistake("linear_cache is the cache returned by linear_forward, (A_prev, W, b).",
                "Z, linear_cache = linear_forward(A_prev, W, b)\n        A, activation_cache = sigmoid(Z)",
                "Z, _ = linear_forward(A_prev, W, b)\n        linear_cache = (W, A_prev, b)\n"
                "        A, activation_cache = sigmoid(Z)",
                zh="linear_cache 是 linear_forward 返回的缓存，即 (A_prev, W, b)。"),
    ],
    "L_model_forward": [
        Mistake("Inside the loop feed the previous layer's activations (A_prev), not X.",
                "linear_activation_forward(\n            A_prev,", "linear_activation_forward(\n            X,",
                zh="在循环中要传入上一层的激活值（A_prev），而不是 X。"),
        Mistake("Hidden layers use relu and the last layer sigmoid; they are swapped.",
                "parameters[\"b\" + str(l)], \"relu\")", "parameters[\"b\" + str(l)], \"sigmoid\")",
                zh="隐藏层使用 relu，最后一层使用 sigmoid；你把它们弄反了。"),
        Mistake("The output layer uses capital L (the number of layers), not the loop variable l.",
                "parameters[\"W\" + str(L)], parameters[\"b\" + str(L)]",
                "parameters[\"W\" + str(l)], parameters[\"b\" + str(l)]",
                zh="输出层使用大写的 L（层数），而不是循环变量 l。"),
        Mistake("Append the output layer's cache too: caches needs one entry per layer.",
                "\"sigmoid\")\n    caches.append(cache)", "\"sigmoid\")",
                zh="也要追加输出层的缓存：caches 中每一层都要有一项。"),
    ],
    "compute_cost": [
        Mistake("The cross-entropy cost starts with a minus sign.",
                "cost = -np.sum(", "cost = np.sum(",
                zh="交叉熵代价的最前面有一个负号。"),
        Mistake("Average over the examples: divide the sum by m.", ") / m\n", ")\n",
        zh="要对样本取平均：把求和的结果除以 m。"),
        Mistake("Both terms are needed: Y log(AL) and (1 - Y) log(1 - AL).",
                "Y * np.log(AL) + (1 - Y) * np.log(1 - AL)", "Y * np.log(AL)",
                zh="两项都需要：Y log(AL) 和 (1 - Y) log(1 - AL)。"),
        Mistake("Use np.log (natural logarithm), not np.log10.",
                "Y * np.log(AL) + (1 - Y) * np.log(1 - AL)", "Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)",
                zh="使用 np.log（自然对数），而不是 np.log10。"),
    ],
    "linear_backward": [
        Mistake("db lost its column axis: use np.sum(dZ, axis=1, keepdims=True) / m.",
                "np.sum(dZ, axis=1, keepdims=True) / m", "np.sum(dZ, axis=1) / m",
                zh="db 丢失了列向量的形状：请使用 np.sum(dZ, axis=1, keepdims=True) / m。"),
        Mistake("dW and db are averages over the examples: divide by m.",
                "dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(dZ, A_prev.T)",
                zh="dW 和 db 是对样本的平均值：要除以 m。"),
        Mistake("db sums over the examples (axis=1), not over all entries.",
                "np.sum(dZ, axis=1, keepdims=True) / m", "np.sum(dZ) / m",
                zh="db 沿样本方向（axis=1）求和，而不是对所有元素求和。"),
        Mistake("dA_prev = W.T dZ: W needs its transpose.",
                "dA_prev = np.dot(W.T, dZ)", "dA_prev = np.dot(W, dZ)",
                zh="dA_prev = W.T dZ：W 需要转置。"),
        Mistake("dW = dZ A_prev.T / m: the product is the other way round.",
                "dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(A_prev, dZ.T).T.T / m",
                zh="dW = dZ A_prev.T / m：你把乘法的顺序弄反了。"),
    ],
    "linear_activation_backward": [
        Mistake("The relu branch must use relu_backward.",
                "dZ = relu_backward(dA, activation_cache)", "dZ = sigmoid_backward(dA, activation_cache)",
                zh="relu 分支必须使用 relu_backward。"),
        Mistake("The sigmoid branch must use sigmoid_backward.",
                "dZ = sigmoid_backward(dA, activation_cache)", "dZ = relu_backward(dA, activation_cache)",
                zh="sigmoid 分支必须使用 sigmoid_backward。"),
        Mistake("Pass dZ (not dA) to linear_backward.",
                "dA_prev, dW, db = linear_backward(dZ, linear_cache)\n        ### END SOLUTION\n    elif",
                "dA_prev, dW, db = linear_backward(dA, linear_cache)\n        ### END SOLUTION\n    elif",
                zh="传给 linear_backward 的应是 dZ（而不是 dA）。"),
        Mistake("relu_backward and sigmoid_backward take the activation cache (Z), not the linear cache.",
                "dZ = sigmoid_backward(dA, activation_cache)", "dZ = sigmoid_backward(dA, linear_cache[0])",
                zh="relu_backward 和 sigmoid_backward 接收激活缓存（Z），而不是线性缓存。"),
    ],
    "L_model_backward": [
        Mistake("dAL = -(Y/AL - (1-Y)/(1-AL)): the sign is flipped.",
                "dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)",
                zh="dAL = -(Y/AL - (1-Y)/(1-AL))：你把符号弄反了。"),
        Mistake("The last layer uses sigmoid and the hidden layers relu; they are swapped.",
                "current_cache, \"relu\")", "current_cache, \"sigmoid\")",
                zh="最后一层使用 sigmoid，隐藏层使用 relu；你把它们弄反了。"),
        Mistake("Layer l reads dA{l+1}, the gradient the layer above produced, not dAL.",
                "linear_activation_backward(grads[\"dA\" + str(l + 1)], current_cache",
                "linear_activation_backward(dAL, current_cache",
                zh="第 l 层读取 dA{l+1}，即它后面一层（第 l+1 层）算出的梯度，而不是 dAL。"),
        Mistake("Store the gradients of layer l+1 under dW{l+1}/db{l+1} and dA{l}: the indices are off by one.",
                "grads[\"dW\" + str(l + 1)] = dW\n        grads[\"db\" + str(l + 1)] = db",
                "grads[\"dW\" + str(l)] = dW\n        grads[\"db\" + str(l)] = db",
                zh="第 l+1 层的梯度应存为 dW{l+1}/db{l+1} 和 dA{l}：你的下标差了 1。"),
    ],
    "update_parameters": [
        Mistake("Gradient descent subtracts: W = W - learning_rate * dW.",
                "] - learning_rate * grads[\"dW\"", "] + learning_rate * grads[\"dW\"",
                zh="梯度下降做的是减法：W = W - learning_rate * dW。"),
        Mistake("Update the biases too: b = b - learning_rate * db.",
                "parameters[\"b\" + str(l + 1)] - learning_rate * grads[\"db\" + str(l + 1)]",
                "parameters[\"b\" + str(l + 1)]",
                zh="也要更新偏置：b = b - learning_rate * db。"),
        Mistake("The loop runs over l = 0..L-1 and updates layer l+1; the layer index is off by one.",
                "for l in range(L):", "for l in range(L - 1):",
                zh="循环遍历 l = 0..L-1，并更新第 l+1 层；你的层下标差了 1。"),
        Mistake("Scale the step by learning_rate.",
                "learning_rate * grads[\"dW\" + str(l + 1)]", "grads[\"dW\" + str(l + 1)]",
                zh="更新量要乘以 learning_rate。"),
    ],
}
