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
    return [Case(f"x = {negative}", (negative,)), Case(f"x = {small}", (small,)),
            Case(f"x = {whole} (an int)", (whole,)), Case("x = 0.0", (0.0,))]


def sigmoid_cases():
    return [Case("a 1-D array of 6 values", (_rng(10).randn(6) * 3,)),
            Case("a 1x1 array (one value)", (-_rng(13).uniform(0.2, 1.5, (1, 1)),)),
            Case("a 3-D array of shape (2, 3, 2)", (_rng(11).randn(2, 3, 2) * 2,)),
            Case("a column of shape (4, 1)", (_rng(12).randn(4, 1),))]


def sigmoid_derivative_cases():
    return [Case("a 1-D array of 5 values", (_rng(20).randn(5) * 2,)),
            Case("a 1x1 array (one value)", (_rng(22).uniform(0.5, 2, (1, 1)),)),
            Case("an array of shape (3, 4)", (_rng(21).randn(3, 4) * 2,))]


def image2vector_cases():
    return [Case(f"image of shape {shape}", (np.round(_rng(30 + i).rand(*shape), 4),))
            for i, shape in enumerate([(4, 2, 3), (1, 5, 2), (2, 3, 4), (1, 1, 3)])]


def normalize_rows_cases():
    return [Case("x of shape (3, 4)", (_rng(40).randn(3, 4),)),
            Case("one row, shape (1, 5)", (_rng(41).randn(1, 5) * 4,)),
            Case("x of shape (4, 2)", (_rng(42).randn(4, 2) + 1,)),
            Case("square x of shape (3, 3)", (_rng(43).randn(3, 3) * 2,))]


def softmax_cases():
    return [Case("x of shape (3, 4)", (_rng(50).randn(3, 4),)),
            Case("one row, shape (1, 6)", (_rng(51).randn(1, 6) * 2,)),
            Case("x of shape (5, 2)", (_rng(52).randn(5, 2) * 3,)),
            Case("square x of shape (3, 3) with values up to about 10", (_rng(53).rand(3, 3) * 10,))]


def L1_cases():
    return [Case(f"m = {m}", _labels_and_predictions(60 + i, m)) for i, m in enumerate([7, 1, 4])]


def L2_cases():
    return [Case(f"m = {m}", _labels_and_predictions(70 + i, m)) for i, m in enumerate([6, 1, 9])]


MISTAKES = {
    "basic_sigmoid": [
        Mistake("The exponent is -x: sigmoid(x) = 1 / (1 + e^(-x)).",
                "math.exp(-x)", "math.exp(x)"),
        Mistake("Mind the brackets: 1 / 1 + e^(-x) divides 1 by 1 first; write 1 / (1 + math.exp(-x)).",
                "1 / (1 + math.exp(-x))", "1 / 1 + math.exp(-x)"),
        Mistake("The denominator is 1 + e^(-x), not 1 - e^(-x).",
                "1 / (1 + math.exp(-x))", "1 / (1 - math.exp(-x))"),
        Mistake("The sigmoid is 1 / (1 + e^(-x)), not tanh (which ranges over (-1, 1)).",
                "s = 1 / (1 + math.exp(-x))", "s = math.tanh(x)"),
    ],
    "sigmoid": [
        Mistake("math.exp takes one number; use np.exp, which works on every entry of an array.",
                "np.exp(-x)", "math.exp(-x)"),
        Mistake("The exponent is -x: sigmoid(x) = 1 / (1 + e^(-x)).",
                "np.exp(-x)", "np.exp(x)"),
        Mistake("Mind the brackets: write 1 / (1 + np.exp(-x)).",
                "1 / (1 + np.exp(-x))", "1 / 1 + np.exp(-x)"),
        Mistake("The denominator is 1 + e^(-x), not 1 - e^(-x).",
                "1 / (1 + np.exp(-x))", "1 / (1 - np.exp(-x))"),
        Mistake("The sigmoid is 1 / (1 + e^(-x)), not np.tanh.",
                "s = 1 / (1 + np.exp(-x))", "s = np.tanh(x)"),
    ],
    "sigmoid_derivative": [
        Mistake("Apply s * (1 - s) to s = sigmoid(x), not to x itself.",
                "ds = s * (1 - s)", "ds = x * (1 - x)"),
        Mistake("Both factors use s = sigmoid(x): ds = s * (1 - s), not s * (1 - x).",
                "ds = s * (1 - s)", "ds = s * (1 - x)"),
        Mistake("1 - s**2 is the slope of tanh; the sigmoid's slope is s * (1 - s).",
                "ds = s * (1 - s)", "ds = 1 - s ** 2"),
        Mistake("ds is the slope s * (1 - s), not the sigmoid s itself.",
                "ds = s * (1 - s)", "ds = s"),
        Mistake("Multiply entry by entry with *, not with np.dot.",
                "ds = s * (1 - s)", "ds = np.dot(s, 1 - s)"),
    ],
    "image2vector": [
        Mistake("Read the sizes from image.shape; a hard-coded 3 * 3 * 2 only fits the example.",
                "image.reshape(length * height * depth, 1)", "image.reshape(3 * 3 * 2, 1)"),
        Mistake("v must be a column of shape (length * height * depth, 1), not a 1-D array.",
                "image.reshape(length * height * depth, 1)", "image.reshape(length * height * depth)"),
        Mistake("v is a column (n, 1), not a row (1, n).",
                "image.reshape(length * height * depth, 1)", "image.reshape(1, length * height * depth)"),
        Mistake("Do not transpose the image first: the entries must stay in numpy's row-major order.",
                "image.reshape(length * height * depth, 1)", "image.T.reshape(length * height * depth, 1)"),
        Mistake("The number of entries is length * height * depth; one of the three sizes is used twice.",
                "length * height * depth, 1", "length * height * height, 1"),
    ],
    "normalize_rows": [
        Mistake("Each row is divided by its own norm: take the norm over axis=1 (along the row), not axis=0.",
                "axis=1, keepdims=True", "axis=0, keepdims=True"),
        Mistake("Keep the norms as a column (keepdims=True) so that they broadcast across each row.",
                "axis=1, keepdims=True", "axis=1"),
        Mistake("Use the Euclidean (L2) norm, ord=2, not the L1 norm.",
                "ord=2", "ord=1"),
        Mistake("Divide every row by its own norm, not the whole array by the norm of all entries.",
                "np.linalg.norm(x, ord=2, axis=1, keepdims=True)", "np.linalg.norm(x)"),
        Mistake("Divide by the norm itself, not by its square.",
                "x = x / row_norms", "x = x / row_norms ** 2"),
    ],
    "softmax": [
        Mistake("The softmax normalises each row: sum the exponentials over axis=1, not axis=0.",
                "axis=1, keepdims=True", "axis=0, keepdims=True"),
        Mistake("Divide by each row's own total, not by the sum of all entries.",
                "np.sum(exps, axis=1, keepdims=True)", "np.sum(exps)"),
        Mistake("Keep the row totals as a column (keepdims=True) so that they broadcast across each row.",
                "axis=1, keepdims=True", "axis=1"),
        Mistake("The denominator sums the exponentials e^x, not the raw values x.",
                "np.sum(exps, axis=1, keepdims=True)", "np.sum(x, axis=1, keepdims=True)"),
        Mistake("The numerator is e^x, not x.",
                "s = exps / row_sums", "s = x / row_sums"),
    ],
    "L1": [
        Mistake("Take the absolute value of each difference before summing: positive and negative errors must not cancel.",
                "np.sum(np.abs(y - yhat))", "np.sum(y - yhat)"),
        Mistake("The L1 loss is a sum over the examples, not a mean.",
                "np.sum(np.abs(y - yhat))", "np.mean(np.abs(y - yhat))"),
        Mistake("Sum the absolute values, not take the absolute value of the sum.",
                "np.sum(np.abs(y - yhat))", "np.abs(np.sum(y - yhat))"),
        Mistake("The loss is one number: sum the absolute differences.",
                "np.sum(np.abs(y - yhat))", "np.abs(y - yhat)"),
        Mistake("L1 uses absolute differences, not squared ones (that is L2).",
                "np.sum(np.abs(y - yhat))", "np.sum((y - yhat) ** 2)"),
    ],
    "L2": [
        Mistake("L2 squares each difference; the sum of absolute values is L1.",
                "np.sum(diff * diff)", "np.sum(np.abs(diff))"),
        Mistake("The L2 loss is the sum of squares with no square root (the root would be the norm).",
                "np.sum(diff * diff)", "np.sqrt(np.sum(diff * diff))"),
        Mistake("Square each difference, then sum; squaring the sum lets errors cancel.",
                "np.sum(diff * diff)", "np.sum(diff) ** 2"),
        Mistake("The L2 loss is a sum over the examples, not a mean.",
                "np.sum(diff * diff)", "np.mean(diff * diff)"),
        Mistake("The loss is one number: sum the squared differences.",
                "np.sum(diff * diff)", "diff * diff"),
    ],
}
