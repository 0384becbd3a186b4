"""What to cut when the session runs late, and what that does to the end time and the CE hours.

Pure arithmetic on the agenda, used by the facilitator guide.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workshop import model as m
from workshop.i18n import tr
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
    """Recover ``behind`` minutes with only the cuts that delay needs: first shorten breaks
    (latest first) by up to half their time, which costs no instruction; then drop optional
    sections (latest first), giving back whatever break time a dropped section makes
    unnecessary; then shorten activities (latest first) by up to half their time. Whatever is
    not recovered makes the day end later."""
    breaks: dict[int, int] = {}  # agenda position -> minutes taken from that break
    for k in reversed(range(len(agenda.items))):
        item = agenda.items[k]
        need = behind - sum(breaks.values())
        if need > 0 and item.kind == "break" and item.minutes // 2 > 0:
            breaks[k] = min(item.minutes // 2, need)
    dropped: list[int] = []
    for k in reversed(range(len(agenda.items))):
        item = agenda.items[k]
        if sum(breaks.values()) + sum(agenda.items[j].minutes for j in dropped) >= behind:
            break
        if item.kind == "section" and item.entry.optional:
            dropped.append(k)
    recovered = sum(agenda.items[j].minutes for j in dropped)
    for k in sorted(breaks):  # a dropped section may cover what the breaks gave: give the earliest back first
        breaks[k] = max(0, min(breaks[k], behind - recovered - sum(v for j, v in breaks.items() if j > k)))
    recovered += sum(breaks.values())
    lost_instruction = recovered - sum(breaks.values())
    shortened: list[str] = []
    for item in reversed(agenda.items):
        if item.kind != "section" or item.entry.optional:
            continue
        for activity in reversed(item.entry.activities):
            take = min(activity.minutes // 2, behind - recovered)
            if take > 0:
                shortened.append(tr(workshop.language, "shorten '{title}' by {n} min", title=activity.title, n=take))
                recovered += take
                lost_instruction += take
    cuts = [tr(workshop.language, "shorten '{title}' by {n} min", title=agenda.items[k].entry.title, n=breaks[k])
            for k in sorted(breaks, reverse=True) if breaks[k]]
    cuts += [tr(workshop.language, "drop '{title}' ({n} min)", title=agenda.items[k].entry.title,
                n=agenda.items[k].minutes) for k in dropped]
    cuts += shortened
    minutes = agenda.instructional_minutes - lost_instruction
    new_hours = ce_hours(minutes, workshop.ce) if workshop.ce else None
    holds = agenda.ce is None or (new_hours is not None and new_hours >= agenda.ce.awarded)
    return LatePlan(behind, tuple(cuts), recovered, agenda.end + behind - recovered, minutes, new_hours, holds)
