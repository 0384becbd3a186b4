"""The deck as a plan: which slides, in which order, with which measured text and notes.

:func:`plan_deck` is pure: it reads the workshop and its agenda and returns a :class:`Deck`,
which tests can inspect without writing a file. The renderer only draws what the plan says.
Each kind of slide is planned by a function of its own: the opening (:mod:`~workshop.deck.opening`),
the agenda's sections, activities and breaks (:mod:`~workshop.deck.sections`, the outline's own
slides in :mod:`~workshop.deck.content`) and the end (:mod:`~workshop.deck.ending`), all from the
blocks of :mod:`~workshop.deck.blocks`; what a plan is made of is :mod:`~workshop.deck.planned`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from workshop import model as m
from workshop.deck.blocks import Planner
from workshop.deck.ending import closing_slide, quiz_slides, references_slide
from workshop.deck.frame import BAR_MIN
from workshop.deck.opening import opening_slides
from workshop.deck.planned import (BODY, CONTINUED, DISPLAY, DISPLAY_LONG, FOOTER_Y, GUTTER, HERO, LEAD, OPEN,
                                   QUOTE_GLYPH, QUOTE_INSET, QUOTE_PATH, RHYTHM, SLIDE_H, SLIDE_W, SMALL, TITLE,
                                   TITLE_SIZES, Box, Deck, Mark, PlannedSlide)
from workshop.deck.sections import activity_title, break_slide, debrief_title, section_slides
from workshop.schedule import Agenda

# what the renderer, the handouts, the guide and the importer read from here
__all__ = ["BAR_MIN", "BODY", "CONTINUED", "DISPLAY", "DISPLAY_LONG", "FOOTER_Y", "GUTTER", "HERO", "LEAD", "OPEN",
           "QUOTE_GLYPH", "QUOTE_INSET", "QUOTE_PATH", "RHYTHM", "SLIDE_H", "SLIDE_W", "SMALL", "TITLE", "TITLE_SIZES",
           "Box", "Deck", "Mark", "PlannedSlide", "activity_title", "debrief_title", "plan_deck", "short_title"]


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
    p = Planner(workshop, agenda)
    opening_slides(p)
    for item in agenda.items:
        if isinstance(item.entry, m.Break):
            break_slide(p, item)
        else:
            section_slides(p, item)
    if p.farewell:
        p.shown_before_farewell()  # the knowledge check is shown, and timed, before the goodbye
    if workshop.deck.quiz and workshop.quiz:
        quiz_slides(p, workshop.quiz)
    checks = len(p.slides)
    if workshop.deck.end_matter != "before":  # the references and contacts after the goodbye
        p.end_at, p.end_before, p.end_section = p.agenda.end, "", p.end_section
    references_slide(p)
    ends = len(p.slides)
    start, end = p.farewell or (len(p.slides), len(p.slides))
    # the presenter's own goodbye and the contact details on one closing slide, left on screen as
    # people leave, when the goodbye is short enough to share it
    merged = closing_slide(p, p.slides[start:end] if workshop.deck.end_matter == "before" else [])
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


def short_title(title: str) -> str:
    """The title as a running footer shows it: up to its colon or dash when that leaves a title of
    its own ("Trauma-Informed Care Across the Lifespan" for a 120-character title; a part of three
    words or fewer, such as "Relationship", says too little), else whole: the footer shortens it."""
    match = re.match(r"^(\S+(?:\s+\S+){3,}?)\s*(?::|\s[–—-]\s)\s*\S", title)
    if match and len(match.group(1)) > 60:
        match = None
    return match.group(1) if match and len(title) > 40 else title


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
