"""The sandbox a learner's kernel runs in.

As root (the normal grading setup) with bubblewrap available, the kernel sees a private filesystem:
/usr and the Python environment read-only, a scratch copy of the submission read-write, nothing else
(no course repository, no solutions, no gradebook); it has no network, its own PID, IPC and UTS
namespaces, runs under an unprivileged uid of its own (so concurrent learners cannot touch each
other), and has resource limits. Without root, or without bubblewrap, only the resource limits, the
scratch copy and the grader's timeouts apply: `describe()` says which, and the README documents it.
"""
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

GiB = 1024 ** 3


@dataclass(frozen=True)
class Limits:
    address_space: int = 2 * GiB     # RLIMIT_AS of the kernel: a memory hog gets MemoryError
    cpu_seconds: int = 900           # RLIMIT_CPU over the whole notebook
    processes: int = 128             # RLIMIT_NPROC (threads count) for the kernel's own uid
    file_size: int = 64 * 1024 ** 2  # RLIMIT_FSIZE: no filling the disk


def isolated():
    """True when the kernel gets namespaces and its own uid (root with bubblewrap)."""
    return os.geteuid() == 0 and shutil.which("bwrap") is not None and shutil.which("setpriv") is not None


def describe():
    if isolated():
        return "isolated (bubblewrap namespaces, no network, private uid, resource limits)"
    return "limits only (not root or no bubblewrap): resource limits and timeouts, no filesystem isolation"


def sandbox_uid():
    """A uid per grading worker, so concurrent kernels cannot signal or starve each other."""
    slot = int(os.environ.get("AUTOGRADER_SLOT", os.getpid() % 997))
    return 61000 + slot


def _ancestors(path):
    parents = list(Path(path).parents)[:-1]  # without "/"
    return list(reversed(parents))


def _bwrap_prefix(scratch, uid):
    env_root = Path(sys.prefix)
    argv = ["bwrap", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
            "--unshare-cgroup-try", "--die-with-parent", "--new-session",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for folder in _ancestors(env_root) + _ancestors(scratch):
        if str(folder) != "/tmp":
            argv += ["--perms", "0755", "--dir", str(folder)]
    argv += ["--ro-bind", str(env_root), str(env_root), "--bind", str(scratch), str(scratch),
             "--chdir", str(scratch / "work"), "--clearenv"]
    return argv, ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--no-new-privs"]


def kernel_environment(scratch):
    home = scratch / "home"
    return {"PATH": f"{Path(sys.prefix) / 'bin'}:/usr/bin:/bin", "HOME": str(home),
            "MPLCONFIGDIR": str(home / ".matplotlib"), "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "NBGRADER_EXECUTION": "autograde", "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8"}


def wrap(command, scratch, limits=Limits()):
    """argv that runs `command` (a list) in the sandbox, from scratch/work, with `limits`."""
    prlimit = ["prlimit", f"--as={limits.address_space}", f"--cpu={limits.cpu_seconds}",
               f"--nproc={limits.processes}", f"--fsize={limits.file_size}", "--"]
    env = kernel_environment(scratch)
    if not isolated():
        return ["env", "-i", *[f"{k}={v}" for k, v in env.items()], *prlimit, *command]
    bwrap, drop = _bwrap_prefix(scratch, sandbox_uid())
    for key, value in env.items():
        bwrap += ["--setenv", key, value]
    return [*bwrap, "--", *drop, *prlimit, *command]


def new_scratch():
    """An empty scratch folder: work/ (the learner's files go here), home/, grader/, out/, ipc/."""
    scratch = Path(tempfile.mkdtemp(prefix="autograder-"))
    for sub in ("work", "home", "out", "grader", "ipc"):
        (scratch / sub).mkdir()
    if isolated():
        uid = sandbox_uid()
        for sub in ("work", "home", "out", "ipc"):
            os.chown(scratch / sub, uid, uid)
        os.chmod(scratch, 0o755)
    return scratch


def fill_scratch(scratch, files_from):
    """Copy the learner's folder (without notebooks) into scratch/work, owned by the sandbox uid."""
    work = Path(scratch) / "work"
    shutil.copytree(files_from, work, ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"),
                    dirs_exist_ok=True)
    if isolated():
        uid = sandbox_uid()
        for path in work.rglob("*"):
            os.chown(path, uid, uid)
    return scratch
