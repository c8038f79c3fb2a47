"""Modules every release ships beside the learner's notebook, imported by the grader too.

They run in the learner's kernel, so they import only the standard library, numpy and each other
(as top-level modules: `plain_data` sits beside `check_utils` in a release).
"""
from pathlib import Path

FOLDER = Path(__file__).parent
MODULES = ("edition.py", "plain_data.py", "check_utils.py")  # copied into every release, in this order
EDITION_MODULE = "edition.py"  # its copy says the release's language (LANGUAGE = "zh" in the Chinese one)


def shipped_text(module, language):
    """The text of a shipped module as a release of `language` gets it."""
    text = (FOLDER / module).read_text()
    if module == EDITION_MODULE:
        text = text.replace('\nLANGUAGE = "en"\n', f'\nLANGUAGE = "{language}"\n', 1)
    return text
