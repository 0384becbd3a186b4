"""attendance.csv: one row per person in the reports or on the roster, with every figure the
rule used and its decision in words, so that an auditor can check each certificate by hand."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workshop.attendance import Attendance
from workshop.schedule import hours

FILENAME = "attendance.csv"
COLUMNS = ["name", "email", "matched", "rows", "joined", "left", "instructional_minutes", "minutes_present",
           "minutes_missed", "hours", "certificate", "reason"]


def write(folder: Path, attendance: Attendance) -> Path:
    """Write ``attendance.csv`` into ``folder`` (UTF-8 with a byte-order mark, for Excel)."""
    from workshop.builders.certificates import neutralise

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for d in attendance.decisions:
        row = [d.name, d.email, d.how, d.where, f"{d.joined:%H:%M:%S}" if d.joined else "",
               f"{d.left:%H:%M:%S}" if d.left else "", str(attendance.instructional), str(d.present), str(d.missed),
               hours(d.hours) if d.hours is not None else "", "yes" if d.certified else "no", d.reason]
        writer.writerow([neutralise(cell) for cell in row])
    path = folder / FILENAME
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return path
