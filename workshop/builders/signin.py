"""sign-in.pdf: a sign-in / sign-out sheet, filled with the roster's names or numbered blank rows."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import landscape, letter

from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.schedule import clock

FILENAME = "sign-in.pdf"
PAGE_W, PAGE_H = landscape(letter)
MARGIN = 36
ROW_H = 28
BLANK_ROWS = 30
#: Column titles and widths in points; they add up to the page width less the margins.
COLUMNS = (("#", 26), ("Name (print)", 208), ("License type and number", 124), ("Time in", 56),
           ("Signature in", 126), ("Time out", 56), ("Signature out", 124))


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    if ctx.attendance is not None and ctx.attendance.online:  # a webinar's sheet is the report's log
        from workshop.builders.attendancelog import build_log
        return build_log(ctx)
    d.require_faces("sans", "sans-bold")
    w, agenda = ctx.workshop, ctx.agenda
    people = [(a.name, a.license) for a in ctx.roster.attendees] if ctx.roster else []
    rows = people or [("", "")] * BLANK_ROWS
    first_rows, later_rows = 12, 16
    pages = 1 + max(0, -(-(len(rows) - first_rows) // later_rows))
    last_rows = len(rows) - first_rows - (pages - 2) * later_rows if pages > 1 else len(rows)
    attest_apart = pages > 1 and last_rows > later_rows - 3  # no room left under a full later table
    pages += attest_apart
    buffer = io.BytesIO()
    canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), f"Sign-in sheet: {w.title}", "workshop")
    index = 0
    for page in range(1, pages + 1):
        if page == 1:
            y = d.heading_block(canvas, PAGE_W, PAGE_H - 48, "Sign-in and sign-out sheet", w, MARGIN)
            canvas.setFillColor(d.MUTED)
            d.draw(canvas, MARGIN, y, f"Scheduled {clock(agenda.start)}-{clock(agenda.end)}"
                   + (f" · {agenda.ce.awarded} CE hours on full attendance" if agenda.ce else ""), 10, "sans")
            y -= 16
        else:
            canvas.setFillColor(d.INK)
            d.draw(canvas, MARGIN, PAGE_H - 48, f"Sign-in and sign-out sheet (continued) · {w.title}", 12, "sans-bold")
            y = PAGE_H - 64
        chunk = rows[index: index + (first_rows if page == 1 else later_rows)]
        if chunk:
            y = _table(canvas, y, chunk, index, numbered=True)
        index += len(chunk)
        if page == pages:
            _attestation(canvas, y - 28)
        d.footer(canvas, PAGE_W, w.title, page, pages, MARGIN)
        canvas.showPage()
    canvas.save()
    path = ctx.out_dir / FILENAME
    path.write_bytes(buffer.getvalue())
    return [path], []


def _table(canvas, top: float, rows, start: int, numbered: bool) -> float:
    x = MARGIN
    canvas.setFillColor(d.INK)
    canvas.setFillColorRGB(0.93, 0.95, 0.97)
    canvas.rect(MARGIN, top - 20, PAGE_W - 2 * MARGIN, 20, stroke=0, fill=1)
    canvas.setFillColor(d.INK)
    for title, width in COLUMNS:
        d.draw(canvas, x + 4, top - 14, title, 9, "sans-bold")
        x += width
    y = top - 20
    canvas.setStrokeColor(d.RULE)
    canvas.setLineWidth(0.6)
    for k, (name, license_) in enumerate(rows):
        canvas.line(MARGIN, y - ROW_H, PAGE_W - MARGIN, y - ROW_H)
        cells = [str(start + k + 1), name, license_]
        x = MARGIN
        for (title, width), text in zip(COLUMNS, cells):
            if text:
                size, lines = d.fit_lines(text, "sans", width - 8, (11.0, 10.0, 9.0, 8.0), 2)
                base = y - ROW_H / 2 - size * 0.35 + (len(lines) - 1) * size * 0.55
                for n, line in enumerate(lines):
                    d.draw(canvas, x + 4, base - n * size * 1.1, line, size, "sans")
            x += width
        y -= ROW_H
    x = MARGIN
    for _, width in COLUMNS[:-1]:
        x += width
        canvas.line(x, top, x, y)
    canvas.rect(MARGIN, y, PAGE_W - 2 * MARGIN, top - y, stroke=1, fill=0)
    return y


def _attestation(canvas, y: float) -> None:
    canvas.setFillColor(d.INK)
    d.draw(canvas, MARGIN, y, "Monitor's attestation: I was present throughout and confirm that the times in and out "
                              "above are correct.", 10, "sans")
    y -= 34
    canvas.setStrokeColor(d.INK)
    canvas.setLineWidth(0.6)
    for label, x0, x1 in (("Monitor's name", MARGIN, MARGIN + 250), ("Signature", MARGIN + 280, MARGIN + 530),
                          ("Date", MARGIN + 560, PAGE_W - MARGIN)):
        canvas.line(x0, y, x1, y)
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, x0, y - 12, label, 8, "sans")
