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
    slack: int = 0  # minutes of the delay taken by running on towards the outline's end time


def late_plan(workshop: m.Workshop, agenda: Agenda, behind: int) -> LatePlan:
    """Absorb ``behind`` minutes with the smallest cuts that do it, in this order:

    1. the slack before ``workshop.end``, when the outline has one: the day runs on, nothing is cut;
    2. breaks (latest first), each by up to half its time: no instruction is lost;
    3. activities (latest first), each by up to half its time: a few instructional minutes;
    4. only when those cannot cover the rest, optional sections (latest first), whole; a dropped
       section then leaves the break and activity cuts it makes unnecessary undone.

    Whatever is not recovered makes the day end later."""
    slack = min(behind, max(0, workshop.end - agenda.end)) if workshop.end is not None else 0
    need = behind - slack
    items = agenda.items
    sections = [k for k, i in enumerate(items) if i.kind == "section"]
    optional = [k for k in reversed(sections) if items[k].entry.optional]
    dropped: list[int] = []

    def trims(need: int) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
        """Break and activity cuts, latest first, for ``need`` minutes (sections dropped left alone)."""
        breaks: dict[int, int] = {}
        for k in reversed(range(len(items))):
            if need > 0 and items[k].kind == "break" and items[k].minutes // 2 > 0:
                breaks[k] = min(items[k].minutes // 2, need)
                need -= breaks[k]
        activities: dict[tuple[int, int], int] = {}
        for k in reversed(sections):
            if k in dropped:
                continue
            for n in reversed(range(len(items[k].entry.activities))):
                take = min(items[k].entry.activities[n].minutes // 2, need)
                if take > 0:
                    activities[(k, n)] = take
                    need -= take
        return breaks, activities

    def short(need: int) -> int:
        breaks, activities = trims(need)
        return need - sum(breaks.values()) - sum(activities.values())

    while short(need - sum(items[k].minutes for k in dropped)) > 0 and len(dropped) < len(optional):
        dropped.append(optional[len(dropped)])
    dropped_minutes = sum(items[k].minutes for k in dropped)
    breaks, activities = trims(need - dropped_minutes)
    recovered = dropped_minutes + sum(breaks.values()) + sum(activities.values())
    lost_instruction = dropped_minutes + sum(activities.values())

    lang = workshop.language
    cuts = []
    if slack:
        cuts.append(tr(lang, "run on {n} min (the outline's end time allows it)", n=slack))
    cuts += [tr(lang, "shorten '{title}' by {n} min", title=items[k].entry.title, n=v)
             for k, v in sorted(breaks.items(), reverse=True) if v]
    cuts += [tr(lang, "shorten '{title}' by {n} min", title=items[k].entry.activities[n].title, n=v)
             for (k, n), v in sorted(activities.items(), reverse=True) if v]
    cuts += [tr(lang, "drop '{title}' ({n} min)", title=items[k].entry.title, n=items[k].minutes) for k in dropped]
    minutes = agenda.instructional_minutes - lost_instruction
    new_hours = ce_hours(minutes, workshop.ce) if workshop.ce else None
    holds = agenda.ce is None or (new_hours is not None and new_hours >= agenda.ce.awarded)
    return LatePlan(behind, tuple(cuts), recovered, agenda.end + behind - recovered, minutes, new_hours, holds,
                    slack)
