"""Run a draft master notebook with the reference in a real kernel, as d2l.ai does on every build.

This proves the reference passes every visible check and runs top to bottom, and captures the
output of the cells tagged `expected`, which the notebook then shows as "Expected output".
"""
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from ..errors import CourseError
from . import perturb

CELL_TIMEOUT = 600


def _text(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream" and out.name == "stdout":
            parts.append(out.text)
        elif out.output_type == "execute_result" and "text/plain" in out.data:
            parts.append(out.data["text/plain"] + "\n")
    return "".join(parts)


def _perturbing_cell():
    """A first cell that installs perturb.py in the kernel, in a namespace of its own."""
    text = Path(perturb.__file__).read_text()
    return nbformat.v4.new_code_cell(f"_ns = {{}}\nexec({text!r}, _ns)\n_ns['install']()\ndel _ns")


def run_draft(nb, folder, where, wanted):
    """Execute `nb` in `folder`; return {block index: output text} for the blocks in `wanted`."""
    if perturb.active():
        nb.cells.insert(0, _perturbing_cell())
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    env = {"MPLBACKEND": "Agg"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        client.execute()
    except CellExecutionError as exc:
        summary = str(exc).strip().splitlines()[-1][:300]
        raise CourseError(where, f"the reference notebook fails when run: {summary}") from None
    finally:
        for key, value in old.items():
            os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)
    return {c.metadata["block"]: _text(c) for c in nb.cells
            if c.cell_type == "code" and c.metadata.get("block") in wanted}
