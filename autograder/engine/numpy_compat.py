"""Runs when a learner's grading kernel starts (an IPython startup file): numpy names that the
original course's code used and that numpy has removed since, restored as the aliases they were.

Learners of either version of the course wrote `np.float`, `np.int`, `np.asscalar(x)` or `np.NaN`
in right answers; on today's numpy these raise AttributeError. Names numpy still has are left alone.
"""
import warnings

import numpy as _np

_ALIASES = {
    "float": float, "int": int, "bool": bool, "object": object, "complex": complex, "str": str,
    "unicode": str, "float_": _np.float64, "complex_": _np.complex128, "string_": _np.bytes_,
    "unicode_": _np.str_, "NaN": _np.nan, "NAN": _np.nan, "Inf": _np.inf, "Infinity": _np.inf,
    "infty": _np.inf, "PINF": _np.inf, "NINF": -_np.inf, "PZERO": 0.0, "NZERO": -0.0,
    "asscalar": lambda a: _np.asarray(a).item(), "product": _np.prod, "cumproduct": _np.cumprod,
    "sometrue": _np.any, "alltrue": _np.all, "round_": _np.round, "mat": _np.asmatrix,
    "asfarray": lambda a, dtype=_np.float64: _np.asarray(a, dtype=dtype),
}


def restore():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # asking numpy for a removed name warns
        missing = {name: value for name, value in _ALIASES.items() if not hasattr(_np, name)}
    for name, value in missing.items():
        setattr(_np, name, value)


restore()
del restore
