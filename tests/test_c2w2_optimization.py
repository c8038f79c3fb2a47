"""The optimization reference against independent oracles and the course's published values.

Oracles: the mini-batches partition the shuffled data (every column once, in the order the seed
gives); Adam's first step moves each weight by about learning_rate against the sign of its gradient;
momentum with beta = 0 is gradient descent; the decays against their formulas written out by hand.
Also: both versions' right code (tests/learner_versions) passes every hidden case in-process, the
original Adam's three return values are graded with a note, and the helpers do what the notebook says.
"""
import ast
import copy
import math
from pathlib import Path

import matplotlib
import numpy as np
import pytest

from autograder import paths, reference, spec
from autograder.engine import verdict
from autograder.engine.session import CallResult
from autograder.shipped import check_utils

matplotlib.use("Agg")

AID = "c2w2_optimization"
ref = reference.load(AID)
utils = reference.import_course_file(AID, paths.COURSE / AID / "opt_utils.py", "opt_utils_under_test")
fixtures = reference.import_course_file(AID, paths.COURSE / AID / "testCases.py", "c2w2_fixtures_under_test")
LEARNERS = Path(__file__).resolve().parent / "learner_versions"


def _course_fixture():
    """The course's fixture: seed 1, W1 (2,3), b1 (2,1), W2 (3,3), b2 (3,1), then the four gradients."""
    np.random.seed(1)
    params = {"W1": np.random.randn(2, 3), "b1": np.random.randn(2, 1),
              "W2": np.random.randn(3, 3), "b2": np.random.randn(3, 1)}
    grads = {"dW1": np.random.randn(2, 3), "db1": np.random.randn(2, 1),
             "dW2": np.random.randn(3, 3), "db2": np.random.randn(3, 1)}
    return params, grads


def _zeros(params):
    return {"d" + k: np.zeros_like(v) for k, v in params.items()}


# ---- published values of the course ----

def test_published_gradient_descent_step():
    params, grads = _course_fixture()
    W1 = ref.update_parameters_with_gd(params, grads, 0.01)["W1"]
    assert np.allclose(W1, [[1.63535156, -0.62320365, -0.53718766], [-1.07799357, 0.85639907, -2.29470142]])


def test_published_momentum_step():
    params, grads = _course_fixture()
    params, v = ref.update_parameters_with_momentum(params, grads, _zeros(params), 0.9, 0.01)
    assert np.allclose(params["W1"], [[1.62544598, -0.61290114, -0.52907334], [-1.07347112, 0.86450677, -2.30085497]])
    assert np.allclose(v["dW1"], [[-0.11006192, 0.11447237, 0.09015907], [0.05024943, 0.09008559, -0.06837279]])


def test_published_adam_steps():
    params, grads = _course_fixture()
    out = ref.update_parameters_with_adam(params, grads, _zeros(params), _zeros(params), 2)
    assert np.allclose(out[0]["W1"], [[1.63178673, -0.61919778, -0.53561312], [-1.08040999, 0.85796626, -2.29409733]])
    params, grads = _course_fixture()  # the 2021 check: large epsilon, other betas
    out = ref.update_parameters_with_adam(params, grads, _zeros(params), _zeros(params), 2, 0.02, 0.8, 0.888, 1e-2)
    assert np.allclose(out[0]["W1"], [[1.63942428, -0.6268425, -0.54320974], [-1.08782943, 0.85036983, -2.2865723]])


def test_published_learning_rates():
    assert ref.update_lr(0.5, 2, 1) == pytest.approx(0.16666666666666666, rel=1e-15)
    assert ref.schedule_lr_decay(0.5, 100, 1, 100) == 0.25
    assert ref.schedule_lr_decay(0.5, 99, 1, 100) == 0.5


def test_published_mini_batch_sizes():
    X, Y = np.random.RandomState(666).randn(12288, 148), np.ones((1, 148))
    assert [b[0].shape for b in ref.random_mini_batches(X, Y, 64, 0)] == [(12288, 64), (12288, 64), (12288, 20)]


def test_fixtures_are_the_course_numbers():
    params, grads = _course_fixture()
    got_params, got_grads, _ = fixtures.update_parameters_with_gd_test_case()
    assert not check_utils.compare(params, got_params) and not check_utils.compare(grads, got_grads)


# ---- oracles ----

@pytest.mark.parametrize("n_x,m,size,seed", [(3, 148, 64, 0), (2, 5, 16, 3), (1, 24, 6, 7), (2, 4, 1, 9)])
def test_mini_batches_partition_the_shuffled_data(n_x, m, size, seed):
    X = np.arange(n_x * m, dtype=float).reshape(n_x, m)
    Y = np.arange(m, dtype=float).reshape(1, m) * 10
    batches = ref.random_mini_batches(X, Y, size, seed)
    sizes = [b[0].shape[1] for b in batches]
    assert sizes == [size] * (m // size) + ([m % size] if m % size else [])
    order = np.random.RandomState(seed).permutation(m)  # the seed decides the order, as np.random.seed does
    assert np.array_equal(np.concatenate([b[0] for b in batches], axis=1), X[:, order])
    assert np.array_equal(np.concatenate([b[1] for b in batches], axis=1), Y[:, order])


def test_adams_first_step_moves_each_weight_by_about_the_learning_rate():
    rng = np.random.RandomState(4)
    params = {"W1": rng.randn(4, 3), "b1": rng.randn(4, 1), "W2": rng.randn(1, 4), "b2": rng.randn(1, 1)}
    grads = {"d" + k: rng.randn(*v.shape) * 10 ** rng.uniform(-3, 3, v.shape) for k, v in params.items()}
    before = copy.deepcopy(params)
    after = ref.update_parameters_with_adam(params, grads, _zeros(params), _zeros(params), 1, 0.01)[0]
    for key in before:
        assert np.allclose(before[key] - after[key], 0.01 * np.sign(grads["d" + key]), rtol=1e-4, atol=0)


def test_adam_bias_correction_undoes_the_zero_start():
    """With a constant gradient g, the corrected averages are exactly g and g**2 at every step t."""
    params = {"W1": np.zeros((2, 2)), "b1": np.zeros((2, 1))}
    grads = {"dW1": np.array([[0.5, -2.0], [3.0, 1e-4]]), "db1": np.array([[1.0], [-1.0]])}
    v, s = _zeros(params), _zeros(params)
    for t in range(1, 6):
        params, v, s, v_hat, s_hat = ref.update_parameters_with_adam(params, grads, v, s, t, 0.01, 0.8, 0.95)
        assert np.allclose(v_hat["dW1"], grads["dW1"]) and np.allclose(s_hat["dW1"], grads["dW1"] ** 2)
        assert not np.allclose(v["dW1"], grads["dW1"])  # the stored averages stay uncorrected


def test_momentum_with_beta_zero_is_gradient_descent():
    params, grads = _course_fixture()
    momentum, _ = ref.update_parameters_with_momentum(copy.deepcopy(params), grads, _zeros(params), 0.0, 0.3)
    assert not check_utils.compare(ref.update_parameters_with_gd(params, grads, 0.3), momentum)


@pytest.mark.parametrize("epoch", [0, 1, 999, 1000, 1999, 2000, 4321])
def test_decays_follow_their_formulas(epoch):
    assert ref.update_lr(0.2, epoch, 0.5) == pytest.approx(0.2 / (1 + 0.5 * epoch))
    assert ref.schedule_lr_decay(0.2, epoch, 0.5) == pytest.approx(0.2 / (1 + 0.5 * (epoch // 1000)))


# ---- both versions of the course, in-process ----

def _learner_functions(version):
    text = (LEARNERS / f"{AID}_{version}.py").read_text()
    namespace = {"np": np, "math": math}
    exec(compile(ast.parse(text), f"{AID}_{version}", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("version", ["original", "2021"])
@pytest.mark.parametrize("variant", [0, 2024])
def test_either_versions_right_code_passes_every_hidden_case(version, variant):
    learner = _learner_functions(version)
    for name in ("update_parameters_with_gd", "random_mini_batches", "initialize_velocity",
                 "update_parameters_with_momentum", "initialize_adam", "update_parameters_with_adam",
                 "update_lr", "schedule_lr_decay"):
        for case in spec.cases(AID, name, variant):
            args = copy.deepcopy(case.args)
            got = learner[name](*args)
            fraction, lines, _, _ = verdict.judge_case(AID, name, case, CallResult("ok", got, args))
            assert (fraction, lines) == (1.0, []), (version, name, case.label, lines)


def test_the_original_adam_returning_three_values_earns_full_marks_with_a_note():
    learner = _learner_functions("original")
    for case in spec.cases(AID, "update_parameters_with_adam"):
        args = copy.deepcopy(case.args)
        got = learner["update_parameters_with_adam"](*args)
        assert len(got) == 3
        fraction, lines, cause, note = verdict.judge_case(AID, "update_parameters_with_adam", case,
                                                          CallResult("ok", got, args))
        assert (fraction, lines, cause) == (1.0, [], None) and "v_corrected, s_corrected" in note
        wrong = (got[0], got[1], {k: value + 1 for k, value in got[2].items()})
        assert verdict.judge_case(AID, "update_parameters_with_adam", case, CallResult("ok", wrong, args))[0] < 1.0


def test_schedule_with_floor_division_is_right():
    for case in spec.cases(AID, "schedule_lr_decay"):
        lr0, epoch, rate, *interval = case.args
        got = lr0 / (1 + rate * (epoch // (interval[0] if interval else 1000)))
        assert not check_utils.compare(ref.schedule_lr_decay(*case.args), got), case.label


# ---- helpers ----

def test_moons_data():
    X, Y = utils.load_dataset()
    assert X.shape == (2, 300) and Y.shape == (1, 300) and set(np.unique(Y)) == {0, 1}
    assert np.sum(Y) == 150
    X2, Y2 = utils.load_dataset()
    assert np.array_equal(X, X2) and np.array_equal(Y, Y2)
    upper = X[:, Y[0] == 0]
    assert upper[1].mean() > X[:, Y[0] == 1][1].mean()  # class 0 is the upper moon


def test_backward_propagation_matches_finite_differences():
    from oracles import numeric_gradient, rel_error
    rng = np.random.RandomState(0)
    params = utils.initialize_parameters([2, 5, 2, 1])
    X, Y = rng.randn(2, 7), (rng.rand(1, 7) > 0.5).astype(float)

    def cost():
        return utils.compute_cost(utils.forward_propagation(X, params)[0], Y) / X.shape[1]

    grads = utils.backward_propagation(X, Y, utils.forward_propagation(X, params)[1])
    for key, value in params.items():
        assert rel_error(grads["d" + key], numeric_gradient(cost, value)) < 1e-5, key


def test_model_pieces_and_plot():
    import matplotlib.pyplot as plt
    X, Y = utils.load_dataset()
    params = utils.initialize_parameters([2, 5, 2, 1])
    assert sorted(params) == ["W1", "W2", "W3", "b1", "b2", "b3"] and params["W1"].shape == (5, 2)
    assert utils.predict_dec(params, X).shape == (1, 300)
    fig, ax = plt.subplots()
    utils.plot_decision_boundary(lambda p: utils.predict_dec(params, p.T), X, Y, resolution=20, ax=ax)
    plt.close(fig)
