"""Kernels forked from the zygote: as confined as a kernel started from scratch, and fresh for each learner.

The zygote (autograder/engine/zygote.py) makes a kernel start a fork; these tests check that the fork
changes nothing else: the same uid, limits, filter, environment and view of the filesystem as a fresh
kernel, and nothing a learner leaves behind (files, modules, variables, processes) reaches the next.
"""
import json
import subprocess
import time

import pytest

from autograder import classroom, sandbox
from autograder.engine.kernel import SandboxedKernel
from autograder.engine.spare import discard
from autograder.engine.zygote_client import Zygote
from conftest import run
from grading_helpers import max_scores, scores, scratch_course

pytestmark = pytest.mark.skipif(not sandbox.isolated(), reason="the zygote forks into bubblewrap sandboxes (root)")

PROBE = r"""
import json, os, resource, socket, stat, sys
def _opens(path):
    try:
        os.close(os.open(path, os.O_RDWR))
        return True
    except OSError:
        return False
def _seqpacket(fd):  # the zygote's socket is the only SOCK_SEQPACKET a kernel could inherit
    try:
        return stat.S_ISSOCK(os.fstat(fd).st_mode) and socket.socket(fileno=os.dup(fd)).type == socket.SOCK_SEQPACKET
    except OSError:
        return False
status = dict(line.split(':', 1) for line in open('/proc/self/status').read().splitlines())
print(json.dumps({
    "ids": [os.getuid(), os.geteuid(), os.getgid(), os.getegid(), os.getgroups()],
    "limits": [resource.getrlimit(getattr(resource, n)) for n in ("RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_NPROC", "RLIMIT_FSIZE")],
    "status": {k: status[k].strip() for k in ("NoNewPrivs", "Seccomp", "CapInh", "CapPrm", "CapEff", "CapAmb")},
    "env": dict(os.environ), "cwd": os.getcwd(), "root": sorted(os.listdir('/')),
    "tmp": sorted(os.listdir('/tmp')), "interfaces": [n for _, n in socket.if_nameindex()],
    "cgroup": open('/proc/self/cgroup').read(), "hostname": socket.gethostname(),
    "terminal": os.path.exists('/dev/tty') and os.access('/dev/tty', os.R_OK) and _opens('/dev/tty'),
    "seqpacket_fds": sum(_seqpacket(int(fd)) for fd in os.listdir('/proc/self/fd')),
    "pids": sorted(int(p) for p in os.listdir('/proc') if p.isdigit()) != [],
    "pyplot_before_any_import": "matplotlib.pyplot" in sys.modules,
}))
"""


def _kernel(forked):
    kernel = SandboxedKernel(sandbox.new_scratch(), forked=forked)
    kernel.start()
    return kernel


def _probe(kernel):
    outputs = []
    kernel.run(PROBE, timeout=30, outputs=outputs)
    text = "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
    return json.loads(text)


def _without_scratch_paths(facts, scratch):
    """The facts with this kernel's own scratch path (which differs by design) written as <scratch>."""
    return json.loads(json.dumps(facts).replace(str(scratch), "<scratch>").replace(
        str(sandbox.ScratchLayout(scratch).base.name), "<base>"))


def test_a_forked_kernel_is_as_confined_as_a_fresh_one():
    zygote = Zygote.shared()
    before = zygote.kernels
    forked, fresh = _kernel(True), _kernel(False)
    try:
        assert zygote.kernels == before + 1, zygote.refused
        seen_forked, seen_fresh = _probe(forked), _probe(fresh)
    finally:
        discard(forked)
        discard(fresh)
    assert seen_forked.pop("pyplot_before_any_import") is True  # it really came from the zygote
    assert seen_fresh.pop("pyplot_before_any_import") is False
    assert seen_forked["status"]["Seccomp"] == "2" and seen_forked["status"]["CapEff"] == "0000000000000000"
    assert seen_forked["ids"][0] == sandbox.sandbox_uid()
    assert _without_scratch_paths(seen_forked, forked.scratch) == _without_scratch_paths(seen_fresh, fresh.scratch)


PLANT = r"""
import os, subprocess, sys, numpy
open('/tmp/planted', 'w').write('x')
open(os.path.expanduser('~/planted'), 'w').write('x')
os.environ['PLANTED'] = '1'
numpy.dot = lambda *a, **k: 0
sys.modules['planted_module'] = numpy
subprocess.Popen(['sleep', '300'], start_new_session=True)
print('planted')
"""
LOOK = r"""
import os, sys, numpy
print(os.path.exists('/tmp/planted'), os.path.exists(os.path.expanduser('~/planted')), 'PLANTED' in os.environ,
      numpy.dot(numpy.ones(2), numpy.ones(2)), 'planted_module' in sys.modules,
      sum(open(f'/proc/{p}/comm').read().strip() == 'sleep' for p in os.listdir('/proc') if p.isdigit()))
"""


def _stdout(kernel, code):
    outputs = []
    kernel.run(code, timeout=30, outputs=outputs)
    return "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout").strip()


def _sleepers():
    found = subprocess.run(["pgrep", "-u", str(sandbox.sandbox_uid()), "-x", "sleep"], capture_output=True, text=True)
    return found.stdout.split()


def test_nothing_one_learner_leaves_reaches_the_next():
    planter = _kernel(True)
    try:
        assert _stdout(planter, PLANT) == "planted"
        assert _stdout(planter, LOOK) == "True True True 0 True 1"  # the probe can see what is there
        assert _sleepers()
    finally:
        discard(planter)
    deadline = time.monotonic() + 5
    while _sleepers() and time.monotonic() < deadline:  # its sandbox ended with its kernel
        time.sleep(0.05)
    assert _sleepers() == []
    nxt = _kernel(True)
    try:
        assert _stdout(nxt, LOOK) == "False False False 2.0 False 0"
    finally:
        discard(nxt)


def test_the_zygote_stays_one_process_of_constant_size():
    zygote = Zygote.shared()
    _kernel_and_discard = lambda: discard(_kernel(True))  # noqa: E731
    _kernel_and_discard()
    pid = zygote.proc.pid
    rss = lambda: int(open(f"/proc/{pid}/status").read().split("VmRSS:")[1].split()[0])  # noqa: E731
    before = rss()
    for _ in range(8):
        _kernel_and_discard()
    assert zygote.proc.pid == pid  # never restarted
    assert rss() <= before + 1024, "the zygote grew by more than 1 MiB over eight kernels"
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    assert children == []  # every kernel was handed over to its sandbox, none stays the zygote's


AID = "c1w2_numpy_basics"
# everything a learner could leave for the next one in a shared process: modules, files, variables, processes
SPOIL = r"""
import os, subprocess, sys, numpy, builtins
numpy.exp = lambda x: numpy.zeros_like(numpy.asarray(x, dtype=float))
numpy.allclose = lambda *a, **k: False
builtins.abs = lambda x: 0
os.environ['PYTHONSTARTUP'] = '/tmp/spoil.py'
for folder in ('/tmp', os.path.expanduser('~')):
    open(os.path.join(folder, 'spoil.py'), 'w').write('import numpy; numpy.exp = None')
    open(os.path.join(folder, 'matplotlibrc'), 'w').write('backend: module://spoil')
subprocess.Popen([sys.executable, '-c', "import glob, time\nwhile True:\n"
                  "    [open(d + '/numpy.py', 'w').write('raise SystemExit') for d in glob.glob('/tmp/autograder-*/scratch/work')]\n"
                  "    time.sleep(0.05)"], start_new_session=True)
"""


@pytest.fixture(scope="module")
def graded_after_a_spoiler(tmp_path_factory):
    root = scratch_course(tmp_path_factory.mktemp("zygote"), [AID])
    spoiler = classroom.fill(AID)
    classroom.insert_cell(spoiler, SPOIL)
    classroom.write(root, "a-spoiler", AID, spoiler)
    for name in ("b-honest", "c-honest"):
        classroom.write(root, name, AID, classroom.fill(AID))
    # one worker: the three learners are graded one after another, by one process and one zygote
    result = run(["python", "-m", "autograder", "grade", AID, "--workers", "1", "-q"], cwd=root)
    return root, result


def test_a_learner_who_spoils_everything_cannot_change_a_later_grade(graded_after_a_spoiler):
    root, result = graded_after_a_spoiler
    assert result.returncode == 0, result.stderr[-2000:]
    for learner in ("b-honest", "c-honest"):
        assert scores(root, AID, learner) == max_scores(AID), learner
