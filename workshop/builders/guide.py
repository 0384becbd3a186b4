"""guide.pdf: the facilitator guide. The run-of-show, then section by section the goals,
talking points, deck slides and activities; a materials checklist; what to cut when running
late; and how the CE hours were calculated."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.platypus import CondPageBreak, Flowable, ImageAndFlowables, KeepTogether, Spacer, Table

from workshop import model as m
from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.colour import theme_ink
from workshop.deck.plan import CONTINUED, OPEN, activity_title, plan_deck
from workshop.docstyle import TEXT_W, para, styles, table_style, write_document
from workshop.latecuts import late_plan
from workshop.quiz.pages import answer_key
from workshop.i18n import N_, hours_text, number_text, tr
from workshop.schedule import clock, clock_range, date_text, duration
from workshop.zones import zone_label

FILENAME = "guide.pdf"
LATE_STEPS = (5, 10, 15, 20)


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    w, agenda = ctx.workshop, ctx.agenda
    st = styles(theme_ink(w.theme))
    deck = plan_deck(w, agenda)
    lang = w.language
    story: list[Flowable] = [para(tr(lang, "Facilitator guide: {title}", title=w.title), st["h1"]),
                             para(_facts(w, agenda), st["small"]), para(tr(lang, "Run of show"), st["h2"]),
                             run_of_show(agenda, st, w.clock, lang), Spacer(1, 10)]
    # the first section follows the run of show on page 1 when its opening fits there
    for item in agenda.items:
        if item.kind == "section":
            story += section(item, [s for s in deck.slides if s.section_id == item.entry.id], st, w.clock,
                             thumb=lambda slide, cue: SlideCard(slide, cue, lang=lang), lang=lang)
    if w.quiz:
        story += answer_key(w, st)
    story += [CondPageBreak(320)] + materials(agenda, st, w.clock, lang) + running_late(w, agenda, st) + ce_working(w, agenda, st)
    path = ctx.out_dir / FILENAME
    write_document(path, story, w, N_("Facilitator guide"), N_("facilitator guide"), ctx.when)
    return [path], []


def _facts(w: m.Workshop, agenda) -> str:
    bits = [date_text(w.date, w.date_style, language=w.language), w.location,
            f"{clock_range(agenda.start, agenda.end, w.clock)}{_zone(w)} ({duration(agenda.total_minutes)})",
            f"{hours_text(agenda.ce.awarded, w.language)} {w.ce.unit}" if agenda.ce else ""]
    return " · ".join(b for b in bits if b)


def _zone(w: m.Workshop) -> str:
    """" EDT" to follow a headline's clock times when the outline sets a time zone, else "". The
    zone is named where the day's times are first given (the headline above the run-of-show, the
    end of the day when running late), not on every row of a table the facilitator reads in it."""
    label = zone_label(w.timezone, w.date, w.start)
    return f" {label}" if label else ""


def _table(rows, widths, st_header_rows=1, shade=()) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=st_header_rows, hAlign="LEFT")
    style = [("LINEBELOW", (0, 0), (-1, -1), 0.4, d.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), HexColor("#EEF2F6")), ("TOPPADDING", (0, 0), (-1, -1), 3),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    style += [("BACKGROUND", (0, r), (-1, r), HexColor("#F7F8FA")) for r in shade]
    table.setStyle(table_style(style))
    return table


#: The kinds of entry the run of show names.
KINDS = {"section": N_("section"), "break": N_("break"), "activity": N_("activity"), "open": N_("open")}


def run_of_show(agenda, st, style: str = "24h", lang: str = "en") -> Table:
    rows = [[para(tr(lang, h), st["cellbold"]) for h in (N_("Start"), N_("End"), N_("Min"), N_("Elapsed"), N_("Kind"),
                                                          N_("Entry"))]]
    shade = []
    for item in agenda.items:
        label = item.label(tr(lang, "optional: cut if late"))
        rows.append([para(clock(item.start, style), st["cell"]), para(clock(item.end, style), st["cell"]),
                     para(str(item.minutes), st["cell"]), para(duration(item.elapsed), st["cell"]),
                     para(_capital(tr(lang, KINDS.get(item.kind, item.kind))), st["cell"]),
                     para(label, st["cellbold"] if item.kind == "section" else st["cell"])])
        if item.kind == "break":
            shade.append(len(rows) - 1)
        for seg in item.segments:
            if seg.kind in ("activity", "open"):
                # inside its section's time: each value in its own column, in grey, the title indented;
                # minutes the outline gives to no slide or activity are shown as open time
                title = seg.title if seg.kind == "activity" else tr(lang, "open time: no slide or activity planned")
                rows.append([para(clock(seg.start, style), st["cellmuted"]), para(clock(seg.end, style), st["cellmuted"]),
                             para(str(seg.minutes), st["cellmuted"]), "",
                             para(_capital(tr(lang, KINDS[seg.kind])), st["cellmuted"]),
                             para(title, st["cellsub"])])
    return _table(rows, RUN_OF_SHOW_WIDTHS, shade=shade)


def _capital(text: str) -> str:
    """A table cell's word as a cell starts it: "Section", "Sección"."""
    return text[:1].upper() + text[1:]


#: The run of show's columns, filling the text measure: Start, End, Min, Elapsed, Kind, Entry.
RUN_OF_SHOW_WIDTHS = [50, 50, 34, 52, 58, TEXT_W - 244]


#: A slide card's width: beside its notes, or three a row.
CARD_W = 150.0


class SlideCard(Flowable):
    """What a slide shows, as words the facilitator can read at a glance: a card with the slide's
    number and its on-screen text (title, points, quote) set small but legible, then its timing,
    in the margin beside its notes. Long text ends with an ellipsis after ``MAX_LINES`` lines;
    the deck has it whole."""

    SIZE = 8.5
    LEADING = 10.5
    PAD = 6
    MAX_LINES = 12
    PICTURE_H = 64

    def __init__(self, slide, caption: tuple[str, ...] = (), width: float = CARD_W, lang: str = "en"):
        super().__init__()
        self.slide, self.card_w = slide, width
        # the caption wraps inside the card's column: a long language never runs into the notes
        # (at its " · " first: "starts 0:00 in ·" over "3:07 left after it", no word left alone)
        self.caption = [(line, k == 0) for k, text in enumerate((tr(lang, "Slide {number}", number=slide.number),)
                                                                 + tuple(caption))
                        for line in _caption_lines(text, "sans-bold" if k == 0 else "sans", 9.5 if k == 0 else 9,
                                                   width)]
        self.lines = self._lines()
        picture = slide.image is not None and slide.image.path.is_file()
        self.picture_h = self.PICTURE_H if picture else 0.0  # a picture slide shows its picture, small
        self.card_h = 2 * self.PAD + len(self.lines) * self.LEADING + (self.picture_h + 4 if picture else 0)
        self.below = 4 + 12 * len(self.caption)

    def _lines(self) -> list[tuple[str, str, float, str, bool]]:
        """(text, face, indent, marker, right to left) of each line on the card. A point's marker
        starts its first line (on the right of a right-to-left point), never alone on a line."""
        inner = self.card_w - 2 * self.PAD
        out = [(line, "sans-bold", 0.0, "", _rtl(self.slide.title))
               for line in d.wrap(self.slide.title, "sans-bold", self.SIZE, inner)]
        for box in self.slide.boxes:
            for paragraph in box.paras:
                if box.name == "Title text" or not paragraph.text.strip() or paragraph.text == self.slide.title:
                    continue
                indent = 8.0 * min(paragraph.level, 2)
                marker = "" if not paragraph.level or paragraph.continued else (
                    f"{paragraph.number}. " if paragraph.number is not None else ("• " if paragraph.level == 1 else "– "))
                face = "sans-italic" if paragraph.italic else "sans"
                text = " ".join(paragraph.text.replace("\t", " ").split())
                hang = self._hang(marker)
                rtl = _rtl(text)
                for k, line in enumerate(d.wrap(text, face, self.SIZE, inner - indent - hang)):
                    out.append((line, face, indent + hang, marker if k == 0 else "", rtl))
        if len(out) > self.MAX_LINES:
            text, face, indent, marker, rtl = out[self.MAX_LINES - 1]
            out = out[:self.MAX_LINES - 1] + [(_cut(text + " …", face, self.SIZE, inner - indent), face, indent,
                                               marker, rtl)]
        return out

    def _hang(self, marker: str) -> float:
        """How far a point's text stands in from its marker ("•", "2."): the marker and a space."""
        return d.width(marker.strip(), self.SIZE, "sans") + self.SIZE * 0.35 if marker else 0.0

    def wrap(self, available_width, available_height):
        self.width, self.height = self.card_w, self.card_h + self.below
        return self.width, self.height

    # ImageAndFlowables sizes its picture through these two
    def _restrictSize(self, available_width, available_height):
        return self.wrap(available_width, available_height)

    def _unRestrictSize(self):
        pass

    def draw(self):
        c = self.canv
        c.setStrokeColor(d.RULE)
        c.setLineWidth(0.6)
        c.rect(0, self.below, self.card_w, self.card_h)
        c.saveState()  # nothing drawn on the card crosses its frame: clipped 4 pt inside it
        clip = c.beginPath()
        clip.rect(4, self.below + 2, self.card_w - 8, self.card_h - 4)
        c.clipPath(clip, stroke=0, fill=0)
        y = self.height - self.PAD - self.SIZE
        right = self.card_w - self.PAD
        for text, face, indent, marker, rtl in self.lines:
            c.setFillColor(d.INK)
            if rtl:  # set from the right, its marker on the right
                if marker:
                    d.draw(c, right - indent + self._hang(marker), y, marker.strip(), self.SIZE, "sans", "right")
                d.draw(c, right - indent, y, text, self.SIZE, face, "right")
            else:
                if marker:
                    d.draw(c, self.PAD + indent - self._hang(marker), y, marker.strip(), self.SIZE, "sans")
                d.draw(c, self.PAD + indent, y, text, self.SIZE, face)
            y -= self.LEADING
        if self.picture_h:
            from reportlab.lib.utils import ImageReader

            image = ImageReader(str(self.slide.image.path))
            iw, ih = image.getSize()
            k = min((self.card_w - 2 * self.PAD) / iw, self.picture_h / ih)
            top = y + self.SIZE - 4
            c.drawImage(image, (self.card_w - iw * k) / 2, top - ih * k, iw * k, ih * k, mask="auto")
        c.restoreState()
        for k, (line, first) in enumerate(self.caption):
            c.setFillColor(d.INK if first else d.MUTED)
            d.draw(c, 0, self.below - 13 - 12 * k, line, 9.5 if first else 9, "sans-bold" if first else "sans")


def _caption_lines(text: str, face: str, size: float, width: float) -> list[str]:
    """``text`` on one line when it fits ``width``; else broken after each " · " first, then at spaces."""
    if d.width(text, size, face) <= width:
        return [text]
    parts = text.split(" · ")
    return [line for k, part in enumerate(parts)
            for line in d.wrap(part + (" ·" if k < len(parts) - 1 else ""), face, size, width)]


def _rtl(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strong letter is Hebrew, Arabic or the like."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def _cut(text: str, face: str, size: float, width: float) -> str:
    """``text`` cut to ``width`` and ended with an ellipsis: at a word, or inside a word too long to keep."""
    text = d.ellipsize(text, face, size, width)
    while d.width(text, size, face) > width and len(text) > 1:
        text = text[:-2].rstrip() + "…"
    return text


def timing_caption(cue: str, lang: str = "en") -> tuple[str, ...]:
    """The deck's timing note ("09:15–09:20 (5 min), 0:15 in, 2:55 left") as the lines under a
    miniature, both counts said from the slide's own place: where it starts, what is left after it."""
    # the note's form in the outline's language, its three fields read back
    form = re.escape(tr(lang, "{window}, {done} in, {left} left"))
    for name, pattern in (("window", "(?P<window>.*)"), ("done", r"(?P<done>\S+)"), ("left", r"(?P<left>\S+)")):
        form = form.replace(re.escape("{" + name + "}"), pattern)
    match = re.fullmatch(form, cue)
    if match is None:
        return (cue,) if cue else ()
    return match["window"], tr(lang, "starts {done} in · {left} left after it", done=match["done"], left=match["left"])


_LISTED = re.compile(r"^\s*(?:([-*•])|(\d{1,2}[.)]))\s+(.*)$")


def note_paras(texts: list[str], st) -> list[Flowable]:
    """Notes as the guide sets them: each paragraph, and a list written line by line in them
    ("- point one" on a line, "2. point two" on the next) as a list, one item a line."""
    out: list[Flowable] = []
    for text in texts:
        lines = [line for line in text.split("\n") if line.strip()]
        if len(lines) < 2 or not any(_LISTED.match(line) for line in lines):
            out.append(para(text, st["body"]))
            continue
        for line in lines:
            match = _LISTED.match(line)
            if match:
                out.append(para(match.group(3), st["bullet"], "•" if match.group(1) else match.group(2)))
            else:
                out.append(para(line.strip(), st["body"]))
    return out


def section(item, slides, st, style: str = "24h", thumb=None, lang: str = "en") -> list[Flowable]:
    s: m.Section = item.entry
    numbers = [x.number for x in slides]
    span = (tr(lang, "deck slides {first}–{last}", first=numbers[0], last=numbers[-1]) if len(numbers) > 1
            else (tr(lang, "deck slide {number}", number=numbers[0]) if numbers else ""))
    opening: list[Flowable] = [para(s.title, st["h1"]),
                               para(" · ".join(x for x in (clock_range(item.start, item.end, style),
                                                           tr(lang, "{n} minutes", n=item.minutes),
                                                           tr(lang, "optional") if s.optional else "", span) if x),
                                    st["small"])]
    if s.goals:
        opening.append(para(tr(lang, "Goals"), st["h2"]))
        opening += [para(g, st["bullet"], "•") for g in s.goals]
    if s.notes:
        opening.append(para(s.notes, st["body"]))
    points: list[Flowable] = []
    previous_cue = None
    quiet: list = []  # slides with nothing to say beside them, waiting to be set side by side

    def beside(slide, caption, texts: list[str]) -> None:
        """The slide's notes flowing beside its miniature (timing under it), and on past it when long."""
        text = ([para(tr(lang, "Slide {number}: {title}", number=slide.number, title=slide.title), st["cue"])]
                + note_paras(texts, st))
        points.extend([Spacer(1, 8), ImageAndFlowables(thumb(slide, caption), text, imageSide="left",
                                                       imageLeftPadding=0, imageRightPadding=14)])

    def set_quiet() -> None:
        if len(quiet) >= 2:  # a run of them side by side, three a row, not each beside an empty column
            points.append(Spacer(1, 8))
            points.extend(_side_by_side([thumb(x, c) for x, c in quiet]))
        else:
            for x, c in quiet:
                beside(x, c, [])
        quiet.clear()

    for slide in slides:
        if slide.kind in ("section", "activity", "debrief"):
            continue  # activities are set out in full below
        notes = slide.notes.split("\n\n")
        timing = tr(lang, "Timing: {cue}", cue="")
        cue = next((n[len(timing):] for n in notes if n.startswith(timing)), "")
        # a "(cont.)" slide carries on its first slide's time: one timing block for the run, no filler note
        filler = tr(lang, CONTINUED)
        continued = filler in notes and cue == previous_cue
        previous_cue = cue
        # open time is said once, after the section's activities
        opening_of_open = tr(lang, OPEN)
        texts = [n for n in notes if not n.startswith((timing, opening_of_open)) and n != filler]
        caption = () if continued else timing_caption(cue, lang)
        if thumb is None:
            points.append(KeepTogether([para(tr(lang, "Slide {number}: {title}", number=slide.number, title=slide.title),
                                             st["cue"])]
                                       + [para(c, st["small"]) for c in caption] + note_paras(texts, st)))
        elif not texts:
            quiet.append((slide, caption))
        else:
            set_quiet()
            beside(slide, caption, texts)
    if thumb is not None:
        set_quiet()
    out: list[Flowable] = [CondPageBreak(180)]
    if points:
        # the heading, its goals and "Talking points" never end a page without the first talking point
        first = 2 if thumb is not None else 1
        out.append(KeepTogether(opening + [para(tr(lang, "Talking points"), st["h2"])] + points[:first]))
        out += points[first:]
    else:
        out.append(KeepTogether(opening))
    for n, activity in enumerate(s.activities):
        seg = item.activity_time(n)
        block = [para(activity_title(activity.title, lang), st["h2"]),
                 para(" · ".join(x for x in (activity.format, tr(lang, "{n} minutes", n=activity.minutes),
                                             clock_range(seg.start, seg.end, style)) if x), st["small"])]
        if activity.instructions:
            block.append(para(activity.instructions, st["body"]))
        if activity.materials:
            block.append(para(tr(lang, "Materials: {list}", list="; ".join(activity.materials)), st["body"]))
        if activity.debrief:
            block.append(para(tr(lang, "Debrief questions"), st["h2"]))
            block += [para(q, st["bullet"], "•") for q in activity.debrief]
        out.append(KeepTogether(block))
    gap = item.open_time
    if gap is not None:
        out.append(KeepTogether([para(tr(lang, "Open time"), st["h2"]), para(
            tr(lang, "{span} · {n} minutes the outline gives to no slide or activity; the section ends at {time}.",
               span=clock_range(gap.start, gap.end, style), n=gap.minutes, time=clock(gap.end, style)), st["body"])]))
    return out


def _side_by_side(cards: list[Flowable]) -> list[Flowable]:
    """Slide cards three a row (each as wide as a card beside its notes, 14 pt apart, so the first
    column lines up with the cards above it), each row a table of its own so that a page may turn
    between rows."""
    rows = []
    for k in range(0, len(cards), 3):
        row = cards[k:k + 3]
        table = Table([row + [""] * (3 - len(row))], colWidths=[CARD_W + 14] * 3, hAlign="LEFT")
        table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 10)])
        rows.append(table)
    return rows


def materials(agenda, st, style: str = "24h", lang: str = "en") -> list[Flowable]:
    """Each thing once, in the order first needed, with the activities (and times) that use it."""
    out: list[Flowable] = [para(tr(lang, "Materials checklist"), st["h1"])]
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
        out.append(para(f"☐  {thing}{count}  " + tr(lang, "(for {uses})", uses="; ".join(uses)), st["body"]))
    if not needed:
        out.append(para(tr(lang, "No activity lists materials."), st["body"]))
    return out


#: A number and the word after it ("3 min", "3,00 h", "180 instructional"), and a short last word
#: and its closing parenthesis ("min)"), never broken apart at the end of a line; nor a clause's
#: last word and its closing amount ("by 3 min;").
_GLUE = re.compile(r"(?<=\d) (?=[^\s(])| (?=[^\s()]{1,4}\))| (?=\d+ \S{1,4}(?:;|$))")


def _glued(text: str) -> str:
    """``text`` with no-break spaces where a line break would leave a unit alone."""
    return _GLUE.sub("\u00a0", text)


def running_late(w: m.Workshop, agenda, st) -> list[Flowable]:
    lang = w.language
    run_on = (tr(lang, "; the outline's end time, {time}, leaves {n} minutes to run on before anything is cut",
                 time=clock(w.end, w.clock), n=w.end - agenda.end) if w.end is not None and w.end > agenda.end else "")
    out: list[Flowable] = [para(tr(lang, "If you are running late"), st["h1"]),
                           para(tr(lang, "The day is planned to end at {time}{run_on}. For each delay, make only the "
                                         "cuts on its row, the smallest that absorb it: running on, then shorter breaks, "
                                         "then shorter activities, then optional sections; what they cannot recover "
                                         "moves the end later.",
                                   time=clock(agenda.end, w.clock) + _zone(w), run_on=run_on), st["body"])]
    rows = [[para(h, st["cellbold"]) for h in (tr(lang, "Behind"), tr(lang, "What to cut"), tr(lang, "New end"),
                                                w.ce.unit if w.ce else tr(lang, "Hours"))]]
    changes = False
    for behind in LATE_STEPS:
        plan = late_plan(w, agenda, behind)
        if agenda.ce is None:
            ce = para(tr(lang, "no hours awarded"), st["cell"])
        elif plan.holds:
            ce = para(_glued(tr(lang, "no change: {hours} ({minutes} instructional min)",
                                hours=hours_text(agenda.ce.awarded, lang), minutes=plan.instructional_minutes)),
                      st["cell"])
        else:
            changes = True
            ce = para(_glued(tr(lang, "drops to {hours}, from {full} ({minutes} instructional min)",
                                hours=hours_text(plan.hours, lang), full=hours_text(agenda.ce.awarded, lang),
                                minutes=plan.instructional_minutes)), st["cellbold"])
        cuts = "; ".join(plan.cuts) if plan.cuts else tr(lang, "nothing optional left to cut")
        end = clock(plan.end, w.clock) + ("" if plan.end == agenda.end else f" ({plan.end - agenda.end:+d} min)")
        rows.append([para(_glued(tr(lang, "{n} min", n=behind)), st["cell"]), para(_glued(cuts), st["cell"]),
                     para(_glued(end), st["cell"]), ce])
    out.append(_table(rows, [50, 230, 64, TEXT_W - 344]))
    if changes:
        unit = w.ce.unit
        out.append(Spacer(1, 6))
        out.append(para(tr(lang, "Where the {unit} drop, the cuts leave too few instructional minutes for the {hours} "
                                 "{unit} the certificates print. If you make those cuts, change the {unit} in the "
                                 "outline to the new figure and build the certificates again before you hand them "
                                 "out. To keep the {unit}, cut no instruction and end later instead.",
                           unit=unit, hours=hours_text(agenda.ce.awarded, lang)), st["body"]))
    return [KeepTogether(out)]  # a short table reads as one plan, never split over two pages


def ce_working(w: m.Workshop, agenda, st) -> list[Flowable]:
    lang = w.language
    unit = w.ce.unit if w.ce else tr(lang, m.CE.unit)
    out: list[Flowable] = [Spacer(1, 12), para(tr(lang, "How the {unit} were calculated", unit=unit), st["h1"])]
    if agenda.ce is None:
        return out + [para(tr(lang, "This outline has no ce block: certificates are of attendance, with no hours."),
                           st["body"])]
    c = agenda.ce
    out += [para(tr(lang, "Instructional minutes (sections only, breaks excluded): {n}", n=c.instructional_minutes),
                 st["body"]),
            para(tr(lang, "Hour rule: {n} minutes make one hour; hours round down to a multiple of {step}.",
                    n=c.minutes_per_hour, step=number_text(c.increment, lang)), st["body"]),
            para(c.explain(lang), st["body"]),
            para(tr(lang, "Awarded on certificates: {hours} {unit}", hours=hours_text(c.awarded, lang), unit=w.ce.unit),
                 st["h2"])]
    out += [para(a.labelled_in(lang), st["small"]) for a in w.ce.approvals]
    return [KeepTogether(out)]  # the working reads as one: never its heading on one page, its sums on the next
