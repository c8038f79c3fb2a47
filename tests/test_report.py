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
MISTAKE = spec.mistakes(AID, "linear_backward")[0]  # db without keepdims


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    root = scratch_course(tmp_path_factory.mktemp("report"), [AID])
    classroom.write(root, "reference", AID, classroom.fill(AID))
    classroom.write(root, "unanswered", AID, classroom.release_notebook(AID))
    for i in range(2):
        classroom.write(root, f"keepdims{i}", AID, classroom.mutant(AID, "linear_backward", MISTAKE))
    for command in (["grade", AID], ["report", AID], ["feedback", AID]):
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
