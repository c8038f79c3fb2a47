"""The Chinese edition of an assignment, held to its English one.

course/<id>/notebook.zh.md must have the English template's code blocks and `@graded` lines, in the
same order with the same tags and points; a code block may differ only in its comments and in string
literals that the Chinese edition writes in Chinese (plot titles and labels). So the two editions run
the same code, and a change made to one edition's code and not the other's fails the build.

The answer cells' text a learner reads (the docstring and the comments outside the answer regions)
comes from solutions/<id>/answers.zh.toml, one table per graded function:
    [function]
    docstring = "..."
    [function.comments]
    "English comment text" = "中文注释"
"""
import ast
import functools
import io
import re
import tokenize
import tomllib

from .. import reference
from ..assignment import Assignment
from ..errors import CourseError
from . import template

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ANSWERS_FILE = "answers.zh.toml"
# a string's tokens: Python 3.12 splits an f-string into pieces, its text in FSTRING_MIDDLE
STRINGS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}


def has_chinese(text):
    return bool(CJK.search(text))


def _tokens(code):
    """(type, text) of every token that carries meaning: comments and blank lines dropped,
    indentation and line ends kept (they decide which statement belongs where)."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.ENDMARKER}
    try:
        return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(code + "\n").readline)
                if t.type not in skip]
    except (tokenize.TokenError, SyntaxError):  # not Python (an IPython magic): compare line by line
        return [(-1, line.rstrip()) for line in code.splitlines()
                if line.strip() and not line.strip().startswith("#")]


def same_code(english, chinese):
    """None when the Chinese block runs the English code (comments aside, strings that turned Chinese
    aside), else the first token that differs."""
    ours, theirs = _tokens(english), _tokens(chinese)
    for (kind_en, text_en), (kind_zh, text_zh) in zip(ours, theirs):
        if text_en == text_zh:
            continue
        if kind_en == kind_zh and kind_en in STRINGS and has_chinese(text_zh):
            continue
        return f"{text_en!r} became {text_zh!r}"
    if len(ours) != len(theirs):
        return f"{len(ours)} tokens became {len(theirs)}"
    return None


def _skeleton(blocks):
    return [b for b in blocks if b.kind in ("code", "graded")]


def check_parallel(aid):
    """Raise a CourseError naming the first place where the Chinese template leaves the English one."""
    english, chinese = Assignment(aid).english, Assignment(aid)
    where = chinese.template
    ours, theirs = _skeleton(template.parse(english.template)), _skeleton(template.parse(chinese.template))
    for number, (en, zh) in enumerate(zip(ours, theirs), start=1):
        what = f"code block or @graded line {number}"
        if (en.kind, en.tags, en.points) != (zh.kind, zh.tags, zh.points):
            raise CourseError(where, f"{what} is {_describe(zh)}, the English template's is {_describe(en)}")
        if en.kind == "graded" and en.text != zh.text:
            raise CourseError(where, f"{what} grades {zh.text}, the English template grades {en.text}")
        if en.kind == "code":
            difference = same_code(en.text, zh.text)
            if difference:
                raise CourseError(where, f"{what} runs other code than the English one: {difference} "
                                  "(only comments and Chinese string literals may differ)")
    if len(ours) != len(theirs):
        raise CourseError(where, f"has {len(theirs)} code blocks and @graded lines, the English "
                          f"template {len(ours)}")


def _describe(block):
    if block.kind == "graded":
        return f"'@graded {block.text} points={block.points}'"
    return "a code block" + (f" tagged {' '.join(block.tags)}" if block.tags else " without tags")


@functools.cache
def code_pairs(aid):
    """{Chinese code cell: English code cell} for the given cells that differ (the grader's digest)."""
    from .notebook import test_cell
    if Assignment(aid).language != "zh":
        return {}
    ours = _skeleton(template.parse(Assignment(aid).english.template))
    theirs = _skeleton(template.parse(Assignment(aid).template))
    pairs = {zh.text: en.text for en, zh in zip(ours, theirs) if en.kind == "code" and en.text != zh.text}
    pairs.update({test_cell(b.text, b.points, "zh").source: test_cell(b.text, b.points).source
                  for b in theirs if b.kind == "graded"})
    return pairs


# ---- the answer cells ----

@functools.cache
def _answers(base):
    path = Assignment(base).solutions_dir / ANSWERS_FILE
    if not path.exists():
        raise CourseError(path, "missing: the Chinese edition needs the answer cells' docstrings and comments")
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise CourseError(path, f"is not valid TOML: {exc}") from None


def _visible_comments(text):
    """(line index, column, comment text without '# ') of every comment outside the answer regions."""
    found, inside = [], False
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        line = token.line.strip()
        if line == reference.BEGIN:
            inside = True
        elif line == reference.END:
            inside = False
        elif token.type == tokenize.COMMENT and not inside:
            found.append((token.start[0] - 1, token.start[1], token.string[1:].strip()))
    return found


def answer_source(aid, name, text):
    """The answer cell's function in the edition's language: `text` itself in English."""
    if Assignment(aid).language != "zh":
        return text
    where = Assignment(aid).solutions_dir / ANSWERS_FILE
    entry = _answers(Assignment(aid).base).get(name)
    if entry is None:
        raise CourseError(where, f"has no [{name}] table for graded function {name}")
    lines = text.splitlines()
    comments = entry.get("comments", {})
    for row, column, comment in reversed(_visible_comments(text)):
        if comment not in comments:
            raise CourseError(where, f"[{name}.comments] has no translation of the comment {comment!r}")
        lines[row] = lines[row][:column] + "# " + comments[comment]
    return _with_docstring("\n".join(lines), entry.get("docstring"), name, where) + (
        "\n" if text.endswith("\n") else "")


def _with_docstring(text, translated, name, where):
    node = ast.parse(text).body[0]
    first = node.body[0]
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)):
        return text
    if not translated:
        raise CourseError(where, f"[{name}] has no docstring (the English function has one)")
    lines = text.splitlines()
    indent = " " * first.col_offset
    body = translated.strip("\n").splitlines()
    quoted = [indent + '"""' + body[0]] + [(indent + line) if line.strip() else "" for line in body[1:]]
    quoted[-1] += '"""' if len(body) == 1 else ""
    if len(body) > 1:
        quoted.append(indent + '"""')
    return "\n".join(lines[:first.lineno - 1] + quoted + lines[first.end_lineno:])
