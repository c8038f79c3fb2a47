"""Contract of the notebook template (course/<id>/notebook.md): blocks, graded functions and points,
and one-line errors that name the file and line of a malformed template."""
import pytest

from autograder import paths
from autograder.builder import template
from autograder.errors import CourseError

GOOD = """\
# Title

Some prose
over two lines.

```python
import numpy as np
```

@graded sigmoid points=5

```python expected
print(sigmoid(0))
```

```python autograde-skip expected-approx
@graded not_a_directive_inside_code
```

Closing words.

@graded softmax
"""


def _parse(tmp_path, text):
    path = tmp_path / "notebook.md"
    path.write_text(text)
    return template.parse(path)


def test_blocks_come_in_order_with_their_kinds(tmp_path):
    blocks = _parse(tmp_path, GOOD)
    assert [b.kind for b in blocks] == ["markdown", "code", "graded", "code", "code", "markdown", "graded"]


def test_consecutive_prose_is_one_markdown_cell(tmp_path):
    assert _parse(tmp_path, GOOD)[0].text == "# Title\n\nSome prose\nover two lines."


def test_code_keeps_its_text_and_tags(tmp_path):
    blocks = _parse(tmp_path, GOOD)
    assert (blocks[1].text, blocks[1].tags) == ("import numpy as np", [])
    assert blocks[3].tags == ["expected"]
    assert blocks[4].tags == ["autograde-skip", "expected-approx"]


def test_a_directive_inside_a_code_block_is_code(tmp_path):
    assert _parse(tmp_path, GOOD)[4].text == "@graded not_a_directive_inside_code"


def test_graded_functions_and_points_default_to_ten(tmp_path):
    assert template.graded(_parse(tmp_path, GOOD)) == [("sigmoid", 5), ("softmax", 10)]


@pytest.mark.parametrize("aid, count", [("c1w2_numpy_basics", 8), ("c1w4_deep_nn_step_by_step", 10)])
def test_real_templates_grade_the_functions_the_readme_lists(aid, count):
    graded = template.graded(template.parse(paths.COURSE / aid / "notebook.md"))
    assert len(graded) == count and all(points > 0 for _, points in graded)


# ---- malformed templates: one CourseError naming where and what ----

def _error(tmp_path, text):
    with pytest.raises(CourseError) as raised:
        _parse(tmp_path, text)
    return raised.value


def test_an_unknown_directive_names_its_line(tmp_path):
    error = _error(tmp_path, "prose\n\n@grade sigmoid\n@graded softmax\n")
    assert error.where == f"{tmp_path / 'notebook.md'}:3"
    assert error.problem == "unknown directive '@grade'"


def test_an_unclosed_code_block_names_the_line_that_opens_it(tmp_path):
    error = _error(tmp_path, "@graded f\n\n```python\nx = 1\n")
    assert error.where == f"{tmp_path / 'notebook.md'}:3" and "never closed" in error.problem


def test_a_template_without_graded_functions_is_refused(tmp_path):
    assert "has no '@graded <function>' line" in _error(tmp_path, "just prose\n").problem


def test_a_function_graded_twice_is_refused(tmp_path):
    assert _error(tmp_path, "@graded f\n@graded g points=3\n@graded f\n").problem == "grades ['f'] more than once"


def test_the_error_message_is_one_line(tmp_path):
    message = str(_error(tmp_path, "@graded f\n```python\n"))
    assert "\n" not in message and message.startswith(str(tmp_path))


@pytest.mark.parametrize("line", ["@graded sigmoid points=2.5", "@graded sigmoid pts=5", "@graded"])
def test_a_malformed_graded_line_says_what_is_wrong_with_it(tmp_path, line):
    error = _error(tmp_path, f"{line}\n@graded softmax\n")
    assert "unknown directive" not in error.problem
    assert error.problem == f"@graded needs a function name and optional points=<integer>: got {line!r}"
