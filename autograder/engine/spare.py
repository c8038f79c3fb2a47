"""A kernel launched ahead for the next notebook a grading process grades.

It boots while nbgrader saves the previous notebook and sanitises the next one. It has an empty
scratch folder; the learner's files are copied in before any cell runs. One SpareKernel per grading
process (see SecureExecute.spare_kernel); whatever it still holds is stopped at exit.
"""
import atexit

from .. import sandbox
from .kernel import SandboxedKernel


def launch(limits):
    """A kernel in a new scratch folder, started without waiting for it to answer."""
    kernel = SandboxedKernel(sandbox.new_scratch(limits), limits)
    kernel.launch()
    return kernel


def discard(kernel):
    """Stop a kernel and delete its scratch folder."""
    kernel.shutdown()
    sandbox.remove_scratch(kernel.scratch)


class SpareKernel:
    """At most one kernel waiting for the next notebook, with the limits it was launched under."""

    def __init__(self):
        self._kernel = self._limits = None
        atexit.register(self.drop)  # once per instance: one hook per process, not per submission

    def prepare(self, limits):
        """Launch a kernel for the next notebook, unless one is waiting already."""
        if self._kernel is None:
            self._kernel, self._limits = launch(limits), limits

    def take(self, limits):
        """The waiting kernel if it has these limits and is still running, else None. A waiting
        kernel that cannot be used (other limits, or dead) is stopped."""
        kernel = self._kernel if self._limits == limits else None
        if kernel is not None:
            self._kernel = None
        self.drop()
        if kernel is not None and not kernel.alive():
            discard(kernel)
            return None
        return kernel

    def drop(self):
        """Stop the waiting kernel, if any."""
        if self._kernel is not None:
            discard(self._kernel)
        self._kernel = self._limits = None
