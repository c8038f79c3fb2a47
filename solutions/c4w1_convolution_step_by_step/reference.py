"""Reference solutions: Convolutional Model, Step by Step.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
Tensors are (m, n_H, n_W, n_C); filters W are (f, f, n_C_prev, n_C) and biases b (1, 1, 1, n_C).
"""
import numpy as np


def zero_pad(X, pad):
    """Surround every image of the batch with `pad` rows and columns of zeros.

    X -- images, (m, n_H, n_W, n_C);  pad -- how many zeros on each side
    Returns X_pad of shape (m, n_H + 2 pad, n_W + 2 pad, n_C)
    """
    ### BEGIN SOLUTION
    X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)
    ### END SOLUTION
    return X_pad


def conv_single_step(a_slice_prev, W, b):
    """One filter applied at one position: sum(a_slice_prev * W) + b.

    a_slice_prev -- a window of the input, (f, f, n_C_prev)
    W -- one filter, (f, f, n_C_prev);  b -- its bias, (1, 1, 1)
    Returns Z, a scalar
    """
    ### BEGIN SOLUTION
    s = a_slice_prev * W
    Z = np.sum(s)
    Z = Z + b.item()
    ### END SOLUTION
    return Z


def conv_forward(A_prev, W, b, hparameters):
    """Forward pass of a convolution layer.

    A_prev -- (m, n_H_prev, n_W_prev, n_C_prev);  W -- (f, f, n_C_prev, n_C);  b -- (1, 1, 1, n_C)
    hparameters -- {"stride": s, "pad": p}
    Returns Z of shape (m, n_H, n_W, n_C) and cache = (A_prev, W, b, hparameters)
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    ### BEGIN SOLUTION
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    n_H = int((n_H_prev - f + 2 * pad) / stride) + 1
    n_W = int((n_W_prev - f + 2 * pad) / stride) + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    weights = W[:, :, :, c]
                    biases = b[:, :, :, c]
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, weights, biases)
    ### END SOLUTION
    assert Z.shape == (m, n_H, n_W, n_C)
    cache = (A_prev, W, b, hparameters)
    return Z, cache


def pool_forward(A_prev, hparameters, mode="max"):
    """Forward pass of a pooling layer.

    A_prev -- (m, n_H_prev, n_W_prev, n_C);  hparameters -- {"f": f, "stride": s}
    mode -- "max" or "average"
    Returns A of shape (m, n_H, n_W, n_C) and cache = (A_prev, hparameters)
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    f = hparameters["f"]
    stride = hparameters["stride"]
    n_H = int(1 + (n_H_prev - f) / stride)
    n_W = int(1 + (n_W_prev - f) / stride)
    n_C = n_C_prev
    A = np.zeros((m, n_H, n_W, n_C))
    ### BEGIN SOLUTION
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]
                    if mode == "max":
                        A[i, h, w, c] = np.max(a_prev_slice)
                    elif mode == "average":
                        A[i, h, w, c] = np.mean(a_prev_slice)
    ### END SOLUTION
    assert A.shape == (m, n_H, n_W, n_C)
    cache = (A_prev, hparameters)
    return A, cache


def conv_backward(dZ, cache):
    """Backward pass of a convolution layer.

    dZ -- gradient of the cost with respect to conv_forward's output Z, (m, n_H, n_W, n_C)
    cache -- (A_prev, W, b, hparameters) from conv_forward
    Returns dA_prev (shape of A_prev), dW (shape of W), db (1, 1, 1, n_C)
    """
    (A_prev, W, b, hparameters) = cache
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    (m, n_H, n_W, n_C) = dZ.shape
    ### BEGIN SOLUTION
    dA_prev = np.zeros((m, n_H_prev, n_W_prev, n_C_prev))
    dW = np.zeros((f, f, n_C_prev, n_C))
    db = np.zeros((1, 1, 1, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]
    ### END SOLUTION
    assert dA_prev.shape == (m, n_H_prev, n_W_prev, n_C_prev)
    return dA_prev, dW, db


def create_mask_from_window(x):
    """Where the maximum of a window is: True at every entry equal to max(x), False elsewhere.

    x -- a window, (f, f)
    Returns mask, a boolean array of the shape of x
    """
    ### BEGIN SOLUTION
    mask = x == np.max(x)
    ### END SOLUTION
    return mask


def distribute_value(dz, shape):
    """Spread the gradient dz evenly over a window of the given shape.

    dz -- a scalar;  shape -- (n_H, n_W)
    Returns a, an array of that shape whose entries all equal dz / (n_H * n_W)
    """
    ### BEGIN SOLUTION
    (n_H, n_W) = shape
    average = dz / (n_H * n_W)
    a = np.ones(shape) * average
    ### END SOLUTION
    return a


def pool_backward(dA, cache, mode="max"):
    """Backward pass of a pooling layer.

    dA -- gradient of the cost with respect to pool_forward's output, (m, n_H, n_W, n_C)
    cache -- (A_prev, hparameters) from pool_forward;  mode -- "max" or "average"
    Returns dA_prev, of the shape of A_prev
    """
    (A_prev, hparameters) = cache
    stride = hparameters["stride"]
    f = hparameters["f"]
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    m, n_H, n_W, n_C = dA.shape
    ### BEGIN SOLUTION
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        a_prev = A_prev[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    if mode == "max":
                        a_prev_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]
                        mask = create_mask_from_window(a_prev_slice)
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += mask * dA[i, h, w, c]
                    elif mode == "average":
                        da = dA[i, h, w, c]
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += distribute_value(da, (f, f))
    ### END SOLUTION
    assert dA_prev.shape == A_prev.shape
    return dA_prev
