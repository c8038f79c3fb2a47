"""Red-team findings 10 and 11, on what the grader shows people: the instructor's report must be built
only from what the grader wrote, and feedback HTML must carry none of a learner's active content.
One scratch course, graded and given feedback with the real nbgrader."""
import base64
import csv
import io
import re
from html.parser import HTMLParser

import matplotlib
import nbformat
import pytest

from autograder.assignment import Assignment
from autograder import classroom, spec
from conftest import run
from grading_helpers import autograde, scratch_course

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

AID = "c1w2_numpy_basics"
MARK = "XSS_MARK"  # in every active payload: it may show as text, never inside script, a URL or an attribute
FAKE_CAUSE = "FAKE: everyone got sigmoid wrong, regrade the class"
FORMULA = "=HYPERLINK(\"http://attacker.example\",\"click\")"
FORMULA_LEARNER = "=1+2"
FORMULA_TEX = r"\sigma(z) = \frac{1}{1 + e^{-z}}"


def _png():
    fig, ax = plt.subplots(figsize=(1, 1))
    ax.plot([0, 1], [0, 1])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def honest():
    """Right answers, a formula in markdown, a plot, and an image pasted into markdown."""
    nb = classroom.fill(AID)
    nb.cells.append(nbformat.v4.new_markdown_cell(
        f"My notes: ${FORMULA_TEX}$ and $a < b$.\n\n![my sketch](data:image/png;base64,{_png()})"))
    classroom.insert_cell(nb, "%matplotlib inline\nimport matplotlib.pyplot as plt\n"
                              "plt.plot([0, 1], [0, 1])\nplt.show()")
    return nb


ACTIVE_MARKDOWN = f"""# Notes

<script>alert("{MARK}")</script>
<img src="x" onerror="alert('{MARK}')">
[click me](javascript:alert('{MARK}'))
<a href="javascript:alert('{MARK}')">or me</a>
<iframe src="https://attacker.example/{MARK}"></iframe>
<object data="https://attacker.example/{MARK}"></object><embed src="https://attacker.example/{MARK}">
<svg xmlns="http://www.w3.org/2000/svg"><script>alert("{MARK}")</script></svg>
<div onmouseover="alert('{MARK}')">hover</div>
"""
ACTIVE_CODE = f"""from IPython.display import display, HTML, Javascript
display(Javascript("alert('{MARK}')"))
display(HTML('<b>bold</b><script>alert("{MARK}")</script><img src=x onerror="alert(\\'{MARK}\\')">'))
display({{"text/html": "<p>framed {MARK}</p>"}}, raw=True, metadata={{"text/html": {{"isolated": True}}}})
display({{"image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("{MARK}")</script></svg>'}}, raw=True)
display({{"text/markdown": "[x](javascript:alert('{MARK}')) <script>alert('{MARK}')</script>"}}, raw=True)
display({{"application/vnd.jupyter.widget-view+json": {{"model_id": "{MARK}"}}, "text/plain": "w"}}, raw=True)
"""


def active():
    """Right answers, plus every kind of active content a notebook can carry."""
    nb = classroom.fill(AID)
    nb.cells.append(nbformat.v4.new_markdown_cell(ACTIVE_MARKDOWN))
    nb.cells.append(nbformat.v4.new_raw_cell(f"<script>alert('{MARK}')</script>", metadata={"format": "text/html"}))
    classroom.insert_cell(nb, ACTIVE_CODE)
    return nb


def forged_cells():
    """Ordinary cells carrying grader metadata the learner made up: 25 fake causes, then malformed ones."""
    record = {"function": "sigmoid", "score": 0.0, "max_score": 1.0, "cases": 3, "passed": 0,
              "likely_causes": [FAKE_CAUSE]}
    cells = [nbformat.v4.new_code_cell("pass", metadata={"autograder": dict(record)}) for _ in range(25)]
    malformed = [{"likely_causes": [FAKE_CAUSE]}, "not a dict", {"function": FORMULA, "likely_causes": [FORMULA]},
                 {**record, "likely_causes": FAKE_CAUSE}, {**record, "score": "0"}]
    return cells + [nbformat.v4.new_code_cell("pass", metadata={"autograder": m}) for m in malformed]


def _forger_notebook():
    nb = classroom.fill(AID)
    nb.cells += forged_cells()
    return nb


def _claims_a_test_cell():
    """An ordinary cell that names a real test cell's grade id without being one (in a submission,
    nbgrader itself rejects it, so it is planted after grading)."""
    record = forged_cells()[0].metadata["autograder"]
    return nbformat.v4.new_code_cell("pass", metadata={"nbgrader": {"grade_id": "test_sigmoid"}, "autograder": record})


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = scratch_course(tmp_path_factory.mktemp("red-team-reports"), [AID])
    mistake = spec.mistakes(AID, "sigmoid")[0]
    for learner, nb in (("honest", honest()), ("active", active()), ("forger", _forger_notebook()),
                        (FORMULA_LEARNER, classroom.mutant(AID, "sigmoid", mistake))):
        # written by hand: our tools refuse the id "=1+2", plain nbgrader grades it, the report must cope
        folder = root / "submitted" / learner / AID
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / Assignment(AID).notebook_name)
    result = autograde(root, AID)
    assert result.returncode == 0, result.stderr[-3000:]
    _keep_forged_cells(root)
    result = run(["python", "-m", "autograder", "feedback", AID], cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return root


def _keep_forged_cells(root):
    """The report must be safe on its own, whether or not grading dropped the learner's metadata."""
    path = root / "autograded" / "forger" / AID / Assignment(AID).notebook_name
    nb = nbformat.read(path, as_version=4)
    nb.cells += forged_cells() + [_claims_a_test_cell()]
    real = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "test_softmax")
    real.metadata["autograder"] = {"function": "softmax", "likely_causes": FAKE_CAUSE}  # malformed, in a real test cell
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def report(course):
    result = run(["python", "-m", "autograder", "report", AID], cwd=course)
    return result, course / "reports" / AID


def _rows(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))


# ---- finding 10: the instructor's report trusts learner cell metadata ----

def test_report_survives_forged_and_malformed_metadata(report):
    result, _ = report
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert re.search(r"ignored grader details in \d+ cells of forger that are not test cells", result.stderr)
    assert "ignored the grader details of forger for test_softmax" in result.stderr


def test_forged_causes_never_reach_the_mistakes_table(report):
    _, out = report
    mistakes = list(csv.DictReader(open(out / "mistakes.csv", newline="")))
    page = (out / "report.html").read_text()
    assert FAKE_CAUSE not in str(mistakes) and FAKE_CAUSE not in page and "<script" not in page.lower()
    hint = spec.mistakes(AID, "sigmoid")[0].hint
    assert {"function": "sigmoid", "likely_cause": hint, "learners": "1"} in mistakes  # the real one stays


def test_csv_cells_cannot_start_a_formula(report):
    _, out = report
    for name in ("functions", "mistakes", "learners"):
        for row in _rows(out / f"{name}.csv"):
            for value in row:
                assert not value.startswith(("=", "+", "@", "\t", "\r")), (name, value)
                if value.startswith("-"):
                    float(value)  # a negative number is a number, not a formula
    learners = {row[0]: row for row in _rows(out / "learners.csv")}
    assert "'" + FORMULA_LEARNER in learners and float(learners["'" + FORMULA_LEARNER][1]) > 0


# ---- finding 11: feedback HTML carries the learner's active content ----

class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append(dict(attrs).get("src") or "")

    def handle_endtag(self, tag):
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _feedback(course, learner):
    parser = _Elements()
    parser.feed((course / "feedback" / learner / AID / f"{AID}.html").read_text())
    return parser


ACTIVE_TAGS = {"iframe", "frame", "object", "embed", "svg", "applet", "base"}


def test_feedback_carries_no_active_content(course):
    page, template = _feedback(course, "active"), _feedback(course, "honest")
    assert not [s for s in page.scripts if MARK in s]
    assert sorted(page.scripts) == sorted(template.scripts)  # only the template's own (MathJax) scripts
    for tag, attrs in page.tags:
        assert tag not in ACTIVE_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            value = "".join((value or "").split()).lower()
            assert not value.startswith(("javascript:", "vbscript:")), (tag, name, value)
            assert MARK.lower() not in value, (tag, name, value)
            if value.startswith("data:"):
                assert tag == "img" and value.startswith(("data:image/png", "data:image/jpeg")), (tag, name, value)


def test_feedback_keeps_an_honest_learners_plot_and_formula(course):
    page = _feedback(course, "honest")
    images = [a["src"] for tag, a in page.tags if tag == "img" and a.get("src", "").startswith("data:image/png")]
    assert len(images) >= 2  # the plot the notebook drew and the image pasted into markdown
    text = (course / "feedback" / "honest" / AID / f"{AID}.html").read_text()
    assert FORMULA_TEX in text and "$a &lt; b$" in text
    assert any("mathjax" in s.lower() for s in page.scripts)
