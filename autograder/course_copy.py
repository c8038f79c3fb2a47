"""Scratch copies of the course (no run-time state), for tests and benchmarks that grade into them."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import paths

RUNTIME_STATE = shutil.ignore_patterns(".venv", ".git", "gradebook.db", "submitted", "autograded", "feedback",
                                       "reports", ".grading", "__pycache__", ".pytest_cache", "solution")


def env_with_tools(**extra):
    """This interpreter's bin first on PATH: nbgrader shells out to alembic."""
    bin_dir = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""), MPLBACKEND="Agg", **extra)


def run(args, cwd, **extra_env):
    return subprocess.run(args, cwd=cwd, env=env_with_tools(**extra_env), capture_output=True, text=True)


def copy_course(dest, release=()):
    """Copy the repository to `dest`, then release the given assignments into its own gradebook."""
    shutil.copytree(paths.ROOT, dest, ignore=RUNTIME_STATE)
    for aid in release:
        result = run([sys.executable, "-m", "nbgrader", "generate_assignment", aid, "--force"], cwd=dest)
        if result.returncode != 0:
            raise RuntimeError(f"nbgrader generate_assignment {aid} failed: {result.stderr[-500:]}")
    return Path(dest)
