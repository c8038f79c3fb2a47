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
                                    "dA1..dAL; today's name the same arrays dA0..dA{L-1}")}


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
    return [Case(f"n_x={a}, n_h={b}, n_y={c}", (a, b, c)) for a, b, c in LAYER_SHAPES]


def initialize_parameters_deep_cases():
    return [Case(f"layer_dims={d} ({len(d) - 1} layers)", (d,)) for d in DEEP_SHAPES]


def linear_forward_cases():
    cases = []
    for seed, (n, n_prev, m) in enumerate([(4, 3, 5), (1, 6, 1), (7, 2, 3)]):
        rng = _rng(10 + seed)
        cases.append(Case(f"W {n}x{n_prev}, m={m}", (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))))
    return cases


def linear_activation_forward_cases():
    cases = []
    for seed, (n, n_prev, m, activation) in enumerate([(3, 4, 5, "relu"), (2, 3, 1, "sigmoid"),
                                                       (5, 2, 4, "sigmoid"), (1, 6, 3, "relu")]):
        rng = _rng(20 + seed)
        args = (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1), activation)
        cases.append(Case(f"{activation}, W {n}x{n_prev}, m={m}", args))
    return cases


def L_model_forward_cases():
    cases = []
    for seed, (dims, m) in enumerate([([4, 3, 1], 5), ([3, 5, 4, 2, 1], 2), ([6, 1], 3), ([2, 4, 3, 1], 1)]):
        rng = _rng(30 + seed)
        cases.append(Case(f"{len(dims) - 1} layers {dims}, m={m}", (rng.randn(dims[0], m), _params(rng, dims))))
    return cases


def compute_cost_cases():
    cases = []
    for seed, m in enumerate([5, 1, 12]):
        rng = _rng(40 + seed)
        AL = rng.uniform(0.05, 0.95, size=(1, m))
        Y = (rng.rand(1, m) > 0.5).astype(float)
        cases.append(Case(f"m={m}", (AL, Y)))
    return cases


def linear_backward_cases():
    cases = []
    for seed, (n, n_prev, m) in enumerate([(3, 5, 4), (1, 2, 1), (6, 3, 7)]):
        rng = _rng(50 + seed)
        cache = (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))
        cases.append(Case(f"W {n}x{n_prev}, m={m}", (rng.randn(n, m), cache)))
    return cases


def linear_activation_backward_cases():
    cases = []
    for seed, (n, n_prev, m, activation) in enumerate([(3, 4, 5, "relu"), (1, 3, 2, "sigmoid"),
                                                       (4, 2, 1, "sigmoid"), (2, 5, 3, "relu")]):
        rng = _rng(60 + seed)
        linear_cache = (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))
        args = (rng.randn(n, m), (linear_cache, rng.randn(n, m)), activation)
        cases.append(Case(f"{activation}, W {n}x{n_prev}, m={m}", args))
    return cases


def L_model_backward_cases():
    cases = []
    for seed, (dims, m) in enumerate([([4, 3, 1], 5), ([3, 5, 4, 2, 1], 3), ([5, 1], 2), ([2, 3, 3, 1], 1)]):
        rng = _rng(70 + seed)
        AL, caches = _caches(rng, dims, m)
        Y = (rng.rand(1, m) > 0.5).astype(float)
        cases.append(Case(f"{len(dims) - 1} layers {dims}, m={m}", (AL, Y, caches)))
    return cases


def update_parameters_cases():
    cases = []
    for seed, (dims, lr) in enumerate([([3, 2, 1], 0.1), ([4, 5, 3, 1], 0.01), ([2, 1], 1.5)]):
        rng = _rng(80 + seed)
        params = _params(rng, dims)
        grads = {f"d{k}": rng.randn(*v.shape) for k, v in params.items()}
        cases.append(Case(f"{len(dims) - 1} layers, learning_rate={lr}", (params, grads, lr)))
    return cases


MISTAKES = {
    "initialize_parameters": [
        Mistake("Weights must come from np.random.randn (normal), not np.random.rand (uniform).",
                "W1 = np.random.randn(n_h, n_x)", "W1 = np.random.rand(n_h, n_x)"),
        Mistake("Scale the random weights by 0.01 to keep them small.",
                "W2 = np.random.randn(n_y, n_h) * 0.01", "W2 = np.random.randn(n_y, n_h)"),
        Mistake("W1 has shape (n_h, n_x): rows are units of this layer, columns units of the previous one.",
                "W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_x, n_h).T * 0.01"),
        Mistake("b1 must be a column of shape (n_h, 1), not a 1-D array.",
                "b1 = np.zeros((n_h, 1))", "b1 = np.zeros(n_h)"),
    ],
    "initialize_parameters_deep": [
        Mistake("Biases start at zero: b = np.zeros((layer_dims[l], 1)).",
                "parameters[\"b\" + str(l)] = np.zeros((layer_dims[l], 1))",
                "parameters[\"b\" + str(l)] = np.random.randn(layer_dims[l], 1) * 0.01"),
        Mistake("W of layer l has shape (layer_dims[l], layer_dims[l-1]); the dimensions are swapped.",
                "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
                "np.random.randn(layer_dims[l - 1], layer_dims[l]).T * 0.01"),
        Mistake("Scale the random weights by 0.01.",
                "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
                "np.random.randn(layer_dims[l], layer_dims[l - 1])"),
        Mistake("b of layer l is a column of shape (layer_dims[l], 1).",
                "np.zeros((layer_dims[l], 1))", "np.zeros((layer_dims[l - 1], 1))"),
        Mistake("Use np.random.randn (normal), not np.random.rand (uniform).",
                "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
                "np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01"),
    ],
    "linear_forward": [
        Mistake("Z = W A + b needs a matrix product (np.dot(W, A)), not an elementwise one.",
                "Z = np.dot(W, A) + b", "Z = (W * A.T).sum(axis=1, keepdims=True) + b"),
        Mistake("The bias b is added to Z, not subtracted.", "np.dot(W, A) + b", "np.dot(W, A) - b"),
        Mistake("The cache must be (A, W, b), in that order.", "cache = (A, W, b)", "cache = (W, A, b)"),
        Mistake("Do not forget the bias: Z = W A + b.", "np.dot(W, A) + b", "np.dot(W, A)"),
    ],
    "linear_activation_forward": [
        Mistake("The sigmoid branch must apply sigmoid, not relu.",
                "A, activation_cache = sigmoid(Z)", "A, activation_cache = relu(Z)"),
        Mistake("The relu branch must apply relu, not sigmoid.",
                "A, activation_cache = relu(Z)", "A, activation_cache = sigmoid(Z)"),
        Mistake("The activation cache is Z (what sigmoid/relu return second), not A.",
                "A, activation_cache = relu(Z)", "A, _ = relu(Z)\n        activation_cache = A"),
        Mistake("linear_cache is the cache returned by linear_forward, (A_prev, W, b).",
                "Z, linear_cache = linear_forward(A_prev, W, b)\n        A, activation_cache = sigmoid(Z)",
                "Z, _ = linear_forward(A_prev, W, b)\n        linear_cache = (W, A_prev, b)\n"
                "        A, activation_cache = sigmoid(Z)"),
    ],
    "L_model_forward": [
        Mistake("Inside the loop feed the previous layer's activations (A_prev), not X.",
                "linear_activation_forward(\n            A_prev,", "linear_activation_forward(\n            X,"),
        Mistake("Hidden layers use relu and the last layer sigmoid; they are swapped.",
                "parameters[\"b\" + str(l)], \"relu\")", "parameters[\"b\" + str(l)], \"sigmoid\")"),
        Mistake("The output layer uses capital L (the number of layers), not the loop variable l.",
                "parameters[\"W\" + str(L)], parameters[\"b\" + str(L)]",
                "parameters[\"W\" + str(l)], parameters[\"b\" + str(l)]"),
        Mistake("Append the output layer's cache too: caches needs one entry per layer.",
                "\"sigmoid\")\n    caches.append(cache)", "\"sigmoid\")"),
    ],
    "compute_cost": [
        Mistake("The cross-entropy cost starts with a minus sign.",
                "cost = -np.sum(", "cost = np.sum("),
        Mistake("Average over the examples: divide the sum by m.", ") / m\n", ")\n"),
        Mistake("Both terms are needed: Y log(AL) and (1 - Y) log(1 - AL).",
                "Y * np.log(AL) + (1 - Y) * np.log(1 - AL)", "Y * np.log(AL)"),
        Mistake("Use np.log (natural logarithm), not np.log10.",
                "Y * np.log(AL) + (1 - Y) * np.log(1 - AL)", "Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)"),
    ],
    "linear_backward": [
        Mistake("db lost its column axis: use np.sum(dZ, axis=1, keepdims=True) / m.",
                "np.sum(dZ, axis=1, keepdims=True) / m", "np.sum(dZ, axis=1) / m"),
        Mistake("dW and db are averages over the examples: divide by m.",
                "dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(dZ, A_prev.T)"),
        Mistake("db sums over the examples (axis=1), not over all entries.",
                "np.sum(dZ, axis=1, keepdims=True) / m", "np.sum(dZ) / m"),
        Mistake("dA_prev = W.T dZ: W needs its transpose.",
                "dA_prev = np.dot(W.T, dZ)", "dA_prev = np.dot(W, dZ)"),
        Mistake("dW = dZ A_prev.T / m: the product is the other way round.",
                "dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(A_prev, dZ.T).T.T / m"),
    ],
    "linear_activation_backward": [
        Mistake("The relu branch must use relu_backward.",
                "dZ = relu_backward(dA, activation_cache)", "dZ = sigmoid_backward(dA, activation_cache)"),
        Mistake("The sigmoid branch must use sigmoid_backward.",
                "dZ = sigmoid_backward(dA, activation_cache)", "dZ = relu_backward(dA, activation_cache)"),
        Mistake("Pass dZ (not dA) to linear_backward.",
                "dA_prev, dW, db = linear_backward(dZ, linear_cache)\n        ### END SOLUTION\n    elif",
                "dA_prev, dW, db = linear_backward(dA, linear_cache)\n        ### END SOLUTION\n    elif"),
        Mistake("relu_backward and sigmoid_backward take the activation cache (Z), not the linear cache.",
                "dZ = sigmoid_backward(dA, activation_cache)", "dZ = sigmoid_backward(dA, linear_cache[0])"),
    ],
    "L_model_backward": [
        Mistake("dAL = -(Y/AL - (1-Y)/(1-AL)): the sign is flipped.",
                "dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
        Mistake("The last layer uses sigmoid and the hidden layers relu; they are swapped.",
                "current_cache, \"relu\")", "current_cache, \"sigmoid\")"),
        Mistake("Layer l reads dA{l+1}, the gradient the layer above produced, not dAL.",
                "linear_activation_backward(grads[\"dA\" + str(l + 1)], current_cache",
                "linear_activation_backward(dAL, current_cache"),
        Mistake("Store the gradients of layer l+1 under dW{l+1}/db{l+1} and dA{l}: the indices are off by one.",
                "grads[\"dW\" + str(l + 1)] = dW\n        grads[\"db\" + str(l + 1)] = db",
                "grads[\"dW\" + str(l)] = dW\n        grads[\"db\" + str(l)] = db"),
    ],
    "update_parameters": [
        Mistake("Gradient descent subtracts: W = W - learning_rate * dW.",
                "] - learning_rate * grads[\"dW\"", "] + learning_rate * grads[\"dW\""),
        Mistake("Update the biases too: b = b - learning_rate * db.",
                "parameters[\"b\" + str(l + 1)] - learning_rate * grads[\"db\" + str(l + 1)]",
                "parameters[\"b\" + str(l + 1)]"),
        Mistake("The loop runs over l = 0..L-1 and updates layer l+1; the layer index is off by one.",
                "for l in range(L):", "for l in range(L - 1):"),
        Mistake("Scale the step by learning_rate.",
                "learning_rate * grads[\"dW\" + str(l + 1)]", "grads[\"dW\" + str(l + 1)]"),
    ],
}
