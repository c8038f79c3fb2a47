"""Hidden cases and known mistakes for "Convolutional Model: Step by Step".

Sizes stay small (a learner's four nested loops must finish in well under a second per case) but
vary what the visible fixtures hold fixed: stride 1, 2 and 3, pad 0 (where unpadding with
[pad:-pad] breaks), filter sizes 1 to 3, non-square inputs, one or several channels, m = 1,
pooling windows that overlap (stride < f), tile (stride = f) or leave gaps (stride > f), and
windows with tied maxima (every tied maximum is marked and gets the full gradient).
"""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {
    "conv_forward": ["zero_pad", "conv_single_step"],
    "conv_backward": ["zero_pad"],
    "pool_backward": ["create_mask_from_window", "distribute_value"],
}


def _out_size(n_prev, f, pad, stride):
    return int((n_prev - f + 2 * pad) / stride) + 1


def zero_pad_cases():
    cases = []
    for seed, (shape, pad) in enumerate([((2, 3, 5, 2), 1), ((1, 4, 2, 3), 2), ((3, 2, 2, 1), 3)]):
        rng = case_rng(100 + seed)
        cases.append(Case(f"X {shape}, pad={pad}", (rng.randn(*shape), pad), zh=f"X 的形状 {shape}，pad={pad}"))
    return cases


def conv_single_step_cases():
    cases = []
    for seed, (f, n_C) in enumerate([(3, 2), (1, 1), (2, 4), (5, 1)]):
        rng = case_rng(110 + seed)
        args = (rng.randn(f, f, n_C), rng.randn(f, f, n_C), rng.randn(1, 1, 1))
        cases.append(Case(f"f={f}, n_C_prev={n_C}", args, zh=f"f={f}，n_C_prev={n_C}"))
    return cases


# (m, n_H_prev, n_W_prev, n_C_prev, f, n_C, stride, pad)
CONV_SHAPES = [(2, 5, 7, 3, 3, 2, 2, 1), (1, 4, 4, 2, 2, 3, 1, 0), (3, 6, 5, 2, 3, 1, 3, 2),
               (2, 3, 6, 2, 1, 2, 2, 0)]


def _conv_label(m, n_H, n_W, n_C_prev, f, n_C, stride, pad):
    return f"A_prev ({m}, {n_H}, {n_W}, {n_C_prev}), f={f}, n_C={n_C}, stride={stride}, pad={pad}"


def _conv_label_zh(m, n_H, n_W, n_C_prev, f, n_C, stride, pad):
    return f"A_prev 的形状 ({m}, {n_H}, {n_W}, {n_C_prev})，f={f}，n_C={n_C}，stride={stride}，pad={pad}"


def _conv_inputs(rng, m, n_H, n_W, n_C_prev, f, n_C, stride, pad):
    A_prev = rng.randn(m, n_H, n_W, n_C_prev)
    W = rng.randn(f, f, n_C_prev, n_C)
    b = rng.randn(1, 1, 1, n_C)
    return A_prev, W, b, {"stride": stride, "pad": pad}


def conv_forward_cases():
    return [Case(_conv_label(*shape), _conv_inputs(case_rng(120 + seed), *shape), zh=_conv_label_zh(*shape))
            for seed, shape in enumerate(CONV_SHAPES)]


# (m, n_H_prev, n_W_prev, n_C, f, stride, mode or None for the default)
POOL_SHAPES = [(2, 5, 5, 3, 3, 2, "max"), (1, 4, 6, 2, 2, 2, "average"), (2, 7, 5, 1, 3, 1, "max"),
               (3, 6, 7, 2, 2, 3, "average"), (2, 5, 4, 3, 3, 1, None)]


def _pool_label(m, n_H, n_W, n_C, f, stride, mode):
    how = "overlapping" if stride < f else "tiling" if stride == f else "spaced"
    return (f"{mode or 'default'} mode, A_prev ({m}, {n_H}, {n_W}, {n_C}), f={f}, stride={stride}"
            f" ({how} windows)")


def _pool_label_zh(m, n_H, n_W, n_C, f, stride, mode):
    how = "相互重叠的" if stride < f else "首尾相接的" if stride == f else "彼此有间隔的"
    return (f"{f'{mode} 模式' if mode else '默认模式'}，A_prev 的形状 ({m}, {n_H}, {n_W}, {n_C})，f={f}，"
            f"stride={stride}（{how}窗口）")


def pool_forward_cases():
    cases = []
    for seed, (m, n_H, n_W, n_C, f, stride, mode) in enumerate(POOL_SHAPES):
        rng = case_rng(130 + seed)
        args = (rng.randn(m, n_H, n_W, n_C), {"stride": stride, "f": f})
        cases.append(Case(_pool_label(m, n_H, n_W, n_C, f, stride, mode), args if mode is None else (*args, mode),
                          zh=_pool_label_zh(m, n_H, n_W, n_C, f, stride, mode)))
    return cases


def conv_backward_cases():
    cases = []
    for seed, shape in enumerate(CONV_SHAPES):
        rng = case_rng(140 + seed)
        m, n_H_prev, n_W_prev, _, f, n_C, stride, pad = shape
        cache = _conv_inputs(rng, *shape)
        n_H, n_W = _out_size(n_H_prev, f, pad, stride), _out_size(n_W_prev, f, pad, stride)
        cases.append(Case(_conv_label(*shape), (rng.randn(m, n_H, n_W, n_C), cache), zh=_conv_label_zh(*shape)))
    return cases


def _with_tied_maxima(rng, shape, ties):
    """A random window in which `ties` entries (at drawn places) share the maximum."""
    x = rng.randn(*shape)
    places = rng.permutation(x.size)[:ties]
    x.flat[places] = np.abs(x).max() + 1 + rng.rand()
    return x


def create_mask_from_window_cases():
    rng = case_rng(150)
    return [Case("3x3 window, one maximum", (rng.randn(3, 3),), zh="3x3 窗口，一个最大值"),
            Case("2x4 window, two tied maxima", (_with_tied_maxima(rng, (2, 4), 2),), zh="2x4 窗口，两个并列最大值"),
            Case("1x1 window", (rng.randn(1, 1),), zh="1x1 窗口"),
            Case("3x2 window, three tied maxima", (_with_tied_maxima(rng, (3, 2), 3),), zh="3x2 窗口，三个并列最大值")]


def distribute_value_cases():
    rng = case_rng(160)
    return [Case(f"shape {shape}", (float(np.round(rng.uniform(0.5, 4) * rng.choice([-1, 1]), 6)), shape),
                 zh=f"形状 {shape}")
            for shape in [(2, 3), (3, 1), (4, 4), (1, 5)]]


# (m, n_H_prev, n_W_prev, n_C, f, stride, mode or None, tied)
POOL_BACK_SHAPES = [(2, 5, 6, 2, 3, 2, "max", False), (1, 4, 4, 3, 2, 2, "average", False),
                    (2, 5, 4, 2, 2, 1, "average", False), (2, 4, 6, 2, 2, 2, "max", True),
                    (1, 6, 5, 2, 3, 3, None, False), (1, 4, 5, 1, 2, 1, "max", True)]


def pool_backward_cases():
    cases = []
    for seed, (m, n_H_prev, n_W_prev, n_C, f, stride, mode, tied) in enumerate(POOL_BACK_SHAPES):
        rng = case_rng(170 + seed)
        if tied:  # small integers tie often; the first window of every channel surely does
            A_prev = rng.randint(0, 3, size=(m, n_H_prev, n_W_prev, n_C)).astype(float)
            A_prev[:, 0, 0, :] = A_prev[:, 1, 1, :] = 3.0
        else:
            A_prev = rng.randn(m, n_H_prev, n_W_prev, n_C)
        n_H, n_W = _out_size(n_H_prev, f, 0, stride), _out_size(n_W_prev, f, 0, stride)
        dA = rng.randn(m, n_H, n_W, n_C)
        args = (dA, (A_prev, {"stride": stride, "f": f}))
        label = _pool_label(m, n_H_prev, n_W_prev, n_C, f, stride, mode) + (", tied maxima" if tied else "")
        label_zh = _pool_label_zh(m, n_H_prev, n_W_prev, n_C, f, stride, mode) + ("，有并列最大值" if tied else "")
        cases.append(Case(label, args if mode is None else (*args, mode), zh=label_zh))
    return cases


MISTAKES = {
    "zero_pad": [
        Mistake("Pad only the height and width axes: np.pad(X, pad) pads the batch and channel axes too.",
                "np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode=\"constant\", constant_values=0)",
                "np.pad(X, pad, mode=\"constant\", constant_values=0)",
                zh="只填充高和宽两个轴：np.pad(X, pad) 会把批次轴和通道轴也一起填充。"),
        Mistake("The channel axis (the last one) gets no padding: its pair is (0, 0).",
                "((0, 0), (pad, pad), (pad, pad), (0, 0))", "((0, 0), (pad, pad), (pad, pad), (pad, pad))",
                zh="通道轴（最后一个轴）不做填充：它对应的那一对是 (0, 0)。"),
        Mistake("The axes are (m, n_H, n_W, n_C): pad axes 1 and 2, not the batch axis 0.",
                "((0, 0), (pad, pad), (pad, pad), (0, 0))", "((pad, pad), (pad, pad), (0, 0), (0, 0))",
                zh="各轴依次是 (m, n_H, n_W, n_C)：填充轴 1 和轴 2，而不是批次轴 0。"),
        Mistake("Pad both sides: (pad, pad) puts pad zeros before and after.",
                "((0, 0), (pad, pad), (pad, pad), (0, 0))", "((0, 0), (0, pad), (0, pad), (0, 0))",
                zh="两侧都要填充：(pad, pad) 在前后各放 pad 个零。"),
        Mistake("Pad with zeros (mode=\"constant\"), not by repeating the border.",
                "mode=\"constant\", constant_values=0", "mode=\"edge\"",
                zh="用零填充（mode=\"constant\"），而不是重复边界上的值。"),
    ],
    "conv_single_step": [
        Mistake("Add the bias b to the sum.", "    Z = Z + b.item()\n", "",
                zh="把偏置 b 加到总和上。"),
        Mistake("Z must be a scalar: turn b into a number (float(b) or b.item()) before adding it; "
                "Z + b keeps b's shape (1, 1, 1).", "Z = Z + b.item()", "Z = Z + b",
                zh="Z 必须是标量：先把 b 变成一个数（float(b) 或 b.item()）再相加；Z + b 会保留 b 的形状 (1, 1, 1)。"),
        Mistake("Add b once, after summing: adding it to every product adds it f*f*n_C times.",
                "s = a_slice_prev * W\n", "s = a_slice_prev * W + b\n",
                zh="求和之后只加一次 b：把它加到每个乘积上，就会加上 f*f*n_C 次。"),
        Mistake("Sum the elementwise products (np.sum), do not average them.",
                "Z = np.sum(s)", "Z = np.mean(s)",
                zh="对逐元素乘积求和（np.sum），不要求平均值。"),
        Mistake("Sum over the whole window to get one number, not an array.",
                "Z = np.sum(s)", "Z = np.sum(s, axis=-1)",
                zh="对整个窗口求和，得到一个数，而不是一个数组。"),
    ],
    "conv_forward": [
        Mistake("Windows start every `stride` rows: vert_start = h * stride.",
                "vert_start = h * stride", "vert_start = h",
                zh="窗口每隔 `stride` 行开始一个：vert_start = h * stride。"),
        Mistake("Slide over the padded input A_prev_pad, not A_prev.",
                "a_prev_pad = A_prev_pad[i]", "a_prev_pad = A_prev[i]",
                zh="在填充后的输入 A_prev_pad 上滑动，而不是在 A_prev 上。"),
        Mistake("The padding adds 2 * pad rows: n_H = int((n_H_prev - f + 2 * pad) / stride) + 1.",
                "n_H = int((n_H_prev - f + 2 * pad) / stride) + 1", "n_H = int((n_H_prev - f + pad) / stride) + 1",
                zh="填充增加了 2 * pad 行：n_H = int((n_H_prev - f + 2 * pad) / stride) + 1。"),
        Mistake("n_H must be an integer: take int() of the division (it rounds down).",
                "n_H = int((n_H_prev - f + 2 * pad) / stride) + 1", "n_H = (n_H_prev - f + 2 * pad) / stride + 1",
                zh="n_H 必须是整数：对除法的结果取 int()（它向下取整）。"),
        Mistake("The output width comes from n_W_prev, not n_H_prev (inputs need not be square).",
                "n_W = int((n_W_prev", "n_W = int((n_H_prev",
                zh="输出的宽由 n_W_prev 算出，而不是 n_H_prev（输入不一定是正方形）。"),
        Mistake("Channel c of the output uses filter c and bias c: b[:, :, :, c].",
                "biases = b[:, :, :, c]", "biases = b[:, :, :, 0]",
                zh="输出的通道 c 使用过滤器 c 和偏置 c：b[:, :, :, c]。"),
    ],
    "pool_forward": [
        Mistake("Windows start every `stride` rows: vert_start = h * stride.",
                "vert_start = h * stride", "vert_start = h",
                zh="窗口每隔 `stride` 行开始一个：vert_start = h * stride。"),
        Mistake("In \"average\" mode take the mean of the window, not its maximum.",
                "A[i, h, w, c] = np.mean(a_prev_slice)", "A[i, h, w, c] = np.max(a_prev_slice)",
                zh="在 \"average\" 模式下取窗口的平均值，而不是最大值。"),
        Mistake("Pool each channel on its own: the window is A_prev[i, rows, columns, c].",
                "horiz_start:horiz_end, c]", "horiz_start:horiz_end, :]",
                zh="每个通道单独池化：窗口是 A_prev[i, 行范围, 列范围, c]。"),
        Mistake("A window is f wide (vert_end = vert_start + f); the stride only says where it starts.",
                "vert_end = vert_start + f", "vert_end = vert_start + stride",
                zh="窗口的宽度是 f（vert_end = vert_start + f）；步长只决定窗口从哪里开始。"),
        Mistake("The output width comes from n_W_prev, not n_H_prev (inputs need not be square).",
                "for w in range(n_W):", "for w in range(n_H):",
                zh="输出的宽由 n_W_prev 算出，而不是 n_H_prev（输入不一定是正方形）。"),
    ],
    "conv_backward": [
        Mistake("Windows start every `stride` rows: vert_start = h * stride.",
                "vert_start = h * stride", "vert_start = h",
                zh="窗口每隔 `stride` 行开始一个：vert_start = h * stride。"),
        Mistake("Remove the padding from da_prev_pad before storing it in dA_prev.",
                "dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]",
                "dA_prev[i, :, :, :] = da_prev_pad",
                zh="把 da_prev_pad 存入 dA_prev 之前，先去掉填充。"),
        Mistake("da_prev_pad[pad:-pad] is empty when pad = 0: slice pad:pad + n_H_prev instead.",
                "da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]", "da_prev_pad[pad:-pad, pad:-pad, :]",
                zh="pad = 0 时 da_prev_pad[pad:-pad] 是空的：改用切片 pad:pad + n_H_prev。"),
        Mistake("db sums dZ over every example and position: use += in the loop.",
                "db[:, :, :, c] += dZ[i, h, w, c]", "db[:, :, :, c] = dZ[i, h, w, c]",
                zh="db 是 dZ 在所有样本和所有位置上的总和：在循环中使用 +=。"),
        Mistake("dW accumulates over every window: use += in the loop.",
                "dW[:, :, :, c] += a_slice", "dW[:, :, :, c] = a_slice",
                zh="dW 要累加所有窗口的贡献：在循环中使用 +=。"),
        Mistake("Windows overlap: add (+=) each window's share to da_prev_pad instead of overwriting it.",
                "da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] +=",
                "da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] =",
                zh="窗口相互重叠：把每个窗口的那一份累加（+=）到 da_prev_pad 上，而不是覆盖它。"),
        Mistake("dA_prev gets the filter times dZ (W[:, :, :, c] * dZ[i, h, w, c]); dW gets the input window.",
                "+= W[:, :, :, c] * dZ[i, h, w, c]", "+= a_slice * dZ[i, h, w, c]",
                zh="dA_prev 得到的是过滤器乘以 dZ（W[:, :, :, c] * dZ[i, h, w, c]）；dW 得到的才是输入窗口。"),
        Mistake("dW needs the window of the padded input a_prev_pad, where the forward pass read it.",
                "a_slice = a_prev_pad[", "a_slice = A_prev[i][",
                zh="dW 需要的是填充后的输入 a_prev_pad 中的窗口，前向传播正是从那里读取窗口的。"),
    ],
    "create_mask_from_window": [
        Mistake("Mark every entry equal to the maximum (x == np.max(x)); np.argmax finds only the first.",
                "mask = x == np.max(x)",
                "mask = np.zeros(x.shape, dtype=bool)\n    mask[np.unravel_index(np.argmax(x), x.shape)] = True",
                zh="标出所有等于最大值的元素（x == np.max(x)）；np.argmax 只能找到第一个。"),
        Mistake("Nothing is greater than the maximum: compare with ==.", "mask = x == np.max(x)",
                "mask = x > np.max(x)",
                zh="没有元素会大于最大值：用 == 比较。"),
        Mistake("Take the maximum of the whole window, not of each column (no axis).",
                "np.max(x)", "np.max(x, axis=0)",
                zh="取整个窗口的最大值，而不是每一列的最大值（不要指定 axis）。"),
        Mistake("The mask marks the maximum, not the minimum.", "np.max(x)", "np.min(x)",
                zh="掩码标出的是最大值，而不是最小值。"),
    ],
    "distribute_value": [
        Mistake("Each of the n_H * n_W entries gets dz / (n_H * n_W).",
                "average = dz / (n_H * n_W)", "average = dz",
                zh="n_H * n_W 个元素中的每一个都得到 dz / (n_H * n_W)。"),
        Mistake("Divide by the number of entries n_H * n_W, not by n_H alone.",
                "average = dz / (n_H * n_W)", "average = dz / n_H",
                zh="除以元素的个数 n_H * n_W，而不是只除以 n_H。"),
        Mistake("The window has n_H * n_W entries, not n_H + n_W.",
                "average = dz / (n_H * n_W)", "average = dz / (n_H + n_W)",
                zh="窗口有 n_H * n_W 个元素，而不是 n_H + n_W 个。"),
        Mistake("Make the array of the given shape (n_H, n_W); windows need not be square.",
                "np.ones(shape)", "np.ones((n_H, n_H))",
                zh="按给定的形状 (n_H, n_W) 建立数组；窗口不一定是正方形。"),
        Mistake("Use true division (/): // rounds the share down.",
                "dz / (n_H * n_W)", "dz // (n_H * n_W)",
                zh="使用真除法（/）：// 会把每一份向下取整。"),
    ],
    "pool_backward": [
        Mistake("Windows start every `stride` rows: vert_start = h * stride.",
                "vert_start = h * stride", "vert_start = h",
                zh="窗口每隔 `stride` 行开始一个：vert_start = h * stride。"),
        Mistake("Each window passes back the one gradient dA[i, h, w, c], not the whole dA.",
                "mask * dA[i, h, w, c]", "mask * dA",
                zh="每个窗口只传回一个梯度 dA[i, h, w, c]，而不是整个 dA。"),
        Mistake("Windows may overlap: add (+=) each window's gradient to dA_prev instead of overwriting.",
                "+=", "=",
                zh="窗口可能相互重叠：把每个窗口的梯度累加（+=）到 dA_prev 上，而不是覆盖。"),
        Mistake("In \"average\" mode spread the gradient evenly (distribute_value); the mask belongs to \"max\".",
                "distribute_value(da, (f, f))",
                "create_mask_from_window(a_prev[vert_start:vert_end, horiz_start:horiz_end, c]) * da",
                zh="在 \"average\" 模式下把梯度平均分配（distribute_value）；掩码属于 \"max\" 模式。"),
        Mistake("Build the mask from the input window A_prev, which the forward pass took the maximum of.",
                "create_mask_from_window(a_prev_slice)",
                "create_mask_from_window(dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c])",
                zh="用输入 A_prev 的窗口构建掩码，前向传播取的正是它的最大值。"),
        Mistake("With tied maxima every tied entry gets the gradient (create_mask_from_window), not only the "
                "first (np.argmax).", "mask = create_mask_from_window(a_prev_slice)",
                "mask = np.zeros(a_prev_slice.shape)\n"
                "                        mask[np.unravel_index(np.argmax(a_prev_slice), a_prev_slice.shape)] = 1",
                zh="有并列最大值时，每个并列的元素都得到梯度（create_mask_from_window），而不只是第一个（np.argmax）。"),
    ],
}
