"""Keep the committed numbers when a rebuild only changes their last bits.

OpenBLAS and numpy pick their kernels per CPU, so the same reference gives floats that differ in the
last bits from one machine to the next, and a long training can drift further. The build recomputes
everything and then, wherever a recomputed number agrees with the committed one within a tolerance,
writes the committed one back: `make` leaves git clean on any CPU, and a real change still shows.

Two tolerances:
- EXACT, for public_expected.json and ordinary "Expected output" texts: a thousandth of the grader's
  own tolerance, so a kept value never eats into a learner's margin;
- APPROX, for cells tagged `expected-approx` (long trainings, whose printed costs and accuracies move
  with the CPU); the notebook tells learners these figures are approximate.
A number printed with six or more significant digits may also move by one unit of its last digit
(a value on a rounding boundary); integers, and every word, must match exactly.
"""
import json
import math
import re
from dataclasses import dataclass

import nbformat

from ..shipped import check_utils


@dataclass(frozen=True)
class Tolerance:
    rtol: float
    atol: float

    def close(self, old, new, unit=0.0):
        if math.isnan(old) or math.isnan(new):
            return math.isnan(old) and math.isnan(new)
        if math.isinf(old) or math.isinf(new):
            return old == new
        return abs(old - new) <= unit + self.atol + self.rtol * max(abs(old), abs(new))


EXACT = Tolerance(check_utils.RTOL / 1000, check_utils.ATOL / 1000)
APPROX = Tolerance(2e-2, 1e-6)


# ---- public_expected.json ----

def keep_close_floats(old, new, tol=EXACT, kept=None):
    """`new`, with every float that is close to the float at the same place in `old` replaced by it.
    Both are JSON trees; where their structure differs, `new` wins. `kept` counts replaced floats."""
    kept = kept if kept is not None else []
    if isinstance(new, float) and isinstance(old, float):
        if old == new or not tol.close(old, new):
            return new
        kept.append(old)
        return old
    if isinstance(new, list) and isinstance(old, list) and len(new) == len(old):
        return [keep_close_floats(o, n, tol, kept) for o, n in zip(old, new)]
    if isinstance(new, dict) and isinstance(old, dict) and new.keys() == old.keys():
        return {k: keep_close_floats(old[k], v, tol, kept) for k, v in new.items()}
    return new


def read_json(path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


# ---- printed "Expected output" texts ----

NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")


def _last_digit(token):
    """(one unit of the last printed digit, number of significant digits) of a printed number;
    the unit of an integer is 0: integers (iteration numbers, counts) must match exactly."""
    mantissa, _, exponent = token.lower().lstrip("+-").partition("e")
    digits = len(mantissa.replace(".", "").lstrip("0")) or 1
    if "." not in mantissa:
        return (10.0 ** int(exponent) if exponent else 0.0), digits
    return 10.0 ** (int(exponent or 0) - len(mantissa.split(".")[1])), digits


def _numbers_agree(a, b, tol):
    if a == b:
        return True
    (unit_a, digits_a), (unit_b, digits_b) = _last_digit(a), _last_digit(b)
    if not unit_a and not unit_b:
        return False
    # a value on a rounding boundary may print one unit apart, but "1." and "0." differ
    flip = max(unit_a, unit_b) if min(digits_a, digits_b) >= 6 else 0.0
    return tol.close(float(a), float(b), flip)


def _skeleton(text):
    # without spaces too: numpy pads array columns to the widest number, which may change
    return re.sub(r"\s+", "", NUMBER.sub("#", text))


def texts_agree(old, new, tol):
    """True when the texts differ only in numbers, each pair within `tol` (or a last-digit flip)."""
    if _skeleton(old) != _skeleton(new):
        return False
    return all(_numbers_agree(a, b, tol) for a, b in zip(NUMBER.findall(old), NUMBER.findall(new)))


def _code_key(source, seen):
    """Identify a code cell by its source and how many identical cells came before it."""
    seen[source] = seen.get(source, 0) + 1
    return source, seen[source]


def committed_outputs(notebook_path):
    """{(code source, occurrence): shown text} of the Expected output blocks of a built notebook."""
    try:
        nb = nbformat.read(notebook_path, as_version=4)
    except (OSError, ValueError):
        return {}
    shown, seen = {}, {}
    for cell, following in zip(nb.cells, nb.cells[1:]):
        if cell.cell_type != "code":
            continue
        key = _code_key(cell.source, seen)
        text = expected_text(following)
        if text is not None:
            shown[key] = text
    return shown


def keep_close_outputs(committed, blocks, outputs):
    """`outputs` ({block index: text}), with the committed text wherever the new one agrees with it;
    also returns how many texts were kept although they differ."""
    final, kept, seen = dict(outputs), 0, {}
    for index, block in enumerate(blocks):
        if block.kind != "code":
            continue
        key = _code_key(block.text, seen)
        old, new = committed.get(key), outputs.get(index, "").rstrip("\n")
        if old is not None and index in outputs and texts_agree(old, new, tolerance(block.tags)):
            final[index], kept = old, kept + (old != new)
    return final, kept


# ---- how the notebook marks them ----

EXACT_TAG, APPROX_TAG = "expected", "expected-approx"
# the words of each edition: the heading (in bold), the approximate heading, the note under it
WORDS = {
    "en": ("**Expected output**", "**Expected output** (approximately)",
           "Over many training steps, tiny rounding differences between processors add up: your last"
           " digits, and an accuracy by up to a point or two, may differ."),
    "zh": ("**预期输出**", "**预期输出**（近似值）",
           "经过多步训练，不同处理器之间微小的舍入差异会累积起来：你的结果最后几位数字可能不同，"
           "准确率也可能相差一两个百分点。"),
}
HEADING, APPROX_HEADING, APPROX_NOTE = WORDS["en"]


def shows_expected(tags):
    return EXACT_TAG in tags or APPROX_TAG in tags


def tolerance(tags):
    return APPROX if APPROX_TAG in tags else EXACT


def expected_markdown(text, approx, language="en"):
    exact, approximate, note = WORDS[language]
    heading = f"{approximate}\n\n{note}" if approx else exact
    return f"{heading}\n\n```\n{text.rstrip(chr(10))}\n```"


def expected_text(cell):
    """The text an Expected output cell shows (in either edition), or None for any other cell."""
    if cell.cell_type != "markdown" or not cell.source.startswith(tuple(w[0] for w in WORDS.values())):
        return None
    return cell.source.split("```")[1][1:-1]


def is_approx(cell):
    return cell.source.startswith(tuple(w[1] for w in WORDS.values()))
