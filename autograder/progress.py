"""Progress of a grading run, on stderr: a live rich bar on a terminal, plain log lines elsewhere.

In CI or a redirected log a redrawn bar would be a stream of escape codes, so there a line is written
every tenth of the run or every LOG_SECONDS, whichever comes first, and at the end.
"""
import atexit
import sys
import time

from rich.progress import BarColumn, MofNCompleteColumn, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as LiveBar
from rich.progress import TimeRemainingColumn
from rich.text import Text

from .terminal import console, is_tty

LOG_SECONDS = 10.0
LOG_LINES = 10


class RateColumn(ProgressColumn):
    """Submissions per second since the start (rich's own speed column counts bytes)."""

    def render(self, task):
        rate = task.completed / task.elapsed if task.elapsed and task.completed else None
        return Text("-.-- /s" if rate is None else f"{rate:.2f} /s")


def _clock(seconds):
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    def __init__(self, total, quiet=False, stream=None, label="grading"):
        self.total, self.done, self.label = total, 0, label
        self.stream = stream or sys.stderr
        self.started = self.logged_at = time.monotonic()
        self.logged, self.every = 0, max(1, total // LOG_LINES)
        self.silent = quiet or not total
        self.bar = None
        if not self.silent and is_tty(self.stream):
            self.bar = LiveBar(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                               RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                               TextColumn("{task.fields[last]}", markup=False), console=console(self.stream))
            self.task = self.bar.add_task(label, total=total, last="")
            self.bar.start()
            atexit.register(self.close)  # an interrupted run still gets its cursor back

    def step(self, label=""):
        self.done += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, last=label)
        elif not self.silent and self._log_due():
            self._log(label)

    def _log_due(self):
        return (self.done == self.total or self.done - self.logged >= self.every
                or time.monotonic() - self.logged_at >= LOG_SECONDS)

    def _log(self, label):
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        last = f", last {label}" if label else ""
        self.stream.write(f"{self.label}: {self.done}/{self.total} ({100 * self.done // self.total}%), "
                          f"{_clock(elapsed)} elapsed, {rate:.2f} /s, ETA {_clock(eta)}{last}\n")
        self.stream.flush()
        self.logged, self.logged_at = self.done, time.monotonic()

    def close(self):
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
        self.silent = True
