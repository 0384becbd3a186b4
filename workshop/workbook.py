"""Reading a workbook (.xlsx): one reader for the roster, the attendance reports and the evaluation
responses. It reads the sheet the workbook opens on, as the sheet shows it, and refuses what it
cannot read for sure (a hidden sheet or row, a formula without its saved result, a number longer
than a spreadsheet keeps), saying what to do; a file that is no workbook is named for what it is.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from workshop.errors import InputError, Problem, Src


def column_letter(index: int) -> str:
    """The spreadsheet's name of the column at ``index`` (from 0): A, B, ..., Z, AA, AB, ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def unreadable(path: Path) -> str:
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


def sheet_rows(path: Path, shown: str, warnings: list[str], sheet_meant: str = "the roster's sheet",
               unwanted_row: str = "delete it, or mark it attended no") -> list[list]:
    """The rows of the sheet Excel opens on (the active one). A formula cell whose result was never
    saved (a workbook written by a script) reads as empty, which would mean the full award, so
    it is refused."""
    import openpyxl  # only for a workbook: its import alone is a tenth of a second

    try:
        # not read-only: the row heights say which rows are hidden, and each cell has its number format
        book = openpyxl.load_workbook(path, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise InputError(Problem(Src(shown), unreadable(path))) from None
    try:
        sheet = book.active if book.active is not None else book.worksheets[0]
        if sheet.sheet_state != "visible":
            raise InputError(Problem(Src(shown), f"the workbook opens on the hidden sheet {sheet.title!r}; "
                                                 f"show {sheet_meant} and save the workbook on it"))
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
                                    f"right-click > Unhide, or clear the filter) and {unwanted_row}", f"row {n}"))
        others = [w.title for w in book.worksheets if w.title != sheet.title and w.sheet_state == "visible"]
        if not any(v not in (None, "") for row in rows for v in row) and others:
            raise InputError(Problem(Src(shown), f"the sheet {sheet.title!r} the workbook opens on is empty; its "
                                     f"other sheets: {', '.join(repr(t) for t in others)}: open the workbook on the "
                                     f"report's sheet and save it, or delete the empty sheet"))
        written = list(formulas[sheet.title].iter_rows(values_only=True))
        # the values and the formulas are two readings of one sheet; a read-only reading may end a row early
        for number, (row, source) in enumerate(zip(rows, written, strict=False), start=1):
            for index, (value, formula) in enumerate(zip(row, source, strict=False)):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    problems.append(Problem(Src(shown), f"the cell holds the formula {formula} but no saved "
                                            "result; open the workbook in Excel or LibreOffice and save it again",
                                            f"row {number}, column {column_letter(index)}"))
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
                                "the value again", f"row {cell.row}, column {column_letter(cell.column - 1)}"))
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
