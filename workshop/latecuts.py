"""What to cut when the session runs late, and what that does to the end time and the CE hours.

Pure arithmetic on the agenda, used by the facilitator guide.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workshop import model as m
from workshop.schedule import Agenda, ce_hours


@dataclass(frozen=True)
class LatePlan:
    behind: int
    cuts: tuple[str, ...]  # what to drop or shorten, in words
    recovered: int
    end: int  # the new end, minutes since midnight
    instructional_minutes: int
    hours: Decimal | None  # what the agenda would then support
    holds: bool  # whether the awarded hours still hold


def late_plan(workshop: m.Workshop, agenda: Agenda, behind: int) -> LatePlan:
    """Recover ``behind`` minutes: first shorten breaks (latest first) by up to half their time,
    which costs no instruction; then drop optional sections (latest first), then shorten
    activities (latest first) by up to half their time. Whatever is not recovered makes the day
    end later."""
    cuts: list[str] = []
    recovered = 0
    lost_instruction = 0
    for item in reversed(agenda.items):
        if recovered >= behind:
            break
        take = min(item.minutes // 2, behind - recovered) if item.kind == "break" else 0
        if take > 0:
            cuts.append(f"shorten '{item.entry.title}' by {take} min")
            recovered += take
    for item in reversed(agenda.items):
        if recovered >= behind:
            break
        if item.kind == "section" and item.entry.optional:
            cuts.append(f"drop '{item.entry.title}' ({item.minutes} min)")
            recovered += item.minutes
            lost_instruction += item.minutes
    for item in reversed(agenda.items):
        if item.kind != "section" or item.entry.optional:
            continue
        for activity in reversed(item.entry.activities):
            if recovered >= behind:
                break
            take = min(activity.minutes // 2, behind - recovered)
            if take > 0:
                cuts.append(f"shorten '{activity.title}' by {take} min")
                recovered += take
                lost_instruction += take
    minutes = agenda.instructional_minutes - lost_instruction
    new_hours = ce_hours(minutes, workshop.ce) if workshop.ce else None
    holds = agenda.ce is None or (new_hours is not None and new_hours >= agenda.ce.awarded)
    return LatePlan(behind, tuple(cuts), recovered, agenda.end + behind - recovered, minutes, new_hours, holds)
