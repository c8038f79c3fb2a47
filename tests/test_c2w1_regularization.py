"""The regularization reference against independent oracles: finite differences, the seed's own draws,
the course's published numbers and the notebook's claims about overfitting.

Also checks that answers written differently from the reference (as learners of the course wrote
them: bool masks, in-place scaling) earn full marks on every hidden case, and that the helpers behave
as the notebook says.
"""

import matplotlib
import numpy as np
import pytest

from alternatives import assert_right_on_hidden_cases
from oracles import numeric_gradient, rel_error

from autograder import paths, reference, spec

matplotlib.use("Agg")

AID = "c2w1_regularization"
ref = reference.load(AID)
utils = reference.import_course_file(AID, paths.COURSE / AID / "reg_utils.py", "reg_utils_under_test")
KEYS = {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}


def _course_fixture():
    """The course's fixture: seed 1, then X (3, 5), W1, b1, W2, b2, W3, b3 drawn with randn in that order."""
    rng = np.random.RandomState(1)
    X = rng.randn(3, 5)
    p = {}
    for name, shape in [("W1", (2, 3)), ("b1", (2, 1)), ("W2", (3, 2)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1))]:
        p[name] = rng.randn(*shape)
    return X, p


def _random_network(seed, dims, m):
    rng = np.random.RandomState(seed)
    p = {}
    for l in range(1, len(dims)):
        p[f"W{l}"] = rng.randn(dims[l], dims[l - 1])
        p[f"b{l}"] = rng.randn(dims[l], 1) * 0.5
    X, Y = rng.randn(dims[0], m), (rng.rand(1, m) > 0.5).astype(float)
    return X, Y, p


def _cross_entropy(A3, Y):
    return float(-np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)))


def _masked_forward(X, p, D1, D2, keep_prob):
    """Oracle: the dropout network with the masks fixed, written from the formulas."""
    A1 = np.maximum(0, p["W1"] @ X + p["b1"]) * D1 / keep_prob
    A2 = np.maximum(0, p["W2"] @ A1 + p["b2"]) * D2 / keep_prob
    return 1 / (1 + np.exp(-(p["W3"] @ A2 + p["b3"])))


# ---- published values of the course ----

def test_regularized_cost_reproduces_the_course():
    rng = np.random.RandomState(1)
    Y = np.array([[1, 1, 0, 1, 0]])
    p = {name: rng.randn(*shape) for name, shape in
         [("W1", (2, 3)), ("b1", (2, 1)), ("W2", (3, 2)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1))]}
    A3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    assert np.isclose(ref.compute_cost_with_regularization(A3, Y, p, 0.1), 1.78648594516, rtol=0, atol=1e-10)


def test_dropout_forward_reproduces_the_course():
    X, p = _course_fixture()
    A3, _ = ref.forward_propagation_with_dropout(X, p, 0.7)
    assert np.allclose(A3, [[0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]], rtol=0, atol=1e-8)


def test_visible_fixtures_are_the_course_ones():
    """testCases draws the published fixtures, so the notebook prints the course's numbers."""
    tc = reference.import_course_file(AID, paths.COURSE / AID / "testCases.py", "reg_test_cases_under_test")
    A3, Y, p, lambd = tc.compute_cost_with_regularization_test_case()
    assert np.isclose(ref.compute_cost_with_regularization(A3, Y, p, lambd), 1.78648594516, rtol=0, atol=1e-10)
    X, p, keep_prob = tc.forward_propagation_with_dropout_test_case()
    A3, _ = ref.forward_propagation_with_dropout(X, p, keep_prob)
    assert np.allclose(A3, [[0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]], rtol=0, atol=1e-8)


# ---- L2 ----

@pytest.mark.parametrize("dims,m,lambd", [([3, 4, 3, 1], 5, 0.7), ([2, 20, 3, 1], 1, 0.1), ([4, 2, 5, 1], 6, 2.0)])
def test_l2_backward_matches_finite_differences_of_the_l2_cost(dims, m, lambd):
    X, Y, p = _random_network(sum(dims) + m, dims, m)

    def cost():
        return float(ref.compute_cost_with_regularization(utils.forward_propagation(X, p)[0], Y, p, lambd))

    grads = ref.backward_propagation_with_regularization(X, Y, utils.forward_propagation(X, p)[1], lambd)
    assert set(grads) == KEYS
    for name, value in p.items():
        assert rel_error(grads["d" + name], numeric_gradient(cost, value)) < 1e-6, name


def test_l2_cost_is_cross_entropy_plus_the_penalty():
    X, Y, p = _random_network(5, [3, 4, 2, 1], 7)
    A3 = utils.forward_propagation(X, p)[0]
    squares = sum(np.sum(p[f"W{l}"] ** 2) for l in (1, 2, 3))
    assert np.isclose(ref.compute_cost_with_regularization(A3, Y, p, 0.4), _cross_entropy(A3, Y) + 0.4 / 14 * squares)
    assert np.isclose(ref.compute_cost_with_regularization(A3, Y, p, 0.0), _cross_entropy(A3, Y))


def test_l2_backward_with_lambd_zero_is_the_plain_backward():
    X, Y, p = _random_network(6, [2, 5, 3, 1], 4)
    cache = utils.forward_propagation(X, p)[1]
    plain, l2 = utils.backward_propagation(X, Y, cache), ref.backward_propagation_with_regularization(X, Y, cache, 0)
    assert all(np.allclose(plain[k], l2[k]) for k in KEYS)


# ---- dropout ----

@pytest.mark.parametrize("dims,m,keep_prob", [([3, 2, 3, 1], 5, 0.7), ([2, 20, 3, 1], 1, 0.86), ([4, 6, 5, 1], 3, 0.5)])
def test_dropout_masks_are_the_seeded_uniform_draws_in_order(dims, m, keep_prob):
    X, _, p = _random_network(7, dims, m)
    np.random.seed(1)
    first, second = np.random.rand(dims[1], m), np.random.rand(dims[2], m)
    A3, cache = ref.forward_propagation_with_dropout(X, p, keep_prob)
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3c, W3, b3 = cache
    assert np.array_equal(D1, first < keep_prob) and np.array_equal(D2, second < keep_prob)
    assert np.allclose(A3, _masked_forward(X, p, D1, D2, keep_prob))
    assert np.allclose(A1, np.maximum(0, Z1) * D1 / keep_prob) and np.allclose(A2, np.maximum(0, Z2) * D2 / keep_prob)
    assert A3 is A3c and W1 is p["W1"] and b3 is p["b3"]


def test_dropout_with_keep_prob_one_is_the_plain_forward_pass():
    X, _, p = _random_network(8, [3, 4, 3, 1], 6)
    A3, cache = ref.forward_propagation_with_dropout(X, p, 1.0)
    plain_A3, plain_cache = utils.forward_propagation(X, p)
    assert np.allclose(A3, plain_A3)
    assert np.all(cache[1] == 1) and np.all(cache[6] == 1)
    assert np.allclose(cache[2], plain_cache[1]) and np.allclose(cache[7], plain_cache[5])


@pytest.mark.parametrize("kind", [bool, int, float])
@pytest.mark.parametrize("dims,m,keep_prob", [([3, 4, 3, 1], 5, 0.8), ([2, 6, 2, 1], 1, 0.6)])
def test_dropout_backward_matches_finite_differences_with_the_masks_fixed(kind, dims, m, keep_prob):
    X, Y, p = _random_network(sum(dims) * m, dims, m)
    rng = np.random.RandomState(11)
    D1 = (rng.rand(dims[1], m) < keep_prob).astype(kind)
    D2 = (rng.rand(dims[2], m) < keep_prob).astype(kind)
    Z1 = p["W1"] @ X + p["b1"]
    A1 = np.maximum(0, Z1) * D1 / keep_prob
    Z2 = p["W2"] @ A1 + p["b2"]
    A2 = np.maximum(0, Z2) * D2 / keep_prob
    Z3 = p["W3"] @ A2 + p["b3"]
    cache = (Z1, D1, A1, p["W1"], p["b1"], Z2, D2, A2, p["W2"], p["b2"], Z3, 1 / (1 + np.exp(-Z3)), p["W3"], p["b3"])
    grads = ref.backward_propagation_with_dropout(X, Y, cache, keep_prob)
    assert set(grads) == KEYS

    def cost():
        return _cross_entropy(_masked_forward(X, p, D1, D2, keep_prob), Y)

    for name, value in p.items():
        assert rel_error(grads["d" + name], numeric_gradient(cost, value)) < 1e-6, name


# ---- helpers and data ----

def test_plain_backward_of_the_helpers_matches_finite_differences():
    X, Y, p = _random_network(12, [3, 5, 2, 1], 6)
    grads = utils.backward_propagation(X, Y, utils.forward_propagation(X, p)[1])
    for name, value in p.items():
        numeric = numeric_gradient(lambda: utils.compute_cost(utils.forward_propagation(X, p)[0], Y), value)
        assert rel_error(grads["d" + name], numeric) < 1e-6, name


def test_helper_cost_ignores_zero_times_log_zero():
    assert np.isclose(utils.compute_cost(np.array([[1.0, 0.5]]), np.array([[1, 0]])), np.log(2) / 2)


def test_relu_and_sigmoid_return_plain_arrays():
    z = np.array([[-1.0, 0.0, 2.0]])
    assert np.array_equal(utils.relu(z), [[0.0, 0.0, 2.0]])
    assert isinstance(utils.sigmoid(z), np.ndarray) and np.isclose(utils.sigmoid(z)[0, 1], 0.5)


def test_dataset():
    train_X, train_Y, test_X, test_Y = utils.load_2D_dataset()
    assert train_X.shape == (2, 150) and train_Y.shape == (1, 150)
    assert test_X.shape == (2, 200) and test_Y.shape == (1, 200)
    assert set(np.unique(train_Y)) == {0, 1} and 0.35 < train_Y.mean() < 0.65
    assert np.abs(train_X).max() <= 1 and np.abs(test_X).max() <= 1
    again = utils.load_2D_dataset()
    assert all(np.array_equal(a, b) for a, b in zip((train_X, train_Y, test_X, test_Y), again))
    for X, Y in ((train_X, train_Y), (test_X, test_Y)):  # noisy, yet mostly on the curve's sides
        x1, x2 = utils.true_boundary()
        truth = X[1] > np.interp(X[0], x1, x2)
        assert 0.8 < np.mean(truth == Y) < 0.95


def _model(X, Y, num_iterations, lambd=0, keep_prob=1, learning_rate=0.3):
    """The notebook's model, with the reference."""
    p = utils.initialize_parameters([X.shape[0], 20, 3, 1])
    for _ in range(num_iterations):
        if keep_prob < 1:
            _, cache = ref.forward_propagation_with_dropout(X, p, keep_prob)
            grads = ref.backward_propagation_with_dropout(X, Y, cache, keep_prob)
        else:
            _, cache = utils.forward_propagation(X, p)
            grads = (ref.backward_propagation_with_regularization(X, Y, cache, lambd) if lambd
                     else utils.backward_propagation(X, Y, cache))
        p = utils.update_parameters(p, grads, learning_rate)
    return p


def test_regularization_closes_the_gap_the_plain_network_opens():
    """The notebook's claims: about 91/80 without regularization, 89/88 with L2, 85/87 with dropout."""
    train_X, train_Y, test_X, test_Y = utils.load_2D_dataset()

    def accuracies(p):
        return [100 * np.mean(utils.predict_dec(p, X) == Y) for X, Y in ((train_X, train_Y), (test_X, test_Y))]

    plain = accuracies(_model(train_X, train_Y, 10000))
    l2 = accuracies(_model(train_X, train_Y, 10000, lambd=0.7))
    dropout = accuracies(_model(train_X, train_Y, 10000, keep_prob=0.86))
    assert plain[0] - plain[1] > 8, plain
    assert 88 <= plain[0] <= 94 and 76 <= plain[1] <= 83, plain
    assert abs(l2[0] - l2[1]) < 3 and 86 <= l2[1] <= 91, l2
    assert abs(dropout[0] - dropout[1]) < 4 and 84 <= dropout[1] <= 90, dropout


def test_a_very_large_lambda_underfits():
    """The notebook's remark: with lambda = 20 the network predicts one class everywhere."""
    train_X, train_Y, test_X, test_Y = utils.load_2D_dataset()
    p = _model(train_X, train_Y, 10000, lambd=20)
    for X, Y in ((train_X, train_Y), (test_X, test_Y)):
        predicted = utils.predict_dec(p, X)
        assert predicted.all() or not predicted.any()
        assert np.mean(predicted == Y) < 0.6


def test_plot_decision_boundary_draws_the_model_and_the_points():
    import matplotlib.pyplot as plt
    train_X, train_Y, _, _ = utils.load_2D_dataset()
    calls = []

    def model(points):
        calls.append(points.shape)
        return points[:, 0] > 0

    fig, ax = plt.subplots()
    utils.plot_decision_boundary(model, train_X, train_Y, resolution=40, ax=ax)
    plt.close(fig)
    assert calls == [(1600, 2)]


# ---- other right answers ----

def _cost_with_norms(A3, Y, parameters, lambd):
    m = Y.shape[1]
    penalty = sum(np.linalg.norm(parameters[f"W{l}"]) ** 2 for l in (1, 2, 3))
    return utils.compute_cost(A3, Y) + lambd * penalty / (2 * m)


def _l2_backward_from_plain(X, Y, cache, lambd):
    grads = utils.backward_propagation(X, Y, cache)
    m, (W1, W2, W3) = X.shape[1], (cache[2], cache[6], cache[10])
    for name, W in (("dW1", W1), ("dW2", W2), ("dW3", W3)):
        grads[name] = grads[name] + lambd * W / m
    return grads


def _dropout_forward_bool_masks(X, parameters, keep_prob=0.5):
    np.random.seed(1)
    p = parameters
    Z1 = p["W1"] @ X + p["b1"]
    D1 = np.random.rand(*Z1.shape) < keep_prob
    A1 = np.where(D1, utils.relu(Z1) / keep_prob, 0.0)
    Z2 = p["W2"] @ A1 + p["b2"]
    D2 = np.random.rand(*Z2.shape) < keep_prob
    A2 = np.where(D2, utils.relu(Z2) / keep_prob, 0.0)
    Z3 = p["W3"] @ A2 + p["b3"]
    A3 = utils.sigmoid(Z3)
    return A3, (Z1, D1, A1, p["W1"], p["b1"], Z2, D2, A2, p["W2"], p["b2"], Z3, A3, p["W3"], p["b3"])


def _dropout_backward_with_where(X, Y, cache, keep_prob):
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    m = X.shape[1]
    dZ3 = A3 - Y
    dA2 = np.where(D2.astype(bool), W3.T @ dZ3 / keep_prob, 0.0)
    dZ2 = dA2 * (A2 > 0)
    dA1 = np.where(D1.astype(bool), W2.T @ dZ2 / keep_prob, 0.0)
    dZ1 = dA1 * (A1 > 0)
    return {"dZ3": dZ3, "dW3": dZ3 @ A2.T / m, "db3": dZ3.sum(axis=1, keepdims=True) / m,
            "dA2": dA2, "dZ2": dZ2, "dW2": dZ2 @ A1.T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m,
            "dA1": dA1, "dZ1": dZ1, "dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m}


ALTERNATIVES = {
    "compute_cost_with_regularization": _cost_with_norms,
    "backward_propagation_with_regularization": _l2_backward_from_plain,
    "forward_propagation_with_dropout": _dropout_forward_bool_masks,
    "backward_propagation_with_dropout": _dropout_backward_with_where,
}


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_other_correct_answers_pass_every_hidden_case(name):
    assert_right_on_hidden_cases(AID, name, ALTERNATIVES[name], variants=(0,))


def test_hidden_dropout_caches_hold_every_mask_kind():
    kinds = {case.args[2][1].dtype.kind for case in spec.cases(AID, "backward_propagation_with_dropout")}
    assert kinds == {"b", "i", "f"}
