"""Contract of plain_data: the only values that cross from a learner's process to the grader.
What goes in comes back with the same type, dtype, shape and bits; anything else is refused."""
import json
import math

import numpy as np
import pytest

from autograder.shipped import plain_data

NotPlainData = plain_data.NotPlainData


def round_trip(value):
    """Through real JSON text, as between the kernel and the grader."""
    return plain_data.loads(plain_data.dumps(value))


# ---- round trips ----

@pytest.mark.parametrize("value", [None, True, False, 0, -7, 2 ** 70, 0.1, -0.0, 1e-300, 1e300, "", "relu"])
def test_python_scalars_come_back_with_their_type_and_value(value):
    back = round_trip(value)
    assert type(back) is type(value) and back == value
    if isinstance(value, float):
        assert math.copysign(1, back) == math.copysign(1, value)  # -0.0 stays negative


def test_an_int_does_not_become_a_float_nor_a_float_an_int():
    assert type(round_trip(3)) is int and type(round_trip(3.0)) is float


DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(0,), (5,), (2, 3), (2, 1, 3), ()])
def test_arrays_keep_dtype_shape_and_exact_values(dtype, shape):
    rng = np.random.RandomState(0)
    info = np.iinfo(dtype) if np.dtype(dtype).kind in "iu" else None
    if info is not None:  # include the extreme values of integer types
        raw = rng.randint(0, 100, size=shape).astype(dtype)
        if raw.size >= 2:
            raw.flat[0], raw.flat[1] = info.min, info.max
    else:
        raw = np.asarray(rng.randn(*shape) * 1e3).astype(dtype)
    back = round_trip(raw)
    assert type(back) is np.ndarray and back.dtype == raw.dtype and back.shape == raw.shape
    assert np.array_equal(back, raw)


@pytest.mark.parametrize("value", [np.float64(0.1), np.float32(1 / 3), np.float16(0.5), np.int64(-5),
                                   np.uint8(255), np.bool_(True)])
def test_numpy_scalars_stay_numpy_scalars_of_their_dtype(value):
    back = round_trip(value)
    assert type(back) is type(value) and back == value


def test_zero_d_array_stays_an_array_not_a_scalar():
    back = round_trip(np.array(2.5))
    assert type(back) is np.ndarray and back.shape == () and back == 2.5


def test_float64_bits_survive_json():
    values = np.random.RandomState(1).randn(1000)
    assert round_trip(values).tobytes() == values.tobytes()


def test_containers_keep_their_kind_and_order():
    value = {"b": [1, (2.0, np.ones(2)), []], "a": (), "c": {"x": None}}
    back = round_trip(value)
    assert list(back) == ["b", "a", "c"]
    assert type(back["b"]) is list and type(back["b"][1]) is tuple and type(back["a"]) is tuple
    assert back["b"][1][0] == 2.0 and np.array_equal(back["b"][1][1], np.ones(2))
    assert back["c"] == {"x": None}


def test_a_course_cache_round_trips():
    """The shape of value the grader sees most: (AL, caches) from an L-layer forward pass."""
    rng = np.random.RandomState(2)
    caches = [((rng.randn(3, 4), rng.randn(2, 3), rng.randn(2, 1)), rng.randn(2, 4)) for _ in range(3)]
    back = round_trip((rng.rand(1, 4), caches))
    assert type(back) is tuple and type(back[1]) is list and len(back[1]) == 3
    assert all(np.array_equal(a, b) for a, b in zip(back[1][2][0], caches[2][0]))


def test_moderate_nesting_round_trips():
    value = 1.5
    for _ in range(100):
        value = [value]
    back = round_trip(value)
    for _ in range(100):
        back = back[0]
    assert back == 1.5


# ---- non-finite floats: JSON has none, they must come back as floats ----

@pytest.mark.parametrize("x", [math.nan, math.inf, -math.inf])
def test_non_finite_python_floats_come_back_as_floats(x):
    back = round_trip(x)
    assert type(back) is float and (math.isnan(back) if math.isnan(x) else back == x)


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_non_finite_array_entries_come_back(dtype):
    value = np.array([np.nan, np.inf, -np.inf, 1.0], dtype=dtype)
    back = round_trip(value)
    assert back.dtype == value.dtype and np.array_equal(back, value, equal_nan=True)


def test_dumps_writes_strict_json():
    """No bare NaN or Infinity tokens, which strict JSON readers refuse."""
    text = plain_data.dumps([math.nan, np.array([np.inf])])
    json.loads(text, parse_constant=lambda token: pytest.fail(f"non-standard token {token}"))


def test_the_string_nan_stays_a_string():
    assert round_trip(["nan", "inf"]) == ["nan", "inf"]


# ---- refusals, when encoding ----

class Sneaky:
    def __eq__(self, other):
        return True


class MyList(list):
    pass


class MyDict(dict):
    pass


@pytest.mark.parametrize("value, said", [
    (Sneaky(), "is a Sneaky"),
    ({1, 2}, "is a set"),
    (b"1.0", "is a bytes"),
    (1 + 2j, "is a complex"),
    (MyList([1]), "is a MyList"),
    (MyDict(a=1), "is a MyDict"),
    (lambda: 1, "is a function"),
    (np.array([1.0, None], dtype=object), "dtype object"),
    (np.array(["a"]), "dtype <U1"),
    (np.array([1j]), "dtype complex128"),
    (np.complex128(1j), "dtype complex128"),
    (np.datetime64("2020-01-01"), "dtype datetime64"),
    ({1: 2.0}, "key 1 that is not a string"),
])
def test_anything_else_is_refused_with_not_plain_data(value, said):
    with pytest.raises(NotPlainData, match=said.replace("(", r"\(")):
        plain_data.to_jsonable(value)


def test_refusal_is_a_type_error_and_names_the_path():
    with pytest.raises(TypeError) as raised:
        plain_data.to_jsonable({"W1": [np.ones(2), (1.0, Sneaky())]}, "the returned value")
    assert str(raised.value).startswith("the returned value['W1'][1][1] is a Sneaky")


def test_a_payload_larger_than_the_cap_is_refused_before_copying_it():
    with pytest.raises(NotPlainData, match="too large"):
        plain_data.to_jsonable(np.zeros(plain_data.MAX_ITEMS + 1, dtype=np.int8))


def test_the_size_cap_counts_all_arrays_of_one_payload(monkeypatch):
    monkeypatch.setattr(plain_data, "MAX_ITEMS", 10)
    plain_data.to_jsonable([np.ones(4), np.ones(6)])  # exactly at the cap
    with pytest.raises(NotPlainData, match=r"value\[2\] is too large"):
        plain_data.to_jsonable([np.ones(4), np.ones(6), np.float64(1.0)])


def test_a_cyclic_or_absurdly_deep_value_raises_instead_of_hanging():
    cyclic = []
    cyclic.append(cyclic)
    deep = 1.0
    for _ in range(100_000):
        deep = [deep]
    for value in (cyclic, deep):
        with pytest.raises((RecursionError, NotPlainData)):
            plain_data.to_jsonable(value)


# ---- refusals, when decoding: only what to_jsonable writes is read back ----

@pytest.mark.parametrize("node", [
    1.5,                                                        # floats are always tagged
    [1, 2],
    {"array": "object", "shape": [1], "data": [1]},
    {"array": "<U3", "shape": [1], "data": ["abc"]},
    {"scalar": "complex128", "shape": [], "data": [1]},
    {"a": 1, "b": 2},                                           # neither 1 nor 3 keys
])
def test_decoding_refuses_what_it_did_not_write(node):
    with pytest.raises(NotPlainData):
        plain_data.from_jsonable(node)


@pytest.mark.parametrize("node", [
    {"unknown": 1},
    {"array": "float64", "shape": [3], "data": [1.0]},          # shape and data disagree
    {"float": "1e400x"},
    {"dict": [1, 2]},
])
def test_decoding_malformed_payloads_raises_an_error_the_session_catches(node):
    """session._read turns these exception types into a bad_output result."""
    caught = (ValueError, RecursionError, OverflowError, TypeError, KeyError, AttributeError, NotPlainData)
    with pytest.raises(caught):
        plain_data.from_jsonable(node)


def test_decoding_deeply_nested_json_raises_an_error_the_session_catches():
    text = '{"list":[' * 100_000 + "1" + "]}" * 100_000
    with pytest.raises((RecursionError, NotPlainData)):
        plain_data.loads(text)
