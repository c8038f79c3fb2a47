"""The Chinese edition's feedback pages: nbgrader's own words around the grader's, in Chinese too.

`nbgrader generate_feedback` writes each page with its template's English headings ("Score: 7 / 10",
"Student's answer", "(Top)"); the grader's feedback inside the test cells is already in the
notebook's language. For an assignment of the Chinese edition, `python -m autograder feedback`
rewrites those headings after nbgrader has written the pages. The phrases are those of nbgrader
0.9's feedback template (the version pyproject.toml pins); a phrase a later template no longer has
is simply not found, and that page keeps its English heading.
"""
import re

from .assignment import Assignment

SCORE = re.compile(r"\(Score: (-?[\d.]+)(?: / ([\d.]+))?\)")
CELL_SCORE = re.compile(r"(?<![(\w])Score: ([\d.]+) / ([\d.]+)")
PHRASES = [
    ('<a href="#top">(Top)</a>', '<a href="#top">（回到顶部）</a>'),
    (">Test cell</a>", ">测试单元格</a>"),
    (">Coding free-response</a>", ">编程作答</a>"),
    (">Written response</a>", ">书面作答</a>"),
    (">Task</a>", ">任务</a>"),
    (">Comment</a>", ">评语</a>"),
    ("Late submission penalty", "迟交扣分"),
    ("Student's answer", "你的答案"),
    ("Student's task", "你的任务"),
    ("Grade cell: <code>", "评分单元格：<code>"),
    ("Task: <code>", "任务：<code>"),
    ("<b>Comments:</b>", "<b>评语：</b>"),
    ("<html>", '<html lang="zh-CN">'),  # browsers pick a Chinese font for lang="zh-CN"
]


def _score(match):
    earned, out_of = match.group(1), match.group(2)
    return f"（得分：{earned}" + (f" / {out_of}" if out_of else "") + "）"


def in_chinese(page):
    """A feedback page's HTML with nbgrader's headings in Chinese."""
    for english, chinese in PHRASES:
        page = page.replace(english, chinese)
    page = SCORE.sub(_score, page)
    return CELL_SCORE.sub(lambda m: f"得分：{m.group(1)} / {m.group(2)}", page)


def translate_pages(root, aid):
    """Rewrite the feedback pages of assignment `aid` (a Chinese edition) under root/feedback/;
    returns how many. English editions are left as nbgrader wrote them."""
    if Assignment(aid).language != "zh":
        return 0
    pages = sorted((root / "feedback").glob(f"*/{aid}/*.html"))
    for page in pages:
        page.write_text(in_chinese(page.read_text(encoding="utf-8")), encoding="utf-8")
    return len(pages)
