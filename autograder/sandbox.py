"""The sandbox a learner's kernel runs in.

As root (the normal grading setup) with bubblewrap available, the kernel sees a private filesystem:
/usr and the Python environment read-only, a scratch copy of the submission read-write, nothing else
(no course repository, no solutions, no gradebook); it has no network, its own PID, IPC and UTS
namespaces, runs under an unprivileged uid of its own (so concurrent learners cannot touch each
other), under a seccomp filter (no key store, no mounts or new namespaces: see seccomp.py), in a
control group that caps the memory, processes and CPU of all its processes together (cgroups.py),
and writes only to a size-limited tmpfs of its own (scratch_fs.py) and a private /tmp. Every startup
hook (IPython profile and config, Jupyter and matplotlib config, user site-packages, the current
folder on sys.path while the kernel boots) is fresh at each kernel start or owned by the grader.
Without root, or without bubblewrap, only the resource limits, the scratch copy and the grader's
timeouts apply: `describe()` says which parts apply on this machine.
"""
import atexit
import logging
import os
import shlex
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import cgroups, scratch_fs, seccomp
from .scratch_layout import BASE_PREFIX, ScratchLayout

GiB, MiB = 1024 ** 3, 1024 ** 2


@dataclass(frozen=True)
class Limits:
    address_space: int = 2 * GiB     # RLIMIT_AS of each process: a memory hog gets MemoryError
    cpu_seconds: int = 900           # RLIMIT_CPU of each process, over the whole notebook
    processes: int = 128             # RLIMIT_NPROC for the kernel's uid, and the cgroup's pids.max
    file_size: int = 64 * MiB        # RLIMIT_FSIZE: one file
    memory: int = None               # the cgroup's memory (all processes, memfd, tmpfs); None: address_space
    disk: int = 256 * MiB            # the scratch tmpfs: everything in scratch/ together
    tmp: int = 64 * MiB              # the private /tmp of one kernel start
    cpus: float = 1.0                # the cgroup's CPU quota, in cores

    def memory_cap(self):
        return self.memory if self.memory is not None else self.address_space


def isolated():
    """True when the kernel gets namespaces and its own uid (root with bubblewrap)."""
    return os.geteuid() == 0 and shutil.which("bwrap") is not None and shutil.which("setpriv") is not None


def describe():
    groups = ("cgroup limits on the whole sandbox's memory, processes and CPU" if cgroups.available()
              else "no writable cgroups: per-process rlimits only")
    if not isolated():
        disk = "size-limited tmpfs" if os.geteuid() == 0 else "per-file size limit only"
        return (f"limits only (not root or no bubblewrap): resource limits, {disk}, {groups}, timeouts; "
                "no filesystem isolation, no seccomp filter")
    parts = ["bubblewrap namespaces, no network, private uid, private size-limited tmpfs",
             "seccomp filter" if seccomp.supported() else "no seccomp filter (not x86_64)",
             groups if cgroups.available() else f"{groups}, memfd denied"]
    return f"isolated ({', '.join(parts)})"


def sandbox_uid():
    """A uid per grading worker, so concurrent kernels cannot signal or starve each other."""
    slot = int(os.environ.get("AUTOGRADER_SLOT", os.getpid() % 997))
    return 61000 + slot


def _ancestors(path):
    parents = list(Path(path).parents)[:-1]  # without "/"
    return list(reversed(parents))


def _bwrap_prefix(scratch, uid, limits):
    env_root, layout = Path(sys.prefix), ScratchLayout(scratch)
    argv = ["bwrap", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
            "--unshare-cgroup-try", "--die-with-parent", "--new-session",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin", "--proc", "/proc", "--dev", "/dev",
            "--perms", "1777", "--size", str(limits.tmp), "--tmpfs", "/tmp"]
    for hidden in ("/proc/keys", "/proc/key-users"):  # other users' keys, even without the syscalls
        if os.path.exists(hidden):
            argv += ["--ro-bind", "/dev/null", hidden]
    for folder in _ancestors(env_root) + _ancestors(scratch):
        if str(folder) != "/tmp":
            argv += ["--perms", "0755", "--dir", str(folder)]
    argv += ["--ro-bind", str(env_root), str(env_root), "--bind", str(scratch), str(scratch),
             "--perms", "0755", "--dir", "/etc", "--ro-bind", str(layout.ipython), "/etc/ipython",
             "--chdir", str(layout.work), "--clearenv"]
    return argv, ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--no-new-privs"]


# Read from /etc/ipython (bound read-only from grader/ipython). The kernel boots with PYTHONSAFEPATH,
# so no file in the learner's folder can stand in for a module it imports; then the folder goes on
# sys.path where IPython puts it (after the standard library), after the grader's exec_files ran.
IPYTHON_CONFIG = """c.HistoryManager.hist_file = ":memory:"
c.InteractiveShellApp.code_to_run = (
    "(lambda s: s.path.insert(next((i for i, p in enumerate(s.path) "
    "if p.endswith(('site-packages', 'dist-packages'))), 0), ''))(__import__('sys'))")
"""


def base_environment(home):
    """The variables every kernel has whatever its sandbox, some of them read at import (threads,
    backend): also the zygote's, which imports for the kernels it forks (engine/zygote_client.py)."""
    return {"PATH": f"{Path(sys.prefix) / 'bin'}:/usr/bin:/bin", "HOME": str(home),
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "PYTHONNOUSERSITE": "1",
            "NBGRADER_EXECUTION": "autograde", "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8"}


def kernel_environment(scratch):
    """Variables of the kernel. Inside bubblewrap every config or cache folder a startup reads is in
    the private /tmp, new at each kernel start: nothing the learner's code writes there runs again."""
    home = ScratchLayout(scratch).home
    env = base_environment(home)
    if not isolated():
        return {**env, "MPLCONFIGDIR": str(home / ".matplotlib")}
    fresh = Path("/tmp")
    return {**env, "PYTHONSAFEPATH": "1", "IPYTHONDIR": str(fresh / "ipython"),
            "MPLCONFIGDIR": str(fresh / "matplotlib"), "JUPYTER_CONFIG_DIR": str(fresh / "jupyter"),
            "JUPYTER_DATA_DIR": str(fresh / "jupyter-data"), "JUPYTER_RUNTIME_DIR": str(fresh / "jupyter-runtime"),
            "XDG_CONFIG_HOME": str(fresh / "config"), "XDG_CACHE_HOME": str(fresh / "cache"),
            "XDG_DATA_HOME": str(fresh / "data"), "TMPDIR": str(fresh)}


def wrap(command, scratch, limits=Limits()):
    """argv that runs `command` (a list) in the sandbox, from scratch/work, with `limits`."""
    scratch = Path(scratch)
    prlimit = ["prlimit", f"--as={limits.address_space}", f"--cpu={limits.cpu_seconds}",
               f"--nproc={limits.processes}", f"--fsize={limits.file_size}", "--"]
    env = kernel_environment(scratch)
    # a shell run by the grader joins the sandbox's cgroup (and opens the seccomp filter), then
    # becomes the sandbox: every process the kernel starts is born in the group
    steps = [f"echo $$ > {shlex.quote(str(path))}" for path in _cgroup_files(scratch, limits)]
    if not isolated():
        inner = ["env", "-i", *[f"{k}={v}" for k, v in env.items()], *prlimit, *command]
        return ["sh", "-c", " && ".join(steps + ['exec "$@"']), "sandbox", *inner] if steps else inner
    bwrap, drop = _bwrap_prefix(scratch, sandbox_uid(), limits)
    for key, value in env.items():
        bwrap += ["--setenv", key, value]
    program = seccomp.program(deny_memfd=not steps)  # memfd pages are bounded only by a memory cgroup
    if program is not None:
        rules = ScratchLayout(scratch).seccomp_rules
        rules.write_bytes(program)
        bwrap += ["--seccomp", "9"]
        steps.append(f'exec "$@" 9< {shlex.quote(str(rules))}')
    else:
        steps.append('exec "$@"')
    return ["sh", "-c", " && ".join(steps), "sandbox", *bwrap, "--", *drop, *prlimit, *command]


def cgroup_files(scratch, limits):
    """The cgroup.procs files every process of this sandbox joins; none where cgroups are not writable."""
    return _cgroup_files(scratch, limits)


def holder(scratch, limits, info_fd, procs_files):
    """argv of a sandbox without a kernel yet, for the zygote to fork one into (engine/zygote.py):
    bubblewrap's namespaces around a process that prints `ready` on stdout once they are set up,
    then lives until its stdin, the kernel's liveness pipe, closes. bubblewrap writes the host pid
    whose namespaces the kernel joins to `info_fd`. Isolated mode only."""
    steps = [f"echo $$ > {shlex.quote(str(path))}" for path in procs_files]
    bwrap, drop = _bwrap_prefix(scratch, sandbox_uid(), limits)
    waiter = ["sh", "-c", "echo ready && exec cat >/dev/null"]
    return ["sh", "-c", " && ".join(steps + ['exec "$@"']), "sandbox", *bwrap, "--info-fd", str(info_fd),
            "--", *drop, *waiter]


def kernel_recipe(scratch, limits, procs_files):
    """What the zygote applies to a kernel it forks into a holder's sandbox: the same uid, limits,
    environment, working folder, seccomp filter and cgroups as `wrap` gives a kernel it starts."""
    layout = ScratchLayout(scratch)
    program = seccomp.program(deny_memfd=not procs_files)
    if program is not None:
        layout.seccomp_rules.write_bytes(program)
    return {"uid": sandbox_uid(), "env": kernel_environment(scratch), "cwd": str(layout.work),
            "limits": {"address_space": limits.address_space, "cpu_seconds": limits.cpu_seconds,
                       "processes": limits.processes, "file_size": limits.file_size},
            "seccomp": str(layout.seccomp_rules) if program is not None else None,
            "cgroup_procs": [str(path) for path in procs_files]}


def _cgroup_files(scratch, limits):
    """The cgroup.procs files the kernel's launcher joins; none where cgroups are not writable."""
    if not cgroups.available():
        return []
    return cgroups.create(ScratchLayout(scratch).base.name, limits.memory_cap(), limits.processes, limits.cpus)


def new_scratch(limits=Limits()):
    """An empty scratch folder, laid out as ScratchLayout says; returns its root.
    As root it lives on a tmpfs of `limits.disk` bytes of its own; `remove_scratch` deletes it."""
    base = Path(tempfile.mkdtemp(prefix=BASE_PREFIX))
    if os.geteuid() == 0 and scratch_fs.mount_tmpfs(base, limits.disk):
        _mounted.add(base)
    layout = ScratchLayout.in_base(base)
    layout.root.mkdir()
    for folder in layout.folders():
        folder.mkdir()
    (layout.ipython / "ipython_kernel_config.py").write_text(IPYTHON_CONFIG)
    if isolated():
        uid = sandbox_uid()
        for folder in layout.sandbox_writable():
            os.chown(folder, uid, uid)
        os.chmod(layout.root, 0o755)
    return layout.root


def remove_scratch(scratch):
    """Delete a scratch folder and all it held: stop what is left in its cgroup and remove the group,
    unmount its tmpfs, and delete what is on disk at any depth (links are removed, never followed).
    Returns False, with a warning, when something could not be removed; it never raises."""
    base, complete = ScratchLayout(scratch).base, True
    try:
        if cgroups.available():
            complete = cgroups.remove(base.name)
        if base in _mounted:
            scratch_fs.unmount(base)
            _mounted.discard(base)
        scratch_fs.remove_tree(base)
    except OSError as exc:
        complete = False
        logging.getLogger(__name__).warning("scratch folder %s not fully removed: %s", base, exc)
    return complete


_mounted = set()  # tmpfs mounts made by this process, unmounted at exit if a caller did not


@atexit.register
def _unmount_leftovers():
    for base in list(_mounted):
        remove_scratch(ScratchLayout.in_base(base).root)


def fill_scratch(scratch, files_from):
    """Copy the learner's folder (without notebooks) into scratch/work, owned by the sandbox uid.

    Ordinary files and folders only: a link is never followed (it could name the reference), and a
    pipe or device is never read.
    """
    from .submission_files import copy_tree
    work = ScratchLayout(scratch).work
    copy_tree(files_from, work, skip=("*.ipynb", ".ipynb_checkpoints"))
    if isolated():
        uid = sandbox_uid()
        for path in work.rglob("*"):
            os.chown(path, uid, uid)
    return scratch
