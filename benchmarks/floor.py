"""The floor of grading: start a kernel and run every cell of each notebook, nothing else.

  python benchmarks/floor.py --workers W NOTEBOOK...

W processes share the notebooks, as the grader's W workers share the submissions: the floor at the
same concurrency as the grader it is compared with. Plain Jupyter (nbclient, the python3 kernel), no
sandbox and no grading; cells that fail are run past, as a grader must. grading_speed.py runs this
as a child process and counts its wall time and the CPU time of it and its kernels.
"""
import argparse
from multiprocessing import Pool
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path):
    """Run one notebook from its own folder (where its helpers and data are); False if unreadable."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001 (a broken submission: the grader reads it and moves on too)
        return False
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(Path(path).parent)}}).execute()
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)
    with Pool(args.workers) as pool:
        ran = sum(pool.imap_unordered(execute, args.notebooks, chunksize=1))
    print(f"{ran} of {len(args.notebooks)} notebooks run")


if __name__ == "__main__":
    main()
