"""The build: course/<id>/ + solutions/<id>/ -> source/<id>/ (nbgrader master) -> release/<id>/.

Every step that can find a mistake in the course material runs before anything is written, and
reports it in one line naming the file; source/ and release/ are only replaced once all is well,
and neither may hold a file of solutions/ (leak_check).
"""
import ast
import json
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

from .. import course_copy, paths, reference, shipped, spec
from ..errors import CourseError
from ..assignment import Assignment
from . import evaluate, leak_check, notebook, perturb, public, stable, template, translation

EXPECTED_FILE = "public_expected.json"  # the visible checks' expected values, read by check_utils
SKIP = shutil.ignore_patterns("notebook.md", "notebook.zh.md", "__pycache__", "*.pyc", ".ipynb_checkpoints")


def _check_graded(aid, graded):
    for name, _points in graded:
        reference.check_markers(aid, name)
        reference.function(aid, name)
        spec.cases(aid, name)
        for mistake in spec.mistakes(aid, name):
            spec.mutated_source(aid, name, mistake)


def _common_modules(folder):
    """The shared helpers (course/common/*.py) that the assignment's own modules import."""
    shared = {p.stem: p.name for p in paths.COMMON.glob("*.py")}
    wanted = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module in shared:
                wanted.add(shared[node.module])
            elif isinstance(node, ast.Import):
                wanted.update(shared[a.name] for a in node.names if a.name in shared)
    return sorted(wanted)


def _stage(aid, graded, folder):
    """Everything except the notebook: helpers, data, fixtures, the shipped checking modules."""
    shutil.copytree(Assignment(aid).course_dir, folder, ignore=SKIP, dirs_exist_ok=True)
    for module in _common_modules(folder):
        stamp = f"# Generated copy of course/common/{module}, shipped by `make build`: do not edit.\n"
        (folder / module).write_text(stamp + (paths.COMMON / module).read_text())
    for module in shipped.MODULES:
        text = shipped.shipped_text(module, Assignment(aid).language)
        stamp = f"# Generated copy of autograder/shipped/{module}, shipped by `make build`: do not edit.\n"
        (folder / module).write_text(stamp + text)
    (folder / "public_tests.py").write_text(public.public_tests_module(aid, graded))
    kept = []
    table = stable.keep_close_floats(stable.read_json(Assignment(aid).source_dir / EXPECTED_FILE),
                                     _expected_table(aid, graded), kept=kept)
    (folder / EXPECTED_FILE).write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")
    return len(kept)


def _expected_table(aid, graded):
    if not perturb.active():
        return public.expected_values(aid, graded)
    restore = perturb.install()
    try:
        return perturb.nudge_json(public.expected_values(aid, graded))
    finally:
        restore()


def _expected_outputs(aid, blocks, staging):
    """Printed output of every block that shows it, the committed text kept where it still agrees."""
    wanted = {i for i, b in enumerate(blocks) if b.kind == "code" and stable.shows_expected(b.tags)}
    outputs = evaluate.run_draft(notebook.assemble(aid, blocks), staging, Assignment(aid).template, wanted)
    committed = stable.committed_outputs(Assignment(aid).source_dir / Assignment(aid).notebook_name)
    return stable.keep_close_outputs(committed, blocks, outputs)


def build_source(aid):
    """Write source/<aid>/ from the course material; returns its path."""
    if Assignment(aid).language != "en":
        translation.check_parallel(aid)  # before anything runs: the editions must run the same code
    blocks = template.parse(Assignment(aid).template)
    graded = template.graded(blocks)
    _check_graded(aid, graded)
    with tempfile.TemporaryDirectory(prefix=f"build-{aid}-") as tmp:
        staging = Path(tmp) / aid
        kept_values = _stage(aid, graded, staging)
        leak_check.refuse_solutions(staging, f"source/{aid}")  # before any kernel runs them
        outputs, kept_texts = _expected_outputs(aid, blocks, staging)
        if kept_values or kept_texts:  # this machine's last bits differ from the committing one's
            print(f"{aid}: kept the committed {kept_values} expected values and {kept_texts} expected"
                  " outputs that agree with this machine's within tolerance")
        for junk in ("__pycache__", ".ipynb_checkpoints"):
            shutil.rmtree(staging / junk, ignore_errors=True)
        nbformat.write(notebook.assemble(aid, blocks, outputs), staging / Assignment(aid).notebook_name)
        leak_check.refuse_solutions(staging, f"source/{aid}")
        target = Assignment(aid).source_dir
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(staging, target)
    return target


def nbgrader(*args, check=True):
    """Run an nbgrader command in the course root, with this environment's tools on PATH."""
    result = course_copy.run([sys.executable, "-m", "nbgrader", *args], cwd=paths.ROOT)
    if check and result.returncode != 0:
        last = (result.stderr.strip() or result.stdout.strip()).splitlines()[-1:] or ["no output"]
        raise CourseError(f"nbgrader {' '.join(args)}", last[0])
    return result


def build_release(aid):
    release = Assignment(aid).release_dir
    nbgrader("generate_assignment", aid, "--force")
    try:
        leak_check.refuse_solutions(release, f"release/{aid}")
    except CourseError:
        shutil.rmtree(release, ignore_errors=True)  # never leave a leaking release behind
        raise
    return release


def build(aid):
    if aid not in paths.edition_ids():
        raise CourseError(Assignment(aid).template.relative_to(paths.ROOT), "no such assignment template")
    build_source(aid)
    return build_release(aid)
