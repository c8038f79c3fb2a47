"""Hidden cases and known mistakes for "Python Basics with Numpy"."""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {
    "sigmoid_derivative": ["sigmoid"],
}
ALIASES = {"normalize_rows": ["normalizeRows"]}  # the original course's name
MAY_CHANGE = {"normalize_rows": {0}}  # the 2021 docstring lets it divide x in place


def _rng(seed):
    return case_rng(seed)


def _labels_and_predictions(seed, m):
    """Labels in {0, 1} and predictions in (0, 1), so that y - yhat takes both signs."""
    rng = _rng(seed)
    y = (rng.rand(m) > 0.5).astype(float)
    if m > 1:  # at least one example of each label
        y[0], y[-1] = 1.0, 0.0
    yhat = np.round(rng.uniform(0.02, 0.98, size=m), 3)
    return yhat, y


def basic_sigmoid_cases():
    rng = _rng(5)
    negative, small, whole = round(-rng.uniform(1, 5), 2), round(rng.uniform(0.1, 1), 2), int(rng.randint(3, 10))
    return [Case(f"x = {negative}", (negative,), zh=f"x = {negative}"),
            Case(f"x = {small}", (small,), zh=f"x = {small}"),
            Case(f"x = {whole} (an int)", (whole,), zh=f"x = {whole}（整数）"),
            Case("x = 0.0", (0.0,), zh="x = 0.0")]


def sigmoid_cases():
    return [Case("a 1-D array of 6 values", (_rng(10).randn(6) * 3,), zh="含 6 个值的一维数组"),
            Case("a 1x1 array (one value)", (-_rng(13).uniform(0.2, 1.5, (1, 1)),), zh="1x1 数组（一个值）"),
            Case("a 3-D array of shape (2, 3, 2)", (_rng(11).randn(2, 3, 2) * 2,), zh="形状为 (2, 3, 2) 的三维数组"),
            Case("a column of shape (4, 1)", (_rng(12).randn(4, 1),), zh="形状为 (4, 1) 的一列")]


def sigmoid_derivative_cases():
    return [Case("a 1-D array of 5 values", (_rng(20).randn(5) * 2,), zh="含 5 个值的一维数组"),
            Case("a 1x1 array (one value)", (_rng(22).uniform(0.5, 2, (1, 1)),), zh="1x1 数组（一个值）"),
            Case("an array of shape (3, 4)", (_rng(21).randn(3, 4) * 2,), zh="形状为 (3, 4) 的数组")]


def image2vector_cases():
    return [Case(f"image of shape {shape}", (np.round(_rng(30 + i).rand(*shape), 4),), zh=f"形状为 {shape} 的图像")
            for i, shape in enumerate([(4, 2, 3), (1, 5, 2), (2, 3, 4), (1, 1, 3)])]


def normalize_rows_cases():
    return [Case("x of shape (3, 4)", (_rng(40).randn(3, 4),), zh="形状为 (3, 4) 的 x"),
            Case("one row, shape (1, 5)", (_rng(41).randn(1, 5) * 4,), zh="只有一行，形状为 (1, 5)"),
            Case("x of shape (4, 2)", (_rng(42).randn(4, 2) + 1,), zh="形状为 (4, 2) 的 x"),
            Case("square x of shape (3, 3)", (_rng(43).randn(3, 3) * 2,), zh="形状为 (3, 3) 的方阵 x")]


def softmax_cases():
    return [Case("x of shape (3, 4)", (_rng(50).randn(3, 4),), zh="形状为 (3, 4) 的 x"),
            Case("one row, shape (1, 6)", (_rng(51).randn(1, 6) * 2,), zh="只有一行，形状为 (1, 6)"),
            Case("x of shape (5, 2)", (_rng(52).randn(5, 2) * 3,), zh="形状为 (5, 2) 的 x"),
            Case("square x of shape (3, 3) with values up to about 10", (_rng(53).rand(3, 3) * 10,),
                 zh="形状为 (3, 3) 的方阵 x，值最大约为 10")]


def L1_cases():
    return [Case(f"m = {m}", _labels_and_predictions(60 + i, m), zh=f"m = {m}") for i, m in enumerate([7, 1, 4])]


def L2_cases():
    return [Case(f"m = {m}", _labels_and_predictions(70 + i, m), zh=f"m = {m}") for i, m in enumerate([6, 1, 9])]


MISTAKES = {
    "basic_sigmoid": [
        Mistake("The exponent is -x: sigmoid(x) = 1 / (1 + e^(-x)).",
                "math.exp(-x)", "math.exp(x)",
                zh="指数是 -x：sigmoid(x) = 1 / (1 + e^(-x))。"),
        Mistake("Mind the brackets: 1 / 1 + e^(-x) divides 1 by 1 first; write 1 / (1 + math.exp(-x)).",
                "1 / (1 + math.exp(-x))", "1 / 1 + math.exp(-x)",
                zh="注意括号：1 / 1 + e^(-x) 会先计算 1 除以 1；应写成 1 / (1 + math.exp(-x))。"),
        Mistake("The denominator is 1 + e^(-x), not 1 - e^(-x).",
                "1 / (1 + math.exp(-x))", "1 / (1 - math.exp(-x))",
                zh="分母是 1 + e^(-x)，不是 1 - e^(-x)。"),
        Mistake("The sigmoid is 1 / (1 + e^(-x)), not tanh (which ranges over (-1, 1)).",
                "s = 1 / (1 + math.exp(-x))", "s = math.tanh(x)",
                zh="sigmoid 是 1 / (1 + e^(-x))，不是 tanh（tanh 的取值范围是 (-1, 1)）。"),
    ],
    "sigmoid": [
        Mistake("math.exp takes one number; use np.exp, which works on every entry of an array.",
                "np.exp(-x)", "math.exp(-x)",
                zh="math.exp 只接受一个数；请使用 np.exp，它作用于数组的每个元素。"),
        Mistake("The exponent is -x: sigmoid(x) = 1 / (1 + e^(-x)).",
                "np.exp(-x)", "np.exp(x)",
                zh="指数是 -x：sigmoid(x) = 1 / (1 + e^(-x))。"),
        Mistake("Mind the brackets: write 1 / (1 + np.exp(-x)).",
                "1 / (1 + np.exp(-x))", "1 / 1 + np.exp(-x)",
                zh="注意括号：应写成 1 / (1 + np.exp(-x))。"),
        Mistake("The denominator is 1 + e^(-x), not 1 - e^(-x).",
                "1 / (1 + np.exp(-x))", "1 / (1 - np.exp(-x))",
                zh="分母是 1 + e^(-x)，不是 1 - e^(-x)。"),
        Mistake("The sigmoid is 1 / (1 + e^(-x)), not np.tanh.",
                "s = 1 / (1 + np.exp(-x))", "s = np.tanh(x)",
                zh="sigmoid 是 1 / (1 + e^(-x))，不是 np.tanh。"),
    ],
    "sigmoid_derivative": [
        Mistake("Apply s * (1 - s) to s = sigmoid(x), not to x itself.",
                "ds = s * (1 - s)", "ds = x * (1 - x)",
                zh="s * (1 - s) 要作用于 s = sigmoid(x)，而不是 x 本身。"),
        Mistake("Both factors use s = sigmoid(x): ds = s * (1 - s), not s * (1 - x).",
                "ds = s * (1 - s)", "ds = s * (1 - x)",
                zh="两个因子都用 s = sigmoid(x)：ds = s * (1 - s)，不是 s * (1 - x)。"),
        Mistake("1 - s**2 is the slope of tanh; the sigmoid's slope is s * (1 - s).",
                "ds = s * (1 - s)", "ds = 1 - s ** 2",
                zh="1 - s**2 是 tanh 的斜率；sigmoid 的斜率是 s * (1 - s)。"),
        Mistake("ds is the slope s * (1 - s), not the sigmoid s itself.",
                "ds = s * (1 - s)", "ds = s",
                zh="ds 是斜率 s * (1 - s)，不是 sigmoid 值 s 本身。"),
        Mistake("Multiply entry by entry with *, not with np.dot.",
                "ds = s * (1 - s)", "ds = np.dot(s, 1 - s)",
                zh="用 * 逐元素相乘，不要用 np.dot。"),
    ],
    "image2vector": [
        Mistake("Read the sizes from image.shape; a hard-coded 3 * 3 * 2 only fits the example.",
                "image.reshape(length * height * depth, 1)", "image.reshape(3 * 3 * 2, 1)",
                zh="从 image.shape 读出各个大小；写死的 3 * 3 * 2 只适用于那个例子。"),
        Mistake("v must be a column of shape (length * height * depth, 1), not a 1-D array.",
                "image.reshape(length * height * depth, 1)", "image.reshape(length * height * depth)",
                zh="v 必须是形状为 (length * height * depth, 1) 的一列，不是一维数组。"),
        Mistake("v is a column (n, 1), not a row (1, n).",
                "image.reshape(length * height * depth, 1)", "image.reshape(1, length * height * depth)",
                zh="v 是一列 (n, 1)，不是一行 (1, n)。"),
        Mistake("Do not transpose the image first: the entries must stay in numpy's row-major order.",
                "image.reshape(length * height * depth, 1)", "image.T.reshape(length * height * depth, 1)",
                zh="不要先转置图像：元素必须保持 numpy 的行优先顺序。"),
        Mistake("The number of entries is length * height * depth; one of the three sizes is used twice.",
                "length * height * depth, 1", "length * height * height, 1",
                zh="元素个数是 length * height * depth；你把三个大小中的一个用了两次。"),
    ],
    "normalize_rows": [
        Mistake("Each row is divided by its own norm: take the norm over axis=1 (along the row), not axis=0.",
                "axis=1, keepdims=True", "axis=0, keepdims=True",
                zh="每一行除以它自己的范数：沿 axis=1（沿着行）求范数，不是 axis=0。"),
        Mistake("Keep the norms as a column (keepdims=True) so that they broadcast across each row.",
                "axis=1, keepdims=True", "axis=1",
                zh="让范数保持为一列（keepdims=True），这样它们才能沿每一行广播。"),
        Mistake("Use the Euclidean (L2) norm, ord=2, not the L1 norm.",
                "ord=2", "ord=1",
                zh="使用欧几里得（L2）范数 ord=2，不是 L1 范数。"),
        Mistake("Divide every row by its own norm, not the whole array by the norm of all entries.",
                "np.linalg.norm(x, ord=2, axis=1, keepdims=True)", "np.linalg.norm(x)",
                zh="把每一行除以它自己的范数，而不是把整个数组除以全部元素的范数。"),
        Mistake("Divide by the norm itself, not by its square.",
                "x = x / row_norms", "x = x / row_norms ** 2",
                zh="除以范数本身，不是除以它的平方。"),
    ],
    "softmax": [
        Mistake("The softmax normalises each row: sum the exponentials over axis=1, not axis=0.",
                "axis=1, keepdims=True", "axis=0, keepdims=True",
                zh="softmax 对每一行归一化：沿 axis=1 对指数求和，不是 axis=0。"),
        Mistake("Divide by each row's own total, not by the sum of all entries.",
                "np.sum(exps, axis=1, keepdims=True)", "np.sum(exps)",
                zh="除以每一行自己的总和，而不是全部元素之和。"),
        Mistake("Keep the row totals as a column (keepdims=True) so that they broadcast across each row.",
                "axis=1, keepdims=True", "axis=1",
                zh="让各行的总和保持为一列（keepdims=True），这样它们才能沿每一行广播。"),
        Mistake("The denominator sums the exponentials e^x, not the raw values x.",
                "np.sum(exps, axis=1, keepdims=True)", "np.sum(x, axis=1, keepdims=True)",
                zh="分母是指数 e^x 之和，不是原始值 x 之和。"),
        Mistake("The numerator is e^x, not x.",
                "s = exps / row_sums", "s = x / row_sums",
                zh="分子是 e^x，不是 x。"),
    ],
    "L1": [
        Mistake("Take the absolute value of each difference before summing: positive and negative errors must not cancel.",
                "np.sum(np.abs(y - yhat))", "np.sum(y - yhat)",
                zh="求和之前先对每个差取绝对值：正负误差不能相互抵消。"),
        Mistake("The L1 loss is a sum over the examples, not a mean.",
                "np.sum(np.abs(y - yhat))", "np.mean(np.abs(y - yhat))",
                zh="L1 损失是对所有样本求和，不是求平均。"),
        Mistake("Sum the absolute values, not take the absolute value of the sum.",
                "np.sum(np.abs(y - yhat))", "np.abs(np.sum(y - yhat))",
                zh="应对绝对值求和，而不是对和取绝对值。"),
        Mistake("The loss is one number: sum the absolute differences.",
                "np.sum(np.abs(y - yhat))", "np.abs(y - yhat)",
                zh="损失是一个数：把各个差的绝对值加起来。"),
        Mistake("L1 uses absolute differences, not squared ones (that is L2).",
                "np.sum(np.abs(y - yhat))", "np.sum((y - yhat) ** 2)",
                zh="L1 用差的绝对值，不是差的平方（那是 L2）。"),
    ],
    "L2": [
        Mistake("L2 squares each difference; the sum of absolute values is L1.",
                "np.sum(diff * diff)", "np.sum(np.abs(diff))",
                zh="L2 对每个差求平方；绝对值之和是 L1。"),
        Mistake("The L2 loss is the sum of squares with no square root (the root would be the norm).",
                "np.sum(diff * diff)", "np.sqrt(np.sum(diff * diff))",
                zh="L2 损失是平方和，不开平方根（开根号得到的是范数）。"),
        Mistake("Square each difference, then sum; squaring the sum lets errors cancel.",
                "np.sum(diff * diff)", "np.sum(diff) ** 2",
                zh="先对每个差求平方，再求和；对和求平方会让误差相互抵消。"),
        Mistake("The L2 loss is a sum over the examples, not a mean.",
                "np.sum(diff * diff)", "np.mean(diff * diff)",
                zh="L2 损失是对所有样本求和，不是求平均。"),
        Mistake("The loss is one number: sum the squared differences.",
                "np.sum(diff * diff)", "diff * diff",
                zh="损失是一个数：把各个差的平方加起来。"),
    ],
}
