"""Reference solutions: Batch normalization and softmax (ours; the course did this part in TensorFlow).

Each graded function has the signature of docs/API_c2w3_batchnorm_softmax.md; the part a learner
writes sits between `### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the
given scaffold.
"""
import numpy as np


def batchnorm_forward(Z, gamma, beta, epsilon=1e-8):
    """Batch normalization of one layer's linear outputs, in training mode.

    Z -- linear outputs of the layer for a mini-batch, (n, m)
    gamma, beta -- scale and shift of each unit, (n, 1)
    epsilon -- added to the variance before the square root
    Returns Z_tilde of shape (n, m) and cache = (Z, Z_norm, mu, var, gamma, beta, epsilon),
    with mu and var of shape (n, 1)
    """
    ### BEGIN SOLUTION
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)
    Z_norm = (Z - mu) / np.sqrt(var + epsilon)
    Z_tilde = gamma * Z_norm + beta
    ### END SOLUTION
    cache = (Z, Z_norm, mu, var, gamma, beta, epsilon)
    return Z_tilde, cache


def batchnorm_backward(dZ_tilde, cache):
    """Gradients of batch normalization, from the gradient of its output.

    dZ_tilde -- gradient of the cost with respect to Z_tilde, (n, m)
    cache -- (Z, Z_norm, mu, var, gamma, beta, epsilon) from batchnorm_forward
    Returns grads = {"dZ": (n, m), "dgamma": (n, 1), "dbeta": (n, 1)}
    """
    Z, Z_norm, mu, var, gamma, beta, epsilon = cache
    m = Z.shape[1]
    ### BEGIN SOLUTION
    dgamma = np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True)
    dbeta = np.sum(dZ_tilde, axis=1, keepdims=True)
    dZ_norm = dZ_tilde * gamma
    sum_dZ_norm = np.sum(dZ_norm, axis=1, keepdims=True)
    sum_dZ_norm_Z_norm = np.sum(dZ_norm * Z_norm, axis=1, keepdims=True)
    dZ = (m * dZ_norm - sum_dZ_norm - Z_norm * sum_dZ_norm_Z_norm) / (m * np.sqrt(var + epsilon))
    ### END SOLUTION
    grads = {"dZ": dZ, "dgamma": dgamma, "dbeta": dbeta}
    return grads


def update_running_averages(running_mean, running_var, mu, var, momentum=0.9):
    """Exponentially weighted averages of the mini-batch means and variances, for test time.

    running_mean, running_var -- the averages so far, (n, 1)
    mu, var -- mean and variance of the current mini-batch, (n, 1)
    momentum -- weight of the old average
    Returns (running_mean, running_var), each (n, 1)
    """
    ### BEGIN SOLUTION
    running_mean = momentum * running_mean + (1 - momentum) * mu
    running_var = momentum * running_var + (1 - momentum) * var
    ### END SOLUTION
    return running_mean, running_var


def batchnorm_inference(Z, gamma, beta, running_mean, running_var, epsilon=1e-8):
    """Batch normalization at test time: normalize with the running averages, not the batch.

    Z -- linear outputs, (n, m), any m (1 included)
    gamma, beta, running_mean, running_var -- (n, 1)
    Returns Z_tilde of shape (n, m)
    """
    ### BEGIN SOLUTION
    Z_norm = (Z - running_mean) / np.sqrt(running_var + epsilon)
    Z_tilde = gamma * Z_norm + beta
    ### END SOLUTION
    return Z_tilde


def softmax(Z):
    """Softmax of every column of Z, computed without overflow.

    Z -- (C, m), one column of C class scores per example
    Returns A of shape (C, m); every column is positive and sums to 1
    """
    ### BEGIN SOLUTION
    Z_shifted = Z - np.max(Z, axis=0, keepdims=True)
    exp_Z = np.exp(Z_shifted)
    A = exp_Z / np.sum(exp_Z, axis=0, keepdims=True)
    ### END SOLUTION
    return A


def compute_softmax_cost(Yhat, Y):
    """Cross-entropy cost of a softmax output, averaged over the examples.

    Yhat -- predicted probabilities, (C, m);  Y -- one-hot labels, (C, m)
    Returns the cost as a Python float
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    cost = -np.sum(Y * np.log(Yhat)) / m
    ### END SOLUTION
    cost = float(np.squeeze(cost))
    return cost


def softmax_cost_gradient(Yhat, Y):
    """Gradient of compute_softmax_cost with respect to the softmax input Z (1/m included).

    Yhat -- predicted probabilities, (C, m);  Y -- one-hot labels, (C, m)
    Returns dZ of shape (C, m)
    """
    m = Y.shape[1]
    ### BEGIN SOLUTION
    dZ = (Yhat - Y) / m
    ### END SOLUTION
    return dZ
