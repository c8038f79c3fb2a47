"""The convolution reference against independent oracles: finite differences, a loop-free
convolution, the course's published values, ties in max pooling.

Also checks that answers written differently from the reference (vectorized, or with the
`float(b)` idiom of both course versions) earn full marks on every hidden case, and that the
picture and helpers behave as the notebook says.
"""

import matplotlib
import numpy as np
import pytest

from alternatives import assert_right_on_hidden_cases
from oracles import numeric_gradient, rel_error

from autograder import paths, reference, spec

matplotlib.use("Agg")

AID = "c4w1_convolution_step_by_step"
ref = reference.load(AID)
utils = reference.import_course_file(AID, paths.COURSE / AID / "conv_utils.py", "conv_utils_under_test")
fixtures = reference.import_course_file(AID, paths.COURSE / AID / "testCases.py", "conv_test_cases_under_test")


def convolve(A_prev, W, b, stride, pad):
    """Convolution as one einsum over strided windows (no loops over positions)."""
    f = W.shape[0]
    A = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    windows = np.lib.stride_tricks.sliding_window_view(A, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    return np.einsum("mhwkij,ijkc->mhwc", windows, W) + b


def pool(A_prev, f, stride, mode):
    windows = np.lib.stride_tricks.sliding_window_view(A_prev, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    return windows.max(axis=(4, 5)) if mode == "max" else windows.mean(axis=(4, 5))


# ---- forward passes against a loop-free oracle ----

@pytest.mark.parametrize("m,n_H,n_W,n_C_prev,f,n_C,stride,pad",
                         [(2, 5, 7, 3, 3, 2, 2, 1), (1, 4, 4, 2, 2, 3, 1, 0), (2, 6, 5, 1, 3, 2, 3, 2),
                          (3, 3, 6, 2, 1, 1, 2, 0)])
def test_conv_forward_matches_a_loop_free_convolution(m, n_H, n_W, n_C_prev, f, n_C, stride, pad):
    rng = np.random.RandomState(m + n_H + f)
    A_prev, W, b = rng.randn(m, n_H, n_W, n_C_prev), rng.randn(f, f, n_C_prev, n_C), rng.randn(1, 1, 1, n_C)
    Z, cache = ref.conv_forward(A_prev, W, b, {"stride": stride, "pad": pad})
    assert Z.shape == (m, (n_H - f + 2 * pad) // stride + 1, (n_W - f + 2 * pad) // stride + 1, n_C)
    assert np.allclose(Z, convolve(A_prev, W, b, stride, pad))
    assert np.allclose(Z, fixtures._convolve(A_prev, W, b, stride, pad))  # the fixture's own helper
    assert cache[0] is A_prev and cache[1] is W and cache[2] is b and cache[3] == {"stride": stride, "pad": pad}


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("f,stride", [(2, 2), (3, 1), (2, 3)])
def test_pool_forward_matches_strided_windows(mode, f, stride):
    A_prev = np.random.RandomState(f * 10 + stride).randn(2, 7, 6, 3)
    A, cache = ref.pool_forward(A_prev, {"f": f, "stride": stride}, mode)
    assert np.allclose(A, pool(A_prev, f, stride, mode))
    assert cache == (A_prev, {"f": f, "stride": stride})


# ---- backward passes against finite differences ----

@pytest.mark.parametrize("m,n_H,n_W,n_C_prev,f,n_C,stride,pad",
                         [(2, 5, 6, 2, 3, 2, 2, 1), (1, 4, 5, 3, 2, 2, 1, 0), (2, 6, 4, 1, 3, 3, 3, 2),
                          (1, 5, 5, 2, 3, 1, 2, 0)])
def test_conv_backward_matches_finite_differences(m, n_H, n_W, n_C_prev, f, n_C, stride, pad):
    rng = np.random.RandomState(n_H * 7 + n_W + stride)
    A_prev, W, b = rng.randn(m, n_H, n_W, n_C_prev), rng.randn(f, f, n_C_prev, n_C), rng.randn(1, 1, 1, n_C)
    hparameters = {"stride": stride, "pad": pad}
    Z, cache = ref.conv_forward(A_prev, W, b, hparameters)
    dZ = rng.randn(*Z.shape)

    def cost():  # J = sum(Z * dZ), so dJ/dZ = dZ
        return np.sum(convolve(A_prev, W, b, stride, pad) * dZ)

    dA_prev, dW, db = ref.conv_backward(dZ, cache)
    assert db.shape == (1, 1, 1, n_C)
    for name, got, value in (("dA_prev", dA_prev, A_prev), ("dW", dW, W), ("db", db, b)):
        assert rel_error(got, numeric_gradient(cost, value)) < 1e-6, name


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("f,stride", [(2, 1), (3, 2), (2, 2), (2, 3)])
def test_pool_backward_matches_finite_differences(mode, f, stride):
    rng = np.random.RandomState(f * 10 + stride)
    A_prev = rng.randn(2, 6, 7, 2)  # distinct values: max pooling is differentiable there
    A, cache = ref.pool_forward(A_prev, {"f": f, "stride": stride}, mode)
    dA = rng.randn(*A.shape)

    def cost():
        return np.sum(pool(A_prev, f, stride, mode) * dA)

    assert rel_error(ref.pool_backward(dA, cache, mode), numeric_gradient(cost, A_prev)) < 1e-6


# ---- ties: every tied maximum is marked and gets the full gradient ----

def test_mask_marks_every_tied_maximum():
    x = np.array([[1.0, 3.0, 3.0], [3.0, -2.0, 0.5]])
    assert create_mask(x).tolist() == [[False, True, True], [True, False, False]]
    assert create_mask(np.array([[-1.0]])).tolist() == [[True]]


def create_mask(x):
    mask = ref.create_mask_from_window(x)
    assert mask.dtype == bool and mask.shape == x.shape
    return mask


def test_pool_backward_gives_each_tied_maximum_the_full_gradient():
    A_prev = np.zeros((1, 2, 4, 1))
    A_prev[0, :, :, 0] = [[5, 1, 2, 2], [5, 0, 2, 2]]
    dA_prev = ref.pool_backward(np.array([[[[3.0], [7.0]]]]), (A_prev, {"f": 2, "stride": 2}), "max")
    assert dA_prev[0, :, :, 0].tolist() == [[3, 0, 7, 7], [3, 0, 7, 7]]


def test_hidden_tie_cases_really_have_ties():
    for variant in range(4):
        windows = [case.args[0] for case in spec.cases(AID, "create_mask_from_window", variant)]
        assert [int(ref.create_mask_from_window(x).sum()) for x in windows] == [1, 2, 1, 3]
        tied = [case for case in spec.cases(AID, "pool_backward", variant) if "tied" in case.label]
        assert len(tied) == 2
        for case in tied:
            A_prev, hp = case.args[1]
            first = A_prev[:, :hp["f"], :hp["f"], :]
            assert np.all((first == first.max(axis=(1, 2), keepdims=True)).sum(axis=(1, 2)) >= 2)


# ---- the course's published values (same seeds, same draws) ----

def test_zero_pad_course_values():
    np.random.seed(1)
    x = np.random.randn(4, 3, 3, 2)
    x_pad = ref.zero_pad(x, 3)
    assert x_pad.shape == (4, 9, 9, 2)
    assert np.allclose(x[1, 1], [[0.90085595, -0.68372786], [-0.12289023, -0.93576943], [-0.26788808, 0.53035547]])
    assert np.all(x_pad[1, 1] == 0) and np.array_equal(x_pad[:, 3:-3, 3:-3, :], x)


def test_conv_single_step_course_value():
    np.random.seed(1)
    a_slice_prev, W, b = np.random.randn(4, 4, 3), np.random.randn(4, 4, 3), np.random.randn(1, 1, 1)
    assert np.isclose(ref.conv_single_step(a_slice_prev, W, b), -6.999089450680221, rtol=1e-12)


def test_conv_forward_and_backward_course_values():
    np.random.seed(1)
    A_prev, W, b = np.random.randn(10, 4, 4, 3), np.random.randn(2, 2, 3, 8), np.random.randn(1, 1, 1, 8)
    Z, cache = ref.conv_forward(A_prev, W, b, {"pad": 2, "stride": 2})
    assert np.isclose(np.mean(Z), 0.048995203528855794)
    assert np.allclose(Z[3, 2, 1], [-0.61490741, -6.7439236, -2.55153897, 1.75698377, 3.56208902,
                                    0.53036437, 5.18531798, 8.75898442])
    assert np.allclose(cache[0][1][2][3], [-0.20075807, 0.18656139, 0.41005165])
    dA, dW, db = ref.conv_backward(Z, cache)
    assert np.allclose([np.mean(dA), np.mean(dW), np.mean(db)], [1.45243777754, 1.72699145831, 7.83923256462])


def test_conv_forward_2021_course_values():
    Z, cache = ref.conv_forward(*fixtures.conv_forward_test_case())
    assert Z.shape == (2, 3, 4, 8)
    assert np.isclose(np.mean(Z), 0.5511276474566768)
    assert np.allclose(Z[0, 2, 1], [-2.17796037, 8.07171329, -0.5772704, 3.36286738, 4.48113645,
                                    -2.89198428, 10.99288867, 3.03171932])


def test_pool_forward_course_values():
    np.random.seed(1)
    A_prev = np.random.randn(2, 4, 4, 3)
    A, _ = ref.pool_forward(A_prev, {"stride": 2, "f": 3}, "max")
    assert np.allclose(A.ravel(), [1.74481176, 0.86540763, 1.13376944, 1.13162939, 1.51981682, 2.18557541])
    A, _ = ref.pool_forward(A_prev, {"stride": 2, "f": 3}, "average")
    assert np.allclose(A.ravel(), [0.02105773, -0.20328806, -0.40389855, -0.22154621, 0.51716526, 0.48155844])


def test_mask_and_distribute_course_values():
    np.random.seed(1)
    assert ref.create_mask_from_window(np.random.randn(2, 3)).tolist() == [[True, False, False], [False, False, False]]
    assert np.array_equal(ref.distribute_value(2, (2, 2)), np.full((2, 2), 0.5))


def test_pool_backward_course_values():
    np.random.seed(1)
    A_prev = np.random.randn(5, 5, 3, 2)
    _, cache = ref.pool_forward(A_prev, {"stride": 1, "f": 2})
    dA = np.random.randn(5, 4, 2, 2)
    assert np.isclose(np.mean(dA), 0.145713902729)
    assert np.allclose(ref.pool_backward(dA, cache, "max")[1, 1], [[0, 0], [5.05844394, -1.68282702], [0, 0]])
    assert np.allclose(ref.pool_backward(dA, cache, "average")[1, 1],
                       [[0.08485462, 0.2787552], [1.26461098, -0.25749373], [1.17975636, -0.53624893]])


def test_fixtures_are_the_course_draws():
    x, pad = fixtures.zero_pad_test_case()
    np.random.seed(1)
    assert pad == 3 and np.array_equal(x, np.random.randn(4, 3, 3, 2))
    dZ, cache = fixtures.conv_backward_test_case()
    np.random.seed(1)
    A_prev = np.random.randn(10, 4, 4, 3)
    assert np.array_equal(cache[0], A_prev) and cache[3] == {"pad": 2, "stride": 2}
    assert np.allclose(dZ, ref.conv_forward(*cache)[0])


# ---- other right answers pass every hidden case ----

def _conv_single_step_float_b(a_slice_prev, W, b):
    s = np.multiply(a_slice_prev, W)
    Z = np.sum(s)
    return Z + float(b)  # both course versions' idiom: a DeprecationWarning on numpy 2.3


def _conv_forward_vectorized(A_prev, W, b, hparameters):
    return convolve(A_prev, W, b, hparameters["stride"], hparameters["pad"]), (A_prev, W, b, hparameters)


def _conv_backward_vectorized(dZ, cache):
    A_prev, W, b, hparameters = cache
    stride, pad, f = hparameters["stride"], hparameters["pad"], W.shape[0]
    A = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    dA = np.zeros_like(A)
    dW = np.zeros_like(W)
    n_H, n_W = dZ.shape[1], dZ.shape[2]
    for i in range(f):
        for j in range(f):
            rows, cols = slice(i, i + stride * (n_H - 1) + 1, stride), slice(j, j + stride * (n_W - 1) + 1, stride)
            dA[:, rows, cols, :] += np.einsum("mhwc,kc->mhwk", dZ, W[i, j])
            dW[i, j] = np.einsum("mhwk,mhwc->kc", A[:, rows, cols, :], dZ)
    dA_prev = dA[:, pad:pad + A_prev.shape[1], pad:pad + A_prev.shape[2], :]
    return dA_prev, dW, dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, -1)


def _mask_with_greater_equal(x):
    return (x >= x.max()).astype(float)


def _distribute_with_full(dz, shape):
    return np.full(shape, dz / np.prod(shape))


ALTERNATIVES = {
    "conv_single_step": _conv_single_step_float_b,
    "conv_forward": _conv_forward_vectorized,
    "conv_backward": _conv_backward_vectorized,
    "pool_forward": lambda A_prev, hparameters, mode="max": (
        pool(A_prev, hparameters["f"], hparameters["stride"], mode), (A_prev, hparameters)),
    "create_mask_from_window": _mask_with_greater_equal,
    "distribute_value": _distribute_with_full,
    "zero_pad": lambda X, pad: np.pad(X, [(0, 0), (pad, pad), (pad, pad), (0, 0)]),
}


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_other_correct_answers_pass_every_hidden_case(name):
    assert_right_on_hidden_cases(AID, name, ALTERNATIVES[name], variants=(0, 1))


def test_hidden_conv_cases_cover_the_contract():
    """Strides 1, 2, 3; pad 0 and pad > 0; non-square inputs; m = 1; floors that matter."""
    for name in ("conv_forward", "conv_backward"):
        hps = [case.args[-1] if name == "conv_forward" else case.args[1][3] for case in spec.cases(AID, name)]
        assert {hp["stride"] for hp in hps} == {1, 2, 3} and {0} < {hp["pad"] for hp in hps}
    pools = [case.args[1] if len(case.args) > 1 and isinstance(case.args[1], dict) else case.args[1][1]
             for name in ("pool_forward", "pool_backward") for case in spec.cases(AID, name)]
    assert {(hp["stride"] > hp["f"]) - (hp["stride"] < hp["f"]) for hp in pools} == {-1, 0, 1}


# ---- the picture and the helpers ----

def test_portrait():
    portrait = utils.load_portrait()
    assert portrait.shape == (1, 150, 128, 3) and portrait.dtype == float
    assert 0 <= portrait.min() and portrait.max() <= 1 and portrait.std() > 0.1
    assert utils.to_gray(portrait).shape == (1, 150, 128, 1)
    notice = " ".join((paths.COURSE / AID / "images" / "LICENSE-images.txt").read_text().split())
    assert "public domain" in notice and "matplotlib" in notice


def test_edge_filter_finds_vertical_edges():
    """The notebook's claim: the filter responds at a vertical edge and not in flat regions."""
    picture = np.zeros((1, 6, 6, 1))
    picture[0, :, 3:, 0] = 1.0
    sobel = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])[:, :, None, None]
    Z, _ = ref.conv_forward(picture, sobel, np.zeros((1, 1, 1, 1)), {"stride": 1, "pad": 1})
    assert Z.shape == picture.shape
    assert np.all(Z[0, 1:-1, 2:4, 0] == 4) and np.all(Z[0, 1:-1, [0, 5], 0] <= 0)


def test_show_row_draws_every_picture():
    import matplotlib.pyplot as plt
    fig = utils.show_row([np.zeros((4, 5, 3)), np.zeros((4, 5, 1)), np.ones((3, 3))], ["a", "b", "c"])
    assert len(fig.axes) == 3 and fig.axes[1].get_title() == "b\n4 x 5"
    plt.close(fig)
