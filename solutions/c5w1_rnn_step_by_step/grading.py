"""Hidden cases and known mistakes for "Building your Recurrent Neural Network: Step by Step"."""
import numpy as np

from autograder.spec import Case, Mistake, case_rng

CALLEES = {
    "rnn_forward": ["rnn_cell_forward"],
    "lstm_forward": ["lstm_cell_forward"],
    "rnn_backward": ["rnn_cell_backward"],
    "lstm_backward": ["lstm_cell_backward"],
}

# (n_x, n_a, n_y, m, T_x, weight scale): non-square weights, m = 1, T_x = 1, saturating and small weights.
SEQUENCES = [(3, 5, 2, 4, 3, 1.0), (1, 2, 4, 1, 1, 0.5), (4, 3, 3, 2, 5, 0.3), (2, 4, 1, 3, 2, 2.0)]
STEPS = [(4, 3, 2, 5, 1.0), (1, 6, 3, 1, 0.5), (5, 2, 4, 2, 2.0)]  # (n_x, n_a, n_y, m, scale)


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def _rnn_params(rng, n_x, n_a, n_y, scale):
    return {"Wax": rng.randn(n_a, n_x) * scale, "Waa": rng.randn(n_a, n_a) * scale,
            "Wya": rng.randn(n_y, n_a) * scale, "ba": rng.randn(n_a, 1) * 0.5, "by": rng.randn(n_y, 1) * 0.5}


def _lstm_params(rng, n_x, n_a, n_y, scale):
    params = {}
    for gate in "fico":
        params["W" + gate] = rng.randn(n_a, n_a + n_x) * scale
        params["b" + gate] = rng.randn(n_a, 1) * 0.5
    params["Wy"], params["by"] = rng.randn(n_y, n_a) * scale, rng.randn(n_y, 1) * 0.5
    return params


def _rnn_step(xt, a_prev, p):
    """A correct forward step: the cache the backward pass receives."""
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, (a_next, a_prev, xt, p)


def _lstm_step(xt, a_prev, c_prev, p):
    z = np.concatenate([a_prev, xt])
    f, i, o = (_sigmoid(p["W" + g] @ z + p["b" + g]) for g in "fio")
    cc = np.tanh(p["Wc"] @ z + p["bc"])
    c_next = f * c_prev + i * cc
    a_next = o * np.tanh(c_next)
    return a_next, c_next, (a_next, c_next, a_prev, c_prev, f, i, cc, o, xt, p)


def _step_label(n_x, n_a, n_y, m, scale):
    return f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, weights x{scale}"


def _sequence_label(n_x, n_a, n_y, m, T_x, scale):
    return f"n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}, T_x={T_x}, weights x{scale}"


def rnn_cell_forward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, scale) in enumerate(STEPS):
        rng = case_rng(100 + seed)
        args = (rng.randn(n_x, m), rng.randn(n_a, m), _rnn_params(rng, n_x, n_a, n_y, scale))
        cases.append(Case(_step_label(n_x, n_a, n_y, m, scale), args))
    return cases


def rnn_forward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, T_x, scale) in enumerate(SEQUENCES):
        rng = case_rng(110 + seed)
        args = (rng.randn(n_x, m, T_x), rng.randn(n_a, m), _rnn_params(rng, n_x, n_a, n_y, scale))
        cases.append(Case(_sequence_label(n_x, n_a, n_y, m, T_x, scale), args))
    return cases


def lstm_cell_forward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, scale) in enumerate(STEPS):
        rng = case_rng(120 + seed)
        args = (rng.randn(n_x, m), rng.randn(n_a, m), rng.randn(n_a, m), _lstm_params(rng, n_x, n_a, n_y, scale))
        cases.append(Case(_step_label(n_x, n_a, n_y, m, scale), args))
    return cases


def lstm_forward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, T_x, scale) in enumerate(SEQUENCES):
        rng = case_rng(130 + seed)
        args = (rng.randn(n_x, m, T_x), rng.randn(n_a, m), _lstm_params(rng, n_x, n_a, n_y, scale))
        cases.append(Case(_sequence_label(n_x, n_a, n_y, m, T_x, scale), args))
    return cases


def rnn_cell_backward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, scale) in enumerate(STEPS):
        rng = case_rng(140 + seed)
        xt, a_prev, params = rng.randn(n_x, m), rng.randn(n_a, m), _rnn_params(rng, n_x, n_a, n_y, scale)
        _, cache = _rnn_step(xt, a_prev, params)
        cases.append(Case(_step_label(n_x, n_a, n_y, m, scale), (rng.randn(n_a, m), cache)))
    return cases


def rnn_backward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, T_x, scale) in enumerate(SEQUENCES):
        rng = case_rng(150 + seed)
        x, a_next, params = rng.randn(n_x, m, T_x), rng.randn(n_a, m), _rnn_params(rng, n_x, n_a, n_y, scale)
        caches = []
        for t in range(T_x):
            a_next, cache = _rnn_step(x[:, :, t], a_next, params)
            caches.append(cache)
        cases.append(Case(_sequence_label(n_x, n_a, n_y, m, T_x, scale), (rng.randn(n_a, m, T_x), (caches, x))))
    return cases


def lstm_cell_backward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, scale) in enumerate(STEPS):
        rng = case_rng(160 + seed)
        xt, a_prev, c_prev = rng.randn(n_x, m), rng.randn(n_a, m), rng.randn(n_a, m)
        _, _, cache = _lstm_step(xt, a_prev, c_prev, _lstm_params(rng, n_x, n_a, n_y, scale))
        args = (rng.randn(n_a, m), rng.randn(n_a, m), cache)
        cases.append(Case(_step_label(n_x, n_a, n_y, m, scale), args))
    return cases


def lstm_backward_cases():
    cases = []
    for seed, (n_x, n_a, n_y, m, T_x, scale) in enumerate(SEQUENCES):
        rng = case_rng(170 + seed)
        x, a_next, params = rng.randn(n_x, m, T_x), rng.randn(n_a, m), _lstm_params(rng, n_x, n_a, n_y, scale)
        c_next, caches = np.zeros((n_a, m)), []
        for t in range(T_x):
            a_next, c_next, cache = _lstm_step(x[:, :, t], a_next, c_next, params)
            caches.append(cache)
        cases.append(Case(_sequence_label(n_x, n_a, n_y, m, T_x, scale), (rng.randn(n_a, m, T_x), (caches, x))))
    return cases


MISTAKES = {
    "rnn_cell_forward": [
        Mistake("The hidden state uses tanh, not sigmoid: a_next = tanh(Waa a_prev + Wax xt + ba).",
                "a_next = np.tanh(", "a_next = sigmoid("),
        Mistake("The prediction is a softmax over the outputs; sigmoid does not make each column sum to 1.",
                "yt_pred = softmax(", "yt_pred = sigmoid("),
        Mistake("The prediction is computed from the new hidden state a_next, not from a_prev.",
                "softmax(np.dot(Wya, a_next) + by)", "softmax(np.dot(Wya, a_prev) + by)"),
        Mistake("Do not forget the bias ba inside the tanh.",
                "np.dot(Wax, xt) + ba)", "np.dot(Wax, xt))"),
        Mistake("The softmax normalises each column (one example) separately, not the whole array.",
                "yt_pred = softmax(np.dot(Wya, a_next) + by)",
                "yt_pred = np.exp(np.dot(Wya, a_next) + by) / np.sum(np.exp(np.dot(Wya, a_next) + by))"),
    ],
    "rnn_forward": [
        Mistake("Each step must receive the hidden state of the previous step, not a0 every time.",
                "rnn_cell_forward(x[:, :, t], a_next, parameters)", "rnn_cell_forward(x[:, :, t], a0, parameters)"),
        Mistake("Append the cache of every time step inside the loop, not once after it.",
                "        caches.append(cache)\n    ### END SOLUTION", "    caches.append(cache)\n    ### END SOLUTION"),
        Mistake("Store each step's prediction in y_pred[:, :, t]; y_pred is left at zeros.",
                "        y_pred[:, :, t] = yt_pred\n", ""),
        Mistake("a[:, :, t] holds the hidden state computed at step t, not the one it started from.",
                "        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n"
                "        a[:, :, t] = a_next\n",
                "        a[:, :, t] = a_next\n"
                "        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)\n"),
        Mistake("Step t reads the input x[:, :, t] of that step.",
                "rnn_cell_forward(x[:, :, t], a_next", "rnn_cell_forward(x[:, :, 0], a_next"),
    ],
    "lstm_cell_forward": [
        Mistake("The forget gate multiplies c_prev and the update gate the candidate: ft and it are swapped.",
                "c_next = ft * c_prev + it * cct", "c_next = it * c_prev + ft * cct"),
        Mistake("The candidate value uses tanh; the gates use sigmoid.",
                "cct = np.tanh(", "cct = sigmoid("),
        Mistake("The gates act on the stack [a_prev; xt], with a_prev on top.",
                "np.concatenate((a_prev, xt), axis=0)", "np.concatenate((xt, a_prev), axis=0)"),
        Mistake("c_next keeps ft * c_prev: the forget gate scales the old cell state.",
                "c_next = ft * c_prev + it * cct", "c_next = c_prev + it * cct"),
        Mistake("The prediction comes from the hidden state a_next, not from the cell state c_next.",
                "softmax(np.dot(Wy, a_next) + by)", "softmax(np.dot(Wy, c_next) + by)"),
        Mistake("a_next = ot * tanh(c_next): the tanh of the cell state is missing.",
                "a_next = ot * np.tanh(c_next)", "a_next = ot * c_next"),
        Mistake("The output gate uses sigmoid, not tanh.",
                "ot = sigmoid(", "ot = np.tanh("),
    ],
    "lstm_forward": [
        Mistake("Each step must receive the hidden state of the previous step, not a0 every time.",
                "lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)",
                "lstm_cell_forward(x[:, :, t], a0, c_next, parameters)"),
        Mistake("The cell state is carried from step to step; it starts at zeros only once, before the loop.",
                "lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)",
                "lstm_cell_forward(x[:, :, t], a_next, np.zeros((n_a, m)), parameters)"),
        Mistake("The cell state starts at zeros, not at a0.",
                "c_next = np.zeros((n_a, m))", "c_next = a0"),
        Mistake("Append the cache of every time step inside the loop, not once after it.",
                "        caches.append(cache)\n    ### END SOLUTION", "    caches.append(cache)\n    ### END SOLUTION"),
        Mistake("Store each step's prediction in y[:, :, t]; y is left at zeros.",
                "        y[:, :, t] = yt\n", ""),
        Mistake("Store each step's cell state in c[:, :, t]; c is left at zeros.",
                "        c[:, :, t] = c_next\n", ""),
    ],
    "rnn_cell_backward": [
        Mistake("The derivative of tanh at the cached a_next is 1 - a_next**2; a_next is already a tanh.",
                "(1 - a_next ** 2)", "(1 - np.tanh(a_next) ** 2)"),
        Mistake("Multiply the tanh derivative by da_next, the gradient arriving from above.",
                "dz = (1 - a_next ** 2) * da_next", "dz = (1 - a_next ** 2)"),
        Mistake("dba lost its column axis: use np.sum(..., axis=1, keepdims=True).",
                "dba = np.sum(dz, axis=1, keepdims=True)", "dba = np.sum(dz, axis=1)"),
        Mistake("dba sums over the examples (axis=1), giving one value per hidden unit.",
                "dba = np.sum(dz, axis=1, keepdims=True)", "dba = np.sum(dz, axis=0, keepdims=True)"),
        Mistake("da_prev goes back through Waa (the weights acting on a_prev), not Wax.",
                "da_prev = np.dot(Waa.T, dz)", "da_prev = np.dot(Wax.T, dz)"),
        Mistake("dxt goes back through Wax (the weights acting on xt), not Waa.",
                "dxt = np.dot(Wax.T, dz)", "dxt = np.dot(Waa.T, dz)"),
        Mistake("The tanh derivative is taken at the new state a_next, not at a_prev.",
                "(1 - a_next ** 2)", "(1 - a_prev ** 2)"),
    ],
    "rnn_backward": [
        Mistake("The weights are shared by every step: add up their gradients over time (+=, not =).",
                "dWax += step[\"dWax\"]", "dWax = step[\"dWax\"]"),
        Mistake("The bias gradient is summed over time steps too (+=, not =).",
                "dba += step[\"dba\"]", "dba = step[\"dba\"]"),
        Mistake("Step t receives da[:, :, t] plus the gradient flowing back from step t+1.",
                "rnn_cell_backward(da[:, :, t] + da_prevt,", "rnn_cell_backward(da[:, :, t],"),
        Mistake("Go through the time steps backwards, from T_x - 1 down to 0.",
                "for t in reversed(range(T_x)):", "for t in range(T_x):"),
        Mistake("da0 is the gradient flowing out of the first step (da_prevt after the loop).",
                "da0 = da_prevt", "da0 = np.zeros((n_a, m))"),
    ],
    "lstm_cell_backward": [
        Mistake("dc_prev = dc * ft: the old cell state reaches c_next through the forget gate.",
                "dc_prev = dc * ft", "dc_prev = dc"),
        Mistake("The gradient of c_next adds dc_next, arriving from the next step, to what comes through a_next.",
                "dc = dc_next + da_next * ot", "dc = da_next * ot"),
        Mistake("c_next also affects a_next = ot * tanh(c_next): add da_next * ot * (1 - tanh(c_next)**2) to dc_next.",
                "dc = dc_next + da_next * ot * (1 - tanh_c ** 2)", "dc = dc_next"),
        Mistake("dot is the gradient before the sigmoid: multiply by ot * (1 - ot).",
                "dot = da_next * tanh_c * ot * (1 - ot)", "dot = da_next * tanh_c"),
        Mistake("The derivative of tanh at the candidate is 1 - cct**2.",
                "dcct = dc * it * (1 - cct ** 2)", "dcct = dc * it * (1 - cct)"),
        Mistake("The forget gate multiplies c_prev, so dft uses c_prev, not c_next.",
                "dft = dc * c_prev * ft", "dft = dc * c_next * ft"),
        Mistake("The first n_a rows of the stacked gradient belong to a_prev and the last n_x to xt.",
                "da_prev = dconcat[:n_a, :]\n    dxt = dconcat[n_a:, :]",
                "da_prev = dconcat[n_x:, :]\n    dxt = dconcat[:n_x, :]"),
        Mistake("dbf lost its column axis: use np.sum(..., axis=1, keepdims=True).",
                "dbf = np.sum(dft, axis=1, keepdims=True)", "dbf = np.sum(dft, axis=1)"),
    ],
    "lstm_backward": [
        Mistake("The weights are shared by every step: add up their gradients over time (+=, not =).",
                "dWf += step[\"dWf\"]", "dWf = step[\"dWf\"]"),
        Mistake("Step t receives da[:, :, t] plus the gradient flowing back from step t+1.",
                "lstm_cell_backward(da[:, :, t] + da_prevt,", "lstm_cell_backward(da[:, :, t],"),
        Mistake("Pass the cell-state gradient dc_prev of step t+1 on to step t.",
                "        dc_prevt = step[\"dc_prev\"]\n", ""),
        Mistake("Go through the time steps backwards, from T_x - 1 down to 0.",
                "for t in reversed(range(T_x)):", "for t in range(T_x):"),
        Mistake("da0 is the gradient flowing out of the first step (da_prevt after the loop).",
                "da0 = da_prevt", "da0 = np.zeros((n_a, m))"),
        Mistake("Store the input gradient of every step in dx[:, :, t].",
                "        dx[:, :, t] = step[\"dxt\"]\n", ""),
    ],
}
