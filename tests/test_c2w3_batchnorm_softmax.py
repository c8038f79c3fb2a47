"""Batch normalization and softmax: the reference against independent oracles (finite differences,
definitions, invariances), the helpers of bn_utils, the ten-class data, the lesson's claims about
training, and other correct answers (written as a learner might) on every hidden case.
"""
import zipfile

import matplotlib
import numpy as np
import pytest

from alternatives import assert_right_on_hidden_cases
from oracles import numeric_gradient, rel_error

from autograder import paths, reference, spec

matplotlib.use("Agg")

AID = "c2w3_batchnorm_softmax"
ref = reference.load(AID)
utils = reference.import_course_file(AID, paths.COURSE / AID / "bn_utils.py", "bn_utils_under_test")
GRADED = ["batchnorm_forward", "batchnorm_backward", "update_running_averages", "batchnorm_inference",
          "softmax", "compute_softmax_cost", "softmax_cost_gradient"]
FUNCTIONS = {name: getattr(ref, name) for name in GRADED}


def _one_hot(labels, C):
    return utils.one_hot(np.asarray(labels), C)


# ---- batch normalization ----

@pytest.mark.parametrize("n,m,epsilon", [(3, 5, 1e-8), (1, 2, 0.01), (4, 7, 0.3), (2, 3, 1e-5)])
def test_batchnorm_backward_matches_finite_differences(n, m, epsilon):
    """The gradient of sum(dZ_tilde * Z_tilde) with respect to Z, gamma and beta, numerically."""
    rng = np.random.RandomState(n * 100 + m)
    Z, gamma, beta = rng.randn(n, m) * 2 + 1, rng.randn(n, 1), rng.randn(n, 1)
    dZ_tilde = rng.randn(n, m)

    def f():
        return np.sum(dZ_tilde * ref.batchnorm_forward(Z, gamma, beta, epsilon)[0])

    _, cache = ref.batchnorm_forward(Z, gamma, beta, epsilon)
    grads = ref.batchnorm_backward(dZ_tilde, cache)
    assert set(grads) == {"dZ", "dgamma", "dbeta"}
    assert rel_error(grads["dZ"], numeric_gradient(f, Z, h=1e-5)) < 1e-6
    assert rel_error(grads["dgamma"], numeric_gradient(f, gamma)) < 1e-6
    assert rel_error(grads["dbeta"], numeric_gradient(f, beta)) < 1e-6
    assert grads["dgamma"].shape == grads["dbeta"].shape == (n, 1)


def test_batchnorm_forward_normalizes_every_unit_and_its_cache_has_the_documented_layout():
    rng = np.random.RandomState(0)
    Z = rng.randn(4, 9) * np.array([[0.1], [1], [10], [100]]) + np.array([[-5], [0], [3], [1000]])
    gamma, beta = rng.randn(4, 1), rng.randn(4, 1)
    Z_tilde, cache = ref.batchnorm_forward(Z, gamma, beta, 1e-8)
    Z_cached, Z_norm, mu, var, gamma_cached, beta_cached, epsilon = cache
    assert Z_cached is Z and gamma_cached is gamma and beta_cached is beta and epsilon == 1e-8
    assert np.allclose(mu, Z.mean(axis=1, keepdims=True)) and np.allclose(var, Z.var(axis=1, keepdims=True))
    assert np.allclose(Z_norm.mean(axis=1), 0) and np.allclose(Z_norm.var(axis=1), 1, atol=1e-6)
    assert np.allclose(Z_tilde, gamma * Z_norm + beta)


def test_gamma_and_beta_can_undo_the_normalization():
    """With gamma = sqrt(var + epsilon) and beta = mu, batch normalization gives back Z."""
    Z = np.random.RandomState(1).randn(3, 6) * 4 + 2
    mu, var = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True)
    Z_tilde, _ = ref.batchnorm_forward(Z, np.sqrt(var + 0.1), mu, 0.1)
    assert np.allclose(Z_tilde, Z)


def test_a_batch_of_one_normalizes_to_zero():
    Z_tilde, cache = ref.batchnorm_forward(np.array([[3.0], [-7.0]]), np.array([[2.0], [5.0]]), np.array([[0.5], [-1.0]]))
    assert np.all(cache[1] == 0) and np.allclose(Z_tilde, [[0.5], [-1.0]])


def test_inference_with_the_batch_statistics_equals_training_mode():
    rng = np.random.RandomState(2)
    Z, gamma, beta = rng.randn(5, 8), rng.randn(5, 1), rng.randn(5, 1)
    Z_tilde, cache = ref.batchnorm_forward(Z, gamma, beta, 1e-5)
    assert np.allclose(ref.batchnorm_inference(Z, gamma, beta, cache[2], cache[3], 1e-5), Z_tilde)
    one = ref.batchnorm_inference(Z[:, [3]], gamma, beta, cache[2], cache[3], 1e-5)
    assert np.allclose(one, Z_tilde[:, [3]])  # each example on its own, m = 1 included


def test_running_averages_converge_to_the_statistics_of_the_data():
    rng = np.random.RandomState(3)
    true_mean, true_var = np.array([[3.0], [-1.0]]), np.array([[4.0], [0.25]])
    running_mean, running_var = np.zeros((2, 1)), np.ones((2, 1))
    for _ in range(400):
        batch = true_mean + np.sqrt(true_var) * rng.randn(2, 256)
        running_mean, running_var = ref.update_running_averages(
            running_mean, running_var, batch.mean(axis=1, keepdims=True), batch.var(axis=1, keepdims=True), 0.9)
    assert np.allclose(running_mean, true_mean, rtol=0.05, atol=0.05)
    assert np.allclose(running_var, true_var, rtol=0.05)


def test_running_averages_with_constant_batches_approach_them_geometrically():
    """From 0 towards a constant mu: after k steps the gap is momentum**k of the start."""
    mean, var = np.zeros((1, 1)), np.zeros((1, 1))
    for _ in range(10):
        mean, var = ref.update_running_averages(mean, var, np.ones((1, 1)), 2 * np.ones((1, 1)), 0.8)
    assert np.isclose(mean.item(), 1 - 0.8 ** 10) and np.isclose(var.item(), 2 * (1 - 0.8 ** 10))


# ---- softmax ----

def test_softmax_columns_are_probabilities_and_match_the_definition():
    Z = np.random.RandomState(4).randn(6, 5) * 3
    A = ref.softmax(Z)
    assert A.shape == (6, 5) and np.all(A > 0)
    assert np.allclose(A.sum(axis=0), 1)
    assert np.allclose(A, np.exp(Z) / np.exp(Z).sum(axis=0))


def test_softmax_is_invariant_to_a_constant_per_column_and_never_overflows():
    rng = np.random.RandomState(5)
    Z = rng.randn(4, 6)
    shifts = np.array([[-900.0, -5.0, 0.0, 7.0, 800.0, 1e4]])
    with np.errstate(all="raise"):
        shifted = ref.softmax(Z + shifts)
    assert np.allclose(shifted, ref.softmax(Z))
    assert np.all(np.isfinite(shifted))


def test_two_classes_give_the_sigmoid():
    z = np.random.RandomState(6).randn(1, 7)
    A = ref.softmax(np.vstack([z, np.zeros_like(z)]))
    assert np.allclose(A[0], 1 / (1 + np.exp(-z[0])))


def test_cost_of_a_uniform_guess_is_log_C_and_of_a_sure_answer_zero():
    for C, m in [(10, 4), (3, 1)]:
        Y = _one_hot(np.arange(m) % C, C)
        cost = ref.compute_softmax_cost(np.full((C, m), 1.0 / C), Y)
        assert type(cost) is float and np.isclose(cost, np.log(C))
        assert ref.compute_softmax_cost(np.clip(Y, 1e-300, 1), Y) == pytest.approx(0, abs=1e-12)


def test_cost_is_the_mean_negative_log_probability_of_the_true_class():
    rng = np.random.RandomState(7)
    Yhat, labels = ref.softmax(rng.randn(5, 9)), rng.randint(0, 5, 9)
    expected = -np.mean(np.log(Yhat[labels, np.arange(9)]))
    assert np.isclose(ref.compute_softmax_cost(Yhat, _one_hot(labels, 5)), expected)


@pytest.mark.parametrize("C,m", [(4, 3), (10, 1), (2, 6)])
def test_softmax_cost_gradient_matches_finite_differences(C, m):
    """dZ from softmax_cost_gradient is the gradient of compute_softmax_cost(softmax(Z), Y)."""
    rng = np.random.RandomState(C * 10 + m)
    Z, Y = rng.randn(C, m) * 2, _one_hot(rng.randint(0, C, m), C)
    dZ = ref.softmax_cost_gradient(ref.softmax(Z), Y)
    numeric = numeric_gradient(lambda: ref.compute_softmax_cost(ref.softmax(Z), Y), Z)
    assert rel_error(dZ, numeric) < 1e-6
    assert np.allclose(dZ.sum(axis=0), 0)


# ---- the network of bn_utils ----

@pytest.mark.parametrize("batchnorm", [True, False])
def test_backward_pass_of_the_whole_network_matches_finite_differences(batchnorm):
    rng = np.random.RandomState(8)
    dims, m = [5, 4, 3, 3], 6
    parameters = utils.initialize_parameters(dims, batchnorm, seed=2)
    for key in parameters:  # move gamma, beta and the biases away from 1 and 0
        parameters[key] = parameters[key] + 0.3 * rng.randn(*parameters[key].shape)
    X, Y = rng.randn(dims[0], m), _one_hot(rng.randint(0, 3, m), 3)

    def cost():
        return ref.compute_softmax_cost(utils.forward_pass(X, parameters, FUNCTIONS)[0], Y)

    Yhat, caches = utils.forward_pass(X, parameters, FUNCTIONS)
    grads = utils.backward_pass(ref.softmax_cost_gradient(Yhat, Y), caches, parameters, FUNCTIONS)
    assert set(grads) == {"d" + key for key in parameters}
    for key, value in parameters.items():
        assert rel_error(grads["d" + key], numeric_gradient(cost, value)) < 1e-5, key


def test_one_hot_and_mini_batches():
    assert np.array_equal(utils.one_hot(np.array([[2, 0]]), 3), [[0, 1], [0, 0], [1, 0]])
    X, Y = np.arange(20).reshape(2, 10), np.arange(10).reshape(1, 10)
    batches = utils.random_mini_batches(X, Y, 4, seed=1)
    assert [b[0].shape[1] for b in batches] == [4, 4, 2]
    joined_X, joined_Y = np.hstack([b[0] for b in batches]), np.hstack([b[1] for b in batches])
    assert np.array_equal(joined_X[0], joined_Y[0]) and sorted(joined_Y[0]) == list(range(10))


def test_digits10_data():
    train_x, train_y, test_x, test_y, classes = utils.load_digits10()
    assert train_x.shape == (64, 1300) and train_y.shape == (1, 1300)
    assert test_x.shape == (64, 497) and test_y.shape == (1, 497)
    assert train_x.min() == 0 and train_x.max() == 1 and test_x.max() <= 1
    assert set(np.unique(train_y)) == set(range(10)) == set(np.unique(test_y))
    assert np.bincount(train_y.ravel()).min() >= 100
    assert [c.decode() for c in classes] == [str(d) for d in range(10)]
    folder = paths.COURSE / AID / "datasets"
    assert "CC BY 4.0" in (folder / "LICENSE-digits.txt").read_text()
    with zipfile.ZipFile(folder / "digits10.npz") as archive:  # fixed timestamps: reproducible bytes
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # no test picture is also a training picture
    train_set = {tuple(column) for column in train_x.T}
    assert sum(tuple(column) in train_set for column in test_x.T) < 5


@pytest.fixture(scope="module")
def trained():
    train_x, train_y, test_x, test_y, _ = utils.load_digits10()
    parameters, running, costs = utils.model(train_x, utils.one_hot(train_y), [64, 32, 16, 10], FUNCTIONS,
                                             learning_rate=0.1, num_epochs=30)
    return parameters, running, costs, (train_x, train_y, test_x, test_y)


def test_the_notebooks_network_learns_the_ten_digits(trained):
    """Measured 97.38% test and 99.85% training accuracy, costs from 1.90 down to 0.039."""
    parameters, running, costs, (train_x, train_y, test_x, test_y) = trained
    assert 1.7 < costs[0] < 2.1 and costs[-1] < 0.06 and costs[-1] < costs[15] < costs[5] < costs[0]
    test = utils.accuracy(utils.predict(test_x, parameters, running, FUNCTIONS), test_y)
    train = utils.accuracy(utils.predict(train_x, parameters, running, FUNCTIONS), train_y)
    assert 95 <= test <= 99.5 and train >= 99
    matrix = utils.confusion_matrix(test_y, utils.predict(test_x, parameters, running, FUNCTIONS))
    assert matrix.sum() == 497 and np.trace(matrix) == round(test * 497 / 100)


def test_running_averages_are_what_the_network_needs_at_test_time(trained):
    """One picture at a time with its own statistics: every picture gets the same class."""
    parameters, running, _, (_, _, test_x, _) = trained
    single = {int(np.argmax(utils.forward_pass(test_x[:, [i]], parameters, FUNCTIONS)[0])) for i in range(50)}
    assert len(single) == 1
    for l in (1, 2):  # the running averages are close to the statistics of the whole training set
        assert running[f"mean{l}"].shape == running[f"var{l}"].shape == (parameters[f"W{l}"].shape[0], 1)
        assert np.all(running[f"var{l}"] > 0)


def test_batch_normalization_trains_where_the_plain_network_does_not():
    """The notebook's comparison: at learning rate 1.0 the plain network stays near log 10, the
    batch-normalized one learns; at 0.1 batch normalization ends lower."""
    train_x, train_y, _, _, _ = utils.load_digits10()
    Y = utils.one_hot(train_y)
    final = {}
    for rate in (0.1, 1.0):
        for batchnorm in (True, False):
            final[rate, batchnorm] = utils.model(train_x, Y, [64, 32, 16, 10], FUNCTIONS, learning_rate=rate,
                                                 num_epochs=30, batchnorm=batchnorm)[2][-1]
    assert final[0.1, True] < final[0.1, False]
    assert final[1.0, True] < 0.1 and final[1.0, False] > 1.5


def test_plots_draw_without_error():
    import matplotlib.pyplot as plt
    train_x, train_y, _, _, classes = utils.load_digits10()
    utils.show_digits(train_x, train_y, train_y, count=5)
    utils.plot_confusion_matrix(np.eye(10, dtype=int) * 5, classes)
    plt.close("all")


# ---- other correct answers, as learners write them ----

def _forward_with_np_var(Z, gamma, beta, epsilon=1e-8):
    mu = Z.mean(axis=1).reshape(-1, 1)
    var = np.var(Z, axis=1, keepdims=True)
    Z_norm = (Z - mu) * (var + epsilon) ** -0.5
    return np.multiply(gamma, Z_norm) + beta, (Z, Z_norm, mu, var, gamma, beta, epsilon)


def _backward_long_form(dZ_tilde, cache):
    """The staged chain rule through mu and var (cs231n style), recomputing from Z."""
    Z, Z_norm, mu, var, gamma, beta, epsilon = cache
    m = Z.shape[1]
    dZ_norm = dZ_tilde * gamma
    dvar = np.sum(dZ_norm * (Z - mu), axis=1, keepdims=True) * -0.5 * (var + epsilon) ** -1.5
    dmu = -np.sum(dZ_norm, axis=1, keepdims=True) / np.sqrt(var + epsilon) \
        + dvar * np.mean(-2 * (Z - mu), axis=1, keepdims=True)
    dZ = dZ_norm / np.sqrt(var + epsilon) + dvar * 2 * (Z - mu) / m + dmu / m
    return {"dbeta": dZ_tilde.sum(axis=1, keepdims=True), "dgamma": (dZ_tilde * Z_norm).sum(axis=1, keepdims=True),
            "dZ": dZ}


def _running_in_place(running_mean, running_var, mu, var, momentum=0.9):
    running_mean *= momentum
    running_mean += (1 - momentum) * mu
    running_var *= momentum
    running_var += (1 - momentum) * var
    return running_mean, running_var


def _softmax_log_sum_exp(Z):
    top = Z.max(axis=0)
    log_total = top + np.log(np.exp(Z - top).sum(axis=0))
    return np.exp(Z - log_total)


def _cost_by_picking(Yhat, Y):
    m = Y.shape[1]
    return float(-np.sum(np.log(Yhat[np.argmax(Y, axis=0), np.arange(m)])) / m)


ALTERNATIVES = {
    "batchnorm_forward": _forward_with_np_var,
    "batchnorm_backward": _backward_long_form,
    "update_running_averages": _running_in_place,
    "batchnorm_inference": lambda Z, gamma, beta, running_mean, running_var, epsilon=1e-8:
        gamma * (Z - running_mean) / np.sqrt(running_var + epsilon) + beta,
    "softmax": _softmax_log_sum_exp,
    "compute_softmax_cost": _cost_by_picking,
    "softmax_cost_gradient": lambda Yhat, Y: (Yhat - Y) * (1.0 / Y.shape[1]),
}


@pytest.mark.parametrize("variant", [0, 2024])
@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_other_correct_answers_pass_every_hidden_case(name, variant):
    assert_right_on_hidden_cases(AID, name, ALTERNATIVES[name], variants=(variant,))


def test_only_the_running_averages_may_change_their_arguments():
    assert spec.may_change(AID, "update_running_averages") == {0, 1}
    assert all(not spec.may_change(AID, name) for name in GRADED if name != "update_running_averages")
