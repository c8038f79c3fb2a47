"""Grade every submission of an assignment with N workers and one writer to the gradebook.

What runs nbgrader is an executor: a local process pool (`pool_executor.py`, the default) or a Dask
cluster (`dask_executor.py`). An executor only turns learners into `(learner, result or exception)`
as they finish; everything around it is here and shared: refusals, zeroes, skips, progress, the
state file and the one writer of the gradebook.

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
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import gradebook_writer, learner_ids, nbgrader_guard, paths, submission_files
from .assignment import Assignment
from .fingerprints import assignment_fingerprint, submission_fingerprint
from .grading_worker import STATE_DIR
from .progress import Progress


@dataclass
class Outcome:
    student: str
    score: float
    max_score: float
    seconds: float
    status: str          # graded, skipped, refused, failed
    message: str = ""


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


def _last_line(text):
    lines = str(text).strip().splitlines()
    return lines[-1] if lines else ""


def grade_class(root, aid, workers=None, force=False, quiet=False, executor=None):
    """Grade submitted/*/<aid> with the executor (default: a pool of `workers` processes); returns a
    list of Outcome, in student order."""
    from .pool_executor import PoolExecutor
    executor = executor or PoolExecutor(workers)
    run = _ClassRun(Path(root), aid, force)
    everyone = submissions(run.root, aid)
    todo = run.skip_unchanged(run.refuse_bad_ids(everyone))
    run.check_files(todo, quiet)
    run.grade(run.zero_unopenable(todo, executor.grades_refused), executor)
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
        self.outcomes.update({s: Outcome(s, 0.0, gradebook_writer.max_score(self.db_url, self.aid), 0.0, "refused", why)
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

    def zero_unopenable(self, todo, grades_refused=True):
        """Learners without the notebook, or whose folder nbgrader could not open safely, score zero
        without nbgrader; so do all refused learners when the executor cannot carry their folder as it
        is (grades_refused False: a task carries ordinary files only). Returns the others."""
        notebook = Assignment(self.aid).notebook_name
        no_notebook = {s for s in todo if not self.refused[s] and not (self.folder(s) / notebook).exists()}
        unopenable = {s for s in todo if not nbgrader_guard.opens_safely(self.folder(s))
                      or (self.refused[s] and not grades_refused)}
        for student in [s for s in todo if s in no_notebook or s in unopenable]:
            shutil.rmtree(self.root / "autograded" / student / self.aid, ignore_errors=True)  # no stale feedback
            self.record(student, *gradebook_writer.store_zero(self.db_url, self.aid, student), 0.0,
                        "refused" if self.refused[student] else "failed", self.messages[student])
        return [s for s in todo if s not in self.outcomes]

    def grade(self, students, executor):
        """nbgrader for each learner on the executor; each result is recorded once, as it comes."""
        for student, done in (executor.results(self.root, self.aid, students) if students else []):
            if student in self.outcomes:  # an executor that reports a learner twice: the first result stands
                continue
            if isinstance(done, Exception):
                self._not_graded(student, done)
            else:
                self._store_grades(student, done)

    def _not_graded(self, student, exc):
        """A worker failed: nothing is recorded, so the next run retries this learner."""
        why = self.messages[student] or type(exc).__name__ + ": " + _last_line(exc)
        self.outcomes[student] = Outcome(student, 0.0, gradebook_writer.max_score(self.db_url, self.aid), 0.0, "failed",
                                         f"not graded ({why}); nothing recorded, the next run retries it")
        self.progress.step(student)

    def _store_grades(self, student, done):
        try:
            score, max_score = gradebook_writer.store(self.db_url, self.aid, student, done["grades"])
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
