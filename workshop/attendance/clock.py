"""Dates and clock times as meeting platforms and typed-up sign-in sheets write them.

A report's times are read as the workshop's local time: Zoom and Teams print times in the time
zone of the account that downloaded the report, and the outline's clock times are the workshop's
own, so the two are compared as they stand. A report downloaded in another zone does not overlap
the agenda and is refused with the times it covers (see :mod:`workshop.attendance.report`).

A numeric date such as 03/04/2026 is read by the convention the file itself shows: another date
in it whose day is above 12, else the platform's own US layout (Zoom's ``10/07/2026 06:09:00 PM``,
Teams' ``10/7/26, 6:09:00 PM``), else the language and region of the outline when given, else
the order settled in writing (``date_order``). Never by which reading gives the workshop's date:
a US report of March 4 is not an April 3 session.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_STAMP = re.compile(r"^(?P<date>.+?)[,\sT]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?)$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NAMED = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:([AaPp])\.?\s?[Mm]\.?)?$")
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name} | \
          {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}


def clock_seconds(text: str) -> int | None:
    """Seconds after midnight for "18:05", "6:30 PM", "6:30pm" or "18:05:30"; None if unreadable."""
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    half = (match.group(4) or "").lower()
    if minute > 59 or second > 59:
        return None
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour > 23:
        return None
    return hour * 3600 + minute * 60 + second


def cell_seconds(value, text: str) -> int | str | None:
    """A roster cell's time in or out as seconds after midnight: a spreadsheet time (a time, a
    date-time, or a fraction of a day) or ``text`` read by :func:`clock_seconds`; "" when blank,
    None when unreadable."""
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, float) and 0 <= value < 1:
        return round(value * 86400)
    return clock_seconds(text) if text else ""


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_readings(text: str) -> tuple[dt.date | None, dt.date | None] | None:
    """(month-first, day-first) readings of a date; the two are equal for an unambiguous form.
    None when the text is not a date this module reads."""
    text = text.strip()
    match = _NUMERIC.match(text)
    if match:
        a, b, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        year += 2000 if year < 100 else 0
        return _date(year, a, b), _date(year, b, a)
    match = _ISO.match(text)
    if match:
        day = _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return (day, day) if day else None
    match = _NAMED.match(text)
    if match and match.group(1).lower() in _MONTHS:
        day = _date(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
        return (day, day) if day else None
    return None


#: Languages and regions whose numeric dates put the month first; others put the day first,
#: except those listed as unknown (their usage is mixed).
_MONTH_FIRST = {"en", "en-us", "es-us", "en-ph", "en-as", "en-gu", "en-pr", "en-um", "en-vi"}
_MIXED = {"en-ca", "fr-ca", "ja", "zh", "ko", "hu", "lt", "sv", "mn", "fa"}
ORDERS = ("month-first", "day-first")


def language_order(language: str | None) -> str | None:
    """The date order a language tag's region writes ("en-US": month-first, "en-GB", "fr":
    day-first), or None when it does not settle it."""
    if not language:
        return None
    tag = language.strip().replace("_", "-").casefold()
    if tag in _MONTH_FIRST:
        return "month-first"
    if tag in _MIXED or tag.split("-")[0] in _MIXED:
        return None
    return "day-first"


class Stamps:
    """The date-and-time cells of one report, read with one date order for the whole file.

    ``known`` is the pattern of the platform's US layout (month first), ``date_order`` the order
    settled in writing, ``language`` the outline's language tag."""

    def __init__(self, workshop_day: dt.date, *, date_order: str | None = None, language: str | None = None,
                 known: "re.Pattern[str] | None" = None, name: str = "this report"):
        self.day, self.name = workshop_day, name
        self.date_order, self.language, self.known = date_order, language, known
        self.parts: dict[str, tuple[tuple[dt.date | None, dt.date | None], int] | None] = {}

    def add(self, text: str) -> bool:
        """Note a cell; False when it is not a date and time this module reads."""
        text = text.strip()
        if text not in self.parts:
            match = _STAMP.match(text)
            readings = date_readings(match.group("date")) if match else None
            seconds = clock_seconds(match.group("time")) if match else None
            self.parts[text] = (readings, seconds) if readings and seconds is not None else None
        return self.parts[text] is not None

    def order(self) -> tuple[str | None, str]:
        """("month-first" or "day-first", a sentence for the warnings or ""); (None, why) when
        nothing settles a date that reads both ways."""
        if self.date_order:
            return self.date_order, ""
        numeric = {t: r for t, (r, _) in ((t, p) for t, p in self.parts.items() if p) if r[0] != r[1]}
        if not numeric:
            return "month-first", ""
        month_first_only = all(r[0] for r in numeric.values())
        day_first_only = all(r[1] for r in numeric.values())
        if month_first_only and not day_first_only:
            return "month-first", ""
        if day_first_only and not month_first_only:
            return "day-first", ""
        if not month_first_only and not day_first_only:
            return "month-first", ""  # some cell is no date either way; each such cell is reported
        if self.known is not None and all(self.known.match(t) for t in numeric):
            return "month-first", ""
        by_language = language_order(self.language)
        if by_language:
            return by_language, ""
        text, (month, day) = next(iter(numeric.items()))
        return None, (f"its dates read two ways: {text.split()[0].rstrip(',')} is {month:%B} {month.day} read month "
                      f"first, {day:%B} {day.day} read day first, and nothing in the file settles which (no day "
                      "above 12, not the platform's US layout); settle it in writing in the decisions file: "
                      f"- {{report: {self.name}, date_order: month-first, reason: ...}} (or day-first)")

    def get(self, text: str, order: str) -> dt.datetime | None:
        found = self.parts.get(text.strip())
        if not found:
            return None
        readings, seconds = found
        day = readings[0] if order == "month-first" else readings[1]
        if day is None:
            return None
        return dt.datetime(day.year, day.month, day.day) + dt.timedelta(seconds=seconds)
