"""Every key an outline may use, declared once with a line of meaning and the shape of its value.

The loader checks outlines against these (unknown keys get a "did you mean"); the JSON Schema that
editors use for completion (:mod:`workshop.schema`) is made from the same declarations, and the
docs in ``docs/outline-format.md`` describe the same keys for people.
"""

KEYS: dict[str, dict[str, str]] = {
    "outline": {
        "extends": "path of a base outline this variant changes",
        "workshop": "title, date, times and place",
        "presenters": "one or more presenters",
        "ce": "continuing-education provider and hour rules",
        "objectives": "learning objectives, one line each",
        "sections": "the agenda: sections and breaks in order",
        "references": "citations printed in the handouts",
        "theme": "colours, font, logo or a PowerPoint template for the deck",
        "quiz": "a knowledge check: questions written once, exported everywhere",
        "deck": "turn generated slides on or off",
        "handouts": "what the participant handouts include",
    },
    "workshop": {
        "title": "the workshop's title (required)",
        "subtitle": "a line under the title",
        "audience": "who the workshop is for",
        "date": "ISO date, e.g. 2026-03-14 (needed for certificates)",
        "start": "start time, \"09:00\" or \"9:00 AM\"; default 09:00",
        "end": "latest end time; the agenda must fit before it",
        "location": "venue, or 'Live online'",
        "clock": "how every output prints times: 24h (default, 18:30) or 12h (6:30 PM)",
        "date_style": "how every output prints the date: long, short, iso, day-month or long-day-month",
        "timezone": "IANA time zone of the clock times, e.g. America/New_York: printed beside them, and report times are checked against it",
    },
    "presenter": {
        "name": "required",
        "credentials": "e.g. LPC, MAC",
        "email": "", "phone": "", "website": "",
        "signature": "image printed on certificates",
    },
    "ce": {
        "provider": "the approved provider's name",
        "approval": "the approval statement printed on certificates (the one-statement form of approvals)",
        "approvals": "every approver's statement, each printed in full; an item may be {statement: TEXT, for: [LCSW]}",
        "minutes_per_hour": "60 (default) or 50",
        "increment": "hours round down to a multiple of this (default 0.25)",
        "hours": "hours to award, at most what the agenda supports",
        "verify_url": "address with {id}, printed as a QR code on certificates",
        "unit": "the board's name for the hours, e.g. 'contact hours' or 'CEUs' (default 'CE hours')",
        "attendance": "how presence in attendance reports becomes hours",
        "seal": "image of the provider's seal, printed in the certificates' upper-right corner",
        "email": "the message 'workshop send' e-mails with each certificate",
    },
    "approval": {"statement": "the approver's statement, printed in full (required)",
                 "for": "licences it is printed for, e.g. [LCSW, LMSW]: those starting with one of these words"},
    "email": {"from": "the sender, e.g. 'Sunrise CE <ce@example.org>' (default: WORKSHOP_SMTP_USER)",
              "subject": "the subject; {name}, {title}, {hours}, {unit}, {id}, {verify_url}, {date}, {provider}",
              "body": "the message; the same {fields}"},
    "attendance": {"grace_minutes": "instructional minutes one may miss and keep the full award (default 0)",
                   "partial": "prorate (hours for the minutes present) or none (no certificate; the default)"},
    "section": {
        "id": "name used by variants; default derived from the title",
        "title": "required", "minutes": "required whole minutes",
        "slides": "the section's slides", "activities": "timed activities",
        "optional": "may be cut when running late", "notes": "facilitator notes",
        "goals": "what the section should achieve (facilitator guide)",
        "handout": "handout-only points, prompts and a worksheet",
    },
    "break": {"break": "the break's label", "minutes": "required whole minutes", "id": "name used by variants"},
    "slide": {
        "title": "required", "bullets": "a list; a nested list is a second level",
        "numbered": "a numbered list", "quote": "text and source", "image": "path and alt",
        "notes": "speaker notes", "minutes": "minutes for this slide",
        "layout": "auto (default), statement, quote, image-left, image-right or two-columns",
    },
    "quote": {"text": "required", "source": "who said it, with year"},
    "image": {"path": "image file, relative to the outline", "alt": "required description"},
    "activity": {
        "title": "required", "minutes": "required whole minutes", "format": "pairs, small groups, ...",
        "instructions": "", "materials": "list of things needed", "debrief": "list of questions",
    },
    "handout": {"points": "extra key points", "prompts": "reflection prompts with writing lines",
                "worksheet": "a fill-in table"},
    "worksheet": {"title": "required", "instructions": "", "rows": "one row per item",
                  "columns": "column headings after the item", "lines": "blank writing lines instead of rows"},
    "theme": {"primary": "hex colour for title bars", "accent": "hex colour for highlights",
              "font": "font family for the deck", "logo": "image shown on the title slide",
              "template": "a .pptx whose layouts the deck builds on",
              "name": "a bundled theme to start from (workshop themes lists them)",
              "layouts": "the template's layout names, by role (title, section, title_only, content, two_content)"},
    "layouts": {"title": "layout for the title slide (default 'Title Slide')",
                "section": "layout for dividers, breaks and the closing slide (default 'Section Header')",
                "title_only": "layout for slides the deck places itself (default 'Title Only')",
                "content": "layout for lists (default 'Title and Content')",
                "two_content": "layout for two-column lists (default 'Two Content')"},
    "quiz": {"pass_percent": "with roster scores: below this, no certificate",
             "per_hour": "questions wanted per CE hour (a warning when fewer)",
             "questions": "the questions, in order"},
    "question": {"ask": "required: the question or statement", "objective": "number of the objective it checks",
                 "choices": "two or more; none for a true/false question", "answer": "required: one of the choices, "
                 "or true/false", "explain": "why the answer is right (answer key, feedback)"},
    "deck": {"quiz": "question slides, each followed by its answer",
             "dividers": "a slide opening each section (default true)",
             "activity_slides": "a slide for each activity and its debrief (default true)",
             "closing": "the closing slide with contact details (default true)",
             "end_matter": "before (default) or after: references and contact slides before or after your own "
                           "last slide (Thank you, Questions)"},
    "handouts": {"slides": "miniatures of the content slides with note lines (default true)"},
}

#: The shape of each key's value, for the JSON Schema: "text", "texts" (a list of lines, or one),
#: "minutes", "number", "percent", "integer", "flag", "date", "clock", "bullets", "choices", "answer",
#: "{kind}" (a mapping of that kind's keys), "[kind]" (a list of them), "presenters", "sections",
#: "approvals" (statements, each text or an approval mapping) or "quote-or-text". Every key of :data:`KEYS` has one.
SHAPES: dict[str, dict[str, str]] = {
    "outline": {"extends": "text", "workshop": "{workshop}", "presenters": "presenters", "ce": "{ce}",
                "objectives": "texts", "sections": "sections", "references": "texts", "theme": "{theme}",
                "quiz": "{quiz}", "deck": "{deck}", "handouts": "{handouts}"},
    "workshop": {"title": "text", "subtitle": "text", "audience": "text", "date": "date", "start": "clock",
                 "end": "clock", "location": "text", "clock": "text", "date_style": "text", "timezone": "text"},
    "presenter": {"name": "text", "credentials": "text", "email": "text", "phone": "text", "website": "text",
                  "signature": "text"},
    "ce": {"provider": "text", "approval": "text", "minutes_per_hour": "integer", "increment": "number",
           "hours": "number", "verify_url": "text", "unit": "text", "attendance": "{attendance}", "seal": "text",
           "email": "{email}", "approvals": "approvals"},
    "approval": {"statement": "text", "for": "texts"},
    "email": {"from": "text", "subject": "text", "body": "text"},
    "attendance": {"grace_minutes": "integer", "partial": "text"},
    "section": {"id": "text", "title": "text", "minutes": "minutes", "slides": "[slide]",
                "activities": "[activity]", "optional": "flag", "notes": "text", "goals": "texts",
                "handout": "{handout}"},
    "break": {"break": "text", "minutes": "minutes", "id": "text"},
    "slide": {"title": "text", "bullets": "bullets", "numbered": "bullets", "quote": "quote-or-text",
              "image": "{image}", "notes": "text", "minutes": "minutes", "layout": "text"},
    "quote": {"text": "text", "source": "text"},
    "image": {"path": "text", "alt": "text"},
    "activity": {"title": "text", "minutes": "minutes", "format": "text", "instructions": "text",
                 "materials": "texts", "debrief": "texts"},
    "handout": {"points": "texts", "prompts": "texts", "worksheet": "{worksheet}"},
    "worksheet": {"title": "text", "instructions": "text", "rows": "texts", "columns": "texts",
                  "lines": "minutes"},
    "theme": {"primary": "text", "accent": "text", "font": "text", "logo": "text", "template": "text",
              "name": "text", "layouts": "{layouts}"},
    "layouts": {"title": "text", "section": "text", "title_only": "text", "content": "text",
                "two_content": "text"},
    "quiz": {"pass_percent": "percent", "per_hour": "number", "questions": "[question]"},
    "question": {"ask": "text", "objective": "integer", "choices": "choices", "answer": "answer",
                 "explain": "text"},
    "deck": {"quiz": "flag", "dividers": "flag", "activity_slides": "flag", "closing": "flag",
             "end_matter": "text"},
    "handouts": {"slides": "flag"},
}

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
