"""Independent oracles for the reference solutions (cs231n style)."""
import numpy as np


def rel_error(a, b):
    """Largest relative difference between two arrays."""
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))


def numeric_gradient(f, x, h=1e-6):
    """Centred finite differences of the scalar f() with respect to every entry of x (changed in place)."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        plus = f()
        x[index] = old - h
        minus = f()
        x[index] = old
        grad[index] = (plus - minus) / (2 * h)
    return grad
