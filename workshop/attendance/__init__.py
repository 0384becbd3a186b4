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
from workshop.attendance.names import name_key
from workshop.attendance.report import Join, Report, _xlsx_rows, read_report
from workshop.attendance.rule import award, present_minutes, shown_windows, windows
from workshop.attendance.table import key
from workshop.errors import InputError, Problem, Src, display_path
from workshop.i18n import Said, said
from workshop.pdfdraw import unprintable
from workshop.printable import unprintable_problems
from workshop.record.settled import Settled, question
from workshop.roster import Attendee, Roster
from workshop.rostercsv import decode
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
    reason: str  # in English, as attendance.csv and the command's output give it
    attendee: Attendee | None = None  # the roster row (licence, score), when the person is on it
    said: Said | None = None  # the reason, to print in the outline's language (the attendance log)

    def reason_in(self, language: str) -> str:
        """The reason in ``language``; as written when it was not kept as a message (or was
        replaced by one that was not)."""
        if self.said is None or str(self.said) != self.reason:
            return self.reason
        return self.said.text(language)

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
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):  # a workbook: a timed roster, or a report saved from Excel
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
    settled = settled or Settled()
    named: dict[str, list[str]] = {}
    for path in reports:
        named.setdefault(Path(path).name.casefold(), []).append(display_path(path))
    for paths in named.values():
        if len(paths) > 1 and (settled.rows or settled.date_order):
            problems.append(Problem(Src(paths[1]), f"two reports have the file name {Path(paths[0]).name} "
                                    f"({' and '.join(paths)}), and the decisions file names reports by file name: "
                                    "rename one (e.g. session-2.csv) so that each decision says which it means"))
    read = _reports(reports, day, agenda, problems, timezone=workshop.timezone, date_orders=settled.date_order,
                    settled=settled)
    for sheet in rosters:
        if not sheet.timed:
            problems.append(Problem(Src(_shown(sheet)), "given with --attendance but it has no 'time in' and "
                                                        "'time out' columns; give a roster with --roster"))
    phones = _dial_ins(read, settled, roster is not None, problems)
    joins = [j for r in read for j in r.joins] + phones + [_row_join(s, a, day) for s in rosters for a in s.attendees
                                                            if a.time_in is not None]
    ignored: list[str] = []
    people = _people(workshop, roster, joins, problems, settled, ignored)
    problems += _unused(settled, {(Path(j.source).name.casefold(), j.line) for j in joins + [p for r in read
                                                                                        for p in r.phones]})
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


def _reports(paths: tuple[Path, ...], day: dt.date, agenda: Agenda, problems: list[Problem], *,
             timezone: str = "", date_orders: dict[str, str] | None = None,
             language: str | None = None, settled: Settled | None = None) -> list[Report]:
    """Every report read, each one checked to be of this session; problems collected.

    ``date_orders`` maps a report (its file name, casefolded) to the date order settled for it in writing,
    "month-first" or "day-first"; ``language`` is the outline's language tag; ``timezone`` the
    outline's ``workshop.timezone``, named when a report's times sit whole hours off the agenda."""
    read: list[Report] = []
    for path in paths:
        try:
            read.append(read_report(path, day, date_order=(date_orders or {}).get(Path(path).name.casefold()),
                                    language=language))
        except InputError as exc:
            problems += exc.problems
    if settled is not None:  # a dial-in settled in writing needs no warning that it is not
        read = [dataclasses.replace(r, warnings=tuple(w for w in r.warnings if not any(
                    w.startswith(f"{p.source}: row {p.line}: ") and settled.rows.get((Path(p.source).name.casefold(),
                                                                                      p.line)) for p in r.phones)))
                for r in read]
    midnight = dt.datetime.combine(day, dt.time())
    span = (midnight + dt.timedelta(minutes=agenda.start), midnight + dt.timedelta(minutes=agenda.end))
    for report in read:
        shift = _zone_shift(report, span)
        if not report.joins:
            problems.append(Problem(Src(report.source), f"this {report.kind} has no one in it; give the report "
                                                        "downloaded after the session"))
        elif shift:
            n = abs(shift)
            hours_ = f"{n} hour{'s' if n != 1 else ''}"
            zone = f"the workshop's time zone ({timezone})" if timezone else "the workshop's time zone"
            target = timezone or "the workshop's"
            problems.append(Problem(Src(report.source), f"this {report.kind} covers {report.covers()}: its people "
                                    f"join and leave {hours_} {'earlier' if shift > 0 else 'later'} than the workshop "
                                    f"runs ({day.isoformat()} {clock(agenda.start)}-{clock(agenda.end)}), at both ends. "
                                    f"The likely cause is the time zone: Zoom and Teams write a report's times in the "
                                    f"zone of the account that downloads it, and this one looks {hours_} "
                                    f"{'behind' if shift > 0 else 'ahead of'} {zone}. Set that account's time zone to "
                                    f"{target} and download the report again"
                                    + ("" if timezone else ", or add workshop.timezone to the outline")))
        elif not any(j.start < span[1] and j.end > span[0] for j in report.joins if not j.waiting):
            problems.append(Problem(Src(report.source), f"this {report.kind} covers {report.covers()}, but the "
                                    f"workshop runs {day.isoformat()} {clock(agenda.start)}-{clock(agenda.end)}: "
                                    "give the report of this session (its times are read as the workshop's local "
                                    "time)"))
    return read


def _dial_ins(read: list[Report], settled: Settled, with_roster: bool, problems: list[Problem]) -> list[Join]:
    """The dial-in rows the decisions file settles: a dial-in is no one's presence until it says
    whose it is (a roster person), that it is nobody, or the name to print. Given to a person
    without a roster, there is no one to give it to: refused."""
    found = []
    for j in (p for r in read for p in r.phones):
        d = settled.row(j.source, j.line)
        if d is None:
            name = Path(j.source).name
            problems.append(Problem(Src(j.source, j.line, 1), question(
                j.source, j.line, f"{j.display or j.name!r} is a dial-in (a phone, not a name): whose presence it is "
                                  "cannot be read from the report",
                ([f"  - row: {name}:{j.line}\n    person: EMAIL OF THE ROSTER PERSON WHO CALLED IN\n    reason: ..."]
                 if with_roster else [f"  - row: {name}:{j.line}\n    name: THE CALLER'S NAME\n    reason: ..."])
                + [f"  - row: {name}:{j.line}\n    nobody: true\n    reason: ..."])))
            continue
        if d.person and not with_roster:
            problems.append(Problem(d.src, f"{j.source} row {j.line} is a dial-in given to {d.person}, but there is no "
                                           "roster to find them in: give --roster, or write the name to print "
                                           "(name: ...) instead of person", "row"))
            continue
        found.append(j)
    return found


def _zone_shift(report: Report, span: tuple[dt.datetime, dt.datetime]) -> int:
    """The whole hours to add to a report's times for its people to arrive and leave about when
    the agenda starts and ends, when its own times do not: 0 when they do, or when no shift fits.

    A person's arrival is their first join, their leaving their last leave; the middle (median)
    person of each is compared, so a few early, late or lingering people do not decide it."""
    people: dict[str, list[dt.datetime]] = {}
    for j in report.joins:
        if j.waiting or j.staff:
            continue
        seen = people.setdefault(j.email or name_key(j.name), [j.start, j.end])
        seen[0], seen[1] = min(seen[0], j.start), max(seen[1], j.end)
    if len(people) < 2:
        return 0
    arrive = sorted(p[0] for p in people.values())[len(people) // 2]
    leave = sorted(p[1] for p in people.values())[len(people) // 2]
    minutes = dt.timedelta(minutes=1)

    def fits(hours_: int) -> bool:
        shift = dt.timedelta(hours=hours_)
        return (span[0] - 45 * minutes <= arrive + shift <= span[0] + 30 * minutes
                and span[1] - 45 * minutes <= leave + shift <= span[1] + 60 * minutes)

    if fits(0):
        return 0
    return min((h for h in range(-14, 15) if h and fits(h)), key=abs, default=0)


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
    unprintable_names = []  # told together, one problem for each script no font has
    for p in people_to_check:
        missing = list(dict.fromkeys(unprintable(p.name, "serif") + unprintable(p.name, "sans")))
        if missing and p.joins:
            j = p.joins[0]
            unprintable_names.append((Src(j.source, j.line, 1), "", p.name, missing))
    problems += unprintable_problems(unprintable_names)
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
    def refused(why: Said) -> Decision:
        return Decision(**common, hours=None, certified=False, reason=str(why), said=why)

    if p.how == "staff":
        return refused(said("host or presenter: not an attendee"))
    if p.how == "not on the roster":
        return refused(said("in a report but not on the roster: no certificate; add them to the roster to certify"))
    if p.attendee is not None and not p.attendee.attended:
        return refused(said("the roster says not attended: no certificate"))
    if not p.joins:
        return refused(said("not in any attendance report and no time in or out: no certificate"))
    if present_spans == [] and any(j.waiting for j in p.joins):
        return refused(said("only in the waiting room: no certificate"))
    given = award(present, instructional, rule, agenda.ce)
    earned = None if not given.certified else (given.hours if given.hours is not None else
                                                (agenda.ce.awarded if agenda.ce else None))
    return Decision(**common, hours=earned, certified=given.certified, reason=given.reason, said=given.said)


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
