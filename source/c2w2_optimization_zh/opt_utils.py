"""The network, the data and the plots for the optimization assignment. numpy and matplotlib only.

Conventions: examples are columns, X has shape (n_x, m) and labels Y shape (1, m) with values 0 and 1.
The network is LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID (three layers).
"""
import matplotlib.pyplot as plt
import numpy as np


def sigmoid(x):
    """Elementwise logistic function 1 / (1 + e^(-x))."""
    return 1 / (1 + np.exp(-x))


def relu(x):
    """Elementwise max(0, x)."""
    return np.maximum(0, x)


# ---- the data ----

def load_dataset(m=300, noise=0.2, seed=3):
    """Two interleaving half moons in the plane, `m` points, half of each class.

    Class 0 lies on the upper half circle of radius 1 around (0, 0), class 1 on the lower half circle
    around (1, 0.5); every point gets Gaussian noise of standard deviation `noise`, and the examples
    come in a random order. Seeded, so the data is the same every time.
    Returns X of shape (2, m) and Y of shape (1, m) with values 0 and 1.
    """
    rng = np.random.RandomState(seed)
    labels = np.arange(m) % 2
    angle = rng.uniform(0, np.pi, m)
    upper = np.stack([np.cos(angle), np.sin(angle)])
    lower = np.stack([1 - np.cos(angle), 0.5 - np.sin(angle)])
    X = np.where(labels == 0, upper, lower) + noise * rng.randn(2, m)
    order = rng.permutation(m)
    return X[:, order], labels[order].reshape(1, m)


# ---- the three-layer network ----

def initialize_parameters(layer_dims):
    """He initialisation for the network of sizes `layer_dims` = [n_x, n_1, ..., n_L]; seed 3.

    W_l is (n_l, n_{l-1}), drawn from randn and scaled by sqrt(2 / n_{l-1}); b_l is zeros (n_l, 1).
    Returns {"W1", "b1", ..., "WL", "bL"}.
    """
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    """The forward pass of the three-layer network on X (n_x, m).

    Returns a3, the output probabilities (1, m), and the cache (z1, a1, W1, b1, z2, a2, W2, b2,
    z3, a3, W3, b3) that backward_propagation needs.
    """
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    z1 = W1 @ X + b1
    a1 = relu(z1)
    z2 = W2 @ a1 + b2
    a2 = relu(z2)
    z3 = W3 @ a2 + b3
    a3 = sigmoid(z3)
    return a3, (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)


def compute_cost(a3, Y):
    """The cross-entropy **summed** (not averaged) over the examples of a mini-batch, a float.

    The model adds these sums over an epoch's mini-batches and divides by m once, so the cost it
    prints is the average over all examples whatever the mini-batch size.
    """
    losses = -(Y * np.log(a3) + (1 - Y) * np.log(1 - a3))
    return float(np.sum(losses))


def backward_propagation(X, Y, cache):
    """Gradients of the average cross-entropy over the examples of X with respect to every parameter.

    Returns a dict with dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1.
    """
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = (a3 - Y) / m
    dW3 = dz3 @ a2.T
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = W3.T @ dz3
    dz2 = da2 * (a2 > 0)
    dW2 = dz2 @ a1.T
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = W2.T @ dz2
    dz1 = da1 * (a1 > 0)
    dW1 = dz1 @ X.T
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dZ3": dz3, "dW3": dW3, "db3": db3, "dA2": da2, "dZ2": dz2, "dW2": dW2, "db2": db2,
            "dA1": da1, "dZ1": dz1, "dW1": dW1, "db1": db1}


def predict_dec(parameters, X):
    """Boolean (1, m) predictions of the trained network: True where it says class 1."""
    a3, _ = forward_propagation(X, parameters)
    return a3 > 0.5


def predict(X, y, parameters):
    """Predict the labels of X, print the accuracy against y, and return the 0/1 predictions (1, m)."""
    p = predict_dec(parameters, X).astype(int)
    print("Accuracy: " + str(np.round(np.mean(p == y), 4)))
    return p


# ---- plots ----

def plot_decision_boundary(model, X, y, resolution=300, ax=None):
    """Colour the plane by the class `model` predicts, and draw the examples on top.

    model -- a function taking points of shape (k, 2), one point per row, and returning k labels
             (for a trained network: lambda points: predict_dec(parameters, points.T))
    X -- examples, (2, m);  y -- their labels, (1, m) or (m,)
    """
    ax = ax if ax is not None else plt.gca()
    x1 = np.linspace(X[0].min() - 0.5, X[0].max() + 0.5, resolution)
    x2 = np.linspace(X[1].min() - 0.5, X[1].max() + 0.5, resolution)
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
