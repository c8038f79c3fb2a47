"""Modules every release ships beside the learner's notebook, imported by the grader too.

They run in the learner's kernel, so they import only the standard library, numpy and each other
(as top-level modules: `plain_data` sits beside `check_utils` in a release).
"""
from pathlib import Path

FOLDER = Path(__file__).parent
MODULES = ("plain_data.py", "check_utils.py")  # copied into every release, in this order
