"""The filesystem a sandbox writes to: a size-limited tmpfs of its own, and a removal that always works.

As root, each scratch folder lives on a tmpfs mounted for it alone, so everything the learner's code
writes (any number of files, links, folders) counts against one size, and unmounting frees it at once.
Without root there is no mount: the folder is on the host's disk and only RLIMIT_FSIZE (per file)
applies. `remove_tree` deletes a tree of any depth without recursion, whatever its permissions.
"""
import ctypes
import ctypes.util
import os
import stat
import uuid

MS_NOSUID, MS_NODEV = 0x2, 0x4
MNT_DETACH = 0x2
FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW

_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


def mount_tmpfs(path, size):
    """Mount a tmpfs of `size` bytes at `path` (root only). False when the mount is refused."""
    options = f"size={int(size)},mode=0700".encode()
    if _libc.mount(b"tmpfs", os.fsencode(path), b"tmpfs", MS_NOSUID | MS_NODEV, options) == 0:
        return True
    return False


def unmount(path):
    """Detach the mount at `path`; its files are freed once no process uses them any more."""
    if _libc.umount2(os.fsencode(path), MNT_DETACH) != 0:
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error), str(path))


def remove_tree(top):
    """Delete `top` and everything under it. Each folder is moved up to `top` before it is emptied,
    so neither the stack nor a path grows with the depth of the tree (a learner can nest thousands)."""
    if not os.path.lexists(top):
        return
    if not stat.S_ISDIR(os.lstat(top).st_mode):
        os.unlink(top)
        return
    top_fd = os.open(top, FOLDER)
    try:
        prefix, pending, moved = f".removing-{uuid.uuid4().hex}-", [None], []
        while pending:
            for name in _empty_but_folders(pending.pop(), top_fd):
                new_name = f"{prefix}{len(moved)}"
                os.rename(name[1], new_name, src_dir_fd=name[0], dst_dir_fd=top_fd)
                moved.append(new_name)
                pending.append(new_name)
        for name in moved:
            os.rmdir(name, dir_fd=top_fd)
    finally:
        os.close(top_fd)
    os.rmdir(top)


def _empty_but_folders(folder, top_fd):
    """Unlink every non-folder in `folder` (a name in top, None for top itself); yield
    (folder's fd, name) for each sub-folder, to be moved while the fd is open."""
    fd = os.dup(top_fd) if folder is None else os.open(folder, FOLDER, dir_fd=top_fd)
    try:
        os.fchmod(fd, 0o700)  # the learner may have made it read-only or untraversable
        with os.scandir(fd) as entries:
            listing = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries]
        for name, is_folder in listing:
            if is_folder:
                os.chmod(name, 0o700, dir_fd=fd, follow_symlinks=False)  # moving it rewrites its '..'
                yield fd, name
            else:
                os.unlink(name, dir_fd=fd)
    finally:
        os.close(fd)
