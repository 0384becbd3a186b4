"""The workshop as every builder sees it: frozen, typed values with no I/O.

The loader makes these from an outline; the schedule adds clock times; builders read both.
Positions (``src``) are kept on the values a later check may need to point at.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from workshop.errors import Src
from workshop.i18n import N_

_NOWHERE = Src("<outline>")


@dataclass(frozen=True)
class Presenter:
    name: str
    credentials: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    signature: Path | None = None

    @property
    def display_name(self) -> str:
        """Name with credentials, as printed under a title: "Dawn Allred, LPC, MAC"."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


@dataclass(frozen=True)
class AttendanceRule:
    """How presence in attendance reports becomes hours (``ce.attendance``)."""

    grace_minutes: int = 0  # instructional minutes one may miss and still earn the full award
    partial: str = "none"  # "prorate": hours for the minutes present; "none": no certificate
    src: Src = _NOWHERE


@dataclass(frozen=True)
class Approval:
    """One approver's statement (``ce.approvals``), printed whole on the certificates it applies to."""

    statement: str
    licences: tuple[str, ...] = ()  # ``for:``: only licences starting with one of these words; () for all
    src: Src = _NOWHERE
    where: str = "ce.approvals"  # its place in the outline, as messages name it

    @property
    def labelled(self) -> str:
        """The statement as a page for everyone prints it: "For LCSW, LMSW: ..." when it has ``for``."""
        return self.labelled_in("en")

    def labelled_in(self, language: str) -> str:
        """:attr:`labelled` in ``language``: "Para LCSW, LMSW: ..."."""
        from workshop.i18n import tr

        return (tr(language, "For {licences}: {statement}", licences=", ".join(self.licences), statement=self.statement)
                if self.licences else self.statement)

    def applies_to(self, licence: str) -> bool:
        """True for every licence when the statement names none; otherwise when the licence's text
        starts with one of the named words, in any case, as a whole word ("LCSW 123", "lcsw-c")."""
        if not self.licences:
            return True
        head = licence.strip().casefold()
        return any(head.startswith(word.casefold()) and not head[len(word):len(word) + 1].isalnum()
                   for word in self.licences)


#: What a certificate e-mail's subject and body may name: ``{name}`` and so on.
EMAIL_FIELDS = ("name", "title", "hours", "unit", "id", "verify_url", "date", "provider")


@dataclass(frozen=True)
class Email:
    """``ce.email``: the message each certified attendee is sent with their certificate."""

    sender: str = ""  # "Sunrise CE <ce@example.org>"; WORKSHOP_SMTP_USER when not written
    subject: str = N_("Your certificate: {title}")
    body: str = ""  # "" for the plain default (see workshop.send)
    src: Src = _NOWHERE


@dataclass(frozen=True)
class CE:
    provider: str = ""
    approvals: tuple[Approval, ...] = ()  # in the order written; ``ce.approval`` is the one-statement form
    minutes_per_hour: int = 60
    increment: Decimal = Decimal("0.25")
    hours: Decimal | None = None
    verify_url: str = ""
    unit: str = N_("CE hours")  # the board's word for the hours, printed after the number everywhere
    src: Src = _NOWHERE
    hours_src: Src = _NOWHERE
    attendance: AttendanceRule | None = None
    seal: Path | None = None  # the provider's seal, printed on certificates
    email: Email = field(default_factory=Email)

    def approvals_for(self, licence: str) -> tuple[Approval, ...]:
        """The statements a certificate for ``licence`` prints, in the order written."""
        return tuple(a for a in self.approvals if a.applies_to(licence))


@dataclass(frozen=True)
class Item:
    """One list entry; ``children`` is its second level (bullets go two levels deep)."""

    text: str
    children: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Quote:
    text: str
    source: str = ""


@dataclass(frozen=True)
class Image:
    path: Path
    alt: str


Body = Bullets | Quote | Image

#: The layouts a slide may name with ``layout:``.
LAYOUTS = ("auto", "statement", "quote", "image-left", "image-right", "two-columns")


@dataclass(frozen=True)
class Slide:
    title: str
    body: Body | None = None
    notes: str = ""
    minutes: int | None = None
    layout: str = "auto"  # one of LAYOUTS; "auto" chooses from the content
    image: Image | None = None  # a picture beside the bullets (layout image-left or image-right)
    src: Src = _NOWHERE


@dataclass(frozen=True)
class Activity:
    title: str
    minutes: int
    format: str = ""
    instructions: str = ""
    materials: tuple[str, ...] = ()
    debrief: tuple[str, ...] = ()
    src: Src = _NOWHERE


@dataclass(frozen=True)
class Handout:
    """Handout-only material for a section: extra points, reflection prompts, a worksheet."""

    points: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    worksheet: Worksheet | None = None


@dataclass(frozen=True)
class Worksheet:
    title: str
    instructions: str = ""
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    lines: int = 0


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    minutes: int
    slides: tuple[Slide, ...] = ()
    activities: tuple[Activity, ...] = ()
    optional: bool = False
    notes: str = ""
    goals: tuple[str, ...] = ()
    handout: Handout = field(default_factory=Handout)
    src: Src = _NOWHERE
    minutes_src: Src = _NOWHERE


@dataclass(frozen=True)
class Break:
    id: str
    label: str
    minutes: int
    src: Src = _NOWHERE

    @property
    def title(self) -> str:
        return self.label


Entry = Section | Break


@dataclass(frozen=True)
class Theme:
    primary: str = "1F4E79"
    accent: str = "B45309"
    font: str = ""
    logo: Path | None = None
    template: Path | None = None
    src: Src = _NOWHERE
    template_src: Src = _NOWHERE  # where theme.template was written
    name: str = ""  # the bundled theme it starts from (templates/<name>/), "" for none
    print_ink: str = ""  # the bundled theme's colour for headings on paper (its theme.yaml's print), "" to derive it
    layouts: tuple[tuple[str, str], ...] = ()  # (role, layout name in the template): theme.layouts
    layouts_src: tuple[tuple[str, Src], ...] = ()  # where each of those was written


@dataclass(frozen=True)
class Question:
    """One knowledge-check question: multiple choice, or true/false when it has no ``choices``."""

    ask: str
    answer: str  # one of :attr:`options`: the keyed choice, or "True"/"False"
    choices: tuple[str, ...] = ()
    objective: int | None = None  # 1-based number of the learning objective it checks
    explain: str = ""
    src: Src = _NOWHERE

    @property
    def true_false(self) -> bool:
        return not self.choices

    @property
    def options(self) -> tuple[str, ...]:
        """What a learner chooses from, in order; a true/false question's are True and False."""
        return self.choices or ("True", "False")

    @property
    def key(self) -> int:
        """The 0-based position of the answer among :attr:`options`."""
        return self.options.index(self.answer)


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    pass_percent: Decimal | None = None  # with roster scores: below it, no certificate
    per_hour: Decimal | None = None  # questions wanted per CE hour (a warning when fewer)
    src: Src = _NOWHERE


@dataclass(frozen=True)
class DeckOptions:
    quiz: bool = False  # question slides, each followed by its answer
    dividers: bool = True  # a full-bleed slide opening each section
    activity_slides: bool = True  # a slide for each activity, and one for its debrief questions
    closing: bool = True  # the "Stay in touch" slide with the presenters' contact details
    end_matter: str = "before"  # references, quiz and contact slides before the presenter's own last slide, or after
    src: Src = _NOWHERE


@dataclass(frozen=True)
class HandoutOptions:
    slides: bool = True  # miniatures of the content slides, with lines for notes
    src: Src = _NOWHERE


@dataclass(frozen=True)
class Workshop:
    title: str
    source: Path
    subtitle: str = ""
    audience: str = ""
    date: dt.date | None = None
    start: int = 9 * 60
    end: int | None = None
    location: str = ""
    presenters: tuple[Presenter, ...] = ()
    ce: CE | None = None
    objectives: tuple[str, ...] = ()
    sections: tuple[Entry, ...] = ()
    references: tuple[str, ...] = ()
    theme: Theme = field(default_factory=Theme)
    quiz: Quiz | None = None
    deck: DeckOptions = field(default_factory=DeckOptions)
    handouts: HandoutOptions = field(default_factory=HandoutOptions)
    end_src: Src = _NOWHERE
    clock: str = "24h"  # how outputs print times: "24h" (18:30) or "12h" (6:30 PM)
    date_style: str = ""  # how outputs print dates (schedule.DATE_STYLES); "" when not written
    language: str = "en"  # the language of every label the outputs print (workshop.i18n.languages())
    timezone: str | None = None  # IANA name (America/New_York): printed beside clock times; None when not written

    @property
    def slug(self) -> str:
        name = self.source.name
        return name[:-5] if name.endswith(".yaml") else self.source.stem
