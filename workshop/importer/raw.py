"""What a deck says, slide by slide, as plain values: the reader's output, read by the importer.

Nothing here knows about outlines; nothing here holds a python-pptx object, so the step that
turns a deck into an outline can be tested on values written by hand.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Para:
    """One paragraph of text. ``level`` 0 is a top-level bullet; ``numbered`` is auto-numbering."""

    text: str
    level: int = 0
    numbered: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """The text of one shape, in reading order.

    ``role`` is "title", "subtitle" or "body" for placeholders, "text" for text boxes and other
    shapes, "table" for a table brought in row by row; ``name`` is the shape's name.
    """

    role: str
    name: str
    paras: tuple[Para, ...]
    box: tuple[int, int, int, int] | None = None  # left, top, width, height in EMU, where known


@dataclass(frozen=True)
class Picture:
    data: bytes
    ext: str  # png, jpg, gif, bmp, tiff, or another kind the deck cannot show (emf, wmf, ...)
    alt: str
    name: str
    box: tuple[int, int, int, int] | None = None  # left, top, width, height in EMU, where known
    background: bool = False  # fills the slide, behind its text


@dataclass
class RawSlide:
    number: int  # 1-based, as PowerPoint shows it
    layout: str  # the layout's name
    layout_type: str  # the layout's type: title, secHead, obj, twoObj, titleOnly, blank, ...
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    notes: str = ""
    hidden: bool = False
    #: What could not come in as text, each a phrase: "a chart", "a video", "animations".
    missing: list[str] = field(default_factory=list)
    #: What came in differently, each a phrase: "a table, as bullets".
    changed: list[str] = field(default_factory=list)
    #: Text that has no place in an outline (a wide table's rows), kept as comments at the slide.
    leftover: list[str] = field(default_factory=list)
    #: What the build makes itself and so is left out, each a phrase: "its slide number".
    furniture: list[str] = field(default_factory=list)

    @property
    def names(self) -> set[str]:
        return {b.name for b in self.blocks}

    def block(self, name: str) -> Block | None:
        return next((b for b in self.blocks if b.name == name), None)

    @property
    def text_blocks(self) -> list[Block]:
        """Every block but the subtitle, in reading order: what a content slide shows. A built
        deck's numbered cards ("Step 3") in the order of their numbers, which run down the columns."""
        blocks = [b for b in self.blocks if b.role != "subtitle" and b.paras]
        steps = [b for b in blocks if re.fullmatch(r"Step \d+", b.name)]
        if len(steps) > 1:
            order = iter(sorted(steps, key=lambda b: int(b.name.split()[1])))
            blocks = [next(order) if b in steps else b for b in blocks]
        return blocks


@dataclass
class RawDeck:
    slides: list[RawSlide]
    #: PowerPoint's own sections: each a name and the numbers of its slides, in order.
    sections: list[tuple[str, list[int]]]
    title: str  # the file's title property
    made_by_workshop: bool  # written by `workshop build` (its slides carry the shape names it gives)
    width: int
    height: int
