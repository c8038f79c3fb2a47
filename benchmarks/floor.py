"""The floor of grading: start a kernel and run every cell of each notebook, nothing else.

  python benchmarks/floor.py --workers W NOTEBOOK...

W processes share the notebooks, as the grader's W workers share the submissions: the floor at the
same concurrency as the grader it is compared with. Plain Jupyter (nbclient, the python3 kernel), no
sandbox and no grading; cells that fail are run past, as a grader must. grading_speed.py runs this
as a child process and counts its wall time and the CPU time of it and its kernels.
"""
import argparse
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path):
    """Run one notebook from its own folder (where its helpers and data are); False if it could not
    be read or run to the end (a broken submission: the grader reads it and moves on too)."""
    try:
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(Path(path).parent)}}).execute()
        return True
    except Exception:  # noqa: BLE001
        return False


def run_all(notebooks, workers):
    """How many ran; a worker process that dies (its kernel took it down) costs its notebook only
    (multiprocessing.Pool would wait for it forever)."""
    ran, broken = 0, []
    with ProcessPoolExecutor(workers) as pool:
        futures = {pool.submit(execute, path): path for path in notebooks}
        for future, path in futures.items():
            try:
                ran += future.result()
            except BrokenProcessPool:
                broken.append(path)
    for path in broken:  # the notebook that broke the pool is among these: one pool each
        with ProcessPoolExecutor(1) as pool:
            try:
                ran += pool.submit(execute, path).result()
            except BrokenProcessPool:
                pass
    return ran


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)
    ran = run_all(args.notebooks, args.workers)
    print(f"{ran} of {len(args.notebooks)} notebooks run")


if __name__ == "__main__":
    main()
