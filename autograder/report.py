"""The instructor's report for one assignment, from the gradebook and the autograded notebooks.

reports/<assignment>/ gets report.html (one page, plots embedded) and the same tables as CSV:
functions.csv (pass rate and mean score per graded function), mistakes.csv (the likely causes the
feedback named, with counts), learners.csv (one row per learner) and scores.png (the histogram).
"""
import base64
import csv
import html
import io
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from nbgrader.api import Gradebook, MissingEntry  # noqa: E402

from . import grader_details, paths  # noqa: E402
from .assignment import Assignment, function_of  # noqa: E402
from .errors import CourseError  # noqa: E402


def collect(root, aid):
    """Per learner: {function: score}; per function: max points; and how many learners each likely cause
    was named for. Scores come from the gradebook; causes only from what the engine wrote into real test
    cells (see grader_details), never from cells a learner added."""
    scores, max_points, causes = {}, {}, Counter()
    with Gradebook(paths.gradebook_url(root)) as gb:
        try:
            test_ids = grader_details.test_cell_ids(gb, aid)
        except MissingEntry:
            raise CourseError(f"{aid} is not in the gradebook: release and grade it first") from None
        for submission in gb.assignment_submissions(aid):
            row, auto_scores = {}, {}
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    row[function_of(grade.name)] = grade.score or 0
                    max_points[function_of(grade.name)] = grade.max_score
                    auto_scores[grade.name] = grade.auto_score
            learner = submission.student.id
            scores[learner] = row
            path = Path(root) / "autograded" / learner / aid / Assignment(aid).notebook_name
            if path.exists():
                for grade_id, info in grader_details.read(path, learner, test_ids, auto_scores).items():
                    causes.update((function_of(grade_id), cause) for cause in set(info["likely_causes"]))
    return scores, max_points, causes


def function_table(scores, max_points):
    rows = []
    for name, top in max_points.items():
        got = [row.get(name, 0) for row in scores.values()]
        full = sum(g == top for g in got)
        rows.append({"function": name, "points": top, "learners": len(got),
                     "full_marks": full, "pass_rate": round(full / len(got), 3) if got else 0.0,
                     "mean_score": round(sum(got) / len(got), 2) if got else 0.0})
    return sorted(rows, key=lambda r: r["pass_rate"])


def learner_table(scores, max_points):
    names = list(max_points)
    return [{"learner": s, "total": round(sum(row.get(n, 0) for n in names), 2),
             "max": sum(max_points.values()), **{n: row.get(n, 0) for n in names}}
            for s, row in sorted(scores.items())]


def _png(fig):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def histogram(learners, title):
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist([r["total"] for r in learners], bins=10, range=(0, learners[0]["max"] if learners else 100),
            color="#4c72b0", edgecolor="white")
    ax.set(xlabel="total score", ylabel="learners", title=title)
    return _png(fig)


def pass_rate_chart(functions):
    fig, ax = plt.subplots(figsize=(6, 0.35 * len(functions) + 1))
    ax.barh([r["function"] for r in functions], [100 * r["pass_rate"] for r in functions], color="#55a868")
    ax.set(xlabel="% of learners with full marks", xlim=(0, 100))
    ax.invert_yaxis()  # the hardest function on top, as in the table
    return _png(fig)


def _table_html(rows):
    if not rows:
        return "<p>none</p>"
    head = "".join(f"<th>{html.escape(str(k))}</th>" for k in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in r.values()) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """Text a spreadsheet would run as a formula gets a leading quote (OWASP's advice); numbers stay."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _write_csv(path, rows):
    with open(path, "w", newline="") as f:
        if rows:
            writer = csv.writer(f)
            writer.writerow([csv_cell(str(k)) for k in rows[0]])
            writer.writerows([csv_cell(v) for v in r.values()] for r in rows)


def write_report(root, aid, out_dir=None):
    scores, max_points, causes = collect(root, aid)
    out = Path(out_dir or Path(root) / "reports" / aid)
    out.mkdir(parents=True, exist_ok=True)
    functions, learners = function_table(scores, max_points), learner_table(scores, max_points)
    mistakes = [{"function": f, "likely_cause": c, "learners": n} for (f, c), n in causes.most_common()]
    for name, rows in (("functions", functions), ("mistakes", mistakes), ("learners", learners)):
        _write_csv(out / f"{name}.csv", rows)
    hist = histogram(learners, f"{aid}: {len(learners)} learners")
    (out / "scores.png").write_bytes(hist)
    images = [base64.b64encode(png).decode() for png in (hist, pass_rate_chart(functions))]
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(aid)} report</title><style>
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; }}
table {{ border-collapse: collapse; margin: 1em 0; }} td, th {{ border: 1px solid #ccc; padding: 2px 8px; }}
</style></head><body>
<h1>{html.escape(aid)}</h1>
<p>{len(learners)} learners; mean total {sum(r['total'] for r in learners) / max(len(learners), 1):.1f}
of {sum(max_points.values()):g}.</p>
<h2>Distribution of total scores</h2><img alt="histogram of total scores" src="data:image/png;base64,{images[0]}">
<h2>Which functions the class struggles with</h2><img alt="pass rate per function" src="data:image/png;base64,{images[1]}">
{_table_html(functions)}
<h2>Most frequent mistakes</h2><p>Recognised by the feedback catalog: the learner's output matched a known mistake.</p>
{_table_html(mistakes)}
<h2>Learners</h2>{_table_html(learners)}
</body></html>"""
    (out / "report.html").write_text(page)
    return out
