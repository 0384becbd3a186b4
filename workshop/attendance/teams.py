"""Microsoft Teams attendance reports: UTF-16 text, tab-separated, in numbered sections.

``1. Summary`` (meeting title, start and end time, ...), ``2. Participants`` (``Name, First Join,
Last Leave, In-Meeting Duration, Email, Participant ID (UPN), Role``: one row per person) and
``3. In-Meeting Activities`` (``Name, Join Time, Leave Time, Duration, Email, Role``: one row per
join). Presence comes from the activities, which show every gap; a report without them (an
older export) counts each person from first join to last leave, and says so. Names may end in
``(External)`` or ``(Unverified)``; times look like ``10/7/26, 6:09:00 PM``.
"""

from __future__ import annotations

import re

from workshop.attendance.names import plain_name, read_name
from workshop.attendance.table import Raw, Table, key

_SECTION = re.compile(r"^\d+\.\s*(.+)$")
_STAFF = {"organizer", "coorganizer", "presenter"}


def looks_like(text: str) -> bool:
    return any(_SECTION.match(line.strip().strip('"')) and key(line).endswith(("summary", "participants"))
               for line in text.split("\n")[:400])


def _sections(table: Table) -> dict[str, list[tuple[int, list[str]]]]:
    found: dict[str, list[tuple[int, list[str]]]] = {}
    current = None
    for line, cells in table.rows:
        match = _SECTION.match(cells[0]) if cells and cells[0] and not any(cells[1:]) else None
        if match:
            current = found.setdefault(key(match.group(1)), [])
        elif current is not None and any(cells):
            current.append((line, cells))
    return found


def read(table: Table) -> list[Raw] | None:
    """The joins of a Teams attendance report, or None if ``table`` is not one."""
    sections = _sections(table)
    if "participants" not in sections:
        return None
    people = _table(table, sections["participants"], ("firstjoin", "lastleave"))
    activities = next((v for k, v in sections.items() if k.startswith("inmeetingactivit")), None)
    roles = {(key(r["name"]), r["email"].casefold()): r["role"] for r in people}
    if activities:
        rows = _table(table, activities, ("jointime", "leavetime"))
        _check_complete(table, people, rows)
    else:
        rows = people
        table.warnings.append(f"{table.shown}: no '3. In-Meeting Activities' section, so each person counts as "
                              "present from first join to last leave, gaps included; download the report again "
                              "with its activities to count only the time each one was in the meeting")
    raws = []
    for row in rows:
        role = row["role"] or roles.get((key(row["name"]), row["email"].casefold()), "")
        read = read_name(row["name"], flip=True)  # a directory's "Lee, Ann" is Ann Lee
        if read.problem:
            table.bad(row["line"], read.problem)
            continue
        raws.append(Raw(row["line"], read.name, read.names, row["email"], row["start"], row["end"],
                        staff=key(role) in _STAFF, display=read.display, bracket=read.bracket,
                        bracket_kind=read.bracket_kind, phone=read.phone))
    return raws


def _check_complete(table: Table, people: list[dict], rows: list[dict]) -> None:
    """Refuse activities that do not account for every participant up to their last leave: a
    report cut short at a line ends cleanly, and would lose joins without a word."""
    ends: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        ends.setdefault((key(row["name"]), row["email"].casefold()), []).append(row["end"].strip())
    for person in people:
        found = ends.get((key(person["name"]), person["email"].casefold()))
        if found is None:
            why = f"{plain_name(person['name'])} is in '2. Participants' but has no row in '3. In-Meeting Activities'"
        elif person["end"].strip() not in found:
            # One person on two devices at once has overlapping joins: the last row need not be
            # the last leave, but some row must end at it.
            why = (f"{plain_name(person['name'])} left last at {person['end']} by '2. Participants' but none of "
                   f"the joins in '3. In-Meeting Activities' ends then (the last listed ends at {found[-1]})")
        else:
            continue
        table.bad(person["line"], f"{why}; the report looks cut short: download it again from Teams")


def _table(table: Table, rows: list[tuple[int, list[str]]], times: tuple[str, str]) -> list[dict]:
    """The section's rows under its header as dicts of name, email, role, start, end and line."""
    if not rows:
        return []
    header_line, header = rows[0]
    keys = [key(h) for h in header]
    if any("utc" in k for k in keys):
        table.bad(header_line, "the times in this report are in UTC; download it again with the times of the "
                               "workshop's own time zone (Teams shows them in the zone of whoever downloads it)")
        return []
    wanted = {"name": ("name", "fullname"), "email": ("email", "participantidupn", "upn"), "role": ("role",),
              "start": (times[0],), "end": (times[1],)}
    index = {field: next((keys.index(k) for k in spellings if k in keys), None) for field, spellings in wanted.items()}
    if index["name"] is None or index["start"] is None or index["end"] is None:
        table.bad(header_line, "this section's header lacks a name, join or leave column (found: "
                               f"{', '.join(h for h in header if h)}); download the report again")
        return []
    found = []
    for line, cells in rows[1:]:
        cell = {f: (cells[i] if i is not None and i < len(cells) else "") for f, i in index.items()}
        found.append(dict(cell, line=line))
    return found
