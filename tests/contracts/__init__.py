"""Fast contract tests: no kernel, no nbgrader run. Run alone with `python -m pytest tests/contracts -q`."""
