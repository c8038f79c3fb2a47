"""Run by the learner's grading kernel as it starts (IPython's `exec_files`, in the learner's
namespace, so it leaves no name behind): numpy names that the original course's code used and that
numpy has removed since, restored as the aliases they were.

Learners of either version of the course wrote `np.float`, `np.int`, `np.asscalar(x)` or `np.NaN`
in right answers; on today's numpy these raise AttributeError. Names numpy still has are left alone.
"""


def _restore_removed_numpy_names():
    import warnings

    import numpy as np

    aliases = {
        "float": float, "int": int, "bool": bool, "object": object, "complex": complex, "str": str,
        "unicode": str, "float_": np.float64, "complex_": np.complex128, "string_": np.bytes_,
        "unicode_": np.str_, "NaN": np.nan, "NAN": np.nan, "Inf": np.inf, "Infinity": np.inf,
        "infty": np.inf, "PINF": np.inf, "NINF": -np.inf, "PZERO": 0.0, "NZERO": -0.0,
        "asscalar": lambda a: np.asarray(a).item(), "product": np.prod, "cumproduct": np.cumprod,
        "sometrue": np.any, "alltrue": np.all, "round_": np.round, "mat": np.asmatrix,
        "asfarray": lambda a, dtype=np.float64: np.asarray(a, dtype=dtype),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # asking numpy for a removed name warns
        missing = {name: value for name, value in aliases.items() if not hasattr(np, name)}
    for name, value in missing.items():
        setattr(np, name, value)


_restore_removed_numpy_names()
del _restore_removed_numpy_names
