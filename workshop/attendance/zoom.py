"""Zoom's reports: the meeting participants report and the webinar attendee report (CSV).

The meeting report may open with a block about the meeting ("Meeting ID, Topic, Start Time, End
Time, User Email, ...", where User Email is the host's) and a blank line; then one row per join:
``Name (Original Name), User Email, Join Time, Leave Time, Duration (Minutes), Guest`` and, in
newer exports, ``Recording Consent`` and ``In Waiting Room``. A rejoin is a new row; a renamed
person is ``Display (Original Name)``; a waiting-room stretch is a row marked ``Yes`` under
In Waiting Room. The durations are not read: presence is worked out from the times.

The webinar report runs in sections ("Host Details", "Panelist Details", "Attendee Details",
"Other Attended"), each with a header ``Attended, User Name (Original Name), First Name, Last
Name, Email, ..., Join Time, Leave Time, Time in Session (minutes), ...``. The registration's
first and last name are the name to print when the report is the roster.
"""

from __future__ import annotations

from workshop.attendance.names import read_name
from workshop.attendance.table import Raw, Table, key


def _find(header: list[str], *wanted: str) -> int | None:
    keys = [key(h) for h in header]
    for want in wanted:
        if want in keys:
            return keys.index(want)
    return None


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def read_meeting(table: Table) -> list[Raw] | None:
    """The joins of a meeting participants report, or None if ``table`` is not one."""
    host_email = ""
    header_at = None
    for n, (_line, cells) in enumerate(table.rows):
        keys = [key(c) for c in cells]
        if "meetingid" in keys and n + 1 < len(table.rows):
            host_email = _cell(table.rows[n + 1][1], _find(cells, "useremail", "hostemail")).casefold()
        if any(k.startswith("name") for k in keys) and "jointime" in keys and "leavetime" in keys:
            header_at = n
            break
    if header_at is None:
        return None
    header = table.rows[header_at][1]
    name = next(i for i, h in enumerate(header) if key(h).startswith("name"))
    email = _find(header, "useremail", "email")
    join, leave = _find(header, "jointime"), _find(header, "leavetime")
    waiting = _find(header, "inwaitingroom")
    raws = []
    for line, cells in table.rows[header_at + 1:]:
        if not any(cells):
            continue
        read = read_name(_cell(cells, name))
        address = _cell(cells, email)
        in_room = _cell(cells, waiting).lower()
        if in_room not in ("yes", "true", "y", "no", "false", "n", ""):
            table.bad(line, f"In Waiting Room says {_cell(cells, waiting)!r}; expected Yes or No (time in the waiting "
                            "room is not counted, so it must be clear): download the report again")
        raws.append(Raw(line, read.name, read.names, address, _cell(cells, join), _cell(cells, leave),
                        staff=bool(host_email) and address.casefold() == host_email,
                        waiting=in_room in ("yes", "true", "y"), display=read.display, bracket=read.bracket,
                        bracket_kind=read.bracket_kind, phone=read.phone))
    return raws


def read_webinar(table: Table) -> list[Raw] | None:
    """The joins of a webinar attendee report, or None if ``table`` is not one."""
    if not any("attended" in (keys := [key(c) for c in cells]) and "jointime" in keys for _, cells in table.rows):
        return None
    raws: list[Raw] = []
    section, header = "", None
    for line, cells in table.rows:
        filled = [c for c in cells if c]
        keys = [key(c) for c in cells]
        if len(filled) == 1 and cells[0] and not any(cells[1:]):
            section, header = key(cells[0]), None
            continue
        if "attended" in keys and "jointime" in keys:
            header = cells
            continue
        if header is None or not filled:
            continue
        attended = _cell(cells, _find(header, "attended")).lower()
        start, end = _cell(cells, _find(header, "jointime")), _cell(cells, _find(header, "leavetime"))
        if attended in ("no", "n", "false") or start in ("", "--"):
            continue  # registered, never came: not presence
        read = read_name(_cell(cells, _find(header, "usernameoriginalname", "username", "name")))
        printed, names, phone = read.name, read.names, read.phone
        first, last = _cell(cells, _find(header, "firstname")), _cell(cells, _find(header, "lastname"))
        registered = " ".join(p for p in (first, last) if p and p != "--")
        if registered:  # the registration's name: a dial-in of a registered attendee is theirs
            printed, names, phone = registered, names + (registered,), False
        raws.append(Raw(line, printed, names, _cell(cells, _find(header, "email", "useremail")), start, end,
                        staff=section.startswith(("host", "panelist")), display=read.display, bracket=read.bracket,
                        bracket_kind=read.bracket_kind, phone=phone))
    return raws
