"""Contract of check_utils.compare / compare_outputs: what counts as the same answer, and what the
message says when it is not. Both the learner's visible checks and the grader rely on it."""
import numpy as np
import pytest

from autograder.shipped import check_utils

compare, compare_outputs = check_utils.compare, check_utils.compare_outputs


# ---- tolerance: numpy.allclose with rtol 1e-5, atol 1e-7, NaN equal ----

def test_tolerances_are_the_documented_ones():
    assert (check_utils.RTOL, check_utils.ATOL) == (1e-5, 1e-7)


@pytest.mark.parametrize("expected, got", [
    (1.0, 1.0 + 0.5e-5),          # inside rtol * |expected|
    (1000.0, 1000.0 + 0.009),      # rtol scales with the expected value
    (0.0, 0.5e-7),                 # near zero only atol applies
    (np.array([1.0, np.nan]), np.array([1.0, np.nan])),
])
def test_values_within_tolerance_are_equal(expected, got):
    assert compare(expected, got) == []


@pytest.mark.parametrize("expected, got", [
    (1.0, 1.0 + 2e-5),
    (1000.0, 1000.0 + 0.02),
    (0.0, 2e-7),
    (np.array([1.0, np.nan]), np.array([1.0, 0.0])),   # NaN equals only NaN
    (np.array([1.0, 0.0]), np.array([1.0, np.nan])),
])
def test_values_beyond_tolerance_differ(expected, got):
    assert len(compare(expected, got)) == 1


def test_array_message_names_count_and_first_wrong_index():
    expected = np.zeros((2, 3))
    got = expected.copy()
    got[1, 0], got[1, 2] = 5.0, 7.0
    (message,) = compare(expected, got, "A")
    assert message.startswith("A: 2 of 6 values differ, first at index (1, 0)")


# ---- bool, int and float are compared by value ----

@pytest.mark.parametrize("expected, got", [
    (np.array([[1.0, 0.0, 1.0]]), np.array([[True, False, True]])),  # np.round(A) vs A > 0.5
    (np.array([[1, 0]]), np.array([[1.0, 0.0]])),
    (0.0, 0),                                                          # b = 0 vs b = 0.0
    (3, 3.0),
    (True, 1.0),
])
def test_bool_int_and_float_compare_by_value(expected, got):
    assert compare(expected, got) == []


def test_same_kind_but_other_value_still_differs():
    assert compare(np.array([True, False]), np.array([True, True]))


@pytest.mark.parametrize("got", [np.array(["1.0"]), np.array([1.0], dtype=object), np.array([1 + 0j])])
def test_non_numeric_arrays_are_refused_even_with_equal_looking_values(got):
    (message,) = compare(np.array([1.0]), got, "x")
    assert "x: expected float values" in message


# ---- scalars: a Python number, a numpy scalar or a 0-d array ----

@pytest.mark.parametrize("got", [0.25, np.float64(0.25), np.float32(0.25), np.array(0.25)])
@pytest.mark.parametrize("expected", [0.25, np.float64(0.25), np.array(0.25)])
def test_any_scalar_form_matches_any_other(expected, got):
    assert compare(expected, got) == []


@pytest.mark.parametrize("got, said", [
    (np.array([0.25]), "array of shape (1,)"),
    (np.array([[0.25]]), "array of shape (1, 1)"),
    ([0.25], "list"),
    ("0.25", "str"),
    (None, "NoneType"),
])
def test_a_scalar_is_not_an_array_or_a_container(got, said):
    (message,) = compare(0.25, got, "cost")
    assert message == f"cost: expected a float scalar, got {said}"


# ---- shapes ----

@pytest.mark.parametrize("got_shape", [(3,), (1, 3), (3, 1, 1)])
def test_shape_must_match_exactly_even_when_broadcastable(got_shape):
    (message,) = compare(np.ones((3, 1)), np.ones(got_shape), "b")
    assert message == f"b: expected shape (3, 1), got shape {got_shape}"


def test_a_list_is_not_an_array():
    (message,) = compare(np.ones((2, 1)), [[1.0], [1.0]], "v")
    assert message == "v: expected a numpy array of shape (2, 1), got list"


# ---- dicts: exactly the expected keys ----

def test_dict_with_missing_and_extra_keys_names_both():
    expected = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}
    got = {"W1": np.ones((2, 2)), "B1": np.zeros((2, 1))}
    assert compare(expected, got, "parameters") == [
        "parameters: missing keys ['b1']", "parameters: unexpected keys ['B1']"]


def test_dict_values_are_compared_under_their_key():
    (message,) = compare({"W1": np.ones(2), "b1": 0.0}, {"W1": np.ones(2), "b1": 0.5}, "p")
    assert message.startswith("p['b1']: expected")


def test_dict_expected_but_other_type_given():
    (message,) = compare({"a": 1.0}, [1.0], "grads")
    assert message == "grads: expected a dict with keys ['a'], got list"


# ---- lists and tuples are interchangeable; length matters ----

@pytest.mark.parametrize("expected, got", [
    ((np.ones(2), 3.0), [np.ones(2), 3.0]),
    ([np.ones(2), 3.0], (np.ones(2), 3.0)),
    ([(1.0, 2.0), [3.0]], ([1.0, 2.0], (3.0,))),
])
def test_lists_and_tuples_are_interchangeable(expected, got):
    assert compare(expected, got) == []


def test_sequence_length_must_match():
    assert compare((1.0, 2.0), (1.0, 2.0, 3.0), "cache") == ["cache: expected 2 items, got 3"]


def test_nested_paths_say_where_the_difference_is():
    expected = [((np.ones((2, 1)), np.ones((1, 2))), np.zeros((1, 1)))]
    got = [((np.ones((2, 1)), np.ones((2, 1))), np.zeros((1, 1)))]
    assert compare(expected, got, "caches") == ["caches[0][0][1]: expected shape (1, 2), got shape (2, 1)"]


# ---- strings and None compare exactly ----

def test_strings_and_none_compare_exactly_and_by_type():
    assert compare("relu", "relu") == [] and compare(None, None) == []
    assert compare("relu", "sigmoid") and compare(None, 0) and compare("1", 1)


# ---- digits: hidden-case feedback is approximate ----

def test_two_digits_show_the_gap_but_not_a_value_to_copy():
    (message,) = compare(0.3712345, 0.6312345, "s", digits=2)
    assert message == "s: expected about 0.37, got 0.63"


def test_two_digits_on_arrays_keep_the_first_line_vague():
    expected = np.array([0.123456, 0.654321])
    first_line = compare(expected, np.array([0.123456, 0.9]), "A", digits=2)[0].splitlines()[0]
    assert first_line == "A: 1 of 2 values differ, first at index (1,) (expected about 0.65, got 0.9)"
    assert "0.6543" not in first_line


def test_default_digits_are_precise_enough_to_compare_by_eye():
    (message,) = compare(0.3712341, 0.6312341, "s")
    assert message == "s: expected 0.371234, got 0.631234"


def test_digits_do_not_change_what_passes():
    assert compare(1.0, 1.0 + 0.5e-5, digits=2) == []
    assert compare(1.0, 1.0 + 2e-5, digits=2)   # shown as "1.0 vs 1.0", still a difference


# ---- compare_outputs: named top-level outputs ----

def test_single_output_is_named_by_the_reference():
    assert compare_outputs(np.ones(2), np.zeros(2), ["s"])[0].startswith("s: ")


def test_several_outputs_are_named_one_by_one():
    problems = compare_outputs((np.ones(2), 1.0, "x"), [np.ones(2), 2.0, "y"], ["A", "cost", "kind"])
    assert [p.split(":")[0] for p in problems] == ["cost", "kind"]


@pytest.mark.parametrize("got, tail", [
    (np.ones(2), "got array of shape (2,)"),
    ((np.ones(2),), "got tuple of 1"),
    ([np.ones(2), 1.0, 2.0], "got list of 3"),
])
def test_wrong_number_of_returned_values_is_one_clear_problem(got, tail):
    assert compare_outputs((np.ones(2), 1.0), got, ["A", "cache"]) == [
        f"the function should return 2 values (A, cache), {tail}"]
