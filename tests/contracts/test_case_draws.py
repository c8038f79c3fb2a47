"""Contract of hidden-case draws: spec.cases(aid, name, variant) and spec.case_rng. Variant 0 is the
fixed draw; another variant gives other values in the same shapes; a variant always draws alike."""
import types

import numpy as np
import pytest

from autograder import paths, reference, spec
from autograder.builder import template
from autograder.engine import verdict

ASSIGNMENTS = ["c1w2_numpy_basics", "c1w4_deep_nn_step_by_step"]
GRADED = [(aid, name) for aid in ASSIGNMENTS
          for name, _ in template.graded(template.parse(paths.COURSE / aid / "notebook.md"))]
VARIANTS = [1, 7, 2 ** 31 + 5, 2 ** 32 - 1]


def leaves(value, path="args"):
    """(path, value) of every number, string and array inside nested containers."""
    if isinstance(value, dict):
        return [leaf for key in sorted(value) for leaf in leaves(value[key], f"{path}[{key!r}]")]
    if isinstance(value, (list, tuple)):
        return [leaf for i, v in enumerate(value) for leaf in leaves(v, f"{path}[{i}]")]
    return [(path, value)]


def structure(cases):
    """What must not change between draws: paths, types, shapes and dtypes."""
    return [[(p, type(v).__name__, np.shape(v), getattr(v, "dtype", None)) for p, v in leaves(c.args)] for c in cases]


def same_values(a, b):
    return all(np.array_equal(x, y) for (_, x), (_, y) in zip(leaves(a), leaves(b)))


def continuous(v):
    """A float array a draw decides; 0/1 labels of a few examples (or a dead relu layer) may repeat."""
    return isinstance(v, np.ndarray) and v.dtype.kind == "f" and not np.isin(v, (0.0, 1.0)).all()


def repeated_values(fixed, drawn):
    """Paths of continuous arrays that two draws filled with the same values."""
    pairs = zip(leaves([c.args for c in fixed]), leaves([c.args for c in drawn]))
    return [p for (p, x), (_, y) in pairs if continuous(x) and continuous(y) and np.array_equal(x, y)]


# ---- case_rng and the variant ----

def fake_spec(maker):
    return types.SimpleNamespace(f_cases=maker)


def test_variant_zero_draws_from_the_seed_itself(monkeypatch):
    monkeypatch.setattr(spec, "load", lambda aid: fake_spec(lambda: [spec.Case("c", (spec.case_rng(3).rand(4),))]))
    (case,) = spec.cases("any", "f", 0)
    assert np.array_equal(case.args[0], np.random.RandomState(3).rand(4))


def test_outside_cases_the_draw_is_variant_zero():
    assert np.array_equal(spec.case_rng(8).randn(3), np.random.RandomState(8).randn(3))


def test_the_variant_is_reset_after_cases_even_when_the_maker_fails(monkeypatch):
    def broken():
        raise ValueError("bad spec")
    monkeypatch.setattr(spec, "load", lambda aid: fake_spec(broken))
    with pytest.raises(ValueError):
        spec.cases("any", "f", 99)
    assert np.array_equal(spec.case_rng(8).randn(3), np.random.RandomState(8).randn(3))


def test_within_one_variant_different_seeds_draw_differently(monkeypatch):
    maker = lambda: [spec.Case("a", (spec.case_rng(1).rand(5),)), spec.Case("b", (spec.case_rng(2).rand(5),))]
    monkeypatch.setattr(spec, "load", lambda aid: fake_spec(maker))
    first, second = spec.cases("any", "f", 42)
    assert not np.array_equal(first.args[0], second.args[0])


def test_a_spec_without_a_case_maker_is_a_course_error():
    with pytest.raises(spec.CourseError, match="defines no nothing_cases"):
        spec.cases("c1w2_numpy_basics", "nothing")


# ---- the real assignments ----

@pytest.mark.parametrize("aid, name", GRADED)
def test_the_same_variant_draws_the_same_cases(aid, name):
    for variant in (0, 7):
        a, b = spec.cases(aid, name, variant), spec.cases(aid, name, variant)
        assert [c.label for c in a] == [c.label for c in b]
        assert all(same_values(x.args, y.args) for x, y in zip(a, b))


@pytest.mark.parametrize("aid, name", GRADED)
def test_other_variants_keep_the_shapes_and_change_drawn_values(aid, name):
    fixed = spec.cases(aid, name, 0)
    for variant in VARIANTS:
        drawn = spec.cases(aid, name, variant)
        assert structure(drawn) == structure(fixed)
        assert repeated_values(fixed, drawn) == []


def test_two_nonzero_variants_differ_from_each_other():
    a, b = spec.cases(ASSIGNMENTS[0], "softmax", 1), spec.cases(ASSIGNMENTS[0], "softmax", 2)
    assert not any(np.array_equal(x.args[0], y.args[0]) for x, y in zip(a, b))


@pytest.mark.parametrize("aid, name", GRADED)
def test_every_draw_is_a_valid_input_for_the_reference(aid, name):
    """Any variant must give cases the reference answers with finite numbers (no log(0), no 0/0)."""
    fn, seed = reference.function(aid, name), reference.call_seed(aid, name)
    for variant in (0, *VARIANTS):
        for case in spec.cases(aid, name, variant):
            with np.errstate(all="raise"):
                output = verdict.run_trusted(fn, case.args, seed)
            assert all(np.all(np.isfinite(v)) for _, v in leaves(output) if not isinstance(v, str)), case.label


def test_labels_describe_the_drawn_case():
    """basic_sigmoid labels show the drawn x, so they follow the variant."""
    for variant in (0, 7):
        for case in spec.cases(ASSIGNMENTS[0], "basic_sigmoid", variant):
            assert case.label.startswith(f"x = {case.args[0]}")


@pytest.mark.parametrize("variant", [0, 7, 2 ** 31 + 5])
def test_every_draw_of_backward_cases_keeps_every_hidden_layer_alive(variant):
    for case in spec.cases("c1w4_deep_nn_step_by_step", "L_model_backward", variant):
        caches = case.args[2]
        # every unit of every hidden layer is on for some example (else gradients through it are all zero)
        assert all(np.any(linear_cache[0] > 0, axis=1).all() for linear_cache, _ in caches[1:]), case.label
