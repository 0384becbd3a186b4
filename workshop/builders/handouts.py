"""handouts.pdf: what participants take home. A cover with the CE facts, objectives and agenda;
each section's key points, reflection prompts and worksheets; slide miniatures with note lines;
references."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table

from workshop import model as m
from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.deck.miniature import draw_miniature
from workshop.deck.plan import plan_deck
from workshop.docstyle import CellLines, RuledLines, para, styles, table_style, write_document
from workshop.quiz.pages import question_page
from workshop.schedule import clock_range, date_text, hours

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
        story += [PageBreak(), para("References", st["h1"])]
        story += [para(r, st["reference"]) for r in w.references]
    path = ctx.out_dir / FILENAME
    write_document(path, story, w, "Handouts", "participant handouts", ctx.when)
    return [path], []


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
        if w.ce.approval:
            out.append(para(w.ce.approval, st["small"]))
    if w.objectives:
        out += [Spacer(1, 14), para("Learning objectives", st["h1"]),
                para("By the end of this workshop you will be able to:", st["body"])]
        out += [para(o, st["bullet"], f"{n}.") for n, o in enumerate(w.objectives, 1)]
    # the first section follows the agenda on its page when there is room (each section keeps 220 pt)
    out += [CondPageBreak(200), para("Agenda", st["h1"]), agenda_table(agenda, st, w.clock), Spacer(1, 18)]
    return out


def agenda_table(agenda, st, style: str = "24h") -> Table:
    rows = [[para("Time", st["cellbold"]), para("Minutes", st["cellbold"]), para("", st["cellbold"])]]
    for item in agenda.items:
        label = item.label()
        rows.append([para(clock_range(item.start, item.end, style), st["cell"]), para(str(item.minutes), st["cell"]),
                     para(label, st["cellbold"] if item.kind == "section" else st["cell"])])
    table = Table(rows, colWidths=[90, 60, 320], repeatRows=1)
    table.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.4, d.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def section(item, st, style: str = "24h") -> list[Flowable]:
    s: m.Section = item.entry
    out: list[Flowable] = [CondPageBreak(220), para(s.title, st["h1"]),
                           para(f"{clock_range(item.start, item.end, style)} · {item.minutes} minutes", st["small"])]
    points: list[Flowable] = []
    for slide in s.slides:
        body = slide.body
        if isinstance(body, m.Bullets):
            points.append(para(slide.title, st["h2"]))
            for n, entry in enumerate(body.items, 1):
                # a point and its sub-points stay on one page
                group = [para(entry.text, st["bullet"], f"{n}." if body.numbered else "•")]
                group += [para(c, st["bullet2"], "–") for c in entry.children]
                points.append(KeepTogether(group) if entry.children else group[0])
        elif isinstance(body, m.Quote):
            points.append(para(slide.title, st["h2"]))
            # a source usually carries its own parentheses ("Norcross (2010, p. 113)"): attribute it with a dash
            points.append(para(f"“{body.text}”" + (f" — {body.source}" if body.source else ""), st["quote"]))
        elif isinstance(body, m.Image):
            points.append(para(f"{slide.title}: {body.alt}", st["body"]))
    if s.handout.points:
        points.append(para("Also remember", st["h2"]))
        points += [para(p, st["bullet"], "•") for p in s.handout.points]
    out += points
    for activity in s.activities:
        out.append(KeepTogether([para(f"Activity: {activity.title}", st["h2"]),
                                 para(" · ".join(x for x in (activity.format, f"{activity.minutes} minutes") if x),
                                      st["small"]),
                                 para(activity.instructions, st["body"])]))
    for prompt in s.handout.prompts:
        out.append(KeepTogether([para("Reflect: " + prompt, st["h2"]), RuledLines(5)]))
    if s.handout.worksheet:
        out += worksheet(s.handout.worksheet, st)
    return out


#: The text width of a handout page, and the height a worksheet's rows share.
TEXT_W = 504  # letter, less two 0.75 in margins
WORKSHEET_ROOM = 520
CELL_PAD = 3  # the top and bottom padding of a table cell (reportlab's default)


def worksheet(sheet: m.Worksheet, st) -> list[Flowable]:
    """A worksheet on a page of its own: a narrow label column, wide writing columns, and rows
    (or ruled lines) that share the page's height."""
    out: list[Flowable] = [PageBreak(), para(sheet.title, st["h1"])]
    if sheet.instructions:
        out.append(para(sheet.instructions, st["body"]))
    if sheet.rows:
        columns = sheet.columns or ("Notes",)
        first = min(130, max(d.width(r, 9.5, "sans") for r in sheet.rows) + 14)
        width = (TEXT_W - first) / len(columns)
        row_h = max(44, min(110, WORKSHEET_ROOM / len(sheet.rows)))
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
    out.append(PageBreak())
    return out


class SlideRow(Flowable):
    """One slide miniature with ruled note lines beside it."""

    def __init__(self, slide, frame, footer, width=290):
        super().__init__()
        self.slide, self.frame, self.footer, self.mini_w = slide, frame, footer, width

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = self.mini_w * self.frame.height / self.frame.width + 24
        return self.width, self.height

    def draw(self):
        mini_h = self.mini_w * self.frame.height / self.frame.width
        draw_miniature(self.canv, self.slide, self.frame, self.footer, 0, 12, self.mini_w)
        self.canv.setFillColor(d.MUTED)
        d.draw(self.canv, 0, 0, f"Slide {self.slide.number}", 8, "sans")
        self.canv.setStrokeColor(d.RULE)
        self.canv.setLineWidth(0.6)
        for k in range(1, int(mini_h // 20) + 1):
            y = 12 + mini_h - k * 20
            self.canv.line(self.mini_w + 18, y, self.width, y)


#: Slides worth a miniature: those that teach. Title, agenda, dividers, breaks, references and the
#: closing slide repeat the handout's own pages or carry nothing to take notes on; the knowledge
#: check's slides would give its answers away (its own page asks the questions).
CONTENT_KINDS = ("content", "statement", "quote", "image", "activity", "debrief")


def slide_pages(w: m.Workshop, agenda) -> list[Flowable]:
    deck = plan_deck(w, agenda)
    out: list[Flowable] = []
    for n, slide in enumerate(s for s in deck.slides if s.kind in CONTENT_KINDS):
        if n % 3 == 0:
            out.append(PageBreak())
        out += [SlideRow(slide, deck.frame, deck.footer), Spacer(1, 22)]
    return out
