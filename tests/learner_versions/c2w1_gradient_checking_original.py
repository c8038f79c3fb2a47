"""A learner of the original course (2017-2020), "Gradient Checking".

Not importable on its own: each function goes into its answer cell of the notebook, where `np`,
`dictionary_to_vector`, `vector_to_dictionary`, `gradients_to_vector`, `forward_propagation_n` and
the graded functions it calls are defined.
Features of that version exercised here:
- `forward_propagation` with `np.dot(theta, x)` (a numpy scalar, an int64 for int arguments);
- `gradient_check(x, theta, epsilon=1e-7)` without `print_msg`, named `thetaplus` / `thetaminus`,
  printing its verdict on every call (threshold 1e-7, as that version had it);
- `gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7)` without `print_msg`, indexing the
  column vector as `thetaplus[i][0]`, dividing by `2. * epsilon`, and printing on every call.
"""


def forward_propagation(x, theta):
    J = np.dot(theta, x)
    return J


def backward_propagation(x, theta):
    dtheta = x
    return dtheta


def gradient_check(x, theta, epsilon=1e-7):
    thetaplus = theta + epsilon
    thetaminus = theta - epsilon
    J_plus = forward_propagation(x, thetaplus)
    J_minus = forward_propagation(x, thetaminus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)

    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator

    if difference < 1e-7:
        print("The gradient is correct!")
    else:
        print("The gradient is wrong!")
    return difference


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))

    for i in range(num_parameters):
        thetaplus = np.copy(parameters_values)
        thetaplus[i][0] = thetaplus[i][0] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))

        thetaminus = np.copy(parameters_values)
        thetaminus[i][0] = thetaminus[i][0] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaminus))

        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2. * epsilon)

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator

    if difference > 2e-7:
        print("\033[93m" + "Mistake in backward propagation, difference = " + str(difference) + "\033[0m")
    else:
        print("\033[92m" + "Backward propagation looks right, difference = " + str(difference) + "\033[0m")
    return difference
