"""Errors that reach a person: each carries one line naming the file and the problem."""


class CourseError(Exception):
    """A problem in the course material or the command line, reported without a traceback."""

    def __init__(self, where, problem):
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem
