"""Hidden cases and known mistakes for "Logistic Regression with a Neural Network mindset"."""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {
    "propagate": ["sigmoid"],
    "optimize": ["propagate"],
    "predict": ["sigmoid"],
    "model": ["initialize_with_zeros", "optimize", "predict"],
}
# The original optimize had no copy of w, so `w -= learning_rate * dw` changed the caller's w and its
# tests never looked; the 2021+ scaffold copies w and b first.
MAY_CHANGE = {"optimize": {0}}


def _rng(seed):
    return case_rng(seed)


def _labels(rng, m):
    return (rng.rand(1, m) > 0.5).astype(float)


def _learnable(rng, n_x, m):
    """Inputs whose first feature carries the label, so training has something to find."""
    Y = _labels(rng, m)
    X = rng.rand(n_x, m)
    X[0] += 2 * Y[0] - 1
    return X, Y


def sigmoid_cases():
    rng = _rng(10)
    large, medium = rng.uniform(25, 35), rng.uniform(3, 5)  # exp(-z) overflows nothing, yet saturates
    return [
        Case("a 2-D array (3, 4)", (rng.randn(3, 4) * 3,), zh="形状为 (3, 4) 的二维数组"),
        Case("a 1-D array with large values", (np.array([-large, -medium, 0.0, medium, large]),),
             zh="含有较大值的一维数组"),
        Case("a single number", (float(rng.uniform(0.2, 1.2)),), zh="单个数"),
        Case("a (1, 1) array", (-rng.uniform(0.5, 2, (1, 1)),), zh="(1, 1) 数组"),
    ]


def initialize_with_zeros_cases():
    return [Case(f"dim={d}", (d,), zh=f"dim={d}") for d in (1, 5, 12)]


def propagate_cases():
    cases = []
    for seed, (n_x, m, b) in enumerate([(3, 5, 0.2), (1, 1, -1.0), (4, 1, 0.0), (2, 7, 1.5)]):
        rng = _rng(20 + seed)
        w, X = rng.randn(n_x, 1) * 0.5, rng.randn(n_x, m)
        cases.append(Case(f"n_x={n_x}, m={m}, b={b}", (w, b, X, _labels(rng, m)), zh=f"n_x={n_x}, m={m}, b={b}"))
    return cases


def optimize_cases():
    cases = []
    for seed, (n_x, m, iterations, lr) in enumerate([(3, 6, 250, 0.1), (1, 1, 120, 0.5),
                                                     (5, 4, 20, 0.02), (2, 9, 101, 1.2)]):
        rng = _rng(30 + seed)
        w = rng.randn(n_x, 1) * 0.1
        X, Y = _learnable(rng, n_x, m)
        cases.append(Case(f"n_x={n_x}, m={m}, {iterations} iterations, learning_rate={lr}",
                          (w, 0.3, X, Y, iterations, lr, False),
                          zh=f"n_x={n_x}，m={m}，迭代 {iterations} 次，learning_rate={lr}"))
    return cases


def predict_cases():
    cases = []
    for seed, (n_x, m, b) in enumerate([(4, 9, 0.3), (1, 1, -0.2), (3, 5, 2.0)]):
        rng = _rng(40 + seed)
        cases.append(Case(f"n_x={n_x}, m={m}, b={b}", (rng.randn(n_x, 1), b, rng.randn(n_x, m) * 0.4),
                          zh=f"n_x={n_x}, m={m}, b={b}"))
    X = np.array([[0.0, 1.0, -1.0], [0.0, 2.0, 0.5]])
    cases.append(Case("probability exactly 0.5 (zero weights and bias)", (np.zeros((2, 1)), 0.0, X),
                      zh="概率恰好为 0.5（权重和偏置均为零）"))
    rng = _rng(44)
    X = rng.uniform(-0.3, 0.9, (1, 6))
    # with b = 0.2: 0 < z < 0.5 (a missing sigmoid says 0), and 0 < z with z - b < 0 (a missing b says 0)
    X[0, 0], X[0, 1] = rng.uniform(0.05, 0.25), rng.uniform(-0.18, -0.05)
    cases.append(Case("probabilities close to 0.5", (np.array([[1.0]]), 0.2, X), zh="概率接近 0.5"))
    return cases


def model_cases():
    cases = []
    for seed, (n_x, m_train, m_test, iterations, lr) in enumerate([(3, 8, 4, 150, 0.3), (2, 1, 1, 30, 0.05),
                                                                    (5, 6, 2, 101, 0.8)]):
        rng = _rng(50 + seed)
        X_train, Y_train = _learnable(rng, n_x, m_train)
        X_test, Y_test = _learnable(rng, n_x, m_test)
        cases.append(Case(f"n_x={n_x}, m_train={m_train}, m_test={m_test}, {iterations} iterations, "
                          f"learning_rate={lr}", (X_train, Y_train, X_test, Y_test, iterations, lr, False),
                          zh=f"n_x={n_x}，m_train={m_train}，m_test={m_test}，迭代 {iterations} 次，"
                          f"learning_rate={lr}"))
    return cases


MISTAKES = {
    "sigmoid": [
        Mistake("The exponent is -z: sigmoid(z) = 1 / (1 + exp(-z)).",
                "np.exp(-z)", "np.exp(z)",
                zh="指数是 -z：sigmoid(z) = 1 / (1 + exp(-z))。"),
        Mistake("Mind the parentheses: 1 / (1 + np.exp(-z)), not 1 / 1 + np.exp(-z).",
                "s = 1 / (1 + np.exp(-z))", "s = 1 / 1 + np.exp(-z)",
                zh="注意括号：应写 1 / (1 + np.exp(-z))，而不是 1 / 1 + np.exp(-z)。"),
        Mistake("math.exp only takes single numbers; use np.exp so that arrays work too.",
                "s = 1 / (1 + np.exp(-z))", "import math\n    s = 1 / (1 + math.exp(-z))",
                zh="math.exp 只接受单个数；请使用 np.exp，这样数组也能计算。"),
        Mistake("The denominator is 1 + exp(-z), with a plus.",
                "s = 1 / (1 + np.exp(-z))", "s = 1 / (1 - np.exp(-z))",
                zh="分母是 1 + exp(-z)，中间是加号。"),
    ],
    "initialize_with_zeros": [
        Mistake("w must be a column of shape (dim, 1), not a 1-D array.",
                "w = np.zeros((dim, 1))", "w = np.zeros(dim)",
                zh="w 必须是形状为 (dim, 1) 的一列，不是一维数组。"),
        Mistake("w has shape (dim, 1): one row per input feature.",
                "w = np.zeros((dim, 1))", "w = np.zeros((1, dim))",
                zh="w 的形状是 (dim, 1)：每个输入特征占一行。"),
        Mistake("b is a single number, not an array.", "b = 0.0", "b = np.zeros((1, 1))",
                zh="b 是单个数，不是数组。"),
        Mistake("Logistic regression starts from zeros: np.zeros((dim, 1)), not random weights.",
                "w = np.zeros((dim, 1))", "w = np.random.randn(dim, 1) * 0.01",
                zh="逻辑回归从零开始：用 np.zeros((dim, 1))，而不是随机的权重。"),
    ],
    "propagate": [
        Mistake("The cross-entropy cost starts with a minus sign.",
                "cost = -np.sum(", "cost = np.sum(",
                zh="交叉熵代价以负号开头。"),
        Mistake("Average the cost over the examples: divide by m.",
                "np.log(1 - A)) / m", "np.log(1 - A))",
                zh="代价要对样本取平均：除以 m。"),
        Mistake("dw is an average over the examples: divide by m.",
                "dw = np.dot(X, (A - Y).T) / m", "dw = np.dot(X, (A - Y).T)",
                zh="dw 是对样本的平均：除以 m。"),
        Mistake("dw = X (A - Y).T / m has the shape of w, (n_x, 1); the product is the wrong way round.",
                "dw = np.dot(X, (A - Y).T) / m", "dw = np.dot(A - Y, X.T) / m",
                zh="dw = X (A - Y).T / m 的形状与 w 相同，为 (n_x, 1)；你的乘积顺序反了。"),
        Mistake("db is a plain number: np.sum(A - Y) / m, without axis or keepdims.",
                "db = np.sum(A - Y) / m", "db = np.sum(A - Y, axis=1, keepdims=True) / m",
                zh="db 是一个普通的数：np.sum(A - Y) / m，不要加 axis 或 keepdims。"),
        Mistake("Add the bias before the sigmoid: A = sigmoid(w.T X + b).",
                "A = sigmoid(np.dot(w.T, X) + b)", "A = sigmoid(np.dot(w.T, X))",
                zh="在 sigmoid 之前加上偏置：A = sigmoid(w.T X + b)。"),
        Mistake("The gradient uses A - Y, not Y - A.",
                "(A - Y).T) / m", "(Y - A).T) / m",
                zh="梯度用的是 A - Y，不是 Y - A。"),
    ],
    "optimize": [
        Mistake("Gradient descent subtracts the gradient: w = w - learning_rate * dw.",
                "w = w - learning_rate * dw", "w = w + learning_rate * dw",
                zh="梯度下降是减去梯度：w = w - learning_rate * dw。"),
        Mistake("Use the learning_rate argument, not a fixed number.",
                "learning_rate * d", "0.009 * d",
                zh="使用参数 learning_rate，不要用固定的数。"),
        Mistake("Update the bias too: b = b - learning_rate * db.",
                "b = b - learning_rate * db", "b = b",
                zh="偏置也要更新：b = b - learning_rate * db。"),
        Mistake("Record the cost when i % 100 == 0, so that iteration 0 is included.",
                "if i % 100 == 0:", "if (i + 1) % 100 == 0:",
                zh="在 i % 100 == 0 时记录代价，这样第 0 次迭代也包括在内。"),
        Mistake("db is grads[\"db\"]; the bias was updated with dw.",
                "db = grads[\"db\"]", "db = grads[\"dw\"]",
                zh="db 是 grads[\"db\"]；你用 dw 更新了偏置。"),
    ],
    "predict": [
        Mistake("An example is labelled 1 only when its probability is strictly above 0.5 (A > 0.5).",
                "A > 0.5", "A >= 0.5",
                zh="只有当样本的概率严格大于 0.5（A > 0.5）时才标为 1。"),
        Mistake("Apply the sigmoid before comparing with 0.5.",
                "A = sigmoid(np.dot(w.T, X) + b)", "A = np.dot(w.T, X) + b",
                zh="先应用 sigmoid，再与 0.5 比较。"),
        Mistake("Add the bias b before the sigmoid.",
                "A = sigmoid(np.dot(w.T, X) + b)", "A = sigmoid(np.dot(w.T, X))",
                zh="在 sigmoid 之前加上偏置 b。"),
        Mistake("Label 1 goes where the probability is above 0.5, not below.",
                "Y_prediction[A > 0.5] = 1.0", "Y_prediction[A < 0.5] = 1.0",
                zh="概率大于 0.5 的位置标为 1，而不是小于 0.5 的位置。"),
    ],
    "model": [
        Mistake("w needs one weight per feature: initialize_with_zeros(X_train.shape[0]).",
                "initialize_with_zeros(X_train.shape[0])", "initialize_with_zeros(X_train.shape[1])",
                zh="w 需要每个特征一个权重：initialize_with_zeros(X_train.shape[0])。"),
        Mistake("Pass num_iterations and learning_rate on to optimize; its defaults are not the model's.",
                "optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)",
                "optimize(w, b, X_train, Y_train)",
                zh="把 num_iterations 和 learning_rate 传给 optimize；它的默认值不是 model 的值。"),
        Mistake("Pass learning_rate on to optimize.",
                "optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)",
                "optimize(w, b, X_train, Y_train, num_iterations=num_iterations, print_cost=print_cost)",
                zh="把 learning_rate 传给 optimize。"),
        Mistake("Predict the test set with X_test.",
                "Y_prediction_test = predict(w, b, X_test)", "Y_prediction_test = predict(w, b, X_train)",
                zh="用 X_test 对测试集进行预测。"),
        Mistake("Take the trained w and b out of params before predicting.",
                "    w = params[\"w\"]\n    b = params[\"b\"]\n", "",
                zh="预测之前，先从 params 中取出训练好的 w 和 b。"),
    ],
}
