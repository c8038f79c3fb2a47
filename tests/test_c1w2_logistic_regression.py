"""Logistic regression: the picture loader (bundled digits and the original .h5 files), the reference
against independent oracles, other correct answers, and the numbers the lesson prints.
"""
import sys

import numpy as np
import pytest

from alternatives import assert_right_on_hidden_cases
from oracles import numeric_gradient, rel_error

from autograder import paths, reference

AID = "c1w2_logistic_regression"
APP = "c1w4_deep_nn_application"
ref = reference.load(AID)
utils = reference.import_course_file(AID, paths.COURSE / AID / "lr_utils.py", "lr_utils_under_test")


def accuracy(prediction, Y):
    return 100 - np.mean(np.abs(prediction - Y)) * 100


# ---- the data ----

def test_bundled_digits_have_the_layout_of_the_original_pictures():
    train_x, train_y, test_x, test_y, classes = utils.load_dataset()
    assert train_x.shape == (300, 16, 16, 3) and test_x.shape == (300, 16, 16, 3)
    assert train_x.dtype == np.uint8 and test_x.dtype == np.uint8
    assert train_y.shape == (1, 300) and test_y.shape == (1, 300)
    assert train_y.dtype.kind == "i" and set(np.unique(np.concatenate([train_y, test_y], axis=1))) == {0, 1}
    assert classes.dtype.kind == "S" and [c.decode("utf-8") for c in classes] == ["low (0-4)", "high (5-9)"]
    assert 0.4 < train_y.mean() < 0.65 and 0.4 < test_y.mean() < 0.65  # both classes well represented
    assert train_x.max() > 200 and np.array_equal(train_x[..., 0], train_x[..., 2])  # grey, full range


def test_labels_say_whether_the_digit_is_five_or_more():
    with np.load(paths.COURSE / AID / "datasets" / "digits.npz", allow_pickle=False) as data:
        for part in ("train", "test"):
            assert np.array_equal(data[f"{part}_set_y"], (data[f"{part}_digit"] >= 5).astype(int))
        assert "CC BY 4.0" in str(data["attribution"]) and "scikit-learn" in str(data["attribution"])


def test_both_picture_assignments_ship_the_same_data_with_its_licence():
    for name in ("digits.npz", "LICENSE-digits.txt"):
        ours, theirs = (paths.COURSE / aid / "datasets" / name for aid in (AID, APP))
        assert ours.read_bytes() == theirs.read_bytes(), name
    licence = (paths.COURSE / AID / "datasets" / "LICENSE-digits.txt").read_text()
    assert "Optical Recognition of Handwritten Digits" in licence and "CC BY 4.0" in licence
    assert "BSD 3-Clause License" in licence and "scikit-learn developers" in licence


def _write_h5(folder, h5py, m_train=4, m_test=2, num_px=3):
    rng = np.random.RandomState(0)
    classes = np.array([b"non-cat", b"cat"])
    with h5py.File(folder / "train_catvnoncat.h5", "w") as f:
        f["train_set_x"] = rng.randint(0, 256, (m_train, num_px, num_px, 3)).astype(np.uint8)
        f["train_set_y"] = np.arange(m_train) % 2
        f["list_classes"] = classes
    with h5py.File(folder / "test_catvnoncat.h5", "w") as f:
        f["test_set_x"] = rng.randint(0, 256, (m_test, num_px, num_px, 3)).astype(np.uint8)
        f["test_set_y"] = np.array([1, 0])
        f["list_classes"] = classes


def test_original_h5_files_take_precedence_when_present(tmp_path):
    h5py = pytest.importorskip("h5py")
    (tmp_path / "digits.npz").write_bytes((paths.COURSE / AID / "datasets" / "digits.npz").read_bytes())
    _write_h5(tmp_path, h5py)
    train_x, train_y, test_x, test_y, classes = utils.load_dataset(str(tmp_path))
    assert train_x.shape == (4, 3, 3, 3) and train_x.dtype == np.uint8
    assert train_y.shape == (1, 4) and train_y.tolist() == [[0, 1, 0, 1]]
    assert test_x.shape == (2, 3, 3, 3) and test_y.tolist() == [[1, 0]]
    assert classes[1].decode("utf-8") == "cat"


def test_h5_files_without_h5py_give_a_clear_message(tmp_path, monkeypatch):
    for name in utils.H5_FILES:
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setitem(sys.modules, "h5py", None)  # makes `import h5py` fail
    with pytest.raises(ImportError, match="pip install h5py"):
        utils.load_dataset(str(tmp_path))


def test_half_of_the_original_data_is_refused(tmp_path):
    (tmp_path / "train_catvnoncat.h5").write_bytes(b"")
    with pytest.raises(FileNotFoundError, match="test_catvnoncat.h5"):
        utils.load_dataset(str(tmp_path))


# ---- the reference ----

def test_initialize_with_zeros_gives_a_float_bias():
    w, b = ref.initialize_with_zeros(4)
    assert w.shape == (4, 1) and not w.any() and type(b) is float


@pytest.mark.parametrize("n_x,m", [(3, 5), (1, 1), (6, 2)])
def test_propagate_matches_finite_differences(n_x, m):
    rng = np.random.RandomState(n_x * 10 + m)
    w, b = rng.randn(n_x, 1), np.array(0.3)
    X, Y = rng.randn(n_x, m), (rng.rand(1, m) > 0.5).astype(float)
    grads, _ = ref.propagate(w, float(b), X, Y)
    assert rel_error(grads["dw"], numeric_gradient(lambda: float(ref.propagate(w, float(b), X, Y)[1]), w)) < 1e-6
    assert rel_error(grads["db"], numeric_gradient(lambda: float(ref.propagate(w, float(b), X, Y)[1]), b)) < 1e-6


def test_optimize_leaves_its_inputs_alone_and_records_every_hundredth_cost():
    w, X, Y = np.ones((2, 1)), np.ones((2, 3)), np.array([[1.0, 0.0, 1.0]])
    params, _, costs = ref.optimize(w, 0.0, X, Y, num_iterations=301, learning_rate=0.1)
    assert np.all(w == 1) and len(costs) == 4 and not np.allclose(params["w"], 1)


def _propagate_with_dot(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    return {"dw": X @ (A - Y).T / m, "db": np.mean(A - Y)}, np.squeeze(cost)


def _predict_with_a_loop(w, b, X):
    A = ref.sigmoid(np.dot(w.T, X) + b)
    Y_prediction = np.zeros((1, X.shape[1]))
    for i in range(A.shape[1]):
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    return Y_prediction


def _optimize_in_place(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w, costs = w.copy(), []
    for i in range(num_iterations):
        grads, cost = ref.propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs


ALTERNATIVES = {
    "sigmoid": lambda z: np.reciprocal(1 + np.exp(-z)),
    "initialize_with_zeros": lambda dim: (np.zeros(shape=(dim, 1), dtype=float), float(0)),
    "propagate": _propagate_with_dot,
    "optimize": _optimize_in_place,
    "predict": _predict_with_a_loop,
}


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_other_correct_answers_pass_every_hidden_case(name):
    assert_right_on_hidden_cases(AID, name, ALTERNATIVES[name], variants=(0,))


# ---- what the lesson says ----

def test_training_on_the_pictures_gives_what_the_lesson_prints():
    """About 90 % on both sets (underfitting), and the learning-rate ranking the lesson describes."""
    train_x, train_y, test_x, test_y, _ = utils.load_dataset()
    X = train_x.reshape(train_x.shape[0], -1).T / 255.
    X_test = test_x.reshape(test_x.shape[0], -1).T / 255.
    d = ref.model(X, train_y, X_test, test_y, num_iterations=2000, learning_rate=0.005)
    train, test = accuracy(d["Y_prediction_train"], train_y), accuracy(d["Y_prediction_test"], test_y)
    assert 86 <= train <= 92 and 86 <= test <= 92 and abs(train - test) < 4, (train, test)
    text = (paths.COURSE / AID / "notebook.md").read_text()
    assert "about 90 %" in text
    final_costs = [float(ref.model(X, train_y, X_test, test_y, 1500, lr)["costs"][-1]) for lr in (0.01, 0.001, 0.0001)]
    assert final_costs == sorted(final_costs) and final_costs[-1] > 0.6  # 0.0001 has barely moved
