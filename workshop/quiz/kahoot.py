"""quiz-kahoot.xlsx: the questions laid out as Kahoot's quiz spreadsheet template, which Kahoot
imports (Create > Add question > Import spreadsheet).

Kahoot reads the first sheet from row 9 down: column A numbers the question, B holds the question,
C to F answers 1 to 4, G the time limit in seconds and H the number of the correct answer. Row 8
carries the template's column headings and the rows above it a title and a note, as in Kahoot's
own template. A true/false question is two answers, True and False.

Kahoot takes at most four answers, 120 characters a question and 75 an answer;
:func:`kahoot_warnings` names every question that breaks a limit, and a question with more than
four choices is left out of the sheet rather than cut short.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile

from workshop import model as m
from workshop.ooxml import write_zip

FIRST_ROW = 9
HEADINGS = ("", "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
            "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
            "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one")
SECONDS = 30  # one of Kahoot's time limits; long enough to read a question written for a handout
MAX_ANSWERS, MAX_QUESTION, MAX_ANSWER = 4, 120, 75


def fits(question: m.Question) -> bool:
    return len(question.options) <= MAX_ANSWERS


def kahoot_warnings(quiz: m.Quiz) -> list[str]:
    """What Kahoot will refuse or cut, one line per question, each at the question's line."""
    warnings = []
    for n, q in enumerate(quiz.questions, 1):
        where = f"{q.src}: quiz.questions[{n - 1}]"
        if not fits(q):
            warnings.append(f"{where}: {len(q.options)} choices; Kahoot takes 4 at most, so question {n} is left "
                            "out of quiz-kahoot.xlsx")
            continue
        if len(q.ask) > MAX_QUESTION:
            warnings.append(f"{where}.ask: {len(q.ask)} characters; Kahoot takes {MAX_QUESTION} at most, so shorten "
                            "it before importing quiz-kahoot.xlsx")
        long = [k for k, option in enumerate(q.options, 1) if len(option) > MAX_ANSWER]
        if long:
            warnings.append(f"{where}.choices: choice {', '.join(map(str, long))} is longer than the {MAX_ANSWER} "
                            "characters Kahoot takes; shorten it before importing quiz-kahoot.xlsx")
    return warnings


def kahoot_xlsx(workshop: m.Workshop, when: dt.datetime) -> bytes:
    """The workbook's bytes, with its document dates and zip timestamps set to ``when``."""
    _import_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet["B2"] = f"{workshop.title}: knowledge check"
    sheet["B2"].font = Font(bold=True, size=14)
    sheet["B4"] = ("Import in Kahoot with Create > Add question > Import spreadsheet. Questions start on row 9; "
                   "the correct answer is the number of its column (1-4).")
    for column, heading in zip("ABCDEFGH", HEADINGS, strict=True):
        sheet[f"{column}8"] = heading or None
        sheet[f"{column}8"].font = Font(bold=True)
        sheet[f"{column}8"].alignment = Alignment(wrap_text=True, vertical="top")
    row = FIRST_ROW
    for n, question in enumerate(workshop.quiz.questions, 1):
        if not fits(question):
            continue
        answers = list(question.options) + [None] * (MAX_ANSWERS - len(question.options))
        for column, value in zip("ABCDEFGH", [n, question.ask, *answers, SECONDS, question.key + 1], strict=True):
            cell = sheet[f"{column}{row}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with "=": never a formula a spreadsheet runs
        row += 1
    for column, width in zip("ABCDEFGH", (5, 50, 22, 22, 22, 22, 16, 16), strict=True):
        sheet.column_dimensions[column].width = width
    book.properties.creator = "workshop"
    book.properties.title = f"{workshop.title}: knowledge check"
    book.properties.created = book.properties.modified = when
    buffer = io.BytesIO()
    # ExcelWriter rather than book.save(), which stamps the clock's time as the modified date
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return _restamp(buffer.getvalue(), when)


def _import_openpyxl() -> None:
    """Import openpyxl without numpy. Where numpy is installed openpyxl imports it, only to take
    numpy's numbers as cell values (this sheet holds none), and numpy's import was a third of the
    time of a kit's quiz output. Once imported, openpyxl stays as it is; so does numpy, for any
    code that imports it later."""
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # makes `import numpy` raise ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


def _restamp(data: bytes, when: dt.datetime) -> bytes:
    """The same workbook with every zip member dated ``when`` instead of the clock's time."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return write_zip([(info.filename, source.read(info.filename)) for info in source.infolist()], when)
