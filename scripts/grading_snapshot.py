"""Every score and every line of feedback of a graded course, as one JSON file, to compare two runs.

  python scripts/grading_snapshot.py [COURSE_ROOT] > snapshot.json

For refactors that must not change grading: grade the sample class before and after (in courses that
share `.grading/course_secret`, so the hidden cases are drawn alike) and diff the two snapshots.
"""
import json
import sys
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook


def _feedback(notebook_path):
    nb = nbformat.read(notebook_path, as_version=4)
    return {cell.metadata["nbgrader"]["grade_id"]: "".join(o.get("text", "") + o.get("evalue", "") for o in cell.outputs)
            for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade")}


def snapshot(root):
    root = Path(root)
    result = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for assignment in gb.assignments:
            for submission in gb.assignment_submissions(assignment.name):
                key = f"{assignment.name}/{submission.student.id}"
                result[key] = {"scores": {g.name: g.score for nb in submission.notebooks for g in nb.grades}}
                for path in (root / "autograded" / submission.student.id / assignment.name).glob("*.ipynb"):
                    result[key]["feedback"] = _feedback(path)
    return result


if __name__ == "__main__":
    json.dump(snapshot(sys.argv[1] if len(sys.argv) > 1 else "."), sys.stdout, indent=1, sort_keys=True)
