"""The application: its helpers against the step-by-step reference, the loader, other correct answers,
and the comparison the lesson ends on (deep > two-layer > logistic regression on the test set).
"""
import contextlib
import io
import re
import sys

import matplotlib
import numpy as np
import pytest

from alternatives import assert_right_on_hidden_cases
from autograder import paths, reference
from autograder.shipped import check_utils

matplotlib.use("Agg")

AID = "c1w4_deep_nn_application"
ref = reference.load(AID)
utils = reference.import_course_file(AID, paths.COURSE / AID / "dnn_app_utils.py", "dnn_app_utils_under_test")
step = reference.load("c1w4_deep_nn_step_by_step")
lr_utils = reference.import_course_file("c1w2_logistic_regression",
                                        paths.COURSE / "c1w2_logistic_regression" / "lr_utils.py", "lr_utils_for_app")


def _params(rng, dims):
    return {k: v for l in range(1, len(dims))
            for k, v in ((f"W{l}", rng.randn(dims[l], dims[l - 1])), (f"b{l}", rng.randn(dims[l], 1)))}


def _same(expected, got):
    assert not check_utils.compare(expected, got), check_utils.compare(expected, got)


# ---- the helpers ----

@pytest.mark.parametrize("dims,m", [([4, 3, 1], 5), ([6, 5, 4, 2, 1], 1), ([3, 1], 2)])
def test_helpers_agree_with_the_step_by_step_reference(dims, m):
    rng = np.random.RandomState(len(dims) * 10 + m)
    params, X = _params(rng, dims), rng.randn(dims[0], m)
    Y = (rng.rand(1, m) > 0.5).astype(float)
    AL, caches = utils.L_model_forward(X, params)
    ref_AL, ref_caches = step.L_model_forward(X, params)
    _same(ref_AL, AL)
    _same(ref_caches, caches)
    _same(step.compute_cost(AL, Y), utils.compute_cost(AL, Y))
    grads = utils.L_model_backward(AL, Y, caches)
    _same(step.L_model_backward(AL, Y, caches), grads)
    expected = step.update_parameters(params, grads, 0.1)
    returned = utils.update_parameters(params, grads, 0.1)
    _same(expected, returned)
    _same(expected, params)  # written into the caller's dict too, as the original helper did
    assert returned is params


def test_initialisations_use_seed_1_and_the_stated_scaling():
    np.random.seed(1)
    W1, W2 = np.random.randn(4, 3) * 0.01, np.random.randn(2, 4) * 0.01
    two = utils.initialize_parameters(3, 4, 2)
    assert np.array_equal(two["W1"], W1) and np.array_equal(two["W2"], W2) and not two["b1"].any()
    np.random.seed(1)
    expected = [np.random.randn(n, n_prev) / np.sqrt(n_prev) for n_prev, n in [(5, 4), (4, 3)]]
    deep = utils.initialize_parameters_deep([5, 4, 3])
    assert sorted(deep) == ["W1", "W2", "b1", "b2"]
    assert np.array_equal(deep["W1"], expected[0]) and np.array_equal(deep["W2"], expected[1])
    assert np.isclose(deep["W1"][0, 0], 1.62434536 / np.sqrt(5))


def test_activation_helpers_return_tuples_with_z_as_cache():
    Z = np.array([[-1.0, 0.0, 2.0]])
    for fn in (utils.sigmoid, utils.relu):
        A, cache = fn(Z)
        assert cache is Z and A.shape == Z.shape
    assert utils.relu_backward(np.ones((1, 3)), Z).tolist() == [[0.0, 0.0, 1.0]]


def test_predict_prints_the_accuracy_and_returns_float_labels():
    params = {"W1": np.array([[1.0, -1.0]]), "b1": np.zeros((1, 1))}
    X, y = np.array([[2.0, 0.0, 1.0, 3.0], [0.0, 2.0, 2.0, 1.0]]), np.array([[1, 0, 1, 1]])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        p = utils.predict(X, y, params)
    assert p.tolist() == [[1.0, 0.0, 0.0, 1.0]] and p.dtype == float
    assert out.getvalue().strip() == "Accuracy: 75.0 %"


def test_print_mislabeled_images_draws_only_the_mistakes():
    import matplotlib.pyplot as plt
    classes = np.array([b"low (0-4)", b"high (5-9)"])
    X = np.random.RandomState(0).rand(2 * 2 * 3, 5)
    y, p = np.array([[1, 0, 1, 1, 0]]), np.array([[1.0, 1.0, 0.0, 1.0, 0.0]])
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.MonkeyPatch.context() as mp:
        mp.setattr(plt, "show", lambda: None)
        utils.print_mislabeled_images(classes, X, y, p)
        images = [ax for ax in plt.gcf().axes if ax.images]
        plt.close("all")
    assert "2 of 5 pictures are mislabeled" in out.getvalue() and len(images) == 2


# ---- the data ----

def test_load_data_gives_the_same_pictures_as_the_logistic_regression_assignment():
    ours, theirs = utils.load_data(), lr_utils.load_dataset()
    for a, b in zip(ours, theirs):
        assert a.dtype == b.dtype and np.array_equal(a, b)
    assert ours[0].shape == (300, 16, 16, 3) and ours[1].shape == (1, 300)


def test_load_data_reads_the_original_h5_files(tmp_path):
    h5py = pytest.importorskip("h5py")
    with h5py.File(tmp_path / "train_catvnoncat.h5", "w") as f:
        f["train_set_x"] = np.zeros((3, 2, 2, 3), np.uint8)
        f["train_set_y"] = np.array([0, 1, 1])
        f["list_classes"] = np.array([b"non-cat", b"cat"])
    with h5py.File(tmp_path / "test_catvnoncat.h5", "w") as f:
        f["test_set_x"] = np.ones((2, 2, 2, 3), np.uint8)
        f["test_set_y"] = np.array([1, 0])
        f["list_classes"] = np.array([b"non-cat", b"cat"])
    train_x, train_y, test_x, test_y, classes = utils.load_data(str(tmp_path))
    assert train_x.shape == (3, 2, 2, 3) and train_y.tolist() == [[0, 1, 1]]
    assert test_x.shape == (2, 2, 2, 3) and test_y.tolist() == [[1, 0]] and classes[1] == b"cat"


def test_load_data_without_h5py_says_what_to_do(tmp_path, monkeypatch):
    for name in utils.H5_FILES:
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setitem(sys.modules, "h5py", None)
    with pytest.raises(ImportError, match="pip install h5py"):
        utils.load_data(str(tmp_path))


# ---- the graded functions ----

def _two_layer_with_the_deep_helpers(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                                     print_cost=False):
    """A learner who wrote the two-layer loop with L_model_forward / L_model_backward."""
    np.random.seed(1)
    parameters, costs = utils.initialize_parameters(*layers_dims), []
    for i in range(num_iterations):
        A2, caches = utils.L_model_forward(X, parameters)
        cost = utils.compute_cost(A2, Y)
        parameters = utils.update_parameters(parameters, utils.L_model_backward(A2, Y, caches), learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@pytest.mark.parametrize("name,alternative", [("two_layer_model", _two_layer_with_the_deep_helpers)])
def test_other_correct_answers_pass_every_hidden_case(name, alternative):
    assert_right_on_hidden_cases(AID, name, alternative)


def test_costs_are_recorded_every_hundred_steps_from_step_0():
    X, Y = np.random.RandomState(0).rand(3, 4), np.array([[1.0, 0.0, 1.0, 0.0]])
    _, costs = ref.L_layer_model(X, Y, [3, 2, 1], num_iterations=301)
    assert len(costs) == 4
    _, costs = ref.two_layer_model(X, Y, (3, 2, 1), num_iterations=100)
    assert len(costs) == 1


def test_print_cost_is_the_only_way_to_print():
    X, Y = np.random.RandomState(0).rand(3, 4), np.array([[1.0, 0.0, 1.0, 0.0]])
    for fn, dims in ((ref.two_layer_model, (3, 2, 1)), (ref.L_layer_model, [3, 2, 1])):
        quiet, loud = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(quiet):
            fn(X, Y, dims, 0.1, 150)
        with contextlib.redirect_stdout(loud):
            fn(X, Y, dims, 0.1, 150, True)
        assert quiet.getvalue() == ""
        assert loud.getvalue().splitlines()[-1].startswith("Cost after iteration 149: ")


# ---- what the lesson says ----

def _test_accuracy(p, y):
    return round(100 * float(np.mean(p == y)), 1)


def test_deep_network_beats_two_layer_network_beats_logistic_regression():
    """The table at the end of the lesson, recomputed from the references with the notebooks' settings."""
    lr_ref = reference.load("c1w2_logistic_regression")
    train_x, train_y, test_x, test_y, _ = utils.load_data()
    X = train_x.reshape(train_x.shape[0], -1).T / 255.
    X_test = test_x.reshape(test_x.shape[0], -1).T / 255.
    logistic = lr_ref.model(X, train_y, X_test, test_y, num_iterations=2000, learning_rate=0.005)
    logistic = _test_accuracy(logistic["Y_prediction_test"], test_y)
    n_x = X.shape[0]
    with contextlib.redirect_stdout(io.StringIO()):
        two, _ = ref.two_layer_model(X, train_y, (n_x, 7, 1), num_iterations=2500)
        deep, _ = ref.L_layer_model(X, train_y, [n_x, 20, 7, 5, 1], num_iterations=2500)
        two = _test_accuracy(utils.predict(X_test, test_y, two), test_y)
        deep = _test_accuracy(utils.predict(X_test, test_y, deep), test_y)
    assert deep > two > logistic, (deep, two, logistic)
    assert deep - logistic >= 5, "the lesson says depth clearly helps"
    text = (paths.COURSE / AID / "notebook.md").read_text()
    table = re.findall(r"^\|[^|]+\| ([\d.]+) % \|$", text, re.M)
    assert [float(x) for x in table] == [logistic, two, deep]
    assert f"logistic regression did ({logistic} %)" in text
