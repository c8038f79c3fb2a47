"""Shared fixtures: the course root, the assignments, and a scratch copy of the repository."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder import paths  # noqa: E402

ASSIGNMENTS = paths.assignment_ids()
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", "gradebook.db", "submitted", "autograded",
                                     "feedback", "reports", ".grading", "__pycache__", ".pytest_cache")


def env_with_venv(**extra):
    """The environment nbgrader needs: this interpreter's bin first on PATH (it shells out to alembic)."""
    bin_dir = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""), MPLBACKEND="Agg", **extra)


def run(args, cwd, **extra_env):
    return subprocess.run(args, cwd=cwd, env=env_with_venv(**extra_env), capture_output=True, text=True)


def copy_repo(dest):
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    return dest


@pytest.fixture(scope="session")
def repo_copy(tmp_path_factory):
    """A copy of the repository (no run-time state), for tests that build or grade into it."""
    return copy_repo(tmp_path_factory.mktemp("course") / "repo")
