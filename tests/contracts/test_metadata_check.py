"""Our CheckCellMetadata decides exactly as nbgrader's: same notebooks accepted, same errors raised."""
import copy
import glob

import nbformat
import pytest
from nbgrader.nbgraderformat import MetadataValidator

from autograder import paths
from autograder.engine.metadata_check import FastMetadataValidator

MASTERS = sorted(glob.glob(str(paths.ROOT / "source" / "*" / "*.ipynb")))


def _outcome(validator, nb):
    """None when the notebook validates, else (exception type, message)."""
    try:
        validator.validate_nb(nb)
        return None
    except Exception as exc:  # noqa: BLE001 (the comparison is the point)
        return type(exc), str(exc)


def _first(nb, kind):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get(kind))


def _break(how):
    def broken(nb):
        nb = copy.deepcopy(nb)
        how(nb)
        return nb
    return broken


BREAKAGES = {
    "no grade id": lambda nb: _first(nb, "grade").metadata.nbgrader.pop("grade_id"),
    "empty grade id": lambda nb: _first(nb, "grade").metadata.nbgrader.update(grade_id=""),
    "points as text": lambda nb: _first(nb, "grade").metadata.nbgrader.update(points="ten"),
    "no points": lambda nb: _first(nb, "grade").metadata.nbgrader.pop("points"),
    "grade not a bool": lambda nb: _first(nb, "grade").metadata.nbgrader.update(grade="yes"),
    "schema too old": lambda nb: _first(nb, "solution").metadata.nbgrader.update(schema_version=2),
    "schema too new": lambda nb: _first(nb, "solution").metadata.nbgrader.update(schema_version=9),
    "unknown key": lambda nb: _first(nb, "solution").metadata.nbgrader.update(surprise=1),
    "duplicate grade id": lambda nb: _first(nb, "solution").metadata.nbgrader.update(
        grade_id=_first(nb, "grade").metadata.nbgrader.grade_id),
    "markdown grade cell": lambda nb: setattr(_first(nb, "grade"), "cell_type", "markdown"),
}


@pytest.mark.parametrize("path", MASTERS, ids=lambda p: p.split("/")[-2])
def test_every_master_notebook_validates_with_both(path):
    nb = nbformat.read(path, as_version=4)
    assert _outcome(MetadataValidator(), nb) is None
    assert _outcome(FastMetadataValidator(), nb) is None


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_metadata_fails_alike(name):
    nb = _break(BREAKAGES[name])(nbformat.read(MASTERS[0], as_version=4))
    expected = _outcome(MetadataValidator(), nb)
    assert expected is not None, f"nbgrader accepts {name}: the case tests nothing"
    assert _outcome(FastMetadataValidator(), nb) == expected
