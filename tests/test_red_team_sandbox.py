"""Red-team findings against the sandbox itself, one regression test each, with real sandboxed kernels:
a channel between sandboxes (finding 1), limits that counted one process or one file at a time and a
cleanup that a deep tree defeated (finding 8), and startup hooks the learner could plant (finding 7)."""
import contextlib
import uuid
from pathlib import Path

import pytest

from autograder import cgroups, paths, sandbox
from autograder.engine import session
from autograder.engine.kernel import KernelDied, SandboxedKernel

AID = "c1w2_numpy_basics"
MiB = 1024 ** 2
needs_isolation = pytest.mark.skipif(not sandbox.isolated(), reason="needs root and bubblewrap")
needs_cgroups = pytest.mark.skipif(not cgroups.available(), reason="needs writable cgroup v1")


@contextlib.contextmanager
def kernel(limits=sandbox.Limits()):
    scratch = sandbox.new_scratch()
    k = SandboxedKernel(scratch, limits)
    try:
        k.start()
        yield k
    finally:
        k.shutdown()
        sandbox.remove_scratch(scratch)


def printed(k, code, timeout=60):
    """What `code` printed in the kernel; 'KERNEL DIED' if the kernel ended meanwhile."""
    outputs = []
    try:
        reply = k.run(code, timeout, outputs)
    except KernelDied:
        return "KERNEL DIED"
    assert reply["status"] == "ok", outputs
    return "".join(o.get("text", "") for o in outputs)


# ---- finding 1: the kernel key store, shared by every sandbox and outliving it ----

KEYCTL = """import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
ADD_KEY, KEYCTL, USER_KEYRING, KEYCTL_SEARCH = 248, 250, -4, 10
"""


@needs_isolation
def test_a_key_stored_in_one_sandbox_is_not_visible_in_the_next():
    name = f"answers-{uuid.uuid4().hex}".encode()
    store = KEYCTL + (f"r = libc.syscall(ADD_KEY, b'user', {name!r}, b'W=[[1,2]]', 9, USER_KEYRING)\n"
                      "print('stored' if r > 0 else 'refused', os.strerror(ctypes.get_errno()))")
    find = KEYCTL + (f"r = libc.syscall(KEYCTL, KEYCTL_SEARCH, USER_KEYRING, b'user', {name!r}, 0)\n"
                     "print('found' if r > 0 else 'not found')\n"
                     "try:\n    print(open('/proc/keys').read())\nexcept OSError as e:\n    print('no /proc/keys')")
    with kernel() as first:
        assert printed(first, store).startswith("refused")
    with kernel() as second:
        seen = printed(second, find)
    assert "not found" in seen and name.decode() not in seen


@needs_isolation
def test_learner_code_cannot_leave_the_namespaces_or_mount():
    code = """import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWUSER, CLONE_NEWNS = 0x10000000, 0x20000
print('unshare', libc.unshare(CLONE_NEWUSER | CLONE_NEWNS), os.strerror(ctypes.get_errno()))
print('mount', libc.mount(b'none', b'/tmp', b'tmpfs', 0, None), os.strerror(ctypes.get_errno()))
print('bpf', libc.syscall(321, 0, 0, 0), os.strerror(ctypes.get_errno()))
import numpy, matplotlib.pyplot as plt, subprocess, threading
plt.plot([1, 2]); plt.show()
t = threading.Thread(target=print, args=('thread ok',)); t.start(); t.join()
print(subprocess.run(['echo', 'child ok'], capture_output=True, text=True).stdout, numpy.ones(3).sum())
"""
    with kernel() as k:
        out = printed(k, code)
    assert "unshare -1 Operation not permitted" in out
    assert "mount -1 Operation not permitted" in out
    assert "bpf -1 Operation not permitted" in out
    assert "thread ok" in out and "child ok" in out and "3.0" in out


# ---- finding 8: limits per process, not per sandbox; cleanup defeated by a deep tree ----

TWO_CHILDREN = """import os, numpy as np
pids = []
for _ in range(2):
    pid = os.fork()
    if pid == 0:
        held = np.ones({size} // 8)  # every page touched
        os._exit(0 if held.sum() > 0 else 1)
    pids.append(pid)
print('held', sum(os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) == 0 for p in pids))
"""
MEMFD_FILES = """import os
pid = os.fork()
if pid == 0:
    try:
        files = [os.memfd_create(f'f{{i}}') for i in range(8)]
        for fd in files:
            for _ in range({size} // 8 // 2 ** 20):
                os.write(fd, b'x' * 2 ** 20)
        os._exit(0)
    except OSError:
        os._exit(1)
print('memfd', 'held' if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0 else 'refused')
"""


@needs_cgroups
@needs_isolation
def test_two_children_cannot_hold_more_than_the_sandbox_memory():
    with kernel(sandbox.Limits(memory=400 * MiB)) as k:
        out = printed(k, TWO_CHILDREN.format(size=250 * MiB))
    assert "held 2" not in out


@needs_cgroups
@needs_isolation
def test_memfd_pages_count_against_the_sandbox_memory():
    with kernel(sandbox.Limits(memory=300 * MiB)) as k:
        out = printed(k, MEMFD_FILES.format(size=400 * MiB))
    assert "held" not in out


@needs_isolation
def test_many_files_cannot_fill_more_than_the_scratch_disk():
    code = """import os
written = 0
try:
    for i in range(20):
        for folder in ('.', os.environ['HOME']):
            with open(os.path.join(folder, f'big{i}'), 'wb') as f:
                f.write(b'x' * 20 * 2 ** 20)
            written += 20
except OSError as exc:
    print('stopped', exc.errno)
print('written MiB', written)
"""
    with kernel() as k:
        out = printed(k, code)
    written = int(out.split("written MiB")[1])
    assert "stopped" in out and written <= sandbox.Limits().disk // MiB


@needs_cgroups
@needs_isolation
def test_the_kernel_runs_in_a_cgroup_of_its_own_and_it_is_removed_after():
    with kernel() as k:
        pid = k.km.provisioner.process.pid
        lines = Path(f"/proc/{pid}/cgroup").read_text()
        name = k.scratch.parent.name
        group = cgroups._group("memory", name)
        assert f"/{cgroups.PARENT}/{name}\n" in lines.split("memory:", 1)[1]
        assert int((group / "memory.limit_in_bytes").read_text()) == sandbox.Limits().memory_cap()
    assert not group.exists()


DEEP_TREE = """import os
os.chmod('.', 0o755)
for i in range(1100):
    os.mkdir('d'); os.chdir('d')
    if i % 300 == 0:
        open('f', 'w').write('x' * 50000)
        os.symlink('/usr/bin', 'link-out')
        os.mkdir('locked'); open('locked/f', 'w').close(); os.chmod('locked', 0)
os.chdir({work!r})
"""


def test_a_deep_tree_of_folders_is_removed_with_the_scratch_folder():
    with session.GradingSession(AID, paths.RELEASE / AID) as graded:
        scratch = graded.scratch
        outputs, problem = graded.run_cell(DEEP_TREE.format(work=str(graded.kernel.layout.work)))
        assert problem is None, outputs
    assert not scratch.exists() and not scratch.parent.exists()
    assert Path("/usr/bin").is_dir()
    assert f" {scratch.parent} " not in Path("/proc/self/mounts").read_text()


# ---- finding 7 (part): startup files the learner's code could plant ----

PLANT = """import os, site
home, mark = os.path.expanduser('~'), {mark!r}
def plant(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, 'w').write(text)
for ipython_dir in {{os.path.join(home, '.ipython'), os.environ.get('IPYTHONDIR', home + '/.ipython')}}:
    profile = os.path.join(ipython_dir, 'profile_default')
    plant(os.path.join(profile, 'startup', '00-planted.py'), f"open({{mark!r}} + 'startup', 'w')")
    plant(os.path.join(profile, 'ipython_kernel_config.py'), f"open({{mark!r}} + 'config', 'w')")
user_site = site.getusersitepackages()
plant(os.path.join(user_site, 'usercustomize.py'), f"open({{mark!r}} + 'usercustomize', 'w')")
plant(os.path.join(user_site, 'planted.pth'), f"import os; open({{mark!r}} + 'pth', 'w')")
plant('ipykernel_launcher.py', f'''import os, runpy, sys
open({{mark!r}} + 'launcher', 'w')
sys.path[:] = [p for p in sys.path if p not in ('', os.getcwd())]
runpy.run_module('ipykernel_launcher', run_name='__main__', alter_sys=True)''')
"""


@needs_isolation
def test_startup_files_planted_by_the_learner_do_not_run_when_the_kernel_restarts():
    with session.GradingSession(AID, paths.RELEASE / AID) as graded:
        mark = str(graded.kernel.layout.out / "ran-")
        outputs, problem = graded.run_cell(PLANT.format(mark=mark))
        assert problem is None, outputs
        _, problem = graded.run_cell("import os\nos._exit(0)")
        assert problem is not None  # the grader restarted the kernel
        outputs, problem = graded.run_cell("print('alive')")
        assert problem is None and "alive" in outputs[0]["text"]
        ran = sorted(p.name for p in graded.kernel.layout.out.iterdir() if p.name.startswith("ran-"))
    assert ran == []
