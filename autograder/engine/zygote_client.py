"""The grading process's side of the zygote (zygote.py): start it once, ask it for kernels.

One zygote per grading process, started on the first kernel and restarted if it died. Where it
cannot work (no sandbox, warm-up failed, setns refused) `ZygoteUnavailable` says why, and the caller
starts the kernel the usual way: the zygote makes grading faster, never different.
"""
import atexit
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import sandbox

SCRIPT = Path(__file__).with_name("zygote.py")
START_TIMEOUT = 60.0  # seconds for the imports, once per grading process
FORK_TIMEOUT = 20.0


class ZygoteUnavailable(Exception):
    """No kernel can come from the zygote; the message says why."""


def _environment(folder):
    """The kernels' own settings (those read at import matter here) and a private config folder."""
    return {**sandbox.base_environment(folder), "MPLCONFIGDIR": folder}


class Zygote:
    _shared = None

    def __init__(self):
        self.proc = self.sock = self.folder = None
        self.refused = None  # why the zygote cannot be used in this process, once known
        self.enabled = True  # SecureExecute.fork_kernels in nbgrader_config.py
        self.kernels = 0  # forked so far (tests and benchmarks read it)

    @classmethod
    def shared(cls):
        if cls._shared is None:
            cls._shared = cls()
            atexit.register(cls._shared.stop)
        return cls._shared

    def fork_kernel(self, request, live_fd):
        """Fork a kernel per `request` (see sandbox.kernel_recipe); returns its host pid. `live_fd` is
        the write end of the sandbox's liveness pipe: the kernel holds the only copy (closed here)."""
        try:
            if self.refused:
                raise ZygoteUnavailable(self.refused)
            if self.proc is None or self.proc.poll() is not None:
                self._start()
            socket.send_fds(self.sock, [json.dumps(request).encode()], [live_fd])
            answer = self._answer(FORK_TIMEOUT)
            self.kernels += "pid" in answer
        except OSError as exc:
            self.stop()
            raise ZygoteUnavailable(f"the zygote stopped answering ({exc})") from None
        finally:
            os.close(live_fd)
        if "error" in answer:
            self.refused = answer["error"]  # the same would happen to the next kernel
            raise ZygoteUnavailable(self.refused)
        return answer["pid"]

    def _start(self):
        if not sandbox.isolated():
            self.refused = "kernels start fresh where there is no sandbox to fork them into"
            raise ZygoteUnavailable(self.refused)
        self.stop()
        self.folder = tempfile.mkdtemp(prefix="autograder-zygote-")
        self.sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.proc = subprocess.Popen([sys.executable, "-I", str(SCRIPT), str(theirs.fileno())],
                                         pass_fds=[theirs.fileno()], env=_environment(self.folder),
                                         cwd=self.folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
        finally:
            theirs.close()
        answer = self._answer(START_TIMEOUT)
        if not answer.get("ready"):
            self.refused = answer.get("error", "the zygote did not start")
            self.stop()
            raise ZygoteUnavailable(self.refused)

    def _answer(self, timeout):
        self.sock.settimeout(timeout)
        data = self.sock.recv(1 << 16)
        if not data:
            raise OSError("the zygote ended")
        return json.loads(data)

    def stop(self):
        if self.sock is not None:
            self.sock.close()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.proc = self.sock = self.folder = None
