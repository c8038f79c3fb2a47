"""Judging one graded function: hidden cases in, a score and feedback that teaches out.

Scoring: each hidden case is worth the same; within a case, each returned value (and each key of a
returned dict) is one check, and the case earns the fraction of checks that pass. A function that
changes its inputs keeps half of what it earned on that case. An error, a timeout or a missing
function earns nothing on that case.
"""
import copy
import inspect
import random
import re
from dataclasses import dataclass, field

import numpy as np

from .. import reference, spec
from ..shipped import check_utils
from ..shipped.edition import language, say

MAX_PROBLEMS_SHOWN = 3
# Hidden-case feedback says how far off a value is, never precisely enough to be copied back.
HIDDEN_DIGITS = 2


@dataclass
class Verdict:
    function: str
    points: float
    max_points: float
    cases: int
    passed: int
    lines: list = field(default_factory=list)
    likely_causes: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # said whatever the score, e.g. about an older API

    def text(self):
        head = say(f"{self.function}: {self.points:g} of {self.max_points:g} points "
                   f"({self.passed} of {self.cases} cases passed; the grader chose cases you have not seen)",
                   f"{self.function}：{self.points:g} / {self.max_points:g} 分"
                   f"（{self.cases} 个隐藏测试用例中通过 {self.passed} 个；用例由评分器选取，你没有见过）")
        note = say("  note: ", "  说明：")
        return "\n".join([head, *[note + n for n in self.notes], *self.lines]) + "\n"


def _units(expected, names):
    """(label, expected part, getter) for every check of one case."""
    if len(names) > 1:
        return [(n, e, (lambda got, i=i: got[i])) for i, (n, e) in enumerate(zip(names, expected))]
    if isinstance(expected, dict) and expected:
        return [(f"{names[0]}[{k!r}]", v, (lambda got, k=k: got[k])) for k, v in expected.items()]
    return [(names[0], expected, lambda got: got)]


def _score_output(expected, got, names):
    """(fraction of checks passed, problems)."""
    shape_problems = []
    if len(names) > 1 and not (isinstance(got, (list, tuple)) and len(got) == len(names)):
        return 0.0, check_utils.compare_outputs(expected, got, names, HIDDEN_DIGITS)
    if len(names) == 1 and isinstance(expected, dict):
        if not isinstance(got, dict):
            return 0.0, check_utils.compare(expected, got, names[0], HIDDEN_DIGITS)
        extra = [k for k in got if k not in expected]
        if extra:
            shape_problems.append(say(f"{names[0]}: unexpected keys {extra}", f"{names[0]}：多出了键 {extra}"))
    passed, problems = 0, list(shape_problems)
    units = _units(expected, names)
    for label, exp, getter in units:
        try:
            found = check_utils.compare(exp, getter(got), label, HIDDEN_DIGITS)
        except (KeyError, IndexError):
            found = [say(f"{label}: missing", f"{label}：缺失")]
        passed += not found
        problems += found
    total = len(units) + bool(shape_problems)
    return passed / total, problems


def _first_line(problem):
    """Feedback never prints whole hidden arrays: the first line says what and where."""
    return problem.splitlines()[0]


def _error_line(result):
    details = result.details
    if result.status == "missing":
        return say("there is no function of this name in your notebook (keep the given name and arguments)",
                   "你的笔记本里没有这个名字的函数（请保留给定的函数名和参数）")
    if result.status == "error" and details.get("ename") == "NotImplementedError":
        return say("not answered yet (it raises NotImplementedError)", "尚未作答（它抛出 NotImplementedError）")
    if result.status == "error" and details.get("ename"):
        where = details.get("traceback", "").strip().splitlines()
        last_frame = next((line.strip() for line in reversed(where) if line.strip().startswith("File")), "")
        at = say(f"\n      at {last_frame}", f"\n      位置：{last_frame}") if last_frame else ""
        return say("raised", "抛出了异常") + f" {details['ename']}: {details.get('evalue', '')}" + at
    return result.message or result.status


def run_trusted(fn, args, seed=0, with_arguments=False):
    """Run reference code in the grader on a copy of the arguments, seeded as the harness seeds;
    with_arguments: (output, the copy of the arguments as the call left them)."""
    np.random.seed(seed)
    random.seed(seed)
    args = copy.deepcopy(args)
    with spec.quiet_numerics():
        output = fn(*args)
    return (output, args) if with_arguments else output


def _argument_units(indices, params, expected_args, args_after):
    """(checks passed, checks, problems) for the arguments whose state after the call is graded."""
    passed, problems = 0, []
    for index in indices:
        label = say(f"{params[index]} after the call", f"调用后的 {params[index]}")
        got = args_after[index] if isinstance(args_after, (list, tuple)) and index < len(args_after) else None
        found = check_utils.compare(expected_args[index], got, label, HIDDEN_DIGITS) if got is not None \
            else [say(f"{label}: not reported", f"{label}：未报告")]
        passed += not found
        problems += found
    return passed, len(indices), problems


def likely_cause(aid, name, args, expected, got, names, argument_states=None):
    """The hint of the first known mistake whose output is what the learner returned, among those
    this case tells apart from the right answer (on a one-row case, a missing keepdims is not wrong).
    argument_states: (expected, learner's) arguments graded after the call, compared the same way."""
    indices = sorted(spec.argument_outputs(aid, name)) if argument_states else []

    def differs(a, b, a_args, b_args):
        return bool(check_utils.compare_outputs(a, b, names)
                    or any(check_utils.compare(a_args[i], b_args[i]) for i in indices))

    expected_args, got_args = argument_states or ((), ())
    for mistake in spec.mistakes(aid, name):
        try:
            wrong, wrong_args = run_trusted(spec.mutated_function(aid, name, mistake), args,
                                            reference.call_seed(aid, name), with_arguments=True)
            if not differs(wrong, got, wrong_args, got_args) and differs(expected, wrong, expected_args, wrong_args):
                return spec.in_language(mistake, language())
        except Exception:  # this mistake crashes on this case: it cannot be what the learner did
            continue
    return None


def _old_return(aid, name, expected, got, names):
    """(expected, names, note) narrowed to what the original version returned (one item, or several
    leading ones as a tuple), when the learner returned that; else unchanged and no note."""
    old = spec.old_return(aid, name)
    if old is None or len(names) < 2 or (isinstance(got, (list, tuple)) and len(got) == len(names)):
        return expected, names, None
    index, note = old[0], spec.in_language(old[1], language())
    if isinstance(index, int):
        return expected[index], [names[index]], note
    indices = range(len(names))[index] if isinstance(index, slice) else index
    if not (isinstance(got, (list, tuple)) and len(got) == len(indices)):
        return expected, names, None
    return tuple(expected[i] for i in indices), [names[i] for i in indices], note


def _arguments_reported(args, after, allowed):
    """The kernel reported every argument the function must leave unchanged."""
    if all(index in allowed for index in range(len(args))):
        return True
    return isinstance(after, (list, tuple)) and len(after) >= len(args)


def judge_case(aid, name, case, result):
    """(fraction earned, feedback lines, likely cause, note) for one hidden case."""
    if result.status != "ok":
        return 0.0, [_error_line(result)], None, None
    names = reference.output_names(aid, name)
    expected, expected_args = run_trusted(reference.function(aid, name), case.args,
                                          reference.call_seed(aid, name), with_arguments=True)
    got, key_note = spec.old_output(aid, name, result.output)
    key_note = key_note and spec.in_language(key_note, language())
    expected, names, note = _old_return(aid, name, expected, got, names)
    note = note or key_note
    fraction, problems = _score_output(expected, got, names)
    params = list(inspect.signature(reference.function(aid, name)).parameters)
    graded_args = sorted(spec.argument_outputs(aid, name))
    if graded_args:  # each such argument counts as one more returned value
        passed, count, arg_problems = _argument_units(graded_args, params, expected_args, result.args_after)
        units = len(_units(expected, names))
        fraction = (fraction * units + passed) / (units + count)
        problems += arg_problems
    allowed = spec.may_change(aid, name)
    reported = _arguments_reported(case.args, result.args_after, allowed)
    if not reported:  # a missing report is a failed check, counted once
        fraction *= 0.5
        problems.append(say("the grader could not see your function's arguments after the call: half credit for this case",
                            "评分器看不到调用后函数参数的状态：本用例得一半分"))
    for index, (before, after) in enumerate(zip(case.args, (result.args_after or ()) if reported else ())):
        if index in allowed:
            continue
        changed = check_utils.compare(before, after, params[index] if index < len(params) else f"argument {index}")
        if changed:
            fraction *= 0.5
            where = re.split("[:：]", _first_line(changed[0]))[0]  # the path compare names first
            problems.append(say(f"your function changed its argument `{where}` (work on a copy): half credit for this case",
                                f"你的函数修改了它的参数 `{where}`（请在副本上操作）：本用例得一半分"))
            break
    complete = isinstance(result.args_after, (list, tuple)) and len(result.args_after) == len(case.args)
    states = (expected_args, result.args_after) if graded_args and complete else None
    cause = likely_cause(aid, name, case.args, expected, got, names, states) if problems and not note else None
    return fraction, [_first_line(p) for p in problems], cause, note


def grade(session, aid, name, max_points, variant=0):
    """`variant` picks this submission's draw of the hidden cases (spec.cases)."""
    cases = spec.cases(aid, name, variant)
    callees = spec.callees(aid, name)
    earned, passed, causes, notes, reports = 0.0, 0, [], [], []
    stopped = None  # after a hang or a crash, the other cases are not tried: they would cost time only
    for case in cases:
        result = stopped or session.call(name, case.args, callees, seed=reference.call_seed(aid, name),
                                         aliases=spec.aliases(aid, name),
                                         old_args=spec.old_arguments(aid, name, case.args))
        if result.status in ("timeout", "died", "out_of_time"):
            stopped = result
        fraction, problems, cause, note = judge_case(aid, name, case, result)
        earned += fraction
        passed += fraction == 1.0
        reports.append((spec.in_language(case, language()), fraction, problems, cause))
        for found, seen in ((cause, causes), (note, notes)):
            if found and found not in seen:
                seen.append(found)
    points = round(max_points * earned / len(cases), 2)
    return Verdict(name, points, max_points, len(cases), passed, _case_lines(reports), causes, notes)


def _case_lines(reports):
    """Feedback lines, one block per case; a failure common to every case is said once."""
    if len(reports) > 1 and all(f == 0 for _, f, _, _ in reports) and len({tuple(p) for _, _, p, _ in reports}) == 1:
        _, _, problems, cause = reports[0]
        lines = [say(f"  all {len(reports)} cases: FAILED", f"  全部 {len(reports)} 个用例：未通过"),
                 *[f"    - {p}" for p in problems[:MAX_PROBLEMS_SHOWN]]]
        return lines + ([say("    likely cause: ", "    可能的原因：") + cause] if cause else [])
    lines = []
    for label, fraction, problems, cause in reports:
        mark = (say("passed", "通过") if fraction == 1.0 else say("FAILED", "未通过") if fraction == 0
                else say(f"partly ({fraction:.0%})", f"部分通过（{fraction:.0%}）"))
        lines.append(say(f"  case {label}: {mark}", f"  用例 {label}：{mark}"))
        lines += [f"    - {p}" for p in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            more = len(problems) - MAX_PROBLEMS_SHOWN
            lines.append(say(f"    - ... and {more} more", f"    - ……还有 {more} 个"))
        if cause:
            lines.append(say("    likely cause: ", "    可能的原因：") + cause)
    return lines
