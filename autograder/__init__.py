"""The course's build, grading engine, sandbox and reports (see README.md)."""
