"""Draw a planned slide, scaled down, onto a PDF canvas: the handouts' slide pages.

It reads the same plan the .pptx renderer draws, with the same measured line breaks, so a
miniature shows the slide's text as the deck does without needing an office suite.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader

from workshop import model as m
from workshop import pdfdraw as d
from workshop.deck import fit
from workshop.deck.fit import Para
from workshop.deck.plan import CONTENT_W, FOOTER_Y, MARGIN, SLIDE_H, SLIDE_W, Box, PlannedSlide
from workshop.deck.palette import MUTED, palette
from workshop.deck.render import FULL_BLEED


def draw_miniature(canvas, slide: PlannedSlide, theme: m.Theme, footer: str, x: float, y: float, width: float) -> None:
    """Draw ``slide`` with its lower-left corner at (x, y), ``width`` points wide."""
    s = width / SLIDE_W
    height = SLIDE_H * s
    colours = palette(theme)

    def rect(px, py, pw, ph, colour):
        canvas.setFillColor(HexColor("#" + colour))
        canvas.rect(x + px * s, y + height - (py + ph) * s, pw * s, ph * s, stroke=0, fill=1)

    canvas.saveState()
    rect(0, 0, SLIDE_W, SLIDE_H, "FFFFFF")
    if slide.kind in FULL_BLEED:
        rect(0, 0, SLIDE_W, SLIDE_H, colours.primary)
        rect(*slide.accent_bar, colours.accent)
    else:
        rect(0, 0, SLIDE_W, slide.bar_height, colours.primary)
        rect(0, slide.bar_height, SLIDE_W, 6, colours.accent)
        title = Para(slide.title, slide.title_size, bold=True, role="inverse")
        lines = title.lines(CONTENT_W)
        block = len(lines) * title.size * fit.LINE_PITCH
        top = (slide.bar_height - block) / 2
        _lines(canvas, x, y + height, s, MARGIN, top, title, lines, colours)
    for box in slide.boxes:
        _box(canvas, x, y + height, s, box, colours, slide.title if box.name == "Title text" else None)
    if slide.image is not None and slide.image.path.is_file():
        bx, by, bw, bh = slide.image_box
        image = ImageReader(str(slide.image.path))
        iw, ih = image.getSize()
        k = min(bw / iw, bh / ih)
        canvas.drawImage(image, x + (bx + (bw - iw * k) / 2) * s, y + height - (by + (bh + ih * k) / 2) * s,
                         iw * k * s, ih * k * s, mask="auto")
    if slide.kind not in FULL_BLEED:
        canvas.setFillColor(HexColor("#" + MUTED))
        size, lines = fit.fit_title(footer, 700, (12.0, 11.0, 10.0), 1, face="sans")
        d.draw(canvas, x + MARGIN * s, y + height - (FOOTER_Y + 20) * s, lines[0], size * s, "sans")
        d.draw(canvas, x + (SLIDE_W - MARGIN) * s, y + height - (FOOTER_Y + 20) * s, str(slide.number), 12 * s,
               "sans", "right")
    canvas.setStrokeColor(d.RULE)
    canvas.setLineWidth(0.75)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.restoreState()


def _box(canvas, x0, top, s, box: Box, colours, title: str | None) -> None:
    y = box.y
    for n, para in enumerate(box.paras):
        if title is not None and n == 0:
            para = Para(title, para.size, bold=para.bold, role=para.role)
        if n:
            y += para.space_before
        lines = para.lines(box.w)
        _lines(canvas, x0, top, s, box.x, y, para, lines, colours, box.w)
        y += len(lines) * para.size * fit.LINE_PITCH


def _lines(canvas, x0, top, s, bx, by, para: Para, lines, colours, bw: float = CONTENT_W) -> None:
    canvas.setFillColor(HexColor("#" + colours.text(para.role)))
    pitch = para.size * fit.LINE_PITCH
    text_x = bx + para.indent
    for k, line in enumerate(lines):
        baseline = top - (by + k * pitch + para.size * 0.95) * s
        if k == 0 and para.level and not para.continued:
            marker = f"{para.number}." if para.number is not None else ("•" if para.level == 1 else "–")
            d.draw(canvas, x0 + (text_x - para.hang) * s, baseline, marker, para.size * s, "sans")
        if para.tab and "\t" in line:
            before, after = line.split("\t", 1)
            d.draw(canvas, x0 + bx * s, baseline, before, para.size * s, para.face)
            d.draw(canvas, x0 + (bx + para.tab) * s, baseline, after, para.size * s, para.face)
            continue
        right = para.align == "right"
        d.draw(canvas, x0 + ((bx + bw) if right else text_x) * s, baseline, line.replace("\t", " "),
               para.size * s, para.face, "right" if right else "left")
