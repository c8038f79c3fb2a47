"""Helpers of the character-level language model: a vanilla RNN over one-hot characters.

Parameters are a dict with keys "Wax" (n_a, n_x), "Waa" (n_a, n_a), "Wya" (n_y, n_a), "b" (n_a, 1)
and "by" (n_y, 1); gradients use the same names prefixed with "d". A name is a list X of character
indices, with None in place of the first input (the zero vector) and Y = X[1:] + [index of "\\n"].
"""
import numpy as np


def softmax(x):
    """Column-wise softmax, shifted by the maximum so that np.exp cannot overflow."""
    e_x = np.exp(x - np.max(x, axis=0, keepdims=True))
    return e_x / np.sum(e_x, axis=0, keepdims=True)


def smooth(loss, cur_loss):
    """Exponential moving average of the training loss (weight 0.999 on the past)."""
    return loss * 0.999 + cur_loss * 0.001


def get_initial_loss(vocab_size, seq_length):
    """The loss of a model that guesses uniformly, over seq_length characters: the smoothing starts there."""
    return -np.log(1.0 / vocab_size) * seq_length


def initialize_parameters(n_a, n_x, n_y):
    """Small random weights (seed 1, drawn in the order Wax, Waa, Wya) and zero biases."""
    np.random.seed(1)
    Wax = np.random.randn(n_a, n_x) * 0.01
    Waa = np.random.randn(n_a, n_a) * 0.01
    Wya = np.random.randn(n_y, n_a) * 0.01
    b = np.zeros((n_a, 1))
    by = np.zeros((n_y, 1))
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "b": b, "by": by}


def rnn_step_forward(parameters, a_prev, x):
    """One time step: a_next = tanh(Wax x + Waa a_prev + b), p_t = softmax(Wya a_next + by)."""
    Wax, Waa, Wya, by, b = (parameters[k] for k in ("Wax", "Waa", "Wya", "by", "b"))
    a_next = np.tanh(np.dot(Wax, x) + np.dot(Waa, a_prev) + b)
    p_t = softmax(np.dot(Wya, a_next) + by)
    return a_next, p_t


def rnn_forward(X, Y, a0, parameters, vocab_size=None):
    """Run the RNN over one name and add up the cross-entropy loss of every prediction.

    X, Y -- lists of character indices (X[t] may be None: the zero input); a0 -- (n_a, 1)
    Returns loss (a number) and cache = (y_hat, a, x), three dicts keyed by time step; a[-1] is a0.
    """
    if vocab_size is None:
        vocab_size = parameters["Wax"].shape[1]
    x, a, y_hat = {}, {}, {}
    a[-1] = np.copy(a0)
    loss = 0.0
    for t in range(len(X)):
        x[t] = np.zeros((vocab_size, 1))
        if X[t] is not None:
            x[t][X[t]] = 1
        a[t], y_hat[t] = rnn_step_forward(parameters, a[t - 1], x[t])
        loss -= np.log(y_hat[t][Y[t], 0])
    return loss, (y_hat, a, x)


def rnn_step_backward(dy, gradients, parameters, x, a, a_prev):
    """Add one time step's contribution to the gradients; gradients["da_next"] carries dL/da back."""
    gradients["dWya"] += np.dot(dy, a.T)
    gradients["dby"] += dy
    da = np.dot(parameters["Wya"].T, dy) + gradients["da_next"]
    dz = (1 - a * a) * da  # through tanh
    gradients["db"] += dz
    gradients["dWax"] += np.dot(dz, x.T)
    gradients["dWaa"] += np.dot(dz, a_prev.T)
    gradients["da_next"] = np.dot(parameters["Waa"].T, dz)
    return gradients


def rnn_backward(X, Y, parameters, cache):
    """Backpropagation through time over one name.

    Returns gradients {"dWax", "dWaa", "dWya", "db", "dby"} and a, the hidden states of the forward
    pass (a dict keyed by time step, a[-1] being the initial state).
    """
    y_hat, a, x = cache
    gradients = {"dWax": np.zeros_like(parameters["Wax"]), "dWaa": np.zeros_like(parameters["Waa"]),
                 "dWya": np.zeros_like(parameters["Wya"]), "db": np.zeros_like(parameters["b"]),
                 "dby": np.zeros_like(parameters["by"]), "da_next": np.zeros_like(a[0])}
    for t in reversed(range(len(X))):
        dy = np.copy(y_hat[t])
        dy[Y[t]] -= 1  # softmax followed by cross-entropy
        gradients = rnn_step_backward(dy, gradients, parameters, x[t], a[t], a[t - 1])
    del gradients["da_next"]
    return gradients, a


def update_parameters(parameters, gradients, lr):
    """One step of gradient descent. Changes the arrays of `parameters` in place and returns the dict."""
    parameters["Wax"] += -lr * gradients["dWax"]
    parameters["Waa"] += -lr * gradients["dWaa"]
    parameters["Wya"] += -lr * gradients["dWya"]
    parameters["b"] += -lr * gradients["db"]
    parameters["by"] += -lr * gradients["dby"]
    return parameters


def get_sample(sample_ix, ix_to_char):
    """The sampled indices as text, first letter capitalised (the newline at the end is kept)."""
    txt = "".join(ix_to_char[ix] for ix in sample_ix)
    return txt[:1].upper() + txt[1:]


def print_sample(sample_ix, ix_to_char):
    """Print the sampled name on one line."""
    print(get_sample(sample_ix, ix_to_char).replace("\n", ""))
