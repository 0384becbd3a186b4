"""Draw a planned slide, scaled down, onto a PDF canvas: the handouts' slide pages.

It reads the same plan the .pptx renderer draws, with the same measured line breaks, so a
miniature shows the slide's text as the deck does without needing an office suite.
"""

from __future__ import annotations

import io
from dataclasses import replace

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader

from workshop import pdfdraw as d
from workshop.deck import fit
from workshop.deck.fit import Para
from workshop.deck.frame import Frame
from workshop.deck.palette import WHITE, mix, readable
from workshop.fonts import text_width
from workshop.deck.plan import QUOTE_GLYPH, QUOTE_PATH, Box, Mark, PlannedSlide
from workshop.deck.render import FULL_BLEED, layout_role


#: The contrast small coloured text in a printed miniature is set to: WCAG's 4.5:1 plus a margin for print.
SMALL_PRINT_TARGET = 7.0
#: Accent and muted text printed smaller than this takes the body's ink: thin strokes in a tint blur.
TINT_BELOW = 7.0
#: Text that would print smaller than this (the guide's thumbnails) is drawn as bars, not as unreadable type.
GREEK_BELOW = 4.0


def draw_miniature(canvas, slide: PlannedSlide, frame: Frame, footer: str | None, x: float, y: float,
                   width: float, light: str = "", min_text: float = 0.0) -> None:
    """Draw ``slide`` with its lower-left corner at (x, y), ``width`` points wide, on its frame:
    the built-in design, or the template's backgrounds, bands and pictures. ``footer`` None leaves
    out the slide's footer and number (too small to read in a miniature, which is captioned).
    ``light`` (the theme's print ink, "RRGGBB") prints the built-in design without its solid
    title bar or full-bleed fill (the handouts' miniatures, which would spend toner on them): the
    title in that ink on white over the accent rule. ``min_text`` (points, as printed) sets the
    text of each box no smaller than that (sub-points and attributions 1 pt smaller), larger than
    the slide's own proportion, rewrapped in the box as far as the box has room (the handouts)."""
    s = width / frame.width
    height = frame.height * s
    colours = frame.palette_for(slide.kind)
    light = light if frame.designed else ""
    if light:
        ink = light
        colours = replace(colours, title_text=ink, title_background=WHITE, on_primary=ink,
                          on_primary_muted=colours.muted_text)

    def rect(px, py, pw, ph, colour):
        canvas.setFillColor(HexColor("#" + colour))
        canvas.rect(x + px * s, y + height - (py + ph) * s, pw * s, ph * s, stroke=0, fill=1)

    canvas.saveState()
    p = canvas.beginPath()
    p.rect(x, y, width, height)
    canvas.clipPath(p, stroke=0, fill=0)
    rect(0, 0, frame.width, frame.height, "FFFFFF")
    if not frame.designed:
        role = layout_role(slide)
        for fallback in ("content", "title_only"):
            if role not in frame.backgrounds:
                role = fallback
        rect(0, 0, frame.width, frame.height, frame.backgrounds.get(role, "FFFFFF"))
        for piece in frame.art.get(role, ()):
            r = piece.rect
            if piece.picture:
                image = ImageReader(io.BytesIO(piece.picture))
                canvas.drawImage(image, x + r.x * s, y + height - (r.y + r.h) * s, r.w * s, r.h * s, mask="auto")
            elif piece.colour:
                rect(r.x, r.y, r.w, r.h, piece.colour)
    elif light:
        if slide.kind in FULL_BLEED:
            rect(*slide.accent_bar, colours.accent)
        else:
            rect(0, slide.bar_height, frame.width, 6, colours.accent)
    elif slide.kind in FULL_BLEED:
        rect(0, 0, frame.width, frame.height, colours.primary)
        rect(*slide.accent_bar, colours.accent)
    elif colours.title_background == colours.background:  # an open title band: its rules
        rect(frame.margin, slide.bar_height - 1.5, frame.width - 2 * frame.margin, 1.5, colours.primary)
        rect(frame.margin, slide.bar_height - 4.5, 96, 6, colours.accent)
    else:
        rect(0, 0, frame.width, slide.bar_height, colours.title_background or colours.primary)
        rect(0, slide.bar_height, frame.width, 6, colours.accent)
    for mark in slide.marks:
        _mark(canvas, x, y + height, s, mark, colours)
    if slide.kind not in FULL_BLEED and slide.title_box is not None:
        bx, by, bw, bh = slide.title_box
        title = Para(slide.title, slide.title_size, bold=True, role="title")
        lines = title.lines(bw)
        block = len(lines) * title.size * fit.LINE_PITCH
        _lines(canvas, x, y + height, s, bx, by + (bh - block) / 2, title, lines, colours, bw)
    for box in slide.boxes:
        # a box's text may grow down to the next box under it, or to the footer
        below = [b.y for b in slide.boxes if b.y >= box.y + box.h - 0.5 and b.x < box.x + box.w and box.x < b.x + b.w]
        room = max(box.h, min(below + [frame.footer_y]) - box.y - 6)
        _box(canvas, x, y + height, s, box, colours, slide.title if box.name == "Title text" else None, min_text,
             room)
    if slide.image is not None and slide.image.path.is_file():
        bx, by, bw, bh = slide.image_box
        image = ImageReader(str(slide.image.path))
        iw, ih = image.getSize()
        k = min(bw / iw, bh / ih)
        canvas.drawImage(image, x + (bx + (bw - iw * k) / 2) * s, y + height - (by + (bh + ih * k) / 2) * s,
                         iw * k * s, ih * k * s, mask="auto")
    if slide.kind not in FULL_BLEED and footer is not None:
        canvas.setFillColor(HexColor("#" + colours.text("muted")))
        size, lines = fit.fit_title(footer, frame.footer_w, (12.0, 11.0, 10.0), 1, face="sans")
        if frame.designed or frame.footer_rect is None:
            base = y + height - (frame.footer_y + 20) * s
            d.draw(canvas, x + frame.margin * s, base, lines[0], size * s, "sans")
            d.draw(canvas, x + (frame.width - frame.margin) * s, base, str(slide.number), 12 * s, "sans", "right")
        else:  # in the template's own footer places
            r = frame.footer_rect
            canvas.setFillColor(HexColor("#" + frame.footer_ink))
            d.draw(canvas, x + (r.x + r.w / 2) * s, y + height - (r.y + r.h / 2 + 4) * s, lines[0], size * s, "sans",
                   "centre")
            if frame.number_rect is not None:
                r = frame.number_rect
                canvas.setFillColor(HexColor("#" + frame.number_ink))
                d.draw(canvas, x + (r.x + r.w - 7.2) * s, y + height - (r.y + r.h / 2 + 4) * s, str(slide.number),
                       12 * s, "sans", "right")
    canvas.restoreState()
    canvas.saveState()
    canvas.setStrokeColor(d.RULE)
    canvas.setLineWidth(0.75)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.restoreState()


def _mark(canvas, x0, top, s, mark: Mark, colours) -> None:
    """A layout's decorative shape, as the deck draws it."""
    colour = HexColor("#" + colours.mark(mark.colour))
    canvas.saveState()
    if mark.shape == "quote":
        canvas.setFillColor(colour)
        kx, ky = mark.w / QUOTE_GLYPH[0], mark.h / QUOTE_GLYPH[1]

        def at(k, args):
            return x0 + (mark.x + args[k] * kx) * s, top - (mark.y + args[k + 1] * ky) * s

        p = canvas.beginPath()
        for op, *args in QUOTE_PATH:
            if op == "M":
                p.moveTo(*at(0, args))
            elif op == "L":
                p.lineTo(*at(0, args))
            elif op == "C":
                p.curveTo(*at(0, args), *at(2, args), *at(4, args))
            else:
                p.close()
        canvas.drawPath(p, stroke=0, fill=1)
    elif mark.shape == "rect":
        canvas.setFillColor(colour)
        canvas.rect(x0 + mark.x * s, top - (mark.y + mark.h) * s, mark.w * s, mark.h * s, stroke=0, fill=1)
    else:
        canvas.setFillColor(HexColor("#" + colours.background) if mark.hollow else colour)
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(2.5 * s)
        canvas.circle(x0 + (mark.x + mark.w / 2) * s, top - (mark.y + mark.h / 2) * s, mark.w / 2 * s,
                      stroke=int(mark.hollow), fill=1)
    canvas.restoreState()


def _enlarged(paras, width: float, height: float, s: float, min_text: float) -> float:
    """How much larger than the slide's proportion to print a box's text so that its body reads at
    ``min_text`` points and its sub-points and small text at 1 pt less, as far as the text, wrapped
    anew, still fits the box's ``height``; 1 when it already does or nothing larger fits."""
    if not min_text or not paras:
        return 1.0
    want = max(_target(p, min_text) / (p.size * s) for p in paras)
    k = min(want, 1.5)
    while k > 1.0 and fit.height(list(paras), width / k) * k > height:
        k -= 0.025
    return max(k, 1.0)


def _target(p: Para, min_text: float) -> float:
    """The printed size a miniature's paragraph should reach: sub-points and small text 1 pt under the rest."""
    return min_text - (1.0 if p.level >= 2 or p.role in ("muted", "accent") or p.italic and p.size < 24 else 0.0)


def _lifted(paras, width: float, height: float, s: float, k: float, min_text: float):
    """``paras`` with each one the box's common enlargement ``k`` leaves under its printed size
    (an attribution under a large quote) set larger on its own, up to 1.5 times the slide's
    proportion, as far as the box still holds them; the paragraphs as they are otherwise."""
    wants = [_target(p, min_text) / (p.size * s) for p in paras]  # each one's enlargement to reach its size
    lifted = [replace(p, size=p.size * min(want, 1.5) / k) if want > k else p for p, want in zip(paras, wants, strict=True)]
    if lifted != list(paras) and fit.height(lifted, width / k) * k <= height:
        return tuple(lifted)
    return paras


def _box(canvas, x0, top, s, box: Box, colours, title: str | None, min_text: float = 0.0,
         room: float = 0.0) -> None:
    y = box.y
    if box.fill:  # a card: its fill, the text inset and centred in it as the deck sets it
        canvas.saveState()
        canvas.setFillColor(HexColor("#" + colours.mark(box.fill)))
        canvas.rect(x0 + box.x * s, top - (box.y + box.h) * s, box.w * s, box.h * s, stroke=0, fill=1)
        canvas.restoreState()
        box = Box(box.x + box.inset, box.y + box.pad_top, box.w - 2 * box.inset, box.h - box.pad_top, box.paras,
                  box.name, box.anchor)
        y = box.y
    limit = box.h if box.fill else max(box.h, room)
    k = 1.0 if title is not None else _enlarged(box.paras, box.w, limit, s, min_text)
    if title is None and min_text:
        box = replace(box, paras=_lifted(box.paras, box.w, limit, s, k, min_text))
    if k > 1.0:  # the box's text larger: drawn at s * k from the box's corner, wrapped to its width / k
        x0, top, s = x0 + box.x * s * (1 - k), top - box.y * s * (1 - k), s * k
    width = box.w / k
    if box.anchor == "middle" and title is None:
        y += max(0.0, (box.h / k - fit.height(list(box.paras), width)) / 2)
    for n, para in enumerate(box.paras):
        if title is not None and n == 0:
            para = Para(title, para.size, bold=para.bold, role=para.role)
        if n:
            y += para.space_before
        lines = para.lines(width)
        _lines(canvas, x0, top, s, box.x, y, para, lines, colours, width)
        y += len(lines) * para.size * fit.LINE_PITCH


def _lines(canvas, x0, top, s, bx, by, para: Para, lines, colours, bw: float) -> None:
    colour = colours.text(para.role)
    if para.size * s < TINT_BELOW and para.role in ("accent", "muted"):
        colour = colours.body_text  # a tint of ink that small prints as a blur: set it in the body's ink
    if para.size * s < 12:  # small printed text: coloured ink darkened further, toner and paper blur it
        behind = ((colours.title_background or colours.primary) if para.role == "title" else colours.primary
                  if para.role.startswith("inverse") and colours.on_primary != colours.title_text else colours.background)
        colour = readable(colour, behind, SMALL_PRINT_TARGET)
    canvas.setFillColor(HexColor("#" + colour))
    pitch = para.size * fit.LINE_PITCH
    text_x = bx + para.indent
    if para.size * s < GREEK_BELOW:  # too small to read in print: each line drawn as a bar of its length
        behind = colours.primary if para.role.startswith("inverse") or para.role == "title" else colours.background
        canvas.setFillColor(HexColor("#" + mix(colour, behind, 0.45)))
        for k, line in enumerate(lines):
            width = text_width(line.replace("\t", " "), para.size, para.face) * s
            left = x0 + (bx if (k == 0 and para.hanging) or para.tab else text_x) * s
            if para.align == "right":
                left = x0 + (bx + bw) * s - width
            canvas.rect(left, top - (by + k * pitch + para.size * 0.9) * s, width, para.size * 0.55 * s, stroke=0,
                        fill=1)
        return
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
        if k == 0 and para.hanging and not para.continued:  # a hanging indent: the first line at the margin
            d.draw(canvas, x0 + bx * s, baseline, line, para.size * s, para.face)
            continue
        right = para.align == "right"
        d.draw(canvas, x0 + ((bx + bw) if right else text_x) * s, baseline, line.replace("\t", " "),
               para.size * s, para.face, "right" if right else "left")
