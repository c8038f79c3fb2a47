"""A learner of the original course (2017-2020), "Initialization".

Not importable on its own: each function goes into its answer cell of the notebook, where `np` is
defined. Features of that version exercised here:
- the given seed lines (`np.random.seed(3)`) of the random and He functions kept;
- the loops as that scaffold gave them: `range(1, L)` with `L = len(layers_dims)` for zeros and random,
  `L = len(layers_dims) - 1` with `range(1, L + 1)` for He;
- single-quoted keys built with `'W' + str(l)`, `layers_dims[l-1]` without spaces;
- He's scale written `np.sqrt(2./layers_dims[l-1])`, with the float literal of Python 2 habits;
- the shape asserts many learners added after each line.
"""


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)            # number of layers in the network
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l-1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        assert(parameters['W' + str(l)].shape == (layers_dims[l], layers_dims[l-1]))
    return parameters


def initialize_parameters_random(layers_dims):
    np.random.seed(3)               # so that the "random" numbers are the same as the course's
    parameters = {}
    L = len(layers_dims)            # integer representing the number of layers
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l-1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_he(layers_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1        # integer representing the number of layers
    for l in range(1, L + 1):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l-1]) * np.sqrt(2./layers_dims[l-1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        assert(parameters['b' + str(l)].shape == (layers_dims[l], 1))
    return parameters
