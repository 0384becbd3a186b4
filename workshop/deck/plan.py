"""The deck as a plan: which slides, in which order, with which measured text and notes.

:func:`plan_deck` is pure: it reads the workshop and its agenda and returns a :class:`Deck`,
which tests can inspect without writing a file. The renderer only draws what the plan says.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from workshop import model as m
from workshop.deck import breaks, fit
from workshop.deck.fit import Para
from workshop.deck.words import is_farewell, quoted
from workshop.deck.frame import BAR_MIN, DESIGN_FOOTER_Y, DESIGN_H, DESIGN_W, Frame, frame_for
from workshop.fonts import text_width
from workshop.quiz import letter
from workshop.i18n import N_, hours_text, tr
from workshop.schedule import Agenda, clock, clock_range, duration
from workshop.zones import zone_label

# The built-in design's slide (the frame module keeps its geometry; a template's comes from the template).
SLIDE_W, SLIDE_H, FOOTER_Y = DESIGN_W, DESIGN_H, DESIGN_FOOTER_Y
GUTTER = 36.0  # between two columns
RHYTHM = 20.0  # the first line of a titled slide's body, this far under the top of its body area
CENTRED = 0.4  # a short list sits this share of the free room down its slide: balanced, a little high

# The type scale: one size per level, the whole deck over. Text that does not fit wraps, goes
# into two columns or continues on the next slide; no slide shrinks on its own.
HERO = 44.0  # titles of dividers, breaks and the closing slide
DISPLAY = 48.0  # the title slide's title: the largest text of the deck...
DISPLAY_LONG = 40.0  # ...or, when a long title would push the slide's details off it, this
TITLE = 36.0  # slide titles in the bar
TITLE_SIZES = (TITLE, 34.0, 32.0, 30.0)  # a long title keeps to one line, and its bar to one height, down to 30
LEAD = 28.0  # quotes, questions, and the time to be back from a break
BODY = 24.0  # bullets, numbered lists, the agenda, activity text
SMALL = 20.0  # sub-bullets, captions and timing lines, references, contact details
QUIZ_KINDS = ("quiz", "answer")
#: The note on a "(cont.)" slide; the guide leaves it out of its talking points.
CONTINUED = N_("Continued from the previous slide.")
#: How the note on a section's last slide begins when minutes are left to nothing (the guide says those once).
OPEN = N_("Then open time:")
QUOTE_INSET = 88.0  # the quote's text starts right of its mark  # a knowledge-check question and the slide that answers it


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    paras: tuple[Para, ...]
    name: str = "Body"
    anchor: str = "top"
    fill: str = ""  # a palette colour (see Palette.mark) the box is filled with, as a card; "" for none
    inset: float = 0.0  # the text's distance from the filled box's edges
    pad_top: float = 0.0  # and from its top, for text set at the top of a card


#: The quote layout's opening quotation mark, drawn as a shape (two "6"s, a round dot each with a
#: tail rising to the right) in a box QUOTE_GLYPH wide and high; y runs downwards.
_HALF = (("M", 0, 50), ("C", 0, 26, 12, 8, 34, 0), ("L", 38, 7), ("C", 24, 14, 18, 22, 20, 30),
         ("C", 31.05, 30, 40, 38.95, 40, 50), ("C", 40, 61.05, 31.05, 70, 20, 70), ("C", 8.95, 70, 0, 61.05, 0, 50),
         ("Z",))
QUOTE_GLYPH = (92.0, 70.0)
QUOTE_PATH = _HALF + tuple((op, *[v + (52 if k % 2 == 0 else 0) for k, v in enumerate(args)]) for op, *args in _HALF)


@dataclass(frozen=True)
class Mark:
    """A decorative shape the slide's layout draws: a rectangle, a dot (an ellipse, hollow when
    ``hollow``) or a glyph such as a large quotation mark. ``colour`` names a palette colour:
    accent, primary or muted; decoration never carries words a reader needs."""

    shape: str  # rect, dot, quote (the quotation mark of QUOTE_PATH)
    x: float
    y: float
    w: float
    h: float
    colour: str = "accent"
    hollow: bool = False


@dataclass(frozen=True)
class PlannedSlide:
    kind: str  # title, agenda, objectives, section, content, quote, image, activity, debrief, break, quiz, answer,
    # references, closing
    title: str
    title_size: float
    title_lines: int
    bar_height: float
    boxes: tuple[Box, ...] = ()
    image: m.Image | None = None
    image_box: tuple[float, float, float, float] | None = None
    notes: str = ""
    number: int = 0
    section_id: str = ""  # the agenda section the slide belongs to, "" for front and back matter
    accent_bar: tuple[float, float, float, float] | None = None  # beside the text of a full-bleed slide
    title_box: tuple[float, float, float, float] | None = None  # where a titled slide's title goes
    marks: tuple[Mark, ...] = ()  # the layout's decoration: a quote's mark, the agenda's timeline


@dataclass(frozen=True)
class Deck:
    title: str
    footer: str
    slides: tuple[PlannedSlide, ...] = field(default_factory=tuple)
    frame: Frame | None = None  # the slide size and areas the slides were planned in


def plan_deck(workshop: m.Workshop, agenda: Agenda) -> Deck:
    """Every slide of the deck, in order, with text already fitted to its boxes. Planned once for
    the deck, the handouts and the guide; planned again when the outline or its template changes."""
    template = workshop.theme.template
    try:
        stat = template.stat() if template is not None else None
        identity = (stat.st_mtime_ns, stat.st_size) if stat else None
    except OSError:
        identity = None
    return _plan_deck(workshop, agenda, identity)


@functools.lru_cache(maxsize=2)
def _plan_deck(workshop: m.Workshop, agenda: Agenda, _template_identity) -> Deck:
    p = _Planner(workshop, agenda)
    p.front()
    for item in agenda.items:
        if isinstance(item.entry, m.Break):
            p.break_slide(item)
        else:
            p.section(item)
    if p.farewell:
        p.shown_before_farewell()  # the knowledge check is shown, and timed, before the goodbye
    if workshop.deck.quiz and workshop.quiz:
        p.quiz(workshop.quiz)
    checks = len(p.slides)
    if workshop.deck.end_matter != "before":  # the references and contacts after the goodbye
        p.end_at, p.end_before, p.end_section = p.agenda.end, "", p.end_section
    p.references()
    ends = len(p.slides)
    start, end = p.farewell or (len(p.slides), len(p.slides))
    # the presenter's own goodbye and the contact details on one closing slide, left on screen as
    # people leave, when the goodbye is short enough to share it
    merged = p.closing(p.slides[start:end] if workshop.deck.end_matter == "before" else [])
    s = p.slides
    if merged:
        slides = s[:start] + s[end:]
    elif workshop.deck.end_matter == "before":
        # the knowledge check and references, then the presenter's own goodbye, then the contact
        # details left on screen as people leave: the closing slide is the last one
        slides = s[:start] + s[end:ends] + s[start:end] + s[ends:]
    else:  # the goodbye after the knowledge check, then references and contacts as asked
        slides = s[:start] + s[end:checks] + s[start:end] + s[checks:]
    return Deck(workshop.title, short_title(workshop.title), tuple(_unique_titles(slides)), p.f)


#: An activity titled "Activity 1: ..." is not called "Activity: Activity 1: ..." on its slide.
_ACTIVITY = re.compile(r"\s*activity\b", re.I)
#: A title that begins with its own short label: "Activity 1: ", "Role-play: ", "Case study 2 - ".
_LABELLED = re.compile(r"\s*[^\W\d][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*(?::|\s[–—-])\s+(?=\S)")


def short_title(title: str) -> str:
    """The title as a running footer shows it: up to its colon or dash when that leaves a title of
    its own ("Trauma-Informed Care Across the Lifespan" for a 120-character title; a part of three
    words or fewer, such as "Relationship", says too little), else whole: the footer shortens it."""
    match = re.match(r"^(\S+(?:\s+\S+){3,}?)\s*(?::|\s[–—-]\s)\s*\S", title)
    if match and len(match.group(1)) > 60:
        match = None
    return match.group(1) if match and len(title) > 40 else title


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


def _unique_titles(slides: list[PlannedSlide]) -> list[PlannedSlide]:
    """Each slide's number, and a title told apart from an earlier slide's of the same title: a
    section's divider is a signpost, so the slide under it may share its title unchanged."""
    seen: dict[str, int] = {}
    result = []
    for n, slide in enumerate(slides, 1):
        title = slide.title
        if slide.kind != "section":
            seen[title] = seen.get(title, 0) + 1
        if seen.get(title, 0) > 1:
            title = f"{title} ({seen[title]})"
        result.append(replace(slide, title=title, number=n))
    return result


class _Planner:
    def __init__(self, workshop: m.Workshop, agenda: Agenda):
        self.w = workshop
        self.agenda = agenda
        self.slides: list[PlannedSlide] = []
        self.section_id = ""  # the agenda section being planned, "" for front and back matter
        self.farewell: tuple[int, int] | None = None  # the slides of the outline's own closing slide
        self.farewell_at: tuple[int, str, str] = (agenda.end, "", "")  # its start, title and section
        self.farewell_slide: m.Slide | None = None
        # where the quiz and the end matter are shown: at the end, or before the presenter's goodbye
        self.end_at, self.end_before, self.end_section = agenda.end, "", ""
        self.f = frame_for(workshop.theme)
        # text on full-bleed slides starts right of the design's accent bar; on a template, where
        # its titles start
        self.hero_x = self.f.margin + 28 if self.f.designed else self.f.title.x
        self.hero_w = self.f.width - self.hero_x - self.f.margin
        # full-bleed text ends above a template's footer, brand marks and all
        self.hero_bottom = self.f.height - 24 if self.f.designed else self.f.footer_y - 6

    def add(self, slide: PlannedSlide) -> None:
        self.slides.append(replace(slide, section_id=self.section_id))

    # -- timing cues ----------------------------------------------------------------------

    def clock(self, minute: int) -> str:
        return clock(minute, self.w.clock)

    @property
    def zone(self) -> str:
        """The time zone printed beside the times the room reads ("EDT"), "" when none is set."""
        return zone_label(self.w.timezone, self.w.date, self.w.start)

    def span(self, start: int, end: int) -> str:
        """A time range as every output prints it (en dash; 12- or 24-hour as the outline asks)."""
        return clock_range(start, end, self.w.clock)

    def t(self, msgid: str, **fields) -> str:
        """A label of the deck in the outline's language."""
        return tr(self.w.language, msgid, **fields)

    def cue(self, start: int, end: int, label: str = "", joined: str = " ") -> str:
        """"10:20-10:30 (10 min), 1:20 in, 1:40 left": the slide's window and where we are;
        ``label`` (already in the outline's language) follows the window after ``joined``."""
        left = self.agenda.end - end
        minutes = end - start
        window = (self.t("{span} ({minutes} min)", span=self.span(start, end), minutes=minutes) if minutes
                  else self.t("at {time}", time=self.clock(start)))
        if label:
            window = f"{window}{joined}{label}"
        return self.t("Timing: {cue}", cue=self.t("{window}, {done} in, {left} left", window=window,
                                                   done=duration(start - self.agenda.start), left=duration(left)))

    def shown_before_farewell(self) -> None:
        self.end_at, self.end_before, self.end_section = self.farewell_at

    def end_cue(self, label: str = "") -> str:
        """The timing of a slide after the agenda's sections (quiz, references, contacts): inside
        the last section, before its goodbye slide, when the deck shows it there; else at the end
        (``label`` already in the outline's language)."""
        if self.end_before:
            return self.cue(self.end_at, self.end_at, self.t("before ‘{title}’", title=self.end_before), ", ")
        return self.cue(self.end_at, self.end_at, label)

    @staticmethod
    def notes(*parts: str) -> str:
        return "\n\n".join(p for p in parts if p)

    # -- building blocks ------------------------------------------------------------------

    def bar(self, title: str) -> tuple[int, float]:
        """How many lines the title takes, and where its area ends: the design's bar grows for a
        long title; a template's title placeholder keeps its place and grows downwards."""
        f = self.f
        size, lines = fit.fit_title(title, f.title.w, TITLE_SIZES, 3)
        needed = len(lines) * size * fit.LINE_PITCH
        if f.designed:
            return len(lines), max(BAR_MIN, needed + 28)
        return len(lines), max(f.title.bottom, f.title.y + needed + 8)

    def title_size(self, title: str) -> float:
        """A title's size: the title size, a little smaller where that keeps the title on one line
        and so the title band at the height of every other slide's."""
        return fit.fit_title(title, self.f.title.w, TITLE_SIZES, 3)[0]

    def body_area(self, bar: float) -> tuple[float, float, float, float]:
        """Where a titled slide's body goes under a title area ending at ``bar``: x, y, width, height."""
        f = self.f
        if f.designed:
            return f.margin, bar + 24, f.content_w, f.footer_y - 12 - (bar + 24)
        top = max(f.body.y, bar + 12)
        return f.body.x, top, f.body.w, f.body.bottom - top

    def title_box(self, bar: float) -> tuple[float, float, float, float]:
        f = self.f
        return (f.margin, 0.0, f.content_w, bar) if f.designed else (f.title.x, f.title.y, f.title.w, bar - f.title.y)

    def titled(self, kind: str, title: str, body: list[list[Para]], notes: str, cont_notes: str = "",
               columns: bool = True, two: bool = False, image: m.Image | None = None, side: str = "",
               inset: float = 0.0, balance: float | None = None) -> int:
        """A slide with a title bar and a body. A body that does not fit goes into two columns
        (when ``columns`` allows; always when ``two`` asks and it fits) or continues on "(cont.)"
        slides that share it evenly. ``image`` goes on the ``side`` (left or right) of every page,
        the body beside it; ``inset`` keeps room left of the body for decoration. Returns the index
        of the first slide added."""
        first = len(self.slides)
        lines, bar = self.bar(title)
        body_x, body_y, body_w, body_h, picture = self.text_area(bar, image, side, inset)
        flat = [p for group in body for p in group]
        cols = None
        room = body_h - (RHYTHM if balance is None else 0.0)  # the text starts RHYTHM under the band on every slide
        if not flat:
            pages: list[list[list[Para]]] = [[]]
        elif two and (cols := fit.columns(body, body_w, room, GUTTER, min_groups=2, max_lines=6)):
            pages = [cols]
        elif fit.fits(flat, body_w, room):
            pages = [[flat]]
        elif columns and not image and (cols := fit.columns(body, body_w, room, GUTTER)):
            pages = [cols]
        else:
            lines, bar = self.bar(self.t("{title} (cont. {n})", title=title, n=9))  # one bar height for every page of the run
            body_x, body_y, body_w, body_h, picture = self.text_area(bar, image, side, inset)
            room = body_h - (RHYTHM if balance is None else 0.0)
            pages = [[page] for page in fit.balanced_pages(body, body_w, room)]
        titles = [title if n == 0 else (self.t("{title} (cont.)", title=title) if n == 1
                                        else self.t("{title} (cont. {n})", title=title, n=n)) for n in range(len(pages))]
        run_size = min(self.title_size(t) for t in titles)  # one title size for every slide of a run
        for n, page in enumerate(pages):
            page_title = titles[n]
            column_w = body_w if len(page) < 2 else (body_w - GUTTER) / 2
            page = [[replace(c[0], space_before=0.0)] + c[1:] for c in page]
            used = max((fit.height(c, column_w) for c in page), default=0.0)
            free = max(0.0, body_h - used)
            # quotes and pictures sit balanced; everything else starts at one height on every slide
            # (RHYTHM under the title band), so the text does not jump from slide to slide
            top = body_y + (free * balance if balance is not None else min(free, RHYTHM))
            boxes = tuple(Box(body_x + k * (column_w + GUTTER), top, column_w, body_h - (top - body_y), tuple(c),
                              name="Body" if k == 0 else f"Body {k + 1}") for k, c in enumerate(page))
            self.add(PlannedSlide(kind, page_title, run_size, len(fit.fit_title(page_title, self.f.title.w, (run_size,), 3)[1]), bar, boxes,
                                  image=image, image_box=picture,
                                  notes=notes if n == 0 else (cont_notes or notes), title_box=self.title_box(bar)))
        return first

    def text_area(self, bar: float, image: m.Image | None, side: str, inset: float):
        """The body's x, y, width and height under a title area ending at ``bar``, and the picture's
        box when a picture takes one side of it (a little under half, the text the rest)."""
        x, y, w, h = self.body_area(bar)
        picture = None
        if image is not None:
            pw = round((w - GUTTER) * 0.46)
            if side == "left":
                picture, x = (x, y - 4, pw, h + 6), x + pw + GUTTER
            else:
                picture = (x + w - pw, y - 4, pw, h + 6)
            w -= pw + GUTTER
        return x + inset, y, w - inset, h, picture

    def hero(self, kind: str, title: str, stack: list[tuple[str, list[list[Para]], float]], notes: str,
             top_room: float = 36.0, centred: bool = False) -> None:
        """A full-bleed slide: blocks of text one under another (a block of several columns side by
        side), the whole centred on the slide with the accent bar beside it, top to bottom; or,
        when ``centred``, the text centred across the slide with a short accent rule under it."""
        width, height, left = self.hero_w, self.f.height, self.hero_x
        if centred:
            width = self.f.width - 2 * self.hero_x
        heights = []
        for _, cols, gap in stack:
            column_w = (width - GUTTER * (len(cols) - 1)) / len(cols)
            heights.append(gap + max(fit.height(c, column_w) for c in cols))
        total = sum(heights) - stack[0][2]
        rule = 36.0 if centred else 0.0  # room for the rule under centred text
        bottom = self.hero_bottom if total + rule <= self.hero_bottom - 24 else height - 24  # a template's footer zone last
        top = max(top_room, (height - total - rule) / 2) if total + rule <= bottom - top_room else 24.0
        top = min(top, max(24.0, bottom - total - rule))
        boxes, y = [], top - stack[0][2]
        for (name, cols, gap), h in zip(stack, heights):
            column_w = (width - GUTTER * (len(cols) - 1)) / len(cols)
            for k, c in enumerate(cols):
                boxes.append(Box(left + k * (column_w + GUTTER), y + gap, column_w, h - gap + 4, tuple(c),
                                 name=name if k == 0 else f"{name} {k + 1}"))
            y += h
        size = stack[0][1][0][0].size
        bar = (self.f.width / 2 - 48, top + total + 22, 96.0, 6.0) if centred else (self.f.margin, top, 8.0, total)
        self.add(PlannedSlide(kind, title, size, len(stack[0][1][0][0].lines(width)), 0.0, tuple(boxes),
                              notes=notes, accent_bar=bar))

    def people(self, paras_of, room: float, width: float) -> list[list[Para]]:
        """The presenters one under another, or side by side when a stack would take more than ``room``."""
        stacked = [p for person in self.w.presenters for p in paras_of(person, False)]
        if len(self.w.presenters) < 2 or fit.height(stacked, width) <= room:
            return [stacked]
        return [paras_of(person, True) for person in self.w.presenters]

    # -- the slides -----------------------------------------------------------------------

    def front(self) -> None:
        w, a = self.w, self.agenda
        width = self.hero_w
        title_size = DISPLAY
        if fit.height([Para(w.title, DISPLAY, bold=True)], width) > (self.hero_bottom - 24) * 0.42:
            title_size = DISPLAY_LONG  # a title of many lines leaves room for who, when and where
            for size in (DISPLAY_LONG, TITLE, TITLE_SIZES[2]):  # and keeps to three lines, down to 32 pt
                title_size = size
                if len(Para(w.title, size, bold=True).lines(width)) <= 3:
                    break
        stack = [("Title text", [[Para(w.title, title_size, bold=True, role="inverse")]], 0.0)]
        if w.subtitle:
            stack.append(("Subtitle", [[Para(breaks.no_orphan(w.subtitle, width * fit.SAFETY, BODY), BODY, role="inverse")]], 14.0))
        fact = functools.partial(breaks.joined, width=width * fit.SAFETY, size=SMALL)
        facts = [x for x in (fact([_long_date(w.date, w.date_style, w.language), w.location]),) if x]
        if w.ce and w.ce.provider:
            facts.append(fact([w.ce.provider, f"{hours_text(a.ce.awarded, w.language)} {w.ce.unit}"]) if a.ce
                         else w.ce.provider)
        if w.ce:  # the approval statements the board asks to be shown, under who awards the hours
            facts += [a.labelled for a in w.ce.approvals]
        details = [Para(f, SMALL, role="inverse-muted", space_before=4) for f in facts]
        used = sum(fit.height(c[0], width) + gap for _, c, gap in stack) + fit.height(details, width) + 44

        def presenter(person: m.Presenter, apart: bool) -> list[Para]:
            if not apart:
                return [Para(person.display_name, SMALL, bold=True, role="inverse", space_before=6)]
            return [Para(person.name, SMALL, bold=True, role="inverse"),
                    *([Para(person.credentials, SMALL, role="inverse", space_before=2)] if person.credentials else [])]

        room = 120.0 if self.w.theme.logo is not None else 36.0  # below the logo
        people = self.people(presenter, self.hero_bottom - 48 - used, width)
        column_w = (width - GUTTER * (len(people) - 1)) / len(people)
        block = max(fit.height(c, column_w) for c in people)
        own_slide = bool(w.presenters) and (
            used + 22 + block > self.hero_bottom - room
            or column_w < 200 and any(p.credentials for p in w.presenters)
            or block > 4 * SMALL * fit.LINE_PITCH + 18)  # more than four lines of names: the slide would crowd
        if own_slide:  # long credentials get a presenters slide of their own; the title slide names them
            names = [p.name for p in w.presenters]
            people = ([[Para(breaks.joined(names, width * fit.SAFETY, SMALL, "sans-bold"), SMALL, bold=True, role="inverse")]]
                      if len(names) <= 2 else  # three or more: one a line
                      [[Para(breaks.kept_whole(n, width * fit.SAFETY, SMALL, "sans-bold"), SMALL, bold=True, role="inverse",
                             space_before=2) for n in names]])
        stack.append(("Presenters", people, 22.0))
        if details:
            stack.append(("Details", [details], 22.0))
        self.hero("title", w.title, stack, self.notes(
            self.t("On screen as people arrive. Welcome them, check the room and start on time."),
            self.t("Timing: {cue}", cue=self.t("the workshop runs {span} ({length}), {minutes} instructional minutes.",
                                               span=self.span(a.start, a.end), length=duration(a.total_minutes),
                                               minutes=a.instructional_minutes))), top_room=room)

        if own_slide:
            groups = [[Para(p.name, BODY, bold=True, space_before=18),
                       *([Para(p.credentials, SMALL, role="muted", space_before=4)] if p.credentials else [])]
                      for p in w.presenters]
            self.titled("presenters", self.t("Your presenters") if len(w.presenters) > 1 else self.t("Your presenter"),
                        groups, self.notes(self.t("Introduce yourselves: who you are and why this topic matters to you."),
                                           self.cue(a.start, a.start, self.t("before the first section"))))

        self.agenda_timeline()

        lead = Para(self.t("By the end of this workshop you will be able to:"), BODY, role="muted")
        objectives = m.Bullets(tuple(m.Item(o) for o in w.objectives), numbered=True)
        if w.objectives and self.sequence(self.t("Learning objectives"), objectives, self.notes(
                self.t("Read the objectives aloud; they are what the evaluation form asks about."),
                self.cue(a.start, a.start, self.t("before the first section"))), lead=lead, kind="objectives"):
            pass
        elif w.objectives:
            groups = [[Para(self.t("By the end of this workshop you will be able to:"), BODY, role="muted")]]
            groups += _bullet_groups(tuple(m.Item(o) for o in w.objectives), True)
            self.titled("objectives", self.t("Learning objectives"), groups, self.notes(
                self.t("Read the objectives aloud; they are what the evaluation form asks about."),
                self.cue(a.start, a.start, self.t("before the first section"))), columns=False)

    def section(self, item) -> None:
        section: m.Section = item.entry
        number = sum(1 for i in self.agenda.items[: self.agenda.items.index(item) + 1] if i.kind == "section")
        total = sum(1 for i in self.agenda.items if i.kind == "section")
        meta = self.span(item.start, item.end) + " · " + self.t("{n} minutes", n=item.minutes)
        if section.optional:
            meta += " · " + self.t("optional")
        goals = self.t("Goals: {goals}", goals="; ".join(section.goals)) if section.goals else ""
        optional = self.t("This section is optional: cut it if you are running late.") if section.optional else ""
        self.section_id = section.id
        if self.w.deck.dividers:
            self.hero("section", section.title, [
                ("Part", [[Para(self.t("Part {number} of {total}", number=number, total=total), SMALL,
                                 role="inverse-muted")]], 0.0),
                ("Title text", [[Para(section.title, HERO, bold=True, role="inverse")]], 10.0),
                ("Timing", [[Para(meta, SMALL, role="inverse-muted")]], 16.0)],
                self.notes(section.notes, goals, optional, self.cue(item.start, item.end, self.t("for the whole section"))))
        last = item is self.agenda.items[-1] and not section.activities
        for n, slide in enumerate(section.slides):
            start = len(self.slides)
            self.content(slide, item.slide_time(n))
            if last and n == len(section.slides) - 1 and is_farewell(slide.title, self.w.language):
                self.farewell = (start, len(self.slides))
                self.farewell_slide = slide
                self.farewell_at = (item.slide_time(n).start, slide.title, section.id)
        for n, activity in enumerate(section.activities):
            self.activity(activity, item.activity_time(n))
        gap = item.open_time
        if gap is not None and self.slides and self.slides[-1].section_id == section.id:
            # on screen until the section ends: its notes say so, with the times
            last = self.slides[-1]
            self.slides[-1] = replace(last, notes=self.notes(last.notes, (
                self.t(OPEN) + " " + self.t("{span} ({n} min) the outline gives to no slide or activity; '{title}' "
                                            "ends at {time}.", span=self.span(gap.start, gap.end), n=gap.minutes,
                                            title=section.title, time=self.clock(gap.end)))))

    def agenda_timeline(self) -> None:
        """The agenda as a timeline: each item's time range, then a dot on a vertical line, then
        what happens; breaks muted, with a hollow dot. A long agenda continues on the next slide."""
        a = self.agenda
        times = max(text_width(self.span(item.start, item.end), BODY, "sans") for item in a.items)
        tab = round(times + 60)
        optional = self.t("optional")
        rows = [[Para(f"{self.span(item.start, item.end)}\t{item.label(optional)}", BODY, tab=tab,
                      role="muted" if item.kind == "break" else "body", italic=item.kind == "break",
                      space_before=8)] for item in a.items]
        # the zone once, in the title, where everyone joining from elsewhere reads it before the times
        first = self.titled("agenda", self.t("Agenda · all times {zone}", zone=self.zone) if self.zone
                            else self.t("Agenda"), rows, self.notes(
            self.t("Walk through the day so people know when the breaks are."),
            self.cue(a.start, a.start, self.t("before the first section"))), columns=False)
        line_x = times + 30  # from the body's left edge: the middle of the gap before the labels
        for n in range(first, len(self.slides)):
            slide = self.slides[n]
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
            self.slides[n] = replace(slide, marks=tuple(marks))

    def content(self, slide: m.Slide, seg) -> None:
        notes = self.notes(slide.notes, self.cue(seg.start, seg.end))
        cont = self.notes(self.t(CONTINUED), self.cue(seg.start, seg.end))
        body, layout = slide.body, slide.layout
        if layout == "auto":
            layout = "quote" if isinstance(body, m.Quote) else "statement" if body is None else layout
        if layout == "statement":
            self.statement(slide, notes)
        elif layout in ("image-left", "image-right") and isinstance(body, m.Bullets) and slide.image is not None:
            self.titled("image", slide.title, _bullet_groups(body.items, body.numbered),
                        self.notes(notes, self.t("Image: {alt}", alt=slide.image.alt)),
                        self.notes(cont, self.t("Image: {alt}", alt=slide.image.alt)),
                        image=slide.image, side=layout.split("-")[1], balance=0.5)
        elif isinstance(body, m.Bullets) and self.sequence(slide.title, body, notes, layout == "two-columns"):
            pass
        elif isinstance(body, m.Bullets):
            size = LEAD if layout != "two-columns" and self.short(body.items, slide.title) else BODY
            groups = _bullet_groups(body.items, body.numbered, size)
            self.titled("content", slide.title, self.spread(groups, slide.title) if size == LEAD else groups, notes,
                        cont, two=layout == "two-columns", balance=CENTRED if size == LEAD else None)
        elif isinstance(body, m.Quote):
            self.quote_slide(slide.title, body, notes, cont)
        elif isinstance(body, m.Image):
            lines, bar = self.bar(slide.title)
            x, y, w, h = self.body_area(bar)
            self.add(PlannedSlide("image", slide.title, self.title_size(slide.title), lines, bar, (), image=body, image_box=(x, y + 8, w, h - 20),
                                  notes=self.notes(notes, self.t("Image: {alt}", alt=body.alt)), title_box=self.title_box(bar)))
        else:
            self.titled("content", slide.title, [], notes)

    def spread(self, groups: list[list[Para]], title: str) -> list[list[Para]]:
        """A short list's points further apart, using up to half the room it leaves (at most
        two-thirds of a line between points): the list balanced on the slide, from the same first
        line as every other slide's."""
        if len(groups) < 2:
            return groups
        _, _, w, h, _ = self.text_area(self.bar(title)[1], None, "", 0.0)
        free = h - RHYTHM - fit.height([p for g in groups for p in g], w)
        extra = max(0.0, min(groups[0][0].size * 0.66, free * 0.5 / (len(groups) - 1)))
        return [groups[0]] + [[replace(g[0], space_before=g[0].space_before + extra)] + g[1:] for g in groups[1:]]

    def short(self, items: tuple[m.Item, ...], title: str) -> bool:
        """A short list, set at the lead size: five items at most, two sub-items at most, that fit
        the body at that size with room to spare."""
        if not items or len(items) > 5 or sum(len(i.children) for i in items) > 2:
            return False
        _, _, w, h, _ = self.text_area(self.bar(title)[1], None, "", 0.0)
        return fit.height([p for g in _bullet_groups(items, False, LEAD) for p in g], w) <= h * 0.8 - RHYTHM

    def sequence(self, title: str, body: m.Bullets, notes: str, columns: bool = False, lead: Para | None = None,
                 kind: str = "content") -> bool:
        """Numbered steps as a sequence of cards: each step a tinted card with an accent edge and its
        number in the accent; up to four in one column, five to ten in two, rows of one height.
        Each card is a text box holding its numbered item, so the slide edits as text and reads
        back as the list. False when the list is not such a list or does not fit as one."""
        items = body.items
        if not body.numbered and not columns and self.row(title, body, notes):  # two columns as asked
            return True
        if not body.numbered or not 3 <= len(items) <= 10 or any(i.children for i in items):
            return False
        lines, bar = self.bar(title)
        x, y, w, h = self.body_area(bar)
        intro = []
        if lead is not None:  # a line above the cards, where the body's first line goes
            lead_h = fit.height([lead], w)
            intro = [Box(x, y + RHYTHM, w, lead_h, (lead,), name="Body")]
            y, h = y + lead_h + 12, h - lead_h - 12
        ncols = 1 if len(items) <= 4 else 2
        rows = -(-len(items) // ncols)
        column_w = (w - GUTTER * (ncols - 1)) / ncols
        pad, edge, gap = 14.0, 6.0, 8.0
        text_w = column_w - 2 * pad - edge
        # cards of one height where they fit, else each row as high as its longer step
        for size, even in ((LEAD, True), (LEAD, False), (BODY, True), (BODY, False)):
            paras = [Para(i.text, size, level=1, number=k + 1, marker="accent") for k, i in enumerate(items)]
            heights = [fit.height([p], text_w) for p in paras]
            row_h = [max(heights if even else heights[r::rows]) + 0.8 * size for r in range(rows)]
            total = sum(row_h) + gap * (rows - 1)
            if total <= h - RHYTHM:
                break
        else:
            return False
        top = y + min(RHYTHM, h - total)
        boxes, marks = intro, []
        for k, para in enumerate(paras):
            c, r = divmod(k, rows)  # numbered down the first column, then down the second
            cx, cy = x + c * (column_w + GUTTER), top + sum(row_h[:r]) + r * gap
            boxes.append(Box(cx + edge, cy, column_w - edge, row_h[r], (para,), name=f"Step {k + 1}",
                             anchor="middle", fill="tint", inset=pad))
            marks.append(Mark("rect", cx, cy, edge, row_h[r], "accent"))
        self.add(PlannedSlide(kind, title, self.title_size(title), lines, bar, tuple(boxes), notes=notes,
                              title_box=self.title_box(bar), marks=tuple(marks)))
        return True

    def row(self, title: str, body: m.Bullets, notes: str, kind: str = "content") -> bool:
        """Two to four short points side by side, each on a card of its own with an accent rule on
        top, at the lead size: a short list balanced across the slide. Each card is a text box
        holding its bullet. False when the points are too many or too long for cards."""
        items = body.items
        if not 2 <= len(items) <= 4 or any(i.children for i in items):
            return False
        lines, bar = self.bar(title)
        x, y, w, h = self.body_area(bar)
        n = len(items)
        gap, edge, pad = 24.0, 6.0, 18.0
        card_w = (w - gap * (n - 1)) / n
        paras = [Para(i.text, LEAD) for i in items]
        heights = [fit.height([p], card_w - 2 * pad) for p in paras]
        if max(heights) > 2 * LEAD * fit.LINE_PITCH:  # cards for phrases; sentences read better as a list
            return False
        # cards as tall as their text and its padding (1.6 in at least), the row balanced on the slide
        card_h = min(h - RHYTHM, max(max(heights) + 2 * pad + edge, 115.0))
        top = y + max(RHYTHM, (h - card_h) * CENTRED)
        boxes, marks = [], []
        for k, para in enumerate(paras):
            cx = x + k * (card_w + gap)
            boxes.append(Box(cx, top + edge, card_w, card_h - edge, (replace(para, space_before=0.0),),
                             name=f"Point {k + 1}", anchor="middle", fill="tint", inset=pad))
            marks.append(Mark("rect", cx, top, card_w, edge, "accent"))
        self.add(PlannedSlide(kind, title, self.title_size(title), lines, bar, tuple(boxes), notes=notes,
                              title_box=self.title_box(bar), marks=tuple(marks)))
        return True

    def statement(self, slide: m.Slide, notes: str) -> None:
        """One big sentence centred on a full-bleed slide: the title itself, or the slide's one
        bullet under its title as a small heading. Hero size when it takes three lines at most."""
        body = slide.body
        alone = not (isinstance(body, m.Bullets) and body.items)  # the title is the statement
        sentence = slide.title if alone else body.items[0].text
        width = self.f.width - 2 * self.hero_x
        size = HERO if len(Para(sentence, HERO, bold=True).lines(width)) <= 3 else LEAD
        big = [[Para(sentence, size, bold=True, role="inverse", align="center")]]
        if alone:
            stack = [("Title text", big, 0.0)]
        else:
            stack = [("Title text", [[Para(slide.title, SMALL, bold=True, role="inverse-muted", align="center")]], 0.0),
                     ("Statement", big, 16.0)]
        self.hero("statement", slide.title, stack, notes, centred=True)

    def quote_slide(self, title: str, quote: m.Quote, notes: str, cont: str) -> None:
        """The quote layout: a large quotation mark as decoration, the quote at the lead size beside
        it (at the body size when too long for that), the source beneath, balanced on the slide."""
        first = self.titled("quote", title, self.quote_body(quote, title), notes, cont, columns=False,
                            inset=QUOTE_INSET, balance=0.5)
        slide = self.slides[first]
        box = slide.boxes[0]
        w = QUOTE_INSET - 28
        mark = Mark("quote", box.x - QUOTE_INSET, box.y + 4, w, w * QUOTE_GLYPH[1] / QUOTE_GLYPH[0])
        self.slides[first] = replace(slide, marks=(mark,))

    def quote_body(self, quote: m.Quote, title: str) -> list[list[Para]]:
        """The quote at the lead size, or at the body size when it is too long for that."""
        _, _, body_w, body_h, _ = self.text_area(self.bar(title)[1], None, "", QUOTE_INSET)
        short = len(quote.text.split()) <= 25  # a short quote is set large, a statement of its own
        for size in ((TITLE,) if short else ()) + (LEAD, BODY, SMALL):  # a long quote stays whole on its slide
            paras = [Para(quoted(quote.text, self.w.language), size, italic=True)]  # the importer reads a quote back by its marks
            if quote.source:
                paras.append(Para(f"— {quote.source}", SMALL, role="accent", space_before=18))
            if fit.fits(paras, body_w, body_h):
                break
        return [paras]

    def activity(self, activity: m.Activity, seg) -> None:
        if not self.w.deck.activity_slides:
            return
        meta = " · ".join(x for x in (activity.format[:1].upper() + activity.format[1:],  # "Zoom" stays "Zoom"
                                       self.t("{n} minutes", n=activity.minutes),
                                       self.t("until {time}", time=self.clock(seg.end))) if x)
        groups = [[Para(meta, SMALL, bold=True, role="accent")]]
        if activity.instructions:
            groups.append([Para(activity.instructions, BODY, space_before=14)])
        materials = []
        if activity.materials:
            materials.append([Para(self.t("You will need:"), BODY, bold=True, space_before=16)])
            materials += [[Para(x, BODY, level=1, space_before=4)] for x in activity.materials]
        notes = self.notes(
            self.t("Activity: {title} ({format}, {minutes} min).", title=activity.title,
                   format=activity.format or self.t("format not set"), minutes=activity.minutes),
            self.t("Instructions: {text}", text=activity.instructions) if activity.instructions else "",
            self.t("Materials: {list}", list=", ".join(activity.materials)) if activity.materials else "",
            self.t("Debrief questions:") + "\n" + "\n".join(f"- {q}" for q in activity.debrief) if activity.debrief else "",
            cue := self.cue(seg.start, seg.end, self.t("ends {time}", time=self.clock(seg.end)), ", "))
        title = activity_title(activity.title, self.w.language)
        _, _, body_w, body_h, _ = self.text_area(self.bar(title)[1], None, "", 0.0)
        if not materials or fit.fits([p for g in groups + materials for p in g], body_w, body_h - RHYTHM):
            self.titled("activity", title, groups + materials, notes, columns=False)
        else:  # the list a slide of its own, in two columns where it needs them, rather than cut in two
            first = self.titled("activity", title, groups, notes, columns=False)
            n = len(self.slides) - first
            cont = title_cont(self, title, n)
            self.titled("activity", cont, materials, self.notes(self.t(CONTINUED), cue), two=len(materials) > 6)
        if activity.debrief:
            qs = _bullet_groups(tuple(m.Item(q) for q in activity.debrief), False, LEAD)  # questions to the room
            debrief = debrief_title(activity.title, self.w.language)
            if len(qs) <= 5:
                qs = self.spread(qs, debrief)
            debrief_notes = self.notes(self.t("Ask the questions in turn; take two or three answers for each."),
                                       self.cue(seg.end, seg.end, self.t("as {title} ends", title=activity.title)))
            # a few short questions as the same cards as a section's questions; more, or longer, as a list
            if not self.row(debrief, m.Bullets(tuple(m.Item(q) for q in activity.debrief)), debrief_notes, "debrief"):
                self.titled("debrief", debrief, qs, debrief_notes, balance=CENTRED if len(qs) <= 5 else None)

    def break_slide(self, item) -> None:
        entry: m.Break = item.entry
        self.section_id = ""
        self.hero("break", entry.label, [
            ("Title text", [[Para(entry.label, HERO, bold=True, role="inverse")]], 0.0),
            ("Back at", [[Para(self.t("{n} minutes · back at {time}", n=item.minutes, time=self.clock(item.end))
                                + (f" {self.zone}" if self.zone else ""), LEAD, role="inverse")]], 16.0)],
            self.notes(self.t("Tell the room the time to be back: {time}.", time=self.clock(item.end)),
                       self.cue(item.start, item.end)))

    def quiz(self, quiz: m.Quiz) -> None:
        """Each question on its own slide, then a slide with its answer and why."""
        total = len(quiz.questions)
        self.section_id = self.end_section
        for n, q in enumerate(quiz.questions, 1):
            checks = (" " + self.t("It checks objective {n}: {objective}.", n=q.objective,
                                   objective=self.w.objectives[q.objective - 1]) if q.objective else "")
            groups = [[Para(q.ask, LEAD, bold=True)]]
            if q.choices:
                groups += [[Para(f"{letter(k)}.\t{c}", BODY, tab=40.0, space_before=14)]
                           for k, c in enumerate(q.choices)]
            else:
                groups.append([Para(self.t("True or false?"), BODY, role="muted", space_before=18)])
            self.titled("quiz", self.t("Knowledge check: question {n} of {total}", n=n, total=total), groups, self.notes(
                self.t("Read the question aloud and give the room time to answer: hands, cards or a poll.") + checks,
                self.t("The next slide shows the answer."), self.end_cue(self.t("for the knowledge check"))), columns=False)
            answer = f"{letter(q.key)}. {q.answer}" if q.choices else self.t(q.answer)
            groups = [[Para(q.ask, SMALL, role="muted")],
                      [Para(self.t("Answer: {answer}", answer=answer), LEAD, bold=True, role="accent", space_before=18)]]
            if q.explain:
                groups.append([Para(q.explain, BODY, space_before=16)])
            self.titled("answer", self.t("Answer to question {n}", n=n), groups, self.notes(
                self.t("Answer: {answer}", answer=answer) + ".", q.explain,
                self.t("Ask who chose something else, and why, before moving on."),
                self.end_cue(self.t("for the knowledge check"))),
                columns=False)

    def references(self) -> None:
        self.section_id = self.end_section
        if not self.w.references:
            return
        groups = [[Para(r, SMALL, space_before=10, hanging=28.0)] for r in self.w.references]
        self.titled("references", self.t("References"), groups, self.notes(
            self.t("The full list is in the participant handouts."), self.end_cue()),
            columns=False)

    def closing(self, farewell: list[PlannedSlide] = ()) -> bool:
        """The closing slide with the presenters' contact details. Given the ``farewell`` the
        outline ends on ("Thank you" and a line or two), that slide's title, lines and notes go on
        the closing slide itself, when they fit; says whether they did."""
        self.section_id = self.end_section
        if not self.w.deck.closing:
            return False
        width = self.hero_w
        said = self.farewell_slide
        lines = said.body.items if said is not None and isinstance(said.body, m.Bullets) else None
        merge = (len(farewell) == 1 and lines is not None and len(lines) <= 3 and said.image is None
                 and not any(i.children for i in lines))

        def presenter(person: m.Presenter, apart: bool) -> list[Para]:
            # the name in bold, the credentials under it in the muted colour, as "Your presenters" sets them
            paras = [Para(person.name, BODY, bold=True, role="inverse", space_before=0 if apart else 18)]
            if person.credentials:
                paras.append(Para(person.credentials, SMALL, role="inverse-muted", space_before=2))
            paras += [Para(x, SMALL, role="inverse", space_before=2) for x in (person.email, person.phone,
                                                                               person.website) if x]
            return paras

        heading = said.title if merge else self.t("Stay in touch")
        title = [Para(heading, HERO, bold=True, role="inverse")]
        stack = [("Title text", [title], 0.0)]
        if merge and lines:
            stack.append(("Body", [[Para(i.text, BODY, role="inverse", space_before=0 if k == 0 else 8)
                                    for k, i in enumerate(lines)]], 16.0))
        room = self.hero_bottom - 48 - sum(fit.height(c[0], width) + gap for _, c, gap in stack) - 40
        people = self.people(presenter, room, width)
        column_w = (width - GUTTER * (len(people) - 1)) / len(people)
        if merge and max(fit.height(c, column_w) for c in people) > room:
            return self.closing()  # a goodbye and contacts too long for one slide: a slide each
        stack.append(("Contact", people, 40.0 if merge else 24.0))
        notes = farewell[0].notes if merge else self.notes(
            self.t("Thank the group, point to the evaluation form, and leave your contact details on screen."),
            self.end_cue(self.t("as the workshop ends")))
        self.hero("closing", heading, stack, notes)
        if merge:  # the rule between the goodbye and the contacts
            slide = self.slides[-1]
            contact = next(b for b in slide.boxes if b.name == "Contact")
            rule = Mark("rect", contact.x, contact.y - 22, 96.0, 3.0, "accent")
            self.slides[-1] = replace(slide, marks=(rule,), section_id=farewell[0].section_id)
        return merge


def title_cont(p: _Planner, title: str, n: int) -> str:
    """The title of the ``n``th slide after the first of a run: "Title (cont.)", "Title (cont. 2)"."""
    return title if n == 0 else (p.t("{title} (cont.)", title=title) if n == 1 else p.t("{title} (cont. {n})", title=title, n=n))


def _bullet_groups(items: tuple[m.Item, ...], numbered: bool, size: float = BODY) -> list[list[Para]]:
    groups = []
    for n, item in enumerate(items):
        group = [Para(item.text, size, level=1, number=n + 1 if numbered else None, space_before=size * 0.5)]
        group += [Para(c, BODY if size > BODY else SMALL, level=2, space_before=6.0) for c in item.children]  # one step down
        groups.append(group)
    return groups


def _long_date(date, style: str = "", language: str = "en") -> str:
    from workshop.schedule import date_text

    return date_text(date, style, language=language)
