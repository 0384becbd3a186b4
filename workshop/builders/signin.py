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

from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.units import inch

from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.i18n import N_, hours_text, tr
from workshop.schedule import clock_range
from workshop.zones import zone_label

FILENAME = "sign-in.pdf"
PAGE_W, PAGE_H = landscape(letter)
MARGIN = 36
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


#: Words that belong to the family name that follows them ("de la Cruz", "Van der Berg").
PARTICLES = {"da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "St.", "ten", "ter",
             "van", "von", "bin", "ibn", "al", "el"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
#: Marks only Vietnamese sets on a Latin letter (hook above, dot below, horn) and its đ: a
#: Vietnamese name is written family name first.
_VIETNAMESE = re.compile("[\u0309\u0323\u031b\u0111\u0110]")


#: A post-nominal: letters with at least two capitals and few small ones (LCSW, PhD, PsyD, RN, M.Ed.).
_CREDENTIAL = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.\-/]{1,8}")


def credentials_of(name: str) -> tuple[str, str]:
    """(the name, its post-nominals): "Ngozi Okonkwo, PhD, RN" is ("Ngozi Okonkwo", "PhD, RN");
    a name with no comma, or whose words after the comma are not all credentials, is (name, "")."""
    base, comma, rest = name.partition(",")
    parts = [p.strip() for p in rest.split(",")]
    if not comma or not base.strip() or not all(_CREDENTIAL.fullmatch(p) and sum(c.islower() for c in p) <= 3
                                                for p in parts):
        return name, ""
    return base.strip(), ", ".join(parts)


def split_name(name: str) -> tuple[str, str]:
    """(given, family) where the name shows which is which: the last word of a name of several,
    with the particles before it and without a suffix (Jr., III) or post-nominals (", LCSW"); the
    first word of a Vietnamese name; ("", name) for one word or a name written without spaces (王芳)."""
    name = credentials_of(name)[0]
    words = name.split()
    if len(words) < 2:
        return "", name.strip()
    if _VIETNAMESE.search(unicodedata.normalize("NFD", name)):
        return " ".join(words[1:]), words[0]
    end = len(words)
    while end > 2 and words[end - 1].casefold().strip(",") in SUFFIXES:
        end -= 1
    start = end - 1
    while start > 1 and words[start - 1].casefold() in {p.casefold() for p in PARTICLES}:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def sort_key(name: str) -> tuple:
    """Family name, then given name, compared without case or accents (Ó with O)."""
    def plain(text: str) -> str:
        stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return re.sub(r"[’'\-\s]", "", stripped).casefold()

    given, family = split_name(name)
    return plain(family), plain(given), name


def _name_lines(name: str, size: float, width: float) -> list[str]:
    """The name on one line; too long for it, broken between given and family name when each
    half fits a line; else wherever it must (a single word longer than the cell)."""
    if d.width(name, size, "sans") <= width:
        return [name]
    given, family = split_name(name)
    if given and d.width(family, size, "sans") <= width:  # the family name kept whole on a line of its own
        first = _VIETNAMESE.search(unicodedata.normalize("NFD", name))
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
        from workshop.builders.attendancelog import build_log
        return build_log(ctx)
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
    canvas.setFillColorRGB(0.93, 0.95, 0.97)
    canvas.rect(MARGIN, top - HEADER_H, PAGE_W - 2 * MARGIN, HEADER_H, stroke=0, fill=1)
    canvas.setFillColor(d.INK)
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
        for (_, width), lines in zip(columns, cells):
            # the cell's lines centred in the row, each line's pitch 1.2 times its size
            pitches = [size * 1.2 for _, size, _ in lines]
            block = sum(pitches) - (pitches[-1] - lines[-1][1] * 0.7 if lines else 0)
            base = y - (row.height - block) / 2 - (lines[0][1] * 0.7 if lines else 0)
            for (line, size, colour), pitch in zip(lines, pitches):
                canvas.setFillColor(colour)
                d.draw(canvas, x + 4, base, line, size, "sans")
                base -= pitch
            x += width
        y -= row.height
    x = MARGIN
    for _, width in columns[:-1]:
        x += width
        canvas.line(x, top, x, y)
    canvas.rect(MARGIN, y, PAGE_W - 2 * MARGIN, top - y, stroke=1, fill=0)
    return y


def _attestation(canvas, y: float, lang: str = "en", online: bool = False) -> None:
    canvas.setFillColor(d.INK)
    d.draw(canvas, MARGIN, y, tr(lang, "Monitor's attestation: I checked the times on this page against the meeting "
                                       "platform's attendance report.") if online else
           tr(lang, "Monitor's attestation: I was present throughout and confirm that the times in "
                    "and out on this page are correct."), 10, "sans")
    y -= 30
    canvas.setStrokeColor(d.INK)
    canvas.setLineWidth(0.6)
    for label, x0, x1 in ((N_("Monitor's name"), MARGIN, MARGIN + 250), (N_("Signature"), MARGIN + 280, MARGIN + 530),
                          (N_("Date"), MARGIN + 560, PAGE_W - MARGIN)):
        canvas.line(x0, y, x1, y)
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, x0, y - 11, tr(lang, label), 8, "sans")
