"""Where things live in the course repository."""
import os
from pathlib import Path



def set_root(root):
    """Point this process at a course root: the repository at import, or (a Dask grading process) its
    unpacked course bundle, before any Assignment is made."""
    global ROOT, COURSE, COMMON, SOLUTIONS, SOURCE, RELEASE
    ROOT = Path(root)
    COURSE = ROOT / "course"          # per assignment: what learners receive (template, fixtures, helpers, data)
    COMMON = COURSE / "common"        # helper modules shared by assignments, copied into those that import them
    SOLUTIONS = ROOT / "solutions"    # per assignment: what never ships (reference.py, grading.py)
    SOURCE = ROOT / "source"          # generated nbgrader masters
    RELEASE = ROOT / "release"        # generated learner notebooks


set_root(os.environ.get("COURSE_ROOT", Path(__file__).resolve().parent.parent))


ZH_SUFFIX = "_zh"  # the Simplified Chinese edition of assignment <id> is the nbgrader assignment <id>_zh


def assignment_ids():
    """Every assignment that has a template, in a stable order (its English edition's id)."""
    return sorted(p.parent.name for p in COURSE.glob("*/notebook.md"))


def edition_ids():
    """Every nbgrader assignment the course builds: each English edition, then each Chinese one
    (an assignment has one when course/<id>/notebook.zh.md exists)."""
    english = assignment_ids()
    return english + [aid + ZH_SUFFIX for aid in english if (COURSE / aid / "notebook.zh.md").exists()]


def gradebook_url(root=None):
    """The course's nbgrader gradebook (SQLite) in a course root, this one by default."""
    return f"sqlite:///{Path(root or ROOT) / 'gradebook.db'}"
