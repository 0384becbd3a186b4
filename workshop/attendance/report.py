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
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from workshop.attendance.clock import Stamps
from workshop.errors import InputError, Problem, Src, display_path
from workshop.rostercsv import decode

# What a platform adds to a display name: Teams marks guests, Zoom marks phone and guest joins.
_SUFFIX = re.compile(r"\s*\((?:external|unverified|guest|extern|externe|invitado)\)\s*$", re.IGNORECASE)


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

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


@dataclass
class Raw:
    """A report row as a reader found it, its times still text."""

    line: int
    name: str
    names: tuple[str, ...]
    email: str
    start: str
    end: str
    staff: bool = False
    waiting: bool = False


@dataclass(frozen=True)
class Report:
    source: str
    kind: str  # "Zoom meeting report", ...
    joins: tuple[Join, ...]
    warnings: tuple[str, ...] = ()
    online: bool = True  # from a meeting platform (not a typed-up sign-in sheet)

    def covers(self) -> str:
        """"2026-10-07 17:55-21:02": the span of the report's times, for messages."""
        if not self.joins:
            return "no times"
        first, last = min(j.start for j in self.joins), max(j.end for j in self.joins)
        end = f"{last:%H:%M}" if last.date() == first.date() else f"{last:%Y-%m-%d %H:%M}"
        return f"{first:%Y-%m-%d %H:%M}-{end}"


@dataclass
class Table:
    """A report's text as rows of cells, each with its line number in the file."""

    shown: str
    rows: list[tuple[int, list[str]]]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def bad(self, line: int, message: str) -> None:
        self.problems.append(Problem(Src(self.shown, line, 1), message))


def key(text: str) -> str:
    """A header cell compared without case, spaces or punctuation: "Join Time" is "jointime"."""
    return re.sub(r"[\W_]+", "", text.casefold())


def plain_name(name: str) -> str:
    """A display name without the platform's marks: "Ann Lee (External)" is "Ann Lee"."""
    name = " ".join(name.split())
    while True:
        shorter = _SUFFIX.sub("", name)
        if shorter == name:
            return name
        name = shorter


def name_key(name: str) -> str:
    """A name compared without case, accents, punctuation or word order ("Lee, Ann" is "Ann Lee")."""
    text = unicodedata.normalize("NFKD", plain_name(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(sorted(re.sub(r"[^\w]+", " ", text).split()))


def renamed(cell: str) -> tuple[str, tuple[str, ...]]:
    """Zoom's "Display (Original Name)": the original (account) name to print, and both to match.
    A bracket holding pronouns ("Ann Lee (she/her)") or one word ("Ben Ko (LCSW)") is part of the
    display name, not a name."""
    cell = plain_name(cell)
    match = re.match(r"^(.*\S)\s*\(([^()]+)\)$", cell)
    if not match or "/" in match.group(2):
        return cell, (cell,)
    display, original = match.group(1).strip(), match.group(2).strip()
    if len(re.findall(r"[^\W\d_]+", original)) < 2:
        # One word in the bracket ("Ben Ko (LCSW)", "Cy Dee (iPhone)") is a note on the display
        # name, not an account name: the name prints as written and matches either way.
        return cell, (cell, display)
    return original, (display, original)


def read_report(path: Path, day: dt.date) -> Report:
    """Read one report given with ``--attendance``; raise :class:`InputError` for an unknown format,
    a damaged file or an unreadable time. ``day`` is the workshop's date (it settles a date
    order the file leaves open)."""
    from workshop.attendance import teams

    shown = display_path(path)
    if not Path(path).is_file():
        raise InputError(Problem(Src(shown), "attendance report not found"))
    warnings: list[str] = []
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):  # a report opened in Excel and saved as a workbook
        table = Table(shown, _xlsx_rows(Path(path), shown, warnings), warnings=warnings)
        first = next((", ".join(c for c in cells if c) for _, cells in table.rows if any(cells)), "")
        return _read_table(table, day, f"its first row is {_short(first)}")
    try:
        text = decode(Path(path).read_bytes(), shown, warnings)
    except InputError as exc:  # the decoder speaks of rosters; this file was given as a report
        raise InputError([Problem(p.src, p.message.replace("the roster", "the report"), p.path)
                          for p in exc.problems]) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = next((line for line in text.split("\n") if line.strip()), "")
    separator = "\t" if "\t" in first or teams.looks_like(text) else ","
    return _read_table(Table(shown, _rows(text, separator), warnings=warnings), day, f"its first line is {_short(first)}")


def _read_table(table: Table, day: dt.date, first: str) -> Report:
    from workshop.attendance import teams, zoom

    shown = table.shown
    for kind, reader in (("Microsoft Teams attendance report", teams.read),
                         ("Zoom webinar attendee report", zoom.read_webinar),
                         ("Zoom meeting participants report", zoom.read_meeting)):
        raws = reader(table)
        if raws is not None:
            return _finish(table, kind, raws, day)
    raise InputError(Problem(Src(shown, 1, 1), f"not an attendance report this tool reads ({first}); give a Zoom meeting participants report, a Zoom "
                                               "webinar attendee report or a Microsoft Teams attendance report as "
                                               "downloaded, or a roster with 'time in' and 'time out' columns"))


def _xlsx_rows(path: Path, shown: str, warnings: list[str]) -> list[tuple[int, list[str]]]:
    """The workbook's rows as a downloaded report's text would have them: dates and times written out
    (ISO, so no day-month order is guessed), whole numbers without ".0"."""
    from workshop.roster import _xlsx_rows as sheet_rows

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


def _finish(table: Table, kind: str, raws: list[Raw], day: dt.date) -> Report:
    stamps = Stamps(day)
    for raw in raws:
        for column, text in (("join time", raw.start), ("leave time", raw.end)):
            if not stamps.add(text):
                table.bad(raw.line, f"cannot read the {column} {text!r} of {raw.name or 'this row'}; expected a "
                                    "date and time like 10/07/2026 06:09:00 PM")
    order, note = stamps.order()
    if note:
        table.warnings.append(f"{table.shown}: {note}")
    joins = []
    for raw in raws:
        start, end = stamps.get(raw.start, order), stamps.get(raw.end, order)
        if start is None or end is None:
            if stamps.parts.get(raw.start.strip()) and stamps.parts.get(raw.end.strip()):
                table.bad(raw.line, f"the date in {raw.start!r} or {raw.end!r} is not a date read {order}")
            continue
        if end < start:
            table.bad(raw.line, f"{raw.name} leaves ({raw.end}) before joining ({raw.start}); "
                                "download the report again")
            continue
        joins.append(Join(table.shown, raw.line, raw.name, raw.names, raw.email.strip().casefold(), start, end,
                          raw.staff, raw.waiting))
    if table.problems:
        raise InputError(table.problems)
    return Report(table.shown, kind, tuple(joins), tuple(table.warnings))
