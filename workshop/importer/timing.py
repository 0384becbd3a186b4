"""A built deck's timing lines -> the minutes of the slides that had their own.

The build shares a section's spare minutes among its slides without minutes of their own and
writes each slide's share in its notes ("Timing: 09:30–09:35 (5 min), ...", or "Timing: at
14:50, ..." for a slide given none). Reading the shares back, the fewest slides are given their
own minutes such that the same sharing gives every slide the minutes the old deck showed.
"""

from __future__ import annotations

from workshop.importer.draft import DraftSection


def slide_minutes(section: DraftSection) -> None:
    """Give the slides of a built deck's section the minutes its timing lines show, where needed.

    The build shares a section's spare minutes among the slides without minutes of their own,
    earlier slides taking any odd minute. The fewest slides are given their own minutes such that
    the same sharing gives every slide the minutes the old deck showed.
    """
    cues = [s.cue_minutes for s in section.slides]
    if not cues or None in cues:
        return
    spare = section.minutes - sum(a.minutes for a in section.activities)
    best = None
    for share in sorted(set(cues) | {c - 1 for c in cues}):
        plan = [None if c in (share, share + 1) else c for c in cues]
        if _shared(plan, spare) == cues and (best is None or plan.count(None) > best.count(None)):
            best = plan
    if best is not None:
        for slide, minutes in zip(section.slides, best, strict=True):
            slide.minutes = minutes


def _shared(plan: list[int | None], spare: int) -> list[int] | None:
    """Each slide's minutes as the build would share ``spare`` among the slides planned None."""
    left = spare - sum(m for m in plan if m is not None)
    unsized = plan.count(None)
    if left < 0 or (not unsized and left):
        return None
    share, extra = divmod(left, unsized) if unsized else (0, 0)
    result, rank = [], 0
    for minutes in plan:
        if minutes is None:
            minutes, rank = share + (1 if rank < extra else 0), rank + 1
        result.append(minutes)
    return result
