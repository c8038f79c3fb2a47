"""What the grader knows about an assignment beyond its reference: hidden cases and known mistakes.

Each assignment has a module solutions/<id>/grading.py (imported by path) with
- `<function>_cases()` for every graded function: a list of `Case`, inputs the learner never saw;
- `MISTAKES`: {function: [Mistake, ...]}, realistic errors written as edits of the reference code.
  The same edit serves twice: the tests turn it into a learner's wrong answer (a mutant that must
  lose points on exactly that function), and the grader runs it to recognise the error and name it;
- `CALLEES`: {function: [graded functions it calls]}; while grading a function these are
  replaced by the reference, so one mistake costs points once.

Where the two versions of the original course differ, code right under either earns full marks
(../shared/API.md, "Old and new versions"); a spec says how, with optional tables:
- `ALIASES`: {function: [other names it had]}, e.g. the original `normalizeRows`;
- `OLD_SIGNATURES`: {function: maker}; the original took extra arguments it never used, and
  `maker(*case.args)` returns values for them (a learner's function that needs them gets them);
- `OLD_RETURNS`: {function: (index, note)}; the original returned only item `index` of today's tuple:
  that item is graded alone, and the feedback says what today's version also returns. `index` may
  also be a tuple of indices or a slice (e.g. `slice(0, 3)`): the original returned those items, in
  that order, as a tuple of their own; a learner's tuple of that length is graded on them;
- `OLD_OUTPUTS`: {function: (convert, note)}; `convert(output)` turns an output in the original's
  form (for example other dict keys) into today's, or returns None when it is not in that form;
- `MAY_CHANGE`: {function: {argument index, ...}}; one of the versions changed these arguments in
  place (update functions), so doing it costs nothing.
- `ARGUMENT_OUTPUTS`: {function: {argument index, ...}}; the function's job includes changing these
  arguments in place (the language model's optimize trains the caller's parameters and returns
  something else): their state after the call is graded like a returned value (and they may change).
"""
import contextlib
import contextvars
import warnings
from dataclasses import dataclass

import numpy as np

from . import reference
from .assignment import Assignment
from .errors import CourseError


@dataclass(frozen=True)
class Case:
    label: str        # what is special about this case, shown in feedback ("m = 1", "5 layers")
    args: tuple       # positional arguments, plain data only
    zh: str = ""      # the label in the Chinese edition's feedback ("m = 1"，"5 层")


@dataclass(frozen=True)
class Mistake:
    hint: str         # one sentence a learner reads: what they probably did and how to fix it
    old: str          # a piece of the reference function's source...
    new: str          # ...and what the learner wrote instead
    zh: str = ""      # the hint in the Chinese edition


def load(aid):
    return Assignment(aid).grading


def in_language(text, language):
    """What a learner of `language` reads of a Case (its label), a Mistake (its hint) or a note
    (a string, or a pair (English, Chinese)): the English text unless a Chinese one is written."""
    if isinstance(text, Case):
        english, chinese = text.label, text.zh
    elif isinstance(text, Mistake):
        english, chinese = text.hint, text.zh
    elif isinstance(text, tuple):
        english, chinese = text
    else:
        english, chinese = text, ""
    return chinese if language == "zh" and chinese else english


# Which draw of the hidden cases is being made: 0 is the fixed draw the tests and the build use;
# grading uses a secret variant per submission, so answers seen once cannot be replayed.
_variant = contextvars.ContextVar("case_variant", default=0)


def case_rng(seed):
    """The random generator a spec draws case values from: `seed` itself in variant 0, else a
    generator mixed from seed and variant (same shapes and kinds of values, other numbers)."""
    variant = _variant.get()
    return np.random.RandomState(seed if variant == 0 else [seed % 2 ** 32, variant % 2 ** 32])


def cases(aid, name, variant=0):
    maker = getattr(load(aid), f"{name}_cases", None)
    if maker is None:
        raise CourseError(Assignment(aid).grading_path, f"defines no {name}_cases() for graded function {name!r}")
    token = _variant.set(variant)
    try:
        return list(maker())
    finally:
        _variant.reset(token)


def _table(aid, table):
    return getattr(load(aid), table, {})


def mistakes(aid, name):
    return list(_table(aid, "MISTAKES").get(name, []))


def callees(aid, name):
    return list(_table(aid, "CALLEES").get(name, []))


def aliases(aid, name):
    return list(_table(aid, "ALIASES").get(name, []))


def had_old_signature(aid, name):
    return name in _table(aid, "OLD_SIGNATURES")


def old_arguments(aid, name, args):
    """The arguments of the original signature for a hidden case, or None if it had no other."""
    maker = _table(aid, "OLD_SIGNATURES").get(name)
    return None if maker is None else (*args, *maker(*args))


def _with_note(entry):
    """A table's (value, note[, note in Chinese]) as (value, (note, Chinese note or ""))."""
    value, note, *chinese = entry
    return value, (note, chinese[0] if chinese else "")


def old_return(aid, name):
    """(index, note) when the original returned one item of today's tuple, or (indices, note) when it
    returned several (a tuple of indices or a slice), else None; the note is (English, Chinese)."""
    entry = _table(aid, "OLD_RETURNS").get(name)
    return None if entry is None else _with_note(entry)


def old_output(aid, name, output):
    """(today's form of an output written to the original API, note), or (output, None); the note
    is (English, Chinese)."""
    entry = _table(aid, "OLD_OUTPUTS").get(name)
    if entry is None:
        return output, None
    convert, note = _with_note(entry)
    converted = convert(output)
    return (output, None) if converted is None else (converted, note)


def may_change(aid, name):
    return set(_table(aid, "MAY_CHANGE").get(name, ())) | argument_outputs(aid, name)


def argument_outputs(aid, name):
    return set(_table(aid, "ARGUMENT_OUTPUTS").get(name, ()))


def mutated_source(aid, name, mistake):
    """The reference source of `name` with the mistake's edit applied."""
    text = reference.source(aid, name)
    if mistake.old not in text:
        raise CourseError(Assignment(aid).grading_path, f"mistake for {name} edits {mistake.old!r}, "
                          f"which is not in the reference")
    return text.replace(mistake.old, mistake.new)


def mutated_function(aid, name, mistake):
    """The reference function with the mistake in it, calling the reference for everything else."""
    namespace = dict(vars(reference.load(aid)))
    exec(compile(mutated_source(aid, name, mistake), f"<mistake in {name}>", "exec"), namespace)
    return namespace[name]


@contextlib.contextmanager
def quiet_numerics():
    """Run a known mistake without numpy's warnings: overflow and log(0) are what mistakes do."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
