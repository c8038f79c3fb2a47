"""The grader's side of the callee proxies: runs the reference for the learner's kernel.

While a composite function such as L_model_forward is graded, the functions it calls are the
course's own, so a bug in linear_forward costs points once. The reference code never enters the
sandbox: the kernel sends the arguments here (plain data, over a Unix socket) and gets the result.
"""
import copy
import inspect
import json
import os
import socketserver
import threading

import numpy as np

from .. import plain_data, reference, spec
from ..spec import quiet_numerics

MAX_REQUEST = 256 * 1024 ** 2


class CalleeServer:
    def __init__(self, aid, socket_path):
        self.aid, self.socket_path = aid, str(socket_path)
        self.allowed = set()  # the callees of the function being graded right now
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                self.wfile.write(json.dumps(server.answer(self.rfile.readline(MAX_REQUEST))).encode() + b"\n")

        self._server = socketserver.ThreadingUnixStreamServer(self.socket_path, Handler)
        self._server.daemon_threads = True
        os.chmod(self.socket_path, 0o777)  # the sandbox uid connects to it
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()

    def answer(self, line):
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
            with quiet_numerics():  # the learner's arguments may well make the reference divide by zero
                output = fn(*copy.deepcopy(args), **copy.deepcopy(kwargs))
            return {"output": plain_data.to_jsonable(output)}
        except Exception as exc:  # bad arguments from the learner's code: tell the learner's code
            return {"error": f"{type(exc).__name__}: {exc}"[:500]}

    def _today(self, name, fn, args):
        """Drop the unused arguments of an original signature (an old nn_model calls
        compute_cost(A2, Y, parameters)); today's reference takes fewer."""
        if not spec.had_old_signature(self.aid, name):
            return args
        return args[:len(inspect.signature(fn).parameters)]

    def close(self):
        self._server.shutdown()
        self._server.server_close()
