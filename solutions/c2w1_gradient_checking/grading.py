"""Hidden cases and known mistakes for "Gradient Checking"."""
import numpy as np

from autograder.spec import Case, Mistake, case_rng
from gc_utils import SHAPES, forward_propagation_n

CALLEES = {"gradient_check": ["forward_propagation", "backward_propagation"]}
# gradient_check_n calls forward_propagation_n, a given helper of gc_utils (not graded): the
# learner's kernel has it from the notebook's import cell, the reference imports it from gc_utils.


def _scalar_cases(seed):
    """(label, label_zh, x, theta): x and theta away from 0 and 1, of both signs, one pair of Python ints."""
    rng = case_rng(seed)
    return [("x > 0, theta < 0", "x > 0，theta < 0",
             float(rng.uniform(1.5, 3.0)), float(rng.uniform(-3.0, -1.5))),
            ("x < 0, theta > 0", "x < 0，theta > 0",
             float(rng.uniform(-4.0, -2.0)), float(rng.uniform(0.5, 0.9))),
            ("x and theta Python ints", "x 和 theta 都是 Python 整数",
             int(rng.randint(3, 7)), int(rng.randint(-9, -2))),
            ("small x, large theta", "较小的 x，较大的 theta",
             float(rng.uniform(0.2, 0.6)), float(rng.uniform(5.0, 9.0)))]


def forward_propagation_cases():
    return [Case(label, (x, theta), zh=label_zh) for label, label_zh, x, theta in _scalar_cases(1)]


def backward_propagation_cases():
    return [Case(label, (x, theta), zh=label_zh) for label, label_zh, x, theta in _scalar_cases(2)]


def gradient_check_cases():
    """The right answer is rounding noise (about 1e-10, far below the tolerance 1e-7) for every
    epsilon: J is linear, so a centred difference is exact up to rounding."""
    cases = []
    for (label, label_zh, x, theta), epsilon in zip(_scalar_cases(3), [None, 1e-4, 0.5, 1e-2]):
        if epsilon is None:
            cases.append(Case(f"{label}, default epsilon", (x, theta), zh=f"{label_zh}，默认的 epsilon"))
        else:
            cases.append(Case(f"{label}, epsilon={epsilon}", (x, theta, epsilon),
                              zh=f"{label_zh}，epsilon={epsilon}"))
    return cases


def _network(rng, m, margin=0.0):
    """(X, Y, parameters), redrawn until every hidden pre-activation is at least `margin` away
    from 0, so that shifts of a parameter by up to about margin / 10 never cross a ReLU's kink."""
    while True:
        X = rng.randn(4, m)
        Y = (rng.rand(1, m) > 0.5).astype(float)
        Y[0, 0] = 1.0  # at least one positive example, whatever the draw
        parameters = {name: rng.randn(*shape) for name, shape in SHAPES}
        Z1, A1, _, _, Z2 = forward_propagation_n(X, Y, parameters)[1][:5]
        if min(np.abs(Z1).min(), np.abs(Z2).min()) >= margin:
            return X, Y, parameters


def _backward(X, Y, parameters):
    """Exact gradients of forward_propagation_n's cost, with every key a backward pass returns."""
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = forward_propagation_n(X, Y, parameters)[1]
    dZ3 = A3 - Y
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    return {"dZ3": dZ3, "dW3": dZ3 @ A2.T / m, "db3": dZ3.sum(axis=1, keepdims=True) / m,
            "dA2": dA2, "dZ2": dZ2, "dW2": dZ2 @ A1.T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m,
            "dA1": dA1, "dZ1": dZ1, "dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m}


def _six(gradients):
    return {key: gradients[key] for key in ("dW1", "db1", "dW2", "db2", "dW3", "db3")}


def gradient_check_n_cases():
    """Differences far above rounding noise wherever a mistake must show: the right answer on
    exact gradients is noise at the default epsilon (below 1e-6, within the tolerance), a
    truncation error at epsilon = 1e-3, and of order 0.01 to 1 on gradients with planted errors."""
    cases = []
    rng = case_rng(40)
    X, Y, parameters = _network(rng, 3)
    cases.append(Case("m=3, exact gradients, default epsilon", (parameters, _backward(X, Y, parameters), X, Y),
                      zh="m=3，精确的梯度，默认的 epsilon"))

    rng = case_rng(41)
    X, Y, parameters = _network(rng, 1)
    gradients = _six(_backward(X, Y, parameters))
    gradients["dW3"] = gradients["dW3"] * 3
    gradients["db2"] = gradients["db2"] + rng.uniform(0.2, 0.5, size=(3, 1))
    cases.append(Case("m=1, gradients with dW3 tripled and db2 shifted, default epsilon",
                      (parameters, gradients, X, Y), zh="m=1，dW3 被乘以 3、db2 被平移的梯度，默认的 epsilon"))

    rng = case_rng(42)
    X, Y, parameters = _network(rng, 5, margin=0.05)
    cases.append(Case("m=5, exact gradients, epsilon=0.001 (a one-sided difference is far off)",
                      (parameters, _six(_backward(X, Y, parameters)), X, Y, 1e-3),
                      zh="m=5，精确的梯度，epsilon=0.001（单侧差分会差得很远）"))

    rng = case_rng(43)
    X, Y, parameters = _network(rng, 2)
    gradients = _backward(X, Y, parameters)
    gradients["dW1"] = gradients["dW1"] + rng.uniform(0.05, 0.1, size=(5, 4)) * rng.choice([-1, 1], size=(5, 4))
    gradients["db3"] = -gradients["db3"]
    cases.append(Case("m=2, gradients with small errors in dW1 and the sign of db3 flipped, epsilon=1e-6",
                      (parameters, gradients, X, Y, 1e-6),
                      zh="m=2，dW1 有小误差、db3 的符号被取反的梯度，epsilon=1e-6"))
    return cases


MISTAKES = {
    "forward_propagation": [
        Mistake("J is the product of theta and x, not their sum.", "J = theta * x", "J = theta + x",
                zh="J 是 theta 与 x 的乘积，而不是它们的和。"),
        Mistake("J depends on x too: J = theta * x.", "J = theta * x", "J = theta",
                zh="J 也依赖于 x：J = theta * x。"),
        Mistake("x is the derivative of J (that is backward_propagation); J itself is theta * x.",
                "J = theta * x", "J = x",
                zh="x 是 J 的导数（那是 backward_propagation 要返回的）；J 本身是 theta * x。"),
        Mistake("J = theta * x has no minus sign.", "J = theta * x", "J = -theta * x",
                zh="J = theta * x 中没有负号。"),
    ],
    "backward_propagation": [
        Mistake("The derivative of theta * x with respect to theta is x, not theta.",
                "dtheta = x", "dtheta = theta",
                zh="theta * x 对 theta 的导数是 x，而不是 theta。"),
        Mistake("Return the derivative dJ/dtheta = x, not J = theta * x itself.",
                "dtheta = x", "dtheta = theta * x",
                zh="要返回导数 dJ/dtheta = x，而不是 J = theta * x 本身。"),
        Mistake("The derivative of theta * x with respect to theta is x (it keeps the factor x), not 1.",
                "dtheta = x", "dtheta = 1",
                zh="theta * x 对 theta 的导数是 x（因子 x 保留了下来），而不是 1。"),
        Mistake("The derivative of theta * x is +x: no minus sign.", "dtheta = x", "dtheta = -x",
                zh="theta * x 的导数是 +x：没有负号。"),
    ],
    "gradient_check": [
        Mistake("theta_minus is theta - epsilon: with + epsilon in both, J_plus equals J_minus and the "
                "approximation is 0.",
                "theta_minus = theta - epsilon", "theta_minus = theta + epsilon",
                zh="theta_minus 是 theta - epsilon：如果两处都用 + epsilon，J_plus 就等于 J_minus，近似值为 0。"),
        Mistake("The centred difference divides by 2 * epsilon, the distance between theta_plus and theta_minus.",
                "/ (2 * epsilon)", "/ epsilon",
                zh="中心差分要除以 2 * epsilon，即 theta_plus 与 theta_minus 之间的距离。"),
        Mistake("Put 2 * epsilon in parentheses: (J_plus - J_minus) / 2 * epsilon multiplies by epsilon.",
                "/ (2 * epsilon)", "/ 2 * epsilon",
                zh="要给 2 * epsilon 加上括号：(J_plus - J_minus) / 2 * epsilon 是乘以 epsilon。"),
        Mistake("J_plus is J at theta_plus; evaluating both at theta_minus makes the approximation 0.",
                "J_plus = forward_propagation(x, theta_plus)", "J_plus = forward_propagation(x, theta_minus)",
                zh="J_plus 是 J 在 theta_plus 处的值；两者都在 theta_minus 处计算会让近似值为 0。"),
        Mistake("The approximation is (J_plus - J_minus) / (2 epsilon): the difference is the other way round.",
                "(J_plus - J_minus)", "(J_minus - J_plus)",
                zh="近似值是 (J_plus - J_minus) / (2 epsilon)：你的减法顺序反了。"),
        Mistake("Divide by the whole denominator: numerator / (||grad|| + ||gradapprox||), with parentheses "
                "or a variable.",
                "    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
                "    difference = numerator / denominator",
                "    difference = numerator / np.linalg.norm(grad) + np.linalg.norm(gradapprox)",
                zh="要除以整个分母：numerator / (||grad|| + ||gradapprox||)，用括号或一个变量保证这一点。"),
    ],
    "gradient_check_n": [
        Mistake("Shift copies made with np.copy: theta_plus = parameters_values names the same array, so the "
                "shifts land in parameters_values and J_minus is computed at the unshifted point.",
                "np.copy(parameters_values)", "parameters_values",
                zh="要挪动用 np.copy 得到的副本：theta_plus = parameters_values 只是给同一个数组起了另一个名字，"
                   "挪动会落到 parameters_values 上，J_minus 也就是在没有挪动的点上算出的。"),
        Mistake("Copy the vector inside the loop, for every i: a copy made once before the loop keeps the "
                "shifts of the earlier parameters.",
                "    for i in range(num_parameters):\n"
                "        # J with parameter i shifted up by epsilon, then down by epsilon, on copies of the vector\n"
                "        ### BEGIN SOLUTION\n"
                "        theta_plus = np.copy(parameters_values)\n"
                "        theta_plus[i] = theta_plus[i] + epsilon\n"
                "        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))\n"
                "        theta_minus = np.copy(parameters_values)\n",
                "    theta_plus = np.copy(parameters_values)\n"
                "    theta_minus = np.copy(parameters_values)\n"
                "    for i in range(num_parameters):\n"
                "        ### BEGIN SOLUTION\n"
                "        theta_plus[i] = theta_plus[i] + epsilon\n"
                "        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))\n",
                zh="要在循环内为每个 i 复制一次向量：在循环前只复制一次的副本会保留之前各个参数的挪动。"),
        Mistake("theta_minus shifts parameter i down: theta_minus[i] - epsilon. With + epsilon, J_plus equals "
                "J_minus and the approximation is 0.",
                "theta_minus[i] = theta_minus[i] - epsilon", "theta_minus[i] = theta_minus[i] + epsilon",
                zh="theta_minus 把参数 i 往下挪，即 theta_minus[i] - epsilon；"
                   "用 + epsilon 的话，J_plus 等于 J_minus，近似值为 0。"),
        Mistake("Use the centred difference (J(theta + epsilon) - J(theta - epsilon)) / (2 epsilon): a one-sided "
                "difference from the unshifted theta is much less accurate.",
                "        theta_minus[i] = theta_minus[i] - epsilon\n"
                "        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))\n"
                "        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)",
                "        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))\n"
                "        gradapprox[i] = (J_plus[i] - J_minus[i]) / epsilon",
                zh="要用中心差分 (J(theta + epsilon) - J(theta - epsilon)) / (2 epsilon)："
                   "从没有挪动的 theta 出发的单侧差分要不准确得多。"),
        Mistake("The centred difference divides by 2 * epsilon, the distance between the two shifted points.",
                "/ (2 * epsilon)", "/ epsilon",
                zh="中心差分要除以 2 * epsilon，即两个挪动后的点之间的距离。"),
        Mistake("Put 2 * epsilon in parentheses: (J_plus[i] - J_minus[i]) / 2 * epsilon multiplies by epsilon.",
                "/ (2 * epsilon)", "/ 2 * epsilon",
                zh="要给 2 * epsilon 加上括号：(J_plus[i] - J_minus[i]) / 2 * epsilon 是乘以 epsilon。"),
        Mistake("J_minus[i] is the cost at theta_minus; computing it at theta_plus makes the approximation 0.",
                "vector_to_dictionary(theta_minus))", "vector_to_dictionary(theta_plus))",
                zh="J_minus[i] 是 theta_minus 处的代价；在 theta_plus 处计算它会让近似值为 0。"),
        Mistake("The numerator is the norm ||grad - gradapprox|| (np.linalg.norm, with its square root), not "
                "the sum of squares.",
                "numerator = np.linalg.norm(grad - gradapprox)", "numerator = np.sum((grad - gradapprox) ** 2)",
                zh="分子是范数 ||grad - gradapprox||（np.linalg.norm，包含开平方根），而不是平方和。"),
        Mistake("The denominator is the sum of the two norms, ||grad|| + ||gradapprox||, not their product.",
                "np.linalg.norm(grad) + np.linalg.norm(gradapprox)", "np.linalg.norm(grad) * np.linalg.norm(gradapprox)",
                zh="分母是两个范数之和 ||grad|| + ||gradapprox||，而不是它们的乘积。"),
        Mistake("Return the relative difference numerator / denominator, not the numerator alone.",
                "difference = numerator / denominator", "difference = numerator",
                zh="要返回相对差异 numerator / denominator，而不是只返回分子。"),
        Mistake("Compare grad with gradapprox, the approximation you computed, not with itself.",
                "numerator = np.linalg.norm(grad - gradapprox)", "numerator = np.linalg.norm(grad - grad)",
                zh="要把 grad 与你算出的近似值 gradapprox 进行比较，而不是与它自己比较。"),
        Mistake("Divide by the whole denominator: numerator / (||grad|| + ||gradapprox||), with parentheses "
                "or a variable.",
                "    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
                "    difference = numerator / denominator",
                "    difference = numerator / np.linalg.norm(grad) + np.linalg.norm(gradapprox)",
                zh="要除以整个分母：numerator / (||grad|| + ||gradapprox||)，用括号或一个变量保证这一点。"),
    ],
}
