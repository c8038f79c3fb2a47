"""Fixtures for the visible checks: one `<function>_test_case()` per graded function.

Each returns the positional arguments of its function, drawn from a fixed seed so that the numbers
printed in the notebook never change. The grader uses other, unseen inputs.
"""
from pathlib import Path

import numpy as np

DATA_FILE = Path(__file__).resolve().parent / "dinos.txt"


def vocabulary():
    """(names, char_to_ix, ix_to_char) of the training file: "\\n" is index 0, "a".."z" 1..26."""
    text = DATA_FILE.read_text().lower()
    chars = sorted(set(text))
    names = [line.strip() for line in text.splitlines() if line.strip()]
    return names, {ch: i for i, ch in enumerate(chars)}, {i: ch for i, ch in enumerate(chars)}


def _rnn_parameters(rng, n_a, vocab_size):
    """Random parameters, drawn in the order Wax, Waa, Wya, b, by."""
    Wax, Waa, Wya = rng.randn(n_a, vocab_size), rng.randn(n_a, n_a), rng.randn(vocab_size, n_a)
    b, by = rng.randn(n_a, 1), rng.randn(vocab_size, 1)
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "b": b, "by": by}


def clip_test_case():
    rng = np.random.RandomState(3)
    dWax, dWaa, dWya = rng.randn(5, 3) * 10, rng.randn(5, 5) * 10, rng.randn(2, 5) * 10
    db, dby = rng.randn(5, 1) * 10, rng.randn(2, 1) * 10
    return ({"dWax": dWax, "dWaa": dWaa, "dWya": dWya, "db": db, "dby": dby}, 10)


def sample_test_case():
    _, char_to_ix, _ = vocabulary()
    rng = np.random.RandomState(24)
    return (_rnn_parameters(rng, 100, len(char_to_ix)), char_to_ix, 0)


def optimize_test_case():
    rng = np.random.RandomState(1)
    a_prev = rng.randn(100, 1)
    parameters = _rnn_parameters(rng, 100, 27)
    X = [12, 3, 5, 11, 22, 3]
    Y = [4, 14, 11, 22, 25, 26]
    return (X, Y, a_prev, parameters, 0.01)


def model_test_case():
    names, char_to_ix, ix_to_char = vocabulary()
    return (names, ix_to_char, char_to_ix, 100, 10, 3, 27)
