"""Contract of run_visible_check, the check learners run in their notebooks. It is exercised as it
ships: copies of the shipped modules (edition.py, plain_data.py, check_utils.py) in a folder with a
public_expected.json beside them, as a release of either edition has them."""
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from autograder import shipped as shipped_modules
from autograder.shipped import plain_data


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


FIXTURE_X = np.array([[-1.0, 0.0, 2.0]])
EXPECTED = {
    "sigmoid": {"names": ["s"], "output": _sigmoid(FIXTURE_X),
                "mistakes": [("The exponent is -x.", 1 / (1 + np.exp(FIXTURE_X)))]},
    "scale": {"names": ["x"], "output": FIXTURE_X / 2, "mistakes": [], "may_change": [0]},
    "draw": {"names": ["W", "n"], "output": (np.random.RandomState(3).randn(2, 2), 2), "mistakes": [],
             "seed": 3},
}


def _entry(spec):
    entry = {"names": spec["names"], "output": plain_data.to_jsonable(spec["output"]),
             "mistakes": [{"hint": h, "output": plain_data.to_jsonable(o)} for h, o in spec["mistakes"]]}
    entry.update({k: spec[k] for k in ("may_change", "seed") if k in spec})
    return entry


def _release_folder(folder, monkeypatch, language="en"):
    """The shipped check module as a release of `language` has it, imported from `folder`."""
    for module in shipped_modules.MODULES:
        (folder / module).write_text(shipped_modules.shipped_text(module, language))
    (folder / "public_expected.json").write_text(json.dumps({k: _entry(v) for k, v in EXPECTED.items()}))
    modules = {}
    for name in (Path(m).stem for m in shipped_modules.MODULES):
        spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
        modules[name] = importlib.util.module_from_spec(spec)
        monkeypatch.setitem(sys.modules, name, modules[name])
        spec.loader.exec_module(modules[name])
    return modules["check_utils"]


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    return _release_folder(tmp_path, monkeypatch)


@pytest.fixture
def shipped_zh(tmp_path, monkeypatch):
    return _release_folder(tmp_path, monkeypatch, "zh")


def fixture():
    return (FIXTURE_X.copy(),)


def test_a_right_answer_prints_all_tests_passed(shipped, capsys):
    shipped.run_visible_check(_sigmoid, "sigmoid", fixture)
    assert capsys.readouterr().out == "All tests passed\n"


def test_any_style_of_right_answer_passes(shipped, capsys):
    def with_a_loop(x):
        out = np.empty_like(x)
        for i in np.ndindex(x.shape):
            out[i] = 1.0 / (1.0 + np.exp(-x[i]))
        print("debugging output is fine")
        return out
    shipped.run_visible_check(with_a_loop, "sigmoid", fixture)
    assert capsys.readouterr().out.endswith("All tests passed\n")


def test_a_wrong_answer_fails_and_says_what_differs(shipped, capsys):
    with pytest.raises(AssertionError, match="sigmoid does not match"):
        shipped.run_visible_check(lambda x: _sigmoid(x) * 2, "sigmoid", fixture)
    out = capsys.readouterr().out
    assert "sigmoid: 1 problem(s)" in out and " - s: 3 of 3 values differ" in out
    assert "Likely cause" not in out


def test_a_known_mistake_is_named(shipped, capsys):
    with pytest.raises(AssertionError):
        shipped.run_visible_check(lambda x: 1 / (1 + np.exp(x)), "sigmoid", fixture)
    assert "Likely cause: The exponent is -x." in capsys.readouterr().out


def test_changing_the_argument_fails_even_with_the_right_output(shipped, capsys):
    def in_place(x):
        x[:] = _sigmoid(x)
        return x.copy()
    with pytest.raises(AssertionError):
        shipped.run_visible_check(in_place, "sigmoid", fixture)
    assert "your function changed its argument `x`" in capsys.readouterr().out


def test_changing_an_argument_the_course_allows_to_change_passes(shipped, capsys):
    def halve_in_place(x):
        x /= 2
        return x
    shipped.run_visible_check(halve_in_place, "scale", fixture)
    assert capsys.readouterr().out == "All tests passed\n"


def test_a_changed_signature_is_explained_before_calling(shipped, capsys):
    called = []
    with pytest.raises(AssertionError, match="cannot be called"):
        shipped.run_visible_check(lambda x, y: called.append(1), "sigmoid", fixture)
    assert not called
    assert "Keep the arguments of the given first line" in capsys.readouterr().out


def test_the_seed_is_set_before_the_call_as_the_grader_does(shipped, capsys):
    np.random.seed(99)  # whatever state the notebook left behind
    shipped.run_visible_check(lambda x: (np.random.randn(2, 2), 2), "draw", fixture)
    assert capsys.readouterr().out == "All tests passed\n"


def test_the_number_of_returned_values_is_checked(shipped, capsys):
    with pytest.raises(AssertionError):
        shipped.run_visible_check(lambda x: np.random.randn(2, 2), "draw", fixture)
    assert "the function should return 2 values (W, n)" in capsys.readouterr().out


def test_the_chinese_editions_check_speaks_chinese(shipped_zh, capsys):
    shipped_zh.run_visible_check(_sigmoid, "sigmoid", fixture)
    assert capsys.readouterr().out == "所有测试通过\n"
    with pytest.raises(AssertionError, match="sigmoid 与预期输出不符"):
        shipped_zh.run_visible_check(lambda x: 1 / (1 + np.exp(x)), "sigmoid", fixture)
    out = capsys.readouterr().out
    assert "sigmoid：1 个问题" in out and " - s：3 个值中有 2 个不同" in out
    assert "可能的原因：The exponent is -x." in out  # the hint as public_expected.json gives it
    assert "problem" not in out and "Likely cause" not in out
