"""`python -m autograder check`: passes on a sound assignment, fails with the reason when a known
mistake is not caught, and reports a bad assignment id without a traceback. Each run is in a copy
of the repository, since the command builds."""
from pathlib import Path

import pytest

from autograder import classroom, paths, spec
from conftest import copy_repo, run

AID = "c1w2_numpy_basics"  # the quickest to grade


def check(root, *aids):
    return run(["python", "-m", "autograder", "check", *aids], cwd=root)


@pytest.fixture(scope="module")
def sound(tmp_path_factory):
    return check(copy_repo(tmp_path_factory.mktemp("sound") / "repo"), AID)


def test_a_sound_assignment_passes_with_its_table(sound):
    assert sound.returncode == 0, sound.stdout + sound.stderr[-3000:]
    lines = sound.stdout.splitlines()
    for name, points in classroom.graded_functions(AID):
        full, count = f"{float(points):g}", f"{len(spec.mistakes(AID, name))}"
        row = next(line for line in lines if line.startswith(f"  {name} "))
        assert row.split() == [name, full, "/", full, "0", "/", full, count, "of", count, "-"], row
    assert f"{AID}: OK: " in sound.stdout
    assert "Traceback" not in sound.stdout + sound.stderr


def _only_a_harmless_mistake(root):
    """Replace the assignment's mistakes by one edit that changes nothing: no hidden case can catch it."""
    name = classroom.graded_functions(AID)[0][0]
    kind = type(spec.mistakes(AID, name)[0])
    spec_file = root / Path(spec.load(AID).__file__).relative_to(paths.ROOT)
    spec_file.write_text(spec_file.read_text() + f"\n\nfrom {kind.__module__} import {kind.__name__} as _Same\n"
                         f"MISTAKES = {{{name!r}: [_Same('A space that changes nothing.', "
                         f"'def {name}(', 'def {name}( ')]}}\n")
    return name


def test_an_uncaught_mistake_fails_with_its_hint(tmp_path):
    root = copy_repo(tmp_path / "repo")
    name = _only_a_harmless_mistake(root)
    result = check(root, AID)
    assert result.returncode == 1, result.stdout + result.stderr[-3000:]
    row = next(line for line in result.stdout.splitlines() if line.startswith(f"  {name} "))
    assert "0 of 1" in row and "not caught: A space that changes nothing." in row
    assert f"{AID}: NOT OK: 1 of 1 mistakes are not caught" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_an_unknown_assignment_is_a_message_not_a_traceback():
    result = check(paths.ROOT, "no_such_assignment")  # refused before anything is written
    assert result.returncode == 1
    assert "no_such_assignment: NOT OK: course/no_such_assignment/notebook.md: no such assignment template" \
        in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
