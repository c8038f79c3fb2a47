"""Grading on a Dask cluster: the scores of the pool and of serial `nbgrader autograde`, each learner once."""
import json
import shutil
import signal
import subprocess
import sys
import time

import nbformat
import psutil
import pytest
from nbgrader.api import Gradebook

from autograder import classroom, course_copy, paths
from autograder.assignment import Assignment
from autograder.engine import variant
from conftest import run
from grading_helpers import autograde, scratch_course

AID = "c1w4_deep_nn_step_by_step"
CLASS_SIZE = 12
DASK = ["python", "-m", "autograder", "grade", AID, "--cluster", "local:2"]


def gradebook(root):
    """Every grade cell's score and every auto comment, per learner; and each learner's submission count."""
    with Gradebook(paths.gradebook_url(root)) as gb:
        cells = {}
        for sub in gb.assignment_submissions(AID):
            for nb in sub.notebooks:
                cells.update({(sub.student.id, g.name): g.score for g in nb.grades})
                cells.update({(sub.student.id, "comment", c.name): c.auto_comment for c in nb.comments})
        counts = {s.id: len([x for x in s.submissions if x.assignment.name == AID]) for s in gb.students}
        return cells, counts


def notebook_scores(root):
    """The score (or error name) each autograded notebook's test cells show."""
    found = {}
    for path in sorted((root / "autograded").glob(f"*/{AID}/{Assignment(AID).notebook_name}")):
        for cell in nbformat.read(path, 4).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code":
                shown = [o.get("data", {}).get("text/plain") or o.get("ename") for o in cell.outputs
                         if o.output_type in ("execute_result", "error")]
                found[(path.parts[-3], grade_id)] = shown
    return found


@pytest.fixture(scope="module")
def submitted(tmp_path_factory):
    """The class: ten sample learners, an unanswered notebook and one that is not JSON."""
    folder = scratch_course(tmp_path_factory.mktemp("class"), [])
    for student, nb in classroom.sample_class(AID, CLASS_SIZE - 2, seed=11).items():
        classroom.write(folder, student, AID, nb)
    classroom.write(folder, "unanswered", AID, classroom.release_notebook(AID))
    broken = classroom.write(folder, "broken-json", AID, classroom.fill(AID))
    (broken / Assignment(AID).notebook_name).write_text("{ not json")
    return folder / "submitted"


def course_with(tmp_path_factory, name, submitted):
    """A copy of the course with the class, drawing the same hidden cases as every other copy."""
    root = scratch_course(tmp_path_factory.mktemp(name), [AID])
    variant.set_course_secret(root, "one course, graded four ways")
    shutil.copytree(submitted, root / "submitted")
    return root


@pytest.fixture(scope="module")
def three_ways(tmp_path_factory, submitted):
    """The class graded by serial nbgrader, by the pool and by a local Dask cluster (both with --json)."""
    serial, pool, dask = (course_with(tmp_path_factory, name, submitted) for name in ("serial", "pool", "dask"))
    autograde(serial, AID)
    pool_run = run(["python", "-m", "autograder", "grade", AID, "-j", "2", "--json", str(pool / "run.json")], cwd=pool)
    dask_run = run([*DASK, "--json", str(dask / "run.json")], cwd=dask)
    return serial, pool, dask, pool_run, dask_run


def test_dask_grades_equal_the_pool_and_serial_nbgrader(three_ways):
    serial, pool, dask, pool_run, dask_run = three_ways
    assert dask_run.returncode == 0, dask_run.stderr[-2000:]
    assert pool_run.returncode == 0, pool_run.stderr[-2000:]
    cells, counts = gradebook(serial)
    assert len([k for k in cells if len(k) == 2]) == CLASS_SIZE * 10
    assert gradebook(pool) == (cells, counts)
    assert gradebook(dask) == (cells, counts)
    shown = notebook_scores(serial)
    assert len(shown) >= (CLASS_SIZE - 1) * 10
    assert notebook_scores(pool) == shown
    assert notebook_scores(dask) == shown


def test_dask_run_reports_like_the_pool(three_ways):
    *_, pool_run, dask_run = three_ways
    for done in (pool_run, dask_run):
        assert f"{CLASS_SIZE} submissions ({CLASS_SIZE - 1} graded, 0 unchanged, 1 failed)" in done.stdout
        assert "not a valid notebook" in next(line for line in done.stdout.splitlines() if "broken-json" in line)
        assert "Traceback" not in done.stdout + done.stderr
    progress = [line for line in dask_run.stderr.splitlines() if line.startswith(f"{AID}: ")]
    assert progress[0].startswith(f"{AID}: 1/{CLASS_SIZE} ") and progress[-1].startswith(f"{AID}: {CLASS_SIZE}/{CLASS_SIZE} ")


@pytest.mark.parametrize("executor", ["pool", "dask"])
def test_json_summary_matches_the_gradebook(three_ways, executor):
    root = {"pool": three_ways[1], "dask": three_ways[2]}[executor]
    report = json.loads((root / "run.json").read_text())
    assert report["assignment"] == AID and report["executor"] == executor
    assert report["counts"] == {"graded": CLASS_SIZE - 1, "unchanged": 0, "refused": 0, "failed": 1}
    assert report["wall_seconds"] > 0
    assert report["submissions_per_second"] == pytest.approx((CLASS_SIZE - 1) / report["wall_seconds"], rel=1e-3)
    with Gradebook(paths.gradebook_url(root)) as gb:
        scores = {s.student.id: (s.score, s.max_score) for s in gb.assignment_submissions(AID)}
    assert set(report["learners"]) == set(scores)
    for student, entry in report["learners"].items():
        assert (entry["score"], entry["max_score"]) == pytest.approx(scores[student]), student
        assert entry["status"] == ("failed" if student == "broken-json" else "graded")
    assert "not a valid notebook" in report["learners"]["broken-json"]["message"]


def _grading_processes():
    return [p for p in psutil.process_iter(["cmdline"]) if "autograder.grading_child" in (p.info["cmdline"] or [])]


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(three_ways, tmp_path_factory, submitted):
    serial = three_ways[0]
    root = course_with(tmp_path_factory, "killed", submitted)
    cli = subprocess.Popen(DASK, cwd=root, env=course_copy.env_with_tools(), text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed, stderr = None, []
    for line in cli.stderr:  # the first result is in: the other worker is grading, the rest are queued
        stderr.append(line)
        if killed is None and line.startswith(f"{AID}: 1/"):
            killed = _kill_a_busy_worker(cli.pid)
    stdout = cli.stdout.read()
    assert cli.wait(timeout=600) == 0, "".join(stderr)[-2000:]
    assert killed is not None and not psutil.pid_exists(killed)
    assert f"{CLASS_SIZE} submissions ({CLASS_SIZE - 1} graded, 0 unchanged, 1 failed)" in stdout
    assert [line for line in stderr if line.startswith(f"{AID}: ")][-1].startswith(f"{AID}: {CLASS_SIZE}/{CLASS_SIZE} ")
    cells, counts = gradebook(root)
    assert set(counts.values()) == {1} and len(counts) == CLASS_SIZE  # one submission per learner
    assert (cells, counts) == gradebook(serial)
    time.sleep(2)
    assert not _grading_processes(), "a grading process outlived its Dask worker or the run"


def _kill_a_busy_worker(cli_pid):
    """SIGKILL a Dask worker process of the CLI's LocalCluster that has a grading process; its pid."""
    workers = [p for p in psutil.Process(cli_pid).children() if "spawn_main" in " ".join(p.cmdline())]
    busy = [w for w in workers if any("autograder.grading_child" in c.cmdline() for c in w.children())]
    assert busy, f"no Dask worker with a grading process among {workers}"
    busy[0].send_signal(signal.SIGKILL)
    busy[0].wait(timeout=10)
    return busy[0].pid


def test_unreachable_scheduler_is_one_clear_line(tmp_path):
    root = course_copy.copy_course(tmp_path / "course")
    done = run([sys.executable, "-m", "autograder", "grade", AID, "--cluster", "tcp://127.0.0.1:1"], cwd=root)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --cluster tcp://127.0.0.1:1: no Dask scheduler answered")
    assert "Traceback" not in done.stdout + done.stderr
    assert not (root / "gradebook.db").exists()  # nothing released or written before the cluster answered


def _die():
    import os
    os._exit(1)


def test_a_task_that_kills_every_worker_fails_its_learner_with_a_clear_message(tmp_path):
    """Dask retries a task whose worker died; one that kills every worker it meets ends as one failure."""
    import dask
    from distributed import Client, LocalCluster
    from autograder.dask_executor import _received
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None, memory_limit=0) as cluster, \
            Client(cluster) as client:
        outcome = _received(tmp_path, AID, "killer", client.submit(_die, pure=False))
    assert isinstance(outcome, RuntimeError)
    assert "its grading killed a Dask worker every time it ran" in str(outcome)


def test_grading_processes_on_one_machine_take_distinct_slots(tmp_path):
    """Each grading process holds its own sandbox slot (so its own uid) until it exits."""
    holder = ("import sys; from autograder.grading_child import acquire_slot; "
              f"print(acquire_slot({str(tmp_path)!r}), flush=True); sys.stdin.read()")

    def start():
        child = subprocess.Popen([sys.executable, "-c", holder], cwd=paths.ROOT, text=True,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        return child, int(child.stdout.readline())

    (first, a), (second, b) = start(), start()
    assert a != b
    first.kill()
    first.wait()
    third, c = start()
    assert c == a  # released when its process died
    for child in (second, third):
        child.stdin.close()
        child.wait(timeout=10)
