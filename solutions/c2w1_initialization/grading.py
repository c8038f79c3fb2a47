"""Hidden cases and known mistakes for "Initialization".

The three functions take nothing but a list of layer sizes, and the two random ones are called right
after np.random.seed(3) (their scaffold's seed), so a case is a layer list: the lists vary what the
visible fixtures hold fixed (the number of layers, a layer of width 1, a single input, long lists,
sizes that differ from one layer to the next so that a swapped or wrong dimension shows).
"""
from autograder.spec import Case, Mistake

CALLEES = {}

LAYER_LISTS = [
    ([4, 3, 2], "2 layers", "2 层"),
    ([1, 5, 1], "n_x = 1", "n_x = 1"),
    ([6, 4, 1, 3, 2], "4 layers, a hidden layer of width 1", "4 层，其中一个隐藏层的宽度为 1"),
    ([5, 1], "1 layer", "1 层"),
    ([3, 7, 5, 6, 2, 4, 3, 5, 1], "8 layers", "8 层"),
]


def _cases():
    return [Case(f"layers_dims={dims} ({what})", (list(dims),), zh=f"layers_dims={dims}（{what_zh}）")
            for dims, what, what_zh in LAYER_LISTS]


def initialize_parameters_zeros_cases():
    return _cases()


def initialize_parameters_random_cases():
    return _cases()


def initialize_parameters_he_cases():
    return _cases()


W_ZEROS = "np.zeros((layers_dims[l], layers_dims[l - 1]))"
B_ZEROS = "np.zeros((layers_dims[l], 1))"
B_LINE = 'parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))'
W_RANDOM = "np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10"
HE_SCALE = "np.sqrt(2 / layers_dims[l - 1])"

MISTAKES = {
    "initialize_parameters_zeros": [
        Mistake("W of layer l has shape (layers_dims[l], layers_dims[l-1]); your dimensions are swapped.",
                W_ZEROS, "np.zeros((layers_dims[l - 1], layers_dims[l]))",
                zh="第 l 层的 W 形状为 (layers_dims[l], layers_dims[l-1])；你把两个维度弄反了。"),
        Mistake("W of layer l has layers_dims[l-1] columns, one per unit of the previous layer.",
                W_ZEROS, "np.zeros((layers_dims[l], layers_dims[l]))",
                zh="第 l 层的 W 有 layers_dims[l-1] 列，上一层的每个单元对应一列。"),
        Mistake("b must be a column of shape (layers_dims[l], 1), not a 1-D array: "
                "np.zeros((layers_dims[l], 1)), with two pairs of brackets.",
                B_ZEROS, "np.zeros(layers_dims[l])",
                zh="b 必须是形状为 (layers_dims[l], 1) 的列向量，而不是一维数组：np.zeros((layers_dims[l], 1))，要写两层括号。"),
        Mistake("b of layer l has one row per unit of layer l: shape (layers_dims[l], 1).",
                B_ZEROS, "np.zeros((layers_dims[l - 1], 1))",
                zh="第 l 层的每个单元在 b 中占一行：b 的形状为 (layers_dims[l], 1)。"),
        Mistake("Here the biases are zero too: every parameter starts at zero.",
                B_LINE, 'parameters["b" + str(l)] = np.random.randn(layers_dims[l], 1)',
                zh="这里的偏置也是零：每个参数都从零开始。"),
    ],
    "initialize_parameters_random": [
        Mistake("Draw the weights from np.random.randn (normal), not np.random.rand (uniform on [0, 1)).",
                W_RANDOM, "np.random.rand(layers_dims[l], layers_dims[l - 1]) * 10",
                zh="用 np.random.randn（正态分布）抽取权重，而不是 np.random.rand（[0, 1) 上的均匀分布）。"),
        Mistake("Multiply the random weights by 10: this function makes deliberately large weights.",
                W_RANDOM, "np.random.randn(layers_dims[l], layers_dims[l - 1])",
                zh="把随机权重乘以 10：这个函数有意生成很大的权重。"),
        Mistake("The scale here is 10, not 0.01: this function makes deliberately large weights.",
                W_RANDOM, "np.random.randn(layers_dims[l], layers_dims[l - 1]) * 0.01",
                zh="这里的缩放系数是 10，而不是 0.01：这个函数有意生成很大的权重。"),
        Mistake("Draw W as randn(layers_dims[l], layers_dims[l-1]) directly: drawing the transposed shape "
                "and transposing puts the numbers in other places.",
                W_RANDOM, "np.random.randn(layers_dims[l - 1], layers_dims[l]).T * 10",
                zh="直接用 randn(layers_dims[l], layers_dims[l-1]) 抽取 W：先按转置后的形状抽取再转置，数值会落到别的位置上。"),
        Mistake("The biases start at zero: b = np.zeros((layers_dims[l], 1)); only W is random.",
                B_LINE, 'parameters["b" + str(l)] = np.random.randn(layers_dims[l], 1) * 10',
                zh="偏置从零开始：b = np.zeros((layers_dims[l], 1))；只有 W 是随机的。"),
        Mistake("b must be a column of shape (layers_dims[l], 1), not a 1-D array.",
                B_ZEROS, "np.zeros(layers_dims[l])",
                zh="b 必须是形状为 (layers_dims[l], 1) 的列向量，而不是一维数组。"),
    ],
    "initialize_parameters_he": [
        Mistake("He scaling uses the size of the previous layer: sqrt(2 / layers_dims[l-1]), not layers_dims[l].",
                HE_SCALE, "np.sqrt(2 / layers_dims[l])",
                zh="He 初始化的缩放系数用的是上一层的大小：sqrt(2 / layers_dims[l-1])，而不是 layers_dims[l]。"),
        Mistake("He initialization has a 2 in the square root, sqrt(2 / n[l-1]); sqrt(1 / n[l-1]) is Xavier's.",
                HE_SCALE, "np.sqrt(1 / layers_dims[l - 1])",
                zh="He 初始化的平方根里是 2，即 sqrt(2 / n[l-1])；sqrt(1 / n[l-1]) 是 Xavier 初始化的。"),
        Mistake("Scale by sqrt(2 / layers_dims[l-1]), not by a fixed 0.01.",
                "* " + HE_SCALE, "* 0.01",
                zh="要乘以 sqrt(2 / layers_dims[l-1])，而不是固定的 0.01。"),
        Mistake("Take the square root: the scale is sqrt(2 / layers_dims[l-1]), not 2 / layers_dims[l-1].",
                HE_SCALE, "(2 / layers_dims[l - 1])",
                zh="要取平方根：缩放系数是 sqrt(2 / layers_dims[l-1])，而不是 2 / layers_dims[l-1]。"),
        Mistake("The whole ratio goes under the root: np.sqrt(2 / layers_dims[l-1]), not np.sqrt(2) / layers_dims[l-1].",
                HE_SCALE, "np.sqrt(2) / layers_dims[l - 1]",
                zh="整个比值都要放在根号里：np.sqrt(2 / layers_dims[l-1])，而不是 np.sqrt(2) / layers_dims[l-1]。"),
        Mistake("Here L = len(layers_dims) - 1 is the number of layers, so the loop runs over range(1, L + 1); "
                "your last layer is missing.",
                "for l in range(1, L + 1):", "for l in range(1, L):",
                zh="这里 L = len(layers_dims) - 1 是层数，所以循环遍历 range(1, L + 1)；你漏掉了最后一层。"),
        Mistake("Draw the weights from np.random.randn (normal), not np.random.rand (uniform).",
                "np.random.randn(layers_dims[l], layers_dims[l - 1])",
                "np.random.rand(layers_dims[l], layers_dims[l - 1])",
                zh="用 np.random.randn（正态分布）抽取权重，而不是 np.random.rand（均匀分布）。"),
        Mistake("The biases start at zero: b = np.zeros((layers_dims[l], 1)); only W is random.",
                B_LINE, 'parameters["b" + str(l)] = np.random.randn(layers_dims[l], 1) * 0.01',
                zh="偏置从零开始：b = np.zeros((layers_dims[l], 1))；只有 W 是随机的。"),
    ],
}
