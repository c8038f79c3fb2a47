"""Grade submissions with the real `nbgrader autograde` in a scratch course, and read the scores."""
import nbformat
from nbgrader.api import Gradebook

from autograder.assignment import Assignment
from autograder import classroom, course_copy, paths
from conftest import run


def scratch_course(tmp_path, aids):
    """A copy of the course with the assignments released into its own gradebook."""
    return course_copy.copy_course(tmp_path / "course", release=aids)


def autograde(root, aid, *extra):
    result = run(["nbgrader", "autograde", aid, *extra], cwd=root)
    return result


def scores(root, aid, student):
    """{grade_id: score} of one student's test cells, from the gradebook."""
    with Gradebook(paths.gradebook_url(root)) as gb:
        notebook = gb.find_submission_notebook(aid, aid, student)
        return {g.name: g.score for g in notebook.grades}


def max_scores(aid):
    return {f"test_{name}": float(points) for name, points in classroom.graded_functions(aid)}


def feedback_text(root, aid, student, function):
    nb = nbformat.read(root / "autograded" / student / aid / Assignment(aid).notebook_name, 4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == f"test_{function}":
            return "".join(o.get("text", "") + o.get("evalue", "") for o in cell.outputs)
    raise AssertionError(f"no test cell for {function}")
