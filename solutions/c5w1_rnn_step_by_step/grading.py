"""Hidden cases and known mistakes for "Building your Recurrent Neural Network: Step by Step"."""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {
    "rnn_forward": ["rnn_cell_forward"],
    "lstm_forward": ["lstm_cell_forward"],
    "rnn_backward": ["rnn_cell_backward"],
    "lstm_backward": ["lstm_cell_backward"],
}

# (n_x, n_a, n_y, m, T_x, weight scale): non-square weights, m = 1, T_x = 1, saturating and small weights.
SEQUENCES = [(3, 5, 2, 4, 3, 1.0), (1, 2, 4, 1, 1, 0.5), (4, 3, 3, 2, 5, 0.3), (2, 4, 1, 3, 2, 2.0)]
STEPS = [(4, 3, 2, 5, 1.0), (1, 6, 3, 1, 0.5), (5, 2, 4, 2, 2.0)]  # (n_x, n_a, n_y, m, scale)


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def _rnn_params(rng, n_x, n_a, n_y, scale):
    return {"Wax": rng.randn(n_a, n_x) * scale, "Waa": rng.randn(n_a, n_a) * scale,
            "Wya": rng.randn(n_y, n_a) * scale, "ba": rng.randn(n_a, 1) * 0.5, "by": rng.randn(n_y, 1) * 0.5}


def _lstm_params(rng, n_x, n_a, n_y, scale):
    params = {}
    for gate in "fico":
        params["W" + gate] = rng.randn(n_a, n_a + n_x) * scale
        params["b" + gate] = rng.randn(n_a, 1) * 0.5
    params["Wy"], params["by"] = rng.randn(n_y, n_a) * scale, rng.randn(n_y, 1) * 0.5
    return params


def _rnn_step(xt, a_prev, p):
    """A correct forward step: the cache the backward pass receives."""
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, (a_next, a_prev, xt, p)


def _lstm_step(xt, a_prev, c_prev, p):
    z = np.concatenate([a_prev, xt])
    f, i, o = (_sigmoid(p["W" + g] @ z + p["b" + g]) for g in "fio")
    cc = np.tanh(p["Wc"] @ z + p["bc"])
    c_next = f * c_prev + i * cc
    a_next = o * np.tanh(c_next)
    return a_next, c_next, (a_next, c_next, a_prev, c_prev, f, i, cc, o, xt, p)


def _step_label(n_x, n_a, n_y, m, scale):
    return f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, weights x{scale}"


def _sequence_label(n_x, n_a, n_y, m, T_x, scale):
    return f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, T_x={T_x}, weights x{scale}"


def rnn_cell_forward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, scale) in enumerate(STEPS):
        rng = case_rng(100 + seed)
        args = (rng.randn(n_x, m), rng.randn(n_a, m), _rnn_params(rng, n_x, n_a, n_y, scale))
        cases.append(Case(_step_label(n_x, n_a, n_y, m, scale), args,
                          zh=f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, 权重 ×{scale}"))
    return cases


def rnn_forward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, T_x, scale) in enumerate(SEQUENCES):
        rng = case_rng(110 + seed)
        args = (rng.randn(n_x, m, T_x), rng.randn(n_a, m), _rnn_params(rng, n_x, n_a, n_y, scale))
        cases.append(Case(_sequence_label(n_x, n_a, n_y, m, T_x, scale), args,
                          zh=f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, T_x={T_x}, 权重 ×{scale}"))
    return cases


def lstm_cell_forward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, scale) in enumerate(STEPS):
        rng = case_rng(120 + seed)
        args = (rng.randn(n_x, m), rng.randn(n_a, m), rng.randn(n_a, m), _lstm_params(rng, n_x, n_a, n_y, scale))
        cases.append(Case(_step_label(n_x, n_a, n_y, m, scale), args,
                          zh=f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, 权重 ×{scale}"))
    return cases


def lstm_forward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, T_x, scale) in enumerate(SEQUENCES):
        rng = case_rng(130 + seed)
        args = (rng.randn(n_x, m, T_x), rng.randn(n_a, m), _lstm_params(rng, n_x, n_a, n_y, scale))
        cases.append(Case(_sequence_label(n_x, n_a, n_y, m, T_x, scale), args,
                          zh=f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, T_x={T_x}, 权重 ×{scale}"))
    return cases


def rnn_cell_backward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, scale) in enumerate(STEPS):
        rng = case_rng(140 + seed)
        xt, a_prev, params = rng.randn(n_x, m), rng.randn(n_a, m), _rnn_params(rng, n_x, n_a, n_y, scale)
        _, cache = _rnn_step(xt, a_prev, params)
        cases.append(Case(_step_label(n_x, n_a, n_y, m, scale), (rng.randn(n_a, m), cache),
                          zh=f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, 权重 ×{scale}"))
    return cases


def rnn_backward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, T_x, scale) in enumerate(SEQUENCES):
        rng = case_rng(150 + seed)
        x, a_next, params = rng.randn(n_x, m, T_x), rng.randn(n_a, m), _rnn_params(rng, n_x, n_a, n_y, scale)
        caches = []
        for t in range(T_x):
            a_next, cache = _rnn_step(x[:, :, t], a_next, params)
            caches.append(cache)
        cases.append(Case(_sequence_label(n_x, n_a, n_y, m, T_x, scale), (rng.randn(n_a, m, T_x), (caches, x)),
                          zh=f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, T_x={T_x}, 权重 ×{scale}"))
    return cases


def lstm_cell_backward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, scale) in enumerate(STEPS):
        rng = case_rng(160 + seed)
        xt, a_prev, c_prev = rng.randn(n_x, m), rng.randn(n_a, m), rng.randn(n_a, m)
        _, _, cache = _lstm_step(xt, a_prev, c_prev, _lstm_params(rng, n_x, n_a, n_y, scale))
        args = (rng.randn(n_a, m), rng.randn(n_a, m), cache)
        cases.append(Case(_step_label(n_x, n_a, n_y, m, scale), args,
                          zh=f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, 权重 ×{scale}"))
    return cases


def lstm_backward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, T_x, scale) in enumerate(SEQUENCES):
        rng = case_rng(170 + seed)
        x, a_next, params = rng.randn(n_x, m, T_x), rng.randn(n_a, m), _lstm_params(rng, n_x, n_a, n_y, scale)
        c_next, caches = np.zeros((n_a, m)), []
        for t in range(T_x):
            a_next, c_next, cache = _lstm_step(x[:, :, t], a_next, c_next, params)
            caches.append(cache)
        cases.append(Case(_sequence_label(n_x, n_a, n_y, m, T_x, scale), (rng.randn(n_a, m, T_x), (caches, x)),
                          zh=f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, T_x={T_x}, 权重 ×{scale}"))
    return cases


MISTAKES = {
    "rnn_cell_forward": [
        Mistake("The hidden state uses tanh, not sigmoid: a_next = tanh(Waa a_prev + Wax xt + ba).",
                "a_next = np.tanh(", "a_next = sigmoid(",
                zh="隐藏状态用的是 tanh，而不是 sigmoid：a_next = tanh(Waa a_prev + Wax xt + ba)。"),
        Mistake("The prediction is a softmax over the outputs; sigmoid does not make each column sum to 1.",
                "yt_pred = softmax(", "yt_pred = sigmoid(",
                zh="预测是对输出做 softmax；sigmoid 不能让每一列的和为 1。"),
        Mistake("The prediction is computed from the new hidden state a_next, not from a_prev.",
                "softmax(np.dot(Wya, a_next) + by)", "softmax(np.dot(Wya, a_prev) + by)",
                zh="预测要根据新的隐藏状态 a_next 计算，而不是根据 a_prev。"),
        Mistake("Do not forget the bias ba inside the tanh.",
                "np.dot(Wax, xt) + ba)", "np.dot(Wax, xt))",
                zh="不要忘了 tanh 里面的偏置 ba。"),
        Mistake("The softmax normalises each column (one example) separately, not the whole array.",
                "yt_pred = softmax(np.dot(Wya, a_next) + by)",
                "yt_pred = np.exp(np.dot(Wya, a_next) + by) / np.sum(np.exp(np.dot(Wya, a_next) + by))",
                zh="softmax 对每一列（一个样本）分别归一化，而不是对整个数组归一化。"),
    ],
    "rnn_forward": [
        Mistake("Each step must receive the hidden state of the previous step, not a0 every time.",
                "rnn_cell_forward(x[:, :, t], a_next, parameters)", "rnn_cell_forward(x[:, :, t], a0, parameters)",
                zh="每一步都必须接收上一步的隐藏状态，而不是每次都用 a0。"),
        Mistake("Append the cache of every time step inside the loop, not once after it.",
                "        caches.append(cache)\n    ### END SOLUTION", "    caches.append(cache)\n    ### END SOLUTION",
                zh="要在循环内部追加每个时间步的缓存，而不是在循环结束后只追加一次。"),
        Mistake("Store each step's prediction in y_pred[:, :, t]; y_pred is left at zeros.",
                "        y_pred[:, :, t] = yt_pred\n", "",
                zh="把每一步的预测存入 y_pred[:, :, t]；现在 y_pred 仍然全是零。"),
        Mistake("a[:, :, t] holds the hidden state computed at step t, not the one it started from.",
                "        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n"
                "        a[:, :, t] = a_next\n",
                "        a[:, :, t] = a_next\n"
                "        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n",
                zh="a[:, :, t] 保存的是第 t 步计算出的隐藏状态，而不是这一步开始时的隐藏状态。"),
        Mistake("Step t reads the input x[:, :, t] of that step.",
                "rnn_cell_forward(x[:, :, t], a_next", "rnn_cell_forward(x[:, :, 0], a_next",
                zh="第 t 步读取的是这一步的输入 x[:, :, t]。"),
    ],
    "lstm_cell_forward": [
        Mistake("The forget gate multiplies c_prev and the update gate the candidate: ft and it are swapped.",
                "c_next = ft * c_prev + it * cct", "c_next = it * c_prev + ft * cct",
                zh="遗忘门乘以 c_prev，更新门乘以候选值：ft 和 it 弄反了。"),
        Mistake("The candidate value uses tanh; the gates use sigmoid.",
                "cct = np.tanh(", "cct = sigmoid(",
                zh="候选值用 tanh；各个门用 sigmoid。"),
        Mistake("The gates act on the stack [a_prev; xt], with a_prev on top.",
                "np.concatenate((a_prev, xt), axis=0)", "np.concatenate((xt, a_prev), axis=0)",
                zh="各个门作用于堆叠向量 [a_prev; xt]，a_prev 在上方。"),
        Mistake("c_next keeps ft * c_prev: the forget gate scales the old cell state.",
                "c_next = ft * c_prev + it * cct", "c_next = c_prev + it * cct",
                zh="c_next 中应保留 ft * c_prev：遗忘门对旧的细胞状态进行缩放。"),
        Mistake("The prediction comes from the hidden state a_next, not from the cell state c_next.",
                "softmax(np.dot(Wy, a_next) + by)", "softmax(np.dot(Wy, c_next) + by)",
                zh="预测来自隐藏状态 a_next，而不是细胞状态 c_next。"),
        Mistake("a_next = ot * tanh(c_next): the tanh of the cell state is missing.",
                "a_next = ot * np.tanh(c_next)", "a_next = ot * c_next",
                zh="a_next = ot * tanh(c_next)：缺少了对细胞状态取 tanh 这一步。"),
        Mistake("The output gate uses sigmoid, not tanh.",
                "ot = sigmoid(", "ot = np.tanh(",
                zh="输出门用 sigmoid，而不是 tanh。"),
    ],
    "lstm_forward": [
        Mistake("Each step must receive the hidden state of the previous step, not a0 every time.",
                "lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)",
                "lstm_cell_forward(x[:, :, t], a0, c_next, parameters)",
                zh="每一步都必须接收上一步的隐藏状态，而不是每次都用 a0。"),
        Mistake("The cell state is carried from step to step; it starts at zeros only once, before the loop.",
                "lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)",
                "lstm_cell_forward(x[:, :, t], a_next, np.zeros((n_a, m)), parameters)",
                zh="细胞状态要从一步传到下一步；它只在循环开始前初始化为零一次。"),
        Mistake("The cell state starts at zeros, not at a0.",
                "c_next = np.zeros((n_a, m))", "c_next = a0",
                zh="细胞状态从零开始，而不是从 a0 开始。"),
        Mistake("Append the cache of every time step inside the loop, not once after it.",
                "        caches.append(cache)\n    ### END SOLUTION", "    caches.append(cache)\n    ### END SOLUTION",
                zh="要在循环内部追加每个时间步的缓存，而不是在循环结束后只追加一次。"),
        Mistake("Store each step's prediction in y[:, :, t]; y is left at zeros.",
                "        y[:, :, t] = yt\n", "",
                zh="把每一步的预测存入 y[:, :, t]；现在 y 仍然全是零。"),
        Mistake("Store each step's cell state in c[:, :, t]; c is left at zeros.",
                "        c[:, :, t] = c_next\n", "",
                zh="把每一步的细胞状态存入 c[:, :, t]；现在 c 仍然全是零。"),
    ],
    "rnn_cell_backward": [
        Mistake("The derivative of tanh at the cached a_next is 1 - a_next**2; a_next is already a tanh.",
                "(1 - a_next ** 2)", "(1 - np.tanh(a_next) ** 2)",
                zh="tanh 在缓存的 a_next 处的导数是 1 - a_next**2；a_next 本身已经是 tanh 的结果。"),
        Mistake("Multiply the tanh derivative by da_next, the gradient arriving from above.",
                "dz = (1 - a_next ** 2) * da_next", "dz = (1 - a_next ** 2)",
                zh="要把 tanh 的导数乘以 da_next，即从上方传来的梯度。"),
        Mistake("dba lost its column axis: use np.sum(..., axis=1, keepdims=True).",
                "dba = np.sum(dz, axis=1, keepdims=True)", "dba = np.sum(dz, axis=1)",
                zh="dba 丢失了列的那个轴：请使用 np.sum(..., axis=1, keepdims=True)。"),
        Mistake("dba sums over the examples (axis=1), giving one value per hidden unit.",
                "dba = np.sum(dz, axis=1, keepdims=True)", "dba = np.sum(dz, axis=0, keepdims=True)",
                zh="dba 是对样本求和（axis=1），每个隐藏单元得到一个值。"),
        Mistake("da_prev goes back through Waa (the weights acting on a_prev), not Wax.",
                "da_prev = np.dot(Waa.T, dz)", "da_prev = np.dot(Wax.T, dz)",
                zh="da_prev 经由 Waa（作用于 a_prev 的权重）传回，而不是经由 Wax。"),
        Mistake("dxt goes back through Wax (the weights acting on xt), not Waa.",
                "dxt = np.dot(Wax.T, dz)", "dxt = np.dot(Waa.T, dz)",
                zh="dxt 经由 Wax（作用于 xt 的权重）传回，而不是经由 Waa。"),
        Mistake("The tanh derivative is taken at the new state a_next, not at a_prev.",
                "(1 - a_next ** 2)", "(1 - a_prev ** 2)",
                zh="tanh 的导数要在新的状态 a_next 处计算，而不是在 a_prev 处。"),
    ],
    "rnn_backward": [
        Mistake("The weights are shared by every step: add up their gradients over time (+=, not =).",
                "dWax += step[\"dWax\"]", "dWax = step[\"dWax\"]",
                zh="权重由每一步共享：要把它们的梯度沿时间累加起来（用 +=，而不是 =）。"),
        Mistake("The bias gradient is summed over time steps too (+=, not =).",
                "dba += step[\"dba\"]", "dba = step[\"dba\"]",
                zh="偏置的梯度同样要在各时间步上累加（用 +=，而不是 =）。"),
        Mistake("Step t receives da[:, :, t] plus the gradient flowing back from step t+1.",
                "rnn_cell_backward(da[:, :, t] + da_prevt,", "rnn_cell_backward(da[:, :, t],",
                zh="第 t 步接收的是 da[:, :, t] 加上从第 t+1 步传回的梯度。"),
        Mistake("Go through the time steps backwards, from T_x - 1 down to 0.",
                "for t in reversed(range(T_x)):", "for t in range(T_x):",
                zh="要倒序遍历时间步，从 T_x - 1 一直到 0。"),
        Mistake("da0 is the gradient flowing out of the first step (da_prevt after the loop).",
                "da0 = da_prevt", "da0 = np.zeros((n_a, m))",
                zh="da0 是从第一步流出的梯度（即循环结束后的 da_prevt）。"),
    ],
    "lstm_cell_backward": [
        Mistake("dc_prev = dc * ft: the old cell state reaches c_next through the forget gate.",
                "dc_prev = dc * ft", "dc_prev = dc",
                zh="dc_prev = dc * ft：旧的细胞状态要经过遗忘门才到达 c_next。"),
        Mistake("The gradient of c_next adds dc_next, arriving from the next step, to what comes through a_next.",
                "dc = dc_next + da_next * ot", "dc = da_next * ot",
                zh="c_next 的梯度是来自下一步的 dc_next 与经由 a_next 传来的部分之和。"),
        Mistake("c_next also affects a_next = ot * tanh(c_next): add da_next * ot * (1 - tanh(c_next)**2) to dc_next.",
                "dc = dc_next + da_next * ot * (1 - tanh_c ** 2)", "dc = dc_next",
                zh="c_next 还会影响 a_next = ot * tanh(c_next)：要把 da_next * ot * (1 - tanh(c_next)**2) 加到 dc_next 上。"),
        Mistake("dot is the gradient before the sigmoid: multiply by ot * (1 - ot).",
                "dot = da_next * tanh_c * ot * (1 - ot)", "dot = da_next * tanh_c",
                zh="dot 是 sigmoid 之前那个量的梯度：要乘以 ot * (1 - ot)。"),
        Mistake("The derivative of tanh at the candidate is 1 - cct**2.",
                "dcct = dc * it * (1 - cct ** 2)", "dcct = dc * it * (1 - cct)",
                zh="tanh 在候选值处的导数是 1 - cct**2。"),
        Mistake("The forget gate multiplies c_prev, so dft uses c_prev, not c_next.",
                "dft = dc * c_prev * ft", "dft = dc * c_next * ft",
                zh="遗忘门乘的是 c_prev，所以 dft 要用 c_prev，而不是 c_next。"),
        Mistake("The first n_a rows of the stacked gradient belong to a_prev and the last n_x to xt.",
                "da_prev = dconcat[:n_a, :]\n    dxt = dconcat[n_a:, :]",
                "da_prev = dconcat[n_x:, :]\n    dxt = dconcat[:n_x, :]",
                zh="堆叠梯度的前 n_a 行属于 a_prev，后 n_x 行属于 xt。"),
        Mistake("dbf lost its column axis: use np.sum(..., axis=1, keepdims=True).",
                "dbf = np.sum(dft, axis=1, keepdims=True)", "dbf = np.sum(dft, axis=1)",
                zh="dbf 丢失了列的那个轴：请使用 np.sum(..., axis=1, keepdims=True)。"),
    ],
    "lstm_backward": [
        Mistake("The weights are shared by every step: add up their gradients over time (+=, not =).",
                "dWf += step[\"dWf\"]", "dWf = step[\"dWf\"]",
                zh="权重由每一步共享：要把它们的梯度沿时间累加起来（用 +=，而不是 =）。"),
        Mistake("Step t receives da[:, :, t] plus the gradient flowing back from step t+1.",
                "lstm_cell_backward(da[:, :, t] + da_prevt,", "lstm_cell_backward(da[:, :, t],",
                zh="第 t 步接收的是 da[:, :, t] 加上从第 t+1 步传回的梯度。"),
        Mistake("Pass the cell-state gradient dc_prev of step t+1 on to step t.",
                "        dc_prevt = step[\"dc_prev\"]\n", "",
                zh="要把第 t+1 步的细胞状态梯度 dc_prev 传给第 t 步。"),
        Mistake("Go through the time steps backwards, from T_x - 1 down to 0.",
                "for t in reversed(range(T_x)):", "for t in range(T_x):",
                zh="要倒序遍历时间步，从 T_x - 1 一直到 0。"),
        Mistake("da0 is the gradient flowing out of the first step (da_prevt after the loop).",
                "da0 = da_prevt", "da0 = np.zeros((n_a, m))",
                zh="da0 是从第一步流出的梯度（即循环结束后的 da_prevt）。"),
        Mistake("Store the input gradient of every step in dx[:, :, t].",
                "        dx[:, :, t] = step[\"dxt\"]\n", "",
                zh="把每一步的输入梯度存入 dx[:, :, t]。"),
    ],
}
