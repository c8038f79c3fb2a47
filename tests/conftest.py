"""Shared fixtures: the course root, the assignments, and a scratch copy of the repository."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder import course_copy, paths  # noqa: E402

ASSIGNMENTS = paths.assignment_ids()
EDITIONS = paths.edition_ids()  # every nbgrader assignment: each English edition and each Chinese one
CHINESE = [aid for aid in ASSIGNMENTS if aid + paths.ZH_SUFFIX in EDITIONS]  # those with a Chinese edition


def run(args, cwd, **extra_env):
    return course_copy.run(args, cwd, **extra_env)


def copy_repo(dest):
    return course_copy.copy_course(dest)


@pytest.fixture(scope="session")
def repo_copy(tmp_path_factory):
    """A copy of the repository (no run-time state), for tests that build or grade into it."""
    return copy_repo(tmp_path_factory.mktemp("course") / "repo")
