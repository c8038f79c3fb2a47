"""Grade submissions with the real `nbgrader autograde` in a scratch course, and read the scores."""
import nbformat

from autograder.assignment import Assignment
from autograder import course_copy
from autograder.check_assignment import full_marks as max_scores, scores  # noqa: F401 (used by the tests)
from conftest import run


def scratch_course(tmp_path, aids):
    """A copy of the course with the assignments released into its own gradebook."""
    return course_copy.copy_course(tmp_path / "course", release=aids)


def autograde(root, aid, *extra):
    result = run(["nbgrader", "autograde", aid, *extra], cwd=root)
    return result


def feedback_text(root, aid, student, function):
    nb = nbformat.read(root / "autograded" / student / aid / Assignment(aid).notebook_name, 4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == f"test_{function}":
            return "".join(o.get("text", "") + o.get("evalue", "") for o in cell.outputs)
    raise AssertionError(f"no test cell for {function}")
