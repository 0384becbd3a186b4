"""Responses to the evaluation form, read and tallied.

The responses come as exported from an online form (Google Forms' CSV, Microsoft Forms' Excel
workbook) or typed from the paper forms into a spreadsheet: one response a row, a column per
question. A column holds an item of the form (:mod:`workshop.evalitems`) when its title contains
the item's text (``This objective was met: [Describe five ways ...]``, a grid's row in brackets,
is one); a rating is ``1``-``5`` or the scale's words. Every row that cannot be read is named
with its row number as a spreadsheet shows it (the header is row 1), and nothing is tallied
from a file with a problem in it. A column that matches no item, and an item no column holds,
are named in warnings.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

from workshop import model as m
from workshop.errors import InputError, Problem, Src, display_path
from workshop.evalitems import MIDDLE_WORDS, QUESTIONS, Item, questions, rated_items, scale_words
from workshop.i18n import tr
from workshop.evaltally import Comments, Evaluations, Tally
from workshop.workbook import column_letter, sheet_rows

#: Columns the form services add of their own (Google Forms; Microsoft Forms), compared as
#: :func:`_key` reads them: they say who answered and when, nothing the summary reports.
SERVICE_COLUMNS = {"timestamp", "emailaddress", "score", "id", "starttime", "completiontime", "email", "name",
                   "lastmodifiedtime", "totalpoints", "quizfeedback"}
#: Answers that rate nothing: the item was left unrated on purpose.
NOT_RATED = {"n/a", "na", "not applicable", "does not apply", "-"}


def _scale_words(language: str) -> dict[str, int]:
    """The scale's words a response may give, compared in one case with plain apostrophes: the
    outline's language's and English's (a form service left in English still reads)."""
    found = {}
    for lang in dict.fromkeys((language, "en")):
        for n, words in enumerate(scale_words(lang), 1):
            found.setdefault(_plain(words), n)
        found.setdefault(_plain(tr(lang, MIDDLE_WORDS)), 3)
    return found


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


_SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
_SHOWN = 60


def read_evaluations(path: Path, workshop: m.Workshop) -> Evaluations:
    """Read and tally the responses in ``path`` (.csv or .xlsx) to the form of ``workshop``;
    raise :class:`InputError` naming every row that cannot be read."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise InputError(Problem(Src(shown), "evaluation responses file not found"))
    warnings: list[str] = []
    items = rated_items(workshop)
    asked = questions(workshop.language)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = sheet_rows(path, shown, warnings, sheet_meant="the responses' sheet",
                          unwanted_row="delete it if it is not a response")
    elif path.suffix.lower() in (".csv", ".txt", ".tsv", ""):
        rows = _text_rows(path, shown, warnings, items, asked)
    else:
        raise InputError(Problem(Src(shown), f"evaluation responses are a .csv or .xlsx file, not {path.suffix}"))
    if not rows or not any(_text(v) for v in rows[0]):
        raise InputError(Problem(Src(shown), "the file is empty; it needs a header row whose titles hold the "
                                             "evaluation form's statements, then one response a row", "row 1"))
    header = [_text(v) for v in rows[0]]
    body = rows[1:]
    columns = _columns(header, body, items, shown, warnings, asked)
    found = {target for target in columns.values() if isinstance(target, Item)}
    foreign = [i for i, title in enumerate(header)
               if title and i not in columns and _key(title) not in SERVICE_COLUMNS and _rated(body, i, workshop.language)]
    if len(foreign) > len(found):  # more ratings of statements the form does not print than of its own
        raise InputError(Problem(Src(shown), (
            f"columns {_letters(foreign)} hold ratings of statements this workshop's evaluation form does not print, "
            f"more than the {len(found)} of its {len(items)} statements the file holds, so these look like the "
            "responses to another form (another workshop's, or the form in another language); export the responses "
            "to this workshop's form, or make each column's title contain the statement as the form prints it, "
            f"e.g. '{items[0].text}'"), "row 1"))
    answerable = [i for i, title in enumerate(header) if _key(title) not in SERVICE_COLUMNS or not title]
    counts = {item: [0] * 5 for item in items}
    answers: dict[str, list[str]] = {q: [] for q in asked}
    problems: list[Problem] = []
    responses = 0
    for number, row in enumerate(body, start=2):
        if not any(_text(v) for v in row):
            continue
        where = f"row {number}"
        extra = [i for i in range(len(header), len(row)) if _text(row[i])]
        if extra:
            problems.append(Problem(Src(shown), f"it has a value in column {column_letter(extra[0])}, past the last titled "
                                                f"column ({_short(_text(row[extra[0]]))}); give that column a title "
                                                "or move the value where it belongs", where))
        for index, target in columns.items():
            value = row[index] if index < len(row) else None
            if isinstance(target, Item):
                rating, problem = read_rating(value, workshop.language)
                if problem:
                    problems.append(Problem(Src(shown), problem, f"{where}, column {column_letter(index)} "
                                                                 f"({_short(header[index])})"))
                elif rating is not None:
                    counts[target][rating - 1] += 1
            else:
                text = " ".join(_text(value).split())
                if text:
                    answers[target].append(text)
                    missing = _unprintable(text)
                    if missing:
                        problems.append(Problem(Src(shown), f"no installed font can print {missing} in this "
                                                            "comment; retype it without that character",
                                                f"{where}, column {column_letter(index)}"))
        # a form returned with any answer is a response, even if only to a question of its own
        responses += any(_text(row[i]) for i in answerable if i < len(row))
    if not responses and not problems:
        problems.append(Problem(Src(shown), "the file has a header row but no responses; is it the right file "
                                            "(or the right sheet)?"))
    if problems:
        raise InputError(problems)
    held = set(columns.values())
    missing = [f"'{item.text}' ({item.group.lower()})" for item in items if item not in held]
    missing += [f"'{question}'" for question in asked if question not in held]
    if len(missing) == 1:
        warnings.append(f"{shown}: no column holds the form's item {missing[0]}; the summary shows it as not asked")
    elif missing:
        warnings.append(f"{shown}: no column holds these items of the form: {'; '.join(missing)}; the summary "
                        "shows them as not asked")
    return Evaluations(path.resolve(), responses,
                       tuple(Tally(item, tuple(counts[item]), item in held) for item in items),
                       tuple(Comments(q, tuple(answers[q]), q in held) for q in asked), tuple(warnings))


def read_rating(value, language: str = "en") -> tuple[int | None, str]:
    """A cell as a rating from 1 to 5 (None when it is blank or marked not applicable), or why it
    is not one; the scale's words are read in ``language`` and in English."""
    known = _scale_words(language)
    shown_words = scale_words(language)
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (int, float)):
        if value != int(value):
            return None, f"a rating is a whole number from 1 to 5, got {value:g}"
        value = str(int(value))
    text = " ".join(_text(value).split())
    key = _plain(text).rstrip(".")
    if not key or key in NOT_RATED:
        return None, ""
    if key in known:
        return known[key], ""
    number = re.fullmatch(r"(\d+)(?:\.0+)?", key)
    if number:
        n = int(number.group(1))
        if 1 <= n <= 5:
            return n, ""
        return None, f"the rating {text} is outside the scale; rate from 1 (strongly disagree) to 5 (strongly agree)"
    if re.fullmatch(r"\d*\.\d+", key):
        return None, f"a rating is a whole number from 1 to 5, got {text}"
    # a number with its words, as some forms label the points: "5 - Strongly agree", "Agree (4)"
    letters = r"[^\W\d_][^\W\d_' ]*(?:[ '][^\W\d_]+)*"
    both = re.fullmatch(rf"(\d)\s*[-–—:.=)]?\s*\(?({letters})\)?|({letters})\s*[-–—:=(]?\s*(\d)\)?", key)
    if both:
        n, words = (both.group(1), both.group(2)) if both.group(1) else (both.group(4), both.group(3))
        if words.strip() in known:
            if known[words.strip()] == int(n):
                return int(n), ""
            return None, (f"{_short(text)} gives two ratings: {n}, and {known[words.strip()]} for "
                          f"'{shown_words[known[words.strip()] - 1]}'; keep the one the respondent meant")
    return None, (f"cannot read {_short(text)} as a rating; write 1 to 5, or the scale's words: "
                  f"{', '.join(shown_words)} (N/A leaves it unrated)")


def _columns(header: list[str], body: list[list], items: list[Item], shown: str,
             warnings: list[str], asked: tuple[str, ...] = QUESTIONS) -> dict[int, Item | str]:
    """Column index -> the item (or open question) it holds. Two columns holding one item, or one
    column that could hold either of two, is refused; a column holding none is named."""
    columns: dict[int, Item | str] = {}
    problems: list[Problem] = []
    for index, title in enumerate(header):
        if not title:
            if any(_text(row[index]) for row in body if index < len(row)):
                warnings.append(f"{shown}: column {column_letter(index)} has no title, so it is not in the summary; "
                                "title it with the statement or question it holds")
            continue
        if _key(title) in SERVICE_COLUMNS:
            continue
        found = match(title, items, asked)
        if isinstance(found, list):
            problems.append(Problem(Src(shown), f"the title {_short(title)} holds more than one of the form's "
                                                f"statements ({'; '.join(repr(i.text) for i in found)}); title the "
                                                "column with the one it holds", f"row 1, column {column_letter(index)}"))
        elif found is None:
            warnings.append(f"{shown}: column {column_letter(index)} {_short(title)} holds none of the evaluation form's "
                            "statements or questions, so it is not in the summary; if it is one of them, make its "
                            "title contain the text as the form prints it")
        else:
            columns[index] = found
    by_target: dict[Item | str, list[int]] = {}
    for index, target in columns.items():
        by_target.setdefault(target, []).append(index)
    for target, indexes in by_target.items():
        if len(indexes) > 1:
            text = target.text if isinstance(target, Item) else target
            letters = " and ".join(column_letter(i) for i in indexes)
            problems.append(Problem(Src(shown), f"columns {letters} both hold '{text}'; keep one of them "
                                                "(or title each with the statement it holds)", "row 1"))
    if problems:
        raise InputError(problems)
    if not columns:
        example = items[-1].text if items else asked[0]
        raise InputError(Problem(Src(shown), "no column's title holds a statement or question of this workshop's "
                                             "evaluation form; is it the responses to this workshop? Each column's "
                                             f"title must contain the text as the form prints it, e.g. '{example}'",
                                 "row 1"))
    return columns


def match(title: str, items: list[Item], asked: tuple[str, ...] = QUESTIONS) -> Item | str | list[Item] | None:
    """What a column titled ``title`` holds: an item, an open question, None, or the items it
    could equally hold. A title holding one item's text inside another's (an objective that
    quotes a shorter one) holds the longer."""
    key = _words(title)
    for question in asked:
        if _words(question) in key:
            return question
    found = {}
    for item in items:
        phrases = [p for p in map(_words, item.phrases) if p and p in key]
        if phrases:
            found[item] = max(phrases, key=len)
    if not found:
        return None
    longest = max(found, key=lambda i: len(found[i]))
    if all(phrase in found[longest] for phrase in found.values()):
        return longest
    return sorted(found, key=items.index)


def _words(text: str) -> str:
    """Text compared as a reader would: letters in one case and form, quotes and dashes plain,
    spaces single, no closing punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans("‘’‚‛“”„‟–—‐‑", "''''\"\"\"\"----"))
    return " ".join(text.split()).rstrip(" .?!:;")


def _key(title: str) -> str:
    return re.sub(r"[\W_]+", "", title.casefold())


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return str(value).strip()


def _rated(body: list[list], index: int, language: str) -> bool:
    """Whether column ``index`` holds ratings: some values, each a point of the scale."""
    values = [row[index] for row in body if index < len(row) and _text(row[index])]
    return bool(values) and all(read_rating(value, language)[0] is not None for value in values)


def _letters(indexes: list[int]) -> str:
    """Column letters as a reader lists them: "B, C and D"."""
    letters = [column_letter(i) for i in indexes]
    return letters[0] if len(letters) == 1 else f"{', '.join(letters[:-1])} and {letters[-1]}"


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


def _unprintable(text: str) -> str:
    from workshop.pdfdraw import unprintable

    missing = unprintable(text, "sans")
    return ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(missing))


def _text_rows(path: Path, shown: str, warnings: list[str], items: list[Item],
               asked: tuple[str, ...] = QUESTIONS) -> list[list[str]]:
    """The rows of a CSV (or tab-separated) export. A line break inside a quoted cell is part of
    the cell (a comment of several lines). The separator is the one whose header holds the most
    of the form's items; a file that reads equally well two ways is refused."""
    from workshop.rostercsv import decode

    try:
        text = decode(path.read_bytes(), shown, warnings)
    except InputError as exc:  # the decoder speaks of rosters
        raise InputError([Problem(p.src, p.message.replace("the roster", "the responses"), p.path)
                          for p in exc.problems]) from None
    if not text.strip():
        return []
    read = {}
    for separator in _SEPARATORS:
        header = next(csv.reader(io.StringIO(text, newline=""), delimiter=separator), [])
        read[separator] = (len(header), sum(match(t, items, asked) is not None for t in header))
    splitting = [s for s in _SEPARATORS if read[s][0] > 1]
    if len(splitting) > 1:
        best = max(read[s][1] for s in splitting)
        splitting = [s for s in splitting if read[s][1] == best]
        if len(splitting) > 1:
            ways = " and ".join(f"at {_SEPARATORS[s]} into {read[s][0]} columns" for s in splitting)
            raise InputError(Problem(Src(shown), f"cannot tell how the columns are separated: the header splits "
                                                 f"{ways}; save the responses again as CSV UTF-8", "row 1"))
    separator = splitting[0] if splitting else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        raise InputError(Problem(Src(shown), f"the row cannot be read as CSV ({exc}; line {reader.line_num} of the "
                                             "file): a stray double quote? Put a cell that holds quotes in double "
                                             "quotes and double each quote inside, or export the responses again",
                                 f"row {len(rows) + 1}")) from None
    return rows
