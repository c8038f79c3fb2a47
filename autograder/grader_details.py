"""What the grading engine wrote into an autograded notebook, read without trusting the learner.

A learner can add cells and give them any metadata, so the report reads `autograder` metadata only
from the one cell per grade id that nbgrader treats as a real test cell of the assignment (the
gradebook lists them), checks every field's type, and keeps it only where its score is the one the
gradebook recorded. Anything else is left out with a warning; nothing here raises on bad input.
"""
import logging
import math

import nbformat

from .assignment import function_of

log = logging.getLogger(__name__)
MAX_CAUSES, MAX_CAUSE_CHARS = 20, 1000


def test_cell_ids(gradebook, aid):
    """Grade ids of the assignment's test cells: graded cells that are not answer cells."""
    ids = set()
    for notebook in gradebook.find_assignment(aid).notebooks:
        answers = {cell.name for cell in notebook.solution_cells}
        ids |= {cell.name for cell in notebook.grade_cells if cell.name not in answers}
    return ids


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def valid(info, function, auto_score):
    """The engine's record for `function` if every field has the right type and the score matches."""
    if not isinstance(info, dict) or info.get("function") != function:
        return None
    if not all(_number(info.get(k)) for k in ("score", "max_score")):
        return None
    if not (_count(info.get("cases")) and _count(info.get("passed")) and info["passed"] <= info["cases"]):
        return None
    causes = info.get("likely_causes")
    if not (isinstance(causes, list) and len(causes) <= MAX_CAUSES
            and all(isinstance(c, str) and 0 < len(c) <= MAX_CAUSE_CHARS for c in causes)):
        return None
    # the gradebook holds the score as the cell printed it (6 significant digits)
    if auto_score is None or not math.isclose(info["score"], auto_score, rel_tol=1e-5, abs_tol=1e-9):
        return None
    return info


def _real_test_cell(cell, test_ids):
    """The grade id of a cell nbgrader graded as a test cell, else None."""
    meta = cell.get("metadata", {}).get("nbgrader")
    if cell.get("cell_type") != "code" or not isinstance(meta, dict):
        return None
    grade_id = meta.get("grade_id")
    if meta.get("grade") is True and not meta.get("solution") and isinstance(grade_id, str) and grade_id in test_ids:
        return grade_id
    return None


def read(path, learner, test_ids, auto_scores):
    """{grade id: engine record} of one learner's autograded notebook; malformed records are left out."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001 (an unreadable notebook costs this learner's details only)
        log.warning("report: %s's autograded notebook is unreadable, details left out (%s)", learner, exc)
        return {}
    cells, strays = {}, 0
    for cell in nb.cells:
        if not isinstance(cell.get("metadata"), dict):
            continue
        grade_id = _real_test_cell(cell, test_ids)
        if grade_id is not None:
            cells.setdefault(grade_id, []).append(cell)
        elif "autograder" in cell.get("metadata", {}):
            strays += 1
    if strays:
        log.warning("report: ignored grader details in %d cells of %s that are not test cells", strays, learner)
    details = {}
    for grade_id, found in cells.items():
        if not any("autograder" in cell.metadata for cell in found):
            continue  # not graded by the engine (it failed or was not run): nothing to read
        function = function_of(grade_id)
        info = None  # two cells with one grade id: nbgrader should not allow it, so trust neither
        if len(found) == 1:
            info = valid(found[0].metadata.get("autograder"), function, auto_scores.get(grade_id))
        if info is None:
            log.warning("report: ignored the grader details of %s for %s (malformed, duplicated or not "
                        "matching the gradebook)", learner, grade_id)
        else:
            details[grade_id] = info
    return details
