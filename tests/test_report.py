"""The instructor's report and the learners' feedback, after a real grading run."""
import csv
import html
import re

import pytest

from autograder import classroom, spec
from conftest import run
from grading_helpers import max_scores, scores, scratch_course
from test_build_outputs import solution_lines

AID = "c1w4_deep_nn_step_by_step"
ZH = AID + "_zh"  # its Simplified Chinese edition
MISTAKE = spec.mistakes(AID, "linear_backward")[0]  # db without keepdims


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """The same four learners in both editions, graded, reported and given feedback."""
    root = scratch_course(tmp_path_factory.mktemp("report"), [AID, ZH])
    for edition in (AID, ZH):
        classroom.write(root, "reference", edition, classroom.fill(edition))
        classroom.write(root, "unanswered", edition, classroom.release_notebook(edition))
        for i in range(2):
            classroom.write(root, f"keepdims{i}", edition, classroom.mutant(edition, "linear_backward", MISTAKE))
    for command in (["grade", AID, ZH], ["report", AID, ZH], ["feedback", AID, ZH]):
        result = run(["python", "-m", "autograder", *command], cwd=root)
        assert result.returncode == 0, result.stdout + result.stderr
    return root


def _csv(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def test_learner_table_matches_gradebook(reported):
    rows = {r["learner"]: float(r["total"]) for r in _csv(reported / "reports" / AID / "learners.csv")}
    for learner, total in rows.items():
        assert total == pytest.approx(sum(scores(reported, AID, learner).values()))
    assert rows["reference"] == sum(max_scores(AID).values()) and rows["unanswered"] == 0


def test_function_pass_rates_and_frequent_mistakes(reported):
    functions = {r["function"]: r for r in _csv(reported / "reports" / AID / "functions.csv")}
    assert float(functions["linear_backward"]["pass_rate"]) == pytest.approx(0.25)
    assert float(functions["linear_forward"]["pass_rate"]) == pytest.approx(0.75)
    mistakes = _csv(reported / "reports" / AID / "mistakes.csv")
    assert mistakes[0] == {"function": "linear_backward", "likely_cause": MISTAKE.hint, "learners": "2"}


def test_html_report_embeds_plots(reported):
    page = (reported / "reports" / AID / "report.html").read_text()
    assert page.count("data:image/png;base64,") == 2
    assert (reported / "reports" / AID / "scores.png").read_bytes()[:4] == b"\x89PNG"


def _text(path):
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text()))


def test_feedback_explains_the_mistake(reported):
    text = _text(reported / "feedback" / "keepdims0" / AID / f"{AID}.html")
    assert "linear_backward: " in text and "of 10 points" in text
    assert "likely cause: " + MISTAKE.hint in text
    assert "db: expected shape" in text


def test_feedback_never_shows_solutions_or_hidden_code(reported):
    text = _text(reported / "feedback" / "unanswered" / AID / f"{AID}.html")
    for line in solution_lines(AID):
        assert line not in text
    assert "_cases" not in text and "Mistake(" not in text and "BEGIN SOLUTION" not in text


def test_the_chinese_editions_feedback_is_chinese_headings_included(reported):
    page = (reported / "feedback" / "keepdims0" / ZH / f"{ZH}.html").read_text()
    text = _text(reported / "feedback" / "keepdims0" / ZH / f"{ZH}.html")
    assert '<html lang="zh-CN">' in page
    assert "得分：" in text and "你的答案" in text and "回到顶部" in text
    assert "Score:" not in text and "Student's answer" not in text and "(Top)" not in text
    assert "可能的原因：" + spec.in_language(MISTAKE, "zh") in text
    assert "db：形状应为" in text and "个隐藏测试用例中通过" in text
    assert "likely cause" not in text and "cases passed" not in text


def test_the_chinese_editions_report_counts_the_same_mistakes(reported):
    mistakes = _csv(reported / "reports" / ZH / "mistakes.csv")
    assert mistakes[0] == {"function": "linear_backward", "likely_cause": spec.in_language(MISTAKE, "zh"),
                           "learners": "2"}
    english = {r["learner"]: r["total"] for r in _csv(reported / "reports" / AID / "learners.csv")}
    assert {r["learner"]: r["total"] for r in _csv(reported / "reports" / ZH / "learners.csv")} == english
