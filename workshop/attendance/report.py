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
    display: str = ""
    bracket: str = ""
    bracket_kind: str = ""
    phone: bool = False


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


@dataclass(frozen=True)
class Name:
    """A report's display name read: what to print, what to match, and what was beside it."""

    name: str  # the name to print (for a dial-in, the number: for messages only, never printed)
    names: tuple[str, ...]  # every name to match by
    display: str = ""  # the name outside the bracket, as written
    bracket: str = ""
    bracket_kind: str = ""
    phone: bool = False
    problem: str = ""  # a name that cannot be read one way only (said at the row)


_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "xe", "xem", "xyr",
             "ze", "zir", "hir", "any", "all", "ey", "em", "ella", "el", "él", "elle", "il", "pronouns"}
_DEVICES = re.compile(r"\b(i?phone|ipad|iphone|android|galaxy|pixel|laptop|desktop|tablet|macbook|mac|pc|"
                      r"chromebook|surface|kindle|computer|mobile|cell|zoom ?room|device|ipod|windows)\b|'s\b|’s\b",
                      re.IGNORECASE)
# Lower-case letters a credential may hold: PhD, PsyD, EdD, MEd, MSc.
_CREDENTIAL = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Za-z][A-Za-z.\-]*[0-9IVX]*\.?$")
_PHONE = re.compile(r"^\+?[\d\s().\-]{7,}$")
_CALL_IN = re.compile(r"^(call[\s-]?in|dial[\s-]?in|phone|telephone|unknown caller)(\s*user)?([\s_#-]*\d+)?$",
                      re.IGNORECASE)


def is_phone(text: str) -> bool:
    """A dial-in's "name": a phone number (``14045550100``, ``+1 404-555-0199``) or "Call-in user"."""
    text = text.strip()
    return (bool(_PHONE.match(text)) and sum(c.isdigit() for c in text) >= 7) or bool(_CALL_IN.match(text))


def _credentials(text: str) -> bool:
    """Whether every word of ``text`` is a credential: "LCSW, LCADC", "Ph.D.", "LPC-S", "MSW/LCSW"."""
    words = [w for w in re.split(r"[\s,;/&]+", text.strip()) if w]
    if not words:
        return False
    for word in words:
        letters = [c for c in word if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        if not _CREDENTIAL.match(word) or upper * 2 < len(letters):
            return False
    return True


def _bracket_kind(text: str) -> str:
    """What a bracket after a name holds: "pronouns", "device", "credentials", "original name"
    (two or more words of a name: Zoom's rename) or "other"."""
    words = [w.casefold() for w in re.split(r"[\s/,]+", text.strip()) if w]
    if "/" in text and words and all(w.strip(".") in _PRONOUNS for w in words):
        return "pronouns"
    if words and words[0] == "pronouns":
        return "pronouns"
    if _DEVICES.search(text) or re.match(r"^[A-Z]+-[A-Z0-9]{4,}$", text.strip()):  # DESKTOP-4F3K2Q
        return "device"
    if _credentials(text):
        return "credentials"
    if len(re.findall(r"[^\W\d_]+", text)) >= 2:
        return "original name"
    return "other"


def read_name(cell: str, flip: bool = False) -> Name:
    """A report's display name read as a person's name.

    A bracket after the name is kept apart (:class:`Name` ``bracket``) and named by kind: credentials
    ("Ann Lee (LCSW, LCADC)"), pronouns ("(she/her)") and devices ("(Maria's iPad)") are not the
    name, which is the text outside; Zoom's rename "New Name (Original Name)" prints the original
    (account) name and matches by both. Credentials after a comma ("Ann Lee, LCSW") are kept apart
    the same way. A phone number or "Call-in user" is a dial-in, never a name. With ``flip`` (a
    Teams directory name), "Lee, Ann" is "Ann Lee"; a name with more commas than that cannot be
    read one way only and is a ``problem``."""
    cell = plain_name(cell)
    if is_phone(cell):  # the number is kept for messages; it matches no one (no names) and prints nowhere
        return Name(cell, (), cell, phone=True)
    display, bracket, kind = cell, "", ""
    while match := re.match(r"^(.*\S)\s*\(([^()]+)\)$", display):
        this = _bracket_kind(match.group(2).strip())
        if kind and (kind == "original name" or this == "original name"):
            break  # "Bo (Robert Diaz) (LCSW)": the rename is read, the rest stays in the name
        display = match.group(1).strip()
        bracket = "; ".join(b for b in (match.group(2).strip(), bracket) if b)
        kind = this if not kind or kind == this else "other"
        if is_phone(display):
            return Name(cell, (), cell, bracket, kind, phone=True)
    parts = [p.strip() for p in display.split(",")]
    while len(parts) > 1 and _credentials(parts[-1]):  # "Ann Lee, LCSW, LCADC"
        bracket = ", ".join(([parts[-1]] + ([bracket] if bracket else [])))
        kind = kind if kind and kind != "credentials" else "credentials"
        parts.pop()
    display = ", ".join(parts)
    problem = ""
    if len(parts) == 2 and all(parts) and flip:
        display = f"{parts[1]} {parts[0]}"  # "Lee, Ann" as the directory writes it: Ann Lee
    elif len(parts) > 1 and flip:
        problem = (f"the name {cell!r} cannot be read as one person's name (a directory's \"Last, First\" has one "
                   "comma); give a roster with this person's name and email, or correct the name in Teams")
    if kind == "original name":
        return Name(bracket, (display, bracket), display, bracket, kind, problem=problem)
    return Name(display, (display,), display, bracket, kind, problem=problem)


def renamed(cell: str) -> tuple[str, tuple[str, ...]]:
    """Zoom's "Display (Original Name)": the name to print and the names to match (see :func:`read_name`)."""
    read = read_name(cell)
    return read.name, read.names


def read_report(path: Path, day: dt.date, *, date_order: str | None = None, language: str | None = None) -> Report:
    """Read one report given with ``--attendance``; raise :class:`InputError` for an unknown format,
    a damaged file or an unreadable time. ``day`` is the workshop's date. A date that reads two
    ways (03/04/2026) is read by what the file shows (see :mod:`workshop.attendance.clock`), else by
    ``language`` (the outline's language tag, "en-US"), else by ``date_order`` ("month-first" or
    "day-first", as settled in the decisions file), else refused. A ``date_order`` the file's
    own dates contradict is refused at those dates."""
    from workshop.attendance import teams

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
    separator = "\t" if "\t" in first or teams.looks_like(text) else ","
    return _read_table(Table(shown, _rows(text, separator), warnings=warnings), day,
                       f"its first line is {_short(first)}", **how)


#: The platforms' US layouts of a date and time: a file in one of them is month first.
US_LAYOUT = {"Microsoft Teams attendance report": re.compile(r"^\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2}:\d{2} [AP]M$"),
             "Zoom webinar attendee report": re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} [AP]M$"),
             "Zoom meeting participants report": re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} [AP]M$")}


def _read_table(table: Table, day: dt.date, first: str, **how) -> Report:
    from workshop.attendance import teams, zoom

    shown = table.shown
    for kind, reader in (("Microsoft Teams attendance report", teams.read),
                         ("Zoom webinar attendee report", zoom.read_webinar),
                         ("Zoom meeting participants report", zoom.read_meeting)):
        raws = reader(table)
        if raws is not None:
            return _finish(table, kind, raws, Stamps(day, known=US_LAYOUT[kind], name=Path(shown).name, **how))
    raise InputError(Problem(Src(shown, 1, 1), f"not an attendance report this tool reads ({first}); give a Zoom meeting participants report, a Zoom "
                                               "webinar attendee report or a Microsoft Teams attendance report as "
                                               "downloaded, or a roster with 'time in' and 'time out' columns"))


def _xlsx_rows(path: Path, shown: str, warnings: list[str]) -> list[tuple[int, list[str]]]:
    """The workbook's rows as a downloaded report's text would have them: dates and times written out
    (ISO, so no day-month order is guessed), whole numbers without ".0"."""
    from workshop.workbook import sheet_rows

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
