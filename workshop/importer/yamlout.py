"""A :class:`~workshop.importer.draft.Draft` -> the outline's YAML text, comments included.

Every string is written in double quotes with escapes, so slide text full of colons, ``#``,
quotation marks or a leading ``-``, ``*`` or ``[`` reads back exactly as it was; multi-line notes
are written as literal blocks when that is just as exact. Comments go beside or above the value
they are about, and never contain a character YAML would read as the end of the line.
"""

from __future__ import annotations

import re

from workshop.importer.draft import Draft, DraftActivity, DraftBreak, DraftSection, DraftSlide

#: What a YAML reader accepts as it is; everything else in a string is written as an escape.
_PRINTABLE = re.compile("[\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAKS = {"\x85", "\u2028", "\u2029"}
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def quote(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that reads back as exactly ``text``."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _PRINTABLE.match(ch) and ch not in _LINE_BREAKS:
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def comment(text: str) -> str:
    """``text`` made safe to follow a ``#``: one line of printable characters."""
    return "".join(ch if _PRINTABLE.match(ch) and ch not in _LINE_BREAKS and ch not in "\n\t" else " "
                   for ch in text).rstrip()


def _literal_ok(text: str) -> bool:
    """A literal block keeps ``text`` exactly: printable, no tabs, and no leading space to misread."""
    lines = text.split("\n")
    return (len(lines) > 1 and not text[:1].isspace() and text == text.strip()
            and all(line == line.rstrip() for line in lines)
            and all(_PRINTABLE.match(ch) and ch not in _LINE_BREAKS and ch != "\t" for ch in text))


class _Lines:
    def __init__(self):
        self.lines: list[str] = []

    def add(self, indent: int, text: str, note: str = "") -> None:
        note = comment(note).strip()
        self.lines.append("  " * indent + text + (f"  # {note}" if note else ""))

    def note(self, indent: int, text: str) -> None:
        if comment(text).strip():
            self.lines.append("  " * indent + "# " + comment(text))

    def blank(self) -> None:
        self.lines.append("")

    def value(self, indent: int, key: str, text: str, note: str = "") -> None:
        """``key: "text"``, or a literal block for text of several lines."""
        if _literal_ok(text) and not key.startswith("- "):
            self.add(indent, f"{key}: |-", note)
            for line in text.split("\n"):
                self.lines.append(("  " * (indent + 1) + line) if line else "")
        else:
            self.add(indent, f"{key}: {quote(text)}", note)

    def texts(self, indent: int, key: str, items: list[str]) -> None:
        self.add(indent, f"{key}:")
        for item in items:
            self.add(indent + 1, f"- {quote(item)}")


def outline_text(draft: Draft, outline_name: str) -> str:
    """The outline file for ``draft``; ``outline_name`` is how the build command should name it."""
    out = _Lines()
    out.note(0, f"Imported from {draft.source} ({draft.slide_count} slides) by `workshop import`.")
    out.note(0, 'Check every value marked "check" (the minutes above all), then run:')
    out.note(0, f"  workshop build {outline_name}")
    missing = [str(n) for n in draft.notices if n.kind == "missing"]
    if missing:
        out.note(0, "Not brought in (each is also noted at its slide below):")
        for line in missing:
            out.note(0, f"  {line}")
    out.add(0, "workshop:")
    out.value(1, "title", draft.title, draft.title_comment)
    if draft.subtitle:
        out.value(1, "subtitle", draft.subtitle)
    if draft.date:
        out.add(1, f"date: {draft.date}", draft.date_comment)
    out.value(1, "start", draft.start, draft.start_comment)
    if draft.location:
        out.value(1, "location", draft.location, "check: read from the title slide")
    for line in draft.title_extra:
        out.note(1, f"also on the title slide: {line}")
    if draft.title_notes:
        out.note(1, "speaker notes of the title slide:")
        for line in draft.title_notes.split("\n"):
            out.note(1, f"  {line}")
    out.blank()
    out.add(0, "presenters:", draft.presenters_comment)
    for person in draft.presenters:
        out.value(1, "- name", person.name)
        for key in ("credentials", "email", "phone", "website"):
            if getattr(person, key):
                out.value(2, key, getattr(person, key))
    if draft.ce_provider:
        out.blank()
        out.note(0, "The title slide names a CE provider. To award CE hours, write your approval")
        out.note(0, "statement and remove the # signs:")
        out.note(0, "ce:")
        out.note(0, f"  provider: {quote(draft.ce_provider)}")
        out.note(0, '  approval: "Approved by ..."')
    if draft.objectives:
        out.blank()
        out.texts(0, "objectives", draft.objectives)
    _theme(out, draft, outline_name)
    if draft.deck:
        out.blank()
        out.add(0, "deck:")
        for key, (value, why) in draft.deck.items():
            out.add(1, f"{key}: {'true' if value else 'false'}", why)
    out.blank()
    out.add(0, "sections:")
    for entry in draft.entries:
        if isinstance(entry, DraftBreak):
            _break(out, entry)
        else:
            _section(out, entry)
    if draft.references:
        out.blank()
        out.texts(0, "references", draft.references)
    _quiz(out, draft)
    if draft.kept:
        out.blank()
        out.note(0, "Text of slides brought in as outline keys that no key holds, kept here:")
        for number, text in draft.kept:
            out.note(0, f"  slide {number}: {text}")
    return "\n".join(out.lines) + "\n"


def _theme(out: _Lines, draft: Draft, name: str) -> None:
    """The source deck as the template, so the rebuilt deck has the presenter's design; written
    commented out, with the reason, when the build could not use it."""
    if not draft.template:
        return
    out.blank()
    lines = [(0, "theme:"), (1, f"template: {quote(draft.template)}")]
    if draft.layouts:
        lines.append((1, "layouts:"))
        lines += [(2, f"{role}: {quote(name)}") for role, name in draft.layouts.items()]
    if draft.template_problem:
        out.note(0, "The deck's own design cannot be used as it is:")
        out.note(0, f"  {draft.template_problem}")
        out.note(0, "Fix the deck in PowerPoint and remove the # signs, or keep the built-in design:")
        for indent, text in lines:
            out.note(0, "  " * indent + text)
    else:
        out.note(0, "The design (masters, layouts, slide size) of the deck this outline came from;")
        out.note(0, f"remove these lines for the built-in design. What it gives: workshop template {name}")
        for indent, text in lines:
            out.add(indent, text)


def _quiz(out: _Lines, draft: Draft) -> None:
    questions = [q for q in draft.questions if q.answer]
    for q in draft.questions:
        if not q.answer:
            out.note(0, f"slide {q.number}: a question whose answer slide was not found: {q.ask}")
    if not questions:
        return
    out.blank()
    out.add(0, "quiz:")
    out.note(1, "check: pass_percent and per_hour are not shown on the slides; add them if you set them")
    out.add(1, "questions:")
    for q in questions:
        out.note(2, f"slide {q.number}")
        out.value(2, "- ask", q.ask)
        if q.objective:
            out.add(3, f"objective: {q.objective}")
        if q.choices:
            out.texts(3, "choices", q.choices)
            out.value(3, "answer", q.answer)
        else:
            out.add(3, f"answer: {q.answer}")
        if q.explain:
            out.value(3, "explain", q.explain)


def _break(out: _Lines, entry: DraftBreak) -> None:
    out.note(1, f"slide {entry.number}")
    out.value(1, "- break", entry.label)
    out.add(2, f"minutes: {entry.minutes}", entry.comment)


def _section(out: _Lines, section: DraftSection) -> None:
    out.note(1, f"slide {section.number}")
    for line in section.comments:
        out.note(1, line)
    out.value(1, "- title", section.title)
    if section.id:
        out.value(2, "id", section.id, "the title's own id is taken by an earlier section")
    out.add(2, f"minutes: {section.minutes}", section.minutes_comment)
    if section.optional:
        out.add(2, "optional: true")
    if section.notes:
        out.value(2, "notes", section.notes)
    if section.goals:
        out.texts(2, "goals", section.goals)
    if section.slides:
        out.add(2, "slides:")
        for slide in section.slides:
            _slide(out, slide)
    if section.activities:
        out.add(2, "activities:")
        for activity in section.activities:
            _activity(out, activity)


def _slide(out: _Lines, slide: DraftSlide) -> None:
    out.note(3, f"slide {slide.number}")
    for line in slide.comments:
        out.note(3, line)
    out.value(3, "- title", slide.title)
    if slide.items:
        out.add(4, f"{'numbered' if slide.numbered else 'bullets'}:")
        for item in slide.items:
            out.add(5, f"- {quote(item.text)}")
            for n, child in enumerate(item.children):
                out.add(6 if n else 5, f"- {quote(child)}" if n else f"- - {quote(child)}")
    elif slide.quote:
        out.add(4, "quote:")
        out.value(5, "text", slide.quote[0])
        if slide.quote[1]:
            out.value(5, "source", slide.quote[1])
    if slide.image:
        out.add(4, "image:")
        out.value(5, "path", slide.image[0])
        out.value(5, "alt", slide.image[1])
    if slide.layout:
        out.add(4, f"layout: {slide.layout}")
    if slide.notes:
        out.value(4, "notes", slide.notes)
    if slide.minutes:
        out.add(4, f"minutes: {slide.minutes}", "from the slide's timing line")


def _activity(out: _Lines, activity: DraftActivity) -> None:
    out.note(3, f"slide {activity.number}")
    out.value(3, "- title", activity.title)
    out.add(4, f"minutes: {activity.minutes}")
    if activity.format:
        out.value(4, "format", activity.format)
    if activity.instructions:
        out.value(4, "instructions", activity.instructions)
    if activity.materials:
        out.texts(4, "materials", activity.materials)
    if activity.debrief:
        out.texts(4, "debrief", activity.debrief)
