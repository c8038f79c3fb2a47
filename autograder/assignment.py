"""One assignment: where its files are, how its cells are named, its reference and grading modules.

`Assignment(aid)` is made once per id and process; everything else asks it instead of spelling a
path or a name again. Its two private modules live in solutions/<aid>/ and are imported by path:
- reference.py: every graded function, the learner's part between answer markers;
- grading.py: hidden cases, known mistakes, callees and version tables (see autograder/spec.py).
"""
import ast
import functools
import importlib.util
import sys

from . import paths, shipped
from .errors import CourseError

GRADE_ID_PREFIX = "test_"  # nbgrader grade id of the test cell of function f: test_f


def grade_id(function):
    return GRADE_ID_PREFIX + function


def function_of(grade_id):
    """The graded function a test cell's grade id names (an unprefixed id is returned as it is)."""
    return grade_id.removeprefix(GRADE_ID_PREFIX)


class Assignment:
    _made = {}

    def __new__(cls, aid):
        if aid not in cls._made:
            made = super().__new__(cls)
            made._place(aid)
            cls._made[aid] = made
        return cls._made[aid]

    def _place(self, aid):
        self.aid = aid
        # both editions of an assignment share its two folders; only the narrative differs
        self.base = aid.removesuffix(paths.ZH_SUFFIX)
        self.language = "zh" if self.base != aid else "en"
        self.course_dir = paths.COURSE / self.base      # ships: template, fixtures, helpers, data
        self.template = self.course_dir / ("notebook.zh.md" if self.language == "zh" else "notebook.md")
        self.fixtures = self.course_dir / "testCases.py"
        self.solutions_dir = paths.SOLUTIONS / self.base  # never ships
        self.reference_path = self.solutions_dir / "reference.py"
        self.grading_path = self.solutions_dir / "grading.py"
        self.notebook_name = f"{aid}.ipynb"
        self.source_dir = paths.SOURCE / aid
        self.release_dir = paths.RELEASE / aid

    def __repr__(self):
        return f"Assignment({self.aid!r})"

    @staticmethod
    def gradebook_url(root=None):
        return paths.gradebook_url(root)

    # ---- the reference, read and imported once ----

    @functools.cached_property
    def reference_text(self):
        if not self.reference_path.exists():
            raise CourseError(self.reference_path, "no reference solutions for this assignment")
        return self.reference_path.read_text()

    @functools.cached_property
    def _function_sources(self):
        text = self.reference_text
        return {node.name: ast.get_source_segment(text, node)
                for node in ast.parse(text).body if isinstance(node, ast.FunctionDef)}

    def function_source(self, name):
        """The exact source text of a top-level function of the reference."""
        if name not in self._function_sources:
            raise CourseError(self.reference_path, f"defines no function {name!r}")
        return self._function_sources[name]

    @property
    def english(self):
        """The English edition: the one whose modules both editions share."""
        return self if self.base == self.aid else Assignment(self.base)

    @functools.cached_property
    def reference(self):
        if self.english is not self:
            return self.english.reference
        self.reference_text  # a missing file is reported as such
        return self.import_file(self.reference_path, f"solutions_{self.aid}")

    @functools.cached_property
    def grading(self):
        if self.english is not self:
            return self.english.grading
        if not self.grading_path.exists():
            raise CourseError(self.grading_path, "missing: every assignment needs hidden cases")
        return self.import_file(self.grading_path, f"grading_{self.aid}")

    def import_file(self, path, module_name):
        """Import a Python file of the course with this assignment's helpers (and the shared ones)
        importable.

        Helper modules (dnn_utils, testCases, ...) are dropped from sys.modules again afterwards,
        because several assignments ship helpers of the same name with different contents.
        """
        before = set(sys.modules)
        folders = [str(self.course_dir), str(paths.COMMON), str(shipped.FOLDER)]  # helpers import `edition`
        sys.path[:0] = folders
        try:
            spec = importlib.util.spec_from_file_location(module_name, path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        except Exception as exc:  # the instructor's code: say where it broke, in one line
            raise CourseError(path, f"cannot be imported: {type(exc).__name__}: {exc}") from exc
        finally:
            for folder in folders:
                sys.path.remove(folder)
            for name in set(sys.modules) - before:
                if str(getattr(sys.modules[name], "__file__", "")).startswith(tuple(folders)):
                    del sys.modules[name]
        return module
