"""The outline an import will write, as plain values, with the comments that go beside them.

:func:`workshop.importer.interpret.draft_outline` makes a :class:`Draft` from a read deck;
:func:`workshop.importer.yamlout.outline_text` writes it. Every value a trainer should check
carries a comment; every slide keeps its number in the deck so the YAML can point back to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Item:
    text: str
    children: list[str] = field(default_factory=list)


@dataclass
class DraftSlide:
    title: str
    number: int  # the slide's number in the deck it came from
    items: list[Item] = field(default_factory=list)
    numbered: bool = False
    quote: tuple[str, str] | None = None  # text, source
    image: tuple[str, str] | None = None  # path relative to the outline, alt text
    layout: str = ""  # two-columns, image-left or image-right where the deck showed that
    notes: str = ""
    comments: list[str] = field(default_factory=list)
    minutes: int | None = None
    cue_minutes: int | None = None  # the minutes a built deck's timing line gave the slide


@dataclass
class DraftActivity:
    title: str
    minutes: int
    number: int
    format: str = ""
    instructions: str = ""
    materials: list[str] = field(default_factory=list)
    debrief: list[str] = field(default_factory=list)


@dataclass
class DraftSection:
    title: str
    number: int  # the slide it starts at (its section slide, or its first slide)
    minutes: int = 0
    minutes_comment: str = ""
    slides: list[DraftSlide] = field(default_factory=list)
    activities: list[DraftActivity] = field(default_factory=list)
    notes: str = ""
    goals: list[str] = field(default_factory=list)
    optional: bool = False
    id: str = ""  # written only when the title's own id is taken by an earlier section
    comments: list[str] = field(default_factory=list)


@dataclass
class DraftBreak:
    label: str
    minutes: int
    number: int
    comment: str = ""


@dataclass
class DraftPresenter:
    name: str
    credentials: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""


@dataclass
class DraftQuestion:
    ask: str
    answer: str  # the keyed choice's text, or "true" / "false"
    number: int  # the question slide's number in the deck
    choices: list[str] = field(default_factory=list)
    objective: int | None = None
    explain: str = ""


@dataclass
class Notice:
    """One line of the import report: something not brought in, or brought in differently."""

    number: int  # the slide, 0 for the deck as a whole
    kind: str  # "missing", "changed", "folded" (a slide the build makes itself), "check"
    text: str

    def __str__(self) -> str:
        return f"slide {self.number}: {self.text}" if self.number else self.text


@dataclass
class Draft:
    source: str  # the deck's file name, for the header comment
    slide_count: int
    title: str = ""
    title_comment: str = ""
    subtitle: str = ""
    date: str = ""  # ISO
    date_comment: str = ""
    start: str = ""  # HH:MM
    start_comment: str = ""
    location: str = ""
    presenters: list[DraftPresenter] = field(default_factory=list)
    presenters_comment: str = ""
    ce_provider: str = ""  # named on a built deck's title slide; written commented out
    title_extra: list[str] = field(default_factory=list)  # other lines of the title slide
    title_notes: str = ""  # the title slide's speaker notes: an outline has no place for them
    objectives: list[str] = field(default_factory=list)
    entries: list[DraftSection | DraftBreak] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    kept: list[tuple[int, str]] = field(default_factory=list)  # text of folded slides that no key holds
    questions: list[DraftQuestion] = field(default_factory=list)  # a built deck's quiz slides
    #: deck: options the deck shows were set ("quiz", "closing", ...), each with why, as a comment
    deck: dict[str, tuple[bool, str]] = field(default_factory=dict)
    #: theme: the source deck as the template (its path from the outline) and any layouts mapped
    template: str = ""
    layouts: dict[str, str] = field(default_factory=dict)
    template_problem: str = ""  # why the template is offered commented out, or ""
    pictures: dict[str, bytes] = field(default_factory=dict)  # path relative to the outline -> bytes
    notices: list[Notice] = field(default_factory=list)

    def notice(self, number: int, kind: str, text: str) -> None:
        self.notices.append(Notice(number, kind, text))

    @property
    def sections(self) -> list[DraftSection]:
        return [e for e in self.entries if isinstance(e, DraftSection)]
