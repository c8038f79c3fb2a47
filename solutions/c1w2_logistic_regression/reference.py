"""Reference solutions: Logistic Regression with a Neural Network mindset.

Each graded function keeps the course's signature; the part a learner writes sits between
`### BEGIN SOLUTION` and `### END SOLUTION`. Lines outside the markers are the given scaffold.
"""
import copy

import numpy as np


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise.

    z -- a number or a numpy array of any shape
    Returns s, of the same shape as z
    """
    ### BEGIN SOLUTION
    s = 1 / (1 + np.exp(-z))
    ### END SOLUTION
    return s


def initialize_with_zeros(dim):
    """Zero weights and a zero bias for a logistic unit with `dim` inputs.

    dim -- number of input features
    Returns w, zeros of shape (dim, 1), and b, the Python float 0.0
    """
    ### BEGIN SOLUTION
    w = np.zeros((dim, 1))
    b = 0.0
    ### END SOLUTION
    return w, b


def propagate(w, b, X, Y):
    """Cost of logistic regression on a batch, and its gradient.

    w -- weights, (n_x, 1);  b -- bias, a scalar
    X -- inputs, (n_x, m);  Y -- labels 0/1, (1, m)
    Returns grads = {"dw": (n_x, 1), "db": scalar} and the cost as a 0-d value
    """
    m = X.shape[1]
    # forward: activations, then cost
    ### BEGIN SOLUTION
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    ### END SOLUTION
    # backward: gradients of the cost
    ### BEGIN SOLUTION
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    ### END SOLUTION
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Gradient descent on w and b.

    w, b, X, Y -- as for propagate
    num_iterations -- number of steps;  learning_rate -- step size
    print_cost -- print the cost every 100 steps
    Returns params = {"w", "b"}, grads = {"dw", "db"} of the last step, and costs, the cost at
    steps 0, 100, 200, ...
    """
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        ### BEGIN SOLUTION
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        ### END SOLUTION
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


def predict(w, b, X):
    """Label every example 1 when the model's probability is above 0.5, else 0.

    w -- weights, (n_x, 1);  b -- bias;  X -- inputs, (n_x, m)
    Returns Y_prediction, (1, m) of floats 0.0 / 1.0
    """
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    ### BEGIN SOLUTION
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction[A > 0.5] = 1.0
    ### END SOLUTION
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """Train logistic regression on the training set and predict both sets.

    X_train -- (n_x, m_train);  Y_train -- (1, m_train);  X_test, Y_test -- the same for m_test
    Returns a dict with the costs, both predictions, w, b, learning_rate and num_iterations
    """
    ### BEGIN SOLUTION
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    ### END SOLUTION
    if print_cost:
        print("train accuracy: {:.1f} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
        print("test accuracy: {:.1f} %".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
