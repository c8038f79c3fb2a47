"""Which draw of the hidden cases a submission is graded on.

A learner who saw the answers of one grading (in feedback, or by asking the callee proxy) must not
be able to submit them again: the case values are drawn from a secret of the course mixed with the
submission's code. The same submission always gets the same draw, hence the same score; another
submission gets other numbers. The secret never enters the sandbox.

The secret comes from AUTOGRADER_COURSE_SECRET when set, else from .grading/course_secret in the
course root, made once with 32 random bytes. With `grade --cluster` the grading machine's secret
travels to the workers in the course bundle (bundles.py), so workers need none of their own.
"""
import hashlib
import hmac
import os
import secrets
from pathlib import Path

SECRET_ENV = "AUTOGRADER_COURSE_SECRET"
SECRET_FILE = Path(".grading") / "course_secret"


def course_secret(root):
    given = os.environ.get(SECRET_ENV)
    if given:
        return given.encode()
    path = Path(root) / SECRET_FILE
    if not path.exists():
        _create(path)
    return path.read_bytes()


def set_course_secret(root, secret):
    """Give a course a chosen secret (copies of one course that must grade alike share it)."""
    path = Path(root) / SECRET_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(secret.encode())
    os.chmod(path, 0o600)


def _create(path):
    """Write the secret atomically: two workers starting together must agree on one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f"{path.name}.{os.getpid()}.draft")
    draft.write_bytes(secrets.token_hex(32).encode())
    os.chmod(draft, 0o600)
    try:
        os.link(draft, path)  # fails if another worker made it first: theirs wins
    except FileExistsError:
        pass
    finally:
        draft.unlink()


def submission_digest(nb, translations=None):
    """What the learner wrote, as the grader will run it: every code cell's source, in order.
    `translations` maps a given cell of the Chinese edition to the English one's, so that the same
    answers get the same draw (and so the same score) in both editions."""
    translations = translations or {}
    digest = hashlib.sha256()
    for cell in nb.cells:
        if cell.cell_type == "code":
            digest.update(translations.get(cell.source, cell.source).encode() + b"\0")
    return digest.hexdigest()


def variant(secret, aid, digest):
    """A positive number; 0 is kept for the fixed draw the tests and the build use."""
    mac = hmac.new(secret, f"{aid}\0{digest}".encode(), hashlib.sha256).digest()
    return int.from_bytes(mac[:4], "big") or 1
