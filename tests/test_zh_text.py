"""The Simplified Chinese edition reads as Chinese, uses the glossary's terms, and runs the English code.

Fast (no kernel): `pytest tests/test_zh_text.py -k <id>` while translating.
"""
import ast
import re

import pytest

from autograder import paths, reference, spec
from autograder.assignment import Assignment
from autograder.builder import template, translation
from autograder.builder.translation import has_chinese
from conftest import CHINESE

GLOSSARY = paths.COURSE / "glossary_zh.md"
RUN_OF_ENGLISH = 6  # this many English words in a row, outside code and formulas, is an untranslated sentence


def glossary_rows():
    rows = []
    for line in GLOSSARY.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and line.startswith("|") and not set(cells[0]) <= set("-") and cells[0] != "English":
            rows.append((cells[0], cells[1], [v.strip() for v in cells[2].split(",") if v.strip()]))
    return rows


def english_pattern(term):
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(s|es)?(?![\w-])", re.IGNORECASE)


def prose_of(markdown):
    """The markdown's words, without code, formulas, links' targets, HTML comments and tables' rules."""
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$]*\$", " ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"https?://\S+", " ", text)


def english_runs(markdown):
    """Runs of RUN_OF_ENGLISH or more Latin words with nothing Chinese between them."""
    found = []
    for piece in re.split(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+", prose_of(markdown)):
        words = re.findall(r"[A-Za-z][A-Za-z'’]*", piece)
        if len(words) >= RUN_OF_ENGLISH:
            found.append(" ".join(words))
    return found


def chinese_texts(aid):
    """(where, English text, Chinese text) of everything the Chinese edition of `aid` says beyond its
    template: hints, case labels, notes, answer cells, helpers' plot words."""
    texts = []
    for name, _points in template.graded(template.parse(Assignment(aid).template)):
        texts += [(f"{name} mistake", m.hint, m.zh) for m in spec.mistakes(aid, name)]
        texts += [(f"{name} case", c.label, c.zh) for c in spec.cases(aid, name)]
        for table in ("OLD_RETURNS", "OLD_OUTPUTS"):
            entry = getattr(spec.load(aid), table, {}).get(name)
            if entry is not None:
                texts.append((f"{table}[{name}]", entry[1], entry[2] if len(entry) > 2 else ""))
        english = reference.source(aid, name)
        texts.append((f"answer cell of {name}", english,
                      translation.answer_source(aid + paths.ZH_SUFFIX, name, english)))
    for helper in Assignment(aid).course_dir.glob("*.py"):
        for node in ast.walk(ast.parse(helper.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "say" and len(node.args) == 2:
                texts.append((f"{helper.name}: say()", ast.unparse(node.args[0]), ast.unparse(node.args[1])))
    return texts


def is_sentence(text):
    """Two English words in a row (not an identifier, a number or a formula like 'm = 1')."""
    return bool(re.search(r"\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b", re.sub(r"`[^`]*`", " ", text)))


def test_glossary_gives_one_chinese_term_per_english_term():
    rows = glossary_rows()
    assert len(rows) > 50
    english = [en.lower() for en, _, _ in rows]
    assert len(english) == len(set(english)), sorted({e for e in english if english.count(e) > 1})
    used = {zh for _, zh, _ in rows}
    for en, zh, avoided in rows:
        assert has_chinese(zh) or zh.isascii(), (en, zh)
        assert not set(avoided) & used, f"{en}: {avoided} is another row's term"


@pytest.mark.parametrize("aid", CHINESE)
def test_every_markdown_cell_of_the_chinese_template_is_chinese_prose(aid):
    blocks = template.parse(Assignment(aid + paths.ZH_SUFFIX).template)
    for block in (b for b in blocks if b.kind == "markdown"):
        prose = prose_of(block.text)
        assert not english_runs(block.text), f"untranslated English in {aid}: {english_runs(block.text)}"
        if re.search(r"[A-Za-z]{3,}", prose):
            assert has_chinese(prose), f"a markdown cell of {aid} has no Chinese: {block.text[:120]!r}"


@pytest.mark.parametrize("aid", CHINESE)
def test_the_chinese_template_runs_the_english_code(aid):
    translation.check_parallel(aid + paths.ZH_SUFFIX)
    english = template.graded(template.parse(Assignment(aid).template))
    assert template.graded(template.parse(Assignment(aid + paths.ZH_SUFFIX).template)) == english


@pytest.mark.parametrize("aid", CHINESE)
def test_every_hint_label_note_and_answer_cell_has_its_chinese_text(aid):
    for where, english, chinese in chinese_texts(aid):
        assert chinese, f"{aid}: {where} {english[:80]!r} has no Chinese text (zh=)"
        if is_sentence(english):
            assert has_chinese(chinese), f"{aid}: {where} {english[:80]!r} is not translated: {chinese[:80]!r}"


@pytest.mark.parametrize("aid", CHINESE)
def test_the_chinese_edition_never_uses_an_avoided_term(aid):
    texts = [("notebook.zh.md", Assignment(aid + paths.ZH_SUFFIX).template.read_text()),
             *[(where, chinese) for where, _english, chinese in chinese_texts(aid)]]
    for en, zh, avoided in glossary_rows():
        for where, text in texts:
            for other in avoided:
                assert other not in text, f"{aid}, {where}: says {other!r}; the glossary's term for {en!r} is {zh!r}"


@pytest.mark.parametrize("aid", CHINESE)
def test_a_term_of_the_english_narrative_has_the_glossarys_chinese_term(aid):
    english = prose_of(Assignment(aid).template.read_text())
    chinese = Assignment(aid + paths.ZH_SUFFIX).template.read_text()
    missing = [(en, zh) for en, zh, _ in glossary_rows()
               if "(" not in en and english_pattern(en).search(english) and zh.lower() not in chinese.lower()]
    assert not missing, f"{aid}: the English narrative uses these terms, the Chinese one not their glossary term: {missing}"


def test_every_assignment_has_a_chinese_edition():
    assert CHINESE == paths.assignment_ids()
    assert paths.edition_ids() == CHINESE + [aid + paths.ZH_SUFFIX for aid in CHINESE]
