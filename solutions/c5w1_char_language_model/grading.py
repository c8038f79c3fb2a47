"""Hidden cases and known mistakes for "Character level language model" (names).

`model` trains, so its cases are tiny (a few steps, a few hidden units). Its names are always the
whole training file: the original version of `model` ignored its first argument and read dinos.txt
itself, and the grader runs in a copy of the release folder, where that file is. What the cases vary
is the number of steps, of hidden units and of sampled names.

While `model` is graded, `sample` and `clip` are the reference's, but `optimize` is the learner's:
`optimize` trains by changing `parameters` in place (both versions), and the reference standing in
for a graded function cannot change the caller's arguments. So the known mistakes of `optimize` are
those that change what it returns without changing how `model` trains on these cases (the clipping,
which tiny models never reach, and the loss, which `model` only prints).
"""
import numpy as np

from autograder import paths
from autograder.spec import Case, Mistake, case_rng

AID = "c5w1_char_language_model"

CALLEES = {"optimize": ["clip"], "model": ["optimize", "sample", "clip"]}
# The original clip clipped the caller's arrays (np.clip(..., out=...)) and returned the same dict;
# optimize trains by changing the caller's parameters (update_parameters works in place), in both versions.
MAY_CHANGE = {"clip": {0}}
# optimize's job is to train the caller's parameters in place: their state after the call is graded.
ARGUMENT_OUTPUTS = {"optimize": {3}}
OLD_RETURNS = {"model": (0, "the current version of model returns (parameters, last_name), the last name "
                            "it sampled; yours returns the parameters only")}

NEWLINE = "\n"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _vocabulary(chars):
    """char_to_ix for the characters in this order."""
    return {ch: i for i, ch in enumerate(chars)}


def _parameters(rng, n_a, vocab_size, scale=1.0):
    return {"Wax": rng.randn(n_a, vocab_size) * scale, "Waa": rng.randn(n_a, n_a) * scale,
            "Wya": rng.randn(vocab_size, n_a) * scale, "b": rng.randn(n_a, 1), "by": rng.randn(vocab_size, 1)}


def _gradients(rng, n_a, n_x, n_y, scale):
    return {"dWax": rng.randn(n_a, n_x) * scale, "dWaa": rng.randn(n_a, n_a) * scale,
            "dWya": rng.randn(n_y, n_a) * scale, "db": rng.randn(n_a, 1) * scale, "dby": rng.randn(n_y, 1) * scale}


def clip_cases():
    cases = []
    for seed, (n_a, n_x, maxValue, scale) in enumerate([(4, 6, 2.5, 4.0), (1, 3, 10, 15.0),
                                                        (7, 27, 0.7, 1.0), (3, 2, 5, 6.0)]):
        rng = case_rng(10 + seed)
        gradients = _gradients(rng, n_a, n_x, n_x, scale)
        # values beyond both bounds in the biases, and values exactly at the bounds
        gradients["db"][0, 0], gradients["dby"][-1, 0] = 3 * maxValue, -3 * maxValue
        gradients["dWax"][0, 0], gradients["dWya"][-1, -1] = maxValue, -maxValue
        gradients["dWaa"][-1, 0] = -0.5 * maxValue  # inside, negative
        cases.append(Case(f"n_a={n_a}, vocabulary of {n_x}, maxValue={maxValue}", (gradients, maxValue)))
    return cases


def sample_cases():
    cases = []
    settings = [  # (characters in index order, n_a, seed, what is special)
        (NEWLINE + LETTERS, 5, 3, "27 characters"),
        ("abc" + NEWLINE, 3, 7, "4 characters, newline last"),
        (NEWLINE + LETTERS, 4, 11, "27 characters, a newline so unlikely that 50 are drawn"),
        ("xy" + NEWLINE + "zwv", 1, 0, "6 characters, n_a=1"),
    ]
    for seed, (chars, n_a, start, label) in enumerate(settings):
        rng = case_rng(20 + seed)
        char_to_ix = _vocabulary(chars)
        parameters = _parameters(rng, n_a, len(chars))
        newline = char_to_ix[NEWLINE]
        if seed == 2:  # |Wya a| stays below ~12 here: the newline has probability below e^-35
            parameters["by"][newline, 0] = -50.0
        if seed == 1:  # the newline's logit is the largest at every step (p >= 1/4): a right loop stops at it
            parameters["Wya"][newline] = 0.0
            others = np.abs(parameters["Wya"]).sum(axis=1) + parameters["by"][:, 0]
            parameters["by"][newline, 0] = np.delete(others, newline).max()
        cases.append(Case(f"{label}, seed={start}", (parameters, char_to_ix, start)))
    return cases


def optimize_cases():
    cases = []
    settings = [  # (vocab_size, n_a, name length, learning_rate, starts with None)
        (27, 6, 15, 0.01, True),
        (5, 3, 6, 0.05, False),
        (27, 1, 0, 0.5, True),
        (10, 8, 7, 0.01, True),
    ]
    for seed, (vocab_size, n_a, length, lr, none_first) in enumerate(settings):
        rng = case_rng(30 + seed)
        parameters = _parameters(rng, n_a, vocab_size, scale=0.5)
        a_prev = np.tanh(rng.randn(n_a, 1))
        newline = 0
        if seed == 0:  # one letter over and over, and unlikely: its gradient by far exceeds 5 (and 10)
            letter = 1 + rng.randint(vocab_size - 1)
            parameters["by"][letter, 0] = -8.0
            chars = [letter] * length
        else:
            chars = list(1 + rng.randint(vocab_size - 1, size=length))
        X = ([None] if none_first else [newline]) + [int(c) for c in chars]
        Y = X[1:] + [newline]
        label = (f"vocabulary of {vocab_size}, n_a={n_a}, {len(X)} characters, learning_rate={lr}"
                 + ("" if none_first else ", X[0] is a character, not None"))
        cases.append(Case(label, (X, Y, a_prev, parameters, lr)))
    return cases


def _training_names():
    """The names of the training file, as the original model read them (it opened the file itself)."""
    with open(paths.COURSE / AID / "dinos.txt") as f:
        return [line.lower().strip() for line in f.readlines()]


def model_cases():
    names = _training_names()
    chars = sorted(set("".join(names)) | {NEWLINE})
    char_to_ix = _vocabulary(chars)
    ix_to_char = list(chars)  # indexable by position like the notebook's dict (the grader sends string keys only)
    cases = []
    for num_iterations, n_a, dino_names in [(3, 4, 2), (1, 1, 1), (6, 7, 3)]:
        label = f"{num_iterations} steps, n_a={n_a}, {dino_names} sampled names"
        cases.append(Case(label, (names, ix_to_char, char_to_ix, num_iterations, n_a, dino_names, len(chars))))
    return cases


MISTAKES = {
    "clip": [
        Mistake("Clip every gradient: dWax, dWaa, dWya, db and dby.",
                "for gradient in [dWax, dWaa, dWya, db, dby]:", "for gradient in [dWax, dWaa, dWya]:"),
        Mistake("The interval is [-maxValue, maxValue]: negative values are clipped at -maxValue, not 0.",
                "np.clip(gradient, -maxValue, maxValue, out=gradient)", "np.clip(gradient, 0, maxValue, out=gradient)"),
        Mistake("np.clip returns a new array: pass out=gradient (or assign its result), else nothing is clipped.",
                "np.clip(gradient, -maxValue, maxValue, out=gradient)", "np.clip(gradient, -maxValue, maxValue)"),
        Mistake("Use the maxValue argument, not a fixed number.",
                "np.clip(gradient, -maxValue, maxValue, out=gradient)", "np.clip(gradient, -10, 10, out=gradient)"),
        Mistake("Clip to [-maxValue, maxValue], not to [-maxValue/2, maxValue/2].",
                "np.clip(gradient, -maxValue, maxValue, out=gradient)",
                "np.clip(gradient, -maxValue / 2, maxValue / 2, out=gradient)"),
    ],
    "sample": [
        Mistake("Draw the index at random with np.random.choice(range(vocab_size), p=y.ravel()); "
                "np.argmax always takes the most likely character.",
                "idx = np.random.choice(range(vocab_size), p=y.ravel())", "idx = int(np.argmax(y))"),
        Mistake("Seed with np.random.seed(counter + seed) right before every draw, not once before the loop.",
                "np.random.seed(counter + seed)", "np.random.seed(seed) if counter == 0 else None"),
        Mistake("Increase seed by 1 at every step (seed += 1): the draws use counter + seed.",
                "        seed += 1\n", ""),
        Mistake("x must become the one-hot vector of the sampled character: reset it to zeros before "
                "setting x[idx] = 1.",
                "x = np.zeros((vocab_size, 1))\n        x[idx] = 1", "x[idx] = 1"),
        Mistake("Carry the hidden state forward: a_prev = a at the end of each step.",
                "        a_prev = a\n", ""),
        Mistake("When 50 characters were drawn, append the newline index to end the name.",
                "    if counter == 50:\n        indices.append(char_to_ix[\"\\n\"])\n", ""),
        Mistake("Stop after 50 characters: the loop condition is counter != 50.",
                "counter != 50:", "counter != 49:"),
        Mistake("Stop after 50 characters: the loop condition is counter != 50, not 51.",
                "counter != 50:", "counter != 51:"),
        Mistake("The newline's index is char_to_ix[\"\\n\"]; do not assume it is 0.",
                "newline_character = char_to_ix[\"\\n\"]", "newline_character = 0"),
    ],
    "optimize": [
        Mistake("Clip the gradients to [-5, 5] with clip(gradients, 5) before updating and returning them.",
                "gradients = clip(gradients, 5)", "gradients = gradients"),
        Mistake("The gradients are clipped at 5: clip(gradients, 5).",
                "gradients = clip(gradients, 5)", "gradients = clip(gradients, 10)"),
        Mistake("clip returns the clipped gradients: keep its result (gradients = clip(gradients, 5)).",
                "gradients = clip(gradients, 5)", "clip(gradients, 5)"),
        Mistake("Update the parameters with the clipped gradients: clip first, then update_parameters.",
                "    gradients = clip(gradients, 5)\n    parameters = update_parameters(parameters, gradients, learning_rate)\n",
                "    parameters = update_parameters(parameters, gradients, learning_rate)\n    gradients = clip(gradients, 5)\n"),
        Mistake("Update with the learning_rate argument, not a fixed number.",
                "update_parameters(parameters, gradients, learning_rate)", "update_parameters(parameters, gradients, 0.01)"),
        Mistake("optimize trains: update the parameters with update_parameters(parameters, gradients, learning_rate).",
                "    parameters = update_parameters(parameters, gradients, learning_rate)\n", ""),
        Mistake("Return the hidden state of the last character, a[len(X) - 1].",
                "a[len(X) - 1]", "a[len(X)]"),
        Mistake("Return the loss as rnn_forward computes it (the sum over the characters), not its mean.",
                "    return loss, gradients, a[len(X) - 1]", "    return loss / len(X), gradients, a[len(X) - 1]"),
    ],
    "model": [
        Mistake("Shuffle the examples (np.random.seed(0), then np.random.shuffle(examples)) before training.",
                "    np.random.shuffle(examples)\n", ""),
        Mistake("Shuffle with np.random.seed(0), the given seed.",
                "    np.random.seed(0)\n", "    np.random.seed(1)\n"),
        Mistake("Train on example j % len(examples) at step j, not always on the first one.",
                "idx = j % len(examples)", "idx = 0"),
        Mistake("X starts with None (the zero input): X = [None] + [char_to_ix[ch] for ch in the example].",
                "X = [None] + [char_to_ix[ch] for ch in single_example]",
                "X = [char_to_ix[ch] for ch in single_example]"),
        Mistake("Keep the hidden state that optimize returns as a_prev for the next example.",
                "curr_loss, gradients, a_prev = optimize(", "curr_loss, gradients, _ = optimize("),
        Mistake("Y is X shifted by one, ended by the newline: Y = X[1:] + [char_to_ix[\"\\n\"]].",
                "Y = X[1:] + [char_to_ix[\"\\n\"]]", "Y = X[1:]"),
    ],
}
