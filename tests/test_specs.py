"""Hidden cases and the mistake catalog, checked in-process against the reference.

Every known mistake must be caught by at least one hidden case (otherwise a learner making it would
keep full marks), and the hidden cases must differ from the visible fixture. Grading draws the case
values per submission (a secret variant), so both hold for several variants, not only the fixed one.
"""
import copy

import pytest

from autograder.assignment import Assignment
from autograder import reference, spec
from autograder.shipped import check_utils
from autograder.builder import template
from conftest import ASSIGNMENTS

GRADED = [(aid, name) for aid in ASSIGNMENTS
          for name, _ in template.graded(template.parse(Assignment(aid).template))]
VARIANTS = [0, 1, 2024, 3_000_000_019]


def _call(fn, args):
    return fn(*copy.deepcopy(args))


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("aid,name", GRADED)
def test_hidden_cases_run_on_the_reference(aid, name, variant):
    cases = spec.cases(aid, name, variant)
    assert len(cases) >= 3, "at least three hidden cases per function"
    for case in cases:
        _call(reference.function(aid, name), case.args)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("aid,name", GRADED)
def test_every_mistake_is_caught_by_a_hidden_case(aid, name, variant):
    mistakes = spec.mistakes(aid, name)
    assert len(mistakes) >= 4, "at least four known mistakes per function"
    names = reference.output_names(aid, name)
    graded_arguments = spec.argument_outputs(aid, name)  # their state after the call is graded
    free = spec.may_change(aid, name) - graded_arguments  # changing these in place is no mistake
    for mistake in mistakes:
        wrong = spec.mutated_function(aid, name, mistake)
        caught = False
        for case in spec.cases(aid, name, variant):
            right_args = copy.deepcopy(case.args)
            expected = reference.function(aid, name)(*right_args)
            args = copy.deepcopy(case.args)
            try:
                with spec.quiet_numerics():
                    caught = bool(check_utils.compare_outputs(expected, wrong(*args), names)
                                  or any(check_utils.compare(right_args[i] if i in graded_arguments else before, after)
                                         for i, (before, after) in enumerate(zip(case.args, args)) if i not in free))
            except Exception:
                caught = True
            if caught:
                break
        assert caught, f"no hidden case catches: {mistake.hint}"


@pytest.mark.parametrize("aid,name", GRADED)
def test_variants_draw_other_values_in_the_same_shapes(aid, name):
    """What a learner saw of one draw (values) does not answer another; the cases' kinds stay."""
    fixed, other = spec.cases(aid, name, 0), spec.cases(aid, name, 2024)
    assert [c.label.split("=")[0] for c in fixed] == [c.label.split("=")[0] for c in other]
    shapes = lambda cases: [[getattr(a, "shape", type(a)) for a in c.args] for c in cases]  # noqa: E731
    assert shapes(fixed) == shapes(other)
    arrays = [(a, b) for c0, c1 in zip(fixed, other) for a, b in zip(c0.args, c1.args)
              if getattr(a, "size", 0) > 1 and a.dtype.kind == "f"]
    if arrays:  # some arrays are fixed on purpose (zero weights); the drawn ones must move
        assert any(check_utils.compare(a, b) for a, b in arrays)
