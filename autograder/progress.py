"""A progress bar with an ETA on stderr: redrawn in place on a terminal, a line per step elsewhere."""
import sys
import time


class Progress:
    def __init__(self, total, quiet=False, width=30, stream=sys.stderr):
        self.total, self.done, self.quiet, self.width, self.stream = total, 0, quiet, width, stream
        self.started = time.monotonic()
        self.tty = stream.isatty()

    def step(self, label=""):
        self.done += 1
        if self.quiet or not self.total:
            return
        elapsed = time.monotonic() - self.started
        eta = elapsed / self.done * (self.total - self.done)
        filled = int(self.width * self.done / self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        line = f"[{bar}] {self.done}/{self.total}  {elapsed:5.1f}s elapsed, ETA {eta:5.1f}s  {label}"
        if self.tty:
            self.stream.write("\r" + line[:120].ljust(120))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self):
        if self.tty and not self.quiet and self.total:
            self.stream.write("\n")
