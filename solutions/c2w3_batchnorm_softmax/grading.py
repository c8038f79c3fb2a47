"""Hidden cases and known mistakes for "Batch normalization and softmax" (ours, in numpy)."""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

# Running averages are state: updating the caller's arrays in place (running_mean *= momentum ...)
# is as right as returning new ones, as long as the returned values are right.
MAY_CHANGE = {"update_running_averages": {0, 1}}


def _one_hot(labels, C):
    Y = np.zeros((C, len(labels)))
    Y[labels, np.arange(len(labels))] = 1.0
    return Y


def _probabilities(scores):
    e = np.exp(scores - scores.max(axis=0))
    return e / e.sum(axis=0)


def _labels(rng, C, m):
    """m labels in 0..C-1 (every class present when m >= C, so no class count can be guessed from the data)."""
    labels = rng.randint(0, C, size=m)
    if m >= C:
        labels[rng.permutation(m)[:C]] = np.arange(C)
    return labels


def _bn_cache(Z, gamma, beta, epsilon):
    """The cache a correct batchnorm_forward makes: (Z, Z_norm, mu, var, gamma, beta, epsilon)."""
    center = Z.sum(axis=1, keepdims=True) / Z.shape[1]
    spread = ((Z - center) ** 2).sum(axis=1, keepdims=True) / Z.shape[1]
    return (Z, (Z - center) / np.sqrt(spread + epsilon), center, spread, gamma, beta, epsilon)


def _bn_inputs(rng, n, m):
    """Z with units of different offsets and spreads, and gamma, beta far from 1 and 0."""
    Z = rng.randn(n, m) * rng.uniform(0.5, 3, size=(n, 1)) + rng.uniform(-3, 3, size=(n, 1))
    return Z, rng.randn(n, 1) * 1.5, rng.randn(n, 1)


def batchnorm_forward_cases():
    cases = []
    for seed, (n, m, epsilon) in enumerate([(4, 6, 1e-8), (3, 2, 1e-5), (5, 3, 0.5), (2, 1, 1e-8)]):
        Z, gamma, beta = _bn_inputs(case_rng(100 + seed), n, m)
        cases.append(Case(f"n={n}, m={m}, epsilon={epsilon}", (Z, gamma, beta, epsilon),
                          zh=f"n={n}, m={m}, epsilon={epsilon}"))
    return cases


def batchnorm_backward_cases():
    cases = []
    for seed, (n, m, epsilon) in enumerate([(4, 5, 1e-8), (3, 2, 1e-5), (6, 7, 0.3), (1, 4, 1e-8)]):
        rng = case_rng(110 + seed)
        Z, gamma, beta = _bn_inputs(rng, n, m)
        cases.append(Case(f"n={n}, m={m}, epsilon={epsilon}", (rng.randn(n, m), _bn_cache(Z, gamma, beta, epsilon)),
                          zh=f"n={n}, m={m}, epsilon={epsilon}"))
    return cases


def update_running_averages_cases():
    cases = []
    for seed, (n, momentum) in enumerate([(3, 0.9), (1, 0.99), (5, 0.7)]):
        rng = case_rng(120 + seed)
        running_mean, running_var = rng.randn(n, 1), rng.uniform(0.2, 2, size=(n, 1))
        mu, var = rng.randn(n, 1) * 2, rng.uniform(0.2, 4, size=(n, 1))
        cases.append(Case(f"n={n}, momentum={momentum}", (running_mean, running_var, mu, var, momentum),
                          zh=f"n={n}, momentum={momentum}"))
    return cases


def batchnorm_inference_cases():
    cases = []
    for seed, (n, m, epsilon) in enumerate([(4, 6, 1e-8), (3, 1, 1e-8), (5, 3, 0.5), (2, 7, 1e-5)]):
        rng = case_rng(130 + seed)
        Z, gamma, beta = _bn_inputs(rng, n, m)
        running_mean, running_var = rng.randn(n, 1) * 2, rng.uniform(0.2, 4, size=(n, 1))
        cases.append(Case(f"n={n}, m={m}, epsilon={epsilon}", (Z, gamma, beta, running_mean, running_var, epsilon),
                          zh=f"n={n}, m={m}, epsilon={epsilon}"))
    return cases


def softmax_cases():
    rngs = [case_rng(140 + seed) for seed in range(5)]
    return [
        Case("C=5, m=4", (rngs[0].randn(5, 4) * 2,), zh="C=5, m=4"),
        Case("C=3, m=1", (rngs[1].randn(3, 1) * 2,), zh="C=3, m=1"),
        Case("C=4, m=6, scores near 1000 (exp overflows without the max shift)", (rngs[2].randn(4, 6) * 3 + 1000,),
             zh="C=4, m=6，分数接近 1000（不减去最大值时 exp 会溢出）"),
        Case("C=6, m=3, columns near +800, 0 and -800 (one max for the whole array underflows)",
             (rngs[3].randn(6, 3) * 2 + np.array([[800.0, 0.0, -800.0]]),),
             zh="C=6, m=3，各列分别接近 +800、0 和 -800（整个数组只用一个最大值时会下溢）"),
        Case("C=2, m=5", (rngs[4].randn(2, 5) * 3,), zh="C=2, m=5"),
    ]


def _cost_cases(base):
    cases = []
    for seed, (C, m, kind) in enumerate([(10, 8, float), (3, 1, float), (2, 5, float), (5, 20, np.int64)]):
        rng = case_rng(base + seed)
        Yhat = _probabilities(rng.randn(C, m) * 2)
        Y = _one_hot(_labels(rng, C, m), C).astype(kind)
        cases.append(Case(f"C={C}, m={m}" + (", integer one-hot Y" if kind is np.int64 else ""), (Yhat, Y),
                          zh=f"C={C}, m={m}" + ("，整数类型的 one-hot Y" if kind is np.int64 else "")))
    return cases


def compute_softmax_cost_cases():
    return _cost_cases(150)


def softmax_cost_gradient_cases():
    return _cost_cases(160)


MISTAKES = {
    "batchnorm_forward": [
        Mistake("mu is the mean of each unit over the examples (axis=1, keepdims=True), not of every entry of Z.",
                "mu = np.mean(Z, axis=1, keepdims=True)", "mu = np.mean(Z)",
                zh="mu 是每个单元在所有样本上的均值（axis=1, keepdims=True），而不是 Z 所有元素的均值。"),
        Mistake("Batch normalization divides the squared deviations by m, not m - 1: no ddof=1.",
                "var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)",
                "var = np.var(Z, axis=1, ddof=1, keepdims=True)",
                zh="Batch 归一化把偏差的平方和除以 m，而不是 m - 1：不要用 ddof=1。"),
        Mistake("The variance of each unit runs over the examples (axis=1); axis=0 mixes the units of one example.",
                "var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)", "var = np.var(Z, axis=0, keepdims=True)",
                zh="每个单元的方差是在样本上计算的（axis=1）；axis=0 会把同一个样本的不同单元混在一起。"),
        Mistake("epsilon goes inside the square root: (Z - mu) / np.sqrt(var + epsilon).",
                "np.sqrt(var + epsilon)", "(np.sqrt(var) + epsilon)",
                zh="epsilon 应放在平方根里面：(Z - mu) / np.sqrt(var + epsilon)。"),
        Mistake("Z_tilde = gamma * Z_norm + beta: gamma scales and beta shifts; they are swapped.",
                "gamma * Z_norm + beta", "beta * Z_norm + gamma",
                zh="Z_tilde = gamma * Z_norm + beta：gamma 负责缩放，beta 负责平移，两者被弄反了。"),
        Mistake("Keep the column shape (n, 1) of mu with keepdims=True, so that it broadcasts across the examples.",
                "mu = np.mean(Z, axis=1, keepdims=True)", "mu = np.mean(Z, axis=1)",
                zh="用 keepdims=True 让 mu 保持列的形状 (n, 1)，这样它才能在所有样本上广播。"),
        Mistake("Divide by the standard deviation np.sqrt(var + epsilon), not by the variance.",
                "/ np.sqrt(var + epsilon)", "/ (var + epsilon)",
                zh="应除以标准差 np.sqrt(var + epsilon)，而不是除以方差。"),
    ],
    "batchnorm_backward": [
        Mistake("dgamma sums dZ_tilde * Z_norm over the examples (axis=1, keepdims=True): it has gamma's shape (n, 1).",
                "dgamma = np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True)", "dgamma = dZ_tilde * Z_norm",
                zh="dgamma 是 dZ_tilde * Z_norm 在样本上的和（axis=1, keepdims=True）：它的形状与 gamma 相同，为 (n, 1)。"),
        Mistake("dbeta sums dZ_tilde over the examples of each unit (axis=1, keepdims=True), not over every entry.",
                "dbeta = np.sum(dZ_tilde, axis=1, keepdims=True)", "dbeta = np.sum(dZ_tilde)",
                zh="dbeta 是每个单元的 dZ_tilde 在其所有样本上的和（axis=1, keepdims=True），而不是所有元素的和。"),
        Mistake("mu and var depend on every example of the batch: dZ needs both correction terms, not only "
                "gamma * dZ_tilde / sqrt(var + epsilon).",
                "(m * dZ_norm - sum_dZ_norm - Z_norm * sum_dZ_norm_Z_norm) / (m * np.sqrt(var + epsilon))",
                "dZ_norm / np.sqrt(var + epsilon)",
                zh="mu 和 var 依赖于这批数据中的每个样本：dZ 需要两个修正项，不能只有 gamma * dZ_tilde / sqrt(var + epsilon)。"),
        Mistake("dZ is missing the term that comes from the mean: subtract the sum of dZ_norm over the examples.",
                "m * dZ_norm - sum_dZ_norm - Z_norm", "m * dZ_norm - Z_norm",
                zh="dZ 缺少来自均值的那一项：要减去 dZ_norm 在样本上的和。"),
        Mistake("dZ is missing the term that comes from the variance: subtract Z_norm times the sum of dZ_norm * Z_norm.",
                " - Z_norm * sum_dZ_norm_Z_norm", "",
                zh="dZ 缺少来自方差的那一项：要减去 Z_norm 乘以 dZ_norm * Z_norm 之和的积。"),
        Mistake("The gradient reaching Z_norm is dZ_tilde * gamma: gamma is missing.",
                "dZ_norm = dZ_tilde * gamma", "dZ_norm = dZ_tilde",
                zh="传到 Z_norm 的梯度是 dZ_tilde * gamma：漏掉了 gamma。"),
        Mistake("In the long form, the variance term is dvar * 2 (Z - mu) / m: each example's share carries a 1/m.",
                "dZ = (m * dZ_norm - sum_dZ_norm - Z_norm * sum_dZ_norm_Z_norm) / (m * np.sqrt(var + epsilon))",
                "dvar = np.sum(dZ_norm * (Z - mu), axis=1, keepdims=True) * -0.5 * (var + epsilon) ** -1.5\n"
                "    dmu = -sum_dZ_norm / np.sqrt(var + epsilon)\n"
                "    dZ = dZ_norm / np.sqrt(var + epsilon) + dvar * 2 * (Z - mu) + dmu / m",
                zh="按完整展开的写法，方差项是 dvar * 2 (Z - mu) / m：每个样本分到的部分都带有 1/m。"),
        Mistake("The forward pass divided by np.sqrt(var + epsilon): the backward pass needs the same epsilon.",
                "(m * np.sqrt(var + epsilon))", "(m * np.sqrt(var))",
                zh="前向传播除以的是 np.sqrt(var + epsilon)：反向传播也需要同一个 epsilon。"),
    ],
    "update_running_averages": [
        Mistake("The old average keeps the weight momentum and the new batch gets 1 - momentum; they are swapped.",
                "momentum * running_mean + (1 - momentum) * mu", "(1 - momentum) * running_mean + momentum * mu",
                zh="旧平均值的权重是 momentum，新一批数据的权重是 1 - momentum；两者被弄反了。"),
        Mistake("The new variance enters with the weight (1 - momentum).",
                "momentum * running_var + (1 - momentum) * var", "momentum * running_var + var",
                zh="新的方差要乘以权重 (1 - momentum) 后再加入。"),
        Mistake("running_var averages the batch variances var, not their square roots.",
                "(1 - momentum) * var", "(1 - momentum) * np.sqrt(var)",
                zh="running_var 平均的是各批数据的方差 var，而不是它们的平方根。"),
        Mistake("Use the momentum argument, not a fixed 0.9.",
                "momentum * running_mean + (1 - momentum) * mu", "0.9 * running_mean + 0.1 * mu",
                zh="请使用参数 momentum，而不是固定的 0.9。"),
        Mistake("Update the running variance too, with the same formula as the mean.",
                "running_var = momentum * running_var + (1 - momentum) * var", "running_var = running_var",
                zh="方差的滑动平均也要更新，公式与均值的相同。"),
    ],
    "batchnorm_inference": [
        Mistake("At test time normalize with running_mean and running_var, not with the statistics of the batch.",
                "Z_norm = (Z - running_mean) / np.sqrt(running_var + epsilon)",
                "Z_norm = (Z - np.mean(Z, axis=1, keepdims=True)) / np.sqrt(np.var(Z, axis=1, keepdims=True) + epsilon)",
                zh="测试时要用 running_mean 和 running_var 归一化，而不是用这批数据的统计量。"),
        Mistake("epsilon goes inside the square root: np.sqrt(running_var + epsilon).",
                "np.sqrt(running_var + epsilon)", "(np.sqrt(running_var) + epsilon)",
                zh="epsilon 应放在平方根里面：np.sqrt(running_var + epsilon)。"),
        Mistake("Z_tilde = gamma * Z_norm + beta: gamma scales and beta shifts; they are swapped.",
                "gamma * Z_norm + beta", "beta * Z_norm + gamma",
                zh="Z_tilde = gamma * Z_norm + beta：gamma 负责缩放，beta 负责平移，两者被弄反了。"),
        Mistake("Divide by the standard deviation np.sqrt(running_var + epsilon), not by the variance.",
                "np.sqrt(running_var + epsilon)", "(running_var + epsilon)",
                zh="应除以标准差 np.sqrt(running_var + epsilon)，而不是除以方差。"),
        Mistake("After normalizing, scale by gamma and shift by beta, as in training.",
                "Z_tilde = gamma * Z_norm + beta", "Z_tilde = Z_norm",
                zh="归一化之后，要像训练时一样用 gamma 缩放、用 beta 平移。"),
    ],
    "softmax": [
        Mistake("Each column is one example: take the max and the sum over axis=0 (the classes), not axis=1.",
                "axis=0", "axis=1",
                zh="每一列是一个样本：最大值和求和都应沿 axis=0（各个类别）进行，而不是 axis=1。"),
        Mistake("Subtract each column's maximum before np.exp: with large scores np.exp overflows to inf and the "
                "result is nan.",
                "Z_shifted = Z - np.max(Z, axis=0, keepdims=True)", "Z_shifted = Z",
                zh="在 np.exp 之前先减去每一列的最大值：分数很大时 np.exp 会溢出为 inf，结果变成 nan。"),
        Mistake("Subtract the maximum of each column (axis=0, keepdims=True), not one maximum for the whole array: "
                "columns far below it underflow to 0/0.",
                "np.max(Z, axis=0, keepdims=True)", "np.max(Z)",
                zh="减去每一列的最大值（axis=0, keepdims=True），而不是整个数组的同一个最大值：远低于它的列会下溢成 0/0。"),
        Mistake("Divide by the sum of each column (axis=0, keepdims=True), not by the sum of the whole array.",
                "np.sum(exp_Z, axis=0, keepdims=True)", "np.sum(exp_Z)",
                zh="应除以每一列的和（axis=0, keepdims=True），而不是整个数组的和。"),
        Mistake("The shift must be one number per column (its maximum over the classes, axis=0); a maximum per row "
                "changes the result.",
                "np.max(Z, axis=0, keepdims=True)", "np.max(Z, axis=1, keepdims=True)",
                zh="平移量必须是每列一个数（该列在各类别上的最大值，axis=0）；按行取最大值会改变结果。"),
    ],
    "compute_softmax_cost": [
        Mistake("The cross-entropy cost starts with a minus sign.", "cost = -np.sum(", "cost = np.sum(",
                zh="交叉熵代价的前面有一个负号。"),
        Mistake("Average over the examples: divide the sum by m.", "np.log(Yhat)) / m", "np.log(Yhat))",
                zh="要在样本上取平均：把求和的结果除以 m。"),
        Mistake("With a softmax there is no (1 - Y) log(1 - Yhat) term: that is the two-class sigmoid cost.",
                "Y * np.log(Yhat)", "Y * np.log(Yhat) + (1 - Y) * np.log(1 - Yhat)",
                zh="使用 softmax 时没有 (1 - Y) log(1 - Yhat) 项：那是二分类 sigmoid 的代价。"),
        Mistake("Divide by the number of examples m, not by the number of entries C * m (np.mean over everything).",
                "-np.sum(Y * np.log(Yhat)) / m", "-np.mean(Y * np.log(Yhat))",
                zh="应除以样本数 m，而不是元素个数 C * m（对全部元素用 np.mean 就会这样）。"),
        Mistake("Only the true class counts: multiply log(Yhat) by the one-hot Y before summing.",
                "np.sum(Y * np.log(Yhat))", "np.sum(np.log(Yhat))",
                zh="只有真实类别才计入：求和之前先把 log(Yhat) 乘以 one-hot 的 Y。"),
        Mistake("Use np.log (natural logarithm), not np.log10.", "np.log(Yhat)", "np.log10(Yhat)",
                zh="请使用 np.log（自然对数），而不是 np.log10。"),
    ],
    "softmax_cost_gradient": [
        Mistake("dZ = (Yhat - Y) / m: the sign is flipped.", "(Yhat - Y) / m", "(Y - Yhat) / m",
                zh="dZ = (Yhat - Y) / m：符号反了。"),
        Mistake("The cost averages over the examples, so its gradient carries 1/m.", "(Yhat - Y) / m", "(Yhat - Y)",
                zh="代价是在样本上取的平均，所以它的梯度带有 1/m。"),
        Mistake("m is the number of examples, Y.shape[1], not the number of classes.",
                "(Yhat - Y) / m", "(Yhat - Y) / Y.shape[0]",
                zh="m 是样本数 Y.shape[1]，而不是类别数。"),
        Mistake("This is the gradient with respect to Z, the softmax's input: (Yhat - Y) / m, not -Y / Yhat / m.",
                "(Yhat - Y) / m", "-Y / Yhat / m",
                zh="这里要求的是对 softmax 的输入 Z 的梯度：(Yhat - Y) / m，而不是 -Y / Yhat / m。"),
        Mistake("Divide by m once.", "(Yhat - Y) / m", "(Yhat - Y) / m / m",
                zh="只除以一次 m。"),
    ],
}
