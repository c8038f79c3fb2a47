"""The engine as an nbgrader preprocessor, configured in place of Execute for `nbgrader autograde`.

It runs the learner's cells in a sandboxed kernel (so the graded notebook shows the learner's own
outputs), skips the test cells, then grades every test cell outside the learner's process and writes
its outputs: the feedback as text and the score as a number, which nbgrader's SaveAutoGrades records
as (partial) credit. nbgrader gives full marks to a test cell that ends with no output, so every
test cell is first marked as failed and only a finished verdict replaces that mark.
"""
import traceback

import nbformat
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, Float, Integer

from .. import sandbox
from ..assignment import Assignment, function_of
from ..builder.translation import code_pairs
from ..shipped.edition import say, speaking
from ..errors import CourseError
from . import variant
from .session import GradingSession, Timeouts
from .spare import SpareKernel
from .verdict import grade
from .zygote_client import Zygote

SKIP_TAG = "autograde-skip"
ENGINE_FAILED = "GradingError"


def _is_test(cell):
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


def _fail(cell, message, ename=ENGINE_FAILED):
    cell.outputs = [nbformat.v4.new_output("error", ename=ename, evalue=message, traceback=[f"{ename}: {message}"])]


def _verdict_outputs(verdict):
    return [nbformat.v4.new_output("stream", name="stdout", text=verdict.text()),
            nbformat.v4.new_output("execute_result", data={"text/plain": f"{verdict.points:g}"}, execution_count=None)]


class SecureExecute(Preprocessor):
    """Run a submission in the sandbox and grade its test cells from the trusted process."""

    enabled = True  # nbconvert silently skips preprocessors that are not enabled
    cell_timeout = Float(60.0, help="Seconds one notebook cell may run.").tag(config=True)
    call_timeout = Float(10.0, help="Seconds one graded call on one hidden case may run.").tag(config=True)
    notebook_timeout = Float(600.0, help="Seconds for the whole notebook.").tag(config=True)
    memory_limit_mb = Integer(2048, help="Address-space limit of the learner's kernel.").tag(config=True)
    fork_kernels = Bool(True, help="Fork each kernel from a zygote with the kernel's imports done "
                                   "(engine/zygote.py), instead of starting it from scratch.").tag(config=True)
    _spare = None  # on the class: nbgrader makes a new preprocessor for every notebook

    @classmethod
    def spare_kernel(cls):
        """The SpareKernel of this grading process, created on first use."""
        if cls._spare is None:
            cls._spare = SpareKernel()
        return cls._spare

    def preprocess(self, nb, resources):
        aid = resources["nbgrader"]["assignment"]
        with speaking(Assignment(aid).language):  # feedback in the notebook's edition
            return self._preprocess(nb, resources, aid)

    def _preprocess(self, nb, resources, aid):
        for cell in nb.cells:  # only the grader writes its results; a learner's planted ones go
            cell.metadata.pop("autograder", None)
        tests = [c for c in nb.cells if _is_test(c)]
        # nbgrader runs preprocessors from the course root
        draw = variant.variant(variant.course_secret("."), Assignment(aid).base,
                               variant.submission_digest(nb, code_pairs(aid)))
        for cell in tests:
            _fail(cell, say("not graded (the grading engine stopped before this cell)",
                            "未评分（评分引擎在这个单元格之前停止了）"))
        Zygote.shared().enabled = self.fork_kernels
        timeouts = Timeouts(self.cell_timeout, self.call_timeout, self.notebook_timeout)
        limits = sandbox.Limits(address_space=self.memory_limit_mb * 1024 ** 2)
        from ..nbgrader_guard import engine_refusal  # links or special files: nothing runs, every test scores zero
        if (refused := engine_refusal(resources)) is not None:
            for cell in tests:
                _fail(cell, refused, ename="SubmissionRefused")
            return nb, resources
        try:
            with GradingSession(aid, resources["metadata"]["path"], timeouts, limits,
                                self.spare_kernel()) as session:
                self._run_learner_cells(nb, session)
                for cell in tests:
                    self._grade_cell(cell, aid, session, draw)
        except Exception as exc:  # keep the zero marks; say why in the log and in the notebook
            self.log.error("grading engine failed on %s: %s", aid, traceback.format_exc())
            for cell in tests:
                if cell.outputs and cell.outputs[0].get("ename") == ENGINE_FAILED:
                    _fail(cell, say("not graded: the grading engine failed", "未评分：评分引擎出错")
                          + f" ({type(exc).__name__}: {exc})")
        return nb, resources

    def _run_learner_cells(self, nb, session):
        count = 0
        for cell in nb.cells:
            if cell.cell_type != "code" or _is_test(cell):
                continue
            if SKIP_TAG in cell.metadata.get("tags", []):
                cell.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                                       text=say("(not run while grading: long training and plots are skipped)\n",
                                                                "（评分时不运行：跳过耗时的训练和绘图）\n"))]
                continue
            outputs, problem = session.run_cell(cell.source)
            count += 1
            cell.execution_count = count
            cell.outputs = [nbformat.from_dict(o) for o in outputs]
            if problem:
                cell.outputs.append(nbformat.v4.new_output("error", ename="GradingNote", evalue=problem,
                                                           traceback=[problem]))

    def _grade_cell(self, cell, aid, session, draw):
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        name = function_of(grade_id)
        points = float(cell.metadata["nbgrader"].get("points", 0))
        try:
            verdict = grade(session, aid, name, points, draw)
        except CourseError as exc:
            _fail(cell, say(f"no hidden cases for {grade_id}: {exc}", f"{grade_id} 没有隐藏测试用例：{exc}"))
            return
        except Exception as exc:  # noqa: BLE001 (whatever happened while judging it, costs this function only)
            self.log.error("grading %s of %s failed: %s", name, aid, traceback.format_exc())
            _fail(cell, say(f"not graded: the grader could not judge {name} ({type(exc).__name__})",
                            f"未评分：评分器无法评判 {name}（{type(exc).__name__}）"))
            return
        cell.outputs = _verdict_outputs(verdict)
        cell.metadata["autograder"] = {"function": name, "score": verdict.points, "max_score": points,
                                       "cases": verdict.cases, "passed": verdict.passed,
                                       "likely_causes": verdict.likely_causes,
                                       "draw": draw}  # with the course secret, the instructor can redo the cases
