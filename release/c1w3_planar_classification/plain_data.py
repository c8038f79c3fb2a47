# Generated copy of autograder/shipped/plain_data.py, shipped by `make build`: do not edit.
"""Plain data <-> JSON, the only thing that crosses between a learner's process and the grader.

Plain data is None, bool, int, float, str, numpy arrays and numpy scalars of numeric or bool dtype,
and lists, tuples and string-keyed dicts of plain data. Anything else (a learner's own class, an
object with a custom __eq__, an object array) is refused when encoding, so the grader only ever
compares values it built itself from JSON. This file uses the standard library and numpy only,
because the course build ships a copy of it to learners.
"""
import json
import math

import numpy as np

ALLOWED_KINDS = "biuf"  # bool, signed int, unsigned int, float
MAX_ITEMS = 5_000_000  # numbers in one payload; past this the payload is refused


class NotPlainData(TypeError):
    """Raised for a value the grader cannot accept as plain data; says why in English and Chinese
    (the grader shows the notebook's edition)."""

    def __init__(self, english, chinese=""):
        super().__init__(english)
        self.zh = chinese or english


def _number(x):
    """JSON has no NaN or infinity; keep them as strings that come back as floats."""
    if isinstance(x, float) and not math.isfinite(x):
        return repr(x)
    return x


def _revive_number(x):
    return float(x) if x in ("nan", "inf", "-inf") else x


def to_jsonable(value, path="value", budget=None):
    """Turn plain data into JSON-ready structures tagged with their Python type."""
    budget = budget if budget is not None else [MAX_ITEMS]
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, np.generic):
        return {"float": _number(value)} if isinstance(value, float) else value
    if isinstance(value, (np.ndarray, np.generic)):
        array = np.asarray(value)
        if array.dtype.kind not in ALLOWED_KINDS:
            raise NotPlainData(f"{path} is a numpy array of dtype {array.dtype}; use numbers",
                               f"{path} 是 dtype 为 {array.dtype} 的 numpy 数组；请使用数值")
        budget[0] -= array.size
        if budget[0] < 0:
            raise NotPlainData(f"{path} is too large to grade", f"{path} 太大，无法评分")
        kind = "scalar" if isinstance(value, np.generic) else "array"
        data = [_number(x) for x in array.ravel().tolist()]
        return {kind: str(array.dtype), "shape": list(array.shape), "data": data}
    if isinstance(value, (list, tuple)) and type(value) in (list, tuple):
        items = [to_jsonable(v, f"{path}[{i}]", budget) for i, v in enumerate(value)]
        return {type(value).__name__: items}
    if type(value) is dict:
        for key in value:
            if type(key) is not str:
                raise NotPlainData(f"{path} has a key {key!r} that is not a string",
                                   f"{path} 有一个不是字符串的键 {key!r}")
        return {"dict": {k: to_jsonable(v, f"{path}[{k!r}]", budget) for k, v in value.items()}}
    raise NotPlainData(f"{path} is a {type(value).__name__}, which the grader does not accept",
                       f"{path} 是 {type(value).__name__}，评分器不接受这种类型")


def from_jsonable(node):
    """Rebuild plain data from `to_jsonable` output; refuses anything it did not write."""
    if node is None or isinstance(node, (bool, str, int)):
        return node
    if not isinstance(node, dict) or len(node) not in (1, 3):
        raise NotPlainData(f"malformed payload: {str(node)[:60]}")
    if "float" in node:
        return float(_revive_number(node["float"]))
    if "list" in node or "tuple" in node:
        items = [from_jsonable(v) for v in node.get("list", node.get("tuple"))]
        return items if "list" in node else tuple(items)
    if "dict" in node:
        return {str(k): from_jsonable(v) for k, v in node["dict"].items()}
    kind = "array" if "array" in node else "scalar"
    dtype = np.dtype(node[kind])
    if dtype.kind not in ALLOWED_KINDS:
        raise NotPlainData(f"malformed payload: dtype {dtype}")
    data = [_revive_number(x) for x in node["data"]]
    array = np.array(data, dtype=dtype).reshape(node["shape"])
    return array if kind == "array" else array[()]


def dumps(value):
    return json.dumps(to_jsonable(value), separators=(",", ":"))


def loads(text):
    return from_jsonable(json.loads(text))
