"""The attendee roster: a CSV file or an .xlsx workbook, one attendee a row.

Every problem row is reported in one run with the row number a spreadsheet shows (the header is
row 1). A row is never dropped or printed wrong silently; wholly blank rows are skipped. Headers
are matched by meaning, not spelling ("E-mail", "Email Address" and "email" are one column), and
every column that is not used is named in a warning.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from pathlib import Path

from workshop.errors import InputError, Problem, Src, display_path
from workshop.pdfdraw import clean, unprintable
from workshop.quiz.score import ScoreError, parse_score
from workshop.rostercsv import csv_rows
from workshop.schedule import hours as shown_hours

# Header spellings, compared with case, spaces and punctuation removed ("License #" is "license").
# Registration exports (Eventbrite, Zoom, Google Forms) split the name into first and last.
HEADERS = {
    "name": ("name", "fullname", "attendeename", "participantname", "yourname", "yourfullname"),
    # A registration form's "Name as it should appear on your certificate" (see _field).
    "certificate name": ("nameoncertificate", "certificatename", "nameforcertificate", "nameonyourcertificate"),
    "first": ("firstname", "first", "givenname", "forename", "attendeefirstname"),
    "last": ("lastname", "last", "surname", "familyname", "attendeelastname"),
    "email": ("email", "emailaddress", "mail", "attendeeemail", "youremail", "youremailaddress"),
    "license": ("license", "licence", "licensenumber", "licencenumber", "licenseno", "licenceno", "licensenum",
                "licenseid", "licensetypeandnumber", "licensetypenumber"),
    "hours": ("hours", "cehours", "hoursearned", "cehoursearned", "contacthours", "cecontacthours",
              "hoursattended", "credithours", "cecredithours"),
    "attended": ("attended", "attendedyn", "attendedyesno", "didattend", "attendance", "attendancestatus",
                 "present", "attendeestatus", "status", "checkedin", "checkin", "checkinstatus"),
    "score": ("score", "quizscore", "testscore", "posttestscore", "knowledgecheck", "knowledgecheckscore"),
    "time in": ("timein", "signintime", "timesignedin", "arrivaltime", "timearrived", "checkintime"),
    "time out": ("timeout", "signouttime", "timesignedout", "departuretime", "timeleft", "checkouttime"),
}
_FIELD = {spelling: field for field, spellings in HEADERS.items() for spelling in spellings}
_WHAT = {"name": "the name", "certificate name": "the name for the certificate", "first": "the first name", "last": "the last name", "email": "the email",
         "license": "the license", "hours": "the hours", "attended": "whether they attended",
         "score": "the knowledge-check score", "time in": "the time in", "time out": "the time out"}
# Attendance marks, compared as _key() reads them ("Checked In" is "checkedin").
NO = {"no", "n", "false", "0", "absent", "notattending", "noshow", "didnotattend", "notattended", "notcheckedin",
      "cancelled", "canceled", "refunded", "deleted", "declined"}
YES = {"yes", "y", "true", "1", "x", "present", "attended", "checkedin"}
# What a registration export says of a ticket or a sign-up (Eventbrite's Attendee Status "Attending",
# a form's "Registered"): someone who holds a place, which is not someone who came.
REGISTERED = {"attending", "registered", "going", "confirmed", "booked", "approved", "pending", "waitlisted",
              "waitlist", "paid", "rsvpd", "rsvpyes", "enrolled", "signedup", "ticketed", "ordercompleted"}
#: The day a spreadsheet gives a cell that holds only a time (Excel's and LibreOffice's epochs).
EXCEL_TIME_ONLY = {(1899, 12, 30), (1899, 12, 31), (1900, 1, 1)}
#: One plain address: local part, @, a domain with a dot; no spaces, commas, semicolons or brackets.
_ONE_ADDRESS = re.compile(r"[^@\s,;<>()\[\]\"]+@[^@\s,;<>()\[\]\"']+\.[^@\s,;<>()\[\]\"'.]+")
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"


@dataclass(frozen=True)
class Attendee:
    row: int
    name: str
    email: str = ""
    license: str = ""
    hours: Decimal | None = None  # partial hours as printed (rounded down); None means the full award
    attended: bool = True
    score: Decimal | None = None  # knowledge-check percentage; None when not taken
    time_in: int | None = None  # seconds after midnight, from a 'time in' column
    time_out: int | None = None
    present: int | None = None  # instructional minutes present, once attendance is worked out
    missed: int | None = None  # instructional minutes missed

    @property
    def due(self) -> bool:
        """Whether this attendee gets a certificate: attended, and not rounded down to no hours."""
        return self.attended and (self.hours is None or self.hours > 0)


@dataclass(frozen=True)
class Roster:
    source: Path
    attendees: tuple[Attendee, ...]
    warnings: tuple[str, ...] = ()
    scored: bool = False  # the roster has a score column
    timed: bool = False  # the roster has 'time in' and 'time out' columns

    @property
    def eligible(self) -> tuple[Attendee, ...]:
        return tuple(a for a in self.attendees if a.due)


def read_roster(path: Path, max_hours: Decimal | None, name_face: str = "serif", *,
                increment: Decimal | None = None, start: int | None = None) -> Roster:
    """Read and check the roster; ``max_hours`` is the full CE award (None without a ce block).

    Partial hours are rounded down to a multiple of ``increment`` (the outline's ``ce.increment``)
    the way the workshop's own hours are; each rounding, and each attendee left with no hours and
    so no certificate, is named in the roster's warnings. ``start`` is the workshop's start (minutes
    after midnight): with it, typed times that end before the workshop starts are refused along
    with every other problem of the sheet, in one run."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise InputError(Problem(Src(shown), "roster file not found"))
    warnings: list[str] = []
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path, shown, warnings)
    elif path.suffix.lower() in (".csv", ".txt", ".tsv", ""):
        rows = csv_rows(path, shown, warnings, known=lambda title: _field(title) is not None)
    else:
        raise InputError(Problem(Src(shown), f"a roster is a .csv or .xlsx file, not {path.suffix}"))
    if not rows:
        raise InputError(Problem(Src(shown), "the roster is empty; it needs a header row with a 'name' column"))
    columns = _columns([_text(h) for h in rows[0]], rows[1:], shown, warnings)
    problems: list[Problem] = []
    unprintable_cells: list = []  # told together, one problem for each script no font has
    attendees = []
    # A column that only marks who came ("yes", "x", "present", never "no") is a checklist: a blank
    # there could mean absent, so it is refused rather than read as yes.
    given = [_text(_at(row, columns.get("attended"))) for row in rows[1:]] if "attended" in columns else []
    marks = "" if any(_key(v) in NO for v in given) else next((v for v in given if _key(v) in YES), "")
    registered = [(n, v) for n, v in enumerate(given, start=2) if _key(v) in REGISTERED]
    if registered and not any(_key(v) in YES for v in given):
        # Eventbrite's attendee export says "Attending" of every ticket holder, before and after the
        # day: a column of registration statuses says who signed up, not who came.
        title = _text(rows[0][columns["attended"]])
        statuses = ", ".join(repr(v) for v in dict.fromkeys(v for _, v in registered))
        raise InputError(Problem(Src(shown), f"the column {title!r} holds registration statuses ({statuses}), not "
                                 "attendance: holding a ticket or a place is not having come. Add an 'Attended' "
                                 "column (yes or no for each person), or give the check-in export instead "
                                 "(Eventbrite: the attendee report after check-in, where those who came say "
                                 "'Checked In')", f"row {registered[0][0]}, {title}"))
    for number, row in enumerate(rows[1:], start=2):
        if not any(_text(value) for value in row):
            continue
        reading = _Row(number, shown, problems, warnings, text_file=path.suffix.lower() not in (".xlsx", ".xlsm"),
                       start=start, unprintable=unprintable_cells)
        attendee = reading.attendee(row, columns, max_hours, increment, name_face, marks)
        if attendee is not None:
            attendees.append(attendee)
    from workshop.printable import unprintable_problems

    problems += unprintable_problems(unprintable_cells)
    problems += _duplicates(attendees, shown, warnings)
    if not attendees and not problems:
        problems.append(Problem(Src(shown), "the roster has a header row but no attendees; is it the right file "
                                            "(or the right sheet)? Leave out --roster to build without certificates"))
    if problems:
        raise InputError(problems)
    return Roster(path.resolve(), tuple(attendees), tuple(warnings), scored="score" in columns,
                  timed="time in" in columns)


def _duplicates(attendees: list[Attendee], shown: str, warnings: list[str]) -> list[Problem]:
    """One person on two rows would get two certificates: refused when the name and email agree;
    the same name with no email may be two people, and is named in a warning."""
    problems = []
    first: dict[tuple[str, str], Attendee] = {}
    for a in attendees:
        key = (" ".join(a.name.casefold().split()), a.email.casefold())
        earlier = first.setdefault(key, a)
        if earlier is a:
            continue
        if a.email:
            problems.append(Problem(Src(shown), f"{a.name} <{a.email}> is also on row {earlier.row}; one person "
                                                "gets one certificate: delete one of the rows",
                                    f"row {a.row}, name"))
        else:
            warnings.append(f"{shown}: rows {earlier.row} and {a.row} both name {a.name} with no email, so each "
                            "gets a certificate; if they are one person, delete a row")
    return problems


def _key(header: str) -> str:
    return re.sub(r"[\W_]+", "", header.casefold())


def _field(title: str) -> str | None:
    """The field a column title gives, or None: a title that asks for the name as the certificate
    should show it ("Name as it should appear on your certificate") is the certificate name."""
    key = _key(title)
    if key in _FIELD:
        return _FIELD[key]
    if "certificate" in key and "name" in key:
        return "certificate name"
    return None


def _columns(header: list[str], rows: list[list], shown: str, warnings: list[str]) -> dict[str, int]:
    """Which column gives each field; the header problems; a warning naming every unused column."""
    found: dict[str, list[int]] = {}
    for index, title in enumerate(header):
        field = _field(title)
        if field:
            found.setdefault(field, []).append(index)
    problems = [Problem(Src(shown), f"columns {_names(header, found[f])} "
                                    f"{'both' if len(found[f]) == 2 else 'all'} give {_WHAT[f]}; keep one of "
                                    "them and rename or delete the others", "row 1")
                for f in HEADERS if len(found.get(f, ())) > 1]
    columns = {f: found[f][0] for f in HEADERS if f in found}
    if "certificate name" in columns:
        # The form asked each person how their name should print: that answer is the name, and
        # the account's or the other name column is only a stand-in for a blank answer.
        others = [columns.pop(p) for p in ("name", "first", "last") if p in columns]
        shown_others = others
        if "name" in found and len(others) > 1:
            others = others[:1]  # the full name; first and last beside it are the same person's parts
        if others:
            warnings.append(f"{shown}: the name printed comes from {header[columns['certificate name']]!r} (as each "
                            f"person asked it to appear on the certificate), not from {_names(header, shown_others)}; "
                            f"{_names(header, others)} {'is' if len(others) == 1 else 'are'} used only where "
                            "that answer is blank")
            columns["other names"] = others  # type: ignore[assignment]
        columns["name"] = columns.pop("certificate name")
    if "name" in columns and ("first" in columns or "last" in columns):
        parts = [columns.pop(p) for p in ("first", "last") if p in columns]
        warnings.append(f"{shown}: the name comes from {header[columns['name']]!r}; "
                        f"{_names(header, parts)} not used")
    if ("time in" in columns) != ("time out" in columns):
        has, lacks = ("time in", "time out") if "time in" in columns else ("time out", "time in")
        problems.append(Problem(Src(shown), f"the header has a {has} column ({header[columns[has]]!r}) but no "
                                            f"{lacks} column; add a '{lacks}' column so that the time each "
                                            "attendee was present can be worked out", "row 1"))
    if "name" not in columns and not ("first" in columns and "last" in columns):
        if "first" in columns or "last" in columns:
            has, lacks = ("first", "last") if "first" in columns else ("last", "first")
            problems.append(Problem(Src(shown), f"the header has a {has} name column ({header[columns[has]]!r}) "
                                                f"but no {lacks} name column; a certificate needs the full "
                                                f"name: add a '{lacks.title()} Name' column, or one 'name' "
                                                "column with the full name", "row 1"))
        else:
            titles = ", ".join(repr(h) for h in header if h) or "nothing"
            problems.append(Problem(Src(shown), f"no name column in the header (found: {titles}); call the "
                                                "column with the full name 'name', or use 'First Name' and "
                                                "'Last Name' columns", "row 1"))
    if problems:
        raise InputError(problems)
    used = {indexes[0] for indexes in found.values()}  # first and last beside a name have their own warning
    width = max([len(header)] + [len(r) for r in rows])
    unused = [header[i] if i < len(header) and header[i] else f"column {_letter(i)} (no heading)"
              for i in range(width) if i not in used
              and ((i < len(header) and header[i]) or any(_text(_at(r, i)) for r in rows))]
    if unused:
        warnings.append(f"{shown}: columns not used: {', '.join(unused)}")
    return columns


def _names(header: list[str], indexes: list[int]) -> str:
    quoted = [repr(header[i]) for i in indexes]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1] if len(quoted) > 1 else quoted[0]


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _at(row, index: int | None):
    return row[index] if index is not None and index < len(row) else None


def _text(value) -> str:
    """A cell as text. A spreadsheet number is read to six decimals, so a formula's 0.2999999999999998
    is the 0.3 the sheet shows."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        value = round(value, 6)
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


class _Row:
    """One data row read into an :class:`Attendee`, its problems and warnings collected."""

    def __init__(self, number: int, shown: str, problems: list[Problem], warnings: list[str], text_file: bool,
                 start: int | None = None, unprintable: list | None = None):
        self.number, self.shown, self.problems, self.warnings = number, shown, problems, warnings
        self.text_file = text_file  # a CSV, where a stray quote can pull rows into one cell
        self.start = start  # the workshop's start, minutes after midnight, when known
        self.unprintable = [] if unprintable is None else unprintable

    def bad(self, column: str, message: str) -> None:
        self.problems.append(Problem(Src(self.shown), message, f"row {self.number}, {column}"))

    def attendee(self, row, columns: dict[str, int], max_hours: Decimal | None, increment: Decimal | None,
                 face: str, marks: str) -> Attendee | None:
        cell = {field: _text(_at(row, index)) for field, index in columns.items() if field != "other names"}
        before = len(self.problems)
        if "name" in columns and not cell["name"] and columns.get("other names"):
            # the certificate-name answer left blank: the form's other name stands in, and says so
            stand_in = " ".join(p for p in (_text(_at(row, i)) for i in columns["other names"]) if p)
            cell["name"] = stand_in
            if stand_in:
                self.warnings.append(f"{self.shown}: row {self.number}: the certificate-name answer is blank; "
                                     f"printed the name {stand_in!r} from the form's other name column")
        if "name" in columns:
            name = self.one_line("name", cell["name"])
        else:
            name = " ".join(p for p in (self.one_line(f"{f} name", cell[f]) for f in ("first", "last")) if p)
        if len(self.problems) > before:
            pass  # the name's cell is already reported
        elif not name:
            self.bad("name", "the name is blank; every attendee needs the name to print on the certificate")
        else:
            self.printable("name", name, face)
        email = self.one_line("email", cell.get("email", ""))
        if email and not _ONE_ADDRESS.fullmatch(email):
            self.bad("email", f"{email!r} is not one e-mail address: a certificate is sent to one person, and the "
                              "address says who the certificate belongs to. Write one address such as "
                              "ann@example.org (no names, no lists), or leave it blank")
        license_ = self.one_line("license", cell.get("license", ""))
        self.printable("license", license_, face)
        attended = self.attended(cell.get("attended", ""), marks)
        earned = self.hours(cell.get("hours", ""), max_hours, increment, name)
        try:
            score = parse_score(cell.get("score", ""))
        except ScoreError as exc:
            self.bad("score", str(exc))
            score = None
        time_in, time_out = self.times(_at(row, columns.get("time in")), _at(row, columns.get("time out")))
        if time_in is not None and cell.get("hours"):
            self.bad("hours", "both hours and times in and out are given; the times decide the hours by the "
                              "outline's attendance rule: leave the hours blank")
        if len(self.problems) > before:
            return None
        return Attendee(self.number, name, email, license_, earned, attended, score, time_in, time_out)

    def times(self, raw_in, raw_out) -> tuple[int | None, int | None]:
        """The time in and out as seconds after midnight; (None, None) when both are blank."""
        if raw_in is None and raw_out is None:  # a roster without time columns
            return None, None
        read = [self.clock(column, value) for column, value in (("time in", raw_in), ("time out", raw_out))]
        if read[0] == "" and read[1] == "":
            return None, None
        if "" in read:
            blank, given = ("time in", "time out") if read[0] == "" else ("time out", "time in")
            self.bad(blank, f"blank, but the {given} is written; write both times, or neither if the "
                            "attendee did not come")
            return None, None
        if None in read:
            return None, None
        if read[1] <= read[0]:
            self.bad("time out", f"{_text(raw_out)} is not after the time in ({_text(raw_in)}); write times "
                                 "like 18:05 or 6:05 PM")
            return None, None
        start = None if self.start is None else self.start * 60
        if start is not None and read[1] <= start and read[0] < 13 * 3600 and read[0] + 12 * 3600 >= start - 3600:
            # "6:00" to "8:30" on a sheet for a 6 PM session: morning by the clock, evening by the
            # workshop; either reading is a guess.
            self.bad("time in", f"{_hhmm(read[0])} to {_hhmm(read[1])} ends before the workshop starts at "
                                f"{_hhmm(start)}; if these are afternoon or evening times, write them as 18:00 or "
                                "6:00 PM")
            return None, None
        return read[0], read[1]

    def clock(self, column: str, value) -> int | str | None:
        """Seconds after midnight; "" for a blank cell; None after a problem."""
        from workshop.attendance.clock import cell_seconds

        if isinstance(value, dt.datetime) and (value.year, value.month, value.day) not in EXCEL_TIME_ONLY:
            # A date with the time could name another day than the workshop's; the roster is read
            # before the agenda is known, so the time alone is asked for.
            self.bad(column, f"the cell holds a date and a time ({value:%Y-%m-%d %H:%M}); write the time only, "
                             "like 18:05 or 6:05 PM (format the column as Time)")
            return None
        seconds = cell_seconds(value, _text(value))
        if seconds is None:
            self.bad(column, f"expected a time like 18:05 or 6:05 PM, got {_text(value)!r}")
        return seconds

    def printable(self, column: str, text: str, face: str) -> None:
        """Note a value some character of which no installed font can draw, in the certificate's
        face or the sans face the sign-in sheet prints it in (all are told together at the end)."""
        missing = list(dict.fromkeys(unprintable(text, face) + unprintable(text, "sans")))
        if missing:
            self.unprintable.append((Src(self.shown), f"row {self.number}, {column}", text, missing))

    def one_line(self, column: str, text: str) -> str:
        """The cell as it prints, or "" after a problem when it holds a line break or control character."""
        text = clean(text)
        broken = [c for c in text if c in _LINE_BREAKS]
        if broken:
            what = "the name" if column.endswith("name") else f"the {column}"
            stray = (" If the rows below were pulled into this cell, a stray \" opens it: remove it"
                     if self.text_file else "")
            self.bad(column, f"{what} has a line break in it ({text!r}); put it on one line in the spreadsheet."
                             + stray)
            return ""
        control = [c for c in text if unicodedata.category(c) == "Cc"]
        if control:
            self.bad(column, f"{text!r} holds an invisible control character (U+{ord(control[0]):04X}); "
                             "type the value again")
            return ""
        return text

    def attended(self, text: str, marks: str) -> bool:
        value = _key(text)
        if value in REGISTERED:
            # beside check-ins ("Checked In"), a registration status is a place never checked in
            self.warnings.append(f"{self.shown}: row {self.number}: {text!r} is a registration, not a check-in: "
                                 "not attended, no certificate; if they came, write Checked In (or yes)")
            return False
        if value == "" and marks:
            self.bad("attended", f"blank, but this column marks who attended with {marks!r}, so blank could "
                                 f"mean absent; write {marks!r} (attended) or no")
        elif value not in NO | YES | {""}:
            self.bad("attended", f"expected yes or no (or blank for yes), got {text!r}")
        return value not in NO

    def hours(self, raw: str, max_hours: Decimal | None, increment: Decimal | None, name: str) -> Decimal | None:
        """Partial hours, rounded down to ``increment``; None for the full award or after a problem."""
        if not raw:
            return None
        try:
            given = Decimal(raw)
            if not given.is_finite() or given < 0:
                raise InvalidOperation
        except InvalidOperation:
            comma = raw.replace(",", ".", 1)
            hint = f" (write it with a point: {comma})" if "," in raw and _number(comma) else ""
            self.bad("hours", f"expected a number of hours{hint}, got {raw!r}")
            return None
        if max_hours is None:
            self.bad("hours", "partial hours given, but the outline has no ce block, so no hours are awarded")
            return None
        if given > max_hours:
            self.bad("hours", f"{raw} is more than the workshop's {max_hours} CE hours")
            return None
        if increment is None:
            return given
        earned = (given / increment).to_integral_value(rounding=ROUND_FLOOR) * increment
        why = f"(the outline's increment is {increment})"
        if earned == 0:
            self.warnings.append(f"{self.shown}: row {self.number}: no certificate for {name}: {raw} hours"
                                 + (f" rounds down to 0 {why}" if given else ""))
        elif earned != given:
            self.warnings.append(f"{self.shown}: row {self.number}: {raw} hours rounded down to "
                                 f"{shown_hours(earned)} {why}")
        return earned


def _hhmm(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def _number(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False


def _unreadable_workbook(path: Path) -> str:
    """Why the file named .xlsx cannot be opened as a workbook, in words that say what to do."""
    try:
        with path.open("rb") as f:
            head = f.read(512)
    except OSError as exc:
        return f"cannot read the file: {exc.strerror}"
    resave = "open it in Excel and save it again as .xlsx (Excel Workbook) or as CSV UTF-8"
    if not head:
        return "the file is empty (0 bytes); download or copy the report again"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ("the workbook is password-protected, or is an old-style .xls renamed; open it in Excel, remove "
                "the password (File > Info > Protect Workbook > Encrypt with Password, then clear it) and save it "
                "again as .xlsx or as CSV UTF-8")
    if head.lstrip().lower().startswith((b"<!doctype", b"<html", b"<?xml", b"<table")):
        return "the file is a web page or XML saved with an .xlsx name, not a workbook; " + resave
    if head.startswith(b"PK"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except zipfile.BadZipFile:
            return "the workbook is damaged or incomplete (a download or copy that did not finish?); " \
                   "download or copy it again, or " + resave
        if "word/document.xml" in names:
            return "the file is a Word document renamed, not a workbook; " + resave
        if "ppt/presentation.xml" in names:
            return "the file is a PowerPoint file renamed, not a workbook; " + resave
        return "the workbook is damaged, or is not an Excel workbook; " + resave
    return "the file is not an Excel workbook (a text or other file renamed?); " + resave


def _xlsx_rows(path: Path, shown: str, warnings: list[str]) -> list[list]:
    """The rows of the sheet Excel opens on (the active one). A formula cell whose result was never
    saved (a workbook written by a script) reads as empty, which would mean the full award, so
    it is refused."""
    import openpyxl
    try:
        # not read-only: the row heights say which rows are hidden, and each cell has its number format
        book = openpyxl.load_workbook(path, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise InputError(Problem(Src(shown), _unreadable_workbook(path))) from None
    try:
        sheet = book.active if book.active is not None else book.worksheets[0]
        if sheet.sheet_state != "visible":
            raise InputError(Problem(Src(shown), f"the workbook opens on the hidden sheet {sheet.title!r}; "
                                                 "show the roster's sheet and save the workbook on it"))
        if len(book.worksheets) > 1:
            warnings.append(f"{shown}: read the sheet {sheet.title!r}, the one the workbook opens on")
        problems = []
        rows = [[_shown_value(cell, shown, problems) for cell in row] for row in sheet.iter_rows()]
        hidden = [n for n, row in enumerate(rows, start=1)
                  if sheet.row_dimensions[n].hidden and any(v not in (None, "") for v in row)]
        for n in hidden:
            # A hidden (or filtered-out) row is easy to miss, and is often one the organizer meant
            # to drop: it is neither read nor skipped silently.
            problems.append(Problem(Src(shown), "the row is hidden in the workbook (hidden, or filtered out), so it "
                                    "cannot be told whether it was meant: unhide it (select the rows around it, "
                                    "right-click > Unhide, or clear the filter) and delete it, or mark it attended "
                                    "no", f"row {n}"))
        others = [w.title for w in book.worksheets if w.title != sheet.title and w.sheet_state == "visible"]
        if not any(v not in (None, "") for row in rows for v in row) and others:
            raise InputError(Problem(Src(shown), f"the sheet {sheet.title!r} the workbook opens on is empty; its "
                                     f"other sheets: {', '.join(repr(t) for t in others)}: open the workbook on the "
                                     f"report's sheet and save it, or delete the empty sheet"))
        written = list(formulas[sheet.title].iter_rows(values_only=True))
        for number, (row, source) in enumerate(zip(rows, written), start=1):
            for index, (value, formula) in enumerate(zip(row, source)):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    problems.append(Problem(Src(shown), f"the cell holds the formula {formula} but no saved "
                                            "result; open the workbook in Excel or LibreOffice and save it again",
                                            f"row {number}, column {_letter(index)}"))
        if problems:
            raise InputError(problems)
        return rows
    finally:
        book.close()
        formulas.close()


#: The most digits a spreadsheet number holds exactly (Excel keeps 15 significant digits).
_EXACT_DIGITS = 15


def _shown_value(cell, shown: str, problems: list[Problem]):
    """A workbook cell's value, a whole number given as the sheet shows it: a licence stored as the
    number 4512 with the format 000000 is "004512", with "LPC "000000 it is "LPC 004512". A number
    with more digits than a spreadsheet keeps is refused (its last digits may already be lost)."""
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if abs(value) >= 10 ** _EXACT_DIGITS:
        problems.append(Problem(Src(shown), f"the number {value:.15G} has more digits than a spreadsheet number "
                                "keeps (15), so its last digits may be lost; format the column as Text and type "
                                "the value again", f"row {cell.row}, column {_letter(cell.column - 1)}"))
        return None
    if isinstance(value, float) and not value.is_integer():
        return value
    text = _formatted(int(value), cell.number_format or "General")
    return value if text is None else text


def _formatted(number: int, pattern: str) -> str | None:
    """``number`` written by a spreadsheet number format made of digit places (0 and #) and literal
    text ("LPC "000000, 00000-0000, \\A0000); None for any other format (General, decimals,
    percentages, dates, thousands separators), whose value is read as the number it is."""
    pattern = pattern.split(";")[0]
    parts: list[tuple[str, str]] = []  # ("digit", "0" or "#") or ("text", literal)
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == '"':
            end = pattern.find('"', i + 1)
            if end < 0:
                return None
            parts.append(("text", pattern[i + 1:end]))
            i = end + 1
        elif c == "\\" and i + 1 < len(pattern):
            parts.append(("text", pattern[i + 1]))
            i += 2
        elif c in "0#":
            parts.append(("digit", c))
            i += 1
        elif c == "[":  # a colour or condition: [Red], [>100]
            end = pattern.find("]", i)
            if end < 0:
                return None
            i = end + 1
        elif c in "_*":  # spacing the width of the next character, or a fill: nothing to print
            i += 2
        elif c in " -()/:+$":
            if c in "/:":
                return None  # a fraction or a time
            parts.append(("text", c))
            i += 1
        else:
            return None  # General, @, a decimal point, %, E+, a date or time code, a thousands comma
    places = [k for k, (kind, _) in enumerate(parts) if kind == "digit"]
    if not places or number < 0:
        return None
    digits = str(number)
    first_zero = next((n for n, k in enumerate(places) if parts[k][1] == "0"), len(places))
    digits = digits.rjust(len(places) - first_zero, "0")
    out = [text for _, text in parts]
    spare = len(digits) - len(places)  # digits beyond the places all go to the first one
    for n, k in enumerate(places):
        if n == 0 and spare > 0:
            out[k] = digits[: spare + 1]
        else:
            at = n + spare
            out[k] = digits[at] if 0 <= at < len(digits) else ""
    return "".join(out)
