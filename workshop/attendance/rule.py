"""The board's rule: presence in instructional time becomes hours.

Only the agenda's sections count, on the workshop's date; breaks do not. A person's stretches of
presence are merged first, so two devices at once count once and a waiting room counts not at
all. Minutes are whole minutes: seconds of presence are dropped, so a person who missed 10
minutes and 20 seconds has missed 11.

``ce.attendance.grace_minutes`` missed or fewer: the full award. More, with ``partial: prorate``:
the minutes present / ``minutes_per_hour``, rounded down to ``increment``, never above the full
award; with ``partial: none``: no certificate. Zero hours: no certificate. Without a ``ce``
block there are no hours and so no rule: anyone present in instructional time is certified as
having attended.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from workshop import model as m
from workshop.i18n import Figure, Said, said, said_n
from workshop.schedule import Agenda, CEWorking, clock_range

Span = tuple[dt.datetime, dt.datetime]


def windows(agenda: Agenda, day: dt.date) -> list[Span]:
    """The instructional windows of the workshop day: each run of sections, breaks left out."""
    midnight = dt.datetime(day.year, day.month, day.day)
    found: list[Span] = []
    for item in agenda.items:
        if item.kind != "section":
            continue
        start, end = midnight + dt.timedelta(minutes=item.start), midnight + dt.timedelta(minutes=item.end)
        if found and found[-1][1] == start:
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    return found


def shown_windows(agenda: Agenda, style: str = "24h") -> str:
    """"18:00-19:30, 19:45-21:00" (or "6:00-7:30 PM, ..." in 12-hour style): what ``workshop
    schedule`` and the attendance log print for the rule."""
    day = dt.date(2000, 1, 3)
    spans = [clock_range(_minute(a, day), _minute(b, day), style) for a, b in windows(agenda, day)]
    return ", ".join(s.replace("–", "-") for s in spans)  # plain text; print sets its own dash


def _minute(when: dt.datetime, day: dt.date) -> int:
    return int((when - dt.datetime(day.year, day.month, day.day)).total_seconds() // 60)


def merge(spans: list[Span]) -> list[Span]:
    """The union of ``spans``: overlapping or touching stretches become one."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def present_minutes(spans: list[Span], within: list[Span]) -> int:
    """Whole minutes of ``spans`` (merged first) that fall inside ``within``."""
    seconds = 0
    for start, end in merge(spans):
        for w_start, w_end in within:
            overlap = (min(end, w_end) - max(start, w_start)).total_seconds()
            seconds += max(0, overlap)
    return int(seconds // 60)


@dataclass(frozen=True)
class Award:
    hours: Decimal | None  # None: the full award (or no ce block)
    certified: bool
    said: Said  # why, to print in any language

    @property
    def reason(self) -> str:
        return str(self.said)


def award(present: int, instructional: int, rule: m.AttendanceRule, ce: CEWorking | None) -> Award:
    """What the rule gives for ``present`` of ``instructional`` minutes."""
    missed = instructional - present
    if present <= 0:
        return Award(Decimal(0), False, said("not present during instructional time: no certificate"))
    if ce is None:  # no hours to award, so no rule to apply: presence earns the attendance certificate
        return Award(None, True, said("present {minutes} of {instructional} (no ce block: a certificate of attendance, "
                                      "with no hours)", minutes=_minutes(present), instructional=instructional))
    if missed == 0:
        return Award(None, True, said("present for all {instructional} instructional minutes: {hours} hours",
                                      instructional=instructional, hours=ce.awarded))
    if missed <= rule.grace_minutes:
        return Award(None, True, said("missed {minutes}, within the {grace}-minute grace: {hours} hours",
                                      minutes=_minutes(missed), grace=rule.grace_minutes, hours=ce.awarded))
    beyond = said("missed {minutes}, more than the {grace}-minute grace", minutes=_minutes(missed),
                  grace=rule.grace_minutes)
    if rule.partial != "prorate":
        return Award(Decimal(0), False, said("{beyond}, and the rule gives no partial credit: no certificate",
                                             beyond=beyond))
    steps = math.floor(Fraction(present, ce.minutes_per_hour) / Fraction(ce.increment))
    earned = min(Decimal(steps) * ce.increment, ce.awarded)
    exact = Decimal(f"{float(Fraction(present, ce.minutes_per_hour)):.2f}")
    working = said("{present} / {per_hour} = {exact} h, rounded down to {step}", present=present,
                   per_hour=ce.minutes_per_hour, exact=exact, step=Figure(ce.increment))
    if earned <= 0:
        return Award(Decimal(0), False, said("{beyond}; {working} = 0 hours: no certificate", beyond=beyond,
                                             working=working))
    if earned >= ce.awarded:
        return Award(None, True, said("{beyond}; {working}: the full {hours} hours", beyond=beyond, working=working,
                                      hours=ce.awarded))
    return Award(earned, True, said("{beyond}; {working} = {hours} hours (partial credit)", beyond=beyond,
                                    working=working, hours=earned))


def _minutes(n: int) -> Said:
    return said_n("{n} instructional minute", "{n} instructional minutes", n)
