"""Grade every submission of an assignment with N workers and one writer to the gradebook.

Each worker runs nbgrader's own autograde (the same preprocessors, our engine included) against a
private copy of the gradebook, so workers never contend for the SQLite file; the main process is
the only writer of the real gradebook and copies each finished submission's grades into it. The
scores are therefore exactly those of a serial `nbgrader autograde` (a test checks it). Submissions
whose files, and whose assignment, have not changed since they were last graded are skipped.

Bad input costs only its own learner: a folder whose name is not a valid learner id is reported and
skipped, a submission holding links or special files scores zero with the reason (nbgrader is not
even started on one it could not open safely), and a worker that raises or dies fails that learner
only, with the reason in the summary.
"""
import hashlib
import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import learner_ids, nbgrader_guard, paths, submission_files
from .assignment import Assignment
from .engine import variant
from .progress import Progress

STATE_DIR = ".grading"
_api = None  # the worker's nbgrader API, bound to its private gradebook


@dataclass
class Outcome:
    student: str
    score: float
    max_score: float
    seconds: float
    status: str          # graded, skipped, refused, failed
    message: str = ""


# ---------- fingerprints: what changed since the last run ----------

def _digest(files, root):
    h = hashlib.sha256()
    for path in sorted(files):  # the engine may be installed elsewhere than the course it grades
        h.update(str(path.relative_to(root) if path.is_relative_to(root) else path).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def assignment_fingerprint(root, aid):
    """Changes when the grading of this assignment can change: engine, reference, hidden cases, config,
    and the course secret the hidden cases are drawn from."""
    here = Path(__file__).parent
    files = [*here.rglob("*.py"), root / "nbgrader_config.py", *(root / "source" / aid).rglob("*")]
    files += [*(root / "solutions" / aid).rglob("*")]
    secret = hashlib.sha256(variant.course_secret(root)).hexdigest()  # made now if missing
    return _digest([f for f in files if f.is_file() and "__pycache__" not in f.parts], root) + secret


def submission_fingerprint(folder):
    return submission_files.fingerprint(folder)  # never follows a link out of the folder


# ---------- worker side ----------

def _load_config(root, db_path):
    from traitlets.config.loader import PyFileConfigLoader
    root = os.path.abspath(root)
    config = PyFileConfigLoader("nbgrader_config.py", path=root).load_config()
    config.CourseDirectory.root = root
    nbgrader_guard.apply(config, root)  # even if nbgrader_config.py lost its hook
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
    from nbgrader.api import MissingEntry
    result = _api.autograde(aid, student, force=True, create=True)
    try:
        grades = _read_grades(_api.coursedir.db_url, aid, student)
    except MissingEntry:  # nbgrader stopped before it made the submission: say why in its own words
        errors = [line for line in result.get("log", "").splitlines() if "ERROR]" in line]
        raise RuntimeError(errors[0].split("]", 1)[1].strip() if errors else "nbgrader recorded nothing") from None
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


def _store_zero(db_url, aid, student):
    """Zero for every grade of a submission nbgrader must not open (as nbgrader does for a missing notebook)."""
    from nbgrader.api import Gradebook
    with Gradebook(db_url) as gb:
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(aid, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score, grade.needs_manual_grade = 0.0, False
        gb.db.commit()
        return 0.0, submission.max_score


def _max_score(db_url, aid):
    from nbgrader.api import Gradebook
    with Gradebook(db_url) as gb:
        return gb.find_assignment(aid).max_score


def _unreadable(folder, aid):
    """A one-line reason when the submitted notebook cannot even be read, else None."""
    path = Path(folder) / Assignment(aid).notebook_name
    if not path.exists():
        return f"no {path.name} in the submission"
    try:
        nbformat.read(path, as_version=4)
    except Exception as exc:
        return f"{path.name} is not a valid notebook ({type(exc).__name__}): graded as zero"
    return None


def _bad_timestamp(folder):
    """nbgrader fails, with no useful message, on a timestamp.txt that is not a date: say so ourselves."""
    from nbgrader.utils import parse_utc
    path = Path(folder) / "timestamp.txt"
    if submission_files.kind(path) != "file":
        return None
    with submission_files.open_regular(path) as fh:
        text = fh.read(200).decode("utf-8", "replace").strip()
    try:
        parse_utc(text) if text else None
    except ValueError:
        return f"timestamp.txt holds {text[:40]!r}, not a date"
    return None


def submissions(root, aid):
    """Every folder name under submitted/ that holds an entry for aid, valid learner id or not."""
    submitted = Path(root) / "submitted"
    if not submitted.is_dir():
        return []
    return sorted(e.name for e in os.scandir(submitted) if os.path.lexists(os.path.join(e.path, aid)))


# ---------- the pool: a crash costs its own learner only ----------

def _pool_results(root, aid, students, workers, state_dir):
    """Yield (student, result or exception) as the workers finish."""
    import multiprocessing
    context = multiprocessing.get_context("spawn")
    slots = context.Queue()
    count = min(workers, len(students))
    for slot in range(count):
        shutil.copy(root / "gradebook.db", state_dir / f"worker-{slot}.db")
        slots.put(slot)
    try:
        with ProcessPoolExecutor(count, mp_context=context, initializer=_init_worker,
                                 initargs=(slots, str(root))) as pool:
            futures = {pool.submit(_grade_in_worker, aid, s): s for s in students}
            for future in as_completed(futures):
                try:
                    yield futures[future], future.result()
                except Exception as exc:  # noqa: BLE001 (reported for this learner; the batch goes on)
                    yield futures[future], exc
    finally:
        for leftover in state_dir.glob("worker-*.db"):
            leftover.unlink()


def _graded(root, aid, students, workers, state_dir):
    """Like _pool_results; learners caught in a pool that died are retried once, each in a pool of its own,
    so a worker that dies fails only the learner whose grading killed it."""
    broken = []
    for student, done in _pool_results(root, aid, students, workers, state_dir):
        if isinstance(done, BrokenProcessPool):
            broken.append(student)
        else:
            yield student, done
    for student in broken:
        yield from _pool_results(root, aid, [student], 1, state_dir)


def _last_line(text):
    lines = str(text).strip().splitlines()
    return lines[-1] if lines else ""


def grade_class(root, aid, workers=None, force=False, quiet=False):
    """Grade submitted/*/<aid>; returns a list of Outcome, in student order."""
    run = _ClassRun(Path(root), aid, force)
    everyone = submissions(run.root, aid)
    todo = run.skip_unchanged(run.refuse_bad_ids(everyone))
    run.check_files(todo, quiet)
    run.grade_in_pool(run.zero_unopenable(todo), workers or os.cpu_count() or 1)
    run.progress.close()
    return [run.outcomes[s] for s in everyone]


class _ClassRun:
    """One grading of a class: what earlier runs saved, and the outcome of each learner so far."""

    def __init__(self, root, aid, force):
        self.root, self.aid = root, aid
        self.state_dir = root / STATE_DIR
        self.state_dir.mkdir(exist_ok=True)
        self.state_file = self.state_dir / f"{aid}.json"
        self.state = json.loads(self.state_file.read_text()) if self.state_file.exists() and not force else {}
        self.db_url = paths.gradebook_url(root)
        self.outcomes, self.prints, self.refused, self.messages = {}, {}, {}, {}
        self.progress = None  # over the learners to grade, once they are known (check_files)

    def folder(self, student):
        return self.root / "submitted" / student / self.aid

    def refuse_bad_ids(self, everyone):
        """Folders whose name is no valid learner id are refused unread; returns the other learners."""
        bad_ids = {s: why for s in everyone if (why := learner_ids.refusal(s))}
        self.outcomes.update({s: Outcome(s, 0.0, _max_score(self.db_url, self.aid), 0.0, "refused", why)
                              for s, why in bad_ids.items()})
        return [s for s in everyone if s not in bad_ids]

    def skip_unchanged(self, students):
        """Learners graded before, with the same files and assignment, keep their result; returns the rest."""
        course_print = assignment_fingerprint(self.root, self.aid)
        self.prints = {s: course_print + submission_fingerprint(self.folder(s)) for s in students}
        todo = [s for s in students if not self._still_valid(s)]
        self.outcomes.update({s: self._skipped(s) for s in students if s not in todo})
        return todo

    def _still_valid(self, student):
        saved = self.state.get(student, {})
        return saved.get("fingerprint") == self.prints[student] and (
            (self.root / "autograded" / student / self.aid).exists() or saved.get("message"))

    def _skipped(self, student):
        saved = self.state[student]
        return Outcome(student, saved["score"], saved["max_score"], 0.0, "skipped", saved.get("message", ""))

    def check_files(self, todo, quiet):
        """What refuses or flags each learner's files (links, unreadable notebook, bad timestamp);
        then the progress bar over them starts."""
        self.refused = {s: submission_files.refusal(self.folder(s)) for s in todo}
        self.messages = {s: self.refused[s] or _unreadable(self.folder(s), self.aid) or _bad_timestamp(self.folder(s))
                         for s in todo}
        self.progress = Progress(len(todo), quiet=quiet, label=self.aid)

    def zero_unopenable(self, todo):
        """Learners without the notebook, or whose folder nbgrader could not open safely, score zero
        without nbgrader; returns the others."""
        notebook = Assignment(self.aid).notebook_name
        no_notebook = {s for s in todo if not self.refused[s] and not (self.folder(s) / notebook).exists()}
        for student in [s for s in todo if s in no_notebook or not nbgrader_guard.opens_safely(self.folder(s))]:
            shutil.rmtree(self.root / "autograded" / student / self.aid, ignore_errors=True)  # no stale feedback
            self.record(student, *_store_zero(self.db_url, self.aid, student), 0.0,
                        "refused" if self.refused[student] else "failed", self.messages[student])
        return [s for s in todo if s not in self.outcomes]

    def grade_in_pool(self, students, workers):
        """nbgrader for each learner in the worker pool; each result is recorded as it comes."""
        for student, done in (_graded(self.root, self.aid, students, workers, self.state_dir) if students else []):
            if isinstance(done, Exception):
                self._not_graded(student, done)
            else:
                self._store_grades(student, done)

    def _not_graded(self, student, exc):
        """A worker failed: nothing is recorded, so the next run retries this learner."""
        why = self.messages[student] or type(exc).__name__ + ": " + _last_line(exc)
        self.outcomes[student] = Outcome(student, 0.0, _max_score(self.db_url, self.aid), 0.0, "failed",
                                         f"not graded ({why}); nothing recorded, the next run retries it")
        self.progress.step(student)

    def _store_grades(self, student, done):
        try:
            score, max_score = _store(self.db_url, self.aid, student, done["grades"])
        except Exception as exc:  # noqa: BLE001 (this learner's grades are not stored; the others are)
            self.outcomes[student] = Outcome(student, 0.0, 0.0, done["seconds"], "failed",
                                             f"grades not stored ({type(exc).__name__}: {_last_line(exc)})")
            self.progress.step(student)
            return
        self.record(student, score, max_score, done["seconds"], *self._status(student, done))

    def _status(self, student, done):
        """(status, message) of a learner nbgrader ran on."""
        ok = done["success"] and not self.messages[student]
        message = self.messages[student] or ("" if ok else "nbgrader failed: " + _last_line(done["log"])
                                             if done["log"].strip() else "nbgrader failed")
        return ("graded" if ok else "refused" if self.refused[student] else "failed"), message

    def record(self, student, score, max_score, seconds, status, message):
        """One learner's outcome, saved at once: an interrupted run keeps what it finished."""
        self.outcomes[student] = Outcome(student, score, max_score, seconds, status, message)
        self.state[student] = {"fingerprint": self.prints[student], "score": score, "max_score": max_score,
                               "message": message}
        self.state_file.write_text(json.dumps(self.state, indent=1, sort_keys=True))
        self.progress.step(student)
