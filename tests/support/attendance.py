"""An online delivery of a workshop and what it leaves behind: its outline (an evening of three
sections and a break, with an attendance rule), the Zoom participants report of its people, its
roster, and the rule's hours written out by hand to compare the build's with."""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from decimal import Decimal
from fractions import Fraction

from support import write
from support.office import pdf_text

DAY = dt.date(2026, 10, 7)
START = "18:00"
#: (title, minutes, break?) in agenda order: the rule counts the sections only.
AGENDA = [("Welcome and framing", 30, False), ("Ethical decision making", 60, False), ("Break", 15, True),
          ("Practice with cases", 45, False)]
MINUTES_PER_HOUR, INCREMENT, GRACE = 60, Decimal("0.25"), 10


def outline(partial: str = "prorate", grace: int = GRACE, ce: bool = True) -> str:
    sections = "".join(f"  - break: {t}\n    minutes: {m}\n" if b else f"  - title: {t}\n    minutes: {m}\n"
                       for t, m, b in AGENDA)
    rule = (f"ce:\n  provider: Sunrise Consulting\n  minutes_per_hour: {MINUTES_PER_HOUR}\n  increment: {INCREMENT}\n"
            f"  attendance:\n    grace_minutes: {grace}\n    partial: {partial}\n") if ce else ""
    return (f"workshop:\n  title: Ethics online\n  date: {DAY.isoformat()}\n  start: \"{START}\"\n"
            "  location: Live online\npresenters:\n  - name: Dawn Allred\n    email: dawn@example.org\n"
            f"{rule}sections:\n{sections}")


def at(clock: str) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(clock))


def windows() -> list[tuple[dt.datetime, dt.datetime]]:
    """The agenda's sections as clock spans, sections that follow one another as one span."""
    now, found = at(START), []
    for _, minutes, is_break in AGENDA:
        end = now + dt.timedelta(minutes=minutes)
        if not is_break:
            found[-1:] = [(found[-1][0], end)] if found and found[-1][1] == now else found[-1:] + [(now, end)]
        now = end
    return found


INSTRUCTIONAL = sum(m for _, m, b in AGENDA if not b)
FULL = Decimal(math.floor(Fraction(INSTRUCTIONAL, MINUTES_PER_HOUR) / Fraction(INCREMENT))) * INCREMENT


def present(*spans: tuple[str, str]) -> int:
    """Whole instructional minutes in the union of ``spans`` (clock strings)."""
    union: list[list[dt.datetime]] = []
    for a, b in sorted((at(a), at(b)) for a, b in spans):
        if union and a <= union[-1][1]:
            union[-1][1] = max(union[-1][1], b)
        else:
            union.append([a, b])
    seconds = sum(max(0, (min(b, w1) - max(a, w0)).total_seconds()) for a, b in union for w0, w1 in windows())
    return int(seconds // 60)


def expected(minutes: int, partial: str = "prorate") -> Decimal | None:
    """The rule, written out: None for no certificate."""
    if INSTRUCTIONAL - minutes <= GRACE:
        return FULL
    if partial == "none":
        return None
    earned = min(Decimal(math.floor(Fraction(minutes, MINUTES_PER_HOUR) / Fraction(INCREMENT))) * INCREMENT, FULL)
    return earned or None


def zoom_time(clock: str) -> str:
    return at(clock).strftime("%m/%d/%Y %I:%M:%S %p")


def teams_time(clock: str) -> str:
    when = at(clock)
    return f"{when.month}/{when.day}/{when:%y}, {when.hour % 12 or 12}:{when:%M:%S} {when:%p}"


# -- the people of the Zoom meeting: (name cell, email, [(join, leave, waiting)]) ------------------

ZOOM_PEOPLE = [
    ("Dawn Allred", "dawn@example.org", [("17:50", "20:40", False)]),  # the host
    ("Ann Lee", "ann@example.org", [("17:55", "20:35", False)]),  # full attendance
    ("Bo (Robert Diaz)", "bob@example.org", [("18:08", "20:31", False)]),  # renamed; late inside the grace
    ("Carla Ruiz", "carla@example.org", [("17:58", "20:31", False)]),  # two devices at once
    ("Carla Ruiz", "carla@example.org", [("18:40", "19:10", False)]),
    ("Dev Shah", "dev@example.org", [("17:59", "18:50", False), ("19:05", "20:31", False)]),  # a gap of 15
    ("Eve Stone", "eve@example.org", [("17:50", "18:12", True), ("18:12", "20:31", False)]),  # waiting room
    ("Finn Oak", "finn@example.org", [("17:58", "19:32", False), ("19:44", "20:31", False)]),  # left in the break
    ("Gus Lind", "", [("18:00", "20:30", False)]),  # a guest not on the roster
    ("Hana Ito", "hana@example.org", [("18:00", "18:10", False)]),  # ten minutes
    ("Ivy Moss", "", [("17:57", "20:30", False)]),  # no email in the report; on the roster with one
]
ROSTER = """\
name,email,license
Ann Lee,ann@example.org,LPC 1
Robert Diaz,bob@example.org,LPC 2
Carla Ruiz,carla@example.org,LPC 3
Dev Shah,dev@example.org,LPC 4
Eve Stone,eve@example.org,LPC 5
Finn Oak,finn@example.org,LPC 6
Hana Ito,hana@example.org,LPC 7
Ivy Moss,ivy@example.org,LPC 8
Jack Absent,jack@example.org,LPC 9
"""


def zoom_meeting(folder, people=ZOOM_PEOPLE, name="zoom.csv"):
    lines = ["Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
             f"812 3456 7890,Ethics online,{zoom_time('17:50')},{zoom_time('20:40')},dawn@example.org,170,11", "",
             "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,"
             "In Waiting Room"]
    for cell, email, joins in people:
        for join, leave, waiting in joins:
            minutes = (at(leave) - at(join)).seconds // 60
            lines.append(f"{cell},{email},{zoom_time(join)},{zoom_time(leave)},{minutes},"
                         f"{'No' if email else 'Yes'},Yes,{'Yes' if waiting else 'No'}")
    return write(folder, name, "\n".join(lines) + "\n")


def certificates(folder, online: bool = True) -> dict[str, str]:
    """Name -> the hours line of each certificate page, read back from the PDF."""
    found = {}
    for page in pdf_text(folder / "out" / "certificates.pdf"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        name = lines[lines.index("This certifies that") + 1]
        found[name] = next(award(line) for line in lines if award(line))
        assert ("Live interactive webinar" in page) == online
        assert ("Live online" in page) != online  # the outline's location, or the format in its place
    return found


def award(line: str) -> str:
    """"2.25" or "2.00 partial" from a certificate's hours line, whatever the board calls its hours."""
    match = re.match(r"^(\d+\.\d\d) [^\d].*?hours?( awarded for partial attendance of a \d+\.\d\d-hour program)?$",
                     line)
    return (match.group(1) + (" partial" if match.group(2) else "")) if match else ""


def decisions(folder) -> dict[str, dict]:
    with open(folder / "out" / "attendance.csv", encoding="utf-8-sig", newline="") as f:
        return {row["name"]: row for row in csv.DictReader(f)}


def hours_line(hours: Decimal) -> str:
    return f"{hours:.2f}" + (" partial" if hours < FULL else "")


def spans(name: str) -> list[tuple[str, str]]:
    return [(a, b) for cell, _, joins in ZOOM_PEOPLE if name in cell for a, b, waiting in joins if not waiting]
