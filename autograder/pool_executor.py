"""The default executor: a local pool of N spawned processes, each running `grading_worker`.

Each worker grades against its own copy of the gradebook (`STATE_DIR/worker-<slot>.db`) and has its
own sandbox slot (0 .. N-1); the submission and autograded folders are read and written in place.
A crash costs its own learner only: learners caught in a pool that died are retried once, each in a
pool of its own, so only the learner whose grading killed a worker fails.
"""
import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from . import grading_worker
from .grading_worker import STATE_DIR


class PoolExecutor:
    name = "pool"
    grades_refused = True  # nbgrader runs on a refused folder; the engine zeroes every test cell

    def __init__(self, workers=None):
        self.workers = workers or grading_worker.default_workers()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def results(self, root, aid, students):
        """Yield (student, result dict or exception) as the workers finish."""
        state_dir = root / STATE_DIR
        broken = []
        for student, done in _pool_results(root, aid, students, self.workers, state_dir):
            if isinstance(done, BrokenProcessPool):
                broken.append(student)
            else:
                yield student, done
        for student in broken:
            yield from _pool_results(root, aid, [student], 1, state_dir)


def _pool_results(root, aid, students, workers, state_dir):
    context = multiprocessing.get_context("spawn")
    slots = context.Queue()
    count = min(workers, len(students))
    for slot in range(count):
        shutil.copy(root / "gradebook.db", state_dir / f"worker-{slot}.db")
        slots.put(slot)
    try:
        with ProcessPoolExecutor(count, mp_context=context, initializer=grading_worker.init_worker,
                                 initargs=(slots, str(root))) as pool:
            futures = {pool.submit(grading_worker.grade, aid, s): s for s in students}
            for future in as_completed(futures):
                try:
                    yield futures[future], future.result()
                except Exception as exc:  # noqa: BLE001 (reported for this learner; the batch goes on)
                    yield futures[future], exc
    finally:
        for leftover in state_dir.glob("worker-*.db"):
            leftover.unlink()
