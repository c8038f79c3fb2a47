"""Data, plots and a baseline for the planar classification assignment. numpy and matplotlib only.

Conventions: examples are columns, X has shape (2, m) and labels Y shape (1, m) with values 0 and 1.
"""
import matplotlib.pyplot as plt
import numpy as np


def sigmoid(x):
    """Elementwise logistic function 1 / (1 + e^(-x)); returns an array shaped like x."""
    return 1 / (1 + np.exp(-x))


# ---- the flower ----

def load_planar_dataset():
    """The "flower": 400 points on the petals of the rose curve r = 4 sin(4t), two classes of 200.

    Class 0 takes angles t from 0 to 3.12, class 1 from 3.12 to 6.24; the angle and the radius of
    every point get Gaussian noise of standard deviation 0.2. The global seed is set to 1, so the
    flower is the same every time. Returns X of shape (2, 400) and Y of shape (1, 400), uint8.
    """
    np.random.seed(1)
    per_class, petal_length, noise = 200, 4, 0.2
    points, labels = [], []
    for label in (0, 1):
        t = np.linspace(3.12 * label, 3.12 * (label + 1), per_class) + noise * np.random.randn(per_class)
        r = petal_length * np.sin(4 * t) + noise * np.random.randn(per_class)
        points.append(np.stack([r * np.sin(t), r * np.cos(t)]))
        labels.append(np.full(per_class, label, dtype=np.uint8))
    X = np.concatenate(points, axis=1)
    Y = np.concatenate(labels).reshape(1, -1)
    return X, Y


# ---- more datasets, each returned as (points of shape (N, 2), labels of shape (N,)) ----

def _noisy_circles(rng, n, factor=0.5, noise=0.3):
    """A circle of radius 1 (label 0) around one of radius `factor` (label 1), with noise."""
    t = rng.uniform(0, 2 * np.pi, n)
    labels = np.arange(n) % 2
    radius = np.where(labels == 1, factor, 1.0)
    points = np.column_stack([radius * np.cos(t), radius * np.sin(t)]) + noise * rng.randn(n, 2)
    return points, labels


def _noisy_moons(rng, n, noise=0.2):
    """Two interleaved half circles: the upper one (label 0) and a lower one shifted right (label 1)."""
    t = rng.uniform(0, np.pi, n)
    labels = np.arange(n) % 2
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    points = np.where(labels[:, None] == 0, upper, lower) + noise * rng.randn(n, 2)
    return points, labels


def _blobs(rng, n, centres=6, spread=1.0):
    """Gaussian blobs around `centres` random centres, labelled 0 .. centres-1."""
    centre_points = rng.uniform(-10, 10, size=(centres, 2))
    labels = np.arange(n) % centres
    points = centre_points[labels] + spread * rng.randn(n, 2)
    return points, labels


def _gaussian_quantiles(rng, n, variance=0.5):
    """One Gaussian cloud, split by distance from its centre: inner half label 0, outer half 1."""
    points = np.sqrt(variance) * rng.randn(n, 2)
    distance = np.sum(points ** 2, axis=1)
    labels = (distance > np.median(distance)).astype(int)
    return points, labels


def _no_structure(rng, n):
    """Uniform points with labels drawn at random: nothing to learn."""
    return rng.rand(n, 2), rng.randint(0, 2, n)


def load_extra_datasets(n=200, seed=3):
    """Five small 2-D datasets to try the network on.

    Returns (noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure), each a pair
    (points of shape (n, 2), labels of shape (n,)). Blobs have labels 0..5; take them modulo 2 for a
    two-class problem. To use a pair: X, Y = points.T, labels.reshape(1, -1).
    """
    rng = np.random.RandomState(seed)
    return (_noisy_circles(rng, n), _noisy_moons(rng, n), _blobs(rng, n),
            _gaussian_quantiles(rng, n), _no_structure(rng, n))


# ---- a baseline: logistic regression trained by gradient descent ----

def train_logistic_regression(X, Y, learning_rate=0.5, num_iterations=3000):
    """Fit P(y = 1 | x) = sigmoid(w.x + b) to the labels by gradient descent on the cross-entropy.

    X -- (n_x, m);  Y -- (1, m) of 0/1.  Returns w of shape (n_x, 1) and b, a float.
    """
    n_x, m = X.shape
    w, b = np.zeros((n_x, 1)), 0.0
    for _ in range(num_iterations):
        error = sigmoid(w.T @ X + b) - Y          # dCost/dZ, shape (1, m)
        w = w - learning_rate * (X @ error.T) / m
        b = b - learning_rate * float(np.sum(error)) / m
    return w, b


def predict_logistic_regression(w, b, X):
    """Boolean (1, m) predictions of the fitted logistic regression: True where P(y = 1) > 0.5."""
    return sigmoid(w.T @ X + b) > 0.5


# ---- plots ----

def plot_decision_boundary(model, X, y, resolution=300, ax=None):
    """Colour the plane by the class `model` predicts, and draw the examples on top.

    model -- a function taking points of shape (k, 2), one point per row, and returning k labels
             (for a network trained here: lambda points: predict(parameters, points.T))
    X -- examples, (2, m);  y -- their labels, (1, m) or (m,)
    """
    ax = ax if ax is not None else plt.gca()
    x1 = np.linspace(X[0].min() - 1, X[0].max() + 1, resolution)
    x2 = np.linspace(X[1].min() - 1, X[1].max() + 1, resolution)
    grid1, grid2 = np.meshgrid(x1, x2)
    points = np.column_stack([grid1.ravel(), grid2.ravel()])
    predicted = np.asarray(model(points), dtype=float).reshape(grid1.shape)
    ax.contourf(grid1, grid2, predicted, levels=[-0.5, 0.5, 1.5], cmap=plt.cm.Spectral, vmin=0, vmax=1,
                alpha=0.35)
    ax.scatter(X[0], X[1], c=np.ravel(y), cmap=plt.cm.Spectral, vmin=0, vmax=1, s=15, edgecolors="k",
               linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax
