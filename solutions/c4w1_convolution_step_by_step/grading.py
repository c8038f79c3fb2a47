"""Hidden cases and known mistakes for "Convolutional Model: Step by Step".

Sizes stay small (a learner's four nested loops must finish in well under a second per case) but
vary what the visible fixtures hold fixed: stride 1, 2 and 3, pad 0 (where unpadding with
[pad:-pad] breaks), filter sizes 1 to 3, non-square inputs, one or several channels, m = 1,
pooling windows that overlap (stride < f), tile (stride = f) or leave gaps (stride > f), and
windows with tied maxima (every tied maximum is marked and gets the full gradient).
"""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {
    "conv_forward": ["zero_pad", "conv_single_step"],
    "conv_backward": ["zero_pad"],
    "pool_backward": ["create_mask_from_window", "distribute_value"],
}


def _out_size(n_prev, f, pad, stride):
    return int((n_prev - f + 2 * pad) / stride) + 1


def zero_pad_cases():
    cases = []
    for seed, (shape, pad) in enumerate([((2, 3, 5, 2), 1), ((1, 4, 2, 3), 2), ((3, 2, 2, 1), 3)]):
        rng = case_rng(100 + seed)
        cases.append(Case(f"X {shape}, pad={pad}", (rng.randn(*shape), pad)))
    return cases


def conv_single_step_cases():
    cases = []
    for seed, (f, n_C) in enumerate([(3, 2), (1, 1), (2, 4), (5, 1)]):
        rng = case_rng(110 + seed)
        args = (rng.randn(f, f, n_C), rng.randn(f, f, n_C), rng.randn(1, 1, 1))
        cases.append(Case(f"f={f}, n_C_prev={n_C}", args))
    return cases


# (m, n_H_prev, n_W_prev, n_C_prev, f, n_C, stride, pad)
CONV_SHAPES = [(2, 5, 7, 3, 3, 2, 2, 1), (1, 4, 4, 2, 2, 3, 1, 0), (3, 6, 5, 2, 3, 1, 3, 2),
               (2, 3, 6, 2, 1, 2, 2, 0)]


def _conv_label(m, n_H, n_W, n_C_prev, f, n_C, stride, pad):
    return f"A_prev ({m}, {n_H}, {n_W}, {n_C_prev}), f={f}, n_C={n_C}, stride={stride}, pad={pad}"


def _conv_inputs(rng, m, n_H, n_W, n_C_prev, f, n_C, stride, pad):
    A_prev = rng.randn(m, n_H, n_W, n_C_prev)
    W = rng.randn(f, f, n_C_prev, n_C)
    b = rng.randn(1, 1, 1, n_C)
    return A_prev, W, b, {"stride": stride, "pad": pad}


def conv_forward_cases():
    return [Case(_conv_label(*shape), _conv_inputs(case_rng(120 + seed), *shape))
            for seed, shape in enumerate(CONV_SHAPES)]


# (m, n_H_prev, n_W_prev, n_C, f, stride, mode or None for the default)
POOL_SHAPES = [(2, 5, 5, 3, 3, 2, "max"), (1, 4, 6, 2, 2, 2, "average"), (2, 7, 5, 1, 3, 1, "max"),
               (3, 6, 7, 2, 2, 3, "average"), (2, 5, 4, 3, 3, 1, None)]


def _pool_label(m, n_H, n_W, n_C, f, stride, mode):
    how = "overlapping" if stride < f else "tiling" if stride == f else "spaced"
    return (f"{mode or 'default'} mode, A_prev ({m}, {n_H}, {n_W}, {n_C}), f={f}, stride={stride}"
            f" ({how} windows)")


def pool_forward_cases():
    cases = []
    for seed, (m, n_H, n_W, n_C, f, stride, mode) in enumerate(POOL_SHAPES):
        rng = case_rng(130 + seed)
        args = (rng.randn(m, n_H, n_W, n_C), {"stride": stride, "f": f})
        cases.append(Case(_pool_label(m, n_H, n_W, n_C, f, stride, mode), args if mode is None else (*args, mode)))
    return cases


def conv_backward_cases():
    cases = []
    for seed, shape in enumerate(CONV_SHAPES):
        rng = case_rng(140 + seed)
        m, n_H_prev, n_W_prev, _, f, n_C, stride, pad = shape
        cache = _conv_inputs(rng, *shape)
        n_H, n_W = _out_size(n_H_prev, f, pad, stride), _out_size(n_W_prev, f, pad, stride)
        cases.append(Case(_conv_label(*shape), (rng.randn(m, n_H, n_W, n_C), cache)))
    return cases


def _with_tied_maxima(rng, shape, ties):
    """A random window in which `ties` entries (at drawn places) share the maximum."""
    x = rng.randn(*shape)
    places = rng.permutation(x.size)[:ties]
    x.flat[places] = np.abs(x).max() + 1 + rng.rand()
    return x


def create_mask_from_window_cases():
    rng = case_rng(150)
    return [Case("3x3 window, one maximum", (rng.randn(3, 3),)),
            Case("2x4 window, two tied maxima", (_with_tied_maxima(rng, (2, 4), 2),)),
            Case("1x1 window", (rng.randn(1, 1),)),
            Case("3x2 window, three tied maxima", (_with_tied_maxima(rng, (3, 2), 3),))]


def distribute_value_cases():
    rng = case_rng(160)
    return [Case(f"shape {shape}", (float(np.round(rng.uniform(0.5, 4) * rng.choice([-1, 1]), 6)), shape))
            for shape in [(2, 3), (3, 1), (4, 4), (1, 5)]]


# (m, n_H_prev, n_W_prev, n_C, f, stride, mode or None, tied)
POOL_BACK_SHAPES = [(2, 5, 6, 2, 3, 2, "max", False), (1, 4, 4, 3, 2, 2, "average", False),
                    (2, 5, 4, 2, 2, 1, "average", False), (2, 4, 6, 2, 2, 2, "max", True),
                    (1, 6, 5, 2, 3, 3, None, False), (1, 4, 5, 1, 2, 1, "max", True)]


def pool_backward_cases():
    cases = []
    for seed, (m, n_H_prev, n_W_prev, n_C, f, stride, mode, tied) in enumerate(POOL_BACK_SHAPES):
        rng = case_rng(170 + seed)
        if tied:  # small integers tie often; the first window of every channel surely does
            A_prev = rng.randint(0, 3, size=(m, n_H_prev, n_W_prev, n_C)).astype(float)
            A_prev[:, 0, 0, :] = A_prev[:, 1, 1, :] = 3.0
        else:
            A_prev = rng.randn(m, n_H_prev, n_W_prev, n_C)
        n_H, n_W = _out_size(n_H_prev, f, 0, stride), _out_size(n_W_prev, f, 0, stride)
        dA = rng.randn(m, n_H, n_W, n_C)
        args = (dA, (A_prev, {"stride": stride, "f": f}))
        label = _pool_label(m, n_H_prev, n_W_prev, n_C, f, stride, mode) + (", tied maxima" if tied else "")
        cases.append(Case(label, args if mode is None else (*args, mode)))
    return cases


MISTAKES = {
    "zero_pad": [
        Mistake("Pad only the height and width axes: np.pad(X, pad) pads the batch and channel axes too.",
                "np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode=\"constant\", constant_values=0)",
                "np.pad(X, pad, mode=\"constant\", constant_values=0)"),
        Mistake("The channel axis (the last one) gets no padding: its pair is (0, 0).",
                "((0, 0), (pad, pad), (pad, pad), (0, 0))", "((0, 0), (pad, pad), (pad, pad), (pad, pad))"),
        Mistake("The axes are (m, n_H, n_W, n_C): pad axes 1 and 2, not the batch axis 0.",
                "((0, 0), (pad, pad), (pad, pad), (0, 0))", "((pad, pad), (pad, pad), (0, 0), (0, 0))"),
        Mistake("Pad both sides: (pad, pad) puts pad zeros before and after.",
                "((0, 0), (pad, pad), (pad, pad), (0, 0))", "((0, 0), (0, pad), (0, pad), (0, 0))"),
        Mistake("Pad with zeros (mode=\"constant\"), not by repeating the border.",
                "mode=\"constant\", constant_values=0", "mode=\"edge\""),
    ],
    "conv_single_step": [
        Mistake("Add the bias b to the sum.", "    Z = Z + b.item()\n", ""),
        Mistake("Z must be a scalar: turn b into a number (float(b) or b.item()) before adding it; "
                "Z + b keeps b's shape (1, 1, 1).", "Z = Z + b.item()", "Z = Z + b"),
        Mistake("Add b once, after summing: adding it to every product adds it f*f*n_C times.",
                "s = a_slice_prev * W\n", "s = a_slice_prev * W + b\n"),
        Mistake("Sum the elementwise products (np.sum), do not average them.",
                "Z = np.sum(s)", "Z = np.mean(s)"),
        Mistake("Sum over the whole window to get one number, not an array.",
                "Z = np.sum(s)", "Z = np.sum(s, axis=-1)"),
    ],
    "conv_forward": [
        Mistake("Windows start every `stride` rows: vert_start = h * stride.",
                "vert_start = h * stride", "vert_start = h"),
        Mistake("Slide over the padded input A_prev_pad, not A_prev.",
                "a_prev_pad = A_prev_pad[i]", "a_prev_pad = A_prev[i]"),
        Mistake("The padding adds 2 * pad rows: n_H = int((n_H_prev - f + 2 * pad) / stride) + 1.",
                "n_H = int((n_H_prev - f + 2 * pad) / stride) + 1", "n_H = int((n_H_prev - f + pad) / stride) + 1"),
        Mistake("n_H must be an integer: take int() of the division (it rounds down).",
                "n_H = int((n_H_prev - f + 2 * pad) / stride) + 1", "n_H = (n_H_prev - f + 2 * pad) / stride + 1"),
        Mistake("The output width comes from n_W_prev, not n_H_prev (inputs need not be square).",
                "n_W = int((n_W_prev", "n_W = int((n_H_prev"),
        Mistake("Channel c of the output uses filter c and bias c: b[:, :, :, c].",
                "biases = b[:, :, :, c]", "biases = b[:, :, :, 0]"),
    ],
    "pool_forward": [
        Mistake("Windows start every `stride` rows: vert_start = h * stride.",
                "vert_start = h * stride", "vert_start = h"),
        Mistake("In \"average\" mode take the mean of the window, not its maximum.",
                "A[i, h, w, c] = np.mean(a_prev_slice)", "A[i, h, w, c] = np.max(a_prev_slice)"),
        Mistake("Pool each channel on its own: the window is A_prev[i, rows, columns, c].",
                "horiz_start:horiz_end, c]", "horiz_start:horiz_end, :]"),
        Mistake("A window is f wide (vert_end = vert_start + f); the stride only says where it starts.",
                "vert_end = vert_start + f", "vert_end = vert_start + stride"),
        Mistake("The output width comes from n_W_prev, not n_H_prev (inputs need not be square).",
                "for w in range(n_W):", "for w in range(n_H):"),
    ],
    "conv_backward": [
        Mistake("Windows start every `stride` rows: vert_start = h * stride.",
                "vert_start = h * stride", "vert_start = h"),
        Mistake("Remove the padding from da_prev_pad before storing it in dA_prev.",
                "dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]",
                "dA_prev[i, :, :, :] = da_prev_pad"),
        Mistake("da_prev_pad[pad:-pad] is empty when pad = 0: slice pad:pad + n_H_prev instead.",
                "da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]", "da_prev_pad[pad:-pad, pad:-pad, :]"),
        Mistake("db sums dZ over every example and position: use += in the loop.",
                "db[:, :, :, c] += dZ[i, h, w, c]", "db[:, :, :, c] = dZ[i, h, w, c]"),
        Mistake("dW accumulates over every window: use += in the loop.",
                "dW[:, :, :, c] += a_slice", "dW[:, :, :, c] = a_slice"),
        Mistake("Windows overlap: add (+=) each window's share to da_prev_pad instead of overwriting it.",
                "da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] +=",
                "da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] ="),
        Mistake("dA_prev gets the filter times dZ (W[:, :, :, c] * dZ[i, h, w, c]); dW gets the input window.",
                "+= W[:, :, :, c] * dZ[i, h, w, c]", "+= a_slice * dZ[i, h, w, c]"),
        Mistake("dW needs the window of the padded input a_prev_pad, where the forward pass read it.",
                "a_slice = a_prev_pad[", "a_slice = A_prev[i]["),
    ],
    "create_mask_from_window": [
        Mistake("Mark every entry equal to the maximum (x == np.max(x)); np.argmax finds only the first.",
                "mask = x == np.max(x)",
                "mask = np.zeros(x.shape, dtype=bool)\n    mask[np.unravel_index(np.argmax(x), x.shape)] = True"),
        Mistake("Nothing is greater than the maximum: compare with ==.", "mask = x == np.max(x)",
                "mask = x > np.max(x)"),
        Mistake("Take the maximum of the whole window, not of each column (no axis).",
                "np.max(x)", "np.max(x, axis=0)"),
        Mistake("The mask marks the maximum, not the minimum.", "np.max(x)", "np.min(x)"),
    ],
    "distribute_value": [
        Mistake("Each of the n_H * n_W entries gets dz / (n_H * n_W).",
                "average = dz / (n_H * n_W)", "average = dz"),
        Mistake("Divide by the number of entries n_H * n_W, not by n_H alone.",
                "average = dz / (n_H * n_W)", "average = dz / n_H"),
        Mistake("The window has n_H * n_W entries, not n_H + n_W.",
                "average = dz / (n_H * n_W)", "average = dz / (n_H + n_W)"),
        Mistake("Make the array of the given shape (n_H, n_W); windows need not be square.",
                "np.ones(shape)", "np.ones((n_H, n_H))"),
        Mistake("Use true division (/): // rounds the share down.",
                "dz / (n_H * n_W)", "dz // (n_H * n_W)"),
    ],
    "pool_backward": [
        Mistake("Windows start every `stride` rows: vert_start = h * stride.",
                "vert_start = h * stride", "vert_start = h"),
        Mistake("Each window passes back the one gradient dA[i, h, w, c], not the whole dA.",
                "mask * dA[i, h, w, c]", "mask * dA"),
        Mistake("Windows may overlap: add (+=) each window's gradient to dA_prev instead of overwriting.",
                "+=", "="),
        Mistake("In \"average\" mode spread the gradient evenly (distribute_value); the mask belongs to \"max\".",
                "distribute_value(da, (f, f))",
                "create_mask_from_window(a_prev[vert_start:vert_end, horiz_start:horiz_end, c]) * da"),
        Mistake("Build the mask from the input window A_prev, which the forward pass took the maximum of.",
                "create_mask_from_window(a_prev_slice)",
                "create_mask_from_window(dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c])"),
        Mistake("With tied maxima every tied entry gets the gradient (create_mask_from_window), not only the "
                "first (np.argmax).", "mask = create_mask_from_window(a_prev_slice)",
                "mask = np.zeros(a_prev_slice.shape)\n"
                "                        mask[np.unravel_index(np.argmax(a_prev_slice), a_prev_slice.shape)] = 1"),
    ],
}
