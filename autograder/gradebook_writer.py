"""The main process's side of parallel grading: the only writer of the real gradebook."""


def store(db_url, aid, student, grades):
    from nbgrader.api import Gradebook
    from dateutil.parser import parse as parse_time
    with Gradebook(db_url) as gb:
        gb.update_or_create_student(student)
        stamp = parse_time(grades["timestamp"]) if grades["timestamp"] else None
        gb.update_or_create_submission(aid, student, **({"timestamp": stamp} if stamp else {}))
        total = max_total = 0.0
        for nb_name, data in grades["notebooks"].items():
            notebook = gb.find_submission_notebook(nb_name, aid, student)
            notebook.late_submission_penalty = data["late_penalty"]
            for name, (score, needs_manual) in data["grades"].items():
                grade = gb.find_grade(name, nb_name, aid, student)
                grade.auto_score, grade.needs_manual_grade = score, needs_manual
                total += score or 0.0
                max_total += grade.max_score
            for name, text in data["comments"].items():
                gb.find_comment(name, nb_name, aid, student).auto_comment = text
        gb.db.commit()
    return total, max_total


def store_zero(db_url, aid, student):
    """Zero for every grade of a submission nbgrader must not open (as nbgrader does for a missing notebook)."""
    from nbgrader.api import Gradebook
    with Gradebook(db_url) as gb:
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(aid, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score, grade.needs_manual_grade = 0.0, False
        gb.db.commit()
        return 0.0, submission.max_score


def max_score(db_url, aid):
    from nbgrader.api import Gradebook
    with Gradebook(db_url) as gb:
        return gb.find_assignment(aid).max_score
