"""One attendance report: what a meeting platform says about who was present and when.

:func:`read_report` finds the format from the file itself (never from its name), hands the text
to the reader for that format, and turns its rows into :class:`Join` values: one stretch of
presence by one person, with the file and line it came from. A file in no known format is named
with its first line; a time that cannot be read is named with its row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from workshop.attendance.clock import Stamps
from workshop.attendance.table import Raw, Table
from workshop.attendance.teams import looks_like as teams_looks_like
from workshop.attendance.teams import read as read_teams
from workshop.attendance.zoom import read_meeting, read_webinar
from workshop.errors import InputError, Problem, Src, display_path
from workshop.rostercsv import decode
from workshop.workbook import sheet_rows

@dataclass(frozen=True)
class Join:
    """One stretch of presence (or of waiting, when ``waiting``) by one person."""

    source: str  # the report as the user named it
    line: int
    name: str  # the name to print for someone known only from the report
    names: tuple[str, ...]  # every name the row gives (display and original), for matching
    email: str
    start: dt.datetime
    end: dt.datetime
    staff: bool = False  # host, organizer, presenter or panelist
    waiting: bool = False  # in the waiting room: not presence
    # The display name as the row gives it, read (see :func:`read_name`): ``display`` is the name
    # outside any bracket ("Ann Lee" of "Ann Lee (LCSW, LCADC)"), ``bracket`` the text inside it,
    # ``bracket_kind`` what that text is: "credentials", "pronouns", "device", "original name"
    # (Zoom's "New Name (Original Name)", where ``name`` is the original), "other", or "".
    display: str = ""
    bracket: str = ""
    bracket_kind: str = ""
    phone: bool = False  # a dial-in: the "name" is a phone number or "Call-in user", never a name

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


@dataclass(frozen=True)
class Report:
    source: str
    kind: str  # "Zoom meeting report", ...
    joins: tuple[Join, ...]  # every row with a name (dial-ins are in ``phones``)
    warnings: tuple[str, ...] = ()
    online: bool = True  # from a meeting platform (not a typed-up sign-in sheet)
    phones: tuple[Join, ...] = ()  # the dial-in rows (``phone`` set): presence of no one known by name

    def covers(self) -> str:
        """"2026-10-07 17:55-21:02": the span of the report's times, for messages."""
        if not self.joins:
            return "no times"
        first, last = min(j.start for j in self.joins), max(j.end for j in self.joins)
        end = f"{last:%H:%M}" if last.date() == first.date() else f"{last:%Y-%m-%d %H:%M}"
        return f"{first:%Y-%m-%d %H:%M}-{end}"


def read_report(path: Path, day: dt.date, *, date_order: str | None = None, language: str | None = None) -> Report:
    """Read one report given with ``--attendance``; raise :class:`InputError` for an unknown format,
    a damaged file or an unreadable time. ``day`` is the workshop's date. A date that reads two
    ways (03/04/2026) is read by what the file shows (see :mod:`workshop.attendance.clock`), else by
    ``language`` (the outline's language tag, "en-US"), else by ``date_order`` ("month-first" or
    "day-first", as settled in the decisions file), else refused. A ``date_order`` the file's
    own dates contradict is refused at those dates."""
    shown = display_path(path)
    if date_order is not None and date_order not in ("month-first", "day-first"):
        raise InputError(Problem(Src(shown), f"date_order is {date_order!r}; write month-first (03/04/2026 is "
                                             "March 4) or day-first (03/04/2026 is 3 April)"))
    if not Path(path).is_file():
        raise InputError(Problem(Src(shown), "attendance report not found"))
    how = dict(date_order=date_order, language=language)
    warnings: list[str] = []
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):  # a report opened in Excel and saved as a workbook
        table = Table(shown, _xlsx_rows(Path(path), shown, warnings), warnings=warnings)
        first = next((", ".join(c for c in cells if c) for _, cells in table.rows if any(cells)), "")
        return _read_table(table, day, f"its first row is {_short(first)}", **how)
    try:
        text = decode(Path(path).read_bytes(), shown, warnings)
    except InputError as exc:  # the decoder speaks of rosters; this file was given as a report
        raise InputError([Problem(p.src, p.message.replace("the roster", "the report"), p.path)
                          for p in exc.problems]) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = next((line for line in text.split("\n") if line.strip()), "")
    separator = "\t" if "\t" in first or teams_looks_like(text) else ","
    return _read_table(Table(shown, _rows(text, separator), warnings=warnings), day,
                       f"its first line is {_short(first)}", **how)


#: The platforms' US layouts of a date and time: a file in one of them is month first.
US_LAYOUT = {"Microsoft Teams attendance report": re.compile(r"^\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2}:\d{2} [AP]M$"),
             "Zoom webinar attendee report": re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} [AP]M$"),
             "Zoom meeting participants report": re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} [AP]M$")}


def _read_table(table: Table, day: dt.date, first: str, **how) -> Report:
    shown = table.shown
    for kind, reader in (("Microsoft Teams attendance report", read_teams),
                         ("Zoom webinar attendee report", read_webinar),
                         ("Zoom meeting participants report", read_meeting)):
        raws = reader(table)
        if raws is not None:
            return _finish(table, kind, raws, Stamps(day, known=US_LAYOUT[kind], name=Path(shown).name, **how))
    raise InputError(Problem(Src(shown, 1, 1), f"not an attendance report this tool reads ({first}); give a Zoom meeting participants report, a Zoom "
                                               "webinar attendee report or a Microsoft Teams attendance report as "
                                               "downloaded, or a roster with 'time in' and 'time out' columns"))


def _xlsx_rows(path: Path, shown: str, warnings: list[str]) -> list[tuple[int, list[str]]]:
    """The workbook's rows as a downloaded report's text would have them: dates and times written out
    (ISO, so no day-month order is guessed), whole numbers without ".0"."""
    rows = []
    for number, row in enumerate(sheet_rows(path, shown, warnings), start=1):
        rows.append((number, [_cell_text(value) for value in row]))
    while rows and not any(rows[-1][1]):
        rows.pop()
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _short(text: str) -> str:
    text = text.replace("\t", " ").strip()
    return repr(text if len(text) <= 70 else text[:69] + "…")


def _rows(text: str, separator: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, [c.strip() for c in cells]))
    except csv.Error:
        pass  # the rows read so far stand; a broken quote shows as a row the reader refuses
    return rows


def _finish(table: Table, kind: str, raws: list[Raw], stamps: Stamps) -> Report:
    for raw in raws:
        for column, text in (("join time", raw.start), ("leave time", raw.end)):
            if not stamps.add(text):
                table.bad(raw.line, f"cannot read the {column} {text!r} of {raw.name or 'this row'}; expected a "
                                    "date and time like 10/07/2026 06:09:00 PM")
    order, note = stamps.order()
    if order is None:
        table.bad(raws[0].line, note)
        raise InputError(table.problems)
    if note:
        table.warnings.append(f"{table.shown}: {note}")
    joins, phones = [], []
    for raw in raws:
        start, end = stamps.get(raw.start, order), stamps.get(raw.end, order)
        if start is None or end is None:
            if stamps.parts.get(raw.start.strip()) and stamps.parts.get(raw.end.strip()):
                settled = " as date_order settles it" if stamps.date_order else ""
                table.bad(raw.line, f"the date in {raw.start!r} or {raw.end!r} is not a date read {order}{settled}")
            continue
        if end < start:
            table.bad(raw.line, f"{raw.name} leaves ({raw.end}) before joining ({raw.start}); "
                                "download the report again")
            continue
        join = Join(table.shown, raw.line, raw.name, raw.names, raw.email.strip().casefold(), start, end,
                    raw.staff, raw.waiting, raw.display or raw.name, raw.bracket, raw.bracket_kind, raw.phone)
        (phones if raw.phone else joins).append(join)
    if table.problems:
        raise InputError(table.problems)
    return Report(table.shown, kind, tuple(joins), tuple(table.warnings), phones=tuple(phones))
