"""Activation functions for the step-by-step deep network, each with its backward pass.

The forward functions return a pair (A, cache) where cache is Z: the backward functions need Z to
compute the local derivative, and existing course code unpacks these pairs.
"""
import numpy as np


def sigmoid(Z):
    """Elementwise logistic function. Returns (A, Z)."""
    A = 1 / (1 + np.exp(-Z))
    return A, Z


def relu(Z):
    """Elementwise max(0, Z). Returns (A, Z)."""
    A = np.maximum(0, Z)
    return A, Z


def relu_backward(dA, cache):
    """dZ for a RELU unit: dA where Z > 0, zero elsewhere (Z is the cache)."""
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, cache):
    """dZ for a sigmoid unit: dA * s * (1 - s) with s = sigmoid(Z) (Z is the cache)."""
    Z = cache
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)
