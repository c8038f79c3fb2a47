"""Read a learner's submission folder without ever leaving it.

A submission may hold ordinary files and folders only. A symbolic link (to a file or a folder,
absolute or relative, even one pointing inside the folder) could make the grader read the
instructor's master notebook or reference on the learner's behalf, and a pipe, socket or device can
block or never end a read; so we refuse them all rather than judge where they lead. Nothing here
follows a link: entries are examined with lstat and files are opened with O_NOFOLLOW.
"""
import fnmatch
import hashlib
import os
import shutil
import stat
from pathlib import Path

from .shipped.edition import say

KINDS = {stat.S_IFLNK: "a symbolic link", stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket",
         stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}


def kind(path):
    """'file', 'folder', 'missing', or what else the path is ('a symbolic link', ...), without following it."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return "missing"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    return KINDS.get(stat.S_IFMT(mode), "not an ordinary file")


def entries(folder, below=""):
    """(relative path, kind) of everything under folder, sorted; links are listed, never entered."""
    for entry in sorted(os.scandir(Path(folder) / below), key=lambda e: e.name):
        rel = os.path.join(below, entry.name)
        what = kind(entry.path)
        yield rel, what
        if what == "folder":
            yield from entries(folder, rel)


def _shown(text):
    return text if text.isprintable() else ascii(text)


# what a refused path is, in the Chinese edition's words
KINDS_ZH = {"a symbolic link": "符号链接", "a named pipe": "命名管道", "a socket": "套接字", "a device": "设备文件",
            "not an ordinary file": "不是普通文件的东西", "an ordinary file, not a folder": "普通文件（而不是文件夹）"}


def refused(what_path, what):
    """Why a submission is refused, in the language of the notebook being graded (edition.speaking)."""
    shown = _shown(what_path)
    return say(f"submission refused: {shown} is {what}. A submission may hold only ordinary files and "
               f"folders (no links, pipes, sockets or devices), so nothing in it was graded and the score is zero.",
               f"提交被拒绝：{shown} 是{KINDS_ZH.get(what, what)}。提交中只能有普通文件和文件夹（不能有链接、管道、"
               f"套接字或设备文件），所以其中的内容都没有评分，得分为零。")


def _not_a_folder(folder):
    """(name, kind) of the learner's or the assignment's folder when it is not a real folder, else None."""
    for path in (folder.parent, folder):
        what = kind(path)
        if what != "folder":
            return path.name, ("an ordinary file, not a folder" if what == "file" else what)
    return None


def refusal(folder):
    """Why the submission folder (submitted/<learner>/<id>) is refused, or None when it is acceptable."""
    folder = Path(folder)
    wrong = _not_a_folder(folder)
    if wrong:
        return None if wrong[1] == "missing" else refused(*wrong)
    for rel, what in entries(folder):
        if what not in ("file", "folder"):
            return refused(rel, what)
    return None


class NotOrdinary(OSError):
    """The path is a pipe, socket or device (a link raises plain OSError: ELOOP)."""


def open_regular(path):
    """A binary file object for an ordinary file; OSError for a link, NotOrdinary for a pipe, socket
    or device."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)  # non-blocking: a pipe cannot hang us
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotOrdinary(f"{path} is not an ordinary file")
    return os.fdopen(fd, "rb")


def fingerprint(folder):
    """Digest of the folder's names, kinds and file contents (links are hashed as names only)."""
    digest = hashlib.sha256()
    wrong = _not_a_folder(Path(folder))
    if wrong:  # never list or read through a linked folder
        digest.update("\0".join(wrong).encode("utf-8", "surrogateescape"))
        return digest.hexdigest()
    for rel, what in entries(folder):
        digest.update(f"{what}\0{rel}\0".encode("utf-8", "surrogateescape"))
        if what == "file":
            with open_regular(Path(folder) / rel) as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


def copy_tree(src, dest, skip=()):
    """Copy ordinary files and folders from src into dest (merging); links and special files are left out."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(src):
        if any(fnmatch.fnmatch(entry.name, pattern) for pattern in skip):
            continue
        what = kind(entry.path)
        if what == "folder":
            copy_tree(entry.path, dest / entry.name, skip)
        elif what == "file":
            with open_regular(entry.path) as fh:
                mode = os.fstat(fh.fileno()).st_mode & 0o777
                out_fd = os.open(dest / entry.name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
                with os.fdopen(out_fd, "wb") as out:
                    shutil.copyfileobj(fh, out)
                    os.chmod(out.fileno(), mode)
