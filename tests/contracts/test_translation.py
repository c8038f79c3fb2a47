"""The Chinese edition's code is the English code: what the build lets differ, and what it refuses."""
import ast

import pytest

from autograder import paths, reference
from autograder.builder import template, translation
from conftest import CHINESE

ENGLISH = '''# plot the cost
for i in range(3):
    plt.plot(costs)  # one curve
plt.title("Cost per iteration")
print("cost =", costs[-1])
'''


@pytest.mark.parametrize("chinese", [
    ENGLISH.replace("# plot the cost", "# 画出代价").replace("# one curve", "# 一条曲线"),
    ENGLISH.replace('"Cost per iteration"', '"每次迭代的代价"'),
    ENGLISH.replace("for i", "\n\nfor i"),
])
def test_comments_chinese_strings_and_blank_lines_may_differ(chinese):
    assert translation.same_code(ENGLISH, chinese) is None


@pytest.mark.parametrize("chinese", [
    ENGLISH.replace("range(3)", "range(4)"),                      # other code
    ENGLISH.replace('"cost ="', '"Cost ="'),                       # an English string changed
    ENGLISH.replace("plt.title", "plt.suptitle"),                 # a name changed
    ENGLISH.replace("    plt.plot(costs)", "plt.plot(costs)"),    # out of the loop
    ENGLISH.replace('print("cost =", costs[-1])\n', ""),           # a line dropped
])
def test_any_other_difference_is_refused(chinese):
    assert translation.same_code(ENGLISH, chinese) is not None


def _without_docstrings(text):
    tree = ast.parse(text)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            node.body = body[1:]
    return ast.dump(tree)




@pytest.mark.parametrize("aid", CHINESE)
def test_a_chinese_answer_cell_runs_the_english_code(aid):
    """Only the docstring and the comments change: the code the learner is given is the same."""
    for name, _points in template.graded(template.parse(paths.COURSE / aid / "notebook.md")):
        english = reference.source(aid, name)
        chinese = translation.answer_source(aid + paths.ZH_SUFFIX, name, english)
        assert chinese != english
        assert _without_docstrings(chinese) == _without_docstrings(english), name
        assert translation.has_chinese(ast.get_docstring(ast.parse(chinese).body[0])), name
