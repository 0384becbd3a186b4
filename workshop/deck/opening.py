"""The slides that open the deck: the title, the presenters when they need a slide of their own,
the agenda as a timeline and the learning objectives."""

from __future__ import annotations

from dataclasses import replace

from workshop import model as m
from workshop.deck import breaks, fit
from workshop.deck.blocks import Planner, bullet_groups, hero, presenter_columns, titled
from workshop.deck.content import sequence_slide
from workshop.deck.fit import Para
from workshop.deck.planned import BODY, DISPLAY, DISPLAY_LONG, GUTTER, SMALL, TITLE, TITLE_SIZES, Mark
from workshop.fonts import text_width
from workshop.i18n import hours_text
from workshop.schedule import date_text, duration


def opening_slides(plan: Planner) -> None:
    if title_slide(plan):
        presenters_slide(plan)
    agenda_slide(plan)
    objectives_slide(plan)


def title_slide(plan: Planner) -> bool:
    """The workshop's title, who presents it, when, where, and the hours it awards, on screen as
    people arrive. True when the presenters' names and credentials need a slide of their own (the
    title slide then names them only)."""
    w, a = plan.w, plan.agenda
    width = plan.hero_w
    title_size = DISPLAY
    if fit.height([Para(w.title, DISPLAY, bold=True)], width) > (plan.hero_bottom - 24) * 0.42:
        title_size = DISPLAY_LONG  # a title of many lines leaves room for who, when and where
        for size in (DISPLAY_LONG, TITLE, TITLE_SIZES[2]):  # and keeps to three lines, down to 32 pt
            title_size = size
            if len(Para(w.title, size, bold=True).lines(width)) <= 3:
                break
    stack = [("Title text", [[Para(w.title, title_size, bold=True, role="inverse")]], 0.0)]
    if w.subtitle:
        stack.append(("Subtitle", [[Para(breaks.no_orphan(w.subtitle, width * fit.SAFETY, BODY), BODY,
                                         role="inverse")]], 14.0))

    def fact(parts: list[str]) -> str:  # a name or a place kept whole, a line broken before a " · "
        return breaks.joined([x for x in parts if x], width * fit.SAFETY, SMALL)

    when_where = fact([date_text(w.date, w.date_style, language=w.language), w.location])
    facts = [when_where] if when_where else []
    if w.ce and w.ce.provider:
        facts.append(fact([w.ce.provider, f"{hours_text(a.ce.awarded, w.language)} {w.ce.unit}"]) if a.ce
                     else w.ce.provider)
    if w.ce:  # the approval statements the board asks to be shown, under who awards the hours
        facts += [approval.labelled_in(w.language) for approval in w.ce.approvals]
    details = [Para(f, SMALL, role="inverse-muted", space_before=4) for f in facts]
    used = sum(fit.height(c[0], width) + gap for _, c, gap in stack) + fit.height(details, width) + 44

    def presenter(person: m.Presenter, apart: bool) -> list[Para]:
        if not apart:
            return [Para(person.display_name, SMALL, bold=True, role="inverse", space_before=6)]
        return [Para(person.name, SMALL, bold=True, role="inverse"),
                *([Para(person.credentials, SMALL, role="inverse", space_before=2)] if person.credentials else [])]

    room = 120.0 if plan.w.theme.logo is not None else 36.0  # below the logo
    people = presenter_columns(plan, presenter, plan.hero_bottom - 48 - used, width)
    column_w = (width - GUTTER * (len(people) - 1)) / len(people)
    block = max(fit.height(c, column_w) for c in people)
    own_slide = bool(w.presenters) and (
        used + 22 + block > plan.hero_bottom - room
        or column_w < 200 and any(p.credentials for p in w.presenters)
        or block > 4 * SMALL * fit.LINE_PITCH + 18)  # more than four lines of names: the slide would crowd
    if own_slide:  # long credentials get a presenters slide of their own; the title slide names them
        names = [p.name for p in w.presenters]
        safe = width * fit.SAFETY
        people = ([[Para(breaks.joined(names, safe, SMALL, "sans-bold"), SMALL, bold=True, role="inverse")]]
                  if len(names) <= 2 else  # three or more: one a line
                  [[Para(breaks.kept_whole(n, safe, SMALL, "sans-bold"), SMALL, bold=True, role="inverse",
                         space_before=2) for n in names]])
    stack.append(("Presenters", people, 22.0))
    if details:
        stack.append(("Details", [details], 22.0))
    hero(plan, "title", w.title, stack, plan.notes(
        plan.t("On screen as people arrive. Welcome them, check the room and start on time."),
        plan.t("Timing: {cue}", cue=plan.t("the workshop runs {span} ({length}), {minutes} instructional minutes.",
                                           span=plan.span(a.start, a.end), length=duration(a.total_minutes),
                                           minutes=a.instructional_minutes))), top_room=room)
    return own_slide


def presenters_slide(plan: Planner) -> None:
    """Each presenter with their credentials, when the title slide has no room for them."""
    w, a = plan.w, plan.agenda
    groups = [[Para(p.name, BODY, bold=True, space_before=18),
               *([Para(p.credentials, SMALL, role="muted", space_before=4)] if p.credentials else [])]
              for p in w.presenters]
    titled(plan, "presenters", plan.t("Your presenters") if len(w.presenters) > 1 else plan.t("Your presenter"),
           groups, plan.notes(plan.t("Introduce yourselves: who you are and why this topic matters to you."),
                              plan.cue(a.start, a.start, plan.t("before the first section"))))


def agenda_slide(plan: Planner) -> None:
    """The agenda as a timeline: each item's time range, then a dot on a vertical line, then
    what happens; breaks muted, with a hollow dot. A long agenda continues on the next slide."""
    a = plan.agenda
    times = max(text_width(plan.span(item.start, item.end), BODY, "sans") for item in a.items)
    tab = round(times + 60)
    optional = plan.t("optional")
    rows = [[Para(f"{plan.span(item.start, item.end)}\t{item.label(optional)}", BODY, tab=tab,
                  role="muted" if item.kind == "break" else "body", italic=item.kind == "break",
                  space_before=8)] for item in a.items]
    # the zone once, in the title, where everyone joining from elsewhere reads it before the times
    first = titled(plan, "agenda", plan.t("Agenda · all times {zone}", zone=plan.zone) if plan.zone
                   else plan.t("Agenda"), rows, plan.notes(
        plan.t("Walk through the day so people know when the breaks are."),
        plan.cue(a.start, a.start, plan.t("before the first section"))), columns=False)
    line_x = times + 30  # from the body's left edge: the middle of the gap before the labels
    for n in range(first, len(plan.slides)):
        slide = plan.slides[n]
        box = slide.boxes[0]
        marks, y = [], box.y
        centres = []
        for k, para in enumerate(box.paras):
            if k:
                y += para.space_before
            centres.append((y + para.size * fit.LINE_PITCH / 2, para.role == "muted"))
            y += fit.set_lines(para, box.w) * para.size * fit.LINE_PITCH
        x = box.x + line_x
        if len(centres) > 1:
            marks.append(Mark("rect", x - 1.5, centres[0][0], 3.0, centres[-1][0] - centres[0][0]))
        for cy, muted in centres:
            d = 12.0 if muted else 16.0
            marks.append(Mark("dot", x - d / 2, cy - d / 2, d, d, "muted" if muted else "accent", hollow=muted))
        plan.slides[n] = replace(slide, marks=tuple(marks))


def objectives_slide(plan: Planner) -> None:
    """The learning objectives: numbered cards when they fit as such, else a numbered list."""
    w, a = plan.w, plan.agenda
    if not w.objectives:
        return
    lead = Para(plan.t("By the end of this workshop you will be able to:"), BODY, role="muted")
    objectives = m.Bullets(tuple(m.Item(o) for o in w.objectives), numbered=True)
    if sequence_slide(plan, plan.t("Learning objectives"), objectives, plan.notes(
            plan.t("Read the objectives aloud; they are what the evaluation form asks about."),
            plan.cue(a.start, a.start, plan.t("before the first section"))), lead=lead, kind="objectives"):
        return
    groups = [[Para(plan.t("By the end of this workshop you will be able to:"), BODY, role="muted")]]
    groups += bullet_groups(tuple(m.Item(o) for o in w.objectives), True)
    titled(plan, "objectives", plan.t("Learning objectives"), groups, plan.notes(
        plan.t("Read the objectives aloud; they are what the evaluation form asks about."),
        plan.cue(a.start, a.start, plan.t("before the first section"))), columns=False)
