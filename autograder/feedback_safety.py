"""Feedback HTML shows a learner's notebook to others (the learner, the instructor in the formgrader):
nothing the learner wrote may run there.

`SanitizeFeedback` is an nbconvert preprocessor that nbgrader_config.py adds to the HTML exporter, so
`nbgrader generate_feedback` (plain, or through `python -m autograder feedback`) gets it. It rebuilds
every output from an allow-list (text, PNG/JPEG images, LaTeX; HTML and markdown only after cleaning),
renders markdown and raw cells itself and cleans the result with nh3 (a maintained allow-list sanitizer)
before the template sees it. Math stays as text, so MathJax still typesets it; images stay when they are
inline PNG, JPEG, GIF or WebP data.
"""
import re

import nbformat
import nh3
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbconvert.preprocessors import Preprocessor

TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div", "dl",
        "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
        "pre", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul", "var"}
ATTRIBUTES = {"*": {"class", "title"}, "a": {"href", "name"}, "img": {"src", "alt", "width", "height"},
              "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align"},
              **{f"h{n}": {"id"} for n in range(1, 7)}}
IMAGE_DATA = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*\Z", re.IGNORECASE)
SAFE_DATA = {"text/plain", "text/latex", "image/png", "image/jpeg"}  # the template escapes or encodes these
IMAGE_METADATA = {"width", "height", "alt"}


def _attribute(tag, name, value):
    """data: URLs only as an inline image (an image cannot run script); elsewhere they go."""
    if value.strip().lower().startswith("data:"):
        return value if tag == "img" and name == "src" and IMAGE_DATA.match(value.strip()) else None
    return value


_CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_attribute,
                       url_schemes={"http", "https", "mailto", "data"},
                       clean_content_tags={"script", "style", "iframe", "object", "embed", "svg", "math",
                                           "template", "noscript", "textarea", "select"})


def clean_html(text):
    return _CLEANER.clean(str(text))


def render_markdown(source, attachments=None):
    """Markdown to cleaned HTML, with nbconvert's renderer (math is kept as text for MathJax)."""
    renderer = IPythonRenderer(escape=False, attachments=attachments or {})
    return clean_html(MarkdownWithMath(renderer=renderer).render(source))


def as_html_block(fragment):
    """Cleaned HTML that the template's markdown step passes through unchanged: one `<div>` on one line
    (a markdown HTML block ends at a blank line; `&#10;` is the same newline to the browser)."""
    return "<div>" + fragment.replace("\r", "").replace("\n", "&#10;") + "</div>"


def _text(value):
    return "".join(value) if isinstance(value, list) else str(value)


def _note(what):
    return {"text/plain": f"[{what} output is not shown in feedback]"}


def safe_data(data):
    """Only mimetypes the template renders inertly; HTML and markdown after cleaning."""
    kept = {k: _text(v) for k, v in data.items() if k in SAFE_DATA and isinstance(v, (str, list))}
    if "text/html" in data:
        kept["text/html"] = clean_html(_text(data["text/html"]))
    elif "text/markdown" in data:
        kept["text/html"] = render_markdown(_text(data["text/markdown"]))
    dropped = sorted(set(data) - SAFE_DATA - {"text/html", "text/markdown"})
    return kept or _note(", ".join(dropped) or "an empty")


def safe_metadata(metadata):
    """Image size and alt text only: no file names (a URL the browser would fetch), no `isolated` frame."""
    out = {}
    for mime in ("image/png", "image/jpeg"):
        entry = metadata.get(mime) if isinstance(metadata, dict) else None
        if isinstance(entry, dict):
            out[mime] = {k: v for k, v in entry.items() if k in IMAGE_METADATA and isinstance(v, (int, float, str))}
    return out


def safe_output(output):
    kind = output.get("output_type")
    if kind == "stream":
        return nbformat.v4.new_output("stream", name="stderr" if output.get("name") == "stderr" else "stdout",
                                      text=_text(output.get("text", "")))
    if kind == "error":
        return nbformat.v4.new_output("error", ename=str(output.get("ename", "")), evalue=str(output.get("evalue", "")),
                                      traceback=[str(line) for line in output.get("traceback", [])])
    data = output.get("data") if isinstance(output.get("data"), dict) else {}
    if kind == "execute_result":
        count = output.get("execution_count")
        return nbformat.v4.new_output(kind, data=safe_data(data), metadata=safe_metadata(output.get("metadata")),
                                      execution_count=count if isinstance(count, int) else None)
    return nbformat.v4.new_output("display_data", data=safe_data(data), metadata=safe_metadata(output.get("metadata")))


class SanitizeFeedback(Preprocessor):
    """Make a notebook inert before it becomes HTML."""

    enabled = True  # nbconvert silently skips preprocessors that are not enabled

    def preprocess(self, nb, resources):
        nb.metadata.pop("widgets", None)  # widget state would load a widget renderer that draws learner HTML
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            cell.outputs = [safe_output(o) for o in cell.get("outputs", [])]
        elif cell.cell_type == "markdown":
            cell.source = as_html_block(render_markdown(cell.source, cell.pop("attachments", None)))
        else:
            cell.source = clean_html(cell.source)
        return cell, resources
