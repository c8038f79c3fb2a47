"""The Dask executor: grade a class on a `distributed` cluster (`grade <id> --cluster ADDRESS`).

`local` or `local:N` starts a LocalCluster of N worker processes with one thread each (default: one
more than the cores); any other address (`tcp://host:8786`) is an existing scheduler. The course goes out once per
run as a bundle, each task carries one learner's folder as bytes and brings back the grades and the
autograded files (why content and not a path: `dask_worker.py`). This client writes those files and,
through parallel.py, is the only writer of the gradebook.

Exactly once: a task whose worker dies is rescheduled by Dask, and a learner whose grading keeps
killing workers fails after the scheduler's `allowed-failures` (KilledWorker) with a clear message;
each result reaches the gradebook once, whatever ran twice.
"""
import logging
import shutil
import uuid
from contextlib import contextmanager

from . import bundles, dask_worker, grading_worker
from .errors import CourseError

CONNECT_SECONDS = 10      # an unreachable scheduler is reported after this long
WORKER_WAIT_SECONDS = 300  # a cluster with no worker yet (SLURM jobs still queued) may take this long


class DaskExecutor:
    name = "dask"
    grades_refused = False  # a task carries ordinary files only: a refused folder is zeroed by the client

    def __init__(self, address, workers=None):
        self.address, self.workers = address, workers
        self.client = self.cluster = None

    def __enter__(self):
        from distributed import Client
        if self.address == "local" or self.address.startswith("local:"):
            self.cluster = _local_cluster(self.address, self.workers)
            self.client = Client(self.cluster)
        else:
            self.client = _connect(self.address)
        self._check_workers()
        return self

    def __exit__(self, *exc):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False

    def _check_workers(self):
        """Every worker runs this autograder, Python and numpy, or the run stops with one line."""
        try:
            self.client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
            found = self.client.run(dask_worker.environment)
        except Exception as exc:  # noqa: BLE001 (a worker without this package cannot even unpickle the call)
            raise CourseError(f"--cluster {self.address}", f"the workers cannot run this autograder "
                              f"({type(exc).__name__}: {_one_line(exc)}); install this package on every worker") from None
        mine = dask_worker.environment()
        for worker, theirs in sorted(found.items()):
            if mismatch := dask_worker.differences(mine, theirs):
                raise CourseError(f"--cluster {self.address}", f"worker {worker} differs from this client: {mismatch}")

    def results(self, root, aid, students):
        """Yield (student, result dict or exception) as the cluster finishes each learner."""
        from distributed import as_completed
        fingerprint, data = bundles.course_bundle(root, aid)
        plugin = f"autograder-course-{fingerprint[:16]}"
        self.client.register_plugin(dask_worker.CourseBundle(fingerprint, data), name=plugin)
        try:
            futures, run = {}, uuid.uuid4().hex[:8]
            for student in students:
                try:
                    folder = bundles.pack_folder(root / "submitted" / student / aid, bundles.MAX_SUBMISSION_BYTES)
                except (ValueError, OSError) as exc:
                    yield student, exc
                    continue
                future = self.client.submit(dask_worker.grade, fingerprint, dask_worker.environment(), aid, student,
                                            folder, key=f"grade-{aid}-{student}-{run}", pure=False)
                futures[future] = student
            for future in as_completed(futures):
                yield futures[future], _received(root, aid, futures[future], future)
        finally:
            self.client.unregister_worker_plugin(plugin)


def _received(root, aid, student, future):
    """The result, its autograded files written where nbgrader would have written them; or the exception."""
    from distributed import KilledWorker
    try:
        done = future.result()
    except KilledWorker as exc:
        return RuntimeError(f"its grading killed a Dask worker every time it ran ({_one_line(exc)})")
    except Exception as exc:  # noqa: BLE001 (reported for this learner; the batch goes on)
        return exc
    graded = root / "autograded" / student / aid
    shutil.rmtree(graded, ignore_errors=True)
    files = done.pop("autograded")
    if files is not None:
        bundles.unpack(files, graded)
    return done


def _one_line(exc):
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _local_cluster(address, workers):
    from distributed import LocalCluster
    count = int(address.split(":", 1)[1]) if ":" in address else (workers or grading_worker.default_workers())
    # memory_limit 0: the sandbox caps each learner's memory; Dask's own limit would restart a worker
    # for its grading process's memory too
    return LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None,
                        memory_limit=0, silence_logs=logging.ERROR)


def _connect(address):
    from distributed import Client
    with _quiet("distributed"):
        try:
            return Client(address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError, ValueError) as exc:
            raise CourseError(f"--cluster {address}", f"no Dask scheduler answered within {CONNECT_SECONDS} s "
                              f"({type(exc).__name__}: {_one_line(exc)})") from None


@contextmanager
def _quiet(logger_name):
    """No log lines from a library while we say what went wrong ourselves."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)
