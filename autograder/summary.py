"""The table printed after grading: one line per learner, then totals."""
from .learner_ids import shown


def _counts(outcomes):
    count = {status: sum(o.status == status for o in outcomes) for status in ("graded", "skipped", "refused", "failed")}
    refused = f", {count['refused']} refused" if count["refused"] else ""
    return f"{count['graded']} graded, {count['skipped']} unchanged{refused}, {count['failed']} failed"


def print_summary(aid, outcomes):
    graded = [o for o in outcomes if o.status == "graded"]
    print(f"\n{aid}: {len(outcomes)} submissions ({_counts(outcomes)})")
    names = {o.student: shown(o.student) for o in outcomes}  # a refused folder name may hold control characters
    width = max([len(n) for n in names.values()] + [7])
    print(f"  {'learner'.ljust(width)}  {'score':>13}  {'seconds':>7}  status")
    for o in outcomes:
        note = f"  {o.message}" if o.message else ""
        print(f"  {names[o.student].ljust(width)}  {o.score:6.2f} / {o.max_score:<4g}  {o.seconds:7.1f}  {o.status}{note}")
    if graded:
        mean = sum(o.score for o in outcomes) / len(outcomes)
        print(f"  mean score {mean:.2f}; {sum(o.seconds for o in graded) / len(graded):.2f} s per graded submission")
