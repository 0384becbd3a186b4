"""Styles and page furniture shared by the flowing PDFs (handouts and facilitator guide)."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, TableStyle

from workshop import pdfdraw as d
from workshop.colour import readable, tint
from workshop.i18n import tr

PAGE = letter
MARGIN = 0.75 * inch
FRAME_PAD = 6  # reportlab's frames pad their text on each side
TEXT_W = PAGE[0] - 2 * MARGIN - 2 * FRAME_PAD  # the text measure: tables as wide as the paragraphs around them


def register_family() -> None:
    d.require_faces("sans", "sans-bold", "sans-italic", "sans-bolditalic")
    registerFontFamily("ws-sans", normal="ws-sans", bold="ws-sans-bold", italic="ws-sans-italic",
                       boldItalic="ws-sans-bolditalic")


def styles(primary: str, reader: bool = False) -> dict[str, ParagraphStyle]:
    """The paragraph styles; ``reader`` sets the small and table text a size up (10-10.5 pt), for
    what participants read (aged 40 to 65, most of them), where the facilitator's guide keeps its
    denser tables."""
    register_family()
    colour = HexColor("#" + readable(primary))  # a light theme colour darkened until headings read on white
    base = ParagraphStyle("body", fontName="ws-sans", bulletFontName="ws-sans", fontSize=11, leading=15, textColor=d.INK, alignment=TA_LEFT,
                          spaceAfter=4)
    out = {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9.5, leading=12.5, textColor=d.MUTED),
        "title": ParagraphStyle("title", parent=base, fontName="ws-sans-bold", fontSize=30, leading=36,
                                textColor=colour, spaceAfter=10),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=16, leading=21, textColor=d.MUTED,
                                   spaceAfter=18),
        "h1": ParagraphStyle("h1", parent=base, fontName="ws-sans-bold", fontSize=18, leading=23, textColor=colour,
                             spaceBefore=6, spaceAfter=8, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontName="ws-sans-bold", fontSize=13, leading=17, spaceBefore=10,
                             spaceAfter=4, keepWithNext=1),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=16, bulletIndent=4, spaceAfter=2),
        "bullet2": ParagraphStyle("bullet2", parent=base, leftIndent=32, bulletIndent=20, spaceAfter=2,
                                  fontSize=10.5),
        "reference": ParagraphStyle("reference", parent=base, leftIndent=22, firstLineIndent=-22, spaceAfter=5),
        "quote": ParagraphStyle("quote", parent=base, fontName="ws-sans-italic", leftIndent=16, rightIndent=16),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12, spaceAfter=0),
        "cellmuted": ParagraphStyle("cellmuted", parent=base, fontSize=9.5, leading=12, spaceAfter=0,
                                    textColor=d.MUTED),
        "cellsub": ParagraphStyle("cellsub", parent=base, fontSize=9.5, leading=12, spaceAfter=0, leftIndent=12,
                                  textColor=d.MUTED),
        "cue": ParagraphStyle("cue", parent=base, fontName="ws-sans-bold", fontSize=11, leading=14, spaceBefore=8,
                              spaceAfter=1, keepWithNext=1),
        "cellbold": ParagraphStyle("cellbold", parent=base, fontName="ws-sans-bold", fontSize=9.5, leading=12,
                                   spaceAfter=0),
    }
    if reader:
        for name in ("cell", "cellmuted", "cellsub", "cellbold"):
            out[name] = ParagraphStyle(name, parent=out[name], fontSize=10.5, leading=13.5)
        out["small"] = ParagraphStyle("small", parent=out["small"], fontSize=10, leading=13)
    return out


#: How strongly each point of a 1-5 rating scale is tinted with the theme's colour, 1 the palest.
SCALE_TINTS = (0.26, 0.48, 0.68, 0.85, 1.0)  # the palest still shows on a photocopy


def scale_colours(primary: str) -> tuple[HexColor, ...]:
    """Five fills for the points of a rating scale, pale to full strength of the theme's colour
    (darkened as headings are), so a distribution reads from disagreement to agreement."""
    base = readable(primary)
    return tuple(HexColor("#" + tint(base, k)) for k in SCALE_TINTS)


def panel_colour(primary: str) -> HexColor:
    """A pale wash of the theme's colour behind a table's header row or a figure."""
    return HexColor("#" + tint(readable(primary), 0.08))


def numbered_style(st: dict[str, ParagraphStyle], count: int) -> ParagraphStyle:
    """The bullet style for a list numbered 1 to ``count``: the numbers right-aligned in a gutter
    as wide as the widest one, so the text of item 9 and item 10 starts at the same place."""
    bullet = st["bullet"]
    number_w = d.width(f"{count}.", bullet.fontSize, "sans")
    gutter = max(bullet.leftIndent, bullet.bulletIndent + number_w + 5)
    return ParagraphStyle(f"numbered{count}", parent=bullet, bulletAnchor="end", bulletIndent=gutter - 5,
                          leftIndent=gutter)


class ListBlock(Flowable):
    """A list's items (a paragraph, or a point kept with its sub-points) laid out as one block,
    after its ``lead`` (the heading and any line introducing the list).

    A short list (``SHORT`` items or fewer, under ``SHORT_HEIGHT``) is kept whole with its lead;
    a longer one is broken only where at least ``MIN_SIDE`` items stay on each side, so no page
    ends with a heading and an item or starts with a lone item or two. A list taller than a page
    breaks where it must. The lead goes inside the block rather than being kept with it by
    ``keepWithNext``, which would move a long list whole to the next page."""

    SHORT = 8
    SHORT_HEIGHT = 230  # points: a list taller than this may break even with few items
    MIN_SIDE = 3

    def __init__(self, items: list[Flowable], whole: bool | None = None, lead: list[Flowable] = ()):
        super().__init__()
        self.lead = len(lead)
        self.items = list(lead) + list(items)
        count = len(self.items) - self.lead
        self.whole = count <= self.SHORT if whole is None else whole
        self._sizes: list[float] = []

    def _measure(self, available_width: float) -> list[float]:
        sizes = []
        for n, item in enumerate(self.items):
            _, h = item.wrap(available_width, 10_000)
            before = item.getSpaceBefore() if n else 0
            sizes.append(before + h + (item.getSpaceAfter() if n < len(self.items) - 1 else 0))
        return sizes

    def wrap(self, available_width, available_height):
        self._sizes = self._measure(available_width)
        self.width, self.height = available_width, sum(self._sizes)
        return self.width, self.height

    def getSpaceBefore(self):
        return self.items[0].getSpaceBefore() if self.items else 0

    def getSpaceAfter(self):
        return self.items[-1].getSpaceAfter() if self.items else 0

    def split(self, available_width, available_height):
        sizes = self._measure(available_width)
        fit, used = 0, 0.0
        for h in sizes:
            if used + h > available_height:
                break
            fit, used = fit + 1, used + h
        at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
        n = len(self.items)
        if fit >= n:
            return [self]
        least = self.lead + self.MIN_SIDE  # the lead never ends a page without a fair share of the list
        if not at_top:
            if self.whole and sum(sizes[self.lead:]) <= self.SHORT_HEIGHT:
                return []  # a short list starts whole on the next page
            fit = min(fit, n - self.MIN_SIDE)
            if fit < least:
                return []  # too little would stay behind: the list starts on the next page
        elif fit <= self.lead:
            return list(self.items)  # an item taller than a page: its paragraphs break as any text does
        elif n - fit < self.MIN_SIDE:  # a page cannot hold it all: leave the next page a fair share
            fit = max(self.lead + 1, n - self.MIN_SIDE)
        fit = max(self.lead + 1, fit)
        if fit >= n:
            return [self]
        return [ListBlock(self.items[self.lead:fit], whole=True, lead=self.items[:self.lead]),
                ListBlock(self.items[fit:], whole=False)]

    def drawOn(self, canvas, x, y, _sW=0):
        top = y + self.height
        for n, item in enumerate(self.items):
            if n:
                top -= item.getSpaceBefore()
            _, h = item.wrap(self.width, 10_000)
            item.drawOn(canvas, x, top - h, _sW)
            top -= h + item.getSpaceAfter()


class FillLines(Flowable):
    """Ruled lines under a "Notes" heading filling what is left of the page, so a page that
    ends early ends on purpose; nothing at all when less than ``least`` points are left, or at
    the top of a page (unless ``whole_page``: a page meant for notes)."""

    def __init__(self, heading: Flowable, least: float = 120, gap: float = 24, whole_page: bool = False):
        super().__init__()
        self.heading, self.least, self.gap, self.whole_page = heading, least, gap, whole_page
        self._head_h = 0.0

    def wrap(self, available_width, available_height):
        self.width = available_width
        at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
        if available_height < self.least or (at_top and not self.whole_page):  # never a page of nothing but lines
            self.height = 0
            return available_width, 0
        _, self._head_h = self.heading.wrap(available_width, available_height)
        self.height = available_height - 1
        return self.width, self.height

    def draw(self):
        if not self.height:
            return
        self.heading.drawOn(self.canv, 0, self.height - self._head_h)
        self.canv.setStrokeColor(d.RULE)
        self.canv.setLineWidth(0.6)
        y = self.height - self._head_h - self.gap
        while y >= 4:
            self.canv.line(0, y, self.width, y)
            y -= self.gap


def table_style(commands: list) -> TableStyle:
    """A table style whose cells start in the embedded face: reportlab's tables otherwise set
    Helvetica, which is never embedded, even when every cell holds a paragraph."""
    return TableStyle([("FONT", (0, 0), (-1, -1), "ws-sans", 9.5)] + list(commands))


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text in any script (fallback fonts chosen per character)."""
    if d.needs_shaping(text):
        return ShapedParagraph(text, style, bullet)
    return Paragraph(d.markup(text, "sans"), style, bulletText=bullet)


class ShapedParagraph(Flowable):
    """A paragraph of text that needs shaping or right-to-left order, laid out like a platypus
    Paragraph in ``style`` (font, size, leading, indents, colour, spacing, bullet) but drawn line
    by line with :func:`workshop.pdfdraw.draw`. Platypus draws markup one glyph per code point, left to right."""

    def __init__(self, text: str, style, bullet: str | None = None, lines: list[str] | None = None):
        super().__init__()
        self.text, self.style, self.bullet, self.lines = text, style, bullet, lines
        self.face = style.fontName.removeprefix("ws-")
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    def wrap(self, available_width, available_height):
        st = self.style
        if self.lines is None or getattr(self, "_wrapped_for", None) != available_width:
            self.lines = d.wrap(self.text, self.face, st.fontSize,
                              max(available_width - st.leftIndent - st.rightIndent, st.fontSize))
            self._wrapped_for = available_width
        self.width, self.height = available_width, len(self.lines) * st.leading
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        fit = int(available_height // self.style.leading)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        first = ShapedParagraph(self.text, self.style, self.bullet, self.lines[:fit])
        rest = ShapedParagraph(self.text, self.style, None, self.lines[fit:])
        first._wrapped_for = rest._wrapped_for = available_width
        return [first, rest]

    def draw(self):
        st, canvas = self.style, self.canv
        canvas.setFillColor(st.textColor)
        y = self.height - st.fontSize
        if self.bullet:
            # a numbered list's style may right-align its numbers at bulletIndent
            d.draw(canvas, st.bulletIndent, y, self.bullet, st.bulletFontSize or st.fontSize, self.face,
                 "right" if getattr(st, "bulletAnchor", "start") == "end" else "left")
        for line in self.lines:
            d.draw(canvas, st.leftIndent, y, line, st.fontSize, self.face)
            y -= st.leading


class RuledLines(Flowable):
    """Blank ruled lines to write on."""

    def __init__(self, count: int, gap: float = 22, width: float | None = None):
        super().__init__()
        self.count, self.gap, self.line_width = count, gap, width

    def wrap(self, available_width, available_height):
        self.width = self.line_width or available_width
        self.height = self.count * self.gap + 4
        return self.width, self.height

    def draw(self):
        self.canv.setStrokeColor(d.RULE)
        self.canv.setLineWidth(0.6)
        for k in range(self.count):
            y = self.height - (k + 1) * self.gap
            self.canv.line(0, y, self.width, y)


class CellLines(Flowable):
    """Ruled lines filling a writing cell of a worksheet table: as many as fit at least ``gap``
    apart (college ruling is about 20 pt), spread evenly, the last just above the cell's bottom,
    each with a line's height above it to write in. ``height`` is the cell's inner height."""

    BOTTOM = 6

    def __init__(self, height: float, gap: float = 20):
        super().__init__()
        self.cell_h, self.gap = height, gap

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, self.cell_h
        return self.width, self.height

    def lines(self) -> list[float]:
        """The heights of the lines from the cell's bottom, top line first: at least one."""
        room = self.cell_h - self.BOTTOM
        count = max(1, int(room // self.gap))
        step = room / count
        return [self.BOTTOM + (count - 1 - k) * step for k in range(count)]

    def draw(self):
        self.canv.setStrokeColor(d.RULE)
        self.canv.setLineWidth(0.6)
        for y in self.lines():
            self.canv.line(0, max(y, 2), self.width, max(y, 2))


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so the footer can say "Page n of N"."""

    title = ""  # the workshop's title, shortened with an ellipsis when the footer needs room
    kind = ""  # what the document is ("participant handouts"), always printed whole
    when = None  # the build's date, stamped as the file's creation date

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("invariant", 1)
        kwargs["initialFontName"] = kwargs.get("initialFontName") or d.initial_font()
        super().__init__(*args, **kwargs)
        if self.when is not None:
            d.stamp(self, self.when)
        self._saved: list[dict] = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        page_w = self._pagesize[0]
        suffix = f" · {self.kind}"
        # the title gives way first: the document's label and the page number always print whole
        room = page_w - 2 * MARGIN - 90 - d.width(suffix, 8.0, "sans")
        title = d.ellipsize(self.title, "sans", 8.0, room)
        for number, state in enumerate(self._saved, 1):
            self.__dict__.update(state)
            self.setStrokeColor(d.RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 34, page_w - MARGIN, 34)
            self.setFillColor(d.MUTED)
            d.draw(self, MARGIN, 22, title + suffix, 8.0, "sans")
            d.draw(self, page_w - MARGIN, 22, tr(self.language, "Page {page} of {pages}", page=number, pages=total), 8,
                   "sans", "right")
            Canvas.showPage(self)
        Canvas.save(self)


def document(buffer, title: str, author: str, footer_title: str, kind: str, when=None, language: str = "en"):
    """A letter-size document whose pages all carry the shared footer: ``footer_title`` · ``kind``."""
    canvas_class = type("FooterCanvas", (_NumberedCanvas,), {"title": footer_title, "kind": kind, "when": when,
                                                          "language": language})
    doc = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=title, author=author, creator="workshop", invariant=1)
    return doc, canvas_class


def write_document(path, story, workshop, name: str, kind: str, when=None) -> None:
    """Lay out ``story`` at ``path``: ``name`` titles the file ("Handouts"), ``kind`` goes in the
    footer ("participant handouts"), ``when`` dates the file; both words are message ids, printed in
    the outline's language."""
    import io

    buffer = io.BytesIO()
    lang = workshop.language
    doc, canvas_class = document(buffer, f"{tr(lang, name)}: {workshop.title}",
                                 ", ".join(p.name for p in workshop.presenters), workshop.title, tr(lang, kind), when,
                                 lang)
    doc.build(story, canvasmaker=canvas_class)
    path.write_bytes(buffer.getvalue())
