"""The grader's own sentences follow the edition of the notebook it grades, and only inside it."""
from autograder import submission_files
from autograder.engine import verdict
from autograder.shipped import edition
from autograder.shipped.edition import say, speaking


def test_speaking_changes_the_language_inside_the_block_only():
    assert say("cost", "代价") == "cost"
    with speaking("zh"):
        assert say("cost", "代价") == "代价"
        with speaking("en"):
            assert say("cost", "代价") == "cost"
        assert edition.language() == "zh"
    assert edition.language() == "en"


def test_a_verdict_is_written_in_the_edition_it_was_made_in():
    lines = verdict._case_lines([("m = 1", 1.0, [], None), ("m = 5", 0.0, ["p"], "a hint")])
    made = verdict.Verdict("f", 5.0, 10.0, 2, 1, lines)
    assert made.text().startswith("f: 5 of 10 points (1 of 2 cases passed")
    with speaking("zh"):
        lines = verdict._case_lines([("m = 1", 1.0, [], None), ("m = 5", 0.0, ["p"], "提示")])
        text = verdict.Verdict("f", 5.0, 10.0, 2, 1, lines).text()
    assert text.startswith("f：5 / 10 分（2 个隐藏测试用例中通过 1 个")
    assert "  用例 m = 1：通过" in text and "  用例 m = 5：未通过" in text and "    可能的原因：提示" in text
    assert "case" not in text and "likely cause" not in text


def test_a_refused_submission_is_explained_in_the_edition_graded():
    english = submission_files.refused("answer.ipynb", "a symbolic link")
    assert english.startswith("submission refused: answer.ipynb is a symbolic link.")
    with speaking("zh"):
        chinese = submission_files.refused("answer.ipynb", "a named pipe")
    assert chinese.startswith("提交被拒绝：answer.ipynb 是命名管道。") and "得分为零" in chinese
