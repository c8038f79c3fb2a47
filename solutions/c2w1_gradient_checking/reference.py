"""Reference solutions: gradient checking.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
A one-parameter example J(theta) = theta * x comes first, then the 3-layer network of gc_utils,
whose 47 parameters are checked one by one against the gradients of a backward pass.
"""
import numpy as np

from gc_utils import dictionary_to_vector, forward_propagation_n, gradients_to_vector, vector_to_dictionary


def forward_propagation(x, theta):
    """The one-parameter "network" J(theta) = theta * x.

    x -- a real number, the input;  theta -- a real number, the parameter
    Returns J, the value of the function
    """
    ### BEGIN SOLUTION
    J = theta * x
    ### END SOLUTION
    return J


def backward_propagation(x, theta):
    """The derivative of J(theta) = theta * x with respect to theta.

    x -- a real number, the input;  theta -- a real number, the parameter
    Returns dtheta, the gradient of J with respect to theta
    """
    ### BEGIN SOLUTION
    dtheta = x
    ### END SOLUTION
    return dtheta


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    """Compare backward_propagation with a centred difference of forward_propagation at theta.

    x, theta -- real numbers;  epsilon -- the small shift of theta in the centred difference
    print_msg -- print whether the check passes (difference below 2e-7)
    Returns difference = ||grad - gradapprox|| / (||grad|| + ||gradapprox||)
    """
    # J at theta + epsilon and at theta - epsilon, and the centred difference
    ### BEGIN SOLUTION
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    ### END SOLUTION

    # the gradient from backward propagation, and its distance to the approximation
    ### BEGIN SOLUTION
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION

    if print_msg:
        if difference > 2e-7:
            print(f"The gradient is wrong: difference = {difference:.2e}, above 2e-7")
        else:
            print(f"The gradient is right: difference = {difference:.2e}, below 2e-7")
    return difference


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """Compare the gradients of a backward pass with centred differences of forward_propagation_n,
    one parameter at a time.

    parameters -- W1, b1, W2, b2, W3, b3 of the 3-layer network (47 numbers in all)
    gradients -- the backward pass's output, with dW1, db1, ..., db3 (other keys are ignored)
    X -- inputs, (4, m);  Y -- labels, (1, m);  epsilon -- the small shift of each parameter
    print_msg -- print whether the check passes (difference below 2e-7)
    Returns difference = ||grad - gradapprox|| / (||grad|| + ||gradapprox||) over the 47 entries
    """
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))

    for i in range(num_parameters):
        # J with parameter i shifted up by epsilon, then down by epsilon, on copies of the vector
        ### BEGIN SOLUTION
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
        ### END SOLUTION

    # the distance between the backward pass's gradient and the approximation
    ### BEGIN SOLUTION
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION

    if print_msg:
        if difference > 2e-7:
            print(f"There is a mistake in the backward pass: difference = {difference:.2e}, above 2e-7")
        else:
            print(f"The backward pass is right: difference = {difference:.2e}, below 2e-7")
    return difference
