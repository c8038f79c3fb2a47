"""A step of nbgrader's sanitising, before its OverwriteCells: cells that claim a grade id the
assignment does not have, or whose nbgrader metadata DeduplicateIds emptied (a copy-pasted test
cell), become ordinary cells.

Without it, nbgrader's add_missing_cells raises KeyError on such a cell and the whole notebook scores
zero: one stray cell would cost an honest learner every point. The real cells keep their grades.
"""
from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor


class DropUnknownGradeCells(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
            known = {cell.name for cell in notebook.source_cells}
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if "nbgrader" in cell.metadata and grade_id not in known:
                self.log.warning("cell with unknown or duplicated grade id %r graded as an ordinary cell", grade_id)
                del cell.metadata["nbgrader"]
        return nb, resources
