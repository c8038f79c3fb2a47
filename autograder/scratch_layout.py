"""The folders of one scratch copy, named once for the sandbox, the kernel and the grading session.

    <base>/                 made by tempfile; as root a tmpfs of its own (scratch_fs.py)
      scratch/              the root the sandbox binds in
        work/               the learner's files; the kernel's working folder
        home/               the kernel's HOME
        out/                result files the harness writes
        ipc/                the kernel's Unix sockets and connection file
        grader/             written by the grader only: harness, call requests, callee socket, seccomp rules
          ipython/          bound read-only to /etc/ipython in the sandbox
"""
from dataclasses import dataclass
from pathlib import Path

SCRATCH = "scratch"
BASE_PREFIX = "autograder-"


@dataclass(frozen=True)
class ScratchLayout:
    root: Path

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root))  # a str is accepted, a Path kept

    @classmethod
    def in_base(cls, base):
        """The layout whose root is <base>/scratch."""
        return cls(Path(base) / SCRATCH)

    @property
    def base(self):
        """The folder made for this scratch (its tmpfs mount point); the root itself if not laid out
        as <base>/scratch."""
        parent = self.root.parent
        return parent if self.root.name == SCRATCH and parent.name.startswith(BASE_PREFIX) else self.root

    @property
    def work(self):
        return self.root / "work"

    @property
    def home(self):
        return self.root / "home"

    @property
    def out(self):
        return self.root / "out"

    @property
    def ipc(self):
        return self.root / "ipc"

    @property
    def grader(self):
        return self.root / "grader"

    @property
    def ipython(self):
        return self.grader / "ipython"

    @property
    def callee_socket(self):
        return self.grader / "callees.sock"

    @property
    def seccomp_rules(self):
        return self.grader / "seccomp.bpf"

    def folders(self):
        """Every folder of the layout, parents first."""
        return [self.work, self.home, self.out, self.grader, self.ipc, self.ipython]

    def sandbox_writable(self):
        """The folders the sandbox's uid owns (the grader's stay read-only to it)."""
        return [self.work, self.home, self.out, self.ipc]
