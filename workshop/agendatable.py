"""The timed agenda as ``workshop schedule`` prints it: a table of clock times, minutes and the
running total, then the totals, the CE hours and the attendance rule."""

from __future__ import annotations

from workshop import model as m
from workshop.attendance.rule import shown_windows
from workshop.schedule import Agenda, clock, duration
from workshop.zones import zone_label


def agenda_table(workshop: m.Workshop, agenda: Agenda) -> list[str]:
    """The lines ``workshop schedule`` prints for ``agenda``."""
    out = [workshop.title]
    facts = [workshop.date.isoformat() if workshop.date else "", workshop.location]
    if workshop.timezone:
        facts.append(f"times in {zone_label(workshop.timezone, workshop.date, workshop.start)} ({workshop.timezone})")
    if any(facts):
        out.append(" · ".join(f for f in facts if f))
    out.append("")
    style = workshop.clock
    width = 8 if style == "12h" else 6
    out.append(f"{'start':<{width}} {'end':<{width}} {'min':>4}  {'total':>5}  entry")
    for item in agenda.items:
        label = f"[break] {item.entry.title}" if item.kind == "break" else item.entry.title
        if item.kind == "section" and item.entry.optional:
            label += "  (optional)"
        out.append(f"{clock(item.start, style):<{width}} {clock(item.end, style):<{width}} {item.minutes:>4}  "
                   f"{duration(item.elapsed):>5}  {label}")
    out.append("")
    out.append(f"{agenda.total_minutes} minutes in all ({duration(agenda.total_minutes)}), "
               f"{agenda.instructional_minutes} of them instructional")
    if agenda.ce:
        out.append(f"{workshop.ce.unit[:1].upper()}{workshop.ce.unit[1:]}: {agenda.ce.explain()}")
    else:
        out.append("No ce block: certificates are of attendance, with no hours.")
    if workshop.ce and workshop.ce.attendance:
        rule = workshop.ce.attendance
        out.append(f"Attendance rule: instructional time counted {shown_windows(agenda, workshop.clock)}; up to "
                   f"{rule.grace_minutes} minutes may be missed for the full hours; beyond that, "
                   + ("hours for the minutes present" if rule.partial == "prorate" else "no certificate"))
    return out
