"""Drawing helpers shared by every PDF: embedded fonts, text in any script, page furniture.

Text is split into runs by the face that carries each character (:func:`workshop.fonts.face_for`),
so a Greek, Chinese, Korean, Thai or Devanagari name prints in a face that has it. Runs of complex
scripts are shaped by HarfBuzz and right-to-left runs are put in visual order
(:mod:`workshop.shaping`); a line drawn so carries its text as an ActualText span, so copying or
searching the PDF finds the words as written. Every face is embedded.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics

from workshop import shaping
from workshop.fonts import (FACES, REINSTALL, clusters, face_for, forget_with_fonts, is_emoji_modifier, load_face,
                            missing_characters, tt_font, wrap_by)
from workshop.i18n import tr
from workshop.schedule import date_text
from workshop.typography import typeset

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
    # ReportLab hands a new font the object of an earlier one with the same PostScript name; two
    # files of one face (a font in a collection and on its own, say) must each draw with their own
    earlier = pdfmetrics._dynFaceNames.get(font.face.name)
    if earlier is not None and earlier is not font and earlier.fontName.startswith("ws-"):
        del pdfmetrics._dynFaceNames[font.face.name]
    pdfmetrics.registerFont(font)
    return font.fontName


@forget_with_fonts
def unregister() -> None:
    """Forget the faces registered so far (after the font folders change, as in tests)."""
    register.cache_clear()
    for registry in (pdfmetrics._fonts, pdfmetrics._dynFaceNames):
        for key, font in list(registry.items()):
            if getattr(font, "fontName", "").startswith("ws-"):
                del registry[key]


def require_faces(*faces: str) -> None:
    missing = [f for f in faces if register(f) is None]
    if missing:
        wanted = ", ".join(FACES[f][0] for f in missing)
        raise FontsMissing(f"fonts not found: {wanted}; {REINSTALL}")


def clean(text: str) -> str:
    """Text as it should print: bidi override characters removed, composed to NFC."""
    return unicodedata.normalize("NFC", text.translate(BIDI_CONTROLS)).strip()


def shown(text: str) -> str:
    """Clean text as the PDFs set it: curly quotes, en dashes in ranges, no stray joiners."""
    return typeset(clean(text))


def unprintable(text: str, face: str) -> list[str]:
    """Characters of ``text`` that neither ``face`` nor a fallback face can draw."""
    return missing_characters(clean(text), face)


@dataclass(frozen=True)
class Run:
    """Text drawn in one font: a plain string, or a ``ShapedStr`` of glyphs in drawing order
    shaped from ``source`` (left to right, or right to left if ``rtl``). A plain string with a
    ``source`` is spelled out as ``source`` when copied: an emoji sequence drawn without its
    joiners and skin tones, or a character beyond U+FFFF."""

    text: str
    font: str
    source: str = ""
    rtl: bool = False

    def width(self, size: float) -> float:
        if isinstance(self.text, shaping.ShapedStr):
            return shaping.shaped_width(self.text, size)
        return pdfmetrics.stringWidth(self.text, self.font, size)

    @property
    def shaped(self) -> bool:
        return isinstance(self.text, shaping.ShapedStr)


@dataclass
class _Logical:
    text: str
    face: str
    level: int


def runs(text: str, face: str) -> list[Run]:
    """``text`` (clean, in logical order) as runs in drawing order, left to right."""
    if not text:
        return []
    home = register(face)
    main = load_face(face)
    if home is not None and all(map(main.widths.__contains__, map(ord, text))) and not shaping.is_complex(text):
        return [Run(text, home)]  # the usual case: the main face draws every character as it is
    levels = shaping.levels(text) if shaping.has_rtl(text) else None
    pieces: list[_Logical] = []
    current, start = None, 0
    for cluster in clusters(text):
        chosen = face_for(cluster, face, current) or face
        level = levels[start] if levels else 0
        if pieces and pieces[-1].face == chosen and pieces[-1].level == level:
            pieces[-1].text += cluster
        else:
            pieces.append(_Logical(cluster, chosen, level))
        current, start = chosen, start + len(cluster)
    out = []
    for piece in shaping.visual_order(pieces):
        font = register(piece.face)
        if font is None:
            font, piece.face = home, face
        rtl = bool(piece.level % 2)
        if piece.face == "emoji" or any(map(is_emoji_modifier, piece.text)):
            # a black-and-white face draws each pictograph of a sequence on its own: the joiners,
            # selectors and skin tones between them are left out (they would print as marks) and
            # the text as written is kept for copying
            # a flag's two regional indicators print as its letters ("US"), not as two dotted boxes
            # right to left, its pictographs and the spaces between them are drawn in the line's order
            shown_order = reversed(list(clusters(piece.text))) if rtl else [piece.text]
            drawn = "".join(c for c in "".join(shown_order) if not silent_in_print(c)).translate(_FLAG_LETTERS)
            out.append(Run(drawn, font, piece.text))
        elif rtl or shaping.is_complex(piece.text):
            out.append(Run(shaping.shape(piece.text, piece.face, rtl), font, piece.text, rtl))
        else:
            out.append(Run(piece.text, font, piece.text if _astral(piece.text) else ""))
    return out


def _astral(text: str) -> bool:
    """True if ``text`` has a character beyond U+FFFF (an emoji, a rare CJK ideograph): the PDF's
    character map keeps 16 bits of each code, so such a run is spelled out with ActualText."""
    return not text.isascii() and max(text) > "\uffff"


_FLAG_LETTERS = {0x1F1E6 + n: chr(ord("A") + n) for n in range(26)}


def silent_in_print(char: str) -> bool:
    """True for a character of an emoji sequence that a black-and-white face does not draw."""
    return char == "\u200d" or 0xFE00 <= ord(char) <= 0xFE0F or is_emoji_modifier(char)


def needs_shaping(text: str) -> bool:
    """True if ``text`` must be drawn by :func:`draw` (shaped, right to left, or drawn otherwise
    than written, as an emoji sequence is), not as markup."""
    text = clean(text)
    return shaping.is_complex(text) or _astral(text) or (not text.isascii() and any(map(silent_in_print, text)))


def width(text: str, size: float, face: str) -> float:
    return sum(r.width(size) for r in runs(shown(text), face))


def draw(canvas, x: float, y: float, text: str, size: float, face: str = "serif", align: str = "left") -> float:
    """Draw one line of ``text`` at baseline ``y``; ``align`` is left, centre or right of ``x``.
    Returns the width drawn."""
    text = shown(text)
    pieces = runs(text, face)
    total = sum(r.width(size) for r in pieces)
    if align == "centre":
        x -= total / 2
    elif align == "right":
        x -= total
    for r in pieces:
        # Glyphs shaped left to right no longer spell the text (ि is drawn before its consonant,
        # conjuncts have no code of their own), nor do emoji drawn without their joiners or
        # beyond U+FFFF: an ActualText span says what they read as.
        # Right-to-left runs keep their glyphs' own codes: readers take those as visual order
        # and reverse them, and poppler reverses an ActualText too.
        spelled = bool(r.source) and not r.rtl
        if spelled:
            canvas.addLiteral(f"/Span <</ActualText <FEFF{r.source.encode('utf-16-be').hex().upper()}>>> BDC")
        canvas.setFont(r.font, size)
        canvas.drawString(x, y, r.text)
        if spelled:
            canvas.addLiteral("EMC")
        x += r.width(size)
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
        return sum(r.width(size) for r in runs(piece, face))

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
    """Paragraph markup for platypus: escaped text with a <font> tag around each fallback run.
    For text that :func:`needs_shaping`, use :class:`workshop.docstyle.ShapedParagraph` instead."""
    out = []
    for r in runs(shown(text), face):
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


def footer(canvas, page_w: float, text: str, page: int, pages: int, margin: float = 40, language: str = "en") -> None:
    """The running footer every handout-style page shares: a rule, the workshop title, page n of N."""
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(margin, 34, page_w - margin, 34)
    canvas.setFillColor(MUTED)
    draw(canvas, margin, 22, ellipsize(text, "sans", 8.0, page_w - 2 * margin - 90), 8.0, "sans")
    draw(canvas, page_w - margin, 22, tr(language, "Page {page} of {pages}", page=page, pages=pages), 8, "sans", "right")


def heading_block(canvas, page_w: float, top: float, heading: str, workshop, margin: float = 40) -> float:
    """A form's heading: its name, then the workshop title, the date and place, and the presenters
    on a line of their own (names only: their credentials are on the certificates and the
    evaluation's statements). Returns the y below the block."""
    canvas.setFillColor(INK)
    draw(canvas, margin, top, heading, 20, "sans-bold")
    size, lines = fit_lines(workshop.title, "sans-bold", page_w - 2 * margin, (13.0, 12.0, 11.0, 10.0), 2)
    y = top - 22
    for line in lines:
        draw(canvas, margin, y, line, size, "sans-bold")
        y -= size * 1.25
    canvas.setFillColor(MUTED)
    names = [p.name for p in workshop.presenters]
    lang = workshop.language
    for text in (" · ".join(x for x in (date_text(workshop.date, workshop.date_style, language=lang), workshop.location)
                            if x),
                 (tr(lang, "Presenter: {names}") if len(names) == 1 else tr(lang, "Presenters: {names}")).format(
                     names=", ".join(names)) if names else ""):
        if not text:
            continue
        size, lines = fit_lines(text, "sans", page_w - 2 * margin, (10.0, 9.5, 9.0), 2)
        for line in lines:
            draw(canvas, margin, y, line, size, "sans")
            y -= size * 1.3
    canvas.setFillColor(INK)
    return y - 6
