"""Other right ways to write a graded function must pass every hidden case, as the reference does.

Each assignment's test file lists answers written differently from the reference (other formulas,
idioms of either course version); this runs one of them on the hidden cases of the given draws.
"""
import copy
import warnings

import numpy as np

from autograder import reference, spec
from autograder.shipped import check_utils


def _seeded_call(aid, name, fn, args):
    np.random.seed(reference.call_seed(aid, name))  # as the grader seeds every call
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # float(b) of a (1, 1, 1) array
        return fn(*args)


def assert_right_on_hidden_cases(aid, name, answer, variants=(0,)):
    """`answer` returns what the reference returns on every case and changes no argument that
    neither version of the course changed."""
    names = reference.output_names(aid, name)
    allowed = spec.may_change(aid, name)
    label = getattr(answer, "__name__", name)
    for variant in variants:
        for case in spec.cases(aid, name, variant):
            expected = _seeded_call(aid, name, reference.function(aid, name), copy.deepcopy(case.args))
            args = copy.deepcopy(case.args)
            got = _seeded_call(aid, name, answer, args)
            assert not check_utils.compare_outputs(expected, got, names), (label, case.label)
            changed = {i for i, (a, b) in enumerate(zip(case.args, args)) if check_utils.compare(a, b)}
            assert changed <= allowed, (label, case.label, changed)
