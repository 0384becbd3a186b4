"""Attendance reports in, hours out: live online workshops certified by the board's rule.

:func:`work_out` reads the reports given with ``--attendance`` (Zoom meeting or webinar, Teams)
and a roster's ``time in``/``time out`` columns, matches their rows to the roster (or makes the
roster from them), and applies ``ce.attendance`` (:mod:`workshop.attendance.rule`). The result is
a roster whose hours and ``attended`` are the rule's, so certificates and the ledger need no
other change, and one :class:`Decision` per person for ``attendance.csv``.

Times in a report are taken as the workshop's local time (see :mod:`workshop.attendance.clock`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from workshop import model as m
from workshop.attendance.match import Person, gather, with_roster
from workshop.attendance.report import Join, Report, key, read_report
from workshop.attendance.rule import award, present_minutes, shown_windows, windows
from workshop.errors import InputError, Problem, Src, display_path
from workshop.pdfdraw import unprintable
from workshop.record.settled import Settled
from workshop.roster import Attendee, Roster
from workshop.schedule import Agenda, clock, hours


@dataclass(frozen=True)
class Decision:
    """What the rule gave one person, with everything that led to it."""

    name: str
    email: str
    how: str  # how the person was matched: email, name, roster times, report only, ...
    where: str  # the report rows the presence came from
    joined: dt.datetime | None
    left: dt.datetime | None
    present: int  # instructional minutes present
    missed: int
    hours: Decimal | None  # hours awarded; None without a ce block or without a certificate
    certified: bool
    reason: str
    attendee: Attendee | None = None  # the roster row (licence, score), when the person is on it

    @property
    def license(self) -> str:
        return self.attendee.license if self.attendee is not None else ""


@dataclass(frozen=True)
class Attendance:
    decisions: tuple[Decision, ...]
    online: bool  # a meeting platform's report was read
    instructional: int
    windows: str  # "18:00-19:30, 19:45-21:00"


def timed_roster(path: Path) -> bool:
    """Whether a file given with ``--attendance`` is a roster with time columns rather than a
    platform's report: a workbook, or text whose first line has 'time in' and 'time out'."""
    from workshop.rostercsv import decode

    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):  # a workbook: a timed roster, or a report saved from Excel
        from workshop.attendance.report import _xlsx_rows

        try:
            rows = _xlsx_rows(path, display_path(path), [])
        except (OSError, InputError):
            return True  # read as a roster, which says what is wrong with the workbook
        first = next((cells for _, cells in rows if any(cells)), [])
        cells = {key(c) for c in first}
        return {"timein", "timeout"} <= cells or {"signintime", "signouttime"} <= cells
    try:
        text = decode(path.read_bytes(), display_path(path), [])
    except (OSError, InputError):
        return False
    first = next((line for line in text.splitlines() if line.strip()), "")
    cells = {key(c) for sep in (",", ";", "\t") for c in first.split(sep)}
    return {"timein", "timeout"} <= cells or {"signintime", "signouttime"} <= cells


def work_out(workshop: m.Workshop, agenda: Agenda, roster: Roster | None, reports: tuple[Path, ...],
             rosters: tuple[Roster, ...] = (), settled: Settled | None = None) -> tuple[Roster | None, Attendance | None]:
    """The roster as the rule leaves it, and the decisions; ``(roster, None)`` when there is
    nothing to work out (no report and no time columns). ``rosters`` are rosters with time
    columns given as reports. Raises :class:`InputError` for every problem found."""
    if not reports and not rosters and not (roster is not None and roster.timed):
        if roster is not None and workshop.ce and workshop.ce.attendance:
            roster = dataclasses.replace(roster, warnings=roster.warnings + (
                f"{workshop.ce.attendance.src}: ce.attendance: no attendance report and no time in/out columns, so "
                "the rule is not applied; give --attendance REPORT to apply it",))
        return roster, None
    day = workshop.date
    problems: list[Problem] = []
    read = _reports(reports, day, agenda, problems)
    for sheet in rosters:
        if not sheet.timed:
            problems.append(Problem(Src(_shown(sheet)), "given with --attendance but it has no 'time in' and "
                                                        "'time out' columns; give a roster with --roster"))
    joins = [j for r in read for j in r.joins] + [_row_join(s, a, day) for s in rosters for a in s.attendees
                                                   if a.time_in is not None]
    settled = settled or Settled()
    ignored: list[str] = []
    people = _people(workshop, roster, joins, problems, settled, ignored)
    problems += _unused(settled, {(Path(j.source).name.casefold(), j.line) for j in joins})
    if problems:
        raise InputError(problems)
    within = windows(agenda, day)
    rule = (workshop.ce.attendance if workshop.ce else None) or m.AttendanceRule()
    instructional = agenda.instructional_minutes
    decisions, attendees, warnings = [], [], [w for r in read for w in r.warnings] + ignored
    for p in people:
        decision = _decide(p, within, instructional, rule, agenda)
        decisions.append(decision)
        if p.attendee is not None:
            attendees.append(_as_attendee(p.attendee, decision, agenda))
            if p.attendee.hours is not None:
                warnings.append(f"{_shown(roster)}: row {p.attendee.row}: the hours column's {hours(p.attendee.hours)} "
                                f"for {p.name} is not used: the attendance rule decides ({decision.reason})")
        elif roster is None and p.how == "report only":
            j = p.joins[0]
            attendees.append(_as_attendee(Attendee(j.line, p.name, p.email), decision, agenda))
        note = _note(p, decision, agenda)
        if note:
            warnings.append(note)
    source = roster.source if roster is not None else Path(reports[0]).resolve()
    base = roster.warnings if roster is not None else ()
    new = Roster(source, tuple(attendees), tuple(base) + tuple(warnings), scored=roster.scored if roster else False)
    online = bool(read)
    return new, Attendance(tuple(decisions), online, instructional, shown_windows(agenda, workshop.clock))


def _reports(paths: tuple[Path, ...], day: dt.date, agenda: Agenda, problems: list[Problem]) -> list[Report]:
    """Every report read, each one checked to be of this session; problems collected."""
    read: list[Report] = []
    for path in paths:
        try:
            read.append(read_report(path, day))
        except InputError as exc:
            problems += exc.problems
    midnight = dt.datetime.combine(day, dt.time())
    span = (midnight + dt.timedelta(minutes=agenda.start), midnight + dt.timedelta(minutes=agenda.end))
    for report in read:
        if not report.joins:
            problems.append(Problem(Src(report.source), f"this {report.kind} has no one in it; give the report "
                                                        "downloaded after the session"))
        elif not any(j.start < span[1] and j.end > span[0] for j in report.joins if not j.waiting):
            problems.append(Problem(Src(report.source), f"this {report.kind} covers {report.covers()}, but the "
                                    f"workshop runs {day.isoformat()} {clock(agenda.start)}-{clock(agenda.end)}: "
                                    "give the report of this session (its times are read as the workshop's local "
                                    "time)"))
    return read


def _unused(settled: Settled, rows: set[tuple[str, int]]) -> list[Problem]:
    """A decision about a row no report has is a slip (a wrong file name or line): refused."""
    return [Problem(d.src, f"{d.file}:{d.line} is no row of the attendance reports given; check the report's "
                           "file name and the row's line number", "row")
            for key, d in settled.rows.items() if key not in rows]


def _people(workshop: m.Workshop, roster: Roster | None, joins: list[Join], problems: list[Problem],
            settled: Settled, ignored: list[str]) -> list[Person]:
    """The roster's people with their joins (and the report's others), or the report's people."""
    if roster is not None:
        people = with_roster(roster, joins, workshop.presenters, problems, settled, ignored)
        start = workshop.start * 60
        for p in people:
            a = p.attendee
            if a is not None and a.time_in is not None:
                if a.time_out <= start and a.time_in < 13 * 3600 and a.time_in + 12 * 3600 >= start - 3600:
                    # "6:00" to "8:30" on a sheet for a 6 PM session: morning by the clock, evening
                    # by the workshop; either reading is a guess.
                    problems.append(Problem(Src(_shown(roster)), f"{clock_text(a.time_in)} to {clock_text(a.time_out)} "
                                            f"ends before the workshop starts at {clock_text(start)}; if these are "
                                            "afternoon or evening times, write them as 18:00 or 6:00 PM",
                                            f"row {a.row}, time in"))
                p.joins.insert(0, _row_join(roster, a, workshop.date))
                p.how = "roster times" if p.how == "absent" else p.how
            elif a is None and p.how == "report only":
                p.how = "not on the roster"
        people_to_check = [p for p in people if p.attendee is None and p.how != "staff"]
    else:
        people = gather(joins, workshop.presenters, problems, settled, ignored)
        people_to_check = [p for p in people if p.how != "staff"]
    for p in people_to_check:
        missing = list(dict.fromkeys(unprintable(p.name, "serif") + unprintable(p.name, "sans")))
        if missing and p.joins:
            j = p.joins[0]
            problems.append(Problem(Src(j.source, j.line, 1), f"{p.name!r} cannot be printed: no installed font "
                                    f"has {', '.join(repr(c) for c in missing)}; give a roster with the name"))
    return people


def clock_text(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def _shown(roster: Roster) -> str:
    return display_path(roster.source)


def _row_join(roster: Roster, a: Attendee, day: dt.date) -> Join:
    midnight = dt.datetime.combine(day, dt.time())
    return Join(_shown(roster), a.row, a.name, (a.name,), a.email.casefold(),
                midnight + dt.timedelta(seconds=a.time_in), midnight + dt.timedelta(seconds=a.time_out))


def _decide(p: Person, within, instructional: int, rule: m.AttendanceRule, agenda: Agenda) -> Decision:
    present_spans = [(j.start, j.end) for j in p.joins if not j.waiting]
    first = min((s for s, _ in present_spans), default=None)
    last = max((e for _, e in present_spans), default=None)
    present = present_minutes(present_spans, within)
    common = dict(name=p.name, email=p.email, how=p.how, where=p.where, joined=first, left=last,
                  present=present, missed=instructional - present, attendee=p.attendee)
    if p.how == "staff":
        return Decision(**common, hours=None, certified=False, reason="host or presenter: not an attendee")
    if p.how == "not on the roster":
        return Decision(**common, hours=None, certified=False,
                        reason="in a report but not on the roster: no certificate; add them to the roster to certify")
    if p.attendee is not None and not p.attendee.attended:
        return Decision(**common, hours=None, certified=False, reason="the roster says not attended: no certificate")
    if not p.joins:
        return Decision(**common, hours=None, certified=False,
                        reason="not in any attendance report and no time in or out: no certificate")
    if present_spans == [] and any(j.waiting for j in p.joins):
        return Decision(**common, hours=None, certified=False, reason="only in the waiting room: no certificate")
    given = award(present, instructional, rule, agenda.ce)
    earned = None if not given.certified else (given.hours if given.hours is not None else
                                                (agenda.ce.awarded if agenda.ce else None))
    return Decision(**common, hours=earned, certified=given.certified, reason=given.reason)


def _as_attendee(a: Attendee, d: Decision, agenda: Agenda) -> Attendee:
    full = agenda.ce.awarded if agenda.ce else None
    partial = d.hours if d.certified and d.hours is not None and full is not None and d.hours < full else None
    return dataclasses.replace(a, hours=partial if d.certified else None, attended=d.certified,
                               present=d.present, missed=d.missed)


def _note(p: Person, d: Decision, agenda: Agenda) -> str:
    """The build summary's line for this person, or "" for full credit and staff."""
    if p.how == "staff" or (d.certified and (d.hours is None or agenda.ce is None or d.hours >= agenda.ce.awarded)):
        return ""
    who = p.name + (f" ({p.where})" if p.where else f" (roster row {p.attendee.row})" if p.attendee else "")
    if d.certified:
        return f"attendance: {who}: {hours(d.hours)} of {hours(agenda.ce.awarded)} hours: {d.reason}"
    return f"attendance: {who}: {d.reason}"
