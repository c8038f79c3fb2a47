"""nbgrader configuration of the course. Plain nbgrader commands run in this folder use it."""
import os

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "deep-learning-numpy"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".grading"]

# Learners see this where an answer region was.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# A learner who deletes a test cell gets it back (and is graded on it) instead of a silent pass.
c.OverwriteCells.add_missing_cells = True

# nbgrader's own sanitising, plus one step: a stray cell with an unknown or duplicated grade id
# becomes an ordinary cell instead of making nbgrader fail the whole notebook. CheckCellMetadata is
# nbgrader's, with its schema checked once per process (autograder/engine/metadata_check.py).
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "autograder.engine.sanitize.DropUnknownGradeCells",
    "nbgrader.preprocessors.OverwriteCells",
    "autograder.engine.metadata_check.CheckCellMetadata",
]

# Stock execution, used by `nbgrader validate`; grading replaces it with the engine below.
c.Execute.timeout = 120

# Grading: our engine replaces Execute. Learner code runs in a sandboxed kernel; verdicts are made
# in this (trusted) process on hidden cases, and written into the test cells as feedback + score.
c.Autograde.autograde_preprocessors = [
    "autograder.engine.preprocessor.SecureExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "autograder.engine.metadata_check.CheckCellMetadata",
]
c.SecureExecute.cell_timeout = 60        # seconds per notebook cell
c.SecureExecute.call_timeout = 10        # seconds per graded call on one hidden case
c.SecureExecute.notebook_timeout = 600   # seconds per notebook, everything included
c.SecureExecute.memory_limit_mb = 2048   # address space of the learner's kernel

# nbconvert validates the whole notebook after each preprocessor (seven of them while grading); once,
# after the last, finds the same errors: an invalid notebook still fails, at a sixth of the cost.
c.Exporter.optimistic_validation = True

# Feedback (and any other HTML made from a learner's notebook) is made inert first: no script, event
# handlers, frames or active outputs reach the learner or the instructor who opens it.
c.HTMLExporter.preprocessors = ["autograder.feedback_safety.SanitizeFeedback"]

# nbgrader follows links when it reads a submitted notebook or copies the folder; these hooks make it
# skip every link and special file in submitted/ and never open a linked notebook (autograder/nbgrader_guard.py).
# An error in this file makes nbgrader drop the whole file and grade with its stock Execute, so a
# failing guard stops grading instead.
try:
    from autograder import nbgrader_guard
    nbgrader_guard.apply(c, c.CourseDirectory.root)
except Exception as exc:  # noqa: BLE001
    c.Autograde.autograde_preprocessors = [f"submission-guard-failed ({type(exc).__name__}: {exc})"]
