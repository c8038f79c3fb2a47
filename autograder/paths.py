"""Where things live in the course repository."""
import os
from pathlib import Path

ROOT = Path(os.environ.get("COURSE_ROOT", Path(__file__).resolve().parent.parent))
COURSE = ROOT / "course"          # per assignment: notebook.md template, fixtures, helpers, data
SOLUTIONS = ROOT / "solutions"    # per assignment: the reference module
SOURCE = ROOT / "source"          # generated nbgrader masters
RELEASE = ROOT / "release"        # generated learner notebooks


def assignment_ids():
    """Every assignment that has a template, in a stable order."""
    return sorted(p.parent.name for p in COURSE.glob("*/notebook.md"))


def template_path(aid):
    return COURSE / aid / "notebook.md"


def solution_path(aid):
    return SOLUTIONS / f"{aid}.py"


def notebook_name(aid):
    return f"{aid}.ipynb"
