"""The build gives the same files on every CPU: last-bit changes in numpy's results change nothing.

Another CPU or BLAS kernel is imitated without touching the BLAS: AUTOGRADER_PERTURB_LAST_BITS makes
numpy's dot, matmul, exp, log and tanh come out one ulp off, in the build while it computes
public_expected.json and in the kernel that runs the draft notebook (so long trainings drift), and
nudges every value of the table by one ulp.
"""
import filecmp

import nbformat
import numpy as np
import pytest

from autograder.builder import perturb, stable
from autograder.builder.template import Block
from conftest import EDITIONS, ROOT, copy_repo, run


def _same_tree(left, right):
    """Relative paths of the files that differ between two folders, or exist in one only."""
    compare = filecmp.dircmp(left, right, ignore=["__pycache__", ".ipynb_checkpoints"])
    differ = compare.left_only + compare.right_only
    differ += filecmp.cmpfiles(left, right, compare.common_files, shallow=False)[1]
    for name in compare.common_dirs:
        differ += [f"{name}/{p}" for p in _same_tree(left / name, right / name)]
    return differ


def test_rebuild_under_last_bit_changes_leaves_every_file_unchanged(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    result = run(["python", "-m", "autograder", "build"], cwd=repo, **{perturb.ENV: "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    # the perturbation did move numbers, and the build kept the committed ones
    assert "c1w3_planar_classification: kept the committed" in result.stdout, result.stdout
    changed = {f"{folder}/{aid}": _same_tree(ROOT / folder / aid, repo / folder / aid)
               for folder in ("source", "release") for aid in EDITIONS}
    assert not {where: files for where, files in changed.items() if files}


def test_perturbation_moves_last_bits_and_is_undone():
    a, dot = np.array([[0.1, 0.2, 0.7]]), np.dot
    before = a @ a.T
    restore = perturb.install()
    try:
        after, one = np.dot(a, a.T), np.exp(0.0)
    finally:
        restore()
    assert after == np.nextafter(before, np.inf) and one == 1.0  # whole numbers are exact everywhere
    assert np.dot is dot


def test_floats_are_kept_within_tolerance_only():
    old = {"a": {"data": [1.0, 2.0, 0.0]}, "b": {"float": 0.5}, "n": 3}
    new = {"a": {"data": [1.0 + 1e-15, 2.1, 1e-18]}, "b": {"float": 0.5 + 1e-6}, "n": 4}
    kept = []
    assert stable.keep_close_floats(old, new, kept=kept) == {
        "a": {"data": [1.0, 2.1, 0.0]}, "b": {"float": 0.5 + 1e-6}, "n": 4}
    assert len(kept) == 2
    assert stable.keep_close_floats({"a": [1.0]}, {"a": [1.0, 2.0]}) == {"a": [1.0, 2.0]}


@pytest.mark.parametrize("old, new, agree", [
    ("db = -0.00862238522629777", "db = -0.008622385226297758", True),
    ("A2 = [[0.50002184 0.4999]]", "A2 = [[0.50002185 0.4999]]", True),   # one unit of the last digit
    ("A2 = [[0.50002184 0.4999]]", "A2 = [[0.50002186 0.4999]]", False),
    ("Cost after iteration 8000: 0.219465", "Cost after iteration 8000: 0.219411", False),
    ("m = 400", "m = 401", False),                                         # integers match exactly
    ("costs = [0.69]", "cost = [0.69]", False),                            # so does every word
])
def test_printed_numbers_agree_number_by_number(old, new, agree):
    assert stable.texts_agree(old, new, stable.EXACT) is agree


def test_approximate_outputs_allow_training_drift():
    assert stable.texts_agree("Cost after iteration 8000: 0.219465\nn_h = 50: accuracy 90.75%",
                              "Cost after iteration 8000: 0.219411\nn_h = 50: accuracy 90.25%", stable.APPROX)
    assert not stable.texts_agree("Cost after iteration 8000: 0.22", "Cost after iteration 9000: 0.22",
                                  stable.APPROX)
    assert not stable.texts_agree("accuracy 90.75%", "accuracy 70.75%", stable.APPROX)


def test_committed_outputs_are_found_by_their_code_cell(tmp_path):
    blocks = [Block("code", "print(1.0 / 3)", ["expected"]), Block("markdown", "text"),
              Block("code", "print('train', 0.2194)", ["expected-approx"])]
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(blocks[0].text), nbformat.v4.new_markdown_cell(
            stable.expected_markdown("0.3333333333333333", approx=False)),
        nbformat.v4.new_code_cell(blocks[2].text), nbformat.v4.new_markdown_cell(
            stable.expected_markdown("train 0.2194", approx=True))])
    nbformat.write(nb, tmp_path / "built.ipynb")
    committed = stable.committed_outputs(tmp_path / "built.ipynb")
    outputs = {0: "0.33333333333333326\n", 2: "train 0.2195\n"}
    assert stable.keep_close_outputs(committed, blocks, outputs) == (
        {0: "0.3333333333333333", 2: "train 0.2194"}, 2)
    assert stable.is_approx(nb.cells[3]) and not stable.is_approx(nb.cells[1])
