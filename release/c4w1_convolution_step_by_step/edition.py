# Generated copy of autograder/shipped/edition.py, shipped by `make build`: do not edit.
"""Which edition of the course this folder belongs to, English or Simplified Chinese.

The build writes this file into every release with LANGUAGE set to the edition's language, so that
the helper modules, shared by both editions, say their words in the notebook's language:
    ax.set_xlabel(say("iteration", "迭代次数"))
In the Chinese edition, importing it also gives matplotlib a font with Chinese glyphs. The grader,
which serves both editions in one process, says which one it grades with `speaking(language)`.
"""
import contextlib
import contextvars

LANGUAGE = "en"
LANGUAGES = ("en", "zh")
_speaking = contextvars.ContextVar("edition_language", default=None)

# Fonts with Simplified Chinese glyphs, most likely first: Debian's fonts-wqy-microhei and
# fonts-noto-cjk (what the course's machines install), then what Windows and macOS ship.
CJK_FAMILIES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
                "Source Han Sans SC", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC",
                "Arial Unicode MS")


def language():
    return _speaking.get() or LANGUAGE


def say(en, zh):
    """The text of this edition: `en` in the English one, `zh` in the Chinese one."""
    return zh if language() == "zh" else en


@contextlib.contextmanager
def speaking(chosen):
    """Say everything in `chosen` ("en" or "zh") inside the block (the grader, per notebook)."""
    token = _speaking.set(chosen)
    try:
        yield
    finally:
        _speaking.reset(token)


def cjk_font():
    """The first installed family of CJK_FAMILIES, or None."""
    from matplotlib import font_manager
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in installed), None)


def use_cjk_font():
    """Put a Chinese font first in matplotlib's sans-serif list; warn once if there is none."""
    import matplotlib
    family = cjk_font()
    if family is None:
        import warnings
        warnings.warn("no font with Chinese glyphs found: plot titles will show boxes. Install one, "
                      "for example `apt install fonts-wqy-microhei` (Debian, Ubuntu).", stacklevel=2)
        return None
    sans = [family] + [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
    matplotlib.rcParams["font.sans-serif"] = sans
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False  # CJK fonts often lack the minus sign's glyph
    return family


if LANGUAGE == "zh":
    try:
        use_cjk_font()
    except ImportError:  # no matplotlib: nothing to draw
        pass
