"""guide.pdf: the facilitator guide. A one-page run-of-show, then section by section the goals,
talking points, deck slides and activities; a materials checklist; what to cut when running
late; and the CE working."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.platypus import CondPageBreak, Flowable, ImageAndFlowables, KeepTogether, PageBreak, Spacer, Table

from workshop import model as m
from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.deck.miniature import draw_miniature
from workshop.deck.plan import plan_deck
from workshop.docstyle import para, styles, table_style, write_document
from workshop.latecuts import late_plan
from workshop.quiz.pages import answer_key
from workshop.schedule import clock, clock_range, date_text, duration, hours

FILENAME = "guide.pdf"
LATE_STEPS = (5, 10, 15, 20)


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    w, agenda = ctx.workshop, ctx.agenda
    st = styles(w.theme.primary)
    deck = plan_deck(w, agenda)
    story: list[Flowable] = [para(f"Facilitator guide: {w.title}", st["h1"]),
                             para(_facts(w, agenda), st["small"]), para("Run of show", st["h2"]),
                             run_of_show(agenda, st, w.clock), PageBreak()]
    for item in agenda.items:
        if item.kind == "section":
            story += section(item, [s for s in deck.slides if s.section_id == item.entry.id], st, w.clock,
                             thumb=lambda slide, cue: SlideThumb(slide, deck.frame, deck.footer, cue))
    if w.quiz:
        story += answer_key(w, st)
    story += [CondPageBreak(320)] + materials(agenda, st, w.clock) + running_late(w, agenda, st) + ce_working(w, agenda, st)
    path = ctx.out_dir / FILENAME
    write_document(path, story, w, "Facilitator guide", "facilitator guide", ctx.when)
    return [path], []


def _facts(w: m.Workshop, agenda) -> str:
    bits = [date_text(w.date, w.date_style), w.location,
            f"{clock_range(agenda.start, agenda.end, w.clock)} ({duration(agenda.total_minutes)})",
            f"{hours(agenda.ce.awarded)} {w.ce.unit}" if agenda.ce else ""]
    return " · ".join(b for b in bits if b)


def _table(rows, widths, st_header_rows=1, shade=()) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=st_header_rows)
    style = [("LINEBELOW", (0, 0), (-1, -1), 0.4, d.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), HexColor("#EEF2F6")), ("TOPPADDING", (0, 0), (-1, -1), 3),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    style += [("BACKGROUND", (0, r), (-1, r), HexColor("#F7F8FA")) for r in shade]
    table.setStyle(table_style(style))
    return table


def run_of_show(agenda, st, style: str = "24h") -> Table:
    rows = [[para(h, st["cellbold"]) for h in ("Start", "End", "Min", "Elapsed", "Kind", "Entry")]]
    shade = []
    for item in agenda.items:
        label = item.label("optional: cut if late")
        rows.append([para(clock(item.start, style), st["cell"]), para(clock(item.end, style), st["cell"]),
                     para(str(item.minutes), st["cell"]), para(duration(item.elapsed), st["cell"]),
                     para(item.kind, st["cell"]), para(label, st["cellbold"] if item.kind == "section" else st["cell"])])
        if item.kind == "break":
            shade.append(len(rows) - 1)
        for seg in item.segments:
            if seg.kind == "activity":
                # inside its section's time, so set under the section rather than as a row of its own
                rows.append(["", "", para(str(seg.minutes), st["cellsub"]), "", para("activity", st["cellsub"]),
                             para(f"{clock_range(seg.start, seg.end, style)}  {seg.title}", st["cellsub"])])
    return _table(rows, [46, 46, 34, 50, 54, 238], shade=shade)


class SlideThumb(Flowable):
    """A slide's miniature with its number and timing under it: the cue in the margin beside its notes."""

    def __init__(self, slide, frame, footer, caption: tuple[str, ...] = (), width: float = 132):
        super().__init__()
        self.slide, self.frame, self.footer, self.thumb_w = slide, frame, footer, width
        self.caption = (f"Slide {slide.number}",) + tuple(caption)
        self.below = 4 + 12 * len(self.caption)

    def wrap(self, available_width, available_height):
        self.width, self.height = self.thumb_w, self.thumb_w * self.frame.height / self.frame.width + self.below
        return self.width, self.height

    # ImageAndFlowables sizes its picture through these two
    def _restrictSize(self, available_width, available_height):
        return self.wrap(available_width, available_height)

    def _unRestrictSize(self):
        pass

    def draw(self):
        draw_miniature(self.canv, self.slide, self.frame, self.footer, 0, self.below, self.thumb_w)
        self.canv.setStrokeColor(d.RULE)
        self.canv.setLineWidth(0.5)
        self.canv.rect(0, self.below, self.thumb_w, self.height - self.below)
        for k, line in enumerate(self.caption):
            self.canv.setFillColor(d.INK if k == 0 else d.MUTED)
            d.draw(self.canv, 0, self.below - 13 - 12 * k, line, 9.5 if k == 0 else 9, "sans-bold" if k == 0 else "sans")


def section(item, slides, st, style: str = "24h", thumb=None) -> list[Flowable]:
    s: m.Section = item.entry
    numbers = [x.number for x in slides]
    span = f"slides {numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else (f"slide {numbers[0]}" if numbers else "")
    out: list[Flowable] = [CondPageBreak(180), para(s.title, st["h1"]),
                           para(" · ".join(x for x in (clock_range(item.start, item.end, style),
                                                       f"{item.minutes} minutes",
                                                       "optional" if s.optional else "", f"deck {span}") if x),
                                st["small"])]
    if s.goals:
        out.append(para("Goals", st["h2"]))
        out += [para(g, st["bullet"], "•") for g in s.goals]
    if s.notes:
        out.append(para(s.notes, st["body"]))
    heading = len(out)
    out.append(para("Talking points", st["h2"]))
    for slide in slides:
        if slide.kind in ("section", "activity", "debrief"):
            continue  # activities are set out in full below
        notes = slide.notes.split("\n\n")
        points = [n for n in notes if not n.startswith("Timing:")]
        cue = next((n[len("Timing: "):] for n in notes if n.startswith("Timing:")), "")
        if thumb is None:
            out.append(KeepTogether([para(f"Slide {slide.number}: {slide.title}", st["cue"]), para(cue, st["small"])]
                                    + [para(p, st["body"]) for p in points]))
        else:  # the notes flow beside the slide's miniature (timing under it), and on past it when long
            text = [para(f"Slide {slide.number}: {slide.title}", st["cue"])] + [para(p, st["body"]) for p in points]
            out += [Spacer(1, 8), ImageAndFlowables(thumb(slide, tuple(cue.split(", ", 1)) if cue else ()), text,
                                                    imageSide="left", imageLeftPadding=0, imageRightPadding=14)]
    if len(out) > heading + 1:  # the heading never ends a page without its first talking point
        first = heading + (3 if thumb is not None and len(out) > heading + 2 else 2)
        out[heading:first] = [KeepTogether(out[heading:first])]
    for n, activity in enumerate(s.activities):
        seg = item.activity_time(n)
        block = [para(f"Activity: {activity.title}", st["h2"]),
                 para(" · ".join(x for x in (activity.format, f"{activity.minutes} minutes",
                                             clock_range(seg.start, seg.end, style)) if x), st["small"])]
        if activity.instructions:
            block.append(para(activity.instructions, st["body"]))
        if activity.materials:
            block.append(para("Materials: " + "; ".join(activity.materials), st["body"]))
        if activity.debrief:
            block.append(para("Debrief questions:", st["cellbold"]))
            block += [para(q, st["bullet"], "•") for q in activity.debrief]
        out.append(KeepTogether(block))
    return out


def materials(agenda, st, style: str = "24h") -> list[Flowable]:
    """Each thing once, in the order first needed, with the activities (and times) that use it."""
    out: list[Flowable] = [para("Materials checklist", st["h1"])]
    needed: dict[str, tuple[str, list[str]]] = {}  # casefolded name -> (name as first written, uses)
    for item in agenda.items:
        if item.kind != "section":
            continue
        for k, activity in enumerate(item.entry.activities):
            for thing in dict.fromkeys(activity.materials):
                key = " ".join(thing.casefold().split())
                needed.setdefault(key, (thing, []))[1].append(f"{activity.title}, {clock(item.activity_time(k).start, style)}")
    for thing, uses in needed.values():
        count = f"  ×{len(uses)}" if len(uses) > 1 else ""
        out.append(para(f"☐  {thing}{count}  (for {'; '.join(uses)})", st["body"]))
    if not needed:
        out.append(para("No activity lists materials.", st["body"]))
    return out


def running_late(w: m.Workshop, agenda, st) -> list[Flowable]:
    out: list[Flowable] = [para("If you are running late", st["h1"]),
                           para(f"The day is planned to end at {clock(agenda.end, w.clock)}. To finish on time, make these cuts; "
                                "what cannot be recovered moves the end later.", st["body"])]
    rows = [[para(h, st["cellbold"]) for h in ("Behind", "What to cut", "New end", "Hours")]]
    for behind in LATE_STEPS:
        plan = late_plan(w, agenda, behind)
        if agenda.ce is None:
            ce = "no hours awarded"
        elif plan.holds:
            ce = f"hold: {plan.instructional_minutes} min supports {hours(plan.hours)} h"
        else:
            ce = (f"drop to {hours(plan.hours)} h ({plan.instructional_minutes} instructional min); "
                  f"certificates would need updating")
        cuts = "; ".join(plan.cuts) if plan.cuts else "nothing optional left to cut"
        rows.append([para(f"{behind} min", st["cell"]), para(cuts, st["cell"]),
                     para(clock(plan.end, w.clock), st["cell"]), para(ce, st["cell"])])
    out.append(_table(rows, [46, 230, 50, 142]))
    return [KeepTogether(out)]  # a short table reads as one plan, never split over two pages


def ce_working(w: m.Workshop, agenda, st) -> list[Flowable]:
    unit = w.ce.unit if w.ce else m.CE.unit
    out: list[Flowable] = [Spacer(1, 12), para(f"{unit[:1].upper()}{unit[1:]}: the working", st["h1"])]
    if agenda.ce is None:
        return out + [para("This outline has no ce block: certificates are of attendance, with no hours.", st["body"])]
    c = agenda.ce
    out += [para(f"Instructional minutes (sections only, breaks excluded): {c.instructional_minutes}", st["body"]),
            para(f"Hour rule: {c.minutes_per_hour} minutes make one hour; hours round down to a multiple of "
                 f"{c.increment}.", st["body"]),
            para(c.explain(), st["body"]),
            para(f"Awarded on certificates: {hours(c.awarded)} {w.ce.unit}", st["h2"])]
    if w.ce.approval:
        out.append(para(w.ce.approval, st["small"]))
    return out
