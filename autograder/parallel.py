"""Grade every submission of an assignment with N workers and one writer to the gradebook.

Each worker runs nbgrader's own autograde (the same preprocessors, our engine included) against a
private copy of the gradebook, so workers never contend for the SQLite file; the main process is
the only writer of the real gradebook and copies each finished submission's grades into it. The
scores are therefore exactly those of a serial `nbgrader autograde` (a test checks it). Submissions
whose files, and whose assignment, have not changed since they were last graded are skipped.
"""
import hashlib
import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import paths
from .progress import Progress

STATE_DIR = ".grading"
_api = None  # the worker's nbgrader API, bound to its private gradebook


@dataclass
class Outcome:
    student: str
    score: float
    max_score: float
    seconds: float
    status: str          # graded, skipped, failed
    message: str = ""


# ---------- fingerprints: what changed since the last run ----------

def _digest(files, root):
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def assignment_fingerprint(root, aid):
    """Changes when the grading of this assignment can change: engine, cases, reference, config."""
    here = Path(__file__).parent
    files = [*here.rglob("*.py"), root / "nbgrader_config.py", *(root / "source" / aid).rglob("*")]
    files += [p for p in [root / "solutions" / f"{aid}.py"] if p.exists()]
    return _digest([f for f in files if f.is_file() and "__pycache__" not in f.parts], root)


def submission_fingerprint(folder):
    return _digest([f for f in Path(folder).rglob("*") if f.is_file()], folder)


# ---------- worker side ----------

def _load_config(root, db_path):
    from traitlets.config.loader import PyFileConfigLoader
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{db_path}"
    return config


def _init_worker(slots, root):
    global _api
    import warnings
    warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy chatter from nbgrader's own code
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    slot = slots.get()
    os.environ["AUTOGRADER_SLOT"] = str(slot)  # a sandbox uid of its own
    db = Path(root) / STATE_DIR / f"worker-{slot}.db"  # copied by the main process before start
    config = _load_config(root, db)
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


def _grade_in_worker(aid, student):
    started = time.monotonic()
    result = _api.autograde(aid, student, force=True, create=True)
    grades = _read_grades(_api.coursedir.db_url, aid, student)
    return {"student": student, "success": bool(result.get("success")), "grades": grades,
            "log": result.get("log", "")[-2000:], "seconds": time.monotonic() - started}


# ---------- main side: the only writer ----------

def _store(db_url, aid, student, grades):
    from nbgrader.api import Gradebook
    from dateutil.parser import parse as parse_time
    with Gradebook(db_url) as gb:
        gb.update_or_create_student(student)
        stamp = parse_time(grades["timestamp"]) if grades["timestamp"] else None
        gb.update_or_create_submission(aid, student, **({"timestamp": stamp} if stamp else {}))
        total = max_total = 0.0
        for nb_name, data in grades["notebooks"].items():
            notebook = gb.find_submission_notebook(nb_name, aid, student)
            notebook.late_submission_penalty = data["late_penalty"]
            for name, (score, needs_manual) in data["grades"].items():
                grade = gb.find_grade(name, nb_name, aid, student)
                grade.auto_score, grade.needs_manual_grade = score, needs_manual
                total += score or 0.0
                max_total += grade.max_score
            for name, text in data["comments"].items():
                gb.find_comment(name, nb_name, aid, student).auto_comment = text
        gb.db.commit()
    return total, max_total


def _unreadable(folder, aid):
    """A one-line reason when the submitted notebook cannot even be read, else None."""
    path = Path(folder) / paths.notebook_name(aid)
    if not path.exists():
        return f"no {path.name} in the submission"
    try:
        nbformat.read(path, as_version=4)
    except Exception as exc:
        return f"{path.name} is not a valid notebook ({type(exc).__name__}): graded as zero"
    return None


def submissions(root, aid):
    return sorted(p.parent.name for p in (Path(root) / "submitted").glob(f"*/{aid}") if p.is_dir())


def grade_class(root, aid, workers=None, force=False, quiet=False):
    """Grade submitted/*/<aid>; returns a list of Outcome, in student order."""
    root = Path(root)
    workers = workers or os.cpu_count() or 1
    state_dir = root / STATE_DIR
    state_dir.mkdir(exist_ok=True)
    state_file = state_dir / f"{aid}.json"
    state = json.loads(state_file.read_text()) if state_file.exists() and not force else {}
    course_print = assignment_fingerprint(root, aid)
    students = submissions(root, aid)
    prints = {s: course_print + submission_fingerprint(root / "submitted" / s / aid) for s in students}
    todo = [s for s in students if state.get(s, {}).get("fingerprint") != prints[s]
            or not ((root / "autograded" / s / aid).exists() or state[s].get("message"))]
    outcomes = {s: Outcome(s, state[s]["score"], state[s]["max_score"], 0.0, "skipped", state[s].get("message", ""))
                for s in students if s not in todo}
    messages = {s: _unreadable(root / "submitted" / s / aid, aid) for s in todo}
    db_url = f"sqlite:///{root / 'gradebook.db'}"
    progress = Progress(len(todo), quiet=quiet)
    if todo:
        import multiprocessing
        context = multiprocessing.get_context("spawn")
        slots = context.Queue()
        for slot in range(min(workers, len(todo))):
            shutil.copy(root / "gradebook.db", state_dir / f"worker-{slot}.db")
            slots.put(slot)
        with ProcessPoolExecutor(min(workers, len(todo)), mp_context=context, initializer=_init_worker,
                                 initargs=(slots, str(root))) as pool:
            futures = [pool.submit(_grade_in_worker, aid, s) for s in todo]
            for future in as_completed(futures):
                done = future.result()
                student = done["student"]
                score, max_score = _store(db_url, aid, student, done["grades"])
                ok = done["success"] and not messages[student]
                message = messages[student] or ("" if ok else "nbgrader failed: " + done["log"].strip().splitlines()[-1:][0]
                                                if done["log"].strip() else "nbgrader failed")
                outcomes[student] = Outcome(student, score, max_score, done["seconds"],
                                            "graded" if ok else "failed", message)
                state[student] = {"fingerprint": prints[student], "score": score, "max_score": max_score,
                                  "message": message}
                state_file.write_text(json.dumps(state, indent=1, sort_keys=True))
                progress.step(student)
        for leftover in state_dir.glob("worker-*.db"):
            leftover.unlink()
    progress.close()
    return [outcomes[s] for s in students]
