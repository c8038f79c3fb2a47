"""Runs inside the learner's kernel: calls one graded function on inputs the grader chose.

This file is copied into the sandbox; it imports only the standard library, numpy and plain_data
(copied beside it). It decides nothing: it returns plain data (the output, the arguments as they are
after the call, or the error) in a file the grader reads, and the grader judges in its own process.
Graded functions that the function calls are replaced, for the duration of the call, by proxies that
ask the grader to run the reference, over a Unix socket.
"""
import contextlib
import inspect
import io
import json
import random
import socket
import traceback

import numpy as np

import plain_data

MAX_REPLY = 33 * 1024 ** 2  # the grader sends at most 32 MiB


def _ask_grader(sock_path, name, args, kwargs):
    request = json.dumps({"function": name, "args": plain_data.to_jsonable(list(args)),
                          "kwargs": plain_data.to_jsonable(dict(kwargs))}).encode() + b"\n"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.connect(sock_path)
        conn.sendall(request)
        reply = conn.makefile("rb").readline(MAX_REPLY)
    if not reply:  # the grader stops its work for a call at the call's deadline
        raise RuntimeError(f"{name} (the course's version, used while grading) gave no answer: out of time")
    answer = json.loads(reply)
    if "error" in answer:
        raise RuntimeError(f"{name} (the course's version, used while grading) failed: {answer['error']}")
    for position, value in answer.get("changed", {}).items():
        _write_back(args[int(position)], plain_data.from_jsonable(value))
    return plain_data.from_jsonable(answer["output"])


def _write_back(target, value):
    """Change the caller's argument in place to what the reference made of it: arrays keep their
    identity (the caller may hold them), dict entries and list items are updated."""
    if isinstance(target, np.ndarray) and isinstance(value, np.ndarray) and target.shape == value.shape:
        target[...] = value
    elif isinstance(target, dict) and isinstance(value, dict):
        for key, item in value.items():
            if isinstance(target.get(key), np.ndarray) and isinstance(item, np.ndarray) \
                    and target[key].shape == item.shape:
                target[key][...] = item
            else:
                target[key] = item
    elif isinstance(target, list) and isinstance(value, (list, tuple)):
        target[:] = value


def _proxy(sock_path, name):
    def reference_version(*args, **kwargs):
        return _ask_grader(sock_path, name, args, kwargs)
    reference_version.__name__ = name
    return reference_version


def _learner_frames(exc):
    """The traceback from the learner's code on, without the harness's own frames."""
    frames = traceback.extract_tb(exc.__traceback__)[1:]
    lines = traceback.format_list(frames) + traceback.format_exception_only(type(exc), exc)
    return "".join(lines)[-3000:]


def _find(namespace, request):
    """The learner's function: by its name, or by a name it had in another version of the course."""
    for name in [request["function"], *request.get("aliases", [])]:
        if callable(namespace.get(name)):
            return namespace[name]
    return None


def _arguments(fn, request):
    """Today's arguments, or the original signature's when that is the one the function takes."""
    args = plain_data.from_jsonable(request["args"])
    if request.get("old_args") is None:
        return args
    try:
        inspect.signature(fn).bind(*args)
        return args
    except TypeError:
        return plain_data.from_jsonable(request["old_args"])
    except ValueError:  # no signature to read (a builtin): call it as today's API says
        return args


def call(namespace, request_path, response_path):
    """Run the call described in request_path; write what happened to response_path."""
    with open(request_path) as f:
        request = json.load(f)
    fn = _find(namespace, request)
    result = {"status": "missing"} if fn is None else _run(fn, request)
    with open(response_path, "w") as f:
        json.dump(result, f)


RETURNED = ("the returned value", "返回值")  # how a refused output is named, by edition


def _run(fn, request):
    args = _arguments(fn, request)
    scope = getattr(fn, "__globals__", {})
    saved = {callee: scope.get(callee) for callee in request["callees"]}
    for callee in saved:
        scope[callee] = _proxy(request["socket"], callee)
    np.random.seed(request["seed"])
    random.seed(request["seed"])
    sink = io.StringIO()
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            output = fn(*args)
        return {"status": "ok", "output": plain_data.to_jsonable(output, RETURNED[request.get("language") == "zh"]),
                "args_after": plain_data.to_jsonable(args)}
    except plain_data.NotPlainData as exc:
        return {"status": "bad_output", "message": str(exc), "message_zh": exc.zh}
    except BaseException as exc:  # the learner's error, KeyboardInterrupt from a timeout, SystemExit
        return {"status": "error", "ename": type(exc).__name__, "evalue": str(exc)[:500],
                "traceback": _learner_frames(exc)}
    finally:
        for callee, original in saved.items():
            if original is None:
                scope.pop(callee, None)
            else:
                scope[callee] = original
