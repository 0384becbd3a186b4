"""Drawing helpers shared by every PDF: embedded fonts, text in any script, page furniture.

Text is split into runs by the first face that carries each character, so a Greek, Chinese,
Arabic or Hebrew name prints in a face that has it. Arabic is joined into its contextual forms
and right-to-left text is put in visual order before drawing. Every face is embedded.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics

from workshop.fonts import FACES, load_face, tt_font, wrap_by
from workshop.typography import typeset

#: Faces tried, in order, after the main one.
FALLBACK_FACES = ("arabic", "hebrew", "cjk", "wide")
INK = HexColor("#1F2328")
MUTED = HexColor("#4A525C")  # dark enough that small grey text still reads AA once printed or rendered
RULE = HexColor("#B8C0CA")
#: Bidirectional controls that can make a name display as something else; removed from input.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"))


class FontsMissing(Exception):
    pass


@functools.lru_cache(maxsize=None)
def register(face: str) -> str | None:
    """Register ``face`` with reportlab (once) and return its font name, or None if not found."""
    font = tt_font(face)
    if font is None:
        return None
    pdfmetrics.registerFont(font)
    return font.fontName


def require_faces(*faces: str) -> None:
    missing = [f for f in faces if register(f) is None]
    if missing:
        wanted = ", ".join(FACES[f][0] for f in missing)
        raise FontsMissing(f"fonts not found: {wanted}; install them (Debian: fonts-noto-core, "
                           "fonts-crosextra-carlito, fonts-droid-fallback, fonts-dejavu-core)")


def clean(text: str) -> str:
    """Text as it should print: bidi override characters removed, composed to NFC."""
    return unicodedata.normalize("NFC", text.translate(BIDI_CONTROLS)).strip()


def shown(text: str) -> str:
    """Clean text as the PDFs set it: curly quotes, en dashes in ranges, no stray joiners."""
    return typeset(clean(text))


def visual(text: str) -> str:
    """Logical-order text in the order it is drawn: Arabic joined, right-to-left runs reversed."""
    if text.isascii() or not any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return text
    return get_display(arabic_reshaper.reshape(text))


def unprintable(text: str, face: str) -> list[str]:
    """Characters of ``text`` that neither ``face`` nor a fallback face can draw."""
    shown = visual(clean(text))
    main = load_face(face)
    bad = []
    for char in dict.fromkeys(shown):
        if char.isspace() or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
            continue
        if main is not None and main.has(char):
            continue
        if _fallback_for(char, face) == face:
            bad.append(char)
    return bad


@dataclass(frozen=True)
class Run:
    text: str
    font: str


def runs(text: str, face: str) -> list[Run]:
    """``text`` (already visual) split into runs, each in the first face that has its characters."""
    main = load_face(face)
    widths = main.widths if main is not None else {}
    home = register(face)
    if home is not None and all(map(widths.__contains__, map(ord, text))):
        return [Run(text, home)] if text else []  # the usual case: the main face has every character
    result: list[Run] = []
    start, current = 0, None
    last = face
    for i, char in enumerate(text):
        if not char.isspace():
            last = face if ord(char) in widths else _fallback_for(char, face)
        font = home if last == face else (register(last) or home)
        if font != current:
            if current is not None:
                result.append(Run(text[start:i], current))
            start, current = i, font
    if current is not None:
        result.append(Run(text[start:], current))
    return result


@functools.lru_cache(maxsize=4096)
def _fallback_for(char: str, face: str) -> str:
    """The first fallback face that has ``char`` (loading faces only as far as needed)."""
    for name in FALLBACK_FACES:
        loaded = load_face(name)
        if loaded is not None and loaded.has(char):
            return name
    return face


def width(text: str, size: float, face: str) -> float:
    return _drawn_width(runs(visual(shown(text)), face), size)


def _drawn_width(pieces: list[Run], size: float) -> float:
    return sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in pieces)


def draw(canvas, x: float, y: float, text: str, size: float, face: str = "serif", align: str = "left") -> float:
    """Draw one line of ``text`` at baseline ``y``; ``align`` is left, centre or right of ``x``.
    Returns the width drawn."""
    pieces = runs(visual(shown(text)), face)
    total = _drawn_width(pieces, size)
    if align == "centre":
        x -= total / 2
    elif align == "right":
        x -= total
    for r in pieces:
        canvas.setFont(r.font, size)
        canvas.drawString(x, y, r.text)
        x += pdfmetrics.stringWidth(r.text, r.font, size)
    return total


def fit_lines(text: str, face: str, max_width: float, sizes: tuple[float, ...], max_lines: int = 2
              ) -> tuple[float, list[str]]:
    """Largest size at which ``text`` fits on one line; failing that, on up to ``max_lines``
    lines broken at spaces (or anywhere, for a word too long for a line). Never cuts text."""
    for size in sizes:
        if width(text, size, face) <= max_width:
            return size, [text]
    for lines_allowed in range(2, max_lines + 1):
        for size in sizes:
            lines = wrap(text, face, size, max_width)
            if len(lines) <= lines_allowed:
                return size, lines
    size = sizes[-1]
    return size, wrap(text, face, size, max_width)


def wrap(text: str, face: str, size: float, max_width: float) -> list[str]:
    def measure(piece: str) -> float:  # additive, as wrap_by needs: a lone space has its width
        return _drawn_width(runs(visual(piece), face), size)

    return wrap_by(" ".join(shown(text).split()), measure, max_width)


def ellipsize(text: str, face: str, size: float, max_width: float) -> str:
    """``text`` on one line: whole if it fits, else cut at a word and ended with an ellipsis."""
    if width(text, size, face) <= max_width:
        return text
    words = shown(text).split(" ")
    while len(words) > 1 and width(" ".join(words) + "…", size, face) > max_width:
        words.pop()
    return " ".join(words).rstrip(" ,;:·–-") + "…"


def markup(text: str, face: str) -> str:
    """Paragraph markup for platypus: escaped text with a <font> tag around each fallback run."""
    out = []
    for r in runs(visual(shown(text)), face):
        piece = r.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(piece if r.font == register(face) else f'<font name="{r.font}">{piece}</font>')
    return "".join(out)


def new_canvas(buffer, pagesize, title: str, author: str, when=None):
    """A canvas with fixed ids, dated ``when`` (the build's date), so the same input writes the
    same bytes."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(buffer, pagesize=pagesize, invariant=1, pageCompression=1, initialFontName=initial_font())
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("workshop")
    if when is not None:
        stamp(canvas, when)
    return canvas


def initial_font() -> str:
    """The face every page starts in: reportlab's default is Helvetica, which it never embeds and
    which print preflight and PDF/A refuse."""
    require_faces("sans")
    return register("sans")


def stamp(canvas, when) -> None:
    """Date the file ``when`` (creation and modification) instead of reportlab's fixed 2000-01-01."""
    text = f"D:{when:%Y%m%d%H%M%S}+00'00'"
    canvas.setDateFormatter(lambda *_: text)


def footer(canvas, page_w: float, text: str, page: int, pages: int, margin: float = 40) -> None:
    """The running footer every handout-style page shares: a rule, the workshop title, page n of N."""
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(margin, 34, page_w - margin, 34)
    canvas.setFillColor(MUTED)
    draw(canvas, margin, 22, ellipsize(text, "sans", 8.0, page_w - 2 * margin - 90), 8.0, "sans")
    draw(canvas, page_w - margin, 22, f"Page {page} of {pages}", 8, "sans", "right")


def heading_block(canvas, page_w: float, top: float, heading: str, workshop, margin: float = 40) -> float:
    """A form's heading: its name, then the workshop title, date, place and presenters.
    Returns the y below the block."""
    canvas.setFillColor(INK)
    draw(canvas, margin, top, heading, 20, "sans-bold")
    size, lines = fit_lines(workshop.title, "sans-bold", page_w - 2 * margin, (13.0, 12.0, 11.0, 10.0), 2)
    y = top - 22
    for line in lines:
        draw(canvas, margin, y, line, size, "sans-bold")
        y -= size * 1.25
    facts = " · ".join(x for x in (
        f"{workshop.date:%A, %B} {workshop.date.day}, {workshop.date.year}" if workshop.date else "",
        workshop.location, ", ".join(p.display_name for p in workshop.presenters)) if x)
    canvas.setFillColor(MUTED)
    size, lines = fit_lines(facts, "sans", page_w - 2 * margin, (10.0, 9.0, 8.0), 2)
    for line in lines:
        draw(canvas, margin, y, line, size, "sans")
        y -= size * 1.3
    canvas.setFillColor(INK)
    return y - 6
