"""Hidden cases and known mistakes for "Regularization" (L2 and dropout)."""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

# No graded function calls another: the given helpers (compute_cost, relu, sigmoid) are not graded.
CALLEES = {}


def _rng(seed):
    return case_rng(seed)


def _params(rng, dims, bias=0.3):
    """He-like random weights and non-zero biases (so that a penalty or gradient on b shows)."""
    out = {}
    for l in range(1, len(dims)):
        out[f"W{l}"] = rng.randn(dims[l], dims[l - 1]) * np.sqrt(2.0 / dims[l - 1])
        out[f"b{l}"] = rng.randn(dims[l], 1) * bias
    return out


def _relu(x):
    return np.maximum(0, x)


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _labels(rng, m):
    return (rng.rand(1, m) > 0.5).astype(float)


def _forward(X, p, masks=None, keep_prob=1.0):
    """The three-layer forward pass; with masks, inverted dropout on both hidden layers.
    Returns the cache in reg_utils' layout, or in the dropout layout when masks are given."""
    Z1 = p["W1"] @ X + p["b1"]
    A1 = _relu(Z1)
    if masks is not None:
        A1 = A1 * masks[0] / keep_prob
    Z2 = p["W2"] @ A1 + p["b2"]
    A2 = _relu(Z2)
    if masks is not None:
        A2 = A2 * masks[1] / keep_prob
    Z3 = p["W3"] @ A2 + p["b3"]
    A3 = _sigmoid(Z3)
    if masks is None:
        return (Z1, A1, p["W1"], p["b1"], Z2, A2, p["W2"], p["b2"], Z3, A3, p["W3"], p["b3"])
    return (Z1, masks[0], A1, p["W1"], p["b1"], Z2, masks[1], A2, p["W2"], p["b2"], Z3, A3, p["W3"], p["b3"])


def compute_cost_with_regularization_cases():
    cases = []
    shapes = [([3, 2, 3, 1], 5, 0.1), ([2, 20, 3, 1], 1, 0.7), ([4, 5, 2, 1], 7, 2.5), ([2, 3, 4, 1], 3, 0.03)]
    for seed, (dims, m, lambd) in enumerate(shapes):
        rng = _rng(10 + seed)
        params = _params(rng, dims)
        A3 = rng.uniform(0.05, 0.95, size=(1, m))
        Y = _labels(rng, m)
        cases.append(Case(f"layers {dims}, m={m}, lambd={lambd}", (A3, Y, params, lambd),
                          zh=f"各层大小 {dims}，m={m}，lambd={lambd}"))
    return cases


def backward_propagation_with_regularization_cases():
    cases = []
    shapes = [([3, 4, 3, 1], 5, 0.7), ([2, 20, 3, 1], 1, 0.1), ([5, 3, 2, 1], 6, 1.5), ([2, 6, 6, 1], 4, 0.05)]
    for seed, (dims, m, lambd) in enumerate(shapes):
        rng = _rng(20 + seed)
        X = rng.randn(dims[0], m)
        params = _params(rng, dims)
        cases.append(Case(f"layers {dims}, m={m}, lambd={lambd}", (X, _labels(rng, m), _forward(X, params), lambd),
                          zh=f"各层大小 {dims}，m={m}，lambd={lambd}"))
    return cases


def forward_propagation_with_dropout_cases():
    """The grader seeds 1 before each call, as the given first line does."""
    cases = []
    shapes = [([3, 2, 3, 1], 5, 0.8), ([2, 20, 3, 1], 1, 0.6), ([4, 5, 4, 1], 6, 0.95), ([2, 3, 2, 1], 4, None)]
    for seed, (dims, m, keep_prob) in enumerate(shapes):
        rng = _rng(30 + seed)
        X = rng.randn(dims[0], m)
        params = _params(rng, dims)
        if keep_prob is None:
            cases.append(Case(f"layers {dims}, m={m}, default keep_prob", (X, params),
                              zh=f"各层大小 {dims}，m={m}，默认的 keep_prob"))
        else:
            cases.append(Case(f"layers {dims}, m={m}, keep_prob={keep_prob}", (X, params, keep_prob),
                              zh=f"各层大小 {dims}，m={m}，keep_prob={keep_prob}"))
    return cases


def backward_propagation_with_dropout_cases():
    """Caches as a dropout forward pass makes them, with masks of each kind learners' code makes:
    bool (the original course), int (2021+) and float (0. / 1.)."""
    cases = []
    shapes = [([3, 4, 3, 1], 5, 0.8, bool), ([2, 20, 3, 1], 1, 0.6, int), ([4, 3, 5, 1], 6, 0.7, float),
              ([2, 5, 5, 1], 4, 0.9, int)]
    for seed, (dims, m, keep_prob, kind) in enumerate(shapes):
        rng = _rng(40 + seed)
        X = rng.randn(dims[0], m)
        params = _params(rng, dims)
        masks = [rng.rand(dims[l], m) < keep_prob for l in (1, 2)]
        for mask in masks:  # every layer keeps one unit and drops one, whatever the draw
            mask[0, 0], mask[-1, -1] = True, False
        masks = [mask.astype(kind) for mask in masks]
        cache = _forward(X, params, masks, keep_prob)
        label = f"layers {dims}, m={m}, keep_prob={keep_prob}, {kind.__name__} masks"
        cases.append(Case(label, (X, _labels(rng, m), cache, keep_prob),
                          zh=f"各层大小 {dims}，m={m}，keep_prob={keep_prob}，{kind.__name__} 类型的掩码"))
    return cases


MISTAKES = {
    "compute_cost_with_regularization": [
        Mistake("The penalty is lambd / (2 m) times the sum of squares: the 2 is missing.",
                "lambd / (2 * m)", "lambd / m",
                zh="惩罚项是 lambd / (2 m) 乘以平方和：你漏掉了这个 2。"),
        Mistake("Sum the squares of all three weight matrices: W3 is missing.",
                " + np.sum(np.square(W3))", "",
                zh="要对全部三个权重矩阵的平方求和：你漏掉了 W3。"),
        Mistake("Square the weights before summing: np.sum(np.square(W)), not np.sum(W).",
                "np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3))",
                "np.sum(W1) + np.sum(W2) + np.sum(W3)",
                zh="先把权重平方再求和：应为 np.sum(np.square(W))，而不是 np.sum(W)。"),
        Mistake("Sum the squares of the entries, np.sum(np.square(W)); squaring the sum is something else.",
                "np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3))",
                "np.square(np.sum(W1)) + np.square(np.sum(W2)) + np.square(np.sum(W3))",
                zh="要对各元素的平方求和，即 np.sum(np.square(W))；先求和再平方是另一回事。"),
        Mistake("Divide by m, the number of examples, as in lambd / (2 m).",
                "lambd / (2 * m)", "lambd / 2",
                zh="要除以样本数 m，即 lambd / (2 m)。"),
        Mistake("The penalty is on the weights only: leave the biases b out of it.",
                "+ np.sum(np.square(W3)))",
                "+ np.sum(np.square(W3)) + np.sum(np.square(parameters[\"b1\"]))"
                " + np.sum(np.square(parameters[\"b2\"])) + np.sum(np.square(parameters[\"b3\"])))",
                zh="惩罚项只针对权重：不要把偏置 b 算进去。"),
    ],
    "backward_propagation_with_regularization": [
        Mistake("Every dW gains lambd / m * W: it is missing in dW3.",
                "dW3 = np.dot(dZ3, A2.T) / m + lambd / m * W3", "dW3 = np.dot(dZ3, A2.T) / m",
                zh="每个 dW 都要加上 lambd / m * W：dW3 中漏掉了这一项。"),
        Mistake("Every dW gains lambd / m * W: it is missing in dW1.",
                "dW1 = np.dot(dZ1, X.T) / m + lambd / m * W1", "dW1 = np.dot(dZ1, X.T) / m",
                zh="每个 dW 都要加上 lambd / m * W：dW1 中漏掉了这一项。"),
        Mistake("The term added to dW is lambd / m * W (the derivative of lambd / (2 m) * W^2); divide by m.",
                "lambd / m * W", "lambd * W",
                zh="加到 dW 上的项是 lambd / m * W（即 lambd / (2 m) * W^2 的导数），要除以 m。"),
        Mistake("The derivative of lambd / (2 m) * W^2 is lambd / m * W: the 2 cancels.",
                "lambd / m * W", "lambd / (2 * m) * W",
                zh="lambd / (2 m) * W^2 的导数是 lambd / m * W：分母中的 2 被约掉了。"),
        Mistake("Only the weights are penalised: db has no lambd / m * b term.",
                "db2 = np.sum(dZ2, axis=1, keepdims=True) / m",
                "db2 = np.sum(dZ2, axis=1, keepdims=True) / m + lambd / m * b2",
                zh="只有权重受到惩罚：db 中没有 lambd / m * b 这一项。"),
        Mistake("db must keep its column shape: np.sum(dZ, axis=1, keepdims=True) / m.",
                "db1 = np.sum(dZ1, axis=1, keepdims=True) / m", "db1 = np.sum(dZ1, axis=1) / m",
                zh="db 必须保持列向量的形状：应为 np.sum(dZ, axis=1, keepdims=True) / m。"),
    ],
    "forward_propagation_with_dropout": [
        Mistake("Keep a unit where the random number is below keep_prob (D < keep_prob), not above it.",
                "< keep_prob", "> keep_prob",
                zh="随机数小于 keep_prob 时保留该单元（D < keep_prob），而不是大于时保留。"),
        Mistake("Keep a unit where the random number is below keep_prob; 1 - keep_prob is the probability "
                "of dropping it.",
                "< keep_prob", "< 1 - keep_prob",
                zh="随机数小于 keep_prob 时保留该单元；1 - keep_prob 是关闭它的概率。"),
        Mistake("After shutting units down, divide by keep_prob so that the expected value stays the same.",
                "    A2 = A2 / keep_prob\n", "",
                zh="关闭一部分单元之后，要除以 keep_prob，使期望值保持不变。"),
        Mistake("Inverted dropout divides the kept activations by keep_prob; multiplying shrinks them instead.",
                "/ keep_prob", "* keep_prob",
                zh="反向 dropout 把保留下来的激活值除以 keep_prob；乘以 keep_prob 反而会让它们变小。"),
        Mistake("The mask takes uniform numbers in [0, 1): np.random.rand, not np.random.randn.",
                "np.random.rand(", "np.random.randn(",
                zh="掩码使用 [0, 1) 上均匀分布的随机数：应为 np.random.rand，而不是 np.random.randn。"),
        Mistake("Threshold the numbers you drew (D1 < keep_prob); drawing a fresh array for the comparison "
                "uses other random numbers and shifts every later draw.",
                "D1 = (D1 < keep_prob)", "D1 = (np.random.rand(A1.shape[0], A1.shape[1]) < keep_prob)",
                zh="对你已经生成的随机数做阈值比较（D1 < keep_prob）；为比较重新生成一个数组会用到别的随机数，"
                   "并打乱之后的每一次抽取。"),
        Mistake("Draw the mask with the shape of A, np.random.rand(A1.shape[0], A1.shape[1]): a transposed "
                "draw puts the random numbers in other places.",
                "D1 = np.random.rand(A1.shape[0], A1.shape[1])", "D1 = np.random.rand(A1.shape[1], A1.shape[0]).T",
                zh="按 A 的形状生成掩码，即 np.random.rand(A1.shape[0], A1.shape[1])："
                   "转置后的抽取会把随机数放到别的位置上。"),
        Mistake("No dropout on the output layer: only A1 and A2 get masks.",
                "    A3 = sigmoid(Z3)\n",
                "    A3 = sigmoid(Z3)\n    A3 = A3 * (np.random.rand(A3.shape[0], A3.shape[1]) < keep_prob) / keep_prob\n",
                zh="输出层不使用 dropout：只有 A1 和 A2 需要掩码。"),
    ],
    "backward_propagation_with_dropout": [
        Mistake("Apply the mask to dA1 too: the units shut down in the forward pass get no gradient.",
                "    dA1 = dA1 * D1\n", "",
                zh="dA1 也要乘以掩码：在前向传播中被关闭的单元得不到梯度。"),
        Mistake("Apply the mask to dA2 too: the units shut down in the forward pass get no gradient.",
                "    dA2 = dA2 * D2\n", "",
                zh="dA2 也要乘以掩码：在前向传播中被关闭的单元得不到梯度。"),
        Mistake("Divide dA by keep_prob as the forward pass divided A.",
                "    dA1 = dA1 / keep_prob\n", "",
                zh="像前向传播中把 A 除以 keep_prob 那样，把 dA 也除以 keep_prob。"),
        Mistake("Divide by keep_prob (as the forward pass did), do not multiply.",
                "/ keep_prob", "* keep_prob",
                zh="要除以 keep_prob（与前向传播相同），而不是乘以它。"),
        Mistake("Reuse the masks of the forward pass from the cache; drawing new random masks shuts down "
                "other units than the forward pass did.",
                "dA2 = dA2 * D2", "dA2 = dA2 * (np.random.rand(dA2.shape[0], dA2.shape[1]) < keep_prob)",
                zh="使用缓存中前向传播的掩码；重新生成随机掩码关闭的将是与前向传播不同的单元。"),
        Mistake("Scale by 1 / keep_prob, not by 1 / (1 - keep_prob).",
                "dA2 = dA2 / keep_prob", "dA2 = dA2 / (1 - keep_prob)",
                zh="缩放因子是 1 / keep_prob，而不是 1 / (1 - keep_prob)。"),
    ],
}
