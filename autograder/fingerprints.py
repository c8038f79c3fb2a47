"""What changed since the last grading run: a submission is regraded only when its files, or what
decides its grade (engine, reference, hidden cases, configuration, course secret), have changed."""
import hashlib
from pathlib import Path

from . import submission_files
from .engine import variant


def _digest(files, root):
    h = hashlib.sha256()
    for path in sorted(files):  # the engine may be installed elsewhere than the course it grades
        h.update(str(path.relative_to(root) if path.is_relative_to(root) else path).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def assignment_fingerprint(root, aid):
    """Changes when the grading of this assignment can change: engine, reference, hidden cases, config,
    and the course secret the hidden cases are drawn from."""
    here = Path(__file__).parent
    files = [*here.rglob("*.py"), root / "nbgrader_config.py", *(root / "source" / aid).rglob("*")]
    files += [*(root / "solutions" / aid).rglob("*")]
    secret = hashlib.sha256(variant.course_secret(root)).hexdigest()  # made now if missing
    return _digest([f for f in files if f.is_file() and "__pycache__" not in f.parts], root) + secret


def submission_fingerprint(folder):
    return submission_files.fingerprint(folder)  # never follows a link out of the folder
