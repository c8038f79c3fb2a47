"""The child process that runs the reference for the callee proxies of one notebook.

callees.CalleeServer starts it with the listening Unix socket the learner's kernel connects to, and
talks to it over stdin/stdout: `open <deadline> <names>` (a graded call starts: these functions may be
asked for, until that CLOCK_MONOTONIC time) and `end` (the call is over; answered `ended` once idle).
It serves one request at a time, under its own memory and CPU limits, and a timer ends the whole
process at the call's deadline, even inside numpy. So the learner's arguments cost at most this
process, never the grader's memory or time.
"""
import copy
import errno
import inspect
import json
import os
import resource
import select
import signal
import socket
import sys
import time

MAX_REQUEST = 32 * 1024 ** 2  # bytes of one request line (arguments as plain-data JSON)
MAX_REPLY = 32 * 1024 ** 2    # bytes of one answer


class Runner:
    def __init__(self, aid, listener):
        self.aid, self.listener = aid, listener
        self.allowed, self.deadline = set(), 0.0
        self.pending = b""  # control bytes read but not yet a whole line

    def serve(self):
        while True:
            ready, _, _ = select.select([0, self.listener], [], [])
            if 0 in ready and not self._control():
                return  # the grader closed the pipe: it is gone or done with us
            if self.listener in ready:
                self._one_connection()

    def _control(self):
        data = os.read(0, 4096)
        if not data:
            return False
        self.pending += data
        while b"\n" in self.pending:
            line, self.pending = self.pending.split(b"\n", 1)
            self._command(line.decode().split(" ", 2))
        return True

    def _command(self, words):
        if words[0] == "open":
            self.deadline, self.allowed = float(words[1]), set(json.loads(words[2]))
        elif words[0] == "end":
            self.allowed, self.deadline = set(), 0.0
            self._drop_waiting()
            os.write(1, b"ended\n")

    def _drop_waiting(self):
        """Close connections the finished call left queued: their work is nobody's now."""
        while select.select([self.listener], [], [], 0)[0]:
            try:
                self.listener.accept()[0].close()
            except OSError:
                return

    def _one_connection(self):
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            remaining = self.deadline - time.monotonic()
            if not self.allowed or remaining <= 0:
                return  # no graded call is running: nothing is served
            signal.setitimer(signal.ITIMER_REAL, remaining)  # SIGALRM's default action ends us
            try:
                conn.settimeout(remaining)
                conn.sendall(self._reply(_read_line(conn)))
            except OSError:
                pass  # the learner's side hung up or stopped reading
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)

    def _reply(self, line):
        if line is None:
            answer = {"error": f"the arguments are larger than the grader accepts ({MAX_REQUEST // 1024 ** 2} MiB)"}
        else:
            answer = self._answer(line)
        text = json.dumps(answer).encode() + b"\n"
        if len(text) > MAX_REPLY:
            text = json.dumps({"error": "the result is larger than the grader sends back"}).encode() + b"\n"
        return text

    def _answer(self, line):
        # imported here, on the first request: until then an `end` is answered at once
        import numpy as np

        from .. import reference
        from ..shipped import plain_data
        from .. import spec
        from ..spec import quiet_numerics
        try:
            request = json.loads(line)
            name = request["function"]
            if name not in self.allowed:
                return {"error": f"{name} is not available here"}
            args = plain_data.from_jsonable(request["args"])
            kwargs = plain_data.from_jsonable(request["kwargs"])
            fn = reference.function(self.aid, name)
            args = self._today(name, fn, args)
            np.random.seed(reference.call_seed(self.aid, name))  # deterministic, as for graded calls
            called_with = copy.deepcopy(args)
            with quiet_numerics():  # the learner's arguments may well make the reference divide by zero
                output = fn(*called_with, **copy.deepcopy(kwargs))
            changed = _changed(args, called_with, spec.may_change(self.aid, name))
            return {"output": plain_data.to_jsonable(output), "changed": changed}
        except Exception as exc:  # bad arguments from the learner's code (MemoryError included)
            return {"error": f"{type(exc).__name__}: {exc}"[:500]}

    def _today(self, name, fn, args):
        """Drop the unused arguments of an original signature (an old nn_model calls
        compute_cost(A2, Y, parameters)); today's reference takes fewer."""
        from .. import spec
        if not spec.had_old_signature(self.aid, name):
            return args
        return args[:len(inspect.signature(fn).parameters)]


def _changed(before, after, may_change):
    """{position: value} of the arguments the reference changed in place (only those the spec lets
    change, such as the parameters the language model's optimize trains): the proxy writes them back
    into the caller's own objects, as the learner's code relies on when it keeps no returned value."""
    from ..shipped import plain_data
    changed = {}
    for i in sorted(index for index in may_change if index < len(after)):
        new_form = plain_data.to_jsonable(after[i])
        if plain_data.to_jsonable(before[i]) != new_form:  # exactly: an update by 1e-9 is a change too
            changed[str(i)] = new_form
    return changed


def _read_line(conn):
    """One request line, or None past MAX_REQUEST bytes."""
    chunks, size = [], 0
    while True:
        chunk = conn.recv(1024 ** 2)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_REQUEST:
            return None
        if chunk.endswith(b"\n"):  # the proxy sends one line and waits
            break
    return b"".join(chunks)


def main():
    aid, fd, memory, cpu_seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C in the grader's terminal is the grader's
    listener = socket.socket(fileno=fd)
    try:
        Runner(aid, listener).serve()
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise


if __name__ == "__main__":
    main()
