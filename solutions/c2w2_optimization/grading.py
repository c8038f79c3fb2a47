"""Hidden cases and known mistakes for "Optimization Methods".

No graded function calls another, so there are no CALLEES. The update functions of the original
course wrote into the caller's dictionaries (parameters, and the averages v and s): doing so is
right (MAY_CHANGE), changing the gradients is not.
"""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {}
MAY_CHANGE = {"update_parameters_with_gd": {0}, "update_parameters_with_momentum": {0, 2},
              "update_parameters_with_adam": {0, 2, 3}}
# The original update_parameters_with_adam returned (parameters, v, s); today's adds the corrected averages.
OLD_RETURNS = {"update_parameters_with_adam": (
    slice(0, 3), "the current version of this function returns (parameters, v, s, v_corrected, s_corrected); "
                 "yours returns (parameters, v, s), the original course's form: those three were graded",
    "这个函数的当前版本返回 (parameters, v, s, v_corrected, s_corrected)；你的函数返回 (parameters, v, s)，"
    "这是原课程的形式：评分时只比较了这三项")}


def _params(rng, dims):
    out = {}
    for l in range(1, len(dims)):
        out[f"W{l}"] = rng.randn(dims[l], dims[l - 1])
        out[f"b{l}"] = rng.randn(dims[l], 1) * 0.5
    return out


def _like(rng, params, scale=1.0):
    """A dict named like the gradients ("dW1", ...), random values shaped like each parameter."""
    return {"d" + k: rng.randn(*v.shape) * scale for k, v in params.items()}


def _zeros(params):
    return {"d" + k: np.zeros(v.shape) for k, v in params.items()}


def _layers(dims):
    return f"{len(dims) - 1} layers {dims}"


def update_parameters_with_gd_cases():
    cases = []
    for seed, (dims, lr) in enumerate([([3, 2, 1], 0.1), ([4, 5, 3, 1], 0.03), ([2, 1], 1.5),
                                       ([1, 6, 2, 3, 1], 0.007)]):
        rng = case_rng(100 + seed)
        params = _params(rng, dims)
        cases.append(Case(f"{_layers(dims)}, learning_rate={lr}", (params, _like(rng, params), lr),
                          zh=f"{len(dims) - 1} 层 {dims}，learning_rate={lr}"))
    return cases


def random_mini_batches_cases():
    cases = []
    for seed, (label, label_zh, n_x, m, size) in enumerate([
            ("m not a multiple of the size", "m 不是批大小的整数倍", 3, 23, 8),
            ("m smaller than the size", "m 小于批大小", 2, 5, 16),
            ("m an exact multiple", "m 恰好是批大小的整数倍", 4, 24, 6),
            ("mini_batch_size 1", "mini_batch_size 为 1", 2, 4, 1),
            ("m not a multiple, larger", "m 不是整数倍，且更大", 1, 70, 32)]):
        rng = case_rng(200 + seed)
        X = rng.randn(n_x, m)
        Y = (rng.rand(1, m) < 0.5).astype(float)
        shuffle_seed = int(rng.randint(0, 1000))
        cases.append(Case(f"{label}: X {n_x}x{m}, mini_batch_size={size}", (X, Y, size, shuffle_seed),
                          zh=f"{label_zh}：X {n_x}x{m}，mini_batch_size={size}"))
    return cases


PARAM_SHAPES = [[3, 2, 1], [5, 4, 3, 2], [1, 7], [2, 6, 6, 3, 1]]


def initialize_velocity_cases():
    return [Case(_layers(dims), (_params(case_rng(300 + seed), dims),), zh=f"{len(dims) - 1} 层 {dims}")
            for seed, dims in enumerate(PARAM_SHAPES)]


def initialize_adam_cases():
    return [Case(_layers(dims), (_params(case_rng(400 + seed), dims),), zh=f"{len(dims) - 1} 层 {dims}")
            for seed, dims in enumerate(PARAM_SHAPES)]


def update_parameters_with_momentum_cases():
    cases = []
    for seed, (dims, beta, lr) in enumerate([([3, 2, 1], 0.9, 0.1), ([4, 5, 3, 1], 0.8, 0.01),
                                             ([2, 1], 0.95, 1.2), ([1, 4, 2, 3], 0.5, 0.05)]):
        rng = case_rng(500 + seed)
        params = _params(rng, dims)
        args = (params, _like(rng, params), _like(rng, params, 0.5), beta, lr)
        cases.append(Case(f"{_layers(dims)}, beta={beta}, learning_rate={lr}, velocity not zero", args,
                          zh=f"{len(dims) - 1} 层 {dims}，beta={beta}，learning_rate={lr}，速度不为零"))
    return cases


def _adam_case(rng, dims, t, lr, beta1, beta2, epsilon, label, grad_scale=1.0, from_zero=False, label_zh=""):
    params = _params(rng, dims)
    grads = _like(rng, params, grad_scale)
    if from_zero:
        v, s = _zeros(params), _zeros(params)
    else:
        v = _like(rng, params, grad_scale * 0.5)
        s = {k: value ** 2 for k, value in _like(rng, params, grad_scale).items()}
    return Case(f"{label}: {_layers(dims)}, t={t}", (params, grads, v, s, t, lr, beta1, beta2, epsilon),
                zh=f"{label_zh}：{len(dims) - 1} 层 {dims}，t={t}")


def update_parameters_with_adam_cases():
    return [
        _adam_case(case_rng(600), [3, 2, 1], 1, 0.01, 0.9, 0.999, 1e-8, "first step from zero", from_zero=True,
                   label_zh="从零开始的第一步"),
        _adam_case(case_rng(601), [4, 5, 3, 1], 3, 0.02, 0.8, 0.99, 1e-8, "later step, other betas",
                   label_zh="后面的某一步，另一组 beta"),
        _adam_case(case_rng(602), [2, 1], 7, 0.05, 0.9, 0.999, 0.1, "large epsilon", label_zh="较大的 epsilon"),
        _adam_case(case_rng(603), [1, 4, 2], 12, 0.01, 0.85, 0.995, 1e-8, "tiny gradients", grad_scale=1e-6,
                   label_zh="极小的梯度"),
    ]


def update_lr_cases():
    cases = []
    for seed, (label, label_zh, low, high) in enumerate([("epoch_num = 0", "epoch_num = 0", 0, 1),
                                                         ("a few epochs", "几个 epoch", 2, 40),
                                                         ("thousands of epochs", "几千个 epoch", 1000, 6000)]):
        rng = case_rng(700 + seed)
        learning_rate0 = float(np.round(rng.uniform(0.01, 1.0), 4))
        decay_rate = float(np.round(rng.uniform(0.1, 2.0), 3))
        epoch_num = int(rng.randint(low, high))
        cases.append(Case(f"{label}", (learning_rate0, epoch_num, decay_rate), zh=f"{label_zh}"))
    return cases


def _interval_case(rng, label, epochs, label_zh=""):
    """epochs(time_interval, k) -> epoch_num, for a time_interval and a whole number k drawn here."""
    learning_rate0 = float(np.round(rng.uniform(0.01, 1.0), 4))
    decay_rate = float(np.round(rng.uniform(0.2, 2.0), 3))
    time_interval = int(rng.randint(10, 500))
    epoch_num = int(epochs(rng, time_interval, int(rng.randint(1, 7))))
    return Case(label, (learning_rate0, epoch_num, decay_rate, time_interval), zh=label_zh)


def schedule_lr_decay_cases():
    rng = case_rng(800)
    cases = [
        _interval_case(rng, "epoch_num smaller than time_interval", lambda r, T, k: r.randint(1, T),
                       label_zh="epoch_num 小于 time_interval"),
        _interval_case(rng, "epoch_num an exact multiple of time_interval", lambda r, T, k: k * T,
                       label_zh="epoch_num 恰好是 time_interval 的整数倍"),
        _interval_case(rng, "epoch_num in the second half of an interval",
                       lambda r, T, k: k * T + T // 2 + r.randint(1, T - T // 2),
                       label_zh="epoch_num 位于某个区间的后半段"),
    ]
    learning_rate0 = float(np.round(rng.uniform(0.01, 1.0), 4))
    decay_rate = float(np.round(rng.uniform(0.2, 2.0), 3))
    cases.append(Case("default time_interval (1000)", (learning_rate0, int(rng.randint(1500, 6000)), decay_rate),
                      zh="默认的 time_interval（1000）"))
    return cases


MISTAKES = {
    "update_parameters_with_gd": [
        Mistake("Gradient descent steps against the gradient: W = W - learning_rate * dW.",
                "] - learning_rate * grads[\"dW\"", "] + learning_rate * grads[\"dW\"",
                zh="梯度下降沿梯度的反方向迈步：W = W - learning_rate * dW。"),
        Mistake("Update the biases too: b = b - learning_rate * db.",
                "parameters[\"b\" + str(l)] - learning_rate * grads[\"db\" + str(l)]", "parameters[\"b\" + str(l)]",
                zh="偏置也要更新：b = b - learning_rate * db。"),
        Mistake("Every layer from 1 to L is updated, the last one included: loop over range(1, L + 1).",
                "for l in range(1, L + 1):", "for l in range(1, L):",
                zh="从 1 到 L 的每一层都要更新，包括最后一层：循环用 range(1, L + 1)。"),
        Mistake("Scale the step by learning_rate.",
                "learning_rate * grads[\"dW\" + str(l)]", "grads[\"dW\" + str(l)]",
                zh="每一步的更新量都要乘以 learning_rate。"),
        Mistake("Use the learning_rate argument, not a fixed number.",
                "learning_rate * grads[\"db\"", "0.01 * grads[\"db\"",
                zh="使用参数 learning_rate，而不是一个固定的数。"),
    ],
    "random_mini_batches": [
        Mistake("Batch k holds columns k * mini_batch_size up to (k + 1) * mini_batch_size; "
                "starting at column k makes the batches overlap.",
                "k * mini_batch_size:(k + 1) * mini_batch_size", "k:k + mini_batch_size",
                zh="第 k 批包含从第 k * mini_batch_size 列到第 (k + 1) * mini_batch_size 列（不含）的列；从第 k 列开始会让各批相互重叠。"),
        Mistake("Cut the batches from shuffled_X, not from X: the examples must be shuffled.",
                "mini_batch_X = shuffled_X[", "mini_batch_X = X[",
                zh="从 shuffled_X 而不是 X 中切出各批：样本必须先打乱。"),
        Mistake("Cut the labels from shuffled_Y, so that each example keeps its own label.",
                "mini_batch_Y = shuffled_Y[", "mini_batch_Y = Y[",
                zh="从 shuffled_Y 中切出标签，这样每个样本才能保留自己的标签。"),
        Mistake("The last batch starts at num_complete_minibatches * mini_batch_size: the loop variable k "
                "does not exist when there is no full batch (m < mini_batch_size).",
                "num_complete_minibatches * mini_batch_size:]", "(k + 1) * mini_batch_size:]",
                zh="最后一批从 num_complete_minibatches * mini_batch_size 开始：没有完整的批时（m < mini_batch_size），循环变量 k 并不存在。"),
        Mistake("The end case is for m NOT a multiple of mini_batch_size: keep `if m % mini_batch_size != 0`.",
                "if m % mini_batch_size != 0:", "if m % mini_batch_size == 0:",
                zh="末尾这段代码处理的是 m 不是 mini_batch_size 整数倍的情形：保留 `if m % mini_batch_size != 0`。"),
        Mistake("The last mini-batch runs to the end of the data: slice up to m (or leave the end open), "
                "not m - 1.",
                "num_complete_minibatches * mini_batch_size:]", "num_complete_minibatches * mini_batch_size:m - 1]",
                zh="最后一个 mini-batch 一直延伸到数据末尾：切片到 m 为止（或者不写结束位置），而不是到 m - 1。"),
    ],
    "initialize_velocity": [
        Mistake("The velocity's keys are the gradients' names: \"dW1\", \"db1\", ..., not \"W1\".",
                "v[\"dW\" + str(l)] =", "v[\"W\" + str(l)] =",
                zh="速度的键是梯度的名称：\"dW1\"、\"db1\" 等，而不是 \"W1\"。"),
        Mistake("v[\"db\" + str(l)] has the shape of b, (n_l, 1), not the shape of W.",
                "np.zeros(parameters[\"b\" + str(l)].shape)", "np.zeros(parameters[\"W\" + str(l)].shape)",
                zh="v[\"db\" + str(l)] 的形状与 b 相同，为 (n_l, 1)，而不是 W 的形状。"),
        Mistake("Every layer from 1 to L needs a velocity: loop over range(1, L + 1).",
                "for l in range(1, L + 1):", "for l in range(1, L):",
                zh="从 1 到 L 的每一层都需要速度：循环用 range(1, L + 1)。"),
        Mistake("v[\"db\" + str(l)] must be a column (n_l, 1), like b, not a 1-D array.",
                "np.zeros(parameters[\"b\" + str(l)].shape)", "np.zeros(len(parameters[\"b\" + str(l)]))",
                zh="v[\"db\" + str(l)] 必须和 b 一样是形状为 (n_l, 1) 的列向量，而不是一维数组。"),
        Mistake("v[\"dW\" + str(l)] has the shape of W (n_l, n_{l-1}); it is transposed.",
                "np.zeros(parameters[\"W\" + str(l)].shape)", "np.zeros(parameters[\"W\" + str(l)].T.shape)",
                zh="v[\"dW\" + str(l)] 的形状与 W 相同，为 (n_l, n_{l-1})；你的结果被转置了。"),
    ],
    "update_parameters_with_momentum": [
        Mistake("v = beta * v + (1 - beta) * dW: beta weighs the old velocity, (1 - beta) the new gradient.",
                "beta * v[\"dW\" + str(l)] + (1 - beta) * grads[\"dW\" + str(l)]",
                "(1 - beta) * v[\"dW\" + str(l)] + beta * grads[\"dW\" + str(l)]",
                zh="v = beta * v + (1 - beta) * dW：beta 是旧速度的权重，(1 - beta) 是新梯度的权重。"),
        Mistake("Momentum steps along the velocity: W = W - learning_rate * v[\"dW\"], not along the gradient.",
                "- learning_rate * v[\"dW\" + str(l)]", "- learning_rate * grads[\"dW\" + str(l)]",
                zh="动量沿着速度迈步：W = W - learning_rate * v[\"dW\"]，而不是沿着梯度。"),
        Mistake("The new gradient is weighted by (1 - beta): v = beta * v + (1 - beta) * dW.",
                "+ (1 - beta) * grads[\"dW\" + str(l)]", "+ grads[\"dW\" + str(l)]",
                zh="新梯度的权重是 (1 - beta)：v = beta * v + (1 - beta) * dW。"),
        Mistake("Step against the velocity: W = W - learning_rate * v.",
                "parameters[\"W\" + str(l)] - learning_rate", "parameters[\"W\" + str(l)] + learning_rate",
                zh="朝速度的反方向迈步：W = W - learning_rate * v。"),
        Mistake("Update the velocity first, then step with the new velocity.",
                "        v[\"dW\" + str(l)] = beta * v[\"dW\" + str(l)] + (1 - beta) * grads[\"dW\" + str(l)]\n"
                "        v[\"db\" + str(l)] = beta * v[\"db\" + str(l)] + (1 - beta) * grads[\"db\" + str(l)]\n"
                "        parameters[\"W\" + str(l)] = parameters[\"W\" + str(l)] - learning_rate * v[\"dW\" + str(l)]\n"
                "        parameters[\"b\" + str(l)] = parameters[\"b\" + str(l)] - learning_rate * v[\"db\" + str(l)]\n",
                "        parameters[\"W\" + str(l)] = parameters[\"W\" + str(l)] - learning_rate * v[\"dW\" + str(l)]\n"
                "        parameters[\"b\" + str(l)] = parameters[\"b\" + str(l)] - learning_rate * v[\"db\" + str(l)]\n"
                "        v[\"dW\" + str(l)] = beta * v[\"dW\" + str(l)] + (1 - beta) * grads[\"dW\" + str(l)]\n"
                "        v[\"db\" + str(l)] = beta * v[\"db\" + str(l)] + (1 - beta) * grads[\"db\" + str(l)]\n",
                zh="先更新速度，再用新的速度迈步。"),
    ],
    "initialize_adam": [
        Mistake("The keys of s are the gradients' names: \"dW1\", \"db1\", ..., not \"W1\".",
                "s[\"dW\" + str(l)] =", "s[\"W\" + str(l)] =",
                zh="s 的键是梯度的名称：\"dW1\"、\"db1\" 等，而不是 \"W1\"。"),
        Mistake("s[\"db\" + str(l)] has the shape of b, (n_l, 1), not the shape of W.",
                "s[\"db\" + str(l)] = np.zeros(parameters[\"b\" + str(l)].shape)",
                "s[\"db\" + str(l)] = np.zeros(parameters[\"W\" + str(l)].shape)",
                zh="s[\"db\" + str(l)] 的形状与 b 相同，为 (n_l, 1)，而不是 W 的形状。"),
        Mistake("Every layer from 1 to L needs its averages: loop over range(1, L + 1).",
                "for l in range(1, L + 1):", "for l in range(1, L):",
                zh="从 1 到 L 的每一层都需要自己的两个平均值：循环用 range(1, L + 1)。"),
        Mistake("v[\"db\" + str(l)] must be a column (n_l, 1), like b, not a 1-D array.",
                "v[\"db\" + str(l)] = np.zeros(parameters[\"b\" + str(l)].shape)",
                "v[\"db\" + str(l)] = np.zeros(len(parameters[\"b\" + str(l)]))",
                zh="v[\"db\" + str(l)] 必须和 b 一样是形状为 (n_l, 1) 的列向量，而不是一维数组。"),
        Mistake("v[\"dW\" + str(l)] has the shape of W (n_l, n_{l-1}); it is transposed.",
                "v[\"dW\" + str(l)] = np.zeros(parameters[\"W\" + str(l)].shape)",
                "v[\"dW\" + str(l)] = np.zeros(parameters[\"W\" + str(l)].T.shape)",
                zh="v[\"dW\" + str(l)] 的形状与 W 相同，为 (n_l, n_{l-1})；你的结果被转置了。"),
    ],
    "update_parameters_with_adam": [
        Mistake("The bias correction divides by 1 - beta1**t and 1 - beta2**t: the power is the step t.",
                " ** t)", ")",
                zh="偏差修正要除以 1 - beta1**t 和 1 - beta2**t：幂次是步数 t。"),
        Mistake("The bias correction uses the argument t as the power, not a fixed number such as 2.",
                " ** t)", " ** 2)",
                zh="偏差修正以参数 t 为幂次，而不是 2 这样的固定数。"),
        Mistake("epsilon goes outside the square root: sqrt(s_corrected) + epsilon.",
                "(np.sqrt(s_corrected[g]) + epsilon)", "np.sqrt(s_corrected[g] + epsilon)",
                zh="epsilon 放在平方根外面：sqrt(s_corrected) + epsilon。"),
        Mistake("v_corrected must be a dictionary of its own: with v_corrected = v, the bias correction "
                "overwrites v.",
                "v_corrected = {}", "v_corrected = v",
                zh="v_corrected 必须是一个单独的字典：写成 v_corrected = v 时，偏差修正会覆盖 v。"),
        Mistake("s averages the squared gradients: (1 - beta2) * dW ** 2.",
                "(1 - beta2) * grads[g] ** 2", "(1 - beta2) * grads[g]",
                zh="s 是梯度平方的平均：(1 - beta2) * dW ** 2。"),
        Mistake("s uses beta2, v uses beta1.",
                "s[g] = beta2 * s[g] + (1 - beta2)", "s[g] = beta1 * s[g] + (1 - beta1)",
                zh="s 用 beta2，v 用 beta1。"),
        Mistake("The step uses the corrected averages v_corrected and s_corrected.",
                "step = v_corrected[g] / (np.sqrt(s_corrected[g])", "step = v[g] / (np.sqrt(s[g])",
                zh="迈步时要用修正后的平均值 v_corrected 和 s_corrected。"),
    ],
    "update_lr": [
        Mistake("The decay is learning_rate0 / (1 + decay_rate * epoch_num), not an exponential.",
                "learning_rate0 / (1 + decay_rate * epoch_num)", "learning_rate0 * np.exp(-decay_rate * epoch_num)",
                zh="衰减公式是 learning_rate0 / (1 + decay_rate * epoch_num)，而不是指数函数。"),
        Mistake("Divide learning_rate0 by the whole of (1 + decay_rate * epoch_num): parentheses.",
                "learning_rate0 / (1 + decay_rate * epoch_num)", "learning_rate0 / 1 + decay_rate * epoch_num",
                zh="用 learning_rate0 除以整个 (1 + decay_rate * epoch_num)：别漏了括号。"),
        Mistake("The learning rate shrinks: divide learning_rate0 by (1 + decay_rate * epoch_num).",
                "learning_rate0 / (1 + decay_rate * epoch_num)", "learning_rate0 * (1 + decay_rate * epoch_num)",
                zh="学习率是逐渐减小的：用 learning_rate0 除以 (1 + decay_rate * epoch_num)。"),
        Mistake("Keep the 1 in (1 + decay_rate * epoch_num): at epoch 0 the rate is learning_rate0.",
                "learning_rate0 / (1 + decay_rate * epoch_num)", "learning_rate0 / (decay_rate * epoch_num)",
                zh="保留 (1 + decay_rate * epoch_num) 中的 1：第 0 个 epoch 时学习率就是 learning_rate0。"),
        Mistake("The decay is learning_rate0 / (1 + decay_rate * epoch_num), not decay_rate ** epoch_num.",
                "learning_rate0 / (1 + decay_rate * epoch_num)", "learning_rate0 * decay_rate ** epoch_num",
                zh="衰减公式是 learning_rate0 / (1 + decay_rate * epoch_num)，而不是 decay_rate ** epoch_num。"),
    ],
    "schedule_lr_decay": [
        Mistake("Round epoch_num / time_interval down (np.floor): the rate changes only once per interval.",
                "np.floor(epoch_num / time_interval)", "(epoch_num / time_interval)",
                zh="把 epoch_num / time_interval 向下取整（np.floor）：学习率每个区间只变化一次。"),
        Mistake("Round down with np.floor, not up with np.ceil: the first interval keeps learning_rate0.",
                "np.floor(epoch_num / time_interval)", "np.ceil(epoch_num / time_interval)",
                zh="用 np.floor 向下取整，而不是用 np.ceil 向上取整：第一个区间内学习率保持为 learning_rate0。"),
        Mistake("Round down with np.floor, not to the nearest whole number.",
                "np.floor(epoch_num / time_interval)", "np.round(epoch_num / time_interval)",
                zh="用 np.floor 向下取整，而不是四舍五入到最接近的整数。"),
        Mistake("Count whole intervals, floor(epoch_num / time_interval), not epochs.",
                "np.floor(epoch_num / time_interval)", "epoch_num",
                zh="要数的是完整区间的个数 floor(epoch_num / time_interval)，而不是 epoch 数。"),
        Mistake("Use the time_interval argument, not a fixed 1000.",
                "np.floor(epoch_num / time_interval)", "np.floor(epoch_num / 1000)",
                zh="使用参数 time_interval，而不是固定的 1000。"),
        Mistake("The scheduled decay is learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval)), "
                "not an exponential.",
                "learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))",
                "learning_rate0 * np.exp(-decay_rate * np.floor(epoch_num / time_interval))",
                zh="分阶段衰减的公式是 learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))，而不是指数函数。"),
    ],
}
