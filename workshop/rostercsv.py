"""A roster saved as text (CSV, or Excel's tab-separated "Unicode Text") read into rows of cells.

The reader refuses a file it cannot read one way only, rather than guessing: a stray quote that
would pull the rows after it into one cell, a row with more values than the header has columns
(an unquoted "Smith, John"), a separator that cannot be told from the whole file. Each refusal
names the row as a spreadsheet shows it (the header is row 1) and says how to fix it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from workshop.errors import InputError, Problem, Src

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
_SHOWN = 60  # characters of a row quoted back in a message


@dataclass
class _Cell:
    text: str
    lines: int = 1  # physical lines the cell spans
    closed: bool = True  # False: a quote opened the cell and the file ended before it closed
    after_quote: str = ""  # text between the closing quote and the next separator: "Ann" Lee
    quoted: bool = False


@dataclass
class _Record:
    line: int  # the physical line it starts on
    cells: list[_Cell]

    @property
    def blank(self) -> bool:
        return not any(c.text.strip() for c in self.cells)


def decode(data: bytes, shown: str, warnings: list[str]) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), UTF-16 or UTF-32 with a
    byte-order mark (Excel's "Unicode Text"), UTF-16 without one, else Windows-1252 with a warning."""
    def refuse(message: str) -> InputError:
        return InputError(Problem(Src(shown), message))

    if data[:4] == b"PK\x03\x04":
        raise refuse("it is an Excel workbook saved under a text name; rename it to end in .xlsx")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise refuse("it is an old-style .xls workbook; in Excel choose Save As > CSV UTF-8 (or .xlsx)")
    marked = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
              (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF8, "utf-8-sig"))
    codec = next((name for bom, name in marked if data.startswith(bom)), None)
    if codec is None and b"\x00" in data:
        # UTF-16 without a byte-order mark: every other byte of plain Latin text is zero
        even, odd = data[0::2].count(0), data[1::2].count(0)
        codec = "utf-16-le" if odd > 2 * even else "utf-16-be" if even > 2 * odd else None
        if codec is None:
            raise refuse("this is not a text file (it holds zero bytes); save the roster as CSV UTF-8")
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise refuse(f"the file starts like {codec.upper()} text but is damaged; "
                         "save the roster again as CSV UTF-8") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            if "\ufffd" in text:
                raise refuse("the text is neither UTF-8 nor Windows-1252; save the roster as CSV UTF-8") from None
            warnings.append(f"{shown}: not UTF-8; read as Windows-1252 (Excel's plain CSV). Save it as "
                            "'CSV UTF-8' so names in every script survive.")
    if "\x00" in text:
        raise refuse("the text holds zero characters (U+0000); save the roster again as CSV UTF-8")
    return text


def csv_rows(path: Path, shown: str, warnings: list[str], known: Callable[[str], bool]) -> list[list[str]]:
    """The rows of a text roster, header first, each a list of cell texts (a line break inside a
    quoted cell kept as "\\n"). ``known`` tells a column title the roster uses, to choose between
    separators that fit the file equally. Raises :class:`InputError` for a file that reads more than
    one way."""
    text = decode(path.read_bytes(), shown, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return []
    if re.match(r"sep=.?\n", text, re.IGNORECASE):
        raise InputError(Problem(Src(shown), f"the first line {text.split(chr(10))[0]!r} is Excel's note of the "
                                             "separator, not the header; delete that line so the header is row 1",
                                 "row 1"))
    if not text.split("\n", 1)[0].strip():
        raise InputError(Problem(Src(shown), "the first line is blank; delete it so the header (name, email, ...) "
                                             "is row 1", "row 1"))
    separator, records = _separated(text, shown, known)
    problems: list[Problem] = []
    width = len(records[0].cells)
    for number, record in enumerate(records, start=1):
        problem = _structure(number, record, width, separator)
        if problem:
            problems.append(Problem(Src(shown), problem, f"row {number}"))
            if not record.cells[-1].closed:
                break
    if problems:
        raise InputError(problems)
    return [[c.text for c in r.cells] for r in records]


def _separated(text: str, shown: str, known: Callable[[str], bool]) -> tuple[str, list[_Record]]:
    """The separator the whole file uses, and the file read with it.

    The header decides when it splits at one separator only; when it splits at several, the one
    every row agrees with, and among those the one that gives the most known column titles. A
    one-column header reads with commas, and any row that a comma, semicolon or tab would split
    is refused by :func:`_structure`."""
    read = {s: _records(text, s) for s in SEPARATORS}
    splitting = [s for s, records in read.items() if len(records[0].cells) > 1]
    if len(splitting) == 1:
        return splitting[0], read[splitting[0]]
    if not splitting:
        return ",", read[","]
    agreeing = [s for s in splitting if all(_fits(r, len(read[s][0].cells)) for r in read[s][1:])]
    titles = {s: sum(known(c.text) for c in read[s][0].cells) for s in agreeing}
    best = [s for s in agreeing if titles[s] == max(titles.values())] if agreeing else []
    if len(best) == 1:
        return best[0], read[best[0]]
    counts = " and ".join(f"at {SEPARATORS[s]}s into {len(read[s][0].cells)} columns" for s in splitting)
    raise InputError(Problem(Src(shown), f"cannot tell how the columns are separated: the header splits {counts}"
                                         f"{'' if agreeing else ', and neither fits every row'}; save the roster "
                                         "again as CSV UTF-8 so that only commas separate the columns",
                             "row 1"))


def _fits(record: _Record, width: int) -> bool:
    return len(record.cells) <= width or not any(c.text.strip() for c in record.cells[width:])


def _structure(number: int, record: _Record, width: int, separator: str) -> str:
    """What is wrong with how the row is written, or ""."""
    where = f" (line {record.line} of the file)" if record.line != number else ""
    last = record.cells[-1]
    if not last.closed:
        return (f'a " opens a cell{where} and is never closed, so every row after it would be read into '
                f'that one cell ({_short(last.text)}); remove the stray " or close it')
    for cell in record.cells:
        if width > 1 and cell.lines > 1:
            # Any line of it could be a row of its own that a stray quote swallowed (a short row
            # typed without its trailing commas looks just like a line of text), so none is taken.
            return (f'a " opens a cell{where} that runs over {cell.lines} lines, which may be rows of their '
                    f'own ({_short(cell.text)}): if a stray " joined those rows, remove it or close the cell where '
                    'it should end; if the cell really holds several lines, put it on one line')
        if cell.after_quote.strip():
            quoted = cell.text[: len(cell.text) - len(cell.after_quote)]
            return (f'text follows a closing quote: "{quoted}"{cell.after_quote}; to keep the quotes, '
                    f'write the cell as """{_doubled(quoted)}""{_doubled(cell.after_quote)}" '
                    f'(double each quote inside); otherwise remove them')
    if not _fits(record, width):
        name = SEPARATORS[separator]
        return (f"it has {len(record.cells)} values but the header has {width} "
                f"column{'s' if width > 1 else ''} ({_short(separator.join(c.text for c in record.cells))}); "
                f"put any value that contains a {name} in double quotes{_example(separator)}")
    only = record.cells[0]
    if width == 1 and not only.quoted:
        for other, name in SEPARATORS.items():
            if other in only.text:
                return (f"the header has one column but this row has a {name} in it ({_short(only.text)}); "
                        f"if it is one value, put it in double quotes{_example(other)}")
    return ""


def _example(separator: str) -> str:
    return f', e.g. "Smith{separator} John"' if separator != "\t" else ""


def _doubled(text: str) -> str:
    return text.replace('"', '""')


def _short(text: str) -> str:
    text = text.strip("\n").replace("\n", "⏎")
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


def _split(line: str, separator: str) -> list[_Cell]:
    return _records(line, separator)[0].cells if line else [_Cell("")]


def _records(text: str, separator: str) -> list[_Record]:
    """The records of ``text`` (line breaks already "\\n") as RFC 4180 reads them, with what a
    message needs: where each starts, how many lines a cell spans, a quote never closed."""
    plain = re.compile(f"[^{re.escape(separator)}\n]*")
    records: list[_Record] = []
    cells: list[_Cell] = []
    i, n, line, start = 0, len(text), 1, 1
    while True:
        if i < n and text[i] == '"':
            parts, i, closed = [], i + 1, False
            while True:
                j = text.find('"', i)
                if j < 0:
                    parts.append(text[i:])
                    i = n
                    break
                parts.append(text[i:j])
                if text.startswith('""', j):
                    parts.append('"')
                    i = j + 2
                    continue
                i, closed = j + 1, True
                break
            inside = "".join(parts)
            after = plain.match(text, i).group()
            i += len(after)
            line += inside.count("\n")
            cell = _Cell(inside + after, inside.count("\n") + 1, closed, after, quoted=True)
        else:
            value = plain.match(text, i).group()
            i += len(value)
            cell = _Cell(value)
        cells.append(cell)
        if i < n and text[i] == separator:
            i += 1
            continue
        records.append(_Record(start, cells))
        cells = []
        i += 1  # the line break
        line += 1
        start = line
        if i >= n:
            return records
