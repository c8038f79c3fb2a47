"""Grading one notebook: run its cells in the sandboxed kernel, then call its graded functions.

A GradingSession owns a scratch copy of the submission, a sandboxed kernel and the callee server.
Every step has a time limit, and the whole notebook has a budget; when the kernel dies or hangs it is
replaced and the cells that ran fine are replayed, so a crash costs only what caused it.
"""
import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .. import sandbox, submission_files
from ..shipped import plain_data
from ..shipped.edition import language, say
from .callees import CalleeServer
from .kernel import USER_NS, KernelDied, TimedOut
from .spare import launch

MAX_RESPONSE = 256 * 1024 ** 2
# (English, Chinese): said with edition.say in the language of the notebook being graded
NOT_RUN = ("not run: the notebook used up its time budget", "未运行：这个笔记本已用完它的时间额度")
NOT_GRADED = ("not graded: the notebook used up its time budget", "未评分：这个笔记本已用完它的时间额度")
CUT_SHORT = ("stopped: the notebook used up its time budget", "已停止：这个笔记本已用完它的时间额度")


@dataclass(frozen=True)
class Timeouts:
    cell: float = 60.0        # one notebook cell
    call: float = 10.0        # one call of a graded function on one hidden case
    notebook: float = 600.0   # everything for one notebook


@dataclass
class CallResult:
    status: str               # ok, error, missing, bad_output, timeout, died, out_of_time
    output: object = None
    args_after: object = None
    message: str = ""
    details: dict = field(default_factory=dict)


class GradingSession:
    def __init__(self, aid, folder, timeouts=Timeouts(), limits=sandbox.Limits(), spare=None):
        """`spare`: a SpareKernel to take this notebook's kernel from and to refill for the next
        one; without it the kernel is launched here and nothing is prepared."""
        self.aid, self.folder, self.timeouts, self.limits = aid, Path(folder), timeouts, limits
        self.spare = spare
        self.ran = []  # code of cells that finished, replayed into a fresh kernel after a crash

    def __enter__(self):
        self.deadline = time.monotonic() + self.timeouts.notebook
        self.kernel = (self.spare.take(self.limits) if self.spare else None) or launch(self.limits)
        self.scratch, self.callees = self.kernel.scratch, None
        self.kernel.deadline = self.deadline
        try:
            sandbox.fill_scratch(self.scratch, self.folder)
            self.callees = CalleeServer(self.aid, self.kernel.layout.callee_socket, self.timeouts.notebook)
            self._start_within_budget(self.kernel.wait_ready)
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, *exc):
        self._release()
        if self.spare is not None:
            self.spare.prepare(self.limits)

    def _release(self):
        """Stop the kernel and the callee runner, delete the scratch copy (mount and cgroup included)."""
        try:
            self.kernel.shutdown()
        finally:
            if self.callees is not None:
                self.callees.close()
            sandbox.remove_scratch(self.scratch)

    def remaining(self):
        return self.deadline - time.monotonic()

    def _limit(self, seconds):
        """(time a step of `seconds` may take, whether the notebook's deadline is what limits it)."""
        remaining = self.remaining()
        return min(seconds, remaining), remaining < seconds

    def _start_within_budget(self, start):
        """Start a kernel (or wait for one) within the budget; True when it is ready. A kernel not
        ready by the deadline is no error: what is left is then reported as not run."""
        if self.remaining() <= 0:
            self.kernel.shutdown()
            return False
        try:
            start()
            return True
        except KernelDied:
            if self.remaining() > 0.5:  # it failed for another reason than the budget
                raise
            return False

    def _restart(self):
        """A fresh kernel with the state of the cells that worked, as far as the budget allows."""
        self.kernel.shutdown()
        if not self._start_within_budget(self.kernel.start):
            return
        for code in self.ran:
            timeout, cut = self._limit(self.timeouts.cell)
            if timeout <= 0:
                self.kernel.shutdown()
                return
            try:
                self.kernel.run(code, timeout=timeout, silent=True, interrupt=not cut)
            except (TimedOut, KernelDied):
                self.kernel.shutdown()
                if not self._start_within_budget(self.kernel.start):
                    return

    # ---- phase 1: the learner's notebook, so the graded copy shows the learner's outputs ----
    def run_cell(self, code):
        """Run one cell; return (outputs, problem) where problem is None or a sentence."""
        outputs = []
        timeout, cut = self._limit(self.timeouts.cell)
        if timeout <= 0:
            return outputs, say(*NOT_RUN)
        try:
            self.kernel.run(code, timeout=timeout, outputs=outputs, interrupt=not cut)
            self.ran.append(code)
            return outputs, None
        except TimedOut:
            seconds = f"{self.timeouts.cell:.0f}"
            problem = say(*CUT_SHORT) if cut else say(
                f"stopped after {seconds} s: this cell takes too long (an endless loop?)",
                f"{seconds} 秒后被停止：这个单元格运行时间太长（死循环？）")
        except KernelDied:
            problem = say("the Python process ended while running this cell (os._exit, a crash, or too much memory)",
                          "运行这个单元格时 Python 进程结束了（os._exit、崩溃或内存用得太多）")
        self._restart()
        return outputs, problem

    # ---- phase 2: calls on hidden cases, judged by the caller ----
    def call(self, name, args, callees=(), seed=0, aliases=(), old_args=None):
        if self.remaining() <= 0:
            return CallResult("out_of_time", message=say(*NOT_GRADED))
        if not self.kernel.harness_loaded:
            problem = self._load_harness()
            if problem is not None:
                return problem
        timeout, cut = self._limit(self.timeouts.call)
        token = uuid.uuid4().hex
        layout = self.kernel.layout
        request, response = layout.grader / f"call-{token}.json", layout.out / f"result-{token}.json"
        request.write_text(json.dumps({"function": name, "args": plain_data.to_jsonable(tuple(args)),
                                       "callees": list(callees), "seed": seed, "aliases": list(aliases),
                                       "language": language(),
                                       "old_args": None if old_args is None else plain_data.to_jsonable(tuple(old_args)),
                                       "socket": str(self.callees.socket_path)}))
        expression = f"_grader_harness.call({USER_NS}, {str(request)!r}, {str(response)!r})"
        self.callees.open(callees, time.monotonic() + timeout)  # the reference's work ends with the call
        try:
            self.kernel.evaluate(expression, timeout=max(timeout, 0.01), interrupt=not cut)
        except TimedOut:
            self.callees.end()
            self._restart()
            if cut:
                return CallResult("out_of_time", message=say(*NOT_GRADED))
            seconds = f"{self.timeouts.call:.0f}"
            return CallResult("timeout", message=say(f"did not finish within {seconds} s", f"未能在 {seconds} 秒内完成"))
        except KernelDied:
            self.callees.end()
            self._restart()
            return CallResult("died", message=say("ended the Python process (os._exit, a crash, or too much memory)",
                                                  "结束了 Python 进程（os._exit、崩溃或内存用得太多）"))
        finally:
            self.callees.end()
            request.unlink(missing_ok=True)
        return self._read(response)

    def _load_harness(self):
        """None once the harness is loaded; else the CallResult that says why it is not."""
        timeout, cut = self._limit(30)
        try:
            self.kernel.load_harness(timeout, interrupt=not cut)
            return None
        except (TimedOut, KernelDied) as exc:
            self._restart()
            if self.remaining() <= 0:
                return CallResult("out_of_time", message=say(*NOT_GRADED))
            why = exc or say("it hung", "它卡住了")
            return CallResult("error", message=say(f"the grader could not reach your kernel ({why})",
                                                   f"评分器无法连接你的内核（{why}）"))

    def _read(self, response):
        """The harness's result file, read only if it is what the harness writes: a regular file with
        one link, under the size cap (the learner's code can replace it with a link or a FIFO)."""
        try:
            text = _read_plain_file(response, MAX_RESPONSE)
        except OSError:
            return CallResult("error", message=say("no result came back from the kernel", "内核没有返回结果"))
        except _NotAPlainFile as exc:
            return CallResult("bad_output", message=str(exc))
        finally:
            with contextlib.suppress(OSError):  # a directory or a vanished file: nothing to remove
                response.unlink()
        try:
            raw = json.loads(text)
            return self._result(raw if isinstance(raw, dict) else {})
        except (ValueError, RecursionError, OverflowError, TypeError, KeyError, AttributeError,
                plain_data.NotPlainData) as exc:  # whatever the learner's code wrote there
            return CallResult("bad_output", message=say(f"the result could not be read ({type(exc).__name__})",
                                                        f"无法读取结果（{type(exc).__name__}）"))

    @staticmethod
    def _result(raw):
        status = raw.get("status")
        if status != "ok":
            return CallResult(status if status in ("missing", "bad_output", "error") else "error",
                              message=say(str(raw.get("message", "")), str(raw.get("message_zh") or raw.get("message", ""))),
                              details=raw)
        return CallResult("ok", plain_data.from_jsonable(raw["output"]), plain_data.from_jsonable(raw["args_after"]))


class _NotAPlainFile(Exception):
    """The result file is a link, a FIFO, a device or too large."""


_REPLACED = ("the result file was replaced by something else than a file", "结果文件被换成了别的东西，而不是普通文件")
_TOO_LARGE = ("returned more data than the grader accepts", "返回的数据超出了评分器接受的大小")


def _read_plain_file(path, limit):
    try:
        f = submission_files.open_regular(path)  # a symlink raises ELOOP: OSError
    except submission_files.NotOrdinary:
        raise _NotAPlainFile(say(*_REPLACED)) from None
    with f:
        info = os.fstat(f.fileno())
        if info.st_nlink != 1:
            raise _NotAPlainFile(say(*_REPLACED))
        if info.st_size > limit:
            raise _NotAPlainFile(say(*_TOO_LARGE))
        data = f.read(limit + 1)
    if len(data) > limit:
        raise _NotAPlainFile(say(*_TOO_LARGE))
    return data.decode("utf-8", errors="replace")
