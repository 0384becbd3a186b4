"""sign-in.pdf of a live online workshop: an attendance log filled from the meeting platform's
report, one row per person with the figures and decision :mod:`workshop.attendance` worked out.

The figures are those of attendance.csv (times to the second, hours as the certificates print
them), so a monitor signing the log attests to what the certificates were made from.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from workshop import pdfdraw as d
from workshop.attendance import Decision
from workshop.builders.context import BuildContext
from workshop.i18n import N_, hours_text, tr
from workshop.schedule import clock_range
from workshop.signsheet import MARGIN, PAGE_H, PAGE_W, grid, header_band, monitor_lines
from workshop.zones import zone_label

SIZE, LEADING, PAD = 9.0, 11.0, 4.0
HEAD_H = 30
#: Column titles (one or two lines) and widths in points; they add up to the page width less the margins.
COLUMNS = ((N_("Name"), 150), (N_("Email"), 166), (N_("Joined"), 52), (N_("Left"), 52), (N_("Minutes\npresent"), 54),
           (N_("Minutes\nmissed"), 50), (N_("Hours awarded"), 196))
#: The table stops above the attestation and footer every page carries.
TABLE_FLOOR = 118


@dataclass(frozen=True)
class _Row:
    cells: tuple[list[str], ...]
    height: float


def draw_log(ctx: BuildContext) -> bytes:
    """The attendance log of a live online workshop, as PDF bytes."""
    d.require_faces("sans", "sans-bold")
    w, agenda, attendance = ctx.workshop, ctx.agenda, ctx.attendance
    full = agenda.ce.awarded if agenda.ce else None
    people = sorted(attendance.decisions, key=lambda x: (d.clean(x.name).casefold(), x.email.casefold()))
    rows = [_layout(_cells(x, full, w.language)) for x in people]
    buffer = io.BytesIO()
    canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), tr(w.language, "Attendance log: {title}", title=w.title), "workshop",
                          ctx.when)
    pages = _paginate(rows, canvas, w, agenda, attendance, full, dry=True)
    _paginate(rows, canvas, w, agenda, attendance, full, dry=False, total=pages, people=people)
    canvas.save()
    return buffer.getvalue()


def _cells(x: Decision, full, lang: str = "en") -> tuple[str, ...]:
    if x.certified and x.hours is not None:
        award = hours_text(x.hours, lang)
        if full is not None and x.hours < full:
            award = tr(lang, "{hours} (partial): {reason}", hours=award, reason=x.reason_in(lang))
    elif x.certified:
        award = tr(lang, "certificate of attendance")
    else:
        award = (x.reason_in(lang) if "no certificate" in x.reason
                 else tr(lang, "no certificate: {reason}", reason=x.reason_in(lang)))
    return (x.name, x.email or tr(lang, "(none in the report)"), f"{x.joined:%H:%M:%S}" if x.joined else "",
            f"{x.left:%H:%M:%S}" if x.left else "", str(x.present), str(x.missed), award)


def _layout(cells: tuple[str, ...]) -> _Row:
    wrapped = tuple(d.wrap(text, "sans", SIZE, width - 2 * PAD) if text else []
                    for text, (_, width) in zip(cells, COLUMNS, strict=True))
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
            _table(canvas, top, chunk, w.language)
        if index == len(rows) and y - 22 >= TABLE_FLOOR:
            if not dry:
                canvas.setFillColor(d.INK)
                d.draw(canvas, MARGIN, y - 16, _totals(people, full, w.language), 10, "sans-bold")
            totals_drawn = True
        if not dry:
            _attestation(canvas, w.language)
            d.footer(canvas, PAGE_W, tr(w.language, "Attendance log") + f" · {w.title}", page, total, MARGIN, w.language)
            canvas.showPage()
    return page


def _page_top(canvas, w, agenda, attendance, full, page: int, dry: bool) -> float:
    """Draw the page's heading (unless ``dry``); returns the y where the table starts."""
    if page > 1:
        canvas.setFillColor(d.INK)
        size, lines = d.fit_lines(tr(w.language, "Attendance log (continued)") + f" · {w.title}", "sans-bold", PAGE_W - 2 * MARGIN,
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
    lang = w.language
    y = d.heading_block(canvas, PAGE_W, PAGE_H - 48, tr(lang, "Attendance log"), w, MARGIN)
    canvas.setFillColor(d.MUTED)
    zone = f" {label}" if (label := zone_label(w.timezone, w.date, w.start)) else ""
    windows, times = attendance.windows + zone, clock_range(agenda.start, agenda.end, w.clock) + zone
    facts = (tr(lang, "Live interactive webinar · instructional time counted: {windows} ({minutes} minutes; breaks not "
                      "counted) · scheduled {times}", windows=windows, minutes=attendance.instructional, times=times)
             + (" · " + tr(lang, "{hours} {unit} on full attendance", hours=hours_text(full, lang), unit=w.ce.unit)
                if full is not None else ""))
    size, lines = d.fit_lines(facts, "sans", PAGE_W - 2 * MARGIN, (10.0, 9.0, 8.0), 3)
    for line in lines:
        d.draw(canvas, MARGIN, y, line, size, "sans")
        y -= size * 1.3
    return y - 8


def _table(canvas, top: float, rows: list[_Row], lang: str = "en") -> None:
    header_band(canvas, top, HEAD_H)
    x = MARGIN
    for title, width in COLUMNS:
        titles = tr(lang, title).split("\n")
        for n, line in enumerate(titles):
            d.draw(canvas, x + PAD, top - HEAD_H / 2 + 3 - n * 10 + (len(titles) - 1) * 5, line, SIZE, "sans-bold")
        x += width
    y = top - HEAD_H
    canvas.setStrokeColor(d.RULE)
    canvas.setLineWidth(0.6)
    for row in rows:
        x = MARGIN
        for lines, (_, width) in zip(row.cells, COLUMNS, strict=True):
            for n, line in enumerate(lines):
                d.draw(canvas, x + PAD, y - PAD - SIZE + 1 - n * LEADING, line, SIZE, "sans")
            x += width
        y -= row.height
        canvas.line(MARGIN, y, PAGE_W - MARGIN, y)
    grid(canvas, top, y, COLUMNS)


def _totals(people, full, lang: str = "en") -> str:
    staff = sum(x.how == "staff" for x in people)
    partial = sum(x.certified and x.hours is not None and full is not None and x.hours < full for x in people)
    certified = sum(x.certified for x in people)
    none = len(people) - staff - certified
    text = tr(lang, "Totals: {people} people · {certified} certified ({full} full hours, {partial} partial) · {none} no "
                    "certificate", people=len(people) - staff, certified=certified, full=certified - partial,
              partial=partial, none=none)
    return text + (" · " + tr(lang, "{n} host or presenter not counted", n=staff) if staff else "")


def _attestation(canvas, lang: str = "en") -> None:
    canvas.setFillColor(d.INK)
    size, lines = d.fit_lines(tr(
        lang, "Monitor's attestation: I attest that this log was produced from the meeting platform's attendance "
              "report of this session, and that the times, minutes and hours above are those the report gives under "
              "the board's attendance rule."), "sans", PAGE_W - 2 * MARGIN, (9.0, 8.0), 2)
    y = 100
    for line in lines:
        d.draw(canvas, MARGIN, y, line, size, "sans")
        y -= size * 1.2
    monitor_lines(canvas, 58, lang)
