"""A learner of the 2021+ revision, "Gradient Checking".

Not importable on its own: each function goes into its answer cell of the notebook, where `np`,
`dictionary_to_vector`, `vector_to_dictionary`, `gradients_to_vector`, `forward_propagation_n` and
the graded functions it calls are defined.
Features of that version exercised here:
- `forward_propagation` with `theta * x` (a Python number for Python numbers);
- `gradient_check(x, theta, epsilon=1e-7, print_msg=False)` with `theta_plus` / `theta_minus`, the
  gradient approximation written with `/ 2 / epsilon`, and printing only when `print_msg` is true;
- `gradient_check_n(..., epsilon=1e-7, print_msg=False)` indexing the column vector as
  `theta_plus[i]` (a one-entry row), the costs taken as `forward_propagation_n(...)[0]`, the norms
  as `np.linalg.norm(..., ord=2)` of the flattened vectors, printing only when `print_msg` is true.
"""


def forward_propagation(x, theta):
    J = theta * x
    return J


def backward_propagation(x, theta):
    dtheta = x
    return dtheta


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / 2 / epsilon

    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator

    if print_msg:
        if difference > 2e-7:
            print("\033[93m" + "Wrong gradient! difference = " + str(difference) + "\033[0m")
        else:
            print("\033[92m" + "Right gradient! difference = " + str(difference) + "\033[0m")
    return difference


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))

    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i] = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))[0]

        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i] = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))[0]

        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)

    numerator = np.linalg.norm((grad - gradapprox).ravel(), ord=2)
    denominator = np.linalg.norm(grad.ravel(), ord=2) + np.linalg.norm(gradapprox.ravel(), ord=2)
    difference = numerator / denominator

    if print_msg:
        if difference > 2e-7:
            print("\033[93m" + "Backward propagation has a mistake! difference = " + str(difference) + "\033[0m")
        else:
            print("\033[92m" + "Backward propagation checks out! difference = " + str(difference) + "\033[0m")
    return difference
