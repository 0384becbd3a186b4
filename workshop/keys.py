"""Every key an outline may use, declared once: the shape of its value, a line of meaning, its
default and, where it has one, the short list of values it takes.

The loader reads outlines by these declarations (unknown keys get a "did you mean"; a plain value is
read by its shape, given its default when not written and checked against its choices); the JSON
Schema that editors use for completion (:mod:`workshop.schema`) is made from the same declarations,
and the docs in ``docs/outline-format.md`` describe the same keys for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workshop.model import LAYOUTS


@dataclass(frozen=True)
class Key:
    """One key of the outline.

    ``shape`` is the kind of value, for the loader and the JSON Schema: "text", "texts" (a list of
    lines, or one), "minutes", "number", "percent", "integer", "flag", "date", "clock", "bullets",
    "choices", "answer", "{kind}" (a mapping of that kind's keys), "[kind]" (a list of them),
    "presenters", "sections", "approvals" (statements, each text or an approval mapping) or
    "quote-or-text". ``doc`` is its meaning in a line (the schema's description). ``default`` is
    the value an outline that does not write the key gets (None: the shape's own empty value).
    ``choices`` are the values it takes (the schema's examples); with ``refusal`` the loader
    refuses any other with that message (``{got}`` the value written), comparing in lower case
    when ``fold``.
    """

    shape: str
    doc: str = ""
    default: object = None
    choices: tuple = ()
    fold: bool = False
    refusal: str = ""


OUTLINE: dict[str, dict[str, Key]] = {
    "outline": {
        "extends": Key("text", "path of a base outline this variant changes"),
        "workshop": Key("{workshop}", "title, date, times and place"),
        "presenters": Key("presenters", "one or more presenters"),
        "ce": Key("{ce}", "continuing-education provider and hour rules"),
        "objectives": Key("texts", "learning objectives, one line each"),
        "sections": Key("sections", "the agenda: sections and breaks in order"),
        "references": Key("texts", "citations printed in the handouts"),
        "theme": Key("{theme}", "colours, font, logo or a PowerPoint template for the deck"),
        "quiz": Key("{quiz}", "a knowledge check: questions written once, exported everywhere"),
        "deck": Key("{deck}", "turn generated slides on or off"),
        "handouts": Key("{handouts}", "what the participant handouts include"),
    },
    "workshop": {
        "title": Key("text", "the workshop's title (required)"),
        "subtitle": Key("text", "a line under the title"),
        "audience": Key("text", "who the workshop is for"),
        "date": Key("date", "ISO date, e.g. 2026-03-14 (needed for certificates)"),
        "start": Key("clock", "start time, \"09:00\" or \"9:00 AM\"; default 09:00", default=9 * 60),
        "end": Key("clock", "latest end time; the agenda must fit before it"),
        "location": Key("text", "venue, or 'Live online'"),
        "clock": Key("text", "how every output prints times: 24h (default, 18:30) or 12h (6:30 PM)",
                     default="24h", choices=("24h", "12h"), fold=True,
                     refusal="expected 24h (18:30) or 12h (6:30 PM), got '{got}'"),
        "date_style": Key("text", "how every output prints the date: long, short, iso, day-month or long-day-month",
                          choices=("long", "short", "iso", "day-month", "long-day-month")),
        "timezone": Key("text", "IANA time zone of the clock times, e.g. America/New_York: printed beside them, "
                                "and report times are checked against it"),
        "language": Key("text", "the language of every label, date and number the outputs print: en (default), "
                                "es or fr", default="en"),
    },
    "presenter": {
        "name": Key("text", "required"),
        "credentials": Key("text", "e.g. LPC, MAC"),
        "email": Key("text", ""),
        "phone": Key("text", ""),
        "website": Key("text", ""),
        "signature": Key("text", "image printed on certificates"),
    },
    "ce": {
        "provider": Key("text", "the approved provider's name"),
        "approval": Key("text", "the approval statement printed on certificates (the one-statement form of "
                                "approvals)"),
        "approvals": Key("approvals", "every approver's statement, each printed in full; an item may be "
                                      "{statement: TEXT, for: [LCSW]}"),
        "minutes_per_hour": Key("integer", "60 (default) or 50", default=60, choices=(60, 50)),
        "increment": Key("number", "hours round down to a multiple of this (default 0.25)", default=Decimal("0.25")),
        "hours": Key("number", "hours to award, at most what the agenda supports"),
        "verify_url": Key("text", "address with {id}, printed as a QR code on certificates"),
        "unit": Key("text", "the board's name for the hours, e.g. 'contact hours' or 'CEUs' (default 'CE hours')"),
        "attendance": Key("{attendance}", "how presence in attendance reports becomes hours"),
        "seal": Key("text", "image of the provider's seal, printed in the certificates' upper-right corner"),
        "email": Key("{email}", "the message 'workshop send' e-mails with each certificate"),
    },
    "approval": {
        "statement": Key("text", "the approver's statement, printed in full (required)"),
        "for": Key("texts", "licences it is printed for, e.g. [LCSW, LMSW]: those starting with one of these words"),
    },
    "email": {
        "from": Key("text", "the sender, e.g. 'Sunrise CE <ce@example.org>' (default: WORKSHOP_SMTP_USER)"),
        "subject": Key("text", "the subject; {name}, {title}, {hours}, {unit}, {id}, {verify_url}, {date}, "
                               "{provider}"),
        "body": Key("text", "the message; the same {fields}"),
    },
    "attendance": {
        "grace_minutes": Key("integer", "instructional minutes one may miss and keep the full award (default 0)",
                             default=0),
        "partial": Key("text", "prorate (hours for the minutes present) or none (no certificate; the default)",
                       default="none", choices=("prorate", "none"), refusal="expected prorate or none, got {got!r}"),
    },
    "section": {
        "id": Key("text", "name used by variants; default derived from the title"),
        "title": Key("text", "required"),
        "minutes": Key("minutes", "required whole minutes"),
        "slides": Key("[slide]", "the section's slides"),
        "activities": Key("[activity]", "timed activities"),
        "optional": Key("flag", "may be cut when running late"),
        "notes": Key("text", "facilitator notes"),
        "goals": Key("texts", "what the section should achieve (facilitator guide)"),
        "handout": Key("{handout}", "handout-only points, prompts and a worksheet"),
    },
    "break": {
        "break": Key("text", "the break's label"),
        "minutes": Key("minutes", "required whole minutes"),
        "id": Key("text", "name used by variants"),
    },
    "slide": {
        "title": Key("text", "required"),
        "bullets": Key("bullets", "a list; a nested list is a second level"),
        "numbered": Key("bullets", "a numbered list"),
        "quote": Key("quote-or-text", "text and source"),
        "image": Key("{image}", "path and alt"),
        "notes": Key("text", "speaker notes"),
        "minutes": Key("minutes", "minutes for this slide"),
        "layout": Key("text", "auto (default), statement, quote, image-left, image-right or two-columns",
                      default="auto", choices=LAYOUTS),
    },
    "quote": {
        "text": Key("text", "required"),
        "source": Key("text", "who said it, with year"),
    },
    "image": {
        "path": Key("text", "image file, relative to the outline"),
        "alt": Key("text", "required description"),
    },
    "activity": {
        "title": Key("text", "required"),
        "minutes": Key("minutes", "required whole minutes"),
        "format": Key("text", "pairs, small groups, ..."),
        "instructions": Key("text", ""),
        "materials": Key("texts", "list of things needed"),
        "debrief": Key("texts", "list of questions"),
    },
    "handout": {
        "points": Key("texts", "extra key points"),
        "prompts": Key("texts", "reflection prompts with writing lines"),
        "worksheet": Key("{worksheet}", "a fill-in table"),
    },
    "worksheet": {
        "title": Key("text", "required"),
        "instructions": Key("text", ""),
        "rows": Key("texts", "one row per item"),
        "columns": Key("texts", "column headings after the item"),
        "lines": Key("minutes", "blank writing lines instead of rows"),
    },
    "theme": {
        "primary": Key("text", "hex colour for title bars"),
        "accent": Key("text", "hex colour for highlights"),
        "font": Key("text", "font family for the deck"),
        "logo": Key("text", "image shown on the title slide"),
        "template": Key("text", "a .pptx whose layouts the deck builds on"),
        "name": Key("text", "a bundled theme to start from (workshop themes lists them)"),
        "layouts": Key("{layouts}", "the template's layout names, by role (title, section, title_only, content, "
                                    "two_content)"),
    },
    "layouts": {
        "title": Key("text", "layout for the title slide (default 'Title Slide')"),
        "section": Key("text", "layout for dividers, breaks and the closing slide (default 'Section Header')"),
        "title_only": Key("text", "layout for slides the deck places itself (default 'Title Only')"),
        "content": Key("text", "layout for lists (default 'Title and Content')"),
        "two_content": Key("text", "layout for two-column lists (default 'Two Content')"),
    },
    "quiz": {
        "pass_percent": Key("percent", "with roster scores: below this, no certificate"),
        "per_hour": Key("number", "questions wanted per CE hour (a warning when fewer)"),
        "questions": Key("[question]", "the questions, in order"),
    },
    "question": {
        "ask": Key("text", "required: the question or statement"),
        "objective": Key("integer", "number of the objective it checks"),
        "choices": Key("choices", "two or more; none for a true/false question"),
        "answer": Key("answer", "required: one of the choices, or true/false"),
        "explain": Key("text", "why the answer is right (answer key, feedback)"),
    },
    "deck": {
        "quiz": Key("flag", "question slides, each followed by its answer"),
        "dividers": Key("flag", "a slide opening each section (default true)", default=True),
        "activity_slides": Key("flag", "a slide for each activity and its debrief (default true)",
                               default=True),
        "closing": Key("flag", "the closing slide with contact details (default true)", default=True),
        "end_matter": Key("text", "where the references and the contact slide go when your last slide is your own "
                                  "(Thank you, Questions): before (default; the references come before it and the "
                                  "contact details share it, or follow it when it is long) or after (both follow it); "
                                  "the knowledge check comes before it either way",
                          default="before", choices=("before", "after"), fold=True,
                          refusal="expected before (the deck's references and contact slides before your own "
                                  "last slide, such as Thank you) or after (they come last), got {got!r}"),
    },
    "handouts": {
        "slides": Key("flag", "miniatures of the content slides with note lines (default true)", default=True),
    },
}

#: What each key means, by kind: the declarations' one-line docs.
KEYS: dict[str, dict[str, str]] = {kind: {key: k.doc for key, k in keys.items()} for kind, keys in OUTLINE.items()}
#: The shape of each key's value (see :class:`Key`), by kind.
SHAPES: dict[str, dict[str, str]] = {kind: {key: k.shape for key, k in keys.items()}
                                     for kind, keys in OUTLINE.items()}

#: What one entry of each list is called in messages ("section 3", "bullet 2").
ITEM_NAMES = {
    "sections": "section", "slides": "slide", "activities": "activity", "presenters": "presenter",
    "objectives": "objective", "references": "reference", "bullets": "bullet", "numbered": "item",
    "materials": "material", "debrief": "debrief question", "goals": "goal", "points": "point",
    "prompts": "prompt", "rows": "row", "columns": "column",
}
#: A list inside a list entry: the second level of bullets.
SUB_ITEM_NAMES = {"bullets": "sub-bullet", "numbered": "sub-item"}


def child(here: str, key: str) -> str:
    """The place of ``key`` under ``here``: keys join with a dot ("workshop.title"), and a key
    under a list entry follows a comma ("section 3, minutes")."""
    if not here:
        return key
    return f"{here}, {key}" if here[-1].isdigit() else f"{here}.{key}"


def nth(here: str, key: str, index: int) -> str:
    """Entry ``index`` (from zero) of the list ``key`` under ``here``, counted from one as a
    person counts: ``nth("section 3", "slides", 0)`` is "section 3, slide 1"."""
    name = f"{ITEM_NAMES.get(key, f'{key} item')} {index + 1}"
    return f"{here}, {name}" if here else name


def sub(here: str, key: str, index: int) -> str:
    """Entry ``index`` of a list nested in the entry ``here`` of the list ``key``."""
    return f"{here}, {SUB_ITEM_NAMES.get(key, 'item')} {index + 1}"
