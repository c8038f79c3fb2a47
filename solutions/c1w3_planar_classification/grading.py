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
        cases.append(Case(f"X {n_x}x{m}, Y {n_y}x{m}", (rng.randn(n_x, m), rng.randn(n_y, m))))
    return cases


def initialize_parameters_cases():
    return [Case(f"n_x={a}, n_h={b}, n_y={c}", (a, b, c)) for a, b, c in [(3, 5, 1), (1, 2, 2), (4, 1, 3)]]


def forward_propagation_cases():
    """One output unit only: the original scaffold asserts A2.shape == (1, m) inside the function."""
    cases = []
    for seed, (n_x, n_h, n_y, m) in enumerate([(3, 5, 1, 4), (2, 1, 1, 1), (4, 3, 1, 3), (2, 4, 1, 6)]):
        rng = _rng(20 + seed)
        X = rng.randn(n_x, m)
        cases.append(Case(f"n_x={n_x}, n_h={n_h}, n_y={n_y}, m={m}", (X, _params(rng, n_x, n_h, n_y))))
    return cases


def compute_cost_cases():
    cases = []
    for seed, (m, flat) in enumerate([(5, False), (1, False), (8, True)]):
        rng = _rng(30 + seed)
        A2 = rng.uniform(0.05, 0.95, size=(1, m))
        Y = _labels(rng, 1, m)
        label = f"m={m}" + (", A2 given as a 1-D array" if flat else "")
        cases.append(Case(label, (A2.ravel() if flat else A2, Y)))
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
        cases.append(Case(label, (params, cache, X, _labels(rng, n_y, m))))
    return cases


def update_parameters_cases():
    cases = []
    for seed, (n_x, n_h, n_y, lr) in enumerate([(3, 2, 1, None), (2, 5, 1, 0.05), (1, 1, 2, 2.0)]):
        rng = _rng(50 + seed)
        params = _params(rng, n_x, n_h, n_y)
        grads = {"d" + k: rng.randn(*v.shape) for k, v in params.items()}
        if lr is None:
            cases.append(Case(f"n_x={n_x}, n_h={n_h}, n_y={n_y}, default learning rate", (params, grads)))
        else:
            cases.append(Case(f"n_x={n_x}, n_h={n_h}, n_y={n_y}, learning_rate={lr}", (params, grads, lr)))
    return cases


def nn_model_cases():
    cases = []
    for seed, (n_x, m, n_h, iterations) in enumerate([(2, 6, 3, 30), (3, 1, 2, 20), (2, 10, 5, 50)]):
        rng = _rng(60 + seed)
        X = rng.randn(n_x, m)
        Y = _labels(rng, 1, m)
        cases.append(Case(f"n_x={n_x}, m={m}, n_h={n_h}, {iterations} iterations", (X, Y, n_h, iterations)))
    return cases


def predict_cases():
    cases = []
    for seed, (n_x, n_h, m) in enumerate([(2, 4, 7), (3, 2, 1), (2, 5, 9)]):
        rng = _rng(70 + seed)
        cases.append(Case(f"n_x={n_x}, n_h={n_h}, m={m}", (_params(rng, n_x, n_h, 1, scale=1.5), rng.randn(n_x, m))))
    rng = _rng(73)
    params = _params(rng, 2, 3, 1)
    params["W2"], params["b2"] = np.zeros((1, 3)), np.zeros((1, 1))
    cases.append(Case("an output layer of zeros, so that every probability is exactly 0.5",
                      (params, rng.randn(2, 4))))
    params, X = _params(rng, 2, 3, 1), rng.randn(2, 5)
    Z2 = params["W2"] @ np.tanh(params["W1"] @ X + params["b1"]) + params["b2"]
    params["b2"] = params["b2"] + rng.uniform(0.1, 0.4) - Z2[:, :1]  # the first example: 0 < Z2 < 0.5
    cases.append(Case("a probability just above 0.5", (params, X)))
    return cases


MISTAKES = {
    "layer_sizes": [
        Mistake("n_x is the number of input features, X.shape[0] (rows), not the number of examples.",
                "n_x = X.shape[0]", "n_x = X.shape[1]"),
        Mistake("n_y is the number of rows of Y, Y.shape[0], not the number of examples.",
                "n_y = Y.shape[0]", "n_y = Y.shape[1]"),
        Mistake("Read n_y from Y.shape[0]; a hard-coded 1 only fits one output.",
                "n_y = Y.shape[0]", "n_y = 1"),
        Mistake("Read n_x from X.shape[0]; a hard-coded 2 only fits the flower.",
                "n_x = X.shape[0]", "n_x = 2"),
        Mistake("The hidden layer has 4 units here, whatever the size of the input.",
                "n_h = 4", "n_h = X.shape[0]"),
    ],
    "initialize_parameters": [
        Mistake("Weights must come from np.random.randn (normal), not np.random.rand (uniform).",
                "W1 = np.random.randn(n_h, n_x)", "W1 = np.random.rand(n_h, n_x)"),
        Mistake("Scale the random weights by 0.01 to keep them small.",
                "W2 = np.random.randn(n_y, n_h) * 0.01", "W2 = np.random.randn(n_y, n_h)"),
        Mistake("W1 has shape (n_h, n_x): rows are hidden units, columns are inputs.",
                "W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_x, n_h).T * 0.01"),
        Mistake("b1 must be a column of shape (n_h, 1), not a 1-D array.",
                "b1 = np.zeros((n_h, 1))", "b1 = np.zeros(n_h)"),
        Mistake("Draw W1 before W2: with a fixed seed the order decides the numbers.",
                "    W1 = np.random.randn(n_h, n_x) * 0.01\n    b1 = np.zeros((n_h, 1))\n"
                "    W2 = np.random.randn(n_y, n_h) * 0.01\n",
                "    W2 = np.random.randn(n_y, n_h) * 0.01\n    W1 = np.random.randn(n_h, n_x) * 0.01\n"
                "    b1 = np.zeros((n_h, 1))\n"),
    ],
    "forward_propagation": [
        Mistake("The hidden layer uses tanh; the sigmoid is for the output layer only.",
                "A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)"),
        Mistake("The output layer uses the sigmoid, so that A2 is a probability; tanh is for the hidden layer.",
                "A2 = sigmoid(Z2)", "A2 = np.tanh(Z2)"),
        Mistake("The output layer takes the hidden activations: Z2 = W2 A1 + b2, not W2 Z1 + b2.",
                "Z2 = np.dot(W2, A1) + b2", "Z2 = np.dot(W2, Z1) + b2"),
        Mistake("Do not forget the bias: Z1 = W1 X + b1.",
                "Z1 = np.dot(W1, X) + b1", "Z1 = np.dot(W1, X)"),
        Mistake("W1 X is a matrix product (np.dot), not an elementwise one.",
                "Z1 = np.dot(W1, X) + b1", "Z1 = W1 * X + b1"),
        Mistake("The hidden activation is tanh, not ReLU.",
                "A1 = np.tanh(Z1)", "A1 = np.maximum(0, Z1)"),
    ],
    "compute_cost": [
        Mistake("The cross-entropy cost starts with a minus sign.",
                "cost = -np.sum(", "cost = np.sum("),
        Mistake("Average over the examples: divide the sum by m.",
                "cost = -np.sum(log_likelihood) / m", "cost = -np.sum(log_likelihood)"),
        Mistake("Both terms are needed: Y log(A2) and (1 - Y) log(1 - A2).",
                "Y * np.log(A2) + (1 - Y) * np.log(1 - A2)", "Y * np.log(A2)"),
        Mistake("Y goes with log(A2) and (1 - Y) with log(1 - A2); the pairs are swapped.",
                "Y * np.log(A2) + (1 - Y) * np.log(1 - A2)", "Y * np.log(1 - A2) + (1 - Y) * np.log(A2)"),
        Mistake("Use np.log (natural logarithm), not np.log10.",
                "Y * np.log(A2) + (1 - Y) * np.log(1 - A2)", "Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)"),
    ],
    "backward_propagation": [
        Mistake("Use the cached A1: tanh'(Z1) = 1 - A1**2. Recomputing tanh(Z1) gives other numbers when "
                "the cache is not the one your forward pass made.",
                "(1 - A1 ** 2)", "(1 - np.tanh(cache[\"Z1\"]) ** 2)"),
        Mistake("The slope of tanh is 1 - A1**2 (squared), not 1 - A1.",
                "(1 - A1 ** 2)", "(1 - A1)"),
        Mistake("db must keep its column shape: np.sum(dZ, axis=1, keepdims=True) / m.",
                "np.sum(dZ2, axis=1, keepdims=True) / m", "np.sum(dZ2, axis=1) / m"),
        Mistake("dW1 is an average over the examples: divide by m.",
                "dW1 = np.dot(dZ1, X.T) / m", "dW1 = np.dot(dZ1, X.T)"),
        Mistake("W2.T dZ2 is a matrix product (np.dot); `*` only agrees with it when there is one output unit.",
                "np.dot(W2.T, dZ2)", "W2.T * dZ2"),
        Mistake("dZ2 = A2 - Y: the sign is flipped.",
                "dZ2 = A2 - Y", "dZ2 = Y - A2"),
        Mistake("dW2 = dZ2 A1.T / m has the shape of W2, (n_y, n_h); the product is the other way round.",
                "dW2 = np.dot(dZ2, A1.T) / m", "dW2 = np.dot(A1, dZ2.T) / m"),
    ],
    "update_parameters": [
        Mistake("Gradient descent subtracts: W = W - learning_rate * dW.",
                "-= learning_rate", "+= learning_rate"),
        Mistake("Use the learning_rate argument; a hard-coded 1.2 only fits the default.",
                "-= learning_rate *", "-= 1.2 *"),
        Mistake("Scale the step by learning_rate.",
                "-= learning_rate * grads", "-= grads"),
        Mistake("Update the biases too: b = b - learning_rate * db.",
                "    b1 -= learning_rate * grads[\"db1\"]\n", ""),
    ],
    "nn_model": [
        Mistake("Create the hidden layer with the n_h you are given, not a fixed 4.",
                "initialize_parameters(n_x, n_h, n_y)", "initialize_parameters(n_x, 4, n_y)"),
        Mistake("Keep what update_parameters returns: assign its result back to parameters, or nothing is learned.",
                "parameters = update_parameters(parameters, grads)", "update_parameters(parameters, grads)"),
        Mistake("Initialise once, before the loop; initialising inside it undoes every step.",
                "        A2, cache = forward_propagation(X, parameters)\n",
                "        parameters = initialize_parameters(n_x, n_h, n_y)\n"
                "        A2, cache = forward_propagation(X, parameters)\n"),
        Mistake("The arguments of initialize_parameters are (n_x, n_h, n_y), in that order.",
                "initialize_parameters(n_x, n_h, n_y)", "initialize_parameters(n_x, n_y, n_h)"),
        Mistake("Use update_parameters' default learning rate (1.2).",
                "update_parameters(parameters, grads)", "update_parameters(parameters, grads, 0.01)"),
    ],
    "predict": [
        Mistake("The threshold is strict: predict 1 where A2 > 0.5, so a probability of exactly 0.5 gives 0.",
                "A2 > 0.5", "A2 >= 0.5"),
        Mistake("Predict True where the probability is above 0.5; the comparison is flipped.",
                "A2 > 0.5", "A2 < 0.5"),
        Mistake("Compare the probability A2 (after the sigmoid) with 0.5, not Z2.",
                "predictions = A2 > 0.5", "predictions = cache[\"Z2\"] > 0.5"),
        Mistake("Turn the probabilities into classes: compare A2 with 0.5.",
                "predictions = A2 > 0.5", "predictions = A2"),
    ],
}
