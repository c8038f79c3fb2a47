# Generated copy of autograder/shipped/check_utils.py, shipped by `make build`: do not edit.
"""Compare a function's output with the expected one and say, in words, what differs.

Used twice: by the visible checks in learners' notebooks (a copy of this file ships with every
assignment) and by the grader in its own trusted process. Standard library and numpy only.

Rules, chosen so that any numerically right answer passes whatever its style:
- dicts must have exactly the expected keys; lists and tuples are interchangeable;
- arrays must be numpy arrays of the expected shape, with values equal within `RTOL`/`ATOL`
  (numpy.allclose semantics, NaNs equal); bool, integer and float values are compared by value,
  because the two versions of the course disagree on them (`A2 > 0.5` vs `np.round(A2)`, `b = 0`
  vs `b = 0.0`) and neither version's tests told them apart;
- a scalar may be a Python number, a numpy scalar or a 0-d array.
"""
import copy
import inspect
import json
import os

import numpy as np

try:
    from .edition import say  # in the grader: the package autograder.shipped
except ImportError:
    from edition import say  # in a release: beside this file

RTOL = 1e-5
ATOL = 1e-7
_KINDS = {"b": "bool", "i": "integer", "u": "integer", "f": "float"}
_NUMERIC = {"bool", "integer", "float"}


def _kind(value):
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, (int, np.integer)):
        return "integer"
    if isinstance(value, (float, np.floating)):
        return "float"
    if isinstance(value, np.ndarray):
        return _KINDS.get(value.dtype.kind, str(value.dtype))
    return type(value).__name__


def _is_scalar(value):
    return isinstance(value, (bool, int, float, np.generic)) or (
        isinstance(value, np.ndarray) and value.shape == ())


def _describe(value):
    if isinstance(value, np.ndarray) and value.shape != ():
        return say(f"array of shape {value.shape}", f"形状为 {value.shape} 的数组")
    if _is_scalar(value):
        return say(f"{_kind(value)} scalar", f"{_kind(value)} 标量")
    return type(value).__name__


def _show(value, digits=6):
    text = np.array2string(np.asarray(value), precision=digits, threshold=20, edgeitems=3)
    return text.replace("\n", "\n    ")


def _values(expected, got, path, digits):
    exp, act = np.asarray(expected, dtype=float), np.asarray(got, dtype=float)
    if np.allclose(act, exp, rtol=RTOL, atol=ATOL, equal_nan=True):
        return []
    about = "" if digits >= 6 else say("about ", "约 ")  # hidden cases: what is wrong, not a value to copy
    if exp.shape == ():
        shown = (_show(exp), _show(act)) if digits >= 6 else (f"{exp:.{digits}g}", f"{act:.{digits}g}")
        return [say(f"{path}: expected {about}{shown[0]}, got {shown[1]}",
                    f"{path}：应为 {about}{shown[0]}，实际为 {shown[1]}")]
    wrong = ~np.isclose(act, exp, rtol=RTOL, atol=ATOL, equal_nan=True)
    first = tuple(int(i) for i in np.argwhere(wrong)[0])
    expected_word, got_word = say("expected", "应为  "), say("got     ", "实际为")  # aligned: a CJK character is two columns wide
    return [say(f"{path}: {int(wrong.sum())} of {exp.size} values differ, first at index {first}"
                f" (expected {about}{exp[first]:.{digits}g}, got {act[first]:.{digits}g})",
                f"{path}：{exp.size} 个值中有 {int(wrong.sum())} 个不同，第一个在索引 {first}"
                f"（应为 {about}{exp[first]:.{digits}g}，实际为 {act[first]:.{digits}g}）")
            + f"\n    {expected_word} {_show(exp, digits)}\n    {got_word} {_show(act, digits)}"]


def _compare_scalar(expected, got, path, digits):
    if not _is_scalar(got):
        return [say(f"{path}: expected a {_describe(expected)}, got {_describe(got)}",
                    f"{path}：应为 {_describe(expected)}，实际为 {_describe(got)}")]
    if _kind(got) not in _NUMERIC:
        return [say(f"{path}: expected a {_kind(expected)} value, got {_kind(got)} ({got!r})",
                    f"{path}：应为 {_kind(expected)} 值，实际为 {_kind(got)}（{got!r}）")]
    return _values(expected, got, path, digits)


def _compare_array(expected, got, path, digits):
    if not isinstance(got, np.ndarray):
        return [say(f"{path}: expected a numpy array of shape {expected.shape}, got {_describe(got)}",
                    f"{path}：应为形状为 {expected.shape} 的 numpy 数组，实际为 {_describe(got)}")]
    if got.shape != expected.shape:
        return [say(f"{path}: expected shape {expected.shape}, got shape {got.shape}",
                    f"{path}：形状应为 {expected.shape}，实际为 {got.shape}")]
    if _kind(got) not in _NUMERIC:
        return [say(f"{path}: expected {_kind(expected)} values, got {_kind(got)} (dtype {got.dtype})",
                    f"{path}：应为 {_kind(expected)} 值，实际为 {_kind(got)}（dtype {got.dtype}）")]
    return _values(expected, got, path, digits)


def _compare_dict(expected, got, path, digits):
    if not isinstance(got, dict):
        return [say(f"{path}: expected a dict with keys {sorted(expected)}, got {_describe(got)}",
                    f"{path}：应为键为 {sorted(expected)} 的 dict，实际为 {_describe(got)}")]
    problems = []
    missing = [k for k in expected if k not in got]
    extra = [k for k in got if k not in expected]
    if missing:
        problems.append(say(f"{path}: missing keys {missing}", f"{path}：缺少键 {missing}"))
    if extra:
        problems.append(say(f"{path}: unexpected keys {extra}", f"{path}：多出了键 {extra}"))
    for key in expected:
        if key in got:
            problems += compare(expected[key], got[key], f"{path}[{key!r}]", digits)
    return problems


def _compare_sequence(expected, got, path, digits):
    if not isinstance(got, (list, tuple)):
        return [say(f"{path}: expected a {type(expected).__name__} of {len(expected)} items, got {_describe(got)}",
                    f"{path}：应为含 {len(expected)} 项的 {type(expected).__name__}，实际为 {_describe(got)}")]
    if len(got) != len(expected):
        return [say(f"{path}: expected {len(expected)} items, got {len(got)}",
                    f"{path}：应有 {len(expected)} 项，实际有 {len(got)} 项")]
    problems = []
    for i, (exp, act) in enumerate(zip(expected, got)):
        problems += compare(exp, act, f"{path}[{i}]", digits)
    return problems


def compare(expected, got, path="output", digits=6):
    """Return a list of human-readable differences between `got` and `expected` (empty if equal).
    Numbers in the messages have `digits` significant digits."""
    if isinstance(expected, dict):
        return _compare_dict(expected, got, path, digits)
    if isinstance(expected, (list, tuple)):
        return _compare_sequence(expected, got, path, digits)
    if isinstance(expected, np.ndarray) and expected.shape != ():
        return _compare_array(expected, got, path, digits)
    if expected is None or isinstance(expected, str):
        return [] if type(got) is type(expected) and got == expected else [
            say(f"{path}: expected {expected!r}, got {got!r}", f"{path}：应为 {expected!r}，实际为 {got!r}")]
    return _compare_scalar(expected, got, path, digits)


def compare_outputs(expected, got, names, digits=6):
    """Compare a function's return value, naming top-level outputs as its reference names them."""
    if len(names) == 1:
        return compare(expected, got, names[0], digits)
    if not isinstance(got, (list, tuple)) or len(got) != len(names):
        count = (say(f" of {len(got)}", f"（{len(got)} 项）") if isinstance(got, (list, tuple)) else "")
        return [say(f"the function should return {len(names)} values ({', '.join(names)}), got {_describe(got)}",
                    f"函数应返回 {len(names)} 个值（{', '.join(names)}），实际返回 {_describe(got)}") + count]
    problems = []
    for name, exp, act in zip(names, expected, got):
        problems += compare(exp, act, name, digits)
    return problems


# ---- the visible checks learners run in their notebooks ----

EXPECTED_FILE = "public_expected.json"


def _load_expected(name):
    from plain_data import from_jsonable  # shipped beside this file
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), EXPECTED_FILE)) as f:
        entry = json.load(f)[name]
    hints = [(m["hint"], from_jsonable(m["output"])) for m in entry["mistakes"]]
    return entry, from_jsonable(entry["output"]), entry["names"], hints, set(entry.get("may_change", ()))


def _changed_arguments(target, before, after, allowed):
    try:
        names = list(inspect.signature(target).parameters)
    except (TypeError, ValueError):
        names = []
    return [names[i] if i < len(names) else f"#{i + 1}"
            for i, (b, a) in enumerate(zip(before, after)) if i not in allowed and compare(b, a)]


def _signature_mismatch(target, args):
    """A sentence when `target` cannot take the fixture's arguments, else None."""
    try:
        inspect.signature(target).bind(*args)
    except TypeError as exc:
        return say(f"this check calls it with {len(args)} argument(s), and your function says: {exc}. "
                   "Keep the arguments of the given first line (def ...).",
                   f"这个检查用 {len(args)} 个参数调用它，你的函数报错：{exc}。"
                   "请保留给定的第一行（def ...）中的参数。")
    except ValueError:  # no signature to read: just call it
        pass
    return None


def run_visible_check(target, name, fixture):
    """Call `target` on the fixture, print what differs from the reference and fail if anything does."""
    entry, expected, names, hints, may_change = _load_expected(name)
    args = fixture()
    untouched = copy.deepcopy(args)
    mismatch = _signature_mismatch(target, args)
    if mismatch:
        print(f"{name}: {mismatch}")
        raise AssertionError(say(f"{name} cannot be called as this notebook calls it (details above)",
                                 f"无法按本笔记本的方式调用 {name}（详见上方）"))
    if "seed" in entry:  # as the grader does: code with or without its own seed line draws the same
        np.random.seed(entry["seed"])
    got = target(*args)
    problems = compare_outputs(expected, got, names)
    if not problems:
        problems = [say(f"your function changed its argument `{arg}`; work on a copy (copy.deepcopy) instead",
                        f"你的函数修改了它的参数 `{arg}`；请改为在副本上操作（copy.deepcopy）")
                    for arg in _changed_arguments(target, untouched, args, may_change)]
    if not problems:
        print(say("All tests passed", "所有测试通过"))
        return
    print(say(f"{name}: {len(problems)} problem(s)", f"{name}：{len(problems)} 个问题"))
    for problem in problems:
        print(" -", problem)
    for hint, wrong_output in hints:
        if not compare_outputs(wrong_output, got, names):
            print(say(f"Likely cause: {hint}", f"可能的原因：{hint}"))
            break
    raise AssertionError(say(f"{name} does not match the expected output (details above)",
                             f"{name} 与预期输出不符（详见上方）"))
