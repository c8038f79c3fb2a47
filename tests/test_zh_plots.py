"""The Chinese edition's plots draw every Chinese character with a real glyph, never a box.

Each release of the Chinese edition ships `edition.py` with LANGUAGE = "zh"; importing it (the
helpers and the visible checks do) puts an installed CJK font first in matplotlib's list. This draws
every Chinese plot text of the assignment (the notebook's and the helpers') in a fresh process started
in the release folder, as a learner's kernel is, and fails on matplotlib's "Glyph ... missing" warning.
"""
import ast
import json
import sys

import pytest

from autograder import paths
from autograder.assignment import Assignment
from autograder.builder import template
from autograder.builder.translation import has_chinese
from conftest import CHINESE, run


DRAW = """
import json, sys, warnings
import matplotlib
matplotlib.use("Agg")
import edition
import matplotlib.pyplot as plt
assert edition.LANGUAGE == "zh", edition.LANGUAGE
warnings.simplefilter("error")  # "Glyph 20195 missing from font(s) DejaVu Sans" becomes an error
texts = json.loads(sys.argv[1])
figure, axes = plt.subplots()
for number, text in enumerate(texts):
    axes.text(0, number, text)
axes.set_title(texts[0])
figure.savefig("/dev/null", format="png")
print("drew", len(texts), "texts with", edition.cjk_font())
"""


def chinese_literals(code):
    """Every string constant with Chinese characters in a piece of Python source."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and has_chinese(node.value)]


def plot_texts(aid):
    blocks = template.parse(Assignment(aid + paths.ZH_SUFFIX).template)
    texts = [t for b in blocks if b.kind == "code" for t in chinese_literals(b.text)]
    for helper in Assignment(aid).course_dir.glob("*.py"):
        texts += chinese_literals(helper.read_text())
    return texts


@pytest.mark.parametrize("aid", CHINESE)
def test_every_chinese_plot_text_has_glyphs(aid):
    release = paths.RELEASE / (aid + paths.ZH_SUFFIX)
    texts = plot_texts(aid) or ["代价函数和学习率"]  # an assignment without plots still gets the font
    result = run([sys.executable, "-c", DRAW, json.dumps(texts)], cwd=release)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "WenQuanYi" in result.stdout or "CJK" in result.stdout or "SC" in result.stdout, result.stdout
