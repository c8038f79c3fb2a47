"""The zygote: a root process with Jupyter's kernel machinery, numpy and matplotlib imported once,
which forks a fresh kernel for each learner straight into that learner's sandbox.

A kernel started from scratch spends most of a second importing those, on every submission. The
zygote pays for the imports once per grading process; each kernel is then a fork (copy-on-write
memory, nothing shared afterwards) that enters the namespaces bubblewrap made for its learner,
drops to the sandbox uid, takes the limits and the seccomp filter, and only then runs as a kernel.
Learner code never runs in the zygote, so no learner can leave anything in it for the next one; a
learner's files, /tmp and processes live in their own sandbox, which ends with their kernel.

This file runs as a script (`python -I zygote.py FD`), not as part of the autograder package: the
zygote's memory, which every kernel inherits, holds no grader module, secret or reference code.
Requests come over the Unix socket FD (SOCK_SEQPACKET), one JSON message each, with the kernel's end of the liveness
pipe attached (SCM_RIGHTS); the answer is {"pid": host pid of the kernel} or {"error": text}.
"""
import ctypes
import json
import os
import resource
import signal
import socket
import sys

PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP = 1, 4, 38, 22
SECCOMP_MODE_FILTER = 2
NAMESPACES = ("cgroup", "ipc", "uts", "net", "pid", "mnt")  # mnt last: it changes what /proc/<pid> means
LIMITS = {"address_space": resource.RLIMIT_AS, "cpu_seconds": resource.RLIMIT_CPU,
          "processes": resource.RLIMIT_NPROC, "file_size": resource.RLIMIT_FSIZE}
libc = ctypes.CDLL(None, use_errno=True)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _check(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


SET_BY_IMPORTS = {}  # variables the imports set in os.environ (debugpy does), as a fresh kernel has them


def warm_up():
    """Import what every kernel imports, with the kernel's own settings (they are read at import)."""
    before = dict(os.environ)
    import numpy  # noqa: F401
    import matplotlib
    matplotlib.use(os.environ["MPLBACKEND"])
    import matplotlib.pyplot  # noqa: F401  (builds the font list once, here)
    import ipykernel.debugger  # noqa: F401  (debugpy: the largest import of a kernel start)
    import ipykernel.ipkernel  # noqa: F401
    import ipykernel.kernelapp  # noqa: F401
    import ipykernel.zmqshell  # noqa: F401
    import matplotlib_inline.backend_inline  # noqa: F401
    import IPython.core.history  # noqa: F401  (sqlite3)
    import pdb  # noqa: F401
    import pydoc  # noqa: F401
    SET_BY_IMPORTS.update({k: v for k, v in os.environ.items() if before.get(k) != v})
    import threading
    if threading.active_count() != 1:  # a fork copies only the calling thread: nothing may run beside it
        raise RuntimeError("the zygote started a thread while importing")


def install_seccomp(program):
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    _check(libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0), "seccomp")


def become_kernel(request, live_fd, program):
    """In the learner's namespaces: drop to the sandbox uid and limits, then run the kernel. Never returns."""
    os.setsid()
    uid = request["uid"]
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)  # every capability goes with root
    _check(libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), "dumpable")  # as after the exec of a fresh kernel
    _check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    for name, value in request["limits"].items():
        resource.setrlimit(LIMITS[name], (value, value))
    if program:
        install_seccomp(program)
    os.chdir(request["cwd"])
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.set_inheritable(live_fd, False)  # the kernel's own processes must not keep its sandbox alive
    os.closerange(3, live_fd)
    os.closerange(live_fd + 1, 1 << 16)
    os.environ.clear()
    os.environ.update({**request["env"], **SET_BY_IMPORTS, "PWD": request["cwd"]})  # PWD: as bubblewrap sets it
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import numpy
    numpy.random.seed()  # a fresh process draws its own seed; a fork would share the zygote's
    sys.argv = ["ipykernel_launcher", *request["argv"]]
    from ipykernel import kernelapp
    try:
        kernelapp.launch_new_instance()
    finally:
        os._exit(0)


def enter_sandbox(request, live_fd, report_fd):
    """The first child: join the learner's cgroup and namespaces, fork the kernel, report its pid."""
    program = open(request["seccomp"], "rb").read() if request.get("seccomp") else None
    holder = request["namespaces_of"]
    handles = [(os.open(f"/proc/{holder}/ns/{name}", os.O_RDONLY), name) for name in NAMESPACES]
    for procs in request["cgroup_procs"]:
        with open(procs, "w") as f:
            f.write(str(os.getpid()))
    for fd, name in handles:
        _check(libc.setns(fd, 0), f"setns {name}")
        os.close(fd)
    kernel = os.fork()  # born in the learner's PID namespace (setns applies to children)
    if kernel == 0:
        os.close(report_fd)
        become_kernel(request, live_fd, program)
    os.write(report_fd, json.dumps({"pid": kernel}).encode())


def fork_kernel(request, live_fd):
    report_r, report_w = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(report_r)
        try:
            enter_sandbox(request, live_fd, report_w)
        except BaseException as exc:  # noqa: BLE001 (reported to the grader, which falls back)
            os.write(report_w, json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode())
        os._exit(0)
    os.close(report_w)
    os.close(live_fd)
    answer = b""
    while chunk := os.read(report_r, 4096):
        answer += chunk
    os.close(report_r)
    os.waitpid(child, 0)
    return answer or b'{"error": "the zygote\'s child ended without an answer"}'


def serve(sock):
    """One request per message (a SOCK_SEQPACKET pair keeps them apart) until the grader hangs up."""
    while True:
        data, fds, _, _ = socket.recv_fds(sock, 1 << 16, 1)
        if not data:
            return
        if len(fds) != 1:
            for fd in fds:
                os.close(fd)
            sock.sendall(b'{"error": "no liveness pipe came with the request"}')
            continue
        sock.sendall(fork_kernel(json.loads(data), fds[0]))


def main():
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # the grading process gone: so is the zygote
    sock = socket.socket(fileno=int(sys.argv[1]))
    try:
        warm_up()
    except Exception as exc:  # noqa: BLE001 (the grader then starts kernels the usual way)
        sock.sendall(json.dumps({"error": f"warm-up failed: {type(exc).__name__}: {exc}"}).encode())
        return
    sock.sendall(b'{"ready": true}')
    serve(sock)


if __name__ == "__main__":
    main()
