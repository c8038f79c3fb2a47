"""The build's last word before anything ships: no file of solutions/ in it, not even as text inside.

nbgrader copies every non-notebook file of source/<id>/ into release/<id>/, so one stray copy of a
reference or of the hidden cases would reach every learner. Notebooks are checked cell by cell too,
since their JSON escapes the text a file would contain.
"""
import nbformat

from .. import paths
from ..errors import CourseError


def _private_texts():
    """(path, text) of every file under solutions/ that has any text."""
    for path in sorted(paths.SOLUTIONS.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            text = path.read_bytes().decode("utf-8", errors="replace").strip()
            if text:
                yield path, text


def _readable(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    if path.suffix == ".ipynb":
        try:
            text += "\n".join(cell.source for cell in nbformat.reads(text, as_version=4).cells)
        except Exception:  # not a notebook after all: its raw text was checked
            pass
    return text


def refuse_solutions(folder, shown_as):
    """Raise CourseError naming the file (as `shown_as`/...) if anything in `folder` is, or contains,
    a file of solutions/."""
    private = list(_private_texts())
    for shipped in sorted(p for p in folder.rglob("*") if p.is_file()):
        text = _readable(shipped)
        for path, secret in private:
            if secret in text:
                raise CourseError(f"{shown_as}/{shipped.relative_to(folder)}", f"holds the text of {path.relative_to(paths.ROOT)}: "
                                           "nothing under solutions/ may be released")
