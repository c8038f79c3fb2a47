"""Working versions of the "step by step" functions, plus the data and a few ways to look at results.

Everything a deep network needs is here, so that this assignment can be about putting the pieces
together: initialisation, the forward pass with its caches, the cost, the backward pass, the update,
prediction. One difference from the step-by-step assignment: `initialize_parameters_deep` scales
each layer's random weights by 1/sqrt(n[l-1]) (and uses seed 1), which lets deep networks start
learning at once instead of sitting on a plateau.

load_data() reads the original course's `train_catvnoncat.h5` and `test_catvnoncat.h5` when both are
in datasets/ (that needs the h5py package); otherwise the bundled handwritten digits, datasets/digits.npz
(16x16 pictures labelled 1 for the digits 5 to 9 and 0 for 0 to 4; see datasets/LICENSE-digits.txt).
"""
import os

import numpy as np
from edition import say
from picture_data import H5_FILES, read_pictures  # H5_FILES: the names an instructor may drop in

DATASETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "datasets")


# ---- activations: each forward returns (A, cache=Z), each backward returns dZ ----

def sigmoid(Z):
    """Elementwise 1 / (1 + exp(-Z)). Returns (A, Z)."""
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z):
    """Elementwise max(0, Z). Returns (A, Z)."""
    return np.maximum(0, Z), Z


def relu_backward(dA, cache):
    """dZ of a RELU unit: dA where Z > 0, zero elsewhere (the cache is Z)."""
    return np.where(cache > 0, dA, 0.0)


def sigmoid_backward(dA, cache):
    """dZ of a sigmoid unit: dA * s * (1 - s) with s = sigmoid(Z) (the cache is Z)."""
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s)


# ---- parameters ----

def initialize_parameters(n_x, n_h, n_y):
    """LINEAR->RELU->LINEAR->SIGMOID: weights randn * 0.01 (seed 1, W1 drawn first), zero biases."""
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    W2 = np.random.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def initialize_parameters_deep(layer_dims):
    """Weights randn(n[l], n[l-1]) / sqrt(n[l-1]) (seed 1, layer by layer), zero biases.

    layer_dims -- [n_x, n_1, ..., n_L]; returns {"W1", "b1", ..., "WL", "bL"}
    """
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


# ---- forward ----

def linear_forward(A, W, b):
    """Z = W A + b. Returns (Z, cache=(A, W, b))."""
    return W @ A + b, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """One layer, LINEAR then "relu" or "sigmoid". Returns (A, cache=(linear_cache, activation_cache))."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = {"relu": relu, "sigmoid": sigmoid}[activation](Z)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """[LINEAR->RELU] * (L-1) -> LINEAR->SIGMOID. Returns (AL, caches), one cache per layer."""
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                             "sigmoid" if l == L else "relu")
        caches.append(cache)
    return A, caches


def compute_cost(AL, Y):
    """Cross-entropy -1/m * sum(Y log AL + (1 - Y) log(1 - AL)), as a 0-d array."""
    m = Y.shape[1]
    total = np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)
    return np.squeeze(-total / m)


# ---- backward ----

def linear_backward(dZ, cache):
    """Gradients of Z = W A_prev + b. Returns (dA_prev, dW, db)."""
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def linear_activation_backward(dA, cache, activation):
    """Gradients of one LINEAR->ACTIVATION layer. Returns (dA_prev, dW, db)."""
    linear_cache, activation_cache = cache
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward}[activation]
    return linear_backward(backward(dA, activation_cache), linear_cache)


def L_model_backward(AL, Y, caches):
    """Gradients of the whole network: keys dA0..dA{L-1}, dW1..dWL, db1..dbL."""
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


def update_parameters(parameters, grads, learning_rate):
    """One gradient descent step, W = W - learning_rate * dW and b likewise, written into
    `parameters` and returned: code that keeps the result and code that does not (as the original
    course's models did) both train."""
    for key in list(parameters):
        parameters[key] = parameters[key] - learning_rate * grads["d" + key]
    return parameters


# ---- using a trained network ----

def predict(X, y, parameters):
    """Label each column of X with the network (1 when its output is above 0.5); print the accuracy.

    X -- (n_x, m);  y -- true labels, (1, m);  parameters -- a trained network
    Returns p, the predicted labels, (1, m) of 0. / 1.
    """
    probabilities, _ = L_model_forward(X, parameters)
    p = (probabilities > 0.5).astype(float)
    print("Accuracy: {:.1f} %".format(100 * np.mean(p == y)))
    return p


def _picture(column):
    """A flattened picture (n_x,) scaled to [0, 1], back as (num_px, num_px, 3)."""
    num_px = int(round(np.sqrt(column.size / 3)))
    return column.reshape(num_px, num_px, 3)


def print_mislabeled_images(classes, X, y, p, count=12):
    """Show up to `count` pictures where the prediction p differs from the label y.

    classes -- class names (bytes);  X -- flattened pictures scaled to [0, 1], (n_x, m);  y, p -- (1, m)
    """
    import matplotlib.pyplot as plt

    wrong = np.flatnonzero(p[0] != y[0])
    print(f"{wrong.size} of {y.shape[1]} pictures are mislabeled" + (f"; the first {count}:" if wrong.size > count else ""))
    shown = wrong[:count]
    if shown.size == 0:
        return
    columns = min(shown.size, 6)
    rows = -(-shown.size // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(1.7 * columns, 2.1 * rows), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    for ax, index in zip(axes.flat, shown):
        ax.imshow(_picture(X[:, index]), interpolation="nearest")
        ax.set_title(say("said: ", "预测：") + classes[int(p[0, index])].decode("utf-8")
                     + say("\nis: ", "\n实际：") + classes[int(y[0, index])].decode("utf-8"), fontsize=8)
    plt.tight_layout()
    plt.show()


def plot_costs(costs, learning_rate=0.0075):
    """The cost curve of a training run (one point every 100 iterations)."""
    import matplotlib.pyplot as plt

    plt.plot(np.squeeze(costs))
    plt.ylabel(say("cost", "代价"))
    plt.xlabel(say("iterations (hundreds)", "迭代次数（单位：百次）"))
    plt.title(say("learning rate = ", "学习率 = ") + str(learning_rate))
    plt.show()


# ---- the data ----

def load_data(folder=DATASETS):
    """Return train_x_orig, train_y, test_x_orig, test_y, classes.

    train_x_orig -- pictures, (m_train, num_px, num_px, 3) uint8;  train_y -- labels 0/1, (1, m_train)
    test_x_orig, test_y -- the same for the test pictures;  classes -- the two class names, as bytes
    """
    return read_pictures(folder)
