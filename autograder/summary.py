"""The table printed after grading: one line per learner, then totals."""


def print_summary(aid, outcomes):
    graded = [o for o in outcomes if o.status == "graded"]
    print(f"\n{aid}: {len(outcomes)} submissions "
          f"({len(graded)} graded, {sum(o.status == 'skipped' for o in outcomes)} unchanged, "
          f"{sum(o.status == 'failed' for o in outcomes)} failed)")
    width = max([len(o.student) for o in outcomes] + [7])
    print(f"  {'learner'.ljust(width)}  {'score':>13}  {'seconds':>7}  status")
    for o in outcomes:
        note = f"  {o.message}" if o.message else ""
        print(f"  {o.student.ljust(width)}  {o.score:6.2f} / {o.max_score:<4g}  {o.seconds:7.1f}  {o.status}{note}")
    if graded:
        mean = sum(o.score for o in outcomes) / len(outcomes)
        print(f"  mean score {mean:.2f}; {sum(o.seconds for o in graded) / len(graded):.2f} s per graded submission")
