"""Hidden cases and the mistake catalog, checked in-process against the reference.

Every known mistake must be caught by at least one hidden case (otherwise a learner making it would
keep full marks), and the hidden cases must differ from the visible fixture.
"""
import copy

import pytest

from autograder import check_utils, paths, reference, spec
from autograder.build import template
from conftest import ASSIGNMENTS

GRADED = [(aid, name) for aid in ASSIGNMENTS
          for name, _ in template.graded(template.parse(paths.template_path(aid)))]


def _call(fn, args):
    return fn(*copy.deepcopy(args))


@pytest.mark.parametrize("aid,name", GRADED)
def test_hidden_cases_run_on_the_reference(aid, name):
    cases = spec.cases(aid, name)
    assert len(cases) >= 3, "at least three hidden cases per function"
    for case in cases:
        _call(reference.function(aid, name), case.args)


@pytest.mark.parametrize("aid,name", GRADED)
def test_every_mistake_is_caught_by_a_hidden_case(aid, name):
    mistakes = spec.mistakes(aid, name)
    assert len(mistakes) >= 4, "at least four known mistakes per function"
    names = reference.output_names(aid, name)
    for mistake in mistakes:
        wrong = spec.mutated_function(aid, name, mistake)
        caught = False
        for case in spec.cases(aid, name):
            expected = _call(reference.function(aid, name), case.args)
            args = copy.deepcopy(case.args)
            try:
                with spec.quiet_numerics():
                    caught = bool(check_utils.compare_outputs(expected, wrong(*args), names)
                                  or check_utils.compare(case.args, args))  # or it changed its input
            except Exception:
                caught = True
            if caught:
                break
        assert caught, f"no hidden case catches: {mistake.hint}"
