"""Contract of engine/variant.py: the course secret is made once, atomically, and kept private; a
submission's draw is an HMAC of the secret over the assignment and the digest of its code."""
import hashlib
import hmac
import multiprocessing
import stat

import nbformat
import pytest

from autograder.engine import variant


@pytest.fixture(autouse=True)
def no_env_secret(monkeypatch):
    monkeypatch.delenv(variant.SECRET_ENV, raising=False)


def secret_file(root):
    return root / ".grading" / "course_secret"


# ---- the course secret ----

def test_the_secret_is_made_once_and_kept(tmp_path):
    first = variant.course_secret(tmp_path)
    assert len(first) == 64 and bytes.fromhex(first.decode())  # 32 random bytes, as hex
    assert variant.course_secret(tmp_path) == first == secret_file(tmp_path).read_bytes()


def test_two_courses_get_different_secrets(tmp_path):
    assert variant.course_secret(tmp_path / "a") != variant.course_secret(tmp_path / "b")


def test_only_the_owner_can_read_the_secret(tmp_path):
    variant.course_secret(tmp_path)
    assert stat.S_IMODE(secret_file(tmp_path).stat().st_mode) == 0o600


def test_no_draft_is_left_behind(tmp_path):
    variant.course_secret(tmp_path)
    assert [p.name for p in (tmp_path / ".grading").iterdir()] == ["course_secret"]


def test_an_existing_secret_is_never_replaced(tmp_path):
    variant.set_course_secret(tmp_path, "chosen")
    variant._create(secret_file(tmp_path))  # a worker that lost the race
    assert variant.course_secret(tmp_path) == b"chosen"
    assert [p.name for p in (tmp_path / ".grading").iterdir()] == ["course_secret"]


def test_the_environment_secret_wins_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(variant.SECRET_ENV, "cluster-secret")
    assert variant.course_secret(tmp_path) == b"cluster-secret"
    assert not secret_file(tmp_path).exists()


def test_an_empty_environment_secret_falls_back_to_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv(variant.SECRET_ENV, "")
    assert variant.course_secret(tmp_path) == secret_file(tmp_path).read_bytes()


def _secret_after(barrier, root, queue):
    barrier.wait()
    queue.put(variant.course_secret(root))


def test_workers_starting_together_agree_on_one_secret(tmp_path):
    context = multiprocessing.get_context("fork")
    count = 8
    barrier, queue = context.Barrier(count), context.Queue()
    workers = [context.Process(target=_secret_after, args=(barrier, tmp_path, queue)) for _ in range(count)]
    for worker in workers:
        worker.start()
    secrets = {queue.get(timeout=20) for _ in workers}
    for worker in workers:
        worker.join(timeout=20)
    assert secrets == {secret_file(tmp_path).read_bytes()}
    assert [p.name for p in (tmp_path / ".grading").iterdir()] == ["course_secret"]


# ---- the submission's digest: its code, as the grader runs it ----

def notebook(*cells):
    """Cells given as ("code" | "markdown", source)."""
    made = {"code": nbformat.v4.new_code_cell, "markdown": nbformat.v4.new_markdown_cell}
    return nbformat.v4.new_notebook(cells=[made[kind](source) for kind, source in cells])


def test_the_digest_reads_code_cells_only():
    base = variant.submission_digest(notebook(("code", "x = 1"), ("markdown", "notes")))
    assert variant.submission_digest(notebook(("code", "x = 1"), ("markdown", "other notes"))) == base
    assert variant.submission_digest(notebook(("code", "x = 2"), ("markdown", "notes"))) != base


def test_outputs_and_execution_counts_do_not_change_the_digest():
    ran = notebook(("code", "print(1)"))
    ran.cells[0].execution_count = 7
    ran.cells[0].outputs = [nbformat.v4.new_output("stream", text="1\n")]
    assert variant.submission_digest(ran) == variant.submission_digest(notebook(("code", "print(1)")))


def test_the_digest_tells_cell_order_and_boundaries_apart():
    digest = variant.submission_digest
    assert digest(notebook(("code", "a"), ("code", "b"))) != digest(notebook(("code", "b"), ("code", "a")))
    assert digest(notebook(("code", "ab"), ("code", "c"))) != digest(notebook(("code", "a"), ("code", "bc")))


def test_the_digest_is_sha256_of_the_code_cells():
    expected = hashlib.sha256(b"x = 1\0y = 2\0").hexdigest()
    assert variant.submission_digest(notebook(("code", "x = 1"), ("markdown", "m"), ("code", "y = 2"))) == expected


# ---- the variant ----

def test_the_variant_is_the_hmac_of_assignment_and_digest_under_the_secret():
    mac = hmac.new(b"s3cret", b"c1w2_numpy_basics\0abc123", hashlib.sha256).digest()
    assert variant.variant(b"s3cret", "c1w2_numpy_basics", "abc123") == int.from_bytes(mac[:4], "big")


def test_the_variant_is_deterministic_and_depends_on_every_input():
    base = variant.variant(b"k", "a1", "d")
    assert variant.variant(b"k", "a1", "d") == base
    assert len({base, variant.variant(b"K", "a1", "d"), variant.variant(b"k", "a2", "d"),
                variant.variant(b"k", "a1", "e")}) == 4


def test_the_variant_is_a_positive_32_bit_number():
    values = [variant.variant(b"k", "a", str(i)) for i in range(500)]
    assert all(0 < v < 2 ** 32 for v in values) and len(set(values)) == 500


def test_variant_zero_is_kept_for_the_fixed_draw(monkeypatch):
    """Were the HMAC to start with four zero bytes, the draw would still not be the fixed one."""
    class ZeroMac:
        def digest(self):
            return bytes(32)
    monkeypatch.setattr(variant.hmac, "new", lambda *args, **kwargs: ZeroMac())
    assert variant.variant(b"k", "a", "d") == 1


def test_a_submission_draws_from_its_course_secret_end_to_end(tmp_path):
    nb = notebook(("code", "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))"))
    draw = variant.variant(variant.course_secret(tmp_path), "c1w2_numpy_basics", variant.submission_digest(nb))
    assert draw == variant.variant(variant.course_secret(tmp_path), "c1w2_numpy_basics", variant.submission_digest(nb))
    other_course = variant.variant(variant.course_secret(tmp_path / "other"), "c1w2_numpy_basics",
                                   variant.submission_digest(nb))
    assert draw != other_course
