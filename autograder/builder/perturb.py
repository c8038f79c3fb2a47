"""Make numpy's results come out one ulp off, to test that the build is the same on every CPU.

Off unless AUTOGRADER_PERTURB_LAST_BITS is set (tests/test_portable_build.py sets it). Another CPU,
or another BLAS kernel, changes the last bits of products and of exp/log/tanh; this imitates that
on any machine, without touching the BLAS: long trainings then drift as they would elsewhere.
The build runs `install()` in its own process while it computes public_expected.json, and in the
kernel that runs the draft notebook (by executing this file's text there), so it needs numpy only.
"""
import os

import numpy as np

ENV = "AUTOGRADER_PERTURB_LAST_BITS"
NAMES = ("dot", "matmul", "exp", "log", "tanh")  # what the references and helpers call


def active():
    return bool(os.environ.get(ENV))


def _up(x):
    # whole numbers stay: every kernel gets exp(0) = 1, a relu's zeros or a count of labels exactly
    return np.where(x == np.round(x), x, np.nextafter(x, np.inf))


def one_ulp_up(value):
    """`value` with every float that is not a whole number moved one ulp towards +inf."""
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return _up(value)
    if isinstance(value, (float, np.floating)):
        return type(value)(_up(value))
    return value


def _nudged(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        out = kwargs.get("out")
        if isinstance(out, np.ndarray) and out.dtype.kind == "f":
            out[...] = _up(out)
            return out
        return one_ulp_up(result)
    return wrapper


def install():
    """Replace numpy's functions in NAMES by nudged ones; returns a function that puts them back."""
    saved = {name: getattr(np, name) for name in NAMES}
    for name, fn in saved.items():
        setattr(np, name, _nudged(fn))
    return lambda: [setattr(np, name, fn) for name, fn in saved.items()]


def nudge_json(node):
    """A to_jsonable tree with its floats one ulp up (whole numbers kept), as from another CPU."""
    if isinstance(node, float):
        return float(_up(node))
    if isinstance(node, list):
        return [nudge_json(v) for v in node]
    if isinstance(node, dict):
        return {k: nudge_json(v) for k, v in node.items()}
    return node
