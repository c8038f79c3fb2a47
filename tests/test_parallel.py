"""Parallel grading gives exactly the scores of serial `nbgrader autograde`, and skips unchanged work."""
import shutil

import pytest
from nbgrader.api import Gradebook

from autograder.assignment import Assignment
from autograder import classroom, paths
from autograder.engine import variant
from conftest import run
from grading_helpers import autograde, scratch_course

AID = "c1w4_deep_nn_step_by_step"


def all_scores(root):
    with Gradebook(paths.gradebook_url(root)) as gb:
        return {(s.student.id, g.name): g.score
                for s in gb.assignment_submissions(AID) for nb in s.notebooks for g in nb.grades}


@pytest.fixture(scope="module")
def two_courses(tmp_path_factory):
    serial = scratch_course(tmp_path_factory.mktemp("serial"), [AID])
    parallel = scratch_course(tmp_path_factory.mktemp("parallel"), [AID])
    for course in (serial, parallel):  # one course, graded two ways: the same hidden cases
        variant.set_course_secret(course, "one course, two copies")
    for student, nb in classroom.sample_class(AID, 10, seed=7).items():
        classroom.write(serial, student, AID, nb)
    classroom.write(serial, "unanswered", AID, classroom.release_notebook(AID))
    folder = classroom.write(serial, "broken-json", AID, classroom.fill(AID))
    (folder / Assignment(AID).notebook_name).write_text("{ not json")
    shutil.copytree(serial / "submitted", parallel / "submitted")
    autograde(serial, AID)
    first = run(["python", "-m", "autograder", "grade", AID, "--workers", "2"], cwd=parallel)
    second = run(["python", "-m", "autograder", "grade", AID, "--workers", "2"], cwd=parallel)
    return serial, parallel, first, second


def test_parallel_scores_equal_serial_nbgrader(two_courses):
    serial, parallel, first, _ = two_courses
    assert first.returncode == 0, first.stderr[-2000:]
    expected = all_scores(serial)
    assert len(expected) == 12 * 10
    assert all_scores(parallel) == expected


def test_summary_table_and_clear_message_for_broken_notebook(two_courses):
    _, _, first, _ = two_courses
    assert "12 submissions (11 graded, 0 unchanged, 1 failed)" in first.stdout
    broken = next(line for line in first.stdout.splitlines() if "broken-json" in line)
    assert "not a valid notebook" in broken
    assert "Traceback" not in first.stdout + first.stderr


def test_rerun_grades_only_changed_submissions(two_courses):
    _, _, _, second = two_courses
    assert "12 submissions (0 graded, 12 unchanged, 0 failed)" in second.stdout, second.stdout


def test_a_change_to_the_hidden_cases_or_the_secret_regrades(tmp_path):
    """Unchanged submissions are skipped only while nothing that decides their grade has changed."""
    from autograder import course_copy, fingerprints
    root = course_copy.copy_course(tmp_path / "course")
    before = fingerprints.assignment_fingerprint(root, AID)
    assert fingerprints.assignment_fingerprint(root, AID) == before  # stable, secret made on the first call
    grading = root / "solutions" / AID / "grading.py"
    grading.write_text(grading.read_text() + "\n# one more hidden case, say\n")
    after_cases = fingerprints.assignment_fingerprint(root, AID)
    assert after_cases != before
    variant.set_course_secret(root, "a new term")
    assert fingerprints.assignment_fingerprint(root, AID) != after_cases
