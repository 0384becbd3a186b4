"""The timed agenda: clock times for every entry, slide and activity, and the CE hours.

Pure functions of the model. Times are whole minutes since midnight of the workshop day; an
agenda that would run past midnight is refused, since every output prints one day's clock.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from workshop import model as m
from workshop.errors import InputError, Problem
from workshop.keys import nth

#: Minutes in the workshop day: an agenda ends by 24:00.
DAY = 24 * 60


@dataclass(frozen=True)
class Segment:
    """A slide or activity inside a section, with the minutes it was given."""

    kind: str  # "slide", "activity", or "open": the section's minutes no slide or activity is given
    index: int  # position among the section's slides, or among its activities (0 for open time)
    title: str
    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Item:
    entry: m.Entry
    start: int
    end: int
    elapsed: int  # minutes from the workshop's start to this entry's end
    segments: tuple[Segment, ...] = ()

    @property
    def kind(self) -> str:
        return "break" if isinstance(self.entry, m.Break) else "section"

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def label(self, optional_note: str = "optional") -> str:
        """The entry's title as agendas show it, with ``(optional_note)`` after an optional section."""
        optional = self.kind == "section" and self.entry.optional
        return f"{self.entry.title} ({optional_note})" if optional else self.entry.title

    def slide_time(self, index: int) -> Segment:
        return next(s for s in self.segments if s.kind == "slide" and s.index == index)

    def activity_time(self, index: int) -> Segment:
        return next(s for s in self.segments if s.kind == "activity" and s.index == index)

    @property
    def open_time(self) -> Segment | None:
        """The minutes at the section's end that the outline gives to no slide or activity."""
        return next((s for s in self.segments if s.kind == "open"), None)


@dataclass(frozen=True)
class CEWorking:
    """How the CE hours were reached, kept so every output can show the same arithmetic."""

    instructional_minutes: int
    minutes_per_hour: int
    increment: Decimal
    computed: Decimal  # hours the agenda supports, rounded down
    awarded: Decimal  # ce.hours when given, else computed

    @property
    def exact(self) -> Fraction:
        return Fraction(self.instructional_minutes, self.minutes_per_hour)

    def explain(self, language: str = "en") -> str:
        """"140 instructional minutes / 60 = 2.33 h, rounded down to 0.25 = 2.25 h" (in ``language``,
        its digits too, for the guide; messages keep English)."""
        from workshop.i18n import hours_text, number_text, tr

        text = tr(language, "{minutes} instructional minutes / {per_hour} = {exact} h, rounded down to {step} = {hours} h",
                  minutes=self.instructional_minutes, per_hour=self.minutes_per_hour,
                  exact=hours_text(Decimal(f"{float(self.exact):.2f}"), language),
                  step=number_text(self.increment, language), hours=hours_text(self.computed, language))
        if self.awarded != self.computed:
            text += tr(language, "; the outline awards {hours} h", hours=hours_text(self.awarded, language))
        return text


@dataclass(frozen=True)
class Agenda:
    start: int
    items: tuple[Item, ...]
    ce: CEWorking | None

    @property
    def end(self) -> int:
        return self.items[-1].end if self.items else self.start

    @property
    def total_minutes(self) -> int:
        return self.end - self.start

    @property
    def instructional_minutes(self) -> int:
        return sum(i.minutes for i in self.items if i.kind == "section")

    def item(self, entry_id: str) -> Item:
        return next(i for i in self.items if i.entry.id == entry_id)


CLOCKS = ("24h", "12h")
_CLOCK_INPUT = re.compile(r"^(\d{1,2}):([0-5]\d)(?:\s*([AaPp])\.?\s*[Mm]\.?)?$")


def clock(minute: int, style: str = "24h") -> str:
    """Minutes since midnight as a clock time: "09:05" (24h) or "9:05 AM" (12h). Never wrapped
    past midnight in 24h: "24:00" is the latest an agenda may end ("12:00 AM" in 12h)."""
    hour, minute = divmod(minute, 60)
    if style == "12h":
        return f"{(hour - 1) % 12 + 1}:{minute:02d} {'AM' if hour % 24 < 12 else 'PM'}"
    return f"{hour:02d}:{minute:02d}"


def clock_range(start: int, end: int, style: str = "24h") -> str:
    """A span of clock times with an en dash, as print sets it: "09:00–09:15", "9:00–10:15 AM",
    "11:30 AM–12:15 PM"."""
    first, last = clock(start, style), clock(end, style)
    if style == "12h" and first[-2:] == last[-2:]:
        first = first[:-3]
    return f"{first}–{last}"


#: How outputs print the workshop's date (``workshop.date_style``), with an example of each.
DATE_STYLES = {"long": "Saturday, March 14, 2026", "short": "March 14, 2026", "iso": "2026-03-14",
               "day-month": "14 March 2026", "long-day-month": "Saturday 14 March 2026"}


def date_text(day: dt.date | None, style: str = "", default: str = "long", language: str = "en") -> str:
    """``day`` as the outputs print it in ``style`` (one of :data:`DATE_STYLES`); with no style
    written, in ``default`` (certificates print "short" unless told otherwise). "" for no date.
    In a ``language`` other than English, the same style in that language's CLDR form."""
    if day is None:
        return ""
    style = style or default
    if language and language != "en":
        from workshop.i18n import cldr_date

        return cldr_date(day, style, language)
    if style == "short":
        return f"{day:%B} {day.day}, {day.year}"
    if style == "iso":
        return day.isoformat()
    if style == "day-month":
        return f"{day.day} {day:%B} {day.year}"
    if style == "long-day-month":
        return f"{day:%A} {day.day} {day:%B} {day.year}"
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def parse_clock(text: str) -> int | None:
    """A written time as minutes since midnight: "09:00", "18:30", "6:30 PM", "6:30 pm", "6:30 p.m.";
    None when it is not a time (a 12-hour time with AM or PM must have an hour from 1 to 12)."""
    match = _CLOCK_INPUT.match(text.strip())
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half in "Pp" else 0)
    elif hour > 23:
        return None
    return hour * 60 + minute


def duration(minutes: int) -> str:
    """Minutes as hours and minutes, "1:05"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def hours(value: Decimal) -> str:
    """CE hours as printed: at least two decimals for quarter hours ("2.25", "3.00"), more if needed."""
    text = f"{value:.2f}"
    return text if Decimal(text) == value else format(value.normalize(), "f")


def ce_hours(instructional_minutes: int, ce: m.CE) -> Decimal:
    """Instructional minutes / minutes-per-hour, rounded DOWN to a multiple of the increment."""
    step = Fraction(ce.increment)
    steps = math.floor(Fraction(instructional_minutes, ce.minutes_per_hour) / step)
    return Decimal(steps) * ce.increment


def build_agenda(workshop: m.Workshop) -> Agenda:
    """Time every entry from ``workshop.start``; raise :class:`InputError` for timing problems."""
    problems: list[Problem] = []
    items = []
    now = workshop.start
    for n, entry in enumerate(workshop.sections):
        segments: tuple[Segment, ...] = ()
        if isinstance(entry, m.Section):
            segments = _time_section(entry, nth("", "sections", n), now, problems)
        if now <= DAY < now + entry.minutes:
            where = entry.minutes_src if isinstance(entry, m.Section) else entry.src
            problems.append(Problem(where, f"the agenda would run past midnight here ({clock(now)} plus "
                                           f"{entry.minutes} minutes); a workshop must end by 24:00, so "
                                           "shorten the agenda or start earlier",
                                    f"{nth('', 'sections', n)}, minutes"))
        items.append(Item(entry, now, now + entry.minutes, now + entry.minutes - workshop.start, segments))
        now += entry.minutes
    agenda = Agenda(workshop.start, tuple(items), None)
    if workshop.ce is not None:
        computed = ce_hours(agenda.instructional_minutes, workshop.ce)
        awarded = computed if workshop.ce.hours is None else workshop.ce.hours
        working = CEWorking(agenda.instructional_minutes, workshop.ce.minutes_per_hour,
                            workshop.ce.increment, computed, awarded)
        if awarded > computed:
            problems.append(Problem(workshop.ce.hours_src,
                                    f"{hours(awarded)} hours is more than the agenda supports: "
                                    f"{working.explain()}", "ce.hours"))
        elif workshop.ce.hours is not None and workshop.ce.hours % workshop.ce.increment:
            lower = workshop.ce.hours // workshop.ce.increment * workshop.ce.increment
            problems.append(Problem(workshop.ce.hours_src,
                                    f"{workshop.ce.hours} is not a multiple of the increment {workshop.ce.increment}; "
                                    f"write {hours(lower)}, or change ce.increment", "ce.hours"))
        elif awarded == 0:
            problems.append(Problem(workshop.ce.hours_src if workshop.ce.hours is not None else workshop.ce.src,
                                    f"the certificates would award 0 hours ({working.explain()}); a CE "
                                    "certificate needs hours: lengthen the sections, lower ce.increment, or "
                                    "remove the ce block for certificates of attendance",
                                    "ce.hours" if workshop.ce.hours is not None else "ce"))
        agenda = Agenda(workshop.start, tuple(items), working)
        rule = workshop.ce.attendance
        if rule is not None and agenda.instructional_minutes and rule.grace_minutes * 2 >= agenda.instructional_minutes:
            problems.append(Problem(rule.src, f"grace_minutes {rule.grace_minutes} is half or more of the "
                                    f"{agenda.instructional_minutes} instructional minutes, so someone present for "
                                    f"half the workshop would earn the full award; it is the minutes one may miss "
                                    f"(boards commonly allow 5 to 15): write fewer", "ce.attendance.grace_minutes"))
    if workshop.end is not None and agenda.end > workshop.end and agenda.end <= DAY:
        problems.append(Problem(workshop.end_src,
                                f"the agenda runs from {clock(workshop.start)} to {clock(agenda.end)}, "
                                f"{agenda.end - workshop.end} minutes past the end time {clock(workshop.end)}",
                                "workshop.end"))
    if problems:
        raise InputError(problems)
    return agenda


def _time_section(section: m.Section, here: str, start: int, problems: list[Problem]) -> tuple[Segment, ...]:
    """Explicit slide and activity minutes first; the rest of the section is shared among the
    other slides, earlier slides taking any odd minute. When every slide has its own minutes,
    what they and the activities leave is open time at the section's end (a segment of its own,
    which :func:`timing_warnings` names), so that every minute of the section is accounted for."""
    fixed = sum(s.minutes for s in section.slides if s.minutes) + sum(a.minutes for a in section.activities)
    if fixed > section.minutes:
        problems.append(Problem(section.minutes_src,
                                f"its slides and activities with their own minutes need {fixed} minutes, "
                                f"more than the section's {section.minutes}",
                                f"{here}, minutes"))
        return ()
    unsized = [n for n, s in enumerate(section.slides) if not s.minutes]
    spare = section.minutes - fixed
    share, extra = divmod(spare, len(unsized)) if unsized else (0, 0)
    segments = []
    now = start
    rank = 0
    for n, slide in enumerate(section.slides):
        if slide.minutes:
            length = slide.minutes
        else:
            length = share + (1 if rank < extra else 0)
            rank += 1
        segments.append(Segment("slide", n, slide.title, now, now + length))
        now += length
    for n, activity in enumerate(section.activities):
        segments.append(Segment("activity", n, activity.title, now, now + activity.minutes))
        now += activity.minutes
    if segments and now < start + section.minutes:
        segments.append(Segment("open", 0, "open time", now, start + section.minutes))
    return tuple(segments)


def agenda_json(workshop: m.Workshop, agenda: Agenda) -> dict:
    """The agenda as ``workshop schedule --json`` prints it (the shape the spec fixes)."""
    items = []
    for item in agenda.items:
        if item.kind == "section":
            items.append({"kind": "section", "id": item.entry.id, "title": item.entry.title,
                          "start": clock(item.start), "end": clock(item.end), "minutes": item.minutes,
                          "optional": item.entry.optional})
        else:
            items.append({"kind": "break", "title": item.entry.label, "start": clock(item.start),
                          "end": clock(item.end), "minutes": item.minutes})
    return {"title": workshop.title, "start": clock(agenda.start), "end": clock(agenda.end),
            "total_minutes": agenda.total_minutes, "instructional_minutes": agenda.instructional_minutes,
            "ce_hours": float(agenda.ce.awarded) if agenda.ce else None, "items": items}


def timing_warnings(workshop: m.Workshop, agenda: Agenda, style: str = "24h") -> list[str]:
    """A section whose slides and activities, each with its own minutes, leave some of its minutes
    to nothing: named at the section's ``minutes:`` line, with the times no slide covers."""
    out = []
    for n, item in enumerate(agenda.items):
        gap = item.open_time if item.kind == "section" else None
        if gap is None:
            continue
        planned = item.minutes - gap.minutes
        out.append(f"{item.entry.minutes_src}: {nth('', 'sections', n)}, minutes: '{item.entry.title}' runs "
                   f"{item.minutes} minutes, but its slides and activities are given {planned}; the other "
                   f"{gap.minutes} minutes ({clock_range(gap.start, gap.end, style)}) go to no slide or activity, "
                   "and the deck and guide show them as open time. Leave out a slide's minutes to give it the "
                   "rest, lengthen an activity, or shorten the section")
    return out


def unit_warnings(workshop) -> list[str]:
    """A credit unit that may not mean what the arithmetic gives: "CEUs" counted as clock hours."""
    import re

    ce = workshop.ce
    if ce is None or not re.search(r"\bceus?\b", ce.unit, re.I):
        return []
    return [f"{ce.src}: ce.unit: every output counts {ce.minutes_per_hour} minutes as one {ce.unit.rstrip('s')}; "
            f"if your board means IACET CEUs (10 contact hours each), that is ten times too many: write "
            f"ce.unit: contact hours instead; if it calls contact hours CEUs, this is right as written"]
