"""Folders as bytes: what a cluster task carries instead of a path.

A tar holds ordinary files and folders only, by the rules of `submission_files.py`: nothing follows a
link, and a link, pipe, socket or device is refused, never packed. Unpacking accepts the same two
kinds only, under the destination (no absolute names, no `..`), so bytes from the other side of a
network cannot write anywhere else. (This Python, 3.11.2, predates tarfile's extraction filters.)
"""
import hashlib
import io
import os
import sqlite3
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from .assignment import Assignment
from . import submission_files
from .engine import variant

MAX_SUBMISSION_BYTES = 64 * 1024 ** 2  # one learner's folder, as the sandbox caps one file


class TooLarge(ValueError):
    """A folder over the size a task may carry."""


def pack_folder(folder, cap=None):
    """gzip'd tar bytes of the ordinary files and folders under folder (names relative to it)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        _add_folder(tar, Path(folder), "", cap)
    return buffer.getvalue()


def _add_folder(tar, folder, prefix, cap=None):
    total = 0
    for rel, what in submission_files.entries(folder):
        if prefix and "__pycache__" in Path(rel).parts:  # the course's own caches: no use to a worker
            continue
        if what not in ("file", "folder"):
            raise ValueError(submission_files.refused(rel, what))
        name = str(PurePosixPath(prefix, rel)) if prefix else rel
        if what == "folder":
            tar.addfile(_info(name, tarfile.DIRTYPE, 0o755))
            continue
        with submission_files.open_regular(folder / rel) as fh:
            size = os.fstat(fh.fileno()).st_size
            total += size
            if cap is not None and total > cap:
                raise TooLarge(f"the submission holds over {cap // 1024 ** 2} MiB, more than a task may carry")
            tar.addfile(_info(name, tarfile.REGTYPE, os.fstat(fh.fileno()).st_mode & 0o755, size), fh)


def _info(name, kind, mode, size=0):
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.size = kind, mode, size
    return info


def unpack(data, dest):
    """Write the ordinary files and folders of a tar from pack_folder under dest; refuse anything else."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar:
            target = dest / _safe_name(member.name)
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
            elif member.isfile():
                target.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, member.mode & 0o755)
                with os.fdopen(fd, "wb") as out:
                    out.write(tar.extractfile(member).read())
            else:
                raise ValueError(f"{member.name!r} in a bundle is not an ordinary file or folder")


def _safe_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"{name!r} in a bundle points outside it")
    return Path(*path.parts)


# ---------- the course bundle: what nbgrader needs to autograde one assignment ----------

def course_parts(aid):
    """Folders of the course root that grading aid reads (each only if present)."""
    base = Assignment(aid).base  # both editions read the assignment's shared folders
    return ["nbgrader_config.py", f"source/{aid}", f"release/{aid}", f"solutions/{base}", f"course/{base}",
            "course/common"]


def course_bundle(root, aid):
    """(fingerprint, gzip'd tar) of what a worker needs to autograde aid: the parts above, the course
    secret this client draws hidden cases from (the environment's, or the course's file), and a copy
    of the gradebook (it holds the released assignment)."""
    root = Path(root)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar, tempfile.TemporaryDirectory() as scratch:
        for part in course_parts(aid):
            path = root / part
            if submission_files.kind(path) == "file":
                tar.add(path, arcname=part, recursive=False)
            elif submission_files.kind(path) == "folder":
                tar.addfile(_info(part, tarfile.DIRTYPE, 0o755))
                _add_folder(tar, path, part)
        secret = Path(scratch) / "course_secret"
        secret.write_bytes(variant.course_secret(root))
        tar.add(secret, arcname=str(variant.SECRET_FILE))
        tar.add(_gradebook_copy(root, Path(scratch) / "gradebook.db"), arcname="gradebook.db")
    data = buffer.getvalue()
    return hashlib.sha256(data).hexdigest(), data


def _gradebook_copy(root, dest):
    """A consistent copy of the SQLite gradebook, even if something else has it open."""
    source, copy = sqlite3.connect(root / "gradebook.db"), sqlite3.connect(dest)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    return dest
