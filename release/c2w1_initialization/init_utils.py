"""The data, the 3-layer network and the plots for the initialization assignment. numpy and matplotlib only.

The network is LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, with parameters
{"W1", "b1", "W2", "b2", "W3", "b3"}. Examples are columns: X has shape (n_x, m), labels Y shape (1, m).
Unlike Course 1's helpers, `sigmoid` and `relu` here return plain arrays, not (A, cache) pairs.
"""
import matplotlib.pyplot as plt
import numpy as np

from edition import say


def sigmoid(x):
    """Elementwise 1 / (1 + e^(-x)). Very negative x gives exactly 0 without an overflow warning."""
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def relu(x):
    """Elementwise max(0, x)."""
    return np.maximum(0, x)


# ---- the data: two noisy concentric circles ----

def _circles(rng, m, inner_radius=0.75, noise=0.06):
    """m points, half on the unit circle (label 0) and half on a circle of radius `inner_radius`
    (label 1), each moved by Gaussian noise of standard deviation `noise`. m must be even."""
    labels = np.arange(m) % 2
    angles = rng.uniform(0, 2 * np.pi, m)
    radii = np.where(labels == 1, inner_radius, 1.0)
    X = np.stack([radii * np.cos(angles), radii * np.sin(angles)]) + noise * rng.randn(2, m)
    return X, labels.reshape(1, m)


def load_dataset():
    """Two noisy concentric circles: the outer one is class 0, the inner one class 1.

    The training set (300 points) and the test set (100 points) come from their own fixed seeds, so
    they are the same every time; both have as many points of each class.
    Returns train_X (2, 300), train_Y (1, 300), test_X (2, 100), test_Y (1, 100); labels are ints 0/1.
    """
    train_X, train_Y = _circles(np.random.RandomState(1), 300)
    test_X, test_Y = _circles(np.random.RandomState(2), 100)
    return train_X, train_Y, test_X, test_Y


# ---- the 3-layer network ----

def forward_propagation(X, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID on the columns of X.

    Returns a3, the output probabilities of shape (1, m), and
    cache = (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) for the backward pass.
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    cache = (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)
    return a3, cache


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost for the cache of forward_propagation.

    Returns {"dz3", "dW3", "db3", "da2", "dz2", "dW2", "db2", "da1", "dz1", "dW1", "db1"}.
    A ReLU passes the gradient where its input was positive and blocks it elsewhere (at 0 too).
    """
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = (a3 - Y) / m
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = da2 * (z2 > 0)
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = da1 * (z1 > 0)
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dz3": dz3, "dW3": dW3, "db3": db3, "da2": da2, "dz2": dz2, "dW2": dW2, "db2": db2,
            "da1": da1, "dz1": dz1, "dW1": dW1, "db1": db1}


def compute_loss(a3, Y):
    """Cross-entropy cost -1/m sum(Y log a3 + (1 - Y) log(1 - a3)), as a Python float.

    An output of exactly 0 or 1 on the wrong label makes the cost infinite (log 0); the 0 * log 0
    terms of the right labels are left out (np.nansum), so the cost is inf rather than nan.
    """
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        log_probs = -(Y * np.log(a3) + (1 - Y) * np.log(1 - a3))
    return float(np.nansum(log_probs) / m)


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent, theta = theta - learning_rate * dtheta, for W1, b1, ..., W3, b3.

    Writes the new arrays into `parameters` and returns it, so that both
    `parameters = update_parameters(...)` and a bare call work.
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def predict(X, y, parameters):
    """Labels the network predicts for the columns of X (1 where a3 > 0.5), shape (1, m), ints.

    Also prints the accuracy against the true labels y, of shape (1, m).
    """
    a3, _ = forward_propagation(X, parameters)
    p = (a3 > 0.5).astype(int)
    print(f"Accuracy: {100 * np.mean(p == y):.2f}%")
    return p


def predict_dec(parameters, X):
    """The predicted classes as a boolean (1, m) array, without printing: for decision boundaries."""
    a3, _ = forward_propagation(X, parameters)
    return a3 > 0.5


# ---- plots ----

def plot_data(X, y, ax=None, title=None):
    """Scatter the examples (columns of X) coloured by their labels y."""
    ax = ax if ax is not None else plt.gca()
    ax.scatter(X[0], X[1], c=np.ravel(y), cmap=plt.cm.Spectral, vmin=0, vmax=1, s=15, edgecolors="k",
               linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal")
    if title:
        ax.set_title(title)
    return ax


def plot_decision_boundary(model, X, y, resolution=300, ax=None):
    """Colour the plane by the class `model` predicts, and draw the examples on top.

    model -- a function taking points of shape (k, 2), one point per row, and returning k labels
             (for a network: lambda points: predict_dec(parameters, points.T))
    X -- examples, (2, m);  y -- their labels, (1, m) or (m,)
    """
    ax = ax if ax is not None else plt.gca()
    x1 = np.linspace(X[0].min() - 0.3, X[0].max() + 0.3, resolution)
    x2 = np.linspace(X[1].min() - 0.3, X[1].max() + 0.3, resolution)
    grid1, grid2 = np.meshgrid(x1, x2)
    points = np.column_stack([grid1.ravel(), grid2.ravel()])
    predicted = np.asarray(model(points), dtype=float).reshape(grid1.shape)
    ax.contourf(grid1, grid2, predicted, levels=[-0.5, 0.5, 1.5], cmap=plt.cm.Spectral, vmin=0, vmax=1,
                alpha=0.35)
    return plot_data(X, y, ax)


def plot_costs(costs, every=100, ax=None, title=None):
    """The cost curve of one training: costs[k] was recorded at iteration k * every.
    Infinite costs (a saturated start) are left out of the curve."""
    ax = ax if ax is not None else plt.gca()
    costs = np.asarray(costs, dtype=float)
    iterations = every * np.arange(len(costs))
    finite = np.isfinite(costs)
    ax.plot(iterations[finite], costs[finite])
    ax.set_xlabel(say("iteration", "迭代次数"))
    ax.set_ylabel(say("cost", "代价"))
    if title:
        ax.set_title(title)
    return ax
