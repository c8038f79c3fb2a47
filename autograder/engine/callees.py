"""The grader's side of the callee proxies: runs the reference for the learner's kernel.

While a composite function such as L_model_forward is graded, the functions it calls are the
course's own, so a bug in linear_forward costs points once. The reference code never enters the
sandbox: the kernel sends the arguments (plain data, over a Unix socket) and gets the result.

The learner's code chooses those arguments, so the work is done by a child process
(callee_runner.py) under its own memory and CPU limits, one request at a time, and only while a
graded call runs: it dies at that call's deadline, and is killed when a call ends with work still
in flight. It starts on the first call that has callees, so notebooks without them never pay for it.
"""
import json
import os
import select
import socket
import subprocess
import sys
from pathlib import Path

import autograder

RUNNER_MEMORY = 1024 ** 3  # RLIMIT_AS of the runner: the reference on hidden-case sizes needs far less
END_WAIT = 0.5  # seconds an idle runner has to confirm the end of a call; a busy one is killed


class CalleeServer:
    def __init__(self, aid, socket_path, cpu_seconds=600, memory=RUNNER_MEMORY):
        self.aid, self.socket_path = aid, Path(socket_path)
        self.cpu_seconds, self.memory = int(cpu_seconds) + 1, memory
        self._proc, self._open = None, False
        self.restarts = 0  # runners started so far (tests and benchmarks read it)

    def open(self, allowed, deadline):
        """A graded call that may ask for `allowed` starts; it ends at `deadline` (time.monotonic)."""
        if not allowed:
            return
        message = f"open {deadline!r} {json.dumps(sorted(allowed))}\n".encode()
        for _ in range(2):  # a runner that died since the last call is replaced once
            if self._proc is None or self._proc.poll() is not None:
                self._start()
            try:
                self._proc.stdin.write(message)
                self._open = True
                return
            except OSError:
                self._stop()

    def end(self):
        """The call is over: nothing more is served for it, and work still running is killed."""
        if not self._open:
            return
        self._open = False
        if not self._confirmed_idle():
            self._stop()

    def close(self):
        self._stop()

    def _confirmed_idle(self):
        try:
            self._proc.stdin.write(b"end\n")
            out = self._proc.stdout.fileno()
            if select.select([out], [], [], END_WAIT)[0]:
                return os.read(out, 64) == b"ended\n"
        except OSError:
            pass
        return False

    def _start(self):
        """A new runner behind a new socket (the path stays the same for the learner's proxies)."""
        self._stop()
        self.socket_path.unlink(missing_ok=True)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(str(self.socket_path))
            os.chmod(self.socket_path, 0o777)  # the sandbox uid connects to it
            listener.listen(8)
            argv = [sys.executable, "-m", "autograder.engine.callee_runner", self.aid,
                    str(listener.fileno()), str(self.memory), str(self.cpu_seconds)]
            self._proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          stderr=subprocess.DEVNULL, pass_fds=[listener.fileno()],
                                          env=_runner_environment(), bufsize=0)
            self.restarts += 1
        finally:
            listener.close()  # the runner holds the only copy: when it dies, connections are refused

    def _stop(self):
        if self._proc is None:
            return
        self._proc.kill()
        self._proc.wait()
        self._proc.stdin.close()
        self._proc.stdout.close()
        self._proc, self._open = None, False


def _runner_environment():
    """The grader's environment, with this copy of the autograder package first on the path."""
    env = dict(os.environ)
    package_parent = str(Path(autograder.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    # one BLAS thread, as in the kernel: the runner does small products, and idle BLAS threads spin
    env.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    return env
