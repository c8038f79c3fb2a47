"""A learner of the 2021+ revision, "Initialization".

Not importable on its own: each function goes into its answer cell of the notebook, where `np` is
defined. Features of that version exercised here:
- the given seed lines (`np.random.seed(3)`) kept in the random and He functions;
- He's loop as `range(1, L)` with `L = len(layers_dims)` (the same layers as the original's
  `range(1, L + 1)` with `L = len(layers_dims) - 1`);
- f-string keys, shapes passed as lists or by keyword (`np.zeros(shape=...)`);
- the weight drawn into a local first, then stored;
- He's scale as a power, `(2 / n_prev) ** 0.5`, written before the draw (`scale * randn(...)`):
  another order than the reference, the same numbers within the checking tolerance.
"""


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters[f"W{l}"] = np.zeros([layers_dims[l], layers_dims[l - 1]])
        parameters[f"b{l}"] = np.zeros(shape=(layers_dims[l], 1))
    return parameters


def initialize_parameters_random(layers_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        W = 10 * np.random.randn(layers_dims[l], layers_dims[l - 1])
        parameters[f"W{l}"] = W
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_he(layers_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        n_prev = layers_dims[l - 1]
        scale = (2 / n_prev) ** 0.5
        parameters[f"W{l}"] = scale * np.random.randn(layers_dims[l], n_prev)
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters
