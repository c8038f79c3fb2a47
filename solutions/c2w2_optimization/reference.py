"""Reference solutions: Optimization Methods.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
The update functions write the new values into the dictionaries they are given and return them,
as the course's code does.
"""
import math

import numpy as np


def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of gradient descent on every layer: W = W - learning_rate * dW, b likewise.

    parameters -- {"W1", "b1", ..., "WL", "bL"};  grads -- {"dW1", "db1", ..., "dWL", "dbL"}
    Returns the updated parameters.
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
        ### END SOLUTION
    return parameters


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the examples (columns) of X and Y together, then cut them into mini-batches.

    X -- (n_x, m);  Y -- (1, m)
    Returns a list of (mini_batch_X, mini_batch_Y): full batches of mini_batch_size examples, then
    one smaller batch with the examples left over, if any.
    """
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        ### BEGIN SOLUTION
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        ### END SOLUTION
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)
    if m % mini_batch_size != 0:
        ### BEGIN SOLUTION
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:]
        ### END SOLUTION
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)
    return mini_batches


def initialize_velocity(parameters):
    """The velocity of momentum: zeros shaped like each parameter, under the gradient's name.

    Returns v = {"dW1": zeros like W1, "db1": zeros like b1, ...}.
    """
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        ### END SOLUTION
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One step of gradient descent with momentum.

    v = beta * v + (1 - beta) * dW, then W = W - learning_rate * v (and the same for b).
    Returns the updated parameters and the updated velocity v.
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
        ### END SOLUTION
    return parameters, v


def initialize_adam(parameters):
    """Adam's two running averages, both zeros shaped like each parameter, under the gradient's name.

    Returns v (average of the gradients) and s (average of the squared gradients), each
    {"dW1": zeros like W1, "db1": zeros like b1, ...}.
    """
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        ### END SOLUTION
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01,
                                beta1=0.9, beta2=0.999, epsilon=1e-8):
    """One step of Adam; t counts the steps taken so far, this one included (t >= 1).

    v = beta1 v + (1 - beta1) dW,  s = beta2 s + (1 - beta2) dW**2,
    v_corrected = v / (1 - beta1**t),  s_corrected = s / (1 - beta2**t),
    W = W - learning_rate * v_corrected / (sqrt(s_corrected) + epsilon), and the same for b.
    Returns parameters, v, s (updated), and the bias-corrected v_corrected, s_corrected.
    """
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        for p in ("W", "b"):
            g = "d" + p + str(l)
            v[g] = beta1 * v[g] + (1 - beta1) * grads[g]
            v_corrected[g] = v[g] / (1 - beta1 ** t)
            s[g] = beta2 * s[g] + (1 - beta2) * grads[g] ** 2
            s_corrected[g] = s[g] / (1 - beta2 ** t)
            step = v_corrected[g] / (np.sqrt(s_corrected[g]) + epsilon)
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * step
        ### END SOLUTION
    return parameters, v, s, v_corrected, s_corrected


def update_lr(learning_rate0, epoch_num, decay_rate):
    """The learning rate after epoch_num epochs: learning_rate0 / (1 + decay_rate * epoch_num)."""
    ### BEGIN SOLUTION
    learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)
    ### END SOLUTION
    return learning_rate


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """The learning rate lowered in steps, once every time_interval epochs:
    learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))."""
    ### BEGIN SOLUTION
    learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))
    ### END SOLUTION
    return learning_rate
