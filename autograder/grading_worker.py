"""One grading worker process: nbgrader's own autograde, against a private copy of the gradebook.

The pool's main process copies the gradebook for each worker slot (`STATE_DIR/worker-<slot>.db`); on
a Dask worker the gradebook copy comes in the course bundle (`dask_worker.py`). Either way the client
reads back, from `grade`'s return value, the grades it must write into the real gradebook.
"""
import os
import time
from pathlib import Path

from . import nbgrader_guard

STATE_DIR = ".grading"


def default_workers():
    """Grading processes to run on this machine: one more than its cores. Each process waits for its
    learner's kernel between steps (about a third of its time), and a third process fills those gaps:
    on 2 cores, 200 submissions took 0.42 s each with 2 processes, 0.37 with 3, 0.39 with 4."""
    return (os.cpu_count() or 1) + 1


_api = None  # this worker's nbgrader API, bound to its private gradebook


def load_config(root, db_path):
    from traitlets.config.loader import PyFileConfigLoader
    root = os.path.abspath(root)
    config = PyFileConfigLoader("nbgrader_config.py", path=root).load_config()
    config.CourseDirectory.root = root
    nbgrader_guard.apply(config, root)  # even if nbgrader_config.py lost its hook
    config.CourseDirectory.db_url = f"sqlite:///{db_path}"
    return config


def init_worker(slots, root):
    """Pool initializer: a slot from the queue, and the gradebook copy the main process made for it."""
    slot = slots.get()
    open_api(root, Path(root) / STATE_DIR / f"worker-{slot}.db", slot)


def open_api(root, db, slot):
    """Bind this process to a course root, a private gradebook file and a sandbox slot."""
    global _api
    import warnings
    warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy chatter from nbgrader's own code
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    os.environ["AUTOGRADER_SLOT"] = str(slot)  # a sandbox uid of its own
    config = load_config(root, db)
    _api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def _read_grades(db_url, aid, student):
    from nbgrader.api import Gradebook
    with Gradebook(db_url) as gb:
        submission = gb.find_submission(aid, student)
        notebooks = {}
        for nb in submission.notebooks:
            notebooks[nb.name] = {
                "late_penalty": nb.late_submission_penalty,
                "grades": {g.name: [g.auto_score, g.needs_manual_grade] for g in nb.grades},
                "comments": {c.name: c.auto_comment for c in nb.comments},
            }
        stamp = submission.timestamp.isoformat() if submission.timestamp else None
        return {"timestamp": stamp, "notebooks": notebooks}


def grade(aid, student):
    started = time.monotonic()
    from nbgrader.api import MissingEntry
    result = _api.autograde(aid, student, force=True, create=True)
    try:
        grades = _read_grades(_api.coursedir.db_url, aid, student)
    except MissingEntry:  # nbgrader stopped before it made the submission: say why in its own words
        errors = [line for line in result.get("log", "").splitlines() if "ERROR]" in line]
        raise RuntimeError(errors[0].split("]", 1)[1].strip() if errors else "nbgrader recorded nothing") from None
    return {"student": student, "success": bool(result.get("success")), "grades": grades,
            "log": result.get("log", "")[-2000:], "seconds": time.monotonic() - started}
