"""The deck as a plan: which slides, in which order, with which measured text and notes.

:func:`plan_deck` is pure: it reads the workshop and its agenda and returns a :class:`Deck`,
which tests can inspect without writing a file. The renderer only draws what the plan says.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from workshop import model as m
from workshop.deck import fit
from workshop.deck.fit import MIN_BODY, Para
from workshop.quiz import letter
from workshop.schedule import Agenda, clock, duration, hours

# Slide geometry in points (16:9, 13.333 x 7.5 inches).
SLIDE_W, SLIDE_H = 960.0, 540.0
MARGIN = 48.0
CONTENT_W = SLIDE_W - 2 * MARGIN
FOOTER_Y = 508.0
BAR_MIN = 96.0  # the title bar grows for titles that need more lines
TITLE_SIZES = (36.0, 34.0, 32.0, 30.0, 28.0, 26.0, 24.0, 22.0, 20.0)
BULLET_SIZES = ((28.0, 24.0), (26.0, 22.0), (24.0, 20.0), (22.0, 20.0), (20.0, 18.0), (18.0, 18.0))
PAGE_SIZES = (22.0, 20.0)  # sizes used when a list runs over several slides
QUIZ_KINDS = ("quiz", "answer")  # a knowledge-check question and the slide that answers it


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    paras: tuple[Para, ...]
    name: str = "Body"
    anchor: str = "top"


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


@dataclass(frozen=True)
class Deck:
    title: str
    footer: str
    slides: tuple[PlannedSlide, ...] = field(default_factory=tuple)


def plan_deck(workshop: m.Workshop, agenda: Agenda) -> Deck:
    """Every slide of the deck, in order, with text already fitted to its boxes."""
    p = _Planner(workshop, agenda)
    p.front()
    for item in agenda.items:
        if isinstance(item.entry, m.Break):
            p.break_slide(item)
        else:
            p.section(item)
    if workshop.deck.quiz and workshop.quiz:
        p.quiz(workshop.quiz)
    p.references()
    p.closing()
    return Deck(workshop.title, workshop.title, tuple(_unique_titles(_tag_sections(p.slides, agenda))))


def _tag_sections(slides: list[PlannedSlide], agenda: Agenda) -> list[PlannedSlide]:
    ids = iter(i.entry.id for i in agenda.items if i.kind == "section")
    current = ""
    tagged = []
    for slide in slides:
        if slide.kind == "section":
            current = next(ids)
        elif slide.kind in ("break", "references", "closing", *QUIZ_KINDS):
            current = ""
        tagged.append(replace(slide, section_id=current))
    return tagged


def _unique_titles(slides: list[PlannedSlide]) -> list[PlannedSlide]:
    seen: dict[str, int] = {}
    result = []
    for n, slide in enumerate(slides, 1):
        title = slide.title
        seen[title] = seen.get(title, 0) + 1
        if seen[title] > 1:
            title = f"{title} ({seen[title]})"
        result.append(replace(slide, title=title, number=n))
    return result


class _Planner:
    def __init__(self, workshop: m.Workshop, agenda: Agenda):
        self.w = workshop
        self.agenda = agenda
        self.slides: list[PlannedSlide] = []

    # -- timing cues ----------------------------------------------------------------------

    def cue(self, start: int, end: int, label: str = "") -> str:
        """"10:20-10:30 (10 min), 1:20 in, 1:40 left": the slide's window and where we are."""
        left = self.agenda.end - end
        minutes = end - start
        window = f"{clock(start)}-{clock(end)} ({minutes} min)" if minutes else f"at {clock(start)}"
        return f"Timing: {window}{label}, {duration(start - self.agenda.start)} in, {duration(left)} left"

    @staticmethod
    def notes(*parts: str) -> str:
        return "\n\n".join(p for p in parts if p)

    # -- building blocks ------------------------------------------------------------------

    def titled(self, kind: str, title: str, body: list[list[Para]], notes: str, cont_notes: str = "",
               **extra) -> None:
        """A slide with a title bar and a body; a body that cannot fit continues on "(cont.)" slides."""
        size, lines = fit.fit_title(title, CONTENT_W, TITLE_SIZES, 4)
        bar = max(BAR_MIN, len(lines) * size * fit.LINE_PITCH + 28)
        body_y = bar + 26
        body_h = FOOTER_Y - body_y - 10
        flat = [p for group in body for p in group]
        if not flat or fit.fits(flat, CONTENT_W, body_h):
            pages = [flat]
        else:
            pages = self.paginate(body, body_h)
        for n, page in enumerate(pages):
            page_title = title if n == 0 else (f"{title} (cont.)" if n == 1 else f"{title} (cont. {n})")
            if n:
                size, lines = fit.fit_title(page_title, CONTENT_W, TITLE_SIZES, 4)
            page = [replace(page[0], space_before=0.0)] + page[1:] if page else page
            boxes = (Box(MARGIN, body_y, CONTENT_W, body_h, tuple(page)),) if page else ()
            self.slides.append(PlannedSlide(kind, page_title, size, len(lines), bar, boxes,
                                            notes=notes if n == 0 else (cont_notes or notes), **extra))

    def paginate(self, body: list[list[Para]], body_h: float) -> list[list[Para]]:
        """Paginate at a comfortable size: the list keeps its first page's size throughout."""
        sized = [[_resize(p, PAGE_SIZES) for p in group] for group in body]
        return fit.paginate(sized, CONTENT_W, body_h)

    def bullet_body(self, items: tuple[m.Item, ...], numbered: bool, body_h: float) -> list[list[Para]]:
        for top, sub in BULLET_SIZES:
            groups = _bullet_groups(items, numbered, top, sub)
            if fit.fits([p for g in groups for p in g], CONTENT_W, body_h):
                return groups
        return _bullet_groups(items, numbered, *BULLET_SIZES[0])  # too long for one slide: paginated

    def body_height(self, title: str) -> float:
        size, lines = fit.fit_title(title, CONTENT_W, TITLE_SIZES, 4)
        bar = max(BAR_MIN, len(lines) * size * fit.LINE_PITCH + 28)
        return FOOTER_Y - (bar + 26) - 10

    # -- the slides -----------------------------------------------------------------------

    def front(self) -> None:
        w, a = self.w, self.agenda
        size, lines = fit.fit_title(w.title, CONTENT_W - 40, (48.0, 44.0, 40.0, 36.0, 32.0, 28.0), 3)
        info = []
        if w.subtitle:
            info.append(Para(w.subtitle, 26.0, role="inverse", space_before=0))
        for presenter in w.presenters:
            info.append(Para(presenter.display_name, 22.0, bold=True, role="inverse", space_before=14))
        facts = " · ".join(x for x in (_long_date(w.date), w.location) if x)
        if facts:
            info.append(Para(facts, 20.0, role="inverse-muted", space_before=10))
        if w.ce and w.ce.provider:
            credit = f"{w.ce.provider} · {hours(a.ce.awarded)} CE hours" if a.ce else w.ce.provider
            info.append(Para(credit, 18.0, role="inverse-muted", space_before=4))
        title_h = len(lines) * size * fit.LINE_PITCH
        top = 120.0
        info_y = top + title_h + 24
        boxes = [Box(MARGIN + 20, top, CONTENT_W - 40, title_h + 4,
                     (Para(w.title, size, bold=True, role="inverse"),), name="Title text")]
        info = _shrink_to(info, CONTENT_W - 40, FOOTER_Y - info_y)
        if info:
            boxes.append(Box(MARGIN + 20, info_y, CONTENT_W - 40, FOOTER_Y - info_y, tuple(info), name="Details"))
        notes = self.notes("On screen as people arrive. Welcome them, check the room and start on time.",
                           f"Timing: the workshop runs {clock(a.start)}-{clock(a.end)} "
                           f"({duration(a.total_minutes)}), {a.instructional_minutes} instructional minutes.")
        self.slides.append(PlannedSlide("title", w.title, size, len(lines), 0.0, tuple(boxes), notes=notes))

        rows = []
        for item in a.items:
            rows.append([Para(f"{clock(item.start)}-{clock(item.end)}\t{item.label()}", 22.0, tab=150.0,
                              role="muted" if item.kind == "break" else "body",
                              italic=item.kind == "break", space_before=6)])
        body_h = self.body_height("Agenda")
        for sizes in ((22.0,), (20.0,), (18.0,)):
            rows = [[_resize(p, sizes, floor=sizes[0]) for p in g] for g in rows]
            if fit.fits([p for g in rows for p in g], CONTENT_W, body_h):
                break
        self.titled("agenda", "Agenda", rows, self.notes(
            "Walk through the day so people know when the breaks are.",
            self.cue(a.start, a.start, " before the first section")))

        if w.objectives:
            groups = [[Para("By the end of this workshop you will be able to:", 24.0, role="muted")]]
            groups += _bullet_groups(tuple(m.Item(o) for o in w.objectives), True, 26.0, 22.0)
            self.titled("objectives", "Learning objectives", groups, self.notes(
                "Read the objectives aloud; they are what the evaluation form asks about.",
                self.cue(a.start, a.start, " before the first section")))

    def section(self, item) -> None:
        section: m.Section = item.entry
        number = sum(1 for i in self.agenda.items[: self.agenda.items.index(item) + 1] if i.kind == "section")
        total = sum(1 for i in self.agenda.items if i.kind == "section")
        size, lines = fit.fit_title(section.title, CONTENT_W - 40, (44.0, 40.0, 36.0, 32.0, 28.0), 3)
        meta = f"{clock(item.start)}-{clock(item.end)} · {item.minutes} minutes"
        if section.optional:
            meta += " · optional"
        title_h = len(lines) * size * fit.LINE_PITCH
        boxes = (
            Box(MARGIN + 20, 150.0, CONTENT_W - 40, 30.0, (Para(f"Part {number} of {total}", 20.0, role="inverse-muted"),),
                name="Part"),
            Box(MARGIN + 20, 190.0, CONTENT_W - 40, title_h + 4, (Para(section.title, size, bold=True, role="inverse"),),
                name="Title text"),
            Box(MARGIN + 20, 190.0 + title_h + 20, CONTENT_W - 40, 36.0, (Para(meta, 22.0, role="inverse-muted"),),
                name="Timing"),
        )
        goals = "Goals: " + "; ".join(section.goals) if section.goals else ""
        optional = "This section is optional: cut it if you are running late." if section.optional else ""
        self.slides.append(PlannedSlide("section", section.title, size, len(lines), 0.0, boxes, notes=self.notes(
            section.notes, goals, optional, self.cue(item.start, item.end, " for the whole section"))))
        for n, slide in enumerate(section.slides):
            self.content(slide, item.slide_time(n))
        for n, activity in enumerate(section.activities):
            self.activity(activity, item.activity_time(n))

    def content(self, slide: m.Slide, seg) -> None:
        notes = self.notes(slide.notes, self.cue(seg.start, seg.end))
        cont = self.notes("Continued from the previous slide.", self.cue(seg.start, seg.end))
        body = slide.body
        if isinstance(body, m.Bullets):
            groups = self.bullet_body(body.items, body.numbered, self.body_height(slide.title))
            self.titled("content", slide.title, groups, notes, cont)
        elif isinstance(body, m.Quote):
            self.titled("quote", slide.title, self.quote_body(body, self.body_height(slide.title)), notes, cont)
        elif isinstance(body, m.Image):
            size, lines = fit.fit_title(slide.title, CONTENT_W, TITLE_SIZES, 4)
            bar = max(BAR_MIN, len(lines) * size * fit.LINE_PITCH + 28)
            box = (MARGIN, bar + 20, CONTENT_W, FOOTER_Y - bar - 30)
            self.slides.append(PlannedSlide("image", slide.title, size, len(lines), bar, (), image=body,
                                            image_box=box, notes=self.notes(notes, f"Image: {body.alt}")))
        else:
            self.titled("content", slide.title, [], notes)

    def quote_body(self, quote: m.Quote, body_h: float) -> list[list[Para]]:
        for size in (32.0, 30.0, 28.0, 26.0, 24.0, 22.0, 20.0, 18.0):
            paras = [Para(f"“{quote.text}”", size, italic=True, space_before=0)]
            if quote.source:
                paras.append(Para(f"— {quote.source}", max(MIN_BODY, size * 0.75), role="accent",
                                  align="right", space_before=size * 0.8))
            if fit.fits(paras, CONTENT_W, body_h):
                return [paras]
        return [[p] for p in paras]

    def activity(self, activity: m.Activity, seg) -> None:
        meta = " · ".join(x for x in (activity.format.capitalize() if activity.format else "",
                                       f"{activity.minutes} minutes", f"until {clock(seg.end)}") if x)
        groups = [[Para(meta, 24.0, bold=True, role="accent")]]
        if activity.instructions:
            groups.append([Para(activity.instructions, 22.0, space_before=12)])
        if activity.materials:
            groups.append([Para("You will need:", 22.0, bold=True, space_before=14)])
            groups += [[Para(x, 20.0, level=1, space_before=4)] for x in activity.materials]
        notes = self.notes(
            f"Activity: {activity.title} ({activity.format or 'format not set'}, {activity.minutes} min).",
            f"Instructions: {activity.instructions}" if activity.instructions else "",
            "Materials: " + ", ".join(activity.materials) if activity.materials else "",
            "Debrief questions:\n" + "\n".join(f"- {q}" for q in activity.debrief) if activity.debrief else "",
            self.cue(seg.start, seg.end, f", ends {clock(seg.end)}"))
        self.titled("activity", f"Activity: {activity.title}", _fit_groups(groups, self.body_height(
            f"Activity: {activity.title}")), notes)
        if activity.debrief:
            qs = _bullet_groups(tuple(m.Item(q) for q in activity.debrief), False, 26.0, 22.0)
            self.titled("debrief", f"Debrief: {activity.title}", qs, self.notes(
                "Ask the questions in turn; take two or three answers for each.",
                self.cue(seg.end, seg.end, f" as {activity.title} ends")))

    def break_slide(self, item) -> None:
        entry: m.Break = item.entry
        size, lines = fit.fit_title(entry.label, CONTENT_W - 40, (54.0, 48.0, 44.0, 40.0, 36.0, 32.0), 2)
        title_h = len(lines) * size * fit.LINE_PITCH
        boxes = (Box(MARGIN + 20, 170.0, CONTENT_W - 40, title_h + 4, (Para(entry.label, size, bold=True,
                                                                            role="inverse"),), name="Title text"),
                 Box(MARGIN + 20, 170.0 + title_h + 24, CONTENT_W - 40, 80.0,
                     (Para(f"{item.minutes} minutes · back at {clock(item.end)}", 32.0, role="inverse"),),
                     name="Back at"))
        self.slides.append(PlannedSlide("break", entry.label, size, len(lines), 0.0, boxes, notes=self.notes(
            f"Tell the room the time to be back: {clock(item.end)}.", self.cue(item.start, item.end))))

    def quiz(self, quiz: m.Quiz) -> None:
        """Each question on its own slide, then a slide with its answer and why."""
        total = len(quiz.questions)
        for n, q in enumerate(quiz.questions, 1):
            checks = f" It checks objective {q.objective}: {self.w.objectives[q.objective - 1]}." if q.objective else ""
            groups = [[Para(q.ask, 28.0, bold=True, space_before=0)]]
            if q.choices:
                groups += [[Para(f"{letter(k)}.\t{c}", 26.0, tab=44.0, space_before=14)]
                           for k, c in enumerate(q.choices)]
            else:
                groups.append([Para("True or false?", 26.0, role="muted", space_before=18)])
            title = f"Knowledge check: question {n} of {total}"
            self.titled("quiz", title, _fit_groups(groups, self.body_height(title)), self.notes(
                f"Read the question aloud and give the room time to answer: hands, cards or a poll.{checks}",
                "The next slide shows the answer."))
            answer = f"{letter(q.key)}. {q.answer}" if q.choices else q.answer
            groups = [[Para(q.ask, 22.0, role="muted", space_before=0)],
                      [Para(f"Answer: {answer}", 28.0, bold=True, role="accent", space_before=18)]]
            if q.explain:
                groups.append([Para(q.explain, 24.0, space_before=16)])
            title = f"Answer to question {n}"
            self.titled("answer", title, _fit_groups(groups, self.body_height(title)), self.notes(
                f"Answer: {answer}.", q.explain, "Ask who chose something else, and why, before moving on."))

    def references(self) -> None:
        if not self.w.references:
            return
        groups = [[Para(r, 18.0, space_before=8)] for r in self.w.references]
        self.titled("references", "References", groups, self.notes(
            "The full list is in the participant handouts.", self.cue(self.agenda.end, self.agenda.end)))

    def closing(self) -> None:
        paras: list[Para] = []
        for p in self.w.presenters:
            paras.append(Para(p.display_name, 28.0, bold=True, role="inverse", space_before=18))
            for line in (p.email, p.phone, p.website):
                if line:
                    paras.append(Para(line, 22.0, role="inverse", space_before=2))
        paras = _shrink_to(paras, CONTENT_W - 40, FOOTER_Y - 230)
        boxes = [Box(MARGIN + 20, 110.0, CONTENT_W - 40, 80.0, (Para("Stay in touch", 54.0, bold=True,
                                                                     role="inverse"),), name="Title text")]
        if paras:
            boxes.append(Box(MARGIN + 20, 220.0, CONTENT_W - 40, FOOTER_Y - 230, tuple(paras), name="Contact"))
        self.slides.append(PlannedSlide("closing", "Stay in touch", 54.0, 1, 0.0, tuple(boxes), notes=self.notes(
            "Thank the group, point to the evaluation form, and leave your contact details on screen.",
            self.cue(self.agenda.end, self.agenda.end, " as the workshop ends"))))


def _bullet_groups(items: tuple[m.Item, ...], numbered: bool, top: float, sub: float) -> list[list[Para]]:
    groups = []
    for n, item in enumerate(items):
        group = [Para(item.text, top, level=1, number=n + 1 if numbered else None, space_before=top * 0.45)]
        group += [Para(c, sub, level=2, space_before=sub * 0.2) for c in item.children]
        groups.append(group)
    return groups


def _resize(para: Para, sizes: tuple[float, ...], floor: float = MIN_BODY) -> Para:
    top = sizes[0]
    sub = sizes[-1]
    size = sub if para.level == 2 else top
    size = max(floor if floor else MIN_BODY, min(size, para.size))
    scale = size / para.size
    return replace(para, size=size, space_before=para.space_before * scale)


def _fit_groups(groups: list[list[Para]], body_h: float) -> list[list[Para]]:
    """Shrink a mixed body step by step (never below 18 pt) until it fits, if it can."""
    for step in range(0, 7):
        shrunk = [[replace(p, size=max(MIN_BODY, p.size - step), space_before=p.space_before * 0.9 ** step)
                   for p in g] for g in groups]
        if fit.fits([p for g in shrunk for p in g], CONTENT_W, body_h):
            return shrunk
    return shrunk


def _shrink_to(paras: list[Para], width: float, box_h: float) -> list[Para]:
    for step in range(0, 9):
        shrunk = [replace(p, size=max(MIN_BODY, p.size - step)) for p in paras]
        if fit.fits(shrunk, width, box_h):
            return shrunk
    return shrunk


def _long_date(date) -> str:
    return f"{date:%A}, {date:%B} {date.day}, {date.year}" if date else ""
