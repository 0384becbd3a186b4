"""handouts.pdf: what participants take home. A cover with the CE facts, objectives and agenda;
each section with its slides (a miniature beside a wide column of lines for notes, or, with
``handouts.slides: false``, the slides' key points as text), its activities, reflection prompts
and worksheets; the references; the knowledge check last, on a sheet of its own to hand in.

Each slide prints once: as a miniature where there are miniatures, else as its key points."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table

from workshop import model as m
from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.deck.miniature import draw_miniature
from workshop.deck.plan import activity_title, debrief_title, plan_deck
from workshop.docstyle import (TEXT_W, CellLines, FillLines, ListBlock, RuledLines, numbered_style, para, styles,
                               table_style, write_document)
from workshop.quiz.pages import question_page
from workshop.i18n import N_, hours_text, tr
from workshop.schedule import clock_range, date_text
from workshop.colour import theme_ink
from workshop.zones import zone_label

FILENAME = "handouts.pdf"


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    w, agenda = ctx.workshop, ctx.agenda
    st = styles(theme_ink(w.theme), reader=True)
    deck = plan_deck(w, agenda) if w.handouts.slides else None
    story: list[Flowable] = []
    story += cover(w, agenda, st)
    for item in agenda.items:
        if isinstance(item.entry, m.Section):
            story += section(item, st, w.clock, miniatures(deck, item.entry.id), theme_ink(w.theme),
                              w.language)
    if w.references:
        # under the last section when half a page is free; whole, or broken fairly, if long
        story += [CondPageBreak(250), Spacer(1, 12), ListBlock([para(page_ranges(r), st["reference"]) for r in w.references],
                                         lead=[para(tr(w.language, "References"), st["h1"])])]
    path = ctx.out_dir / FILENAME
    if w.quiz:
        # the knowledge check starts a sheet of its own, so it can be torn off and handed in: when
        # the rest ends on a right-hand page, a page of lines for notes fills its back
        story += [PageBreak(), _NotesOnBack(FillLines(para(tr(w.language, "Notes"), st["h1"]), whole_page=True))]
        story += question_page(w, st)[1:]  # its own page break is the one above
    write_document(path, story, w, N_("Handouts"), N_("participant handouts"), ctx.when)
    return [path], []


class _NotesOnBack(Flowable):
    """A page of lines for notes when the page it is laid out on is a left-hand (even) one, so
    that what follows starts a sheet of its own; nothing on a right-hand page. Decided while the
    pages are laid out, so the handouts are laid out once."""

    def __init__(self, notes: Flowable):
        super().__init__()
        self.notes = notes
        self.shown = False

    def wrap(self, available_width, available_height):
        self.shown = self.canv.getPageNumber() % 2 == 0
        if not self.shown:
            return available_width, 0
        return self.notes.wrapOn(self.canv, available_width, available_height)

    def draw(self):
        if self.shown:
            self.notes.drawOn(self.canv, 0, 0)


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
    lang = w.language
    facts = [date_text(w.date, w.date_style, language=lang), w.location, w.audience]
    out += [para(f, st["body"]) for f in facts if f]
    if agenda.ce:
        out.append(Spacer(1, 8))
        award = f"{hours_text(agenda.ce.awarded, lang)} {w.ce.unit}"
        if w.ce.provider:
            award = tr(lang, "{award} from {provider}", award=award, provider=w.ce.provider)
        out.append(para(award, st["h2"]))
        out += [para(a.labelled_in(lang), st["small"]) for a in w.ce.approvals]
    if w.objectives:
        numbered = numbered_style(st, len(w.objectives))
        objectives = ListBlock([para(o, numbered, f"{n}.") for n, o in enumerate(w.objectives, 1)],
                               lead=[para(tr(lang, "Learning objectives"), st["h1"]),
                                     para(tr(lang, "By the end of this workshop you will be able to:"), st["body"])])
        # eight or fewer objectives are read as one list: moved whole, however long, rather than split 5 + 3
        out += [Spacer(1, 14), KeepTogether([objectives]) if len(w.objectives) <= ListBlock.SHORT else objectives]
    # the first section follows the agenda on its page when there is room (each section keeps 220 pt)
    zone = zone_label(w.timezone, w.date, w.start)
    out += [CondPageBreak(200), para(tr(lang, "Agenda"), st["h1"]), agenda_table(agenda, st, w.clock, zone, lang),
            Spacer(1, 18)]
    return out


def agenda_table(agenda, st, style: str = "24h", zone: str = "", language: str = "en") -> Table:
    """The agenda as a table; with a time zone, the Time column's heading names it ("Time (EDT)")
    once, rather than every row repeating it."""
    time = tr(language, "Time ({zone})", zone=zone) if zone else tr(language, "Time")
    minutes = tr(language, "Minutes")
    rows = [[para(time, st["cellbold"]), para(minutes, st["cellbold"]), para(tr(language, "Session"), st["cellbold"])]]
    ranges = [clock_range(item.start, item.end, style) for item in agenda.items]
    for item, when in zip(agenda.items, ranges, strict=True):
        label = item.label(tr(language, "optional"))
        rows.append([para(when, st["cell"]), para(str(item.minutes), st["cell"]),
                     para(label, st["cellbold"] if item.kind == "section" else st["cell"])])
    # the Time column as wide as its widest range ("11:00 AM–12:00 PM" never breaks), plus the padding
    cell = st["cell"]
    time_w = max([d.width(r, cell.fontSize, "sans") for r in ranges] + [d.width(time, cell.fontSize, "sans-bold")]) + 14
    minutes_w = d.width(minutes, cell.fontSize, "sans-bold") + 16
    table = Table(rows, colWidths=[time_w, minutes_w, TEXT_W - time_w - minutes_w], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.4, d.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def section(item, st, style: str = "24h", slides: tuple = (), ink: str = "",
            lang: str = "en") -> list[Flowable]:
    """A section's pages: its heading and timing, then its ``slides`` as miniatures with lines
    for notes (or, with none, its slides' key points as text), what else to remember, its
    activities, reflection prompts and worksheet."""
    s: m.Section = item.entry
    facts = [clock_range(item.start, item.end, style), tr(lang, "{n} minutes", n=item.minutes)]
    if s.optional:
        facts.append(tr(lang, "optional: the presenter may leave it out if time runs short"))
    head = [para(s.title, st["h1"]), para(" · ".join(facts), st["small"])]
    if slides:
        frame, shown = slides
        # each activity comes before the slide that debriefs it, as the day runs
        debriefs = {n: debrief_title(a.title, lang) for n, a in enumerate(s.activities)}
        rows: list[Flowable] = []
        placed: set[int] = set()
        for slide in shown:
            if slide.kind == "debrief":
                for n, title in debriefs.items():
                    if n not in placed and slide.title.startswith(title):
                        rows.append(_activity(s.activities[n], st, lang))
                        placed.add(n)
            rows.append(SlideRow(slide, frame, ink, lang))
        # the heading keeps its first slide; no page starts with a heading alone
        out: list[Flowable] = [CondPageBreak(SlideRow.height_for(frame) + 60), KeepTogether(head + rows[:1])]
        out += [x for row in rows[1:] for x in (Spacer(1, SlideRow.GAP), row)]
        return out + _rest(s, st, [], lang, placed)
    out = [CondPageBreak(220)] + head
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
    return _rest(s, st, out + points, lang)


def _activity(activity: m.Activity, st, lang: str = "en") -> Flowable:
    """An activity as the handouts set it: its title, format and minutes, and its instructions."""
    return KeepTogether([para(activity_title(activity.title, lang), st["h2"]),
                         para(" · ".join(x for x in (activity.format, tr(lang, "{n} minutes", n=activity.minutes)) if x),
                              st["small"]),
                         para(activity.instructions, st["body"])])


def _rest(s: m.Section, st, out: list[Flowable], lang: str = "en", placed: set[int] = frozenset()) -> list[Flowable]:
    """What follows a section's slides: what else to remember, its activities (those not
    ``placed`` already, before their debrief slides), reflection prompts and worksheet."""
    out = list(out)
    if s.handout.points:
        out.append(ListBlock([para(p, st["bullet"], "•") for p in s.handout.points],
                             lead=[para(tr(lang, "Also remember"), st["h2"])]))
    for n, activity in enumerate(s.activities):
        if n not in placed:
            out.append(_activity(activity, st, lang))
    groups = [[para(tr(lang, "Reflect: {prompt}", prompt=prompt), st["h2"]), RuledLines(5)] for prompt in s.handout.prompts]
    prompts = [KeepTogether(g) for g in groups]
    sheet = s.handout.worksheet
    if sheet is None:
        return out + prompts
    room = WORKSHEET_ROOM - _height([f for g in groups for f in g])
    if not sheet.rows or room / len(sheet.rows) >= MIN_ROW:
        # the prompts fit under the worksheet, its rows a little shorter: no page left half empty
        return out + worksheet(sheet, st, room if sheet.rows else WORKSHEET_ROOM, prompts, lang)
    return out + prompts + worksheet(sheet, st, lang=lang)


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


def worksheet(sheet: m.Worksheet, st, room: float = WORKSHEET_ROOM, after: list[Flowable] = (),
              lang: str = "en") -> list[Flowable]:
    """A worksheet on a page of its own: a narrow label column, wide writing columns, and rows
    (or ruled lines) that share ``room`` points of the page's height; then ``after`` (the
    section's reflection prompts). The page before it, if it ends early, ends in lines for notes."""
    out: list[Flowable] = [notes_fill(st, lang), PageBreak(), para(sheet.title, st["h1"])]
    if sheet.instructions:
        out.append(para(sheet.instructions, st["body"]))
    if sheet.rows:
        columns = sheet.columns or (tr(lang, "Notes"),)
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
    if _ASKS_TO_SIGN.search(sheet.instructions):  # only a plan the instructions ask to sign
        out += [Spacer(1, 18), para(tr(lang, "Signed: {line}    Date: {short_line}", line="_" * 30, short_line="_" * 14), st["body"])]
    out += list(after) + [notes_fill(st, lang), PageBreak()]
    return out


#: Instructions that ask the reader to sign, in the languages the kit prints: "Sign and date your
#: plan", "Firme y feche su plan", "Signez et datez votre plan".
_ASKS_TO_SIGN = re.compile(r"\b(?:sign(?:ed)?|firm[ae]\w*|sign(?:ez|er|é)\w*)\b", re.IGNORECASE)


def notes_fill(st, lang: str = "en") -> Flowable:
    """Lines for notes to the foot of a page that would otherwise end early (before a worksheet)."""
    return FillLines(para(tr(lang, "Notes"), st["h2"]))


class SlideRow(Flowable):
    """One slide miniature, large enough to read on paper, its number under it, with ruled lines
    for notes beside it: a column wide enough to write a sentence in (2.2 in). The miniature is
    printed light: no solid title bar or full-bleed fill to spend toner on."""

    MINI_W = 320  # 4.4 in: the slide's 24 pt body text would print at 8 pt
    MIN_TEXT = 9.0  # so it prints at 9 pt (sub-points and attributions at 8) where its box has room
    GAP = 14  # between two rows
    NOTE_GAP = 18  # between the miniature and its note lines
    LINE_GAP = 24  # ruled lines a comfortable handwriting's height apart
    CAPTION = 16

    def __init__(self, slide, frame, ink: str, lang: str = "en"):
        super().__init__()
        self.slide, self.frame, self.ink, self.lang = slide, frame, ink, lang

    @classmethod
    def height_for(cls, frame) -> float:
        return cls.MINI_W * frame.height / frame.width + cls.CAPTION

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, self.height_for(self.frame)
        return self.width, self.height

    def draw(self):
        mini_h = self.height - self.CAPTION
        top = self.height
        draw_miniature(self.canv, self.slide, self.frame, None, 0, top - mini_h, self.MINI_W, light=self.ink,
                       min_text=self.MIN_TEXT)
        self.canv.setFillColor(d.MUTED)
        d.draw(self.canv, 0, top - mini_h - 12, tr(self.lang, "Slide {number}", number=self.slide.number), 9.5, "sans")
        self.canv.setStrokeColor(d.RULE)
        self.canv.setLineWidth(0.6)
        x0 = self.MINI_W + self.NOTE_GAP
        y = top - self.LINE_GAP
        while y >= self.CAPTION - 4:
            self.canv.line(x0, y, self.width, y)
            y -= self.LINE_GAP


#: Slides worth a miniature: those that teach. Title, agenda, dividers, breaks, references and the
#: closing slide repeat the handout's own pages or carry nothing to take notes on; an activity's
#: slide says what its text in the section says; the knowledge check's slides would give its
#: answers away (its own page asks the questions).
CONTENT_KINDS = ("content", "statement", "quote", "image", "debrief")


def miniatures(deck, section_id: str) -> tuple:
    """(the deck's frame, the section's teaching slides), or () when the
    handouts print no miniatures or the section has none."""
    if deck is None:
        return ()
    shown = [s for s in deck.slides if s.kind in CONTENT_KINDS and s.section_id == section_id]
    return (deck.frame, shown) if shown else ()
