"""A read deck -> a :class:`~workshop.importer.draft.Draft` outline: pure, no files.

Sections come from PowerPoint's own sections and from section-header slides. Slides that
``workshop build`` makes by itself (title, agenda, objectives, section dividers, breaks,
activities and their debriefs, references, closing) are folded back into the outline's keys,
so a built deck imports to the outline it came from; a deck made in PowerPoint keeps every
slide. Each section's minutes are estimated from its slides unless the deck states them.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from workshop.deck.plan import activity_title, debrief_title
from workshop.importer.draft import Draft, DraftActivity, DraftBreak, DraftPresenter, DraftSection
from workshop.importer.quizslides import ANSWER, QUESTION, read_answer, read_question
from workshop.importer.raw import RawDeck, RawSlide
from workshop.importer.slides import Pictures, clean, clean_notes, content_slide
from workshop.importer.timing import slide_minutes
from workshop.importer.titlepage import read_closing_slide, read_contacts, read_title_slide
from workshop.variants import slugify

#: Minutes a slide is taken to need when the deck does not say: the middle of two to three.
MINUTES_PER_SLIDE = 2.5
_CONT = re.compile(r"^(.*) \(cont\.(?: \d+)?\)$")
_REPEAT = re.compile(r"^(.*) \((\d+)\)$")
_ROW = re.compile(r"^(\d{1,2}:\d{2}(?:\s?[AP]M)?)[-–](\d{1,2}:\d{2}(?:\s?[AP]M)?)\t(.+)$", re.I)
_TIMING = re.compile(r"^(\d{1,2}:\d{2}(?:\s?[AP]M)?)[-–]\S.* · (\d+) minutes(?: · (optional))?$", re.I)
_BACK_AT = re.compile(r"^(\d+) minutes · back at ", re.I)
_ACTIVITY_NOTE = re.compile(r"^Activity: (.+) \((.+), (\d+) min\)\.$")
_BREAK_TITLE = re.compile(r"^(?:(?:morning|afternoon|coffee|comfort|short|tea|lunch|dinner)\s+)?(break|lunch)"
                          r"(?:\s+break)?(?:\s*\((\d+)\s*min(?:utes)?\))?$", re.I)
_OBJECTIVES = {"learning objectives", "objectives", "learning outcomes", "session objectives",
               "course objectives", "workshop objectives", "training objectives", "goals for today"}
_REFERENCES = {"references", "reference list", "bibliography", "works cited", "sources", "citations",
               "resources and references", "references and resources"}
_DEFAULT_SECTION_NAMES = {"default section", "untitled section", ""}
_OPTIONAL_NOTE = "This section is optional: cut it if you are running late."
#: A section slide's own numbering ("Part 2: ...", "Part 2 of 5"): the build numbers the parts itself.
_PART_PREFIX = re.compile(r"^(?:part|section|module|unit|chapter)\s+\d+\s*[:.–—-]\s*(?=\S)", re.I)
_PART_OF = re.compile(r"^(?:part|section|module|unit|chapter)\s+\d+\s*(?:of|/)\s*\d+$", re.I)
#: The titles of a last slide that says goodbye (as the build's end matter knows them).
_FAREWELL = re.compile(r"\s*(thank(s| you)|questions|q\s*&\s*a|goodbye|farewell|closing|contact|"
                       r"stay in touch|get in touch|keep in touch)\b", re.I)
#: What a built deck writes in its title slide's notes; the next build writes them again.
_TITLE_NOTES = ("On screen as people arrive.", "Timing: the workshop runs ")
_PRESENTERS_TITLES = ("Your presenter", "Your presenters")


def draft_outline(deck: RawDeck, source: str) -> Draft:
    """The outline for ``deck``; ``source`` is the deck's file name, for comments."""
    draft = Draft(source, len(deck.slides))
    _Reader(deck, draft).run()
    return draft


class _Reader:
    def __init__(self, deck: RawDeck, draft: Draft):
        self.deck = deck
        self.draft = draft
        self.pictures = Pictures(draft)
        self.section: DraftSection | None = None
        self.section_names = {numbers[0]: name for name, numbers in deck.sections
                              if numbers and name.lower() not in _DEFAULT_SECTION_NAMES}
        self.pending_name = ""  # a PowerPoint section that has begun, waiting for its first slide
        self.previous_title = ""
        self.seen_titles: set[str] = set()
        self.closing_seen = False

    def run(self) -> None:
        draft, slides = self.draft, self.deck.slides
        first = slides[0] if slides else None
        if first is not None and self.is_title_slide(first):
            read_title_slide(first, draft)
            draft.notice(1, "folded", "the title slide, as workshop.title and presenters")
            self.title_notes(first)
            for line in draft.title_extra:
                draft.notice(1, "changed", f"“{line}” on the title slide, kept as a comment under workshop:")
            slides = slides[1:]
        shown = [s for s in slides if not s.hidden]
        last = shown[-1].number if shown and not self.deck.made_by_workshop else 0
        for slide in slides:
            self.slide(slide)
            if slide.number == last:
                self.farewell(slide)
            self.previous_title = clean(slide.title)
        self.finish()

    def title_notes(self, slide: RawSlide) -> None:
        """Keep the title slide's speaker notes (as a comment: an outline has no key for them)."""
        notes = clean_notes(slide.notes)
        if self.deck.made_by_workshop:
            notes = "\n".join(line for line in notes.split("\n") if not line.startswith(_TITLE_NOTES)).strip()
        if notes:
            self.draft.title_notes = notes
            self.draft.notice(1, "changed", "the title slide's speaker notes, kept as a comment under workshop: "
                                            "(an outline has no notes for the title slide)")
        if not self.deck.made_by_workshop:
            self.keep(slide, [], "")

    def farewell(self, raw: RawSlide) -> None:
        """The presenter's own last slide with their contact details: the details go to presenters,
        and the build's own closing slide, which would repeat them, is turned off."""
        if not _FAREWELL.match(clean(raw.title)):
            return
        lines = [clean(p.text) for b in raw.text_blocks for p in b.paras]
        if not read_contacts(lines, self.draft, raw.number):
            return
        self.draft.deck["closing"] = (False, f"slide {raw.number}, the deck's own last slide, gives the contact "
                                             "details; set true for the build's \"Stay in touch\" slide as well")

    # -- what kind of slide ----------------------------------------------------------------

    def is_title_slide(self, slide: RawSlide) -> bool:
        if slide.block("Details") is not None or slide.layout_type == "title" or slide.layout == "Title Slide":
            return True
        return any(b.role == "subtitle" for b in slide.blocks) and not any(b.role == "body" for b in slide.blocks)

    def slide(self, raw: RawSlide) -> None:
        if raw.number in self.section_names:
            self.pending_name = self.section_names[raw.number]
        title = clean(raw.title)
        base = title.lower()
        cont = _CONT.match(title)
        if cont and cont.group(1) == _CONT.sub(r"\1", self.previous_title):
            self.continued(raw, cont.group(1))
            return
        if self.deck.made_by_workshop:
            repeat = _REPEAT.match(title)
            if repeat and repeat.group(1) in self.seen_titles:
                raw.title = title = repeat.group(1)
        self.seen_titles.add(title)
        built = self.deck.made_by_workshop or bool(raw.names & {"Part", "Timing", "Back at", "Contact", "Details"})
        if self.deck.made_by_workshop and self.generated(raw, title):
            pass
        elif raw.block("Back at"):  # before the layout: a built deck's breaks use the section header's
            self.break_slide(raw)
        elif raw.block("Contact") and built:
            read_closing_slide(raw, self.draft)
            self.closing_seen = True
            if title != "Stay in touch" and raw.block("Body") is not None:  # the outline's own goodbye on it
                self.content(replace(raw, blocks=[b for b in raw.blocks if b.name != "Contact"]))
            else:
                self.draft.notice(raw.number, "folded", f"“{title}”, the closing slide the build makes")
        elif raw.block("Part") and raw.block("Timing") or _is_section_layout(raw) and not self.deck.made_by_workshop:
            self.section_slide(raw)
        elif _BREAK_TITLE.match(title) and self.little_text(raw):
            self.break_slide(raw)
        elif built and title.split(" · ")[0] == "Agenda" and self.all_rows(raw):
            self.agenda_slide(raw)
        elif base in _OBJECTIVES and not self.draft.objectives:
            self.objectives_slide(raw)
        elif base in _REFERENCES:
            self.draft.references += [clean(p.text) for b in raw.text_blocks for p in b.paras]
            self.draft.notice(raw.number, "folded", f"“{title}”, as references (the build lists them)")
            if not self.deck.made_by_workshop:
                self.keep(raw, [], raw.notes)
        elif built and self.activity_slide(raw):
            pass
        elif built and title.startswith("Debrief: ") and self.debrief_slide(raw, title):
            pass
        else:
            self.content(raw)

    def generated(self, raw: RawSlide, title: str) -> bool:
        """A slide only a built deck has (quiz questions and answers, the presenters slide), read
        back into the keys that make it."""
        if QUESTION.match(title) and read_question(raw, self.draft):
            self.draft.deck["quiz"] = (True, "the deck has knowledge-check slides")
            return True
        if ANSWER.match(title) and read_answer(raw, self.draft):
            return True
        if title in _PRESENTERS_TITLES and raw.number == 2:
            self.draft.notice(raw.number, "folded", f"“{title}”, the presenters slide the build makes")
            return True
        return False

    @staticmethod
    def little_text(raw: RawSlide) -> bool:
        return sum(len(p.text) for b in raw.text_blocks for p in b.paras) < 80 and not raw.pictures

    @staticmethod
    def all_rows(raw: RawSlide) -> bool:
        paras = [p for b in raw.text_blocks for p in b.paras]
        return bool(paras) and all(_ROW.match(p.text) for p in paras)

    # -- sections and their slides ---------------------------------------------------------

    def open_section(self, title: str, number: int, comment: str = "") -> DraftSection:
        self.section = DraftSection(title, number)
        if comment:
            self.section.comments.append(comment)
        self.draft.entries.append(self.section)
        return self.section

    def current(self, raw: RawSlide) -> DraftSection:
        if self.pending_name:
            name, self.pending_name = self.pending_name, ""
            if self.section is None or self.section.slides or self.section.activities:
                return self.open_section(name, raw.number, "a section of the PowerPoint deck")
        if self.section is not None:
            return self.section
        before = [e for e in self.draft.entries if isinstance(e, DraftSection)]
        if not before:
            has_more = bool(self.section_names) or any(_is_section_layout(s) and not self.deck.made_by_workshop
                                                       or s.block("Part")
                                                       for s in self.deck.slides)
            title = "Introduction" if has_more else (self.draft.title or "Presentation")
            comment = ("check: the slides before the first section slide" if has_more else
                       "check: the deck has no sections; split this into the parts of your agenda")
            return self.open_section(title, raw.number, comment)
        return self.open_section(f"{before[-1].title} (continued)", raw.number,
                                 "check: the slides after a break, without a section slide of their own")

    def content(self, raw: RawSlide) -> None:
        slide = content_slide(raw, self.draft, self.pictures)
        if slide is not None and self.deck.made_by_workshop and _is_section_layout(raw) and len(slide.items) == 1:
            slide.layout = "statement"  # a built deck shows a statement full-bleed, as it does a divider
        if slide is not None:
            self.current(raw).slides.append(slide)

    def continued(self, raw: RawSlide, title: str) -> None:
        """A "(cont.)" page: its text joins the slide it continues (a page with more than a list,
        or with nothing to join, stays a slide of its own)."""
        target = self.section.slides[-1] if self.section is not None and self.section.slides else None
        if target is not None and target.title == title:
            slide = content_slide(raw, self.draft, self.pictures)
            alone = slide is not None and (slide.quote or slide.image or target.quote or target.image)
            if alone and not self.deck.made_by_workshop:
                self.current(raw).slides.append(slide)
                return
            if slide is not None:
                target.items += slide.items
                target.comments += slide.comments
                if slide.notes and not self.deck.made_by_workshop and slide.notes != target.notes:
                    target.notes = "\n\n".join(filter(None, (target.notes, slide.notes)))
        elif title == "References" and self.draft.references:
            self.draft.references += [clean(p.text) for b in raw.text_blocks for p in b.paras]
        elif title.lower() in _OBJECTIVES and self.draft.objectives:
            self.draft.objectives += [clean(p.text) for b in raw.text_blocks for p in b.paras]
        elif title.split(" · ")[0] == "Agenda" and self.deck.made_by_workshop and self.all_rows(raw):
            pass
        else:
            self.content(raw)
            return
        self.draft.notice(raw.number, "folded", f"“{clean(raw.title)}”, joined to the slide it continues")

    def section_slide(self, raw: RawSlide) -> None:
        title = clean(raw.title) or self.pending_name or f"Part {len(self.draft.sections) + 1}"
        numbered = _PART_PREFIX.match(title)
        if numbered and not self.deck.made_by_workshop:
            title = title[numbered.end():]
        self.pending_name = ""
        section = self.open_section(title, raw.number)
        if numbered and not self.deck.made_by_workshop:
            section.comments.append(f"the section slide's title was “{clean(raw.title)}”; the build numbers the "
                                    "parts itself")
        timing = raw.block("Timing")
        match = _TIMING.match(clean(timing.paras[0].text)) if timing and timing.paras else None
        if match:
            section.minutes = int(match.group(2))
            section.minutes_comment = "from the section slide"
            section.optional = bool(match.group(3))
            if not self.draft.start:
                self.draft.start = _clock(match.group(1))
        notes = clean_notes(raw.notes)
        paragraphs = []
        for paragraph in notes.split("\n\n") if notes else []:
            if paragraph.startswith("Goals: ") and match:
                section.goals = [g.strip() for g in paragraph[len("Goals: "):].split("; ") if g.strip()]
            elif paragraph == _OPTIONAL_NOTE:
                section.optional = True
            else:
                paragraphs.append(paragraph)
        section.notes = "\n\n".join(paragraphs)
        extra = [clean(p.text) for b in raw.text_blocks if b.name not in ("Part", "Timing") for p in b.paras]
        numbering = [t for t in extra if _PART_OF.match(t)]
        if numbering:
            extra = [t for t in extra if t not in numbering]
            section.comments.append(f"also on the section slide: {' / '.join(numbering)}; the build numbers the "
                                    "parts itself")
        if extra:
            section.comments.append("also on the section slide: " + " / ".join(extra))
            self.draft.notice(raw.number, "changed", "text on the section slide, kept as a comment: " + " / ".join(extra))
        for text in raw.missing:
            section.comments.append(f"not brought in: {text} on the section slide")
            self.draft.notice(raw.number, "missing", text)
        section.comments += raw.leftover
        for picture in raw.pictures:
            section.comments.append(f"not brought in: a picture ({picture.name}) on the section slide")
            self.draft.notice(raw.number, "missing", f"a picture ({picture.name}) on the section slide")
        self.draft.notice(raw.number, "folded", f"“{title}”, a section slide, as a section")

    def break_slide(self, raw: RawSlide) -> None:
        title = clean(raw.title) or "Break"
        back = raw.block("Back at")
        match = _BACK_AT.match(clean(back.paras[0].text)) if back and back.paras else None
        words = _BREAK_TITLE.match(title)
        if match:
            entry = DraftBreak(title, int(match.group(1)), raw.number, "from the break slide")
        elif words and words.group(2):
            entry = DraftBreak(title, int(words.group(2)), raw.number, "from the break slide's title")
        else:
            lunch = words is not None and words.group(1).lower() == "lunch"
            entry = DraftBreak(title, 45 if lunch else 15, raw.number,
                               "check: estimated; the deck does not say how long the break is")
        self.draft.entries.append(entry)
        self.section = None
        self.draft.notice(raw.number, "folded", f"“{title}”, as a break")
        if not self.deck.made_by_workshop:
            self.keep(raw, [clean(p.text) for b in raw.text_blocks for p in b.paras], raw.notes)

    def agenda_slide(self, raw: RawSlide) -> None:
        first = _ROW.match(raw.text_blocks[0].paras[0].text)
        if first and not self.draft.start:
            self.draft.start = _clock(first.group(1))
        self.draft.notice(raw.number, "folded", "the agenda slide (the build makes it from the sections)")

    def objectives_slide(self, raw: RawSlide) -> None:
        paras = [clean(p.text) for b in raw.text_blocks for p in b.paras]
        lead = []
        if len(paras) > 1 and paras[0].endswith(":"):
            lead, paras = paras[:1], paras[1:]
        self.draft.objectives = paras
        self.draft.notice(raw.number, "folded", f"“{clean(raw.title)}”, as objectives (the build makes "
                                                "this slide from them)")
        if not self.deck.made_by_workshop:
            self.keep(raw, lead, raw.notes)

    def keep(self, raw: RawSlide, texts: list[str], notes: str) -> None:
        """Text of a slide folded into outline keys that no key holds: kept as comments."""
        notes = clean_notes(notes)
        kept = texts + ([f"notes: {line}" for line in notes.split("\n") if line.strip()] if notes else [])
        kept += raw.leftover + [f"not brought in: {m}" for m in raw.missing]
        kept += [f"not brought in: a picture ({p.name})" for p in raw.pictures]
        self.draft.kept += [(raw.number, text) for text in kept]
        lines = len(texts) + (len(notes.split("\n")) if notes else 0) + len(raw.leftover)
        if lines:
            self.draft.notice(raw.number, "changed", f"{lines} line{'s' if lines > 1 else ''} of its text and notes, "
                                                     "kept as comments at the end of the outline")
        for text in raw.missing + [f"a picture ({p.name})" for p in raw.pictures]:
            self.draft.notice(raw.number, "missing", text)

    def activity_slide(self, raw: RawSlide) -> bool:
        """A built deck's activity slide: its notes hold the format and minutes, its body the rest."""
        note = _ACTIVITY_NOTE.match(clean_notes(raw.notes).split("\n", 1)[0])
        # as this build titles it, or as earlier builds did ("Activity: " before every title)
        if not note or clean(raw.title) not in (activity_title(note.group(1)), f"Activity: {note.group(1)}"):
            return False
        title, fmt, minutes = note.group(1), note.group(2), int(note.group(3))
        activity = DraftActivity(title, minutes, raw.number, "" if fmt == "format not set" else fmt)
        paras = [p for b in raw.text_blocks for p in b.paras][1:]  # the first is "Pairs · 20 minutes · ..."
        needs = next((k for k, p in enumerate(paras) if clean(p.text) == "You will need:"), len(paras))
        activity.instructions = " ".join(clean(p.text) for p in paras[:needs])
        activity.materials = [clean(p.text) for p in paras[needs + 1:]]
        section = self.section or self.current(raw)
        section.activities.append(activity)
        self.draft.notice(raw.number, "folded", f"“{clean(raw.title)}”, as an activity")
        return True

    def debrief_slide(self, raw: RawSlide, title: str) -> bool:
        if self.section is None or not self.section.activities or title not in (
                debrief_title(self.section.activities[-1].title), f"Debrief: {self.section.activities[-1].title}"):
            return False
        self.section.activities[-1].debrief = [clean(p.text) for b in raw.text_blocks for p in b.paras]
        self.draft.notice(raw.number, "folded", f"“{clean(raw.title)}”, as the activity's debrief")
        return True

    # -- timing and ids --------------------------------------------------------------------

    def finish(self) -> None:
        draft = self.draft
        if self.deck.made_by_workshop and not self.closing_seen and self.deck.slides:
            draft.deck["closing"] = (False, "the deck has no \"Stay in touch\" slide")
        if not draft.title:
            draft.title = self.deck.title or _title_from_file(draft.source)
            draft.title_comment = "check: the deck has no title slide; this is " + (
                "its file's title" if self.deck.title else "its file name")
            draft.notice(0, "check", "no title slide: workshop.title is " + (
                "the file's title" if self.deck.title else "the file name"))
        if not draft.sections:
            self.open_section(draft.title, 1, "check: the deck had no content slides")
        taken: set[str] = set()
        for section in draft.sections:
            if section.minutes:
                slide_minutes(section)
            else:
                own = sum(a.minutes for a in section.activities)
                count = len(section.slides)
                section.minutes = max(5, 5 * math.ceil(count * MINUTES_PER_SLIDE / 5)) + own
                section.minutes_comment = (f"check: estimated at 2-3 minutes a slide ({count} slide"
                                           f"{'' if count == 1 else 's'}); set the time you really spend")
            ident = slugify(section.title)
            n = 1
            while ident in taken:
                n += 1
                ident = f"{slugify(section.title)}-{n}"
            if n > 1:
                section.id = ident
            taken.add(ident)
        if not draft.start:
            draft.start = "09:00"
            draft.start_comment = "check: the deck does not say when the workshop starts"
        if not draft.presenters:
            draft.presenters = [DraftPresenter("Presenter name")]
            draft.presenters_comment = "check: no presenter was found in the deck; write yours"
            draft.notice(0, "check", "no presenter was found on the title slide; fill in presenters")


def _is_section_layout(raw: RawSlide) -> bool:
    return raw.layout_type == "secHead" or "section" in raw.layout.lower()


def _clock(text: str) -> str:
    """ "9:05" or "9:05 AM" -> "09:05"."""
    match = re.match(r"(\d{1,2}):(\d{2})\s*([AP]M)?", text.strip(), re.I)
    hour, minute, half = int(match.group(1)), int(match.group(2)), (match.group(3) or "").upper()
    if half:
        hour = hour % 12 + (12 if half == "PM" else 0)
    return f"{hour:02d}:{minute:02d}"


def _title_from_file(name: str) -> str:
    stem = name.rsplit(".", 1)[0]
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Imported workshop"
