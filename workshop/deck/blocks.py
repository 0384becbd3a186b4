"""The deck being planned, and the blocks its slides are made of.

:class:`Planner` holds what the slide functions share: the workshop, its agenda, the slides so far,
the frame they are measured in, and the timing cues every slide's notes end with. The functions
below lay out the two kinds of slide every other one is made from: :func:`titled` (a title and a
body that wraps, goes into columns or continues) and :func:`hero` (text on a full-bleed slide).
"""

from __future__ import annotations

from dataclasses import replace

from workshop import model as m
from workshop.deck import fit
from workshop.deck.fit import Para
from workshop.deck.frame import BAR_MIN, frame_for
from workshop.deck.planned import BODY, GUTTER, LEAD, RHYTHM, SMALL, TITLE_SIZES, Box, PlannedSlide
from workshop.i18n import tr
from workshop.schedule import Agenda, clock, clock_range, duration
from workshop.zones import zone_label


class Planner:
    """The deck being planned: its slides so far, and the timing cues of their notes."""

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

    # -- timing cues ---------------------------------------------------------------------

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


def title_bar(plan: Planner, title: str) -> tuple[int, float]:
    """How many lines the title takes, and where its area ends: the design's bar grows for a
    long title; a template's title placeholder keeps its place and grows downwards."""
    f = plan.f
    size, lines = fit.fit_title(title, f.title.w, TITLE_SIZES, 3)
    needed = len(lines) * size * fit.LINE_PITCH
    if f.designed:
        return len(lines), max(BAR_MIN, needed + 28)
    return len(lines), max(f.title.bottom, f.title.y + needed + 8)


def title_font(plan: Planner, title: str) -> float:
    """A title's size: the title size, a little smaller where that keeps the title on one line
    and so the title band at the height of every other slide's."""
    return fit.fit_title(title, plan.f.title.w, TITLE_SIZES, 3)[0]


def body_area(plan: Planner, bar: float) -> tuple[float, float, float, float]:
    """Where a titled slide's body goes under a title area ending at ``bar``: x, y, width, height."""
    f = plan.f
    if f.designed:
        return f.margin, bar + 24, f.content_w, f.footer_y - 12 - (bar + 24)
    top = max(f.body.y, bar + 12)
    return f.body.x, top, f.body.w, f.body.bottom - top


def title_area(plan: Planner, bar: float) -> tuple[float, float, float, float]:
    f = plan.f
    return (f.margin, 0.0, f.content_w, bar) if f.designed else (f.title.x, f.title.y, f.title.w, bar - f.title.y)


def titled(plan: Planner, kind: str, title: str, body: list[list[Para]], notes: str, cont_notes: str = "",
           columns: bool = True, two: bool = False, image: m.Image | None = None, side: str = "",
           inset: float = 0.0, balance: float | None = None) -> int:
    """A slide with a title bar and a body. A body that does not fit goes into two columns
    (when ``columns`` allows; always when ``two`` asks and it fits) or continues on "(cont.)"
    slides that share it evenly. ``image`` goes on the ``side`` (left or right) of every page,
    the body beside it; ``inset`` keeps room left of the body for decoration. Returns the index
    of the first slide added."""
    first = len(plan.slides)
    lines, bar = title_bar(plan, title)
    body_x, body_y, body_w, body_h, picture = text_area(plan, bar, image, side, inset)
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
        # one bar height for every page of the run
        lines, bar = title_bar(plan, plan.t("{title} (cont. {n})", title=title, n=9))
        body_x, body_y, body_w, body_h, picture = text_area(plan, bar, image, side, inset)
        room = body_h - (RHYTHM if balance is None else 0.0)
        pages = [[page] for page in fit.balanced_pages(body, body_w, room)]
    titles = [title_cont(plan, title, n) for n in range(len(pages))]
    run_size = min(title_font(plan, t) for t in titles)  # one title size for every slide of a run
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
        plan.add(PlannedSlide(kind, page_title, run_size, len(fit.fit_title(page_title, plan.f.title.w, (run_size,), 3)[1]),
                              bar, boxes, image=image, image_box=picture,
                              notes=notes if n == 0 else (cont_notes or notes), title_box=title_area(plan, bar)))
    return first


def title_cont(plan: Planner, title: str, n: int) -> str:
    """The title of the ``n``th slide after the first of a run: "Title (cont.)", "Title (cont. 2)"."""
    if n == 0:
        return title
    return plan.t("{title} (cont.)", title=title) if n == 1 else plan.t("{title} (cont. {n})", title=title, n=n)


def text_area(plan: Planner, bar: float, image: m.Image | None, side: str, inset: float):
    """The body's x, y, width and height under a title area ending at ``bar``, and the picture's
    box when a picture takes one side of it (a little under half, the text the rest)."""
    x, y, w, h = body_area(plan, bar)
    picture = None
    if image is not None:
        pw = round((w - GUTTER) * 0.46)
        if side == "left":
            picture, x = (x, y - 4, pw, h + 6), x + pw + GUTTER
        else:
            picture = (x + w - pw, y - 4, pw, h + 6)
        w -= pw + GUTTER
    return x + inset, y, w - inset, h, picture


def hero(plan: Planner, kind: str, title: str, stack: list[tuple[str, list[list[Para]], float]], notes: str,
         top_room: float = 36.0, centred: bool = False) -> None:
    """A full-bleed slide: blocks of text one under another (a block of several columns side by
    side), the whole centred on the slide with the accent bar beside it, top to bottom; or,
    when ``centred``, the text centred across the slide with a short accent rule under it."""
    width, height, left = plan.hero_w, plan.f.height, plan.hero_x
    if centred:
        width = plan.f.width - 2 * plan.hero_x
    heights = []
    for _, cols, gap in stack:
        column_w = (width - GUTTER * (len(cols) - 1)) / len(cols)
        heights.append(gap + max(fit.height(c, column_w) for c in cols))
    total = sum(heights) - stack[0][2]
    rule = 36.0 if centred else 0.0  # room for the rule under centred text
    bottom = plan.hero_bottom if total + rule <= plan.hero_bottom - 24 else height - 24  # a template's footer zone last
    top = max(top_room, (height - total - rule) / 2) if total + rule <= bottom - top_room else 24.0
    top = min(top, max(24.0, bottom - total - rule))
    boxes, y = [], top - stack[0][2]
    for (name, cols, gap), h in zip(stack, heights, strict=True):
        column_w = (width - GUTTER * (len(cols) - 1)) / len(cols)
        for k, c in enumerate(cols):
            boxes.append(Box(left + k * (column_w + GUTTER), y + gap, column_w, h - gap + 4, tuple(c),
                             name=name if k == 0 else f"{name} {k + 1}"))
        y += h
    size = stack[0][1][0][0].size
    bar = (plan.f.width / 2 - 48, top + total + 22, 96.0, 6.0) if centred else (plan.f.margin, top, 8.0, total)
    plan.add(PlannedSlide(kind, title, size, len(stack[0][1][0][0].lines(width)), 0.0, tuple(boxes),
                          notes=notes, accent_bar=bar))


def presenter_columns(plan: Planner, paras_of, room: float, width: float) -> list[list[Para]]:
    """The presenters one under another, or side by side when a stack would take more than ``room``."""
    stacked = [p for person in plan.w.presenters for p in paras_of(person, False)]
    if len(plan.w.presenters) < 2 or fit.height(stacked, width) <= room:
        return [stacked]
    return [paras_of(person, True) for person in plan.w.presenters]


def spread(plan: Planner, groups: list[list[Para]], title: str) -> list[list[Para]]:
    """A short list's points further apart, using up to half the room it leaves (at most
    two-thirds of a line between points): the list balanced on the slide, from the same first
    line as every other slide's."""
    if len(groups) < 2:
        return groups
    _, _, w, h, _ = text_area(plan, title_bar(plan, title)[1], None, "", 0.0)
    free = h - RHYTHM - fit.height([p for g in groups for p in g], w)
    extra = max(0.0, min(groups[0][0].size * 0.66, free * 0.5 / (len(groups) - 1)))
    return [groups[0]] + [[replace(g[0], space_before=g[0].space_before + extra)] + g[1:] for g in groups[1:]]


def is_short(plan: Planner, items: tuple[m.Item, ...], title: str) -> bool:
    """A short list, set at the lead size: five items at most, two sub-items at most, that fit
    the body at that size with room to spare."""
    if not items or len(items) > 5 or sum(len(i.children) for i in items) > 2:
        return False
    _, _, w, h, _ = text_area(plan, title_bar(plan, title)[1], None, "", 0.0)
    return fit.height([p for g in bullet_groups(items, False, LEAD) for p in g], w) <= h * 0.8 - RHYTHM


def bullet_groups(items: tuple[m.Item, ...], numbered: bool, size: float = BODY) -> list[list[Para]]:
    """Each item with its sub-items, as a group the layout keeps together."""
    groups = []
    for n, item in enumerate(items):
        group = [Para(item.text, size, level=1, number=n + 1 if numbered else None, space_before=size * 0.5)]
        group += [Para(c, BODY if size > BODY else SMALL, level=2, space_before=6.0) for c in item.children]  # one step down
        groups.append(group)
    return groups
