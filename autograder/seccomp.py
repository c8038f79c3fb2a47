"""A seccomp filter for the sandbox: system calls learner code has no use for, denied with EPERM.

The denied calls are channels that outlive a sandbox or reach past it (the kernel key store, which
is shared by every process on the machine), ways to leave or rebuild the namespaces bubblewrap set up
(mount, unshare, setns, clone with namespace flags), and machine-wide controls (modules, kexec,
clock, swap, reboot) or large attack surfaces (bpf, perf, userfaultfd, io_uring, ptrace).
The program is classic BPF written out by hand for x86_64; bubblewrap loads it with `--seccomp FD`.
On another architecture `program()` returns None and the sandbox runs without a filter.
"""
import errno
import platform
import struct

DENIED = {  # x86_64 numbers, from asm/unistd_64.h
    "ptrace": 101, "syslog": 103, "uselib": 134, "vhangup": 153, "pivot_root": 155, "adjtimex": 159,
    "chroot": 161, "acct": 163, "settimeofday": 164, "mount": 165, "umount2": 166, "swapon": 167,
    "swapoff": 168, "reboot": 169, "sethostname": 170, "setdomainname": 171, "iopl": 172, "ioperm": 173,
    "init_module": 175, "delete_module": 176, "quotactl": 179, "lookup_dcookie": 212,
    "clock_settime": 227, "kexec_load": 246, "add_key": 248, "request_key": 249, "keyctl": 250,
    "unshare": 272, "perf_event_open": 298, "fanotify_init": 300, "name_to_handle_at": 303,
    "open_by_handle_at": 304, "clock_adjtime": 305, "setns": 308, "process_vm_readv": 310,
    "process_vm_writev": 311, "kcmp": 312, "finit_module": 313, "kexec_file_load": 320, "bpf": 321,
    "userfaultfd": 323, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
    "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
    "pidfd_getfd": 438, "mount_setattr": 442, "quotactl_fd": 443, "memfd_secret": 447,
}
MEMFD_CREATE = 319  # denied only where no memory cgroup charges its pages to the sandbox
CLONE, CLONE3 = 56, 435
# CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET: all in the low 32 bits
NEW_NAMESPACE_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000

AUDIT_ARCH_X86_64 = 0xC000003E
X32_SYSCALL_BIT = 0x40000000
LOAD_WORD, JUMP_EQ, JUMP_GE, JUMP_SET, RETURN = 0x20, 0x15, 0x35, 0x45, 0x06
ALLOW, KILL_PROCESS, RETURN_ERRNO = 0x7FFF0000, 0x80000000, 0x00050000
NR_OFFSET, ARCH_OFFSET, ARG0_LOW_OFFSET = 0, 4, 16  # struct seccomp_data, little-endian


def supported():
    return platform.machine() == "x86_64"


def program(deny_memfd=False):
    """The filter as bytes (struct sock_filter[]), or None where it is not written for this machine."""
    if not supported():
        return None
    denied = sorted(DENIED.values()) + ([MEMFD_CREATE] if deny_memfd else [])
    code = [(LOAD_WORD, None, None, ARCH_OFFSET),
            (JUMP_EQ, None, "kill", AUDIT_ARCH_X86_64),
            (LOAD_WORD, None, None, NR_OFFSET),
            (JUMP_GE, "eperm", None, X32_SYSCALL_BIT)]  # the x32 ABI: another numbering, refused
    code += [(JUMP_EQ, "eperm", None, nr) for nr in denied]
    # glibc falls back to clone when clone3 is missing; clone's flags can be inspected, clone3's cannot
    code += [(JUMP_EQ, "enosys", None, CLONE3),
             (JUMP_EQ, None, "allow", CLONE),
             (LOAD_WORD, None, None, ARG0_LOW_OFFSET),
             (JUMP_SET, "eperm", "allow", NEW_NAMESPACE_FLAGS)]
    labels = {"allow": ALLOW, "eperm": RETURN_ERRNO | errno.EPERM,
              "enosys": RETURN_ERRNO | errno.ENOSYS, "kill": KILL_PROCESS}
    return _assemble(code, labels)


def _assemble(code, labels):
    """Encode `code` followed by one return per label; jump targets name a label (None: next)."""
    where = {name: len(code) + i for i, name in enumerate(labels)}
    out = bytearray()
    for index, (op, if_true, if_false, k) in enumerate(code):
        out += struct.pack("<HBBI", op, _offset(index, if_true, where), _offset(index, if_false, where), k)
    for value in labels.values():
        out += struct.pack("<HBBI", RETURN, 0, 0, value)
    return bytes(out)


def _offset(index, label, where):
    if label is None:
        return 0
    distance = where[label] - index - 1
    assert 0 <= distance < 256, "a jump in a classic BPF program spans at most 255 instructions"
    return distance
