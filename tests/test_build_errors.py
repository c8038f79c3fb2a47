"""Bad course material stops the build with one line naming the file and the problem."""
import pytest

from conftest import copy_repo, run

AID = "c1w4_deep_nn_step_by_step"


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _build_error(repo):
    result = run(["python", "-m", "autograder", "build", AID], cwd=repo)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.fixture
def repo(tmp_path):
    return copy_repo(tmp_path / "repo")


def test_solution_without_markers(repo):
    path = repo / "solutions" / AID / "reference.py"
    text = path.read_text()
    start = text.index("def linear_forward")
    body = text[start:text.index("def linear_activation_forward")]
    path.write_text(text.replace(body, body.replace("    ### BEGIN SOLUTION\n", "").replace("    ### END SOLUTION\n", "")))
    line = _build_error(repo)
    assert f"solutions/{AID}/reference.py" in line and "linear_forward" in line and "no answer region" in line


def test_template_names_unknown_function(repo):
    _edit(repo / "course" / AID / "notebook.md", "@graded compute_cost", "@graded compute_costs")
    line = _build_error(repo)
    assert f"solutions/{AID}/reference.py" in line and "compute_costs" in line


def test_fixture_not_matching_signature(repo):
    _edit(repo / "course" / AID / "testCases.py", "return (dZ, cache)", "return (dZ, cache, 3)")
    line = _build_error(repo)
    assert "testCases.py" in line and "linear_backward_test_case" in line and "signature" in line


@pytest.mark.parametrize("private, shipped_as", [("reference.py", "notes.py"), ("grading.py", "more/hints.txt")])
def test_nothing_from_solutions_is_released(repo, private, shipped_as):
    """A private file copied into the course folder, even inside other text, stops the build."""
    secret = (repo / "solutions" / AID / private).read_text()
    target = repo / "course" / AID / shipped_as
    target.parent.mkdir(exist_ok=True)
    target.write_text("# my notes\n" + secret + "\n# end\n")
    line = _build_error(repo)
    assert shipped_as.split("/")[-1] in line and f"solutions/{AID}/{private}" in line
    assert "nothing under solutions/ may be released" in line
    assert not (repo / "source" / AID / shipped_as).exists()


def test_unknown_assignment(repo):
    result = run(["python", "-m", "autograder", "build", "c9w9_nothing"], cwd=repo)
    assert result.returncode == 2 and "no such assignment" in result.stderr
