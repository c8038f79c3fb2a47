"""Read a notebook template (course/<id>/notebook.md) into a list of blocks.

The template is Markdown with two additions:
- a fenced block opened with ```python is a code cell; words after `python` are tags:
  `expected` makes the build run the cell with the reference and show its output as
  "Expected output"; `expected-approx` does the same for a long training whose printed figures move
  with the CPU, and says so in the notebook (see stable.py); any other tag is kept as a cell tag;
- a line `@graded <function> [points=N]` stands for the function's answer cell (its code comes from
  solutions/<id>/reference.py) followed by its locked test cell worth N points (default 10).
Everything else is narrative; consecutive narrative lines form one Markdown cell.
"""
import re
from dataclasses import dataclass, field

from ..errors import CourseError

GRADED = re.compile(r"^@graded\s+(\w+)(?:\s+points=(\d+))?\s*$")
FENCE_OPEN = re.compile(r"^```python(?P<tags>(\s+[\w-]+)*)\s*$")


@dataclass
class Block:
    kind: str                      # "markdown", "code" or "graded"
    text: str = ""                 # markdown or code text; function name for "graded"
    tags: list = field(default_factory=list)
    points: int = 10


def _flush(lines, blocks):
    text = "\n".join(lines).strip("\n")
    if text.strip():
        blocks.append(Block("markdown", text))
    lines.clear()


def parse(path):
    """Blocks of the template at `path`, or a CourseError naming the line that is wrong."""
    blocks, prose, code, tags, start = [], [], None, [], 0
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if code is not None:
            if line.strip() == "```":
                blocks.append(Block("code", "\n".join(code), tags))
                code = None
            else:
                code.append(line)
            continue
        opened, graded = FENCE_OPEN.match(line), GRADED.match(line)
        if opened:
            _flush(prose, blocks)
            code, tags, start = [], opened.group("tags").split(), number
        elif graded:
            _flush(prose, blocks)
            blocks.append(Block("graded", graded.group(1), points=int(graded.group(2) or 10)))
        elif line.startswith("@") and line.split()[0] == "@graded":
            raise CourseError(f"{path}:{number}", "@graded needs a function name and optional "
                              f"points=<integer>: got {line.strip()!r}")
        elif line.startswith("@"):
            raise CourseError(f"{path}:{number}", f"unknown directive {line.split()[0]!r}")
        else:
            prose.append(line)
    if code is not None:
        raise CourseError(f"{path}:{start}", "code block is never closed with ```")
    _flush(prose, blocks)
    names = [b.text for b in blocks if b.kind == "graded"]
    if not names:
        raise CourseError(path, "has no '@graded <function>' line")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CourseError(path, f"grades {duplicates} more than once")
    return blocks


def graded(blocks):
    """(name, points) of every graded function, in notebook order."""
    return [(b.text, b.points) for b in blocks if b.kind == "graded"]
