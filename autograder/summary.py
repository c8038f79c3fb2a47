"""The table printed after grading: the totals line, then one row per learner.

Tests and scripts read this output: the totals sentence keeps its exact form, and each row starts
with two spaces and the learner id (box.SIMPLE draws no left edge).
"""
from rich import box
from rich.table import Table
from rich.text import Text

from .learner_ids import shown
from .terminal import console


def counts(outcomes):
    """{status: learners}; "skipped" is called "unchanged", as the summary line says."""
    return {name: sum(o.status == status for o in outcomes)
            for name, status in (("graded", "graded"), ("unchanged", "skipped"), ("refused", "refused"),
                                 ("failed", "failed"))}


def _counts(outcomes):
    count = counts(outcomes)
    refused = f", {count['refused']} refused" if count["refused"] else ""
    return f"{count['graded']} graded, {count['unchanged']} unchanged{refused}, {count['failed']} failed"


def _table(outcomes):
    table = Table(box=box.SIMPLE)
    for name, justify in [("learner", "left"), ("score", "right"), ("seconds", "right"), ("status", "left"),
                          ("message", "left")]:
        table.add_column(name, justify=justify, no_wrap=name != "message")
    for o in outcomes:  # a refused folder name may hold control characters: shown() escapes it
        table.add_row(Text(shown(o.student)), f"{o.score:.2f} / {o.max_score:g}", f"{o.seconds:.1f}", o.status,
                      Text(o.message))
    return table


def print_summary(aid, outcomes, stream=None):
    out = console(stream)
    out.print(Text(f"\n{aid}: {len(outcomes)} submissions ({_counts(outcomes)})"))
    out.print(_table(outcomes))
    graded = [o for o in outcomes if o.status == "graded"]
    if graded:
        mean = sum(o.score for o in outcomes) / len(outcomes)
        out.print(Text(f"mean score {mean:.2f}; {sum(o.seconds for o in graded) / len(graded):.2f} s per graded submission"))


def write_json(path, aid, executor, outcomes, wall_seconds):
    """The run, machine-readable: counts, speed and one entry per learner ("skipped" is "unchanged")."""
    import json
    tally = counts(outcomes)
    learners = {o.student: {"score": o.score, "max_score": o.max_score, "seconds": round(o.seconds, 3),
                            "status": "unchanged" if o.status == "skipped" else o.status, "message": o.message}
                for o in outcomes}
    report = {"assignment": aid, "executor": executor, "submissions": len(outcomes), "counts": tally,
              "wall_seconds": round(wall_seconds, 3),
              "submissions_per_second": round(tally["graded"] / wall_seconds, 4) if wall_seconds else None,
              "learners": learners}
    with open(path, "w") as fh:
        json.dump(report, fh, indent=1, sort_keys=True)
        fh.write("\n")
