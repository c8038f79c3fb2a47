"""The build's products: what learners get, what nbgrader sees, and that the build is reproducible."""
import filecmp
import json
import re

import nbformat
import pytest

from autograder.assignment import Assignment
from autograder import paths, reference
from autograder.builder import template
from autograder.builder.translation import has_chinese
from conftest import ASSIGNMENTS, CHINESE, EDITIONS, ROOT, run

SECRET_MARKERS = re.compile(r"BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS")


def release_notebook(aid):
    return nbformat.read(paths.RELEASE / aid / Assignment(aid).notebook_name, as_version=4)


def graded_cells(nb):
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def solution_lines(aid):
    """Lines between the answer markers that are specific enough to count as solution code
    (and that the narrative or a mistake's hint does not quote on purpose)."""
    from autograder import spec
    narrative = Assignment(aid).template.read_text() + "".join(
        m.hint for ms in getattr(spec.load(aid), "MISTAKES", {}).values() for m in ms)
    lines = []
    for name, _ in template.graded(template.parse(Assignment(aid).template)):
        inside = False
        for line in reference.source(aid, name).splitlines():
            stripped = line.strip()
            if stripped in (reference.BEGIN, reference.END):
                inside = stripped == reference.BEGIN
            elif inside and len(stripped) > 25 and stripped not in narrative:
                lines.append(stripped)
    return lines


@pytest.mark.parametrize("aid", EDITIONS)
def test_release_holds_no_solution(aid):
    texts = {p: p.read_bytes().decode("utf-8", errors="replace") for p in (paths.RELEASE / aid).rglob("*")
             if p.is_file() and p.suffix in (".py", ".ipynb", ".json", ".md", ".txt", ".csv")}
    assert texts, f"release/{aid} is empty"
    for path, text in texts.items():
        assert not SECRET_MARKERS.search(text), f"{path} contains an answer marker"
        for line in solution_lines(aid):
            assert line not in text, f"{path} contains solution code: {line}"


@pytest.mark.parametrize("aid", EDITIONS)
def test_every_graded_function_has_answer_and_locked_test_cell(aid):
    blocks = template.parse(Assignment(aid).template)
    cells = graded_cells(release_notebook(aid))
    for name, points in template.graded(blocks):
        answer, test = cells[name], cells[f"test_{name}"]
        assert answer.source.startswith(f"# GRADED FUNCTION: {name}\n")
        assert "raise NotImplementedError()" in answer.source
        meta = test.metadata["nbgrader"]
        assert meta["locked"] and meta["grade"] and meta["points"] == points
    assert release_notebook(aid).metadata["course"]["generated"] is True


@pytest.mark.parametrize("aid", EDITIONS)
def test_release_ships_helpers_and_fixtures(aid):
    shipped = {p.name for p in (paths.RELEASE / aid).iterdir()}
    helpers = {p.name for p in Assignment(aid).course_dir.iterdir() if p.suffix == ".py"}
    assert {"testCases.py", "public_tests.py", "check_utils.py", "plain_data.py", "edition.py",
            "public_expected.json", Assignment(aid).notebook_name} | helpers <= shipped


@pytest.mark.parametrize("aid", EDITIONS)
def test_nbgrader_validate_source_passes_and_release_fails_every_test(aid):
    source = paths.SOURCE / aid / Assignment(aid).notebook_name
    result = run(["nbgrader", "validate", str(source)], cwd=ROOT)
    assert "Success! Your notebook passes all the tests." in result.stdout, result.stdout + result.stderr
    release = paths.RELEASE / aid / Assignment(aid).notebook_name
    result = run(["nbgrader", "validate", "--invert", str(release)], cwd=ROOT)
    assert "Success! The notebook does not pass any tests." in result.stdout, result.stdout + result.stderr


def test_rebuild_is_reproducible(repo_copy):
    """Building from a clean copy gives byte-identical source/ and release/ (CI relies on it).
    Bytes are right on any CPU: the build keeps every committed number that a rebuild only moves
    within tolerance (autograder/builder/stable.py); test_portable_build.py imitates another CPU."""
    result = run(["python", "-m", "autograder", "build"], cwd=repo_copy)
    assert result.returncode == 0, result.stderr
    for folder in ("source", "release"):
        compare = filecmp.dircmp(ROOT / folder, repo_copy / folder)
        _assert_same_tree(compare, folder)


def _assert_same_tree(compare, where):
    assert not compare.left_only and not compare.right_only, (where, compare.left_only, compare.right_only)
    _, mismatch, errors = filecmp.cmpfiles(compare.left, compare.right, compare.common_files, shallow=False)
    assert not mismatch and not errors, f"{where}: rebuilt files differ from the committed ones: {mismatch}"
    for name, sub in compare.subdirs.items():
        _assert_same_tree(sub, f"{where}/{name}")


@pytest.mark.parametrize("aid", EDITIONS)
def test_expected_values_file_covers_every_graded_function(aid):
    table = json.loads((paths.RELEASE / aid / "public_expected.json").read_text())
    names = [n for n, _ in template.graded(template.parse(Assignment(aid).template))]
    assert sorted(table) == sorted(names)


def _graded_cells(aid, folder):
    nb = nbformat.read(folder / aid / Assignment(aid).notebook_name, 4)
    # nbgrader's checksum covers the cell's text, which differs between editions (docstrings)
    return [({k: v for k, v in c.metadata["nbgrader"].items() if k != "checksum"},
             c.source.splitlines()[1:] if c.metadata["nbgrader"]["grade"] else None)
            for c in nb.cells if c.metadata.get("nbgrader")]


@pytest.mark.parametrize("aid", CHINESE)
def test_both_editions_have_the_same_graded_functions_points_and_test_cells(aid):
    """Answer cells and test cells in the same order, with the same grade ids, points and flags,
    and test cells that run the same code (their one-line docstring is in the edition's language)."""
    for folder in (paths.SOURCE, paths.RELEASE):
        english, chinese = _graded_cells(aid, folder), _graded_cells(aid + paths.ZH_SUFFIX, folder)
        assert chinese == english, f"{folder.name}: the editions of {aid} grade differently"
        assert len(english) == 2 * len(template.graded(template.parse(Assignment(aid).template)))


@pytest.mark.parametrize("aid", [a for a in EDITIONS if a not in ASSIGNMENTS])
def test_a_chinese_release_ships_its_language(aid):
    assert '\nLANGUAGE = "zh"\n' in (paths.RELEASE / aid / "edition.py").read_text()
    table = json.loads((paths.RELEASE / aid / "public_expected.json").read_text())
    hints = [m["hint"] for entry in table.values() for m in entry["mistakes"]]
    assert hints and all(has_chinese(h) for h in hints), hints
