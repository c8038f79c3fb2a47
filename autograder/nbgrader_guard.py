"""Hooks that keep `nbgrader autograde` inside each learner's submission folder.

nbgrader 0.9.6 opens `submitted/<learner>/<id>/*.ipynb` through its exporter and copies every other
file of the folder with shutil.copy; both follow links, so a linked notebook or data file would bring
the instructor's master or reference into the learner's autograded and feedback folders. Two hooks,
set from nbgrader_config.py by `apply` (and again by our CLI), stop that:

- `GuardedNotebookExporter` (Autograde.exporter_class) never opens a submitted notebook that is not an
  ordinary file or sits in a linked folder: the released blank notebook stands in for it, and the
  engine (`engine_refusal`) zeroes every test cell with the reason;
- `refused_paths` (added to CourseDirectory.ignore) lists, when the config is loaded, every link and
  special file under submitted/. nbgrader matches an ignore glob joined onto the file's folder, and
  joining onto an absolute path gives that path, so an escaped absolute path skips exactly one file.

What they cannot stop: nbgrader opening `timestamp.txt` (through a link, or a pipe that blocks).
Our CLI refuses such a submission before nbgrader sees it.
"""
import glob
import os
from pathlib import Path

import nbformat
from nbconvert.exporters import NotebookExporter

from .assignment import Assignment
from .shipped.edition import speaking
from .submission_files import entries, kind, refusal, refused

EXPORTER = "autograder.nbgrader_guard.GuardedNotebookExporter"


def _assignment_ids(root):
    source = Path(root) / "source"
    return sorted(p.name for p in source.iterdir() if p.is_dir()) if source.is_dir() else []


def refused_paths(root):
    """Escaped absolute paths of every link and special file (or linked folder) under root/submitted."""
    submitted = os.path.join(os.path.abspath(root), "submitted")
    if not os.path.isdir(submitted):
        return []
    found = []
    for learner in sorted(os.scandir(submitted), key=lambda e: e.name):
        if kind(learner.path) != "folder":  # a linked learner folder is never listed: skip every assignment in it
            found += [os.path.join(learner.path, aid) for aid in _assignment_ids(root)]
            continue
        for folder in sorted(os.scandir(learner.path), key=lambda e: e.name):
            if kind(folder.path) != "folder":
                found.append(folder.path)
                continue
            found += [os.path.join(folder.path, rel) for rel, what in entries(folder.path)
                      if what not in ("file", "folder")]
    return [glob.escape(path) for path in found]


def apply(config, root):
    """Set both hooks on a traitlets config (idempotent)."""
    from nbgrader.coursedir import CourseDirectory
    ignore = config.CourseDirectory["ignore"] if "ignore" in config.CourseDirectory else CourseDirectory().ignore
    config.CourseDirectory.ignore = list(dict.fromkeys([*ignore, *refused_paths(root)]))
    config.Autograde.exporter_class = EXPORTER


def opens_safely(folder):
    """Whether nbgrader, with both hooks, reads nothing outside this submission folder."""
    folder = Path(folder)
    return (kind(folder.parent) == kind(folder) == "folder"
            and kind(folder / "timestamp.txt") in ("file", "missing"))


def _notebook_refusal(filename, coursedir):
    """Why a notebook nbgrader is about to open under submitted/ must not be opened, else None."""
    submitted = os.path.join(coursedir.root, coursedir.submitted_directory)
    parts = Path(os.path.relpath(os.path.abspath(filename), submitted)).parts
    if len(parts) != 3 or parts[0] == "..":
        return None  # not a submission (autograded/, a test's own folder)
    for depth, expected in ((1, "folder"), (2, "folder"), (3, "file")):
        what = kind(os.path.join(submitted, *parts[:depth]))
        if what != expected:
            return refused(parts[depth - 1], what)
    return None


class GuardedNotebookExporter(NotebookExporter):
    """nbgrader's notebook exporter, except that it never follows a link out of a submission."""

    def from_filename(self, filename, resources=None, **kw):
        coursedir = getattr(self.parent, "coursedir", None)
        with speaking(Assignment(Path(filename).parent.name).language):  # the folder is the assignment's id
            why = coursedir and _notebook_refusal(filename, coursedir)
        if not why:
            return super().from_filename(filename, resources, **kw)
        self.log.error("%s", why)
        stand_in = Path(coursedir.root) / coursedir.release_directory / Path(filename).parent.name / Path(filename).name
        nb = nbformat.read(stand_in, as_version=4)  # the blank notebook every learner received
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"**{why}**"))
        resources = resources if resources is not None else {}
        resources["metadata"] = {"name": Path(filename).stem, "path": str(Path(filename).parent)}
        return self.from_notebook_node(nb, resources, **kw)


def engine_refusal(resources):
    """For the engine: why this learner's submission is refused, from nbgrader's resources, or None.

    During autograding nbgrader reads the notebook from autograded/<learner>/<id>; the learner's own
    folder is the matching submitted/<learner>/<id>.
    """
    student, aid = resources["nbgrader"].get("student"), resources["nbgrader"].get("assignment")
    if not student or not aid:  # not run by nbgrader's autograde (a direct call of the engine)
        return None
    here = Path(resources["metadata"]["path"])
    if here.parts[-2:] != (student, aid):
        return None
    return refusal(here.parents[2] / "submitted" / student / aid)
