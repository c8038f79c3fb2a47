"""Reference solutions: Building your Recurrent Neural Network, Step by Step.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
Sequences are stored as (n, m, T_x): features, examples, time steps.
"""
import numpy as np

from rnn_utils import sigmoid, softmax


def rnn_cell_forward(xt, a_prev, parameters):
    """One time step of a basic RNN.

    xt -- input at step t, (n_x, m);  a_prev -- hidden state at step t-1, (n_a, m)
    parameters -- Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1)
    Returns a_next (n_a, m), yt_pred (n_y, m) and cache = (a_next, a_prev, xt, parameters)
    """
    Wax, Waa, Wya = parameters["Wax"], parameters["Waa"], parameters["Wya"]
    ba, by = parameters["ba"], parameters["by"]
    ### BEGIN SOLUTION
    a_next = np.tanh(np.dot(Waa, a_prev) + np.dot(Wax, xt) + ba)
    yt_pred = softmax(np.dot(Wya, a_next) + by)
    ### END SOLUTION
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache


def rnn_forward(x, a0, parameters):
    """A basic RNN run over the whole sequence x.

    x -- inputs, (n_x, m, T_x);  a0 -- first hidden state, (n_a, m)
    parameters -- as for rnn_cell_forward
    Returns a (n_a, m, T_x), y_pred (n_y, m, T_x) and caches = (list of the T_x step caches, x)
    """
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    ### BEGIN SOLUTION
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    a_next = a0
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        caches.append(cache)
    ### END SOLUTION
    caches = (caches, x)
    return a, y_pred, caches


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    """One time step of an LSTM.

    xt -- (n_x, m);  a_prev, c_prev -- hidden and cell state at step t-1, (n_a, m)
    parameters -- gate weights Wf, Wi, Wc, Wo (n_a, n_a + n_x) acting on [a_prev; xt], their biases
                  bf, bi, bc, bo (n_a, 1), and the output layer Wy (n_y, n_a), by (n_y, 1)
    Returns a_next, c_next (n_a, m), yt_pred (n_y, m) and
    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    """
    Wf, bf = parameters["Wf"], parameters["bf"]
    Wi, bi = parameters["Wi"], parameters["bi"]
    Wc, bc = parameters["Wc"], parameters["bc"]
    Wo, bo = parameters["Wo"], parameters["bo"]
    Wy, by = parameters["Wy"], parameters["by"]
    n_x, m = xt.shape
    n_y, n_a = Wy.shape
    ### BEGIN SOLUTION
    concat = np.concatenate((a_prev, xt), axis=0)
    ft = sigmoid(np.dot(Wf, concat) + bf)
    it = sigmoid(np.dot(Wi, concat) + bi)
    cct = np.tanh(np.dot(Wc, concat) + bc)
    c_next = ft * c_prev + it * cct
    ot = sigmoid(np.dot(Wo, concat) + bo)
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(np.dot(Wy, a_next) + by)
    ### END SOLUTION
    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    return a_next, c_next, yt_pred, cache


def lstm_forward(x, a0, parameters):
    """An LSTM run over the whole sequence x; the cell state starts at zeros.

    x -- (n_x, m, T_x);  a0 -- first hidden state, (n_a, m);  parameters -- as for lstm_cell_forward
    Returns a (n_a, m, T_x), y (n_y, m, T_x), c (n_a, m, T_x) and
    caches = (list of the T_x step caches, x)
    """
    caches = []
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wy"].shape
    ### BEGIN SOLUTION
    a = np.zeros((n_a, m, T_x))
    c = np.zeros((n_a, m, T_x))
    y = np.zeros((n_y, m, T_x))
    a_next = a0
    c_next = np.zeros((n_a, m))
    for t in range(T_x):
        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)
        a[:, :, t] = a_next
        c[:, :, t] = c_next
        y[:, :, t] = yt
        caches.append(cache)
    ### END SOLUTION
    caches = (caches, x)
    return a, y, c, caches


def rnn_cell_backward(da_next, cache):
    """Gradients of one basic RNN step.

    da_next -- gradient of the loss with respect to a_next, (n_a, m)
    cache -- (a_next, a_prev, xt, parameters) from rnn_cell_forward
    Returns {"dxt": (n_x, m), "da_prev": (n_a, m), "dWax": (n_a, n_x), "dWaa": (n_a, n_a),
             "dba": (n_a, 1)}
    """
    a_next, a_prev, xt, parameters = cache
    Wax, Waa = parameters["Wax"], parameters["Waa"]
    ### BEGIN SOLUTION
    dz = (1 - a_next ** 2) * da_next
    dxt = np.dot(Wax.T, dz)
    dWax = np.dot(dz, xt.T)
    da_prev = np.dot(Waa.T, dz)
    dWaa = np.dot(dz, a_prev.T)
    dba = np.sum(dz, axis=1, keepdims=True)
    ### END SOLUTION
    gradients = {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
    return gradients


def rnn_backward(da, caches):
    """Gradients of a basic RNN over the whole sequence.

    da -- gradient of the loss with respect to every hidden state, (n_a, m, T_x), not counting
          what flows back through later steps
    caches -- (list of step caches, x) from rnn_forward
    Returns {"dx": (n_x, m, T_x), "da0": (n_a, m), "dWax", "dWaa", "dba"} (shapes of the parameters)
    """
    step_caches, x = caches
    a1, a0, x1, parameters = step_caches[0]
    n_a, m, T_x = da.shape
    n_x, m = x1.shape
    ### BEGIN SOLUTION
    dx = np.zeros((n_x, m, T_x))
    dWax = np.zeros((n_a, n_x))
    dWaa = np.zeros((n_a, n_a))
    dba = np.zeros((n_a, 1))
    da_prevt = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        step = rnn_cell_backward(da[:, :, t] + da_prevt, step_caches[t])
        dx[:, :, t] = step["dxt"]
        da_prevt = step["da_prev"]
        dWax += step["dWax"]
        dWaa += step["dWaa"]
        dba += step["dba"]
    da0 = da_prevt
    ### END SOLUTION
    gradients = {"dx": dx, "da0": da0, "dWax": dWax, "dWaa": dWaa, "dba": dba}
    return gradients


def lstm_cell_backward(da_next, dc_next, cache):
    """Gradients of one LSTM step.

    da_next, dc_next -- gradients of the loss with respect to a_next and c_next, (n_a, m)
    cache -- the 10-item cache of lstm_cell_forward
    Returns {"dxt", "da_prev", "dc_prev", "dWf", "dbf", "dWi", "dbi", "dWc", "dbc", "dWo", "dbo"},
    each shaped like what it is the gradient of
    """
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    n_x, m = xt.shape
    n_a, m = a_next.shape
    ### BEGIN SOLUTION
    tanh_c = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tanh_c ** 2)
    dot = da_next * tanh_c * ot * (1 - ot)
    dcct = dc * it * (1 - cct ** 2)
    dit = dc * cct * it * (1 - it)
    dft = dc * c_prev * ft * (1 - ft)
    concat = np.concatenate((a_prev, xt), axis=0)
    dWf = np.dot(dft, concat.T)
    dWi = np.dot(dit, concat.T)
    dWc = np.dot(dcct, concat.T)
    dWo = np.dot(dot, concat.T)
    dbf = np.sum(dft, axis=1, keepdims=True)
    dbi = np.sum(dit, axis=1, keepdims=True)
    dbc = np.sum(dcct, axis=1, keepdims=True)
    dbo = np.sum(dot, axis=1, keepdims=True)
    dconcat = (np.dot(parameters["Wf"].T, dft) + np.dot(parameters["Wi"].T, dit)
               + np.dot(parameters["Wc"].T, dcct) + np.dot(parameters["Wo"].T, dot))
    da_prev = dconcat[:n_a, :]
    dxt = dconcat[n_a:, :]
    dc_prev = dc * ft
    ### END SOLUTION
    gradients = {"dxt": dxt, "da_prev": da_prev, "dc_prev": dc_prev, "dWf": dWf, "dbf": dbf,
                 "dWi": dWi, "dbi": dbi, "dWc": dWc, "dbc": dbc, "dWo": dWo, "dbo": dbo}
    return gradients


def lstm_backward(da, caches):
    """Gradients of an LSTM over the whole sequence.

    da -- gradient of the loss with respect to every hidden state, (n_a, m, T_x), not counting
          what flows back through later steps
    caches -- (list of step caches, x) from lstm_forward
    Returns {"dx": (n_x, m, T_x), "da0": (n_a, m), "dWf", "dbf", "dWi", "dbi", "dWc", "dbc", "dWo",
             "dbo"} (shapes of the parameters)
    """
    step_caches, x = caches
    a1, c1, a0, c0, f1, i1, cc1, o1, x1, parameters = step_caches[0]
    n_a, m, T_x = da.shape
    n_x, m = x1.shape
    ### BEGIN SOLUTION
    dx = np.zeros((n_x, m, T_x))
    da_prevt = np.zeros((n_a, m))
    dc_prevt = np.zeros((n_a, m))
    dWf, dWi, dWc, dWo = (np.zeros((n_a, n_a + n_x)) for _ in range(4))
    dbf, dbi, dbc, dbo = (np.zeros((n_a, 1)) for _ in range(4))
    for t in reversed(range(T_x)):
        step = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, step_caches[t])
        dx[:, :, t] = step["dxt"]
        da_prevt = step["da_prev"]
        dc_prevt = step["dc_prev"]
        dWf += step["dWf"]
        dWi += step["dWi"]
        dWc += step["dWc"]
        dWo += step["dWo"]
        dbf += step["dbf"]
        dbi += step["dbi"]
        dbc += step["dbc"]
        dbo += step["dbo"]
    da0 = da_prevt
    ### END SOLUTION
    gradients = {"dx": dx, "da0": da0, "dWf": dWf, "dbf": dbf, "dWi": dWi, "dbi": dbi,
                 "dWc": dWc, "dbc": dbc, "dWo": dWo, "dbo": dbo}
    return gradients
