"""Red-team findings about what a submission folder may hold and be called, through the real
`nbgrader autograde` and the real `python -m autograder grade` in scratch courses.

2: links and special files in a submission (they made nbgrader read the master notebook and copy the
   reference into the learner's folders); 9: a learner id is data, never a glob or a path.
"""
import os

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder.assignment import Assignment
from autograder import classroom, learner_ids, paths
from conftest import run
from grading_helpers import autograde, feedback_text, max_scores, scores, scratch_course

AID = "c1w2_numpy_basics"
NOTEBOOK = Assignment(AID).notebook_name
ZERO = {name: 0.0 for name in max_scores(AID)}
FIRST = next(iter(max_scores(AID)))[len("test_"):]


def _honest(root, student):
    """A right answer in submitted/<student>/<id>, written directly: classroom.write refuses bad ids."""
    folder = root / "submitted" / student / AID
    folder.mkdir(parents=True)
    nbformat.write(classroom.fill(AID), folder / NOTEBOOK)
    return folder


def _linked_notebook(root, student):
    folder = root / "submitted" / student / AID
    folder.mkdir(parents=True)
    os.symlink(root / "source" / AID / NOTEBOOK, folder / NOTEBOOK)  # the instructor's master


def _linked_files(root, student):
    """An honest notebook beside a relative link to the reference and an absolute link to solutions/."""
    folder = _honest(root, student)
    os.symlink(os.path.join("..", "..", "..", "solutions", AID, "reference.py"), folder / "notes.py")
    os.symlink(root / "solutions", folder / "more")


def _with_fifo(root, student):
    os.mkfifo(_honest(root, student) / "pipe")


def _reference_text(root):
    return (root / "solutions" / AID / "reference.py").read_text()


def _leaks(root, student):
    """Links in the learner's autograded folder, and files there that hold the reference's text."""
    reference = _reference_text(root)
    leaked = []
    for path in (root / "autograded" / student).rglob("*"):
        text = "" if path.is_symlink() or not path.is_file() else path.read_text(errors="replace")
        if path.is_symlink() or reference in text:
            leaked.append(path.name)
    return leaked


# ---- finding 2 through plain `nbgrader autograde` ----

ATTACKS = {"linked-notebook": _linked_notebook, "linked-files": _linked_files, "fifo": _with_fifo}


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    root = scratch_course(tmp_path_factory.mktemp("plain"), [AID])
    _honest(root, "honest")
    for student, make in ATTACKS.items():
        make(root, student)
    result = autograde(root, AID)
    return root, result


def test_plain_nbgrader_finishes_the_batch(plain):
    root, result = plain
    assert result.returncode == 0, result.stderr[-3000:]
    assert scores(root, AID, "honest") == max_scores(AID)


@pytest.mark.parametrize("student,reason", [("linked-notebook", "symbolic link"),
                                            ("linked-files", "symbolic link"), ("fifo", "named pipe")])
def test_plain_nbgrader_refuses_links_and_pipes(plain, student, reason):
    root, _ = plain
    assert scores(root, AID, student) == ZERO
    assert reason in feedback_text(root, AID, student, FIRST)
    assert _leaks(root, student) == []


def test_plain_nbgrader_never_opens_a_linked_notebook(plain):
    root, _ = plain
    graded = (root / "autograded" / "linked-notebook" / AID / NOTEBOOK).read_text()
    assert "BEGIN SOLUTION" not in graded and "symbolic link" in graded


def test_plain_nbgrader_does_not_copy_what_links_point_to(plain):
    root, _ = plain
    copied = {p.name for p in (root / "autograded" / "linked-files" / AID).iterdir()}
    assert not {"notes.py", "more", "pipe"} & copied


# ---- findings 2 and 9 through our CLI ----

BAD_IDS = ["a[0]", "*", ".hidden", "-rf", "tab\there", "esc\x1b[2J"]


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    root = scratch_course(tmp_path_factory.mktemp("cli"), [AID])
    for student in ["honest", "a0"]:  # `a[0]` as a glob matches `a0`
        _honest(root, student)
    for student in BAD_IDS:
        _honest(root, student)
    _linked_notebook(root, "linked-notebook")
    folder = _honest(root, "linked-timestamp")
    os.symlink(root / "solutions" / AID / "reference.py", folder / "timestamp.txt")  # nbgrader opens this one itself
    _honest(root, "bad-timestamp").joinpath("timestamp.txt").write_text("not a date")  # nbgrader fails on it
    result = run(["python", "-m", "autograder", "grade", AID, "--workers", "2", "--quiet"], cwd=root)
    return root, result


def _line(result, student):
    return next(line for line in result.stdout.splitlines() if line.startswith(f"  {learner_ids.shown(student)} "))


def _recorded(root):
    with Gradebook(paths.gradebook_url(root)) as gb:
        return sorted(s.student.id for s in gb.assignment_submissions(AID))


def test_cli_grades_and_records_the_rest_of_the_class(cli):
    root, result = cli
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stdout + result.stderr
    assert scores(root, AID, "honest") == scores(root, AID, "a0") == max_scores(AID)
    assert _recorded(root) == ["a0", "honest", "linked-notebook", "linked-timestamp"]


@pytest.mark.parametrize("student", BAD_IDS)
def test_cli_reports_and_skips_a_bad_learner_id(cli, student):
    _, result = cli
    line = _line(result, student)
    assert "refused" in line and "learner id" in line
    assert "\x1b" not in result.stdout  # a folder name never reaches the terminal raw


@pytest.mark.parametrize("student", ["linked-notebook", "linked-timestamp"])
def test_cli_refuses_links_with_zero_and_the_reason(cli, student):
    root, result = cli
    assert scores(root, AID, student) == ZERO
    assert "symbolic link" in _line(result, student)
    assert _leaks(root, student) == []


def test_cli_a_learner_nbgrader_fails_on_does_not_stop_the_batch(cli):
    _, result = cli
    line = _line(result, "bad-timestamp")
    assert "failed" in line and "timestamp.txt holds 'not a date', not a date" in line


def test_learner_id_rule():
    assert [learner_ids.problem(n) for n in ["learner001", "ana.m@uni-x.edu", "zoë_2+b"]] == [None] * 3
    assert all(learner_ids.problem(n) for n in BAD_IDS + ["", "a/b", "a b", "a,b", "..", "x" * 101])
