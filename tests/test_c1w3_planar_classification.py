"""The planar reference against independent oracles: finite differences, known seeds, the flower results.

Also checks that answers written differently from the reference (as learners of the course wrote
them) earn full marks on every hidden case, and that the helpers behave as the notebook says.
"""

import matplotlib
import numpy as np
import pytest

from alternatives import assert_right_on_hidden_cases
from oracles import numeric_gradient, rel_error

from autograder import paths, reference

matplotlib.use("Agg")

AID = "c1w3_planar_classification"
ref = reference.load(AID)
utils = reference.import_course_file(AID, paths.COURSE / AID / "planar_utils.py", "planar_utils_under_test")


@pytest.mark.parametrize("n_x,n_h,m", [(2, 4, 5), (3, 1, 1), (1, 6, 7)])
def test_backward_pass_matches_finite_differences(n_x, n_h, m):
    rng = np.random.RandomState(n_x * 10 + n_h)
    params = {"W1": rng.randn(n_h, n_x), "b1": rng.randn(n_h, 1),
              "W2": rng.randn(1, n_h), "b2": rng.randn(1, 1)}
    X, Y = rng.randn(n_x, m), (rng.rand(1, m) > 0.5).astype(float)

    def cost():
        return ref.compute_cost(ref.forward_propagation(X, params)[0], Y)

    _, cache = ref.forward_propagation(X, params)
    grads = ref.backward_propagation(params, cache, X, Y)
    for name, value in params.items():
        assert rel_error(grads["d" + name], numeric_gradient(cost, value)) < 1e-6, name


def test_seed_2_gives_the_course_numbers():
    """The course's printed W1 for initialize_parameters(2, 4, 1); same seed and order, same numbers."""
    p = ref.initialize_parameters(2, 4, 1)
    assert np.allclose(p["W1"][0], [-0.00416758, -0.00056267])
    assert np.allclose(p["W2"], [[-0.01057952, -0.00909008, 0.00551454, 0.02292208]])


def test_flower_data():
    X, Y = utils.load_planar_dataset()
    assert X.shape == (2, 400) and Y.shape == (1, 400) and Y.dtype == np.uint8
    assert np.sum(Y == 0) == 200 and np.sum(Y == 1) == 200
    assert np.linalg.norm(X, axis=0).max() < 5.5  # petals of length 4, plus noise
    X2, Y2 = utils.load_planar_dataset()
    assert np.array_equal(X, X2) and np.array_equal(Y, Y2)


def test_network_beats_logistic_regression_on_the_flower():
    """The notebook's claim: about 90% for 4 hidden units against about 47% for a straight line."""
    X, Y = utils.load_planar_dataset()
    w, b = utils.train_logistic_regression(X, Y)
    logistic = 100 * np.mean(utils.predict_logistic_regression(w, b, X) == Y)
    network = 100 * np.mean(ref.predict(ref.nn_model(X, Y, 4, num_iterations=10000), X) == Y)
    assert 40 <= logistic <= 55, logistic
    assert 88 <= network <= 93, network


def test_compute_cost_takes_a_flat_A2_and_returns_a_python_float():
    A2, Y = np.array([0.2, 0.7, 0.9]), np.array([[0, 1, 1]])
    cost = ref.compute_cost(A2, Y)
    assert type(cost) is float
    assert np.isclose(cost, -np.mean(np.log([0.8, 0.7, 0.9])))


def test_update_parameters_leaves_its_input_alone():
    params = {k: np.ones((2, 2)) for k in ("W1", "b1", "W2", "b2")}
    grads = {"d" + k: np.ones((2, 2)) for k in params}
    new = ref.update_parameters(params, grads, 0.5)
    assert all(np.all(v == 1) for v in params.values())
    assert all(np.allclose(v, 0.5) for v in new.values())


def test_extra_datasets():
    datasets = utils.load_extra_datasets()
    assert len(datasets) == 5
    for points, labels in datasets:
        assert points.shape == (200, 2) and labels.shape == (200,)
    assert set(datasets[2][1]) == set(range(6))  # six blobs
    again = utils.load_extra_datasets()
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(datasets, again))


def test_plot_decision_boundary_draws_the_model_and_the_points():
    import matplotlib.pyplot as plt
    X, Y = utils.load_planar_dataset()
    calls = []

    def model(points):
        calls.append(points.shape)
        return points[:, 0] > 0

    fig, ax = plt.subplots()
    utils.plot_decision_boundary(model, X, Y, resolution=50, ax=ax)
    plt.close(fig)
    assert calls == [(2500, 2)]


def _cost_with_dot(A2, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
    return float(np.squeeze(cost))


def _backward_with_power(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dZ1 = np.multiply(np.dot(parameters["W2"].T, dZ2), 1 - np.power(cache["A1"], 2))
    return {"dW1": (1 / m) * np.dot(dZ1, X.T), "db1": (1 / m) * np.sum(dZ1, axis=1, keepdims=True),
            "dW2": (1 / m) * np.dot(dZ2, cache["A1"].T), "db2": (1 / m) * np.sum(dZ2, axis=1, keepdims=True)}


def _update_without_copy(parameters, grads, learning_rate=1.2):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}


ALTERNATIVES = {
    "layer_sizes": lambda X, Y: (X.shape[0], 4, Y.shape[0]),
    "compute_cost": _cost_with_dot,
    "backward_propagation": _backward_with_power,
    "update_parameters": _update_without_copy,
    "predict": lambda parameters, X: np.greater(ref.forward_propagation(X, parameters)[0], 0.5),
}


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_other_correct_answers_pass_every_hidden_case(name):
    assert_right_on_hidden_cases(AID, name, ALTERNATIVES[name], variants=(0,))