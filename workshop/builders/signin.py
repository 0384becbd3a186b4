"""sign-in.pdf: a sign-in / sign-out sheet, filled with the roster's names or numbered blank rows.

Names print as written, sorted by family name where the name shows it (:func:`sort_key`); blank
rows follow for walk-ins and fill the last page. A name too long for its cell breaks between the
given and the family name, never inside a name. Every page carries the monitor's attestation under
its own rows, so no page is signed for another.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import inch

from workshop import pdfdraw as d
from workshop.attendancelog import draw_log
from workshop.builders.context import BuildContext
from workshop.i18n import N_, hours_text, tr
from workshop.personnames import VIETNAMESE, credentials_of, sort_key, split_name
from workshop.schedule import clock_range
from workshop.signsheet import FILENAME, MARGIN, PAGE_H, PAGE_W, grid, header_band, monitor_lines
from workshop.zones import zone_label

ROW_H = 0.46 * inch  # room to sign by hand
HEADER_H = 26  # room for a column title on two lines
BLANK_ROWS = 30
#: Blank rows under a roster's names for people who were not on it: at least this many.
WALK_INS = 5
ATTEST_H = 64  # the attestation and its signature lines, under each page's table
FOOTER_TOP = 44
#: Column titles (one or two lines) and widths in points; they add up to the page width less the
#: margins. The signature cells are the widest: a signature takes more room than a printed name.
#: The last column is left for the provider to write the hours each person earned.
#: A translation may break a title with "\n" where the English does.
COLUMNS = (("#", 22), (N_("Name (print)"), 152), (N_("License type\nand number"), 92), (N_("Time in"), 46),
           (N_("Signature in"), 156), (N_("Time out"), 46), (N_("Signature out"), 156), (N_("Hours\n(office use)"), 50))
#: A live online session built without its platform's report: no one signs in on paper, so the
#: sheet is an attendance record a monitor fills in from that report (times, minutes) and initials.
#: The name and licence columns keep their widths, so names break as on the paper sheet.
ONLINE_COLUMNS = (("#", 22), (N_("Name (print)"), 152), (N_("License type\nand number"), 92), (N_("Joined"), 66),
                  (N_("Left"), 66), (N_("Minutes\npresent"), 70), (N_("Minutes\nmissed"), 70),
                  (N_("Checked by\n(initials)"), 132), (N_("Hours\n(office use)"), 50))
#: Where the outline says the session is live online (the spec's location "Live online").
_ONLINE = re.compile(r"\blive online\b|\ben l[ií]nea\b|\ben ligne\b", re.IGNORECASE)
TITLE_SIZE = 9.0
NAME_SIZES = (11.0, 10.0)
#: Post-nominals ("LCSW, LCADC, CCS") that do not fit beside the name take a line of their own, smaller.
CREDENTIAL_SIZE = 8.5


@dataclass(frozen=True)
class Row:
    number: int
    name: tuple[str, ...] = ()  # the name's lines
    license: tuple[str, ...] = ()
    size: float = NAME_SIZES[0]
    credentials: tuple[str, ...] = ()  # the post-nominals' lines under the name, at CREDENTIAL_SIZE

    @property
    def height(self) -> float:
        lines = max(len(self.name) + len(self.credentials) * CREDENTIAL_SIZE / self.size, len(self.license), 1)
        return max(ROW_H, lines * self.size * 1.2 + 12)


def _name_lines(name: str, size: float, width: float) -> list[str]:
    """The name on one line; too long for it, broken between given and family name when each
    half fits a line; else wherever it must (a single word longer than the cell)."""
    if d.width(name, size, "sans") <= width:
        return [name]
    given, family = split_name(name)
    if given and d.width(family, size, "sans") <= width:  # the family name kept whole on a line of its own
        first = VIETNAMESE.search(unicodedata.normalize("NFD", name))
        return [family] + d.wrap(given, "sans", size, width) if first else d.wrap(given, "sans", size, width) + [family]
    return d.wrap(name, "sans", size, width)


def sheet_size(people: list[tuple[str, str]]) -> float:
    """One size for every name on the sheet: the largest at which each fits its cell on one line
    (its licence on two at most); else the largest at which each fits on two, broken between given
    and family name; else 10 pt, a long name taking the lines it needs."""
    width = COLUMNS[1][1] - 8

    def fits(name: str, lic: str, size: float, lines: int) -> bool:
        base = name if d.width(name, size, "sans") <= width else credentials_of(name)[0]
        return (len(_name_lines(base, size, width)) <= lines
                and (not lic or len(d.wrap(lic, "sans", size, COLUMNS[2][1] - 8)) <= 2))

    for lines in (1, 2):
        for size in NAME_SIZES:
            if all(fits(name, lic, size, lines) for name, lic in people):
                return size
    return NAME_SIZES[1]


def _row(number: int, name: str = "", license_: str = "", size: float = NAME_SIZES[0]) -> Row:
    """A row whose name (on one line, or broken between given and family name) and licence fit
    their cells at ``size`` (a long name makes the row taller). Post-nominals too long to share
    the name's line go under it, smaller, broken only between two of them."""
    if not name and not license_:
        return Row(number)
    width = COLUMNS[1][1] - 8
    base, credentials = credentials_of(name) if name else ("", "")
    if credentials and d.width(name, size, "sans") > width:
        name_lines = _name_lines(base, size, width)
        credential_lines = _credential_lines(credentials, width)
    else:
        name_lines, credential_lines = (_name_lines(name, size, width) if name else []), []
    license_lines = d.wrap(license_, "sans", size, COLUMNS[2][1] - 8) if license_ else []
    return Row(number, tuple(name_lines), tuple(license_lines), size, tuple(credential_lines))


def _credential_lines(credentials: str, width: float) -> list[str]:
    """Post-nominals on lines of ``width``, broken only between two of them."""
    return d.wrap(credentials, "sans", CREDENTIAL_SIZE, width)


def paginate(people: list[tuple[str, str]], first_top: float, later_top: float) -> list[list[Row]]:
    """Rows on pages: the people sorted, then blank rows for walk-ins, then more filling the last page."""
    people = sorted(people, key=lambda p: (sort_key(p[0]), p[1]))
    bottom = FOOTER_TOP + ATTEST_H
    pages: list[list[Row]] = [[]]
    y = first_top - HEADER_H

    def place(row: Row) -> None:
        nonlocal y
        if y - row.height < bottom and pages[-1]:
            pages.append([])
            y = later_top - HEADER_H
        pages[-1].append(row)
        y -= row.height

    size = sheet_size(people)
    for number, (name, license_) in enumerate(people, 1):
        place(_row(number, name, license_, size))
    count = len(people)
    for _ in range(max(WALK_INS, -(-count // 10)) if people else BLANK_ROWS):
        count += 1
        place(_row(count))
    while y - ROW_H >= bottom:
        count += 1
        place(_row(count))
    return pages


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    if ctx.attendance is not None and ctx.attendance.online:  # a webinar's sheet is the report's log
        path = ctx.out_dir / FILENAME
        path.write_bytes(draw_log(ctx))
        return [path], []
    d.require_faces("sans", "sans-bold")
    w, agenda = ctx.workshop, ctx.agenda
    people = [(a.name, a.license) for a in ctx.roster.attendees] if ctx.roster else []
    buffer = io.BytesIO()
    lang = w.language
    online = bool(_ONLINE.search(w.location or ""))
    columns = ONLINE_COLUMNS if online else COLUMNS
    heading = tr(lang, "Attendance record: live online session") if online else tr(lang, "Sign-in and sign-out sheet")
    canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), tr(lang, "Sign-in sheet: {title}", title=w.title), "workshop",
                          ctx.when)
    first_top = d.heading_block(canvas, PAGE_W, PAGE_H - 48, heading, w, MARGIN) - 16
    if online:  # what to fill it in from, and how to have it filled in
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, MARGIN, first_top + 2, tr(lang, "Fill in from the meeting platform's attendance report, or build "
                                                       "the kit with --attendance REPORT to have it filled in."),
               10, "sans")
        first_top -= 14
    pages = paginate(people, first_top, PAGE_H - 64)
    for page, rows in enumerate(pages, 1):
        if page == 1:
            canvas.setFillColor(d.MUTED)
            zone = zone_label(w.timezone, w.date, w.start)
            d.draw(canvas, MARGIN, first_top + (30 if online else 16),
                   tr(lang, "Scheduled {times}", times=clock_range(agenda.start, agenda.end, w.clock)
                      + (f" {zone}" if zone else ""))
                   + (" · " + tr(lang, "{hours} {unit} on full attendance", hours=hours_text(agenda.ce.awarded, lang),
                                 unit=w.ce.unit) if agenda.ce else ""), 10, "sans")
            top = first_top
        else:
            canvas.setFillColor(d.INK)
            continued = (tr(lang, "Attendance record (continued)") if online
                         else tr(lang, "Sign-in and sign-out sheet (continued)"))
            size, lines = d.fit_lines(continued + f" · {w.title}", "sans-bold",
                                      PAGE_W - 2 * MARGIN, (12.0,), 1)
            d.draw(canvas, MARGIN, PAGE_H - 48, _one_line(lines), size, "sans-bold")
            top = PAGE_H - 64
        bottom = _table(canvas, top, rows, lang, columns)
        _attestation(canvas, bottom - 22, lang, online)
        d.footer(canvas, PAGE_W, w.title, page, len(pages), MARGIN, lang)
        canvas.showPage()
    canvas.save()
    path = ctx.out_dir / FILENAME
    path.write_bytes(buffer.getvalue())
    return [path], []


def _one_line(lines: list[str]) -> str:
    return lines[0] if len(lines) == 1 else lines[0].rstrip(" ·,") + "…"


def _table(canvas, top: float, rows: list[Row], lang: str = "en", columns=COLUMNS) -> float:
    header_band(canvas, top, HEADER_H)
    x = MARGIN
    for title, width in columns:
        titles = tr(lang, title).split("\n")
        first = top - HEADER_H / 2 - TITLE_SIZE * 0.35 + (len(titles) - 1) * TITLE_SIZE * 0.55
        for n, line in enumerate(titles):
            d.draw(canvas, x + 4, first - n * TITLE_SIZE * 1.1, line, TITLE_SIZE, "sans-bold")
        x += width
    y = top - HEADER_H
    canvas.setStrokeColor(d.RULE)
    canvas.setLineWidth(0.6)
    for row in rows:
        canvas.line(MARGIN, y - row.height, PAGE_W - MARGIN, y - row.height)
        name = [(line, row.size, d.INK) for line in row.name] + [(line, CREDENTIAL_SIZE, d.MUTED)
                                                                 for line in row.credentials]
        cells = [[(str(row.number), 9.0, d.MUTED)], name, [(line, row.size, d.INK) for line in row.license]]
        x = MARGIN
        for (_, width), lines in zip(columns, cells, strict=False):  # the first three columns
            # the cell's lines centred in the row, each line's pitch 1.2 times its size
            pitches = [size * 1.2 for _, size, _ in lines]
            block = sum(pitches) - (pitches[-1] - lines[-1][1] * 0.7 if lines else 0)
            base = y - (row.height - block) / 2 - (lines[0][1] * 0.7 if lines else 0)
            for (line, size, colour), pitch in zip(lines, pitches, strict=True):
                canvas.setFillColor(colour)
                d.draw(canvas, x + 4, base, line, size, "sans")
                base -= pitch
            x += width
        y -= row.height
    grid(canvas, top, y, columns)
    return y


def _attestation(canvas, y: float, lang: str = "en", online: bool = False) -> None:
    canvas.setFillColor(d.INK)
    d.draw(canvas, MARGIN, y, tr(lang, "Monitor's attestation: I checked the times on this page against the meeting "
                                       "platform's attendance report.") if online else
           tr(lang, "Monitor's attestation: I was present throughout and confirm that the times in "
                    "and out on this page are correct."), 10, "sans")
    monitor_lines(canvas, y - 30, lang)
