"""One control group per sandbox (cgroup v1): limits on the memory, the processes and the CPU of
everything the learner's kernel starts, taken together.

Resource limits (rlimits) count one process at a time: two children may each use the whole memory
limit, and pages of memfd files or tmpfs are counted by no rlimit at all. A memory cgroup charges all
of them to the sandbox. The group is made by the grader (root), the kernel's launcher joins it before
starting bubblewrap, and `remove` kills what is left in it and deletes it.
Where /sys/fs/cgroup is not writable (not root, cgroup v2 only, a container), `available()` is False
and the sandbox keeps only its rlimits.
"""
import functools
import os
import signal
import time
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
CONTROLLERS = ("memory", "pids", "cpu")
PARENT = "autograder"
CPU_PERIOD_US = 100_000


@functools.lru_cache(maxsize=None)
def available():
    """True when this process can make cgroup v1 groups for memory, pids and cpu."""
    if os.geteuid() != 0:
        return False
    try:
        for controller in CONTROLLERS:
            _parent(controller).mkdir(exist_ok=True)
        return (_parent("memory") / "memory.limit_in_bytes").exists()
    except (OSError, ValueError):
        return False


@functools.lru_cache(maxsize=None)
def _parent(controller):
    """The folder of sandbox groups, inside the grader's own group: whatever limits and accounting
    apply to the grader also apply to its sandboxes."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(","):
            return ROOT / controller / path.lstrip("/") / PARENT
    raise ValueError(f"no cgroup v1 {controller} controller")


def _group(controller, name):
    return _parent(controller) / name


def create(name, memory, processes, cpus):
    """Make (or update) the group `name`; return the files a process writes its pid into to join."""
    for controller in CONTROLLERS:
        _group(controller, name).mkdir(exist_ok=True)
    memory_dir = _group("memory", name)
    swap_too = memory_dir / "memory.memsw.limit_in_bytes"
    if swap_too.exists():  # memory + swap; -1 first, since it may never be below the memory limit
        _write(swap_too, -1)
    _write(memory_dir / "memory.limit_in_bytes", memory)
    if swap_too.exists():  # no escaping the limit into swap
        _write(swap_too, memory)
    _write(_group("pids", name) / "pids.max", processes)
    _write(_group("cpu", name) / "cpu.cfs_period_us", CPU_PERIOD_US)
    _write(_group("cpu", name) / "cpu.cfs_quota_us", int(cpus * CPU_PERIOD_US))
    return [_group(controller, name) / "cgroup.procs" for controller in CONTROLLERS]


def remove(name, timeout=5.0):
    """Kill every process left in the group, then delete it. True when nothing is left behind."""
    groups = [_group(controller, name) for controller in CONTROLLERS]
    deadline = time.monotonic() + timeout
    while True:
        pids = {pid for group in groups for pid in _pids(group)}
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if not pids or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    gone = True
    for group in groups:
        try:
            group.rmdir()
        except FileNotFoundError:
            pass
        except OSError:  # still busy (a process in uninterruptible sleep): left for the next sweep
            gone = False
    return gone


def _pids(group):
    try:
        return [int(line) for line in (group / "cgroup.procs").read_text().split()]
    except FileNotFoundError:
        return []


def _write(path, value):
    with open(path, "w") as f:
        f.write(str(value))
