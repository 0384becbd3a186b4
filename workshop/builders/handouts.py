"""handouts.pdf: what participants take home. A cover with the CE facts, objectives and agenda;
each section's key points, reflection prompts and worksheets; slide miniatures, two a page, with
note lines; references."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table

from workshop import model as m
from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.deck.miniature import draw_miniature
from workshop.deck.plan import activity_title, plan_deck
from workshop.docstyle import (TEXT_W, CellLines, FillLines, ListBlock, RuledLines, numbered_style, para, styles,
                               table_style, write_document)
from workshop.quiz.pages import question_page
from workshop.schedule import clock_range, date_text, hours
from workshop.zones import zone_label

FILENAME = "handouts.pdf"


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    w, agenda = ctx.workshop, ctx.agenda
    st = styles(w.theme.primary)
    story: list[Flowable] = []
    story += cover(w, agenda, st)
    for item in agenda.items:
        if isinstance(item.entry, m.Section):
            story += section(item, st, w.clock)
    if w.quiz:
        story += question_page(w, st)
    if w.handouts.slides:
        story += slide_pages(w, agenda)
    if w.references:
        # under the last slide miniature when half a page is free; whole, or broken fairly, if long
        story += [CondPageBreak(250), Spacer(1, 12), ListBlock([para(page_ranges(r), st["reference"]) for r in w.references],
                                         lead=[para("References", st["h1"])])]
    path = ctx.out_dir / FILENAME
    write_document(path, story, w, "Handouts", "participant handouts", ctx.when)
    return [path], []


#: A page range in a reference ("2(1), 70-74", "pp. 113-141"): digits, a hyphen, digits, after a
#: space. A DOI's "12075-004" follows a slash, so it keeps its hyphen.
_PAGE_RANGE = re.compile(r"(?<=\s)(\d+)-(\d+)(?=[\s.,;)]|$)")


def page_ranges(reference: str) -> str:
    """``reference`` with its page ranges set with an en dash, as a reference list prints them."""
    return _PAGE_RANGE.sub("\\1–\\2", reference)


def cover(w: m.Workshop, agenda, st) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 40), para(w.title, st["title"])]
    if w.subtitle:
        out.append(para(w.subtitle, st["subtitle"]))
    for p in w.presenters:
        out.append(para(p.display_name, st["h2"]))
    facts = [date_text(w.date, w.date_style), w.location, w.audience]
    out += [para(f, st["body"]) for f in facts if f]
    if agenda.ce:
        out.append(Spacer(1, 8))
        provider = f" from {w.ce.provider}" if w.ce.provider else ""
        out.append(para(f"{hours(agenda.ce.awarded)} {w.ce.unit}{provider}", st["h2"]))
        out += [para(a.labelled, st["small"]) for a in w.ce.approvals]
    if w.objectives:
        numbered = numbered_style(st, len(w.objectives))
        out += [Spacer(1, 14), ListBlock([para(o, numbered, f"{n}.") for n, o in enumerate(w.objectives, 1)],
                                         lead=[para("Learning objectives", st["h1"]),
                                               para("By the end of this workshop you will be able to:", st["body"])])]
    # the first section follows the agenda on its page when there is room (each section keeps 220 pt)
    zone = zone_label(w.timezone, w.date, w.start)
    out += [CondPageBreak(200), para("Agenda", st["h1"]), agenda_table(agenda, st, w.clock, zone), Spacer(1, 18)]
    return out


def agenda_table(agenda, st, style: str = "24h", zone: str = "") -> Table:
    """The agenda as a table; with a time zone, the Time column's heading names it ("Time (EDT)")
    once, rather than every row repeating it."""
    time = f"Time ({zone})" if zone else "Time"
    rows = [[para(time, st["cellbold"]), para("Minutes", st["cellbold"]), para("Session", st["cellbold"])]]
    for item in agenda.items:
        label = item.label()
        rows.append([para(clock_range(item.start, item.end, style), st["cell"]), para(str(item.minutes), st["cell"]),
                     para(label, st["cellbold"] if item.kind == "section" else st["cell"])])
    table = Table(rows, colWidths=[90, 60, TEXT_W - 150], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.4, d.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def section(item, st, style: str = "24h") -> list[Flowable]:
    s: m.Section = item.entry
    facts = [clock_range(item.start, item.end, style), f"{item.minutes} minutes"]
    if s.optional:
        facts.append("optional: the presenter may leave it out if time runs short")
    out: list[Flowable] = [CondPageBreak(220), para(s.title, st["h1"]), para(" · ".join(facts), st["small"])]
    points: list[Flowable] = []
    for slide in s.slides:
        body = slide.body
        if isinstance(body, m.Bullets):
            mark = numbered_style(st, len(body.items)) if body.numbered else st["bullet"]
            items = []
            for n, entry in enumerate(body.items, 1):
                # a point and its sub-points stay on one page
                group = [para(entry.text, mark, f"{n}." if body.numbered else "•")]
                group += [para(c, st["bullet2"], "–") for c in entry.children]
                items.append(ListBlock(group, whole=True) if entry.children else group[0])
            points.append(ListBlock(items, lead=[para(slide.title, st["h2"])]))
        elif isinstance(body, m.Quote):
            points.append(para(slide.title, st["h2"]))
            # a source usually carries its own parentheses ("Norcross (2010, p. 113)"): attribute it with a dash
            points.append(para(f"“{body.text}”" + (f" — {body.source}" if body.source else ""), st["quote"]))
        elif isinstance(body, m.Image):
            points.append(para(f"{slide.title}: {body.alt}", st["body"]))
    if s.handout.points:
        points.append(ListBlock([para(p, st["bullet"], "•") for p in s.handout.points],
                                lead=[para("Also remember", st["h2"])]))
    out += points
    for activity in s.activities:
        out.append(KeepTogether([para(activity_title(activity.title), st["h2"]),
                                 para(" · ".join(x for x in (activity.format, f"{activity.minutes} minutes") if x),
                                      st["small"]),
                                 para(activity.instructions, st["body"])]))
    groups = [[para("Reflect: " + prompt, st["h2"]), RuledLines(5)] for prompt in s.handout.prompts]
    prompts = [KeepTogether(g) for g in groups]
    sheet = s.handout.worksheet
    if sheet is None:
        return out + prompts
    room = WORKSHEET_ROOM - _height([f for g in groups for f in g])
    if not sheet.rows or room / len(sheet.rows) >= MIN_ROW:
        # the prompts fit under the worksheet, its rows a little shorter: no page left half empty
        return out + worksheet(sheet, st, room if sheet.rows else WORKSHEET_ROOM, prompts)
    return out + prompts + worksheet(sheet, st)


def _height(flowables: list[Flowable]) -> float:
    """The height ``flowables`` take one under another at the text width."""
    total = 0.0
    for f in flowables:
        total += f.wrap(TEXT_W, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


#: The text width of a handout page, and the height a worksheet's rows share.
WORKSHEET_ROOM = 520
MIN_ROW = 44  # a worksheet row is never shorter: two lines of handwriting
CELL_PAD = 3  # the top and bottom padding of a table cell (reportlab's default)


def worksheet(sheet: m.Worksheet, st, room: float = WORKSHEET_ROOM, after: list[Flowable] = ()) -> list[Flowable]:
    """A worksheet on a page of its own: a narrow label column, wide writing columns, and rows
    (or ruled lines) that share ``room`` points of the page's height; then ``after`` (the
    section's reflection prompts). The page before it, if it ends early, ends in lines for notes."""
    out: list[Flowable] = [notes_fill(st), PageBreak(), para(sheet.title, st["h1"])]
    if sheet.instructions:
        out.append(para(sheet.instructions, st["body"]))
    if sheet.rows:
        columns = sheet.columns or ("Notes",)
        first = min(130, max(d.width(r, 9.5, "sans") for r in sheet.rows) + 14)
        width = (TEXT_W - first) / len(columns)
        row_h = max(MIN_ROW, min(110, room / len(sheet.rows)))
        rows = [[para("", st["cellbold"])] + [para(c, st["cellbold"]) for c in columns]]
        # each writing cell ruled to write on: its height less the table's top and bottom padding
        rows += [[para(r, st["cell"])] + [CellLines(row_h - 2 * CELL_PAD) for _ in columns] for r in sheet.rows]
        table = Table(rows, colWidths=[first] + [width] * len(columns),
                      rowHeights=[None] + [row_h] * len(sheet.rows), repeatRows=1)
        table.setStyle(table_style([("GRID", (0, 0), (-1, -1), 0.5, d.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
                                    ("BACKGROUND", (0, 0), (-1, 0), HexColor("#EEF2F6"))]))
        out.append(table)
    if sheet.lines:
        out.append(RuledLines(sheet.lines, gap=26))
    if re.search(r"\bsign(ed)?\b", sheet.instructions, re.IGNORECASE):  # only a plan the instructions ask to sign
        out += [Spacer(1, 18), para("Signed: ______________________________    Date: ______________", st["body"])]
    out += list(after) + [notes_fill(st), PageBreak()]
    return out


def notes_fill(st) -> Flowable:
    """Lines for notes to the foot of a page that would otherwise end early (before a worksheet)."""
    return FillLines(para("Notes", st["h2"]))


class SlideRow(Flowable):
    """One slide miniature, large enough to read on paper, with ruled note lines beside and below
    it: half a page, so two share a page."""

    HEIGHT = 330  # half a letter page's frame, less the gap between the two
    CAPTION = 16

    def __init__(self, slide, frame, width=396):
        super().__init__()
        self.slide, self.frame, self.mini_w = slide, frame, width

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, self.HEIGHT
        return self.width, self.height

    def draw(self):
        mini_h = self.mini_w * self.frame.height / self.frame.width
        top = self.height
        draw_miniature(self.canv, self.slide, self.frame, None, 0, top - mini_h, self.mini_w)
        self.canv.setFillColor(d.MUTED)
        d.draw(self.canv, 0, top - mini_h - 12, f"Slide {self.slide.number}", 9, "sans")
        self.canv.setStrokeColor(d.RULE)
        self.canv.setLineWidth(0.6)
        gap = 22
        y = top - gap
        while y >= 2:
            beside = y > top - mini_h - self.CAPTION
            if beside:
                self.canv.line(self.mini_w + 16, y, self.width, y)
            else:
                self.canv.line(0, y, self.width, y)
            y -= gap


#: Slides worth a miniature: those that teach. Title, agenda, dividers, breaks, references and the
#: closing slide repeat the handout's own pages or carry nothing to take notes on; the knowledge
#: check's slides would give its answers away (its own page asks the questions).
CONTENT_KINDS = ("content", "statement", "quote", "image", "activity", "debrief")


def participant_view(slide):
    """``slide`` as participants see it in their handouts: an activity slide without the
    facilitator's "You will need" list (its heading and the materials under it), or None for a
    "(cont.)" slide that held nothing else."""
    if slide.kind != "activity":
        return slide
    boxes = []
    for box in slide.boxes:
        # on an activity slide the materials are the only listed (level 1) paragraphs
        paras = tuple(p for p in box.paras if not p.level and p.text != "You will need:")
        if paras:
            boxes.append(replace(box, paras=paras))
    return replace(slide, boxes=tuple(boxes)) if boxes else None


def slide_pages(w: m.Workshop, agenda) -> list[Flowable]:
    deck = plan_deck(w, agenda)
    shown = [v for v in (participant_view(s) for s in deck.slides if s.kind in CONTENT_KINDS) if v is not None]
    out: list[Flowable] = []
    for n, slide in enumerate(shown):
        if n % 2 == 0:
            out.append(PageBreak())
        else:
            out.append(Spacer(1, 12))
        out.append(SlideRow(slide, deck.frame))
    return out
