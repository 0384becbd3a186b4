"""sign-in.pdf of a live online workshop: an attendance log filled from the meeting platform's
report, one row per person with the figures and decision :mod:`workshop.attendance` worked out.

The figures are those of attendance.csv (times to the second, hours as the certificates print
them), so a monitor signing the log attests to what the certificates were made from.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import landscape, letter

from workshop import pdfdraw as d
from workshop.attendance import Decision
from workshop.builders.context import BuildContext
from workshop.schedule import clock_range, hours
from workshop.zones import zone_label

FILENAME = "sign-in.pdf"
PAGE_W, PAGE_H = landscape(letter)
MARGIN = 36
SIZE, LEADING, PAD = 9.0, 11.0, 4.0
HEAD_H = 30
#: Column titles (one or two lines) and widths in points; they add up to the page width less the margins.
COLUMNS = (("Name", 150), ("Email", 166), ("Joined", 52), ("Left", 52), ("Minutes\npresent", 54),
           ("Minutes\nmissed", 50), ("Hours awarded", 196))
#: The table stops above the attestation and footer every page carries.
TABLE_FLOOR = 118


@dataclass(frozen=True)
class _Row:
    cells: tuple[list[str], ...]
    height: float


def build_log(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    d.require_faces("sans", "sans-bold")
    w, agenda, attendance = ctx.workshop, ctx.agenda, ctx.attendance
    full = agenda.ce.awarded if agenda.ce else None
    people = sorted(attendance.decisions, key=lambda x: (d.clean(x.name).casefold(), x.email.casefold()))
    rows = [_layout(_cells(x, full)) for x in people]
    buffer = io.BytesIO()
    canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), f"Attendance log: {w.title}", "workshop", ctx.when)
    pages = _paginate(rows, canvas, w, agenda, attendance, full, dry=True)
    _paginate(rows, canvas, w, agenda, attendance, full, dry=False, total=pages, people=people)
    canvas.save()
    path = ctx.out_dir / FILENAME
    path.write_bytes(buffer.getvalue())
    return [path], []


def _cells(x: Decision, full) -> tuple[str, ...]:
    if x.certified and x.hours is not None:
        award = hours(x.hours) + (f" (partial): {x.reason}" if full is not None and x.hours < full else "")
    elif x.certified:
        award = "certificate of attendance"
    else:
        award = x.reason if "no certificate" in x.reason else f"no certificate: {x.reason}"
    return (x.name, x.email or "(none in the report)", f"{x.joined:%H:%M:%S}" if x.joined else "",
            f"{x.left:%H:%M:%S}" if x.left else "", str(x.present), str(x.missed), award)


def _layout(cells: tuple[str, ...]) -> _Row:
    wrapped = tuple(d.wrap(text, "sans", SIZE, width - 2 * PAD) if text else []
                    for text, (_, width) in zip(cells, COLUMNS))
    return _Row(wrapped, max(1, *map(len, wrapped)) * LEADING + 2 * PAD)


def _paginate(rows, canvas, w, agenda, attendance, full, dry: bool, total: int = 0, people=()) -> int:
    """Lay the rows out page by page; with ``dry`` only count the pages. Returns the page count."""
    index, page, totals_drawn = 0, 0, False
    while not totals_drawn:
        page += 1
        top = _page_top(canvas, w, agenda, attendance, full, page, dry)
        y = top - HEAD_H
        chunk = []
        # at least one row a page, so a row taller than a page (there is none) cannot stall the loop
        while index < len(rows) and (not chunk or y - rows[index].height >= TABLE_FLOOR):
            chunk.append(rows[index])
            y -= rows[index].height
            index += 1
        if not chunk:  # only the totals are left for this page
            y = top
        elif not dry:
            _table(canvas, top, chunk)
        if index == len(rows) and y - 22 >= TABLE_FLOOR:
            if not dry:
                canvas.setFillColor(d.INK)
                d.draw(canvas, MARGIN, y - 16, _totals(people, full), 10, "sans-bold")
            totals_drawn = True
        if not dry:
            _attestation(canvas)
            d.footer(canvas, PAGE_W, f"Attendance log · {w.title}", page, total, MARGIN)
            canvas.showPage()
    return page


def _page_top(canvas, w, agenda, attendance, full, page: int, dry: bool) -> float:
    """Draw the page's heading (unless ``dry``); returns the y where the table starts."""
    if page > 1:
        canvas.setFillColor(d.INK)
        size, lines = d.fit_lines(f"Attendance log (continued) · {w.title}", "sans-bold", PAGE_W - 2 * MARGIN,
                                  (12.0, 11.0, 10.0, 9.0), 2)
        y = PAGE_H - 48
        for line in lines:
            if not dry:
                d.draw(canvas, MARGIN, y, line, size, "sans-bold")
            y -= size * 1.25
        return y - 2
    if dry:  # the heading's height depends on how the title wraps: measure it on a scratch canvas
        scratch = d.new_canvas(io.BytesIO(), (PAGE_W, PAGE_H), "", "")
        return _first_heading(scratch, w, agenda, attendance, full)
    return _first_heading(canvas, w, agenda, attendance, full)


def _first_heading(canvas, w, agenda, attendance, full) -> float:
    y = d.heading_block(canvas, PAGE_W, PAGE_H - 48, "Attendance log", w, MARGIN)
    canvas.setFillColor(d.MUTED)
    zone = f" {label}" if (label := zone_label(w.timezone, w.date, w.start)) else ""
    facts = (f"Live interactive webinar · instructional time counted: {attendance.windows}{zone} "
             f"({attendance.instructional} minutes; breaks not counted) · scheduled "
             f"{clock_range(agenda.start, agenda.end, w.clock)}{zone}"
             + (f" · {hours(full)} {w.ce.unit} on full attendance" if full is not None else ""))
    size, lines = d.fit_lines(facts, "sans", PAGE_W - 2 * MARGIN, (10.0, 9.0, 8.0), 3)
    for line in lines:
        d.draw(canvas, MARGIN, y, line, size, "sans")
        y -= size * 1.3
    return y - 8


def _table(canvas, top: float, rows: list[_Row]) -> None:
    canvas.setFillColorRGB(0.93, 0.95, 0.97)
    canvas.rect(MARGIN, top - HEAD_H, PAGE_W - 2 * MARGIN, HEAD_H, stroke=0, fill=1)
    canvas.setFillColor(d.INK)
    x = MARGIN
    for title, width in COLUMNS:
        titles = title.split("\n")
        for n, line in enumerate(titles):
            d.draw(canvas, x + PAD, top - HEAD_H / 2 + 3 - n * 10 + (len(titles) - 1) * 5, line, SIZE, "sans-bold")
        x += width
    y = top - HEAD_H
    canvas.setStrokeColor(d.RULE)
    canvas.setLineWidth(0.6)
    for row in rows:
        x = MARGIN
        for lines, (_, width) in zip(row.cells, COLUMNS):
            for n, line in enumerate(lines):
                d.draw(canvas, x + PAD, y - PAD - SIZE + 1 - n * LEADING, line, SIZE, "sans")
            x += width
        y -= row.height
        canvas.line(MARGIN, y, PAGE_W - MARGIN, y)
    x = MARGIN
    for _, width in COLUMNS[:-1]:
        x += width
        canvas.line(x, top, x, y)
    canvas.rect(MARGIN, y, PAGE_W - 2 * MARGIN, top - y, stroke=1, fill=0)


def _totals(people, full) -> str:
    staff = sum(x.how == "staff" for x in people)
    partial = sum(x.certified and x.hours is not None and full is not None and x.hours < full for x in people)
    certified = sum(x.certified for x in people)
    none = len(people) - staff - certified
    text = (f"Totals: {len(people) - staff} people · {certified} certified ({certified - partial} full hours, "
            f"{partial} partial) · {none} no certificate")
    return text + (f" · {staff} host or presenter not counted" if staff else "")


def _attestation(canvas) -> None:
    canvas.setFillColor(d.INK)
    size, lines = d.fit_lines(
        "Monitor's attestation: I attest that this log was produced from the meeting platform's attendance report "
        "of this session, and that the times, minutes and hours above are those the report gives under the "
        "board's attendance rule.", "sans", PAGE_W - 2 * MARGIN, (9.0, 8.0), 2)
    y = 100
    for line in lines:
        d.draw(canvas, MARGIN, y, line, size, "sans")
        y -= size * 1.2
    canvas.setStrokeColor(d.INK)
    canvas.setLineWidth(0.6)
    for label, x0, x1 in (("Monitor's name", MARGIN, MARGIN + 250), ("Signature", MARGIN + 280, MARGIN + 530),
                          ("Date", MARGIN + 560, PAGE_W - MARGIN)):
        canvas.line(x0, 58, x1, 58)
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, x0, 47, label, 8, "sans")
