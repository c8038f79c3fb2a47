"""Which learner ids (submission folder names) we accept: a name is data, never a pattern or a path.

nbgrader builds globs and paths from the id (`submitted/{student_id}/{assignment_id}`), so a folder
named `a[0]` or `*` would match other learners' folders, and our own tables print the id to the
instructor's terminal and into CSV and HTML. We therefore accept only letters, digits and `_-.@+`:

- `* ? [ ]` are glob patterns in nbgrader (`a[0]` matches the folder `a0`, not itself);
- `/` and `\\` are path separators; a leading `.` is a hidden or special folder (`.`, `..`, `.grading`);
- a leading `-` reads as an option on a command line;
- spaces, commas, quotes, `{}` and control characters break nbgrader's comma-separated
  `student_id_exclude`, CSV rows, HTML and terminals (an escape sequence can rewrite the screen).
"""
ALLOWED_PUNCTUATION = set("_-.@+")
MAX_LENGTH = 100


def problem(name):
    """Why `name` cannot be a learner id, or None when it can."""
    if not name:
        return "is empty"
    if len(name) > MAX_LENGTH:
        return f"is longer than {MAX_LENGTH} characters"
    if name[0] in ".-":
        return f"starts with {name[0]!r}"
    bad = sorted({ch for ch in name if not (ch.isalnum() or ch in ALLOWED_PUNCTUATION)})
    if bad:
        return "contains " + " ".join(ascii(ch) for ch in bad) + " (only letters, digits and _-.@+ are allowed)"
    return None


def shown(name):
    """The name as safe to print: itself when valid, else an escaped ASCII form."""
    return name if problem(name) is None else ascii(name)


def refusal(name):
    """A one-line message naming the refused id, or None."""
    why = problem(name)
    return None if why is None else f"learner id {ascii(name)} {why}: not graded, rename the folder"
