"""Data, the rest of a batch-normalized softmax network, and plots. numpy and matplotlib only.

Conventions: examples are columns. Pictures of 8x8 pixels become columns of 64 values in [0, 1];
labels are a (1, m) row of digits 0..9, and one_hot turns them into a (10, m) matrix.

The network is [LINEAR -> BATCHNORM -> RELU] for each hidden layer, then LINEAR -> SOFTMAX. A
hidden layer has no bias b (beta of batch normalization plays its part); the output layer has one.
The functions that train it do not contain batch normalization or softmax themselves: they call the
functions you write in the notebook, passed in a dictionary `functions` with the keys
"batchnorm_forward", "batchnorm_backward", "update_running_averages", "batchnorm_inference",
"softmax", "compute_softmax_cost" and "softmax_cost_gradient".
"""
import os

import numpy as np
from edition import say

DATASETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "datasets")
NUM_CLASSES = 10


# ---- the data ----

def load_digits10(folder=DATASETS):
    """The handwritten digits, all ten classes (see datasets/LICENSE-digits.txt for their source).

    Returns train_x (64, 1300), train_y (1, 1300), test_x (64, 497), test_y (1, 497), classes:
    every column of train_x is one 8x8 picture read row by row, pixel values scaled from 0..16 to
    0..1; labels are integers 0..9; classes holds the names of the ten labels, as bytes.
    """
    with np.load(os.path.join(folder, "digits10.npz")) as data:
        arrays = {key: data[key] for key in data.files}

    def columns(images):
        return images.reshape(images.shape[0], -1).T / 16.0

    return (columns(arrays["train_images"]), arrays["train_labels"].reshape(1, -1),
            columns(arrays["test_images"]), arrays["test_labels"].reshape(1, -1), arrays["classes"])


def one_hot(labels, C=NUM_CLASSES):
    """(1, m) or (m,) integer labels -> (C, m) matrix with a single 1 per column, in the label's row."""
    labels = np.asarray(labels).ravel()
    Y = np.zeros((C, labels.size))
    Y[labels, np.arange(labels.size)] = 1.0
    return Y


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the columns of X and Y the same way, then cut them into mini-batches.

    Returns a list of (mini_batch_X, mini_batch_Y); the last one is smaller when m is not a multiple
    of mini_batch_size. Draws from its own generator, seeded with `seed`.
    """
    m = X.shape[1]
    order = np.random.RandomState(seed).permutation(m)
    X, Y = X[:, order], Y[:, order]
    return [(X[:, k:k + mini_batch_size], Y[:, k:k + mini_batch_size]) for k in range(0, m, mini_batch_size)]


# ---- the network ----

def initialize_parameters(layer_dims, batchnorm=True, seed=1):
    """He-initialized weights for the layer sizes layer_dims = [n_0, n_1, ..., n_L].

    With batchnorm, each hidden layer l gets W{l} (n_l, n_{l-1}), gamma{l} (ones) and beta{l}
    (zeros), both (n_l, 1); without, W{l} and b{l} (zeros). The output layer L gets W{L} and b{L}.
    """
    rng = np.random.RandomState(seed)
    L = len(layer_dims) - 1
    parameters = {}
    for l in range(1, L + 1):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = rng.randn(n, n_prev) * np.sqrt(2.0 / n_prev)
        if batchnorm and l < L:
            parameters[f"gamma{l}"] = np.ones((n, 1))
            parameters[f"beta{l}"] = np.zeros((n, 1))
        else:
            parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


def initialize_running_averages(parameters):
    """Running mean 0 and running variance 1 for every batch-normalized layer: {"mean1", "var1", ...}."""
    running = {}
    for key, value in parameters.items():
        if key.startswith("gamma"):
            l = key[len("gamma"):]
            running["mean" + l] = np.zeros_like(value)
            running["var" + l] = np.ones_like(value)
    return running


def number_of_layers(parameters):
    return sum(key.startswith("W") for key in parameters)


def forward_pass(X, parameters, functions, running=None, epsilon=1e-8):
    """The whole network on the columns of X. Returns (Yhat of shape (C, m), caches).

    Batch-normalized layers use batchnorm_forward (the mini-batch statistics) when `running` is None,
    and batchnorm_inference with the running averages of `running` otherwise. caches[l-1] is
    (A_prev, Z_tilde, bn_cache) for layer l (bn_cache None at test time and where there is no batchnorm).
    """
    L = number_of_layers(parameters)
    A, caches = X, []
    for l in range(1, L):
        W = parameters[f"W{l}"]
        bn_cache = None
        if f"gamma{l}" in parameters:
            gamma, beta = parameters[f"gamma{l}"], parameters[f"beta{l}"]
            if running is None:
                Z_tilde, bn_cache = functions["batchnorm_forward"](W @ A, gamma, beta, epsilon)
            else:
                Z_tilde = functions["batchnorm_inference"](W @ A, gamma, beta, running[f"mean{l}"],
                                                          running[f"var{l}"], epsilon)
        else:
            Z_tilde = W @ A + parameters[f"b{l}"]
        caches.append((A, Z_tilde, bn_cache))
        A = np.maximum(0, Z_tilde)
    caches.append((A, None, None))
    Yhat = functions["softmax"](parameters[f"W{L}"] @ A + parameters[f"b{L}"])
    return Yhat, caches


def backward_pass(dZ_L, caches, parameters, functions):
    """Gradients of the cost for every parameter, from dZ_L, the gradient at the softmax's input.

    dZ_L already holds the 1/m of the cost, so no step below divides by m again.
    Returns {"dW1", "dgamma1", "dbeta1", ..., "dWL", "dbL"} (dbl instead of dgamma/dbeta without batchnorm).
    """
    L = number_of_layers(parameters)
    grads = {}
    A_prev = caches[L - 1][0]
    grads[f"dW{L}"] = dZ_L @ A_prev.T
    grads[f"db{L}"] = dZ_L.sum(axis=1, keepdims=True)
    dA = parameters[f"W{L}"].T @ dZ_L
    for l in range(L - 1, 0, -1):
        A_prev, Z_tilde, bn_cache = caches[l - 1]
        dZ_tilde = dA * (Z_tilde > 0)  # RELU
        if bn_cache is None:
            dZ = dZ_tilde
            grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True)
        else:
            bn_grads = functions["batchnorm_backward"](dZ_tilde, bn_cache)
            dZ = bn_grads["dZ"]
            grads[f"dgamma{l}"], grads[f"dbeta{l}"] = bn_grads["dgamma"], bn_grads["dbeta"]
        grads[f"dW{l}"] = dZ @ A_prev.T
        dA = parameters[f"W{l}"].T @ dZ
    return grads


def model(X, Y, layer_dims, functions, learning_rate=0.1, num_epochs=20, mini_batch_size=64,
          momentum=0.9, batchnorm=True, seed=1, print_cost=False):
    """Train the network with mini-batch gradient descent.

    X -- (n_0, m);  Y -- one-hot labels (C, m);  layer_dims -- [n_0, ..., C]
    Epoch e shuffles with seed + e + 1. After each mini-batch's forward pass, every batch-normalized
    layer's running averages take in that mini-batch's mu and var (cache items 2 and 3).
    Returns (parameters, running, costs) where costs[e] is the average cost over epoch e.
    """
    parameters = initialize_parameters(layer_dims, batchnorm, seed)
    running = initialize_running_averages(parameters)
    L = len(layer_dims) - 1
    costs = []
    for epoch in range(num_epochs):
        total = 0.0
        for X_batch, Y_batch in random_mini_batches(X, Y, mini_batch_size, seed + epoch + 1):
            Yhat, caches = forward_pass(X_batch, parameters, functions)
            total += functions["compute_softmax_cost"](Yhat, Y_batch) * X_batch.shape[1]
            for l in range(1, L):
                bn_cache = caches[l - 1][2]
                if bn_cache is not None:
                    running[f"mean{l}"], running[f"var{l}"] = functions["update_running_averages"](
                        running[f"mean{l}"], running[f"var{l}"], bn_cache[2], bn_cache[3], momentum)
            grads = backward_pass(functions["softmax_cost_gradient"](Yhat, Y_batch), caches, parameters, functions)
            parameters = {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}
        costs.append(total / X.shape[1])
        if print_cost and (epoch % 5 == 0 or epoch == num_epochs - 1):
            print(f"Cost after epoch {epoch}: {costs[-1]:.4f}")
    return parameters, running, costs


def predict(X, parameters, running, functions):
    """Predicted digits, (1, m): the class of largest probability, with test-time batch normalization."""
    Yhat, _ = forward_pass(X, parameters, functions, running)
    return np.argmax(Yhat, axis=0).reshape(1, -1)


def accuracy(predictions, labels):
    """Percentage of equal entries."""
    return 100.0 * np.mean(np.ravel(predictions) == np.ravel(labels))


def confusion_matrix(labels, predictions, C=NUM_CLASSES):
    """(C, C) counts: row = true digit, column = predicted digit."""
    matrix = np.zeros((C, C), dtype=int)
    np.add.at(matrix, (np.ravel(labels), np.ravel(predictions)), 1)
    return matrix


# ---- plots ----

def show_digits(X, labels, predictions=None, count=10, ax_row=None):
    """Draw the first `count` columns of X as 8x8 pictures, titled with label (and prediction)."""
    import matplotlib.pyplot as plt

    count = min(count, X.shape[1])
    if ax_row is None:
        _, ax_row = plt.subplots(1, count, figsize=(1.2 * count, 1.6))
    for i, ax in enumerate(np.ravel(ax_row)[:count]):
        ax.imshow(X[:, i].reshape(8, 8), cmap="gray_r", interpolation="nearest")
        title = str(int(np.ravel(labels)[i]))
        if predictions is not None:
            title += f" -> {int(np.ravel(predictions)[i])}"
        ax.set_title(title, fontsize=9)
        ax.axis("off")


def plot_confusion_matrix(matrix, classes, ax=None, title=say("Confusion matrix", "混淆矩阵")):
    """Draw a confusion matrix with its counts; the diagonal holds the right answers."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 5.5))
    image = ax.imshow(matrix, cmap="Blues")
    names = [c.decode("utf-8") if isinstance(c, bytes) else str(c) for c in classes]
    ax.set_xticks(range(len(names)), names)
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel(say("predicted digit", "预测的数字"))
    ax.set_ylabel(say("true digit", "真实的数字"))
    ax.set_title(title)
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            if matrix[i, j]:
                ax.text(j, i, str(matrix[i, j]), ha="center", va="center", fontsize=8,
                        color="white" if matrix[i, j] > matrix.max() / 2 else "black")
    plt.colorbar(image, ax=ax, fraction=0.046)
    return ax
