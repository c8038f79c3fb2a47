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

# Stock execution, used by `nbgrader validate`; grading replaces it with the engine below.
c.Execute.timeout = 120
