"""The character-level language model against independent oracles: finite differences of the loss,
the original course's published numbers, the sampling distribution itself, and the names data.

Also checks that hidden cases hold what they exist for on every draw, and that answers written
differently from the reference (as learners of the course wrote them) pass every hidden case.
"""
import contextlib
import copy
import io
import re

import numpy as np
import pytest

from alternatives import assert_right_on_hidden_cases
from oracles import numeric_gradient, rel_error

from autograder import paths, reference, spec

AID = "c5w1_char_language_model"
ref = reference.load(AID)
utils = reference.import_course_file(AID, paths.COURSE / AID / "char_utils.py", "char_utils_under_test")
fixtures = reference.import_course_file(AID, paths.COURSE / AID / "testCases.py", "char_lm_fixtures_under_test")
VARIANTS = [0, 1, 2024, 3_000_000_019]
KEYS = ("Wax", "Waa", "Wya", "b", "by")


def _params(rng, n_a, vocab_size, scale=1.0):
    return {"Wax": rng.randn(n_a, vocab_size) * scale, "Waa": rng.randn(n_a, n_a) * scale,
            "Wya": rng.randn(vocab_size, n_a) * scale, "b": rng.randn(n_a, 1) * scale,
            "by": rng.randn(vocab_size, 1) * scale}


def _course_gradients(seed=3):
    """The original course's clip fixture: np.random.seed(3), then dWax, dWaa, dWya, db, dby times 10."""
    np.random.seed(seed)
    dWax, dWaa, dWya = np.random.randn(5, 3) * 10, np.random.randn(5, 5) * 10, np.random.randn(2, 5) * 10
    db, dby = np.random.randn(5, 1) * 10, np.random.randn(2, 1) * 10
    return {"dWax": dWax, "dWaa": dWaa, "dWya": dWya, "db": db, "dby": dby}


# ---- published values of the course ----

def test_clip_gives_the_course_numbers():
    clipped = ref.clip(_course_gradients(), 10)
    assert clipped["dWaa"][1][2] == 10.0
    assert clipped["dWax"][3][1] == -10.0
    assert np.isclose(clipped["dWya"][1][2], 0.2971381536101662, rtol=1e-12)
    assert np.allclose(clipped["db"][4], [10.0])
    assert np.allclose(clipped["dby"][1], [8.45833407])
    clipped = ref.clip(_course_gradients(), 5)
    assert clipped["dWaa"][1][2] == 5.0 and clipped["dWax"][3][1] == -5.0
    assert np.allclose(clipped["db"][4], [5.0]) and np.allclose(clipped["dby"][1], [5.0])


def test_sample_gives_the_course_indices():
    """The 2021+ course's sample check: seed 24, n_a = 100, 27 characters, sample(..., 0)."""
    indices = ref.sample(*fixtures.sample_test_case())
    assert [int(i) for i in indices] == [23, 16, 26, 26, 24, 3, 21, 1, 7, 24, 15, 3, 25, 20, 6, 13, 10, 8,
                                         20, 12, 2, 0]


def test_optimize_gives_the_course_numbers():
    """The original course's optimize check: seed 1, n_a = 100, X = [12, 3, 5, 11, 22, 3]."""
    loss, gradients, a_last = ref.optimize(*fixtures.optimize_test_case())
    assert np.isclose(loss, 126.503975722, rtol=1e-9)
    assert np.isclose(gradients["dWaa"][1][2], 0.194709315347, rtol=1e-9)
    assert np.argmax(gradients["dWax"]) == 93
    assert np.isclose(gradients["dWya"][1][2], -0.007773876032, rtol=1e-8)
    assert np.allclose(gradients["db"][4], [-0.06809825])
    assert np.allclose(gradients["dby"][1], [0.01538192])
    assert np.allclose(a_last[4], [-1.0])


# ---- independent oracles ----

@pytest.mark.parametrize("vocab_size,n_a,length,none_first", [(27, 5, 6, True), (4, 1, 3, False), (7, 3, 0, True)])
def test_optimize_gradients_match_finite_differences_of_the_loss(vocab_size, n_a, length, none_first):
    """Small weights keep every gradient inside [-5, 5], so clipping leaves them as the loss has them."""
    rng = np.random.RandomState(vocab_size * 10 + n_a)
    params = _params(rng, n_a, vocab_size, scale=0.3)
    a_prev = np.tanh(rng.randn(n_a, 1))
    X = ([None] if none_first else [0]) + list(1 + rng.randint(vocab_size - 1, size=length))
    Y = X[1:] + [0]
    before = copy.deepcopy(params)
    loss, gradients, a_last = ref.optimize(X, Y, a_prev, params, 0.1)

    def loss_of_before():
        return utils.rnn_forward(X, Y, a_prev, before)[0]

    assert np.isclose(loss, loss_of_before())
    assert all(np.abs(g).max() < 5 for g in gradients.values())
    for key in KEYS:
        numeric = numeric_gradient(loss_of_before, before[key])
        assert rel_error(gradients["d" + key], numeric) < 1e-6, key
        # and the update happened in place, one step of 0.1 against the gradient
        assert np.allclose(params[key], before[key] - 0.1 * gradients["d" + key])
    a = np.copy(a_prev)
    for t in range(len(X)):  # the last hidden state, recomputed step by step
        x = np.zeros((vocab_size, 1))
        if X[t] is not None:
            x[X[t]] = 1
        a = np.tanh(before["Wax"] @ x + before["Waa"] @ a + before["b"])
    assert np.allclose(a_last, a)


def test_optimize_clips_at_five():
    rng = np.random.RandomState(5)
    params = _params(rng, 4, 6, scale=0.5)
    params["by"][2] = -10.0  # a letter the model finds unlikely, seen twelve times: its gradient is about -12
    X = [None] + [2] * 12
    _, gradients, _ = ref.optimize(X, X[1:] + [0], np.zeros((4, 1)), params, 0.01)
    assert gradients["dby"][2, 0] == -5.0
    assert all(np.abs(g).max() <= 5 for g in gradients.values())


def test_sample_is_deterministic_for_a_seed_and_differs_between_seeds():
    params, char_to_ix, _ = fixtures.sample_test_case()
    runs = [[int(i) for i in ref.sample(params, char_to_ix, seed)] for seed in (0, 0, 5)]
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]


def test_a_peaked_distribution_gives_its_peak():
    rng = np.random.RandomState(0)
    char_to_ix = {ch: i for i, ch in enumerate("\nabcde")}
    params = _params(rng, 3, 6, scale=0.1)
    params["by"][:] = -60.0
    params["by"][char_to_ix["c"]] = 60.0  # "c" always, so the name never ends: 50 times, then the newline
    assert [int(i) for i in ref.sample(params, char_to_ix, 4)] == [3] * 50 + [0]
    params["by"][char_to_ix["\n"]] = 120.0  # the newline first: an empty name
    assert [int(i) for i in ref.sample(params, char_to_ix, 4)] == [0]


def test_sample_follows_the_distribution():
    """With Wya = 0 every step draws from softmax(by): the first characters of many seeds' samples
    come out with those frequencies."""
    rng = np.random.RandomState(1)
    char_to_ix = {ch: i for i, ch in enumerate("\nabc")}
    params = _params(rng, 2, 4)
    params["Wya"][:] = 0.0
    params["by"] = np.array([[0.2], [1.0], [-0.5], [0.4]])
    p = np.exp(params["by"].ravel()) / np.exp(params["by"]).sum()
    first = np.array([ref.sample(params, char_to_ix, seed)[0] for seed in range(4000)])
    freq = np.bincount(first, minlength=4) / len(first)
    assert np.abs(freq - p).max() < 0.03, (freq, p)


def test_rnn_backward_matches_finite_differences():
    rng = np.random.RandomState(7)
    params = _params(rng, 4, 5)
    X, Y, a0 = [None, 3, 1, 4], [3, 1, 4, 0], np.tanh(rng.randn(4, 1))
    loss, cache = utils.rnn_forward(X, Y, a0, params)
    gradients, a = utils.rnn_backward(X, Y, params, cache)
    assert set(gradients) == {"d" + k for k in KEYS}
    assert np.array_equal(a[-1], a0) and len(a) == len(X) + 1
    for key in KEYS:
        numeric = numeric_gradient(lambda: utils.rnn_forward(X, Y, a0, params)[0], params[key])
        assert rel_error(gradients["d" + key], numeric) < 1e-6, key


def test_update_parameters_works_in_place_and_returns_the_dict():
    params = {k: np.ones((2, 2)) for k in KEYS}
    grads = {"d" + k: np.ones((2, 2)) for k in KEYS}
    arrays = dict(params)
    out = utils.update_parameters(params, grads, 0.25)
    assert out is params and all(out[k] is arrays[k] and np.allclose(out[k], 0.75) for k in KEYS)


def test_initialize_parameters_seeds_itself():
    p, q = utils.initialize_parameters(3, 5, 5), utils.initialize_parameters(3, 5, 5)
    assert all(np.array_equal(p[k], q[k]) for k in KEYS)
    assert p["Wax"].shape == (3, 5) and p["Waa"].shape == (3, 3) and p["Wya"].shape == (5, 3)
    assert not p["b"].any() and not p["by"].any()
    assert np.isclose(utils.get_initial_loss(27, 7), 7 * np.log(27))


# ---- the data ----

def test_names_file():
    text = (paths.COURSE / AID / "dinos.txt").read_text()
    names = text.split("\n")
    assert names[-1] == "" and len(names) - 1 == 5163
    names = names[:-1]
    assert all(re.fullmatch("[a-z]+", n) for n in names)
    assert names == sorted(set(names))
    assert set(text) == set("abcdefghijklmnopqrstuvwxyz\n")
    licence = (paths.COURSE / AID / "LICENSE-names.txt").read_text()
    assert "public domain" in licence and "1990" in licence


def test_model_reads_the_names_as_the_original_did():
    """The hidden cases pass the file's names: the same list the original model read itself."""
    with open(paths.COURSE / AID / "dinos.txt") as f:
        original = [x.lower().strip() for x in f.readlines()]
    for case in spec.cases(AID, "model"):
        assert case.args[0] == original
        assert case.args[6] == 27 and len(case.args[1]) == 27


def test_model_learns_something():
    names, char_to_ix, ix_to_char = fixtures.vocabulary()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        params, last_name = ref.model(names, ix_to_char, char_to_ix, 2001, 10, 7, 27)
    losses = [float(x) for x in re.findall(r"Loss: ([0-9.]+)", out.getvalue())]
    assert len(losses) == 2 and losses[1] < losses[0] - 2
    assert last_name.endswith("\n") and last_name[0].isupper()
    assert set(params) == set(KEYS)


# ---- hidden cases hold what they exist for, on every draw ----

@pytest.mark.parametrize("variant", VARIANTS)
def test_every_draw_keeps_the_case_properties(variant):
    samples = [ref.sample(*copy.deepcopy(c.args)) for c in spec.cases(AID, "sample", variant)]
    assert len(samples[2]) == 51  # the 50-character cap
    assert len(samples[1]) < 50  # the newline is drawn, at index 3
    clips = spec.cases(AID, "clip", variant)
    for case in clips:
        gradients, maxValue = case.args
        assert gradients["db"].max() > maxValue and gradients["dby"].min() < -maxValue
        assert (np.concatenate([g.ravel() for g in gradients.values()]) < 0).any()
    X, Y, a_prev, params, lr = copy.deepcopy(spec.cases(AID, "optimize", variant)[0].args)
    _, cache = utils.rnn_forward(X, Y, a_prev, params)
    raw, _ = utils.rnn_backward(X, Y, params, cache)
    assert max(np.abs(g).max() for g in raw.values()) > 10  # so that clipping at 5 (not 10) shows


# ---- other right answers ----

def _clip_in_place(gradients, maxValue):
    for key, value in gradients.items():
        np.clip(value, -maxValue, maxValue, out=value)
    return gradients


def _clip_with_minimum(gradients, maxValue):
    return {key: np.minimum(np.maximum(value, -maxValue), maxValue) for key, value in gradients.items()}


def _sample_with_int_choice(parameters, char_to_ix, seed):
    vocab_size, n_a = parameters["by"].shape[0], parameters["Waa"].shape[1]
    x, a_prev, indices, newline = np.zeros((vocab_size, 1)), np.zeros((n_a, 1)), [], char_to_ix["\n"]
    for counter in range(50):
        a_prev = np.tanh(parameters["Waa"] @ a_prev + parameters["Wax"] @ x + parameters["b"])
        y = utils.softmax(parameters["Wya"] @ a_prev + parameters["by"])
        np.random.seed(counter + seed + counter)
        idx = np.random.choice(vocab_size, p=y.ravel())
        indices.append(idx)
        x = np.eye(vocab_size)[:, [idx]]
        if idx == newline:
            return indices
    return indices + [newline]


ALTERNATIVES = {"clip": [_clip_in_place, _clip_with_minimum], "sample": [_sample_with_int_choice]}


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_other_correct_answers_pass_every_hidden_case(name):
    for alternative in ALTERNATIVES[name]:
        assert_right_on_hidden_cases(AID, name, alternative, variants=(0, 7))