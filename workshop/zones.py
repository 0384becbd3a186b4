"""``workshop.timezone``: checking the IANA name an outline gives, and the label printed beside times.

The label is the abbreviation the zone uses on the workshop's day ("EDT" in July, "EST" in
January), from the time-zone database through :mod:`zoneinfo`, never a guess from the name.
"""

from __future__ import annotations

import datetime as dt
import difflib
from functools import lru_cache

#: Names in the database that are a fixed offset or a rule with no place: a workshop in "EST"
#: would be an hour off all summer, so these are refused with the zone of a city instead.
_NO_PLACE = {
    "EST": "America/New_York", "EST5EDT": "America/New_York", "CST6CDT": "America/Chicago",
    "MST": "America/Denver", "MST7MDT": "America/Denver", "PST8PDT": "America/Los_Angeles",
    "HST": "Pacific/Honolulu", "CET": "Europe/Paris", "EET": "Europe/Athens", "MET": "Europe/Paris",
    "WET": "Europe/Lisbon",
}
#: What people write for a North American zone that is not an IANA name.
_SPOKEN = {
    "eastern": "America/New_York", "et": "America/New_York", "edt": "America/New_York",
    "central": "America/Chicago", "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "mountain": "America/Denver", "mt": "America/Denver", "mdt": "America/Denver",
    "arizona": "America/Phoenix", "pacific": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "alaska": "America/Anchorage",
    "akst": "America/Anchorage", "akdt": "America/Anchorage", "hawaii": "Pacific/Honolulu",
    "atlantic": "America/Halifax", "newfoundland": "America/St_Johns", "gmt": "Etc/UTC", "utc": "Etc/UTC",
}


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    from zoneinfo import available_timezones

    return frozenset(available_timezones())


def zone_problem(name: str) -> str:
    """Why ``name`` is not a time zone the outline can use, with the name to write; "" when it is."""
    if name in _NO_PLACE:
        return (f"{name} is a fixed rule, not a place, and may be an hour off for part of the year; write the "
                f"zone of the workshop's city, such as {_NO_PLACE[name]}")
    if name in _names():
        return ""
    spoken = " ".join(name.replace("_", " ").lower().replace("time", "").replace("standard", "").split())
    by_case = {n.lower(): n for n in _names()}
    by_city = {n.rsplit("/", 1)[-1].replace("_", " ").lower(): n for n in sorted(_names()) if "/" in n
               and not n.startswith(("Etc/", "SystemV/", "US/"))}
    guess = (by_case.get(name.lower()) or _SPOKEN.get(spoken) or by_city.get(spoken)
             or next(iter(difflib.get_close_matches(name, sorted(n for n in _names() if "/" in n
                                                                 and n not in _NO_PLACE), n=1, cutoff=0.75)), None)
             or next(iter(difflib.get_close_matches(spoken, list(by_city), n=1, cutoff=0.8)), None))
    if guess in by_city:
        guess = by_city[guess]
    if guess:
        return (f"unknown time zone {name!r}; did you mean {guess}? (an IANA name: a region and a city, as in "
                f"America/Chicago or Europe/London)")
    return (f"unknown time zone {name!r}; write an IANA name: a region and a city, as in America/New_York, "
            f"America/Chicago or Europe/London")


def zone_label(name: str | None, day: dt.date | None, minute: int = 12 * 60) -> str:
    """What is printed beside a clock time: the zone's abbreviation at ``minute`` of ``day``
    ("EDT"; "UTC+03" where the database has no letters). Without a day, a zone that changes
    with the seasons is named by its city ("New York time"), since EST or EDT would be a guess.
    "" when the outline names no zone."""
    if not name:
        return ""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(name)
    if day is None:
        seasons = {dt.datetime(2026, month, 1, 12, tzinfo=zone).tzname() for month in (1, 7)}
        if len(seasons) > 1:
            return f"{name.rsplit('/', 1)[-1].replace('_', ' ')} time"
        day = dt.date(2026, 1, 1)
    hour, rest = divmod(min(minute, 24 * 60 - 1), 60)
    abbreviation = dt.datetime(day.year, day.month, day.day, hour, rest, tzinfo=zone).tzname() or name
    return f"UTC{abbreviation}" if abbreviation[:1] in "+-" else abbreviation
