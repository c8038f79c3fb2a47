"""A learner of the 2021+ revision, "Python Basics with Numpy".

Not importable on its own: each function goes into its answer cell of the notebook, where `math`,
`np` and the notebook's `sigmoid` are defined.
Features of that version exercised here:
- the new name `normalize_rows`, dividing `x` in place (`x /= ...`; the 2021 docstring allows
  changing x);
- `image2vector` with `reshape(-1, 1)`;
- `sigmoid_derivative` calling `sigmoid` twice, `softmax` with `.sum(...).reshape(-1, 1)`;
- `L1` with the builtin `abs` and `yhat - y` order, `L2` with `np.power`.
"""


def basic_sigmoid(x):
    return 1 / (1 + math.exp(-x))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    ds = sigmoid(x) * (1 - sigmoid(x))
    return ds


def image2vector(image):
    return image.reshape(-1, 1)


def normalize_rows(x):
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    x /= norms
    return x


def softmax(x):
    e = np.exp(x)
    return e / e.sum(axis=1).reshape(-1, 1)


def L1(yhat, y):
    loss = np.sum(abs(yhat - y))
    return loss


def L2(yhat, y):
    loss = np.sum(np.power(yhat - y, 2))
    return loss
