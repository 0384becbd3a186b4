"""The slides of the agenda: each section's divider, its own slides, its activities with their
debriefs, and the breaks between sections."""

from __future__ import annotations

import re
from dataclasses import replace

from workshop import model as m
from workshop.deck import fit
from workshop.deck.blocks import Planner, bullet_groups, hero, spread, text_area, title_bar, title_cont, titled
from workshop.deck.content import content_slide, row_slide
from workshop.deck.fit import Para
from workshop.deck.planned import BODY, CENTRED, CONTINUED, HERO, LEAD, OPEN, RHYTHM, SMALL
from workshop.deck.words import is_farewell
from workshop.i18n import tr
#: An activity titled "Activity 1: ..." is not called "Activity: Activity 1: ..." on its slide.
_ACTIVITY = re.compile(r"\s*activity\b", re.I)
#: A title that begins with its own short label: "Activity 1: ", "Role-play: ", "Case study 2 - ".
_LABELLED = re.compile(r"\s*[^\W\d][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*(?::|\s[–—-])\s+(?=\S)")


def activity_title(title: str, language: str = "en") -> str:
    """An activity's heading: "Activity: Practice in pairs"; a title that already says what it is
    ("Activity 1: mapping safety", "Role-play: the first session") is kept as written."""
    return (title if _ACTIVITY.match(title) or _LABELLED.match(title)
            else tr(language, "Activity: {title}", title=title))


def debrief_title(title: str, language: str = "en") -> str:
    """The debrief's heading: "Debrief: mapping safety" for "Activity 1: mapping safety", not
    "Debrief: Activity 1: mapping safety"."""
    match = _LABELLED.match(title)
    return tr(language, "Debrief: {title}", title=title[match.end():] if match and _ACTIVITY.match(title) else title)


def section_slides(plan: Planner, item) -> None:
    """A section: its divider, its slides (noting a last slide that is the presenter's goodbye),
    its activities, and on its last slide the minutes it leaves open."""
    section: m.Section = item.entry
    plan.section_id = section.id
    if plan.w.deck.dividers:
        divider_slide(plan, item)
    last = item is plan.agenda.items[-1] and not section.activities
    for n, slide in enumerate(section.slides):
        start = len(plan.slides)
        content_slide(plan, slide, item.slide_time(n))
        if last and n == len(section.slides) - 1 and is_farewell(slide.title, plan.w.language):
            plan.farewell = (start, len(plan.slides))
            plan.farewell_slide = slide
            plan.farewell_at = (item.slide_time(n).start, slide.title, section.id)
    for n, activity in enumerate(section.activities):
        if plan.w.deck.activity_slides:
            activity_slide(plan, activity, item.activity_time(n))
            if activity.debrief:
                debrief_slide(plan, activity, item.activity_time(n))
    gap = item.open_time
    if gap is not None and plan.slides and plan.slides[-1].section_id == section.id:
        # on screen until the section ends: its notes say so, with the times
        last = plan.slides[-1]
        plan.slides[-1] = replace(last, notes=plan.notes(last.notes, (
            plan.t(OPEN) + " " + plan.t("{span} ({n} min) the outline gives to no slide or activity; '{title}' "
                                        "ends at {time}.", span=plan.span(gap.start, gap.end), n=gap.minutes,
                                        title=section.title, time=plan.clock(gap.end)))))


def divider_slide(plan: Planner, item) -> None:
    """The full-bleed slide opening a section: which part of how many, its title and its times."""
    section: m.Section = item.entry
    number = sum(1 for i in plan.agenda.items[: plan.agenda.items.index(item) + 1] if i.kind == "section")
    total = sum(1 for i in plan.agenda.items if i.kind == "section")
    meta = plan.span(item.start, item.end) + " · " + plan.t("{n} minutes", n=item.minutes)
    if section.optional:
        meta += " · " + plan.t("optional")
    goals = plan.t("Goals: {goals}", goals="; ".join(section.goals)) if section.goals else ""
    optional = plan.t("This section is optional: cut it if you are running late.") if section.optional else ""
    hero(plan, "section", section.title, [
        ("Part", [[Para(plan.t("Part {number} of {total}", number=number, total=total), SMALL,
                        role="inverse-muted")]], 0.0),
        ("Title text", [[Para(section.title, HERO, bold=True, role="inverse")]], 10.0),
        ("Timing", [[Para(meta, SMALL, role="inverse-muted")]], 16.0)],
        plan.notes(section.notes, goals, optional, plan.cue(item.start, item.end, plan.t("for the whole section"))))


def activity_slide(plan: Planner, activity: m.Activity, seg) -> None:
    """An activity: its format and times, instructions and materials; the notes hold them all."""
    meta = " · ".join(x for x in (activity.format[:1].upper() + activity.format[1:],  # "Zoom" stays "Zoom"
                                  plan.t("{n} minutes", n=activity.minutes),
                                  plan.t("until {time}", time=plan.clock(seg.end))) if x)
    groups = [[Para(meta, SMALL, bold=True, role="accent")]]
    if activity.instructions:
        groups.append([Para(activity.instructions, BODY, space_before=14)])
    materials = []
    if activity.materials:
        materials.append([Para(plan.t("You will need:"), BODY, bold=True, space_before=16)])
        materials += [[Para(x, BODY, level=1, space_before=4)] for x in activity.materials]
    notes = plan.notes(
        plan.t("Activity: {title} ({format}, {minutes} min).", title=activity.title,
               format=activity.format or plan.t("format not set"), minutes=activity.minutes),
        plan.t("Instructions: {text}", text=activity.instructions) if activity.instructions else "",
        plan.t("Materials: {list}", list=", ".join(activity.materials)) if activity.materials else "",
        plan.t("Debrief questions:") + "\n" + "\n".join(f"- {q}" for q in activity.debrief) if activity.debrief else "",
        cue := plan.cue(seg.start, seg.end, plan.t("ends {time}", time=plan.clock(seg.end)), ", "))
    title = activity_title(activity.title, plan.w.language)
    _, _, body_w, body_h, _ = text_area(plan, title_bar(plan, title)[1], None, "", 0.0)
    if not materials or fit.fits([p for g in groups + materials for p in g], body_w, body_h - RHYTHM):
        titled(plan, "activity", title, groups + materials, notes, columns=False)
    else:  # the list a slide of its own, in two columns where it needs them, rather than cut in two
        first = titled(plan, "activity", title, groups, notes, columns=False)
        cont = title_cont(plan, title, len(plan.slides) - first)
        titled(plan, "activity", cont, materials, plan.notes(plan.t(CONTINUED), cue), two=len(materials) > 6)


def debrief_slide(plan: Planner, activity: m.Activity, seg) -> None:
    """The activity's debrief questions to the room, as it ends."""
    qs = bullet_groups(tuple(m.Item(q) for q in activity.debrief), False, LEAD)  # questions to the room
    debrief = debrief_title(activity.title, plan.w.language)
    if len(qs) <= 5:
        qs = spread(plan, qs, debrief)
    notes = plan.notes(plan.t("Ask the questions in turn; take two or three answers for each."),
                       plan.cue(seg.end, seg.end, plan.t("as {title} ends", title=activity.title)))
    # a few short questions as the same cards as a section's questions; more, or longer, as a list
    if not row_slide(plan, debrief, m.Bullets(tuple(m.Item(q) for q in activity.debrief)), notes, "debrief"):
        titled(plan, "debrief", debrief, qs, notes, balance=CENTRED if len(qs) <= 5 else None)


def break_slide(plan: Planner, item) -> None:
    """A break: its label and the time to be back, in the room's time zone when one is set."""
    entry: m.Break = item.entry
    plan.section_id = ""
    hero(plan, "break", entry.label, [
        ("Title text", [[Para(entry.label, HERO, bold=True, role="inverse")]], 0.0),
        ("Back at", [[Para(plan.t("{n} minutes · back at {time}", n=item.minutes, time=plan.clock(item.end))
                           + (f" {plan.zone}" if plan.zone else ""), LEAD, role="inverse")]], 16.0)],
        plan.notes(plan.t("Tell the room the time to be back: {time}.", time=plan.clock(item.end)),
                   plan.cue(item.start, item.end)))
