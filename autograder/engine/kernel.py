"""A learner's Jupyter kernel in the sandbox, driven by the grader over Unix sockets.

The kernel has no network, so its ZMQ channels use Jupyter's `ipc` transport (Unix sockets in the
scratch folder). Cells run one at a time with a timeout; a kernel that dies or hangs is replaced by a
fresh one into which the cells that worked are replayed, so one bad cell or call costs only itself.
"""
import json
import logging
import math
import os
import queue
import select
import shutil
import signal
import subprocess
import time
from pathlib import Path

from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec

from .. import sandbox
from ..scratch_layout import ScratchLayout
from .cell_outputs import CellOutputs
from .zygote_client import Zygote, ZygoteUnavailable

HARNESS = Path(__file__).with_name("harness.py")
USER_NS = "__import__('IPython').get_ipython().user_ns"
PLAIN_DATA = Path(__file__).parent.parent / "shipped" / "plain_data.py"
NUMPY_COMPAT = Path(__file__).with_name("numpy_compat.py")


def _read_until(fd, end, timeout):
    """Bytes from `fd` until they hold `end`; OSError at EOF or after `timeout` seconds."""
    data, deadline = b"", time.monotonic() + timeout
    while end not in data:
        if not select.select([fd], [], [], max(deadline - time.monotonic(), 0))[0]:
            raise OSError("the sandbox did not answer in time")
        chunk = os.read(fd, 4096)
        if not chunk:
            raise OSError("the sandbox ended while starting")
        data += chunk
    return data


def _kill_now(km):
    """SIGKILL the sandbox's process group and reap it: jupyter_client's own kill then finds it gone
    at once, instead of polling for it in tenths of a second (a tenth per learner, on every learner)."""
    process = getattr(km.provisioner, "process", None)
    if process is None:
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)  # its own group: jupyter_client starts a new session
        process.wait(timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        pass  # gone already, or jupyter_client's kill tries again


_warned = set()


def _warn_once(message):
    if message not in _warned:
        _warned.add(message)
        logging.getLogger(__name__).warning(message)


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
    def __init__(self, scratch, limits=sandbox.Limits(), startup_timeout=60, forked=True):
        self.scratch = Path(scratch)
        self.layout = ScratchLayout(self.scratch)
        self.limits, self.startup_timeout = limits, startup_timeout
        self.deadline = math.inf  # time.monotonic() past which no start-up is waited for (the notebook's)
        self.km = self.kc = None
        self.harness_loaded = False
        self.forked = forked  # from the zygote, where it can be

    # ---- life cycle ----
    def start(self):
        self.launch()
        self.wait_ready()

    def launch(self):
        """Start the kernel process without waiting for it (so it can boot while we do other work):
        forked by the zygote into a fresh sandbox where it can be, else started from scratch."""
        ipc = self.layout.ipc
        for leftover in ipc.iterdir():
            leftover.unlink()
        # the numpy aliases run from grader/, which the learner's code can read but not change
        compat = shutil.copy(NUMPY_COMPAT, self.layout.grader / NUMPY_COMPAT.name)
        arguments = ["-f", "{connection_file}", f"--IPKernelApp.exec_files={compat}"]
        if not (sandbox.isolated() and self.forked and Zygote.shared().enabled and self._launch_forked(arguments)):
            python = [str(Path(os.sys.prefix) / "bin" / "python"), "-m", "ipykernel_launcher"]
            self._start_manager(sandbox.wrap(python + arguments, self.scratch, self.limits),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Shell and iopub only: liveness comes from the kernel process (km.is_alive), interrupts go
        # through the manager's control socket, stdin is refused. jupyter_client's heartbeat thread,
        # if stopped before it has marked itself running, spins opening sockets until ZMQ has none left.
        self.kc = self.km.client()
        self.kc.start_channels(stdin=False, hb=False, control=False)

    def _start_manager(self, argv, **popen):
        """A KernelManager that runs `argv` (its connection file in ipc/), started."""
        ipc = self.layout.ipc
        uid = sandbox.sandbox_uid() if sandbox.isolated() else None
        spec = KernelSpec(argv=argv, display_name="sandbox", language="python", interrupt_mode="message")
        self.km = _SandboxKernelManager(spec, uid, transport="ipc", ip=str(ipc / "kernel"),
                                        connection_file=str(ipc / "connection.json"))
        # the kernel's own console chatter is not the learner's output; cells' outputs come over ZMQ
        # (cwd matters without bubblewrap, where the kernel would otherwise start in the course root)
        self.km.start_kernel(cwd=str(self.layout.work), **popen)

    def _launch_forked(self, arguments):
        """The sandbox as a holder process (sandbox.holder), the kernel forked into it by the zygote.
        The manager watches the holder, which lives exactly as long as the kernel. False, with
        nothing left running, when the zygote cannot be used."""
        procs = sandbox.cgroup_files(self.scratch, self.limits)
        info_r, info_w = os.pipe()
        ready_r, ready_w = os.pipe()
        live_r, live_w = os.pipe()
        try:
            self._start_manager(sandbox.holder(self.scratch, self.limits, info_w, procs),
                                stdin=live_r, stdout=ready_w, stderr=subprocess.DEVNULL, pass_fds=(info_w,))
        finally:
            for fd in (info_w, ready_w, live_r):
                os.close(fd)
        try:
            wait = min(self.startup_timeout, max(self.deadline - time.monotonic(), 0.01))
            holder = json.loads(_read_until(info_r, b"}", wait))["child-pid"]
            if _read_until(ready_r, b"\n", wait) != b"ready\n":
                raise OSError("the sandbox did not start")
            request = {**sandbox.kernel_recipe(self.scratch, self.limits, procs), "namespaces_of": holder,
                       "argv": [a.replace("{connection_file}", self.km.connection_file) for a in arguments]}
            theirs, live_w = live_w, None
            Zygote.shared().fork_kernel(request, theirs)  # closes it: the kernel holds the only copy
            return True
        except (OSError, ValueError, KeyError, ZygoteUnavailable) as exc:
            if live_w is not None:
                os.close(live_w)
            self.km.shutdown_kernel(now=True)
            self.km = None
            _warn_once(f"kernels start fresh, not from the zygote: {exc}")
            return False
        finally:
            os.close(info_r)
            os.close(ready_r)

    def wait_ready(self):
        """Wait for the kernel to answer: startup_timeout seconds at most, and not past the deadline.
        Ready means a kernel_info reply on shell and a message on iopub (its welcome), so no output
        of the first cell can be lost. jupyter_client's wait_for_ready does the same with one-second
        waits and sleeps; this one polls every few milliseconds, which matters once starts are fast."""
        deadline = time.monotonic() + max(min(self.startup_timeout, self.deadline - time.monotonic()), 0.01)
        self.kc.kernel_info()
        while True:
            try:
                reply = self.kc.shell_channel.get_msg(timeout=0.02)
            except queue.Empty:
                if not self.alive() or time.monotonic() > deadline:
                    why = "it ended" if not self.alive() else "no answer in time"
                    self.shutdown()
                    raise KernelDied(f"the kernel did not start: {why}") from None
                continue
            if reply["msg_type"] != "kernel_info_reply":
                continue
            try:
                self.kc.iopub_channel.get_msg(timeout=0.2)
                break
            except queue.Empty:  # iopub not subscribed yet: ask again, and see it answer there too
                self.kc.kernel_info()
        self.harness_loaded = False

    def shutdown(self):
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None:
            _kill_now(self.km)
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:  # already gone
                pass
        self.km = self.kc = None

    def alive(self):
        return self.km is not None and self.km.is_alive()

    # ---- running code ----
    # Messages are read from the channels themselves: the client's get_shell_msg and get_iopub_msg
    # wrap the same synchronous call in an asyncio loop each time, which costed the grading process
    # a tenth of its CPU time (a few hundred messages per notebook).
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
                message = self.kc.shell_channel.get_msg(timeout=0.05)
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
                msg = self.kc.iopub_channel.get_msg(timeout=0.005 if not wait else 0.05)
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
