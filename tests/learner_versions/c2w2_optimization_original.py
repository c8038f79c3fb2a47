"""A learner of the original course (2017-2020), "Optimization Methods".

Not importable on its own: each function goes into its answer cell of the notebook, where `np` and
`math` are defined.
Features of that version exercised here:
- loops `for l in range(L)` over 0-based layers, with `str(l + 1)` in every key;
- `random_mini_batches` with its own `np.random.seed(seed)` line, the last batch sliced up to `m`;
- zeros made with `np.zeros((shape[0], shape[1]))`;
- updates written into the caller's arrays in place (`parameters[...] -= ...`, `v[...] *= beta`);
- `np.power` for the squares and the bias correction;
- `update_parameters_with_adam` returning `(parameters, v, s)` only, as the original did;
- the original had no learning rate decay section: `update_lr` and `schedule_lr_decay` are written in
  the same style, as such a learner would write them (`math.floor` for the steps).
"""


def update_parameters_with_gd(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
    return parameters


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size: (k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size: (k + 1) * mini_batch_size]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size: m]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size: m]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)
    return mini_batches


def initialize_velocity(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(L):
        W = parameters["W" + str(l + 1)]
        b = parameters["b" + str(l + 1)]
        v["dW" + str(l + 1)] = np.zeros((W.shape[0], W.shape[1]))
        v["db" + str(l + 1)] = np.zeros((b.shape[0], b.shape[1]))
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        for name in ("W", "b"):
            key = name + str(l + 1)
            v["d" + key] *= beta
            v["d" + key] += (1 - beta) * grads["d" + key]
            parameters[key] -= learning_rate * v["d" + key]
    return parameters, v


def initialize_adam(parameters):
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(L):
        W = parameters["W" + str(l + 1)]
        b = parameters["b" + str(l + 1)]
        v["dW" + str(l + 1)] = np.zeros((W.shape[0], W.shape[1]))
        v["db" + str(l + 1)] = np.zeros((b.shape[0], b.shape[1]))
        s["dW" + str(l + 1)] = np.zeros((W.shape[0], W.shape[1]))
        s["db" + str(l + 1)] = np.zeros((b.shape[0], b.shape[1]))
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01,
                                beta1=0.9, beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(L):
        dW, db = "dW" + str(l + 1), "db" + str(l + 1)
        v[dW] = beta1 * v[dW] + (1 - beta1) * grads[dW]
        v[db] = beta1 * v[db] + (1 - beta1) * grads[db]
        v_corrected[dW] = v[dW] / (1 - np.power(beta1, t))
        v_corrected[db] = v[db] / (1 - np.power(beta1, t))
        s[dW] = beta2 * s[dW] + (1 - beta2) * np.power(grads[dW], 2)
        s[db] = beta2 * s[db] + (1 - beta2) * np.power(grads[db], 2)
        s_corrected[dW] = s[dW] / (1 - np.power(beta2, t))
        s_corrected[db] = s[db] / (1 - np.power(beta2, t))
        parameters["W" + str(l + 1)] -= learning_rate * v_corrected[dW] / (np.sqrt(s_corrected[dW]) + epsilon)
        parameters["b" + str(l + 1)] -= learning_rate * v_corrected[db] / (np.sqrt(s_corrected[db]) + epsilon)
    return parameters, v, s


def update_lr(learning_rate0, epoch_num, decay_rate):
    learning_rate = learning_rate0 * 1.0 / (1.0 + decay_rate * epoch_num)
    return learning_rate


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    learning_rate = learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))
    return learning_rate
