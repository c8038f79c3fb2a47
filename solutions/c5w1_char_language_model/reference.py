"""Reference solutions: Character level language model (names).

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
"""
import copy

import numpy as np

from char_utils import get_initial_loss, get_sample, initialize_parameters, rnn_backward, rnn_forward, smooth
from char_utils import softmax, update_parameters


def clip(gradients, maxValue):
    """Clip every gradient to the interval [-maxValue, maxValue].

    gradients -- {"dWaa", "dWax", "dWya", "db", "dby"};  maxValue -- a positive number
    Returns the clipped gradients, a dict with the same keys (the argument is left unchanged)
    """
    gradients = copy.deepcopy(gradients)
    dWaa, dWax, dWya, db, dby = (gradients["dWaa"], gradients["dWax"], gradients["dWya"],
                                 gradients["db"], gradients["dby"])
    ### BEGIN SOLUTION
    for gradient in [dWax, dWaa, dWya, db, dby]:
        np.clip(gradient, -maxValue, maxValue, out=gradient)
    ### END SOLUTION
    gradients = {"dWaa": dWaa, "dWax": dWax, "dWya": dWya, "db": db, "dby": dby}
    return gradients


def sample(parameters, char_to_ix, seed):
    """Sample a sequence of character indices from the RNN, one character at a time.

    parameters -- {"Waa", "Wax", "Wya", "by", "b"};  char_to_ix -- {character: index}
    seed -- makes the draws reproducible: step `counter` draws after np.random.seed(counter + seed)
    Returns indices, the list of sampled indices; it ends with the index of "\\n"
    """
    Waa, Wax, Wya, by, b = (parameters["Waa"], parameters["Wax"], parameters["Wya"],
                            parameters["by"], parameters["b"])
    vocab_size = by.shape[0]
    n_a = Waa.shape[1]
    ### BEGIN SOLUTION
    x = np.zeros((vocab_size, 1))
    a_prev = np.zeros((n_a, 1))
    indices = []
    idx = -1
    counter = 0
    newline_character = char_to_ix["\n"]
    while idx != newline_character and counter != 50:
        a = np.tanh(np.dot(Wax, x) + np.dot(Waa, a_prev) + b)
        z = np.dot(Wya, a) + by
        y = softmax(z)
        np.random.seed(counter + seed)
        idx = np.random.choice(range(vocab_size), p=y.ravel())
        indices.append(idx)
        x = np.zeros((vocab_size, 1))
        x[idx] = 1
        a_prev = a
        seed += 1
        counter += 1
    ### END SOLUTION
    if counter == 50:
        indices.append(char_to_ix["\n"])
    return indices


def optimize(X, Y, a_prev, parameters, learning_rate=0.01):
    """One step of training on one name: forward, backward, clip to [-5, 5], update.

    X, Y -- lists of character indices (Y is X shifted by one);  a_prev -- hidden state, (n_a, 1)
    parameters -- {"Wax", "Waa", "Wya", "b", "by"}, updated in place by update_parameters
    Returns loss (the cross-entropy of this name), the clipped gradients and the last hidden state
    """
    ### BEGIN SOLUTION
    loss, cache = rnn_forward(X, Y, a_prev, parameters)
    gradients, a = rnn_backward(X, Y, parameters, cache)
    gradients = clip(gradients, 5)
    parameters = update_parameters(parameters, gradients, learning_rate)
    ### END SOLUTION
    return loss, gradients, a[len(X) - 1]


def model(data_x, ix_to_char, char_to_ix, num_iterations=35000, n_a=50, dino_names=7, vocab_size=27,
          verbose=False):
    """Train the character-level RNN, one name per step, printing sampled names every 2000 steps.

    data_x -- list of training names;  ix_to_char, char_to_ix -- the vocabulary, both ways
    num_iterations -- training steps;  n_a -- hidden units;  dino_names -- names sampled per report
    vocab_size -- number of characters;  verbose -- print what the first steps train on
    Returns the trained parameters and the last sampled name
    """
    n_x, n_y = vocab_size, vocab_size
    parameters = initialize_parameters(n_a, n_x, n_y)
    loss = get_initial_loss(vocab_size, dino_names)
    examples = [x.strip() for x in data_x]
    np.random.seed(0)
    np.random.shuffle(examples)
    a_prev = np.zeros((n_a, 1))
    last_name = "abc"
    for j in range(num_iterations):
        ### BEGIN SOLUTION
        idx = j % len(examples)
        single_example = examples[idx]
        X = [None] + [char_to_ix[ch] for ch in single_example]
        Y = X[1:] + [char_to_ix["\n"]]
        curr_loss, gradients, a_prev = optimize(X, Y, a_prev, parameters, learning_rate=0.01)
        ### END SOLUTION
        if verbose and j in [0, len(examples) - 1, len(examples)]:
            print("j =", j, "idx =", idx, "example =", repr(single_example))
        loss = smooth(loss, curr_loss)
        if j % 2000 == 0:
            print("Iteration: %d, Loss: %f" % (j, loss) + "\n")
            seed = 0
            for name in range(dino_names):
                sampled_indices = sample(parameters, char_to_ix, seed)
                last_name = get_sample(sampled_indices, ix_to_char)
                print(last_name.replace("\n", ""))
                seed += 1
            print("\n")
    return parameters, last_name
