"""The reference solutions against the visible checks and the values the notebooks print."""
import contextlib
import io
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.assignment import Assignment
from autograder import paths, reference
from autograder.builder import stable, template
from conftest import ASSIGNMENTS


@contextlib.contextmanager
def shipped_modules(aid):
    """Import the release's helper modules (public_tests, testCases, ...) as a learner would."""
    folder = str(paths.RELEASE / aid)
    before = set(sys.modules)
    sys.path.insert(0, folder)
    try:
        yield
    finally:
        sys.path.remove(folder)
        for name in set(sys.modules) - before:
            if str(getattr(sys.modules[name], "__file__", "")).startswith(folder):
                del sys.modules[name]


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_reference_passes_every_visible_check(aid):
    with shipped_modules(aid):
        import public_tests
        for name, _ in template.graded(template.parse(Assignment(aid).template)):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                getattr(public_tests, f"{name}_test")(reference.function(aid, name))
            assert "All tests passed" in out.getvalue(), (name, out.getvalue())


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_visible_check_fails_a_wrong_answer_and_says_why(aid):
    from autograder import spec
    with shipped_modules(aid):
        import public_tests
        for name, _ in template.graded(template.parse(Assignment(aid).template)):
            wrong = lambda *args, **kwargs: None  # noqa: E731 (a learner who returns nothing)
            out = io.StringIO()
            with contextlib.redirect_stdout(out), pytest.raises(AssertionError):
                getattr(public_tests, f"{name}_test")(wrong)
            assert "problem" in out.getvalue(), (name, out.getvalue())
            assert spec.cases(aid, name), f"{name} has no hidden cases"


def _execute(nb, folder):
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return nb


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_reference_reproduces_every_expected_output(aid):
    """Run the master notebook (the reference) and compare each try-it cell with what the notebook shows."""
    nb = _execute(nbformat.read(paths.SOURCE / aid / Assignment(aid).notebook_name, 4), paths.SOURCE / aid)
    shown = 0
    for cell, following in zip(nb.cells, nb.cells[1:]):
        expected = stable.expected_text(following)
        if expected is not None:
            printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            # number by number, with the build's tolerance: the last bits depend on the CPU
            tolerance = stable.APPROX if stable.is_approx(following) else stable.EXACT
            assert stable.texts_agree(expected, printed.rstrip("\n"), tolerance), (
                f"{cell.source}\n--- shown:\n{expected}\n--- printed:\n{printed}")
            shown += 1
    assert shown > 0


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_release_runs_top_to_bottom_failing_only_on_stubs(aid):
    nb = _execute(nbformat.read(paths.RELEASE / aid / Assignment(aid).notebook_name, 4), paths.RELEASE / aid)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors, "an unanswered notebook should fail its tests"
    assert {e.ename for e in errors} == {"NotImplementedError"}, [(e.ename, e.evalue) for e in errors]
