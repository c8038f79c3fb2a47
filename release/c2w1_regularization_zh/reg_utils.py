"""Data, a plain three-layer network and plots for the regularization assignment. numpy and matplotlib only.

Conventions: examples are columns, X has shape (n_x, m) and labels Y shape (1, m) with values 0 and 1.
The network is LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID. Unlike Course 1's dnn_utils,
relu and sigmoid here return the activation alone (no cache), and the forward pass keeps one flat cache
tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).
"""
import matplotlib.pyplot as plt
import numpy as np


def sigmoid(x):
    """Elementwise logistic function 1 / (1 + e^(-x)); returns an array shaped like x."""
    return 1 / (1 + np.exp(-x))


def relu(x):
    """Elementwise max(0, x); returns an array shaped like x."""
    return np.maximum(0, x)


def initialize_parameters(layer_dims):
    """Weights randn(n[l], n[l-1]) / sqrt(n[l-1]) and zero biases, from seed 3.

    layer_dims -- list of layer sizes [n_x, n_1, ..., n_L]
    Returns {"W1", "b1", ..., "WL", "bL"} with W[l] of shape (n[l], n[l-1]) and b[l] of shape (n[l], 1)
    """
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    """Forward pass of the three-layer network, without dropout.

    X -- inputs, (n_x, m);  parameters -- {"W1", "b1", "W2", "b2", "W3", "b3"}
    Returns a3, the output probabilities (1, m), and cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def compute_cost(a3, Y):
    """Cross-entropy cost -1/m * sum(Y log a3 + (1 - Y) log(1 - a3)), as a float.

    Terms that are 0 * log(0) (a label predicted with full certainty) count as 0 (np.nansum).
    a3 -- output probabilities, (1, m);  Y -- labels, (1, m)
    """
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        losses = -(Y * np.log(a3) + (1 - Y) * np.log(1 - a3))
    return float(np.nansum(losses) / m)


def backward_propagation(X, Y, cache):
    """Gradients of the plain cross-entropy cost (no regularization, no dropout).

    X -- inputs, (n_x, m);  Y -- labels, (1, m);  cache -- as forward_propagation returns it
    Returns {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    gradients = {}
    dZ3 = A3 - Y
    gradients.update(dZ3=dZ3, dW3=dZ3 @ A2.T / m, db3=np.sum(dZ3, axis=1, keepdims=True) / m)
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    gradients.update(dA2=dA2, dZ2=dZ2, dW2=dZ2 @ A1.T / m, db2=np.sum(dZ2, axis=1, keepdims=True) / m)
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    gradients.update(dA1=dA1, dZ1=dZ1, dW1=dZ1 @ X.T / m, db1=np.sum(dZ1, axis=1, keepdims=True) / m)
    return gradients


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent, written into `parameters` (which is also returned).

    parameters -- {"W1", "b1", ...};  grads -- {"dW1", "db1", ...};  learning_rate -- the step size
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def predict(X, y, parameters):
    """Predictions (1, m) of 0/1 for the examples X; prints the accuracy against the labels y."""
    a3, _ = forward_propagation(X, parameters)
    predictions = (a3 > 0.5).astype(int)
    print(f"Accuracy: {np.mean(predictions == y):.4f}")
    return predictions


def predict_dec(parameters, X):
    """Boolean predictions (1, m) for the examples X, without printing: for plot_decision_boundary."""
    a3, _ = forward_propagation(X, parameters)
    return a3 > 0.5


# ---- the data ----

def _boundary(x1):
    """The true boundary between the classes: class 1 lies above this wavy curve."""
    return 0.35 * np.sin(3.0 * x1) + 0.15 * x1


def _draw(rng, m, flip):
    """m points uniform in the square [-1, 1]^2, labelled by the side of the boundary they lie on;
    points close to the boundary change label with a probability that fades with the distance."""
    X = rng.uniform(-1, 1, size=(2, m))
    distance = X[1] - _boundary(X[0])
    Y = (distance > 0).astype(int)
    noisy = rng.rand(m) < flip * np.exp(-np.abs(distance) / 0.25)
    Y[noisy] = 1 - Y[noisy]
    return X, Y.reshape(1, m)


def load_2D_dataset(m_train=150, m_test=200, flip=0.5, seed=3):
    """Two classes in the square [-1, 1]^2 on either side of a wavy curve, with labels near the curve
    often wrong (the noise a network can overfit). Same points every time (seeded).

    Returns train_X (2, m_train), train_Y (1, m_train), test_X (2, m_test), test_Y (1, m_test);
    labels are ints 0 (red) and 1 (blue).
    """
    rng = np.random.RandomState(seed)
    train_X, train_Y = _draw(rng, m_train, flip)
    test_X, test_Y = _draw(rng, m_test, flip)
    return train_X, train_Y, test_X, test_Y


def true_boundary():
    """Points (x1, x2) of the curve that separates the classes before label noise, for plots."""
    x1 = np.linspace(-1, 1, 200)
    return x1, _boundary(x1)


# ---- plots ----

def plot_decision_boundary(model, X, y, resolution=300, ax=None):
    """Colour the plane by the class `model` predicts, and draw the examples on top.

    model -- a function taking points of shape (k, 2), one point per row, and returning k labels
             (for a network trained here: lambda points: predict_dec(parameters, points.T))
    X -- examples, (2, m);  y -- their labels, (1, m) or (m,)
    """
    ax = ax if ax is not None else plt.gca()
    x1 = np.linspace(X[0].min() - 0.1, X[0].max() + 0.1, resolution)
    x2 = np.linspace(X[1].min() - 0.1, X[1].max() + 0.1, resolution)
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
