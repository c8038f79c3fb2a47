"""A learner's Jupyter kernel in the sandbox, driven by the grader over Unix sockets.

The kernel has no network, so its ZMQ channels use Jupyter's `ipc` transport (Unix sockets in the
scratch folder). Cells run one at a time with a timeout; a kernel that dies or hangs is replaced by a
fresh one into which the cells that worked are replayed, so one bad cell or call costs only itself.
"""
import math
import os
import queue
import shutil
import subprocess
import time
from pathlib import Path

from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec

from .. import sandbox
from ..scratch_layout import ScratchLayout
from .cell_outputs import CellOutputs

HARNESS = Path(__file__).with_name("harness.py")
USER_NS = "__import__('IPython').get_ipython().user_ns"
PLAIN_DATA = Path(__file__).parent.parent / "shipped" / "plain_data.py"
NUMPY_COMPAT = Path(__file__).with_name("numpy_compat.py")


class KernelDied(Exception):
    """The kernel process ended (os._exit, a crash, the memory or CPU limit)."""


class TimedOut(Exception):
    """A cell or call ran past its time limit."""


class _SandboxKernelManager(KernelManager):
    """A KernelManager whose kernel command is the sandbox wrapper around ipykernel."""

    def __init__(self, spec, readable_by, **kwargs):
        super().__init__(**kwargs)
        self._spec, self._readable_by = spec, readable_by

    @property
    def kernel_spec(self):
        return self._spec

    def write_connection_file(self, **kwargs):
        result = super().write_connection_file(**kwargs)
        if self._readable_by is not None:  # the sandbox uid must read its connection file
            os.chown(self.connection_file, self._readable_by, self._readable_by)
        return result


class SandboxedKernel:
    def __init__(self, scratch, limits=sandbox.Limits(), startup_timeout=60):
        self.scratch = Path(scratch)
        self.layout = ScratchLayout(self.scratch)
        self.limits, self.startup_timeout = limits, startup_timeout
        self.deadline = math.inf  # time.monotonic() past which no start-up is waited for (the notebook's)
        self.km = self.kc = None
        self.harness_loaded = False

    # ---- life cycle ----
    def start(self):
        self.launch()
        self.wait_ready()

    def launch(self):
        """Start the kernel process without waiting for it (so it can boot while we do other work)."""
        ipc = self.layout.ipc
        for leftover in ipc.iterdir():
            leftover.unlink()
        uid = sandbox.sandbox_uid() if sandbox.isolated() else None
        # the numpy aliases run from grader/, which the learner's code can read but not change
        compat = shutil.copy(NUMPY_COMPAT, self.layout.grader / NUMPY_COMPAT.name)
        argv = sandbox.wrap([str(Path(os.sys.prefix) / "bin" / "python"), "-m", "ipykernel_launcher",
                             "-f", "{connection_file}", f"--IPKernelApp.exec_files={compat}"],
                            self.scratch, self.limits)
        spec = KernelSpec(argv=argv, display_name="sandbox", language="python", interrupt_mode="message")
        self.km = _SandboxKernelManager(spec, uid, transport="ipc", ip=str(ipc / "kernel"),
                                        connection_file=str(ipc / "connection.json"))
        # the kernel's own console chatter is not the learner's output; cells' outputs come over ZMQ
        # (cwd matters without bubblewrap, where the kernel would otherwise start in the course root)
        self.km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=str(self.layout.work))
        self.kc = self.km.client()
        # Shell and iopub only: liveness comes from the kernel process (km.is_alive), interrupts go
        # through the manager's control socket, stdin is refused. jupyter_client's heartbeat thread,
        # if stopped before it has marked itself running, spins opening sockets until ZMQ has none left.
        self.kc.start_channels(stdin=False, hb=False, control=False)

    def wait_ready(self):
        """Wait for the kernel to answer: startup_timeout seconds at most, and not past the deadline."""
        timeout = min(self.startup_timeout, self.deadline - time.monotonic())
        try:
            self.kc.wait_for_ready(timeout=max(timeout, 0.01))
        except RuntimeError as exc:
            self.shutdown()
            raise KernelDied(f"the kernel did not start: {exc}") from None
        self.harness_loaded = False

    def shutdown(self):
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None:
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:  # already gone
                pass
        self.km = self.kc = None

    def alive(self):
        return self.km is not None and self.km.is_alive()

    # ---- running code ----
    def run(self, code, timeout, outputs=None, silent=False, expressions=None, interrupt=True):
        """Execute `code`; collect its outputs into `outputs`; return the reply content.
        Past `timeout` the kernel is interrupted and has 3 s more to reply; with interrupt=False
        (the notebook's deadline has come, nothing will run after this) TimedOut comes at once."""
        cell = CellOutputs(outputs)
        msg_id = self.kc.execute(code, silent=silent, store_history=not silent, allow_stdin=False,
                                 user_expressions=expressions or {})
        deadline = time.monotonic() + timeout
        interrupted, reply = False, None
        while reply is None:
            self._drain_iopub(msg_id, cell)
            try:
                message = self.kc.get_shell_msg(timeout=0.05)
            except queue.Empty:
                if not self.alive():
                    raise KernelDied("the kernel stopped")
                if time.monotonic() > deadline:
                    if interrupted or not interrupt:
                        raise TimedOut()
                    self.km.interrupt_kernel()
                    interrupted, deadline = True, time.monotonic() + 3
                continue
            if message["parent_header"].get("msg_id") == msg_id:
                reply = message
        if not cell.idle:
            self._drain_iopub(msg_id, cell, wait=2.0)
        if interrupted:
            raise TimedOut()
        return reply["content"]

    def _drain_iopub(self, msg_id, cell, wait=0.0):
        """Collect pending outputs of `msg_id` into `cell`; with `wait`, until the kernel reports idle."""
        deadline = time.monotonic() + wait
        while not cell.idle:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.005 if not wait else 0.05)
            except queue.Empty:
                if time.monotonic() >= deadline:
                    return
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                cell.idle = True
            else:
                cell.add(msg)

    def load_harness(self, timeout=30, interrupt=True):
        grader = self.layout.grader
        shutil.copy(HARNESS, grader / "_grader_harness.py")
        shutil.copy(PLAIN_DATA, grader / "plain_data.py")
        code = (f"import sys as _s\n_s.path.insert(0, {str(grader)!r})\nimport _grader_harness\n"
                f"_s.path.remove({str(grader)!r})\ndel _s")
        result = self.evaluate(f"exec({code!r}, {USER_NS})", timeout, interrupt)
        if result.get("status") != "ok":
            raise KernelDied(f"the grading harness could not be loaded: {result.get('evalue', result)}")
        self.harness_loaded = True

    def evaluate(self, expression, timeout, interrupt=True):
        """Evaluate one expression in the learner's namespace as a user expression: IPython evaluates
        those with plain eval, so the learner's input transformers and cell magics cannot rewrite it."""
        reply = self.run("", timeout, silent=True, expressions={"grader": expression}, interrupt=interrupt)
        return reply.get("user_expressions", {}).get("grader", {})
