"""The attendee roster: a CSV file or an .xlsx workbook, one attendee a row.

Every problem row is reported in one run with the row number a spreadsheet shows (the header is
row 1). A row is never dropped or printed wrong silently; wholly blank rows are skipped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from workshop.errors import InputError, Problem, Src, display_path
from workshop.pdfdraw import clean, unprintable
from workshop.quiz.score import ScoreError, parse_score

COLUMNS = ("name", "email", "license", "hours", "attended", "score")
NO = {"no", "n", "false", "0"}
YES = {"yes", "y", "true", "1", ""}


@dataclass(frozen=True)
class Attendee:
    row: int
    name: str
    email: str = ""
    license: str = ""
    hours: Decimal | None = None  # partial hours; None means the full award
    attended: bool = True
    score: Decimal | None = None  # knowledge-check percentage; None when not taken


@dataclass(frozen=True)
class Roster:
    source: Path
    attendees: tuple[Attendee, ...]
    warnings: tuple[str, ...] = ()
    scored: bool = False  # the roster has a score column

    @property
    def eligible(self) -> tuple[Attendee, ...]:
        return tuple(a for a in self.attendees if a.attended)


def read_roster(path: Path, max_hours: Decimal | None, name_face: str = "serif") -> Roster:
    """Read and check the roster; ``max_hours`` is the full CE award (None without a ce block)."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise InputError(Problem(Src(shown), "roster file not found"))
    warnings: list[str] = []
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path, shown)
    elif path.suffix.lower() in (".csv", ".txt", ""):
        rows = _csv_rows(path, shown, warnings)
    else:
        raise InputError(Problem(Src(shown), f"a roster is a .csv or .xlsx file, not {path.suffix}"))
    if not rows:
        raise InputError(Problem(Src(shown), "the roster is empty; it needs a header row with a 'name' column"))
    header = [str(h or "").strip().lower() for h in rows[0]]
    if "name" not in header:
        raise InputError(Problem(Src(shown), f"row 1: no 'name' column in the header (found: "
                                             f"{', '.join(h for h in header if h) or 'nothing'})"))
    columns = {c: header.index(c) for c in COLUMNS if c in header}
    problems: list[Problem] = []
    attendees = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {c: _cell(row, i) for c, i in columns.items()}
        if not any(_cell(row, i) for i in range(len(row))):
            continue
        attendee = _attendee(number, cells, max_hours, name_face, shown, problems)
        if attendee is not None:
            attendees.append(attendee)
    if problems:
        raise InputError(problems)
    return Roster(path.resolve(), tuple(attendees), tuple(warnings), scored="score" in columns)


def _cell(row, index: int) -> str:
    if index >= len(row) or row[index] is None:
        return ""
    value = row[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _attendee(number: int, cells: dict[str, str], max_hours: Decimal | None, face: str, shown: str,
              problems: list[Problem]) -> Attendee | None:
    def bad(column: str, message: str) -> None:
        problems.append(Problem(Src(shown), message, f"row {number}, {column}"))

    name = clean(cells.get("name", ""))
    before = len(problems)
    if not name:
        bad("name", "the name is blank; every attendee needs the name to print on the certificate")
    else:
        missing = unprintable(name, face)
        if missing:
            chars = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
            bad("name", f"{name!r} cannot be printed: no installed font has {chars}")
    attended_text = cells.get("attended", "").lower()
    if attended_text not in NO | YES:
        bad("attended", f"expected yes or no (or blank for yes), got {cells['attended']!r}")
    attended = attended_text not in NO
    hours = None
    raw_hours = cells.get("hours", "")
    if raw_hours:
        try:
            hours = Decimal(raw_hours)
            if not hours.is_finite() or hours < 0:
                raise InvalidOperation
        except InvalidOperation:
            bad("hours", f"expected a number of hours, got {raw_hours!r}")
            hours = None
        else:
            if max_hours is None:
                bad("hours", "partial hours given, but the outline has no ce block, so no hours are awarded")
            elif hours > max_hours:
                bad("hours", f"{raw_hours} is more than the workshop's {max_hours} CE hours")
    try:
        score = parse_score(cells.get("score", ""))
    except ScoreError as exc:
        bad("score", str(exc))
        score = None
    if len(problems) > before:
        return None
    return Attendee(number, name, clean(cells.get("email", "")), clean(cells.get("license", "")), hours, attended,
                    score)


def _csv_rows(path: Path, shown: str, warnings: list[str]) -> list[list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warnings.append(f"{shown}: not UTF-8; read as Windows-1252 (Excel's plain CSV). Save it as "
                        "'CSV UTF-8' so names in every script survive.")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if any(d in first for d in ",;\t") else ","
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise InputError(Problem(Src(shown), f"not a readable CSV file: {exc}")) from None


def _xlsx_rows(path: Path, shown: str) -> list[list]:
    import openpyxl
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise InputError(Problem(Src(shown), f"not a readable .xlsx workbook ({type(exc).__name__})")) from None
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
