"""The step-by-step reference against independent oracles: finite differences and known seeds."""
import numpy as np

from oracles import numeric_gradient, rel_error

from autograder import reference

AID = "c1w4_deep_nn_step_by_step"
ref = reference.load(AID)


def test_seed_3_gives_the_course_numbers():
    """The course's printed W1[0] for layer_dims [5, 4, 3]; same seed and order, same numbers."""
    W1 = ref.initialize_parameters_deep([5, 4, 3])["W1"]
    assert np.allclose(W1[0], [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388])


def test_backward_pass_matches_finite_differences():
    rng = np.random.RandomState(0)
    dims, m = [4, 5, 3, 1], 6
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.randn(dims[l], dims[l - 1])
        params[f"b{l}"] = rng.randn(dims[l], 1)
    X, Y = rng.randn(dims[0], m), (rng.rand(1, m) > 0.5).astype(float)

    def cost():
        return float(ref.compute_cost(ref.L_model_forward(X, params)[0], Y))

    AL, caches = ref.L_model_forward(X, params)
    grads = ref.L_model_backward(AL, Y, caches)
    for name, value in params.items():
        assert rel_error(grads["d" + name], numeric_gradient(cost, value)) < 1e-6, name


def test_update_parameters_leaves_its_input_alone():
    params = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}
    grads = {"dW1": np.ones((2, 2)), "db1": np.ones((2, 1))}
    new = ref.update_parameters(params, grads, 0.5)
    assert np.all(params["W1"] == 1) and np.allclose(new["W1"], 0.5) and np.allclose(new["b1"], -0.5)
