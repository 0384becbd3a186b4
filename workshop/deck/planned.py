"""What a planned deck is made of: slides of text boxes, pictures and decoration, measured in
points on the slide, with the deck's type scale. :mod:`workshop.deck.plan` makes them; the renderer
and the handouts' miniatures draw them."""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop import model as m
from workshop.deck.fit import Para
from workshop.deck.frame import DESIGN_FOOTER_Y, DESIGN_H, DESIGN_W, Frame
from workshop.i18n import N_

# The built-in design's slide (the frame module keeps its geometry; a template's comes from the template).
SLIDE_W, SLIDE_H, FOOTER_Y = DESIGN_W, DESIGN_H, DESIGN_FOOTER_Y
GUTTER = 36.0  # between two columns
RHYTHM = 20.0  # the first line of a titled slide's body, this far under the top of its body area
CENTRED = 0.4  # a short list sits this share of the free room down its slide: balanced, a little high

# The type scale: one size per level, the whole deck over. Text that does not fit wraps, goes
# into two columns or continues on the next slide; no slide shrinks on its own.
HERO = 44.0  # titles of dividers, breaks and the closing slide
DISPLAY = 48.0  # the title slide's title: the largest text of the deck...
DISPLAY_LONG = 40.0  # ...or, when a long title would push the slide's details off it, this
TITLE = 36.0  # slide titles in the bar
TITLE_SIZES = (TITLE, 34.0, 32.0, 30.0)  # a long title keeps to one line, and its bar to one height, down to 30
LEAD = 28.0  # quotes, questions, and the time to be back from a break
BODY = 24.0  # bullets, numbered lists, the agenda, activity text
SMALL = 20.0  # sub-bullets, captions and timing lines, references, contact details
QUIZ_KINDS = ("quiz", "answer")  # a knowledge-check question and the slide that answers it
#: The note on a "(cont.)" slide; the guide leaves it out of its talking points.
CONTINUED = N_("Continued from the previous slide.")
#: How the note on a section's last slide begins when minutes are left to nothing (the guide says those once).
OPEN = N_("Then open time:")
QUOTE_INSET = 88.0  # the quote's text starts right of its mark


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    paras: tuple[Para, ...]
    name: str = "Body"
    anchor: str = "top"
    fill: str = ""  # a palette colour (see Palette.mark) the box is filled with, as a card; "" for none
    inset: float = 0.0  # the text's distance from the filled box's edges
    pad_top: float = 0.0  # and from its top, for text set at the top of a card


#: The quote layout's opening quotation mark, drawn as a shape (two "6"s, a round dot each with a
#: tail rising to the right) in a box QUOTE_GLYPH wide and high; y runs downwards.
_HALF = (("M", 0, 50), ("C", 0, 26, 12, 8, 34, 0), ("L", 38, 7), ("C", 24, 14, 18, 22, 20, 30),
         ("C", 31.05, 30, 40, 38.95, 40, 50), ("C", 40, 61.05, 31.05, 70, 20, 70), ("C", 8.95, 70, 0, 61.05, 0, 50),
         ("Z",))
QUOTE_GLYPH = (92.0, 70.0)
QUOTE_PATH = _HALF + tuple((op, *[v + (52 if k % 2 == 0 else 0) for k, v in enumerate(args)]) for op, *args in _HALF)


@dataclass(frozen=True)
class Mark:
    """A decorative shape the slide's layout draws: a rectangle, a dot (an ellipse, hollow when
    ``hollow``) or a glyph such as a large quotation mark. ``colour`` names a palette colour:
    accent, primary or muted; decoration never carries words a reader needs."""

    shape: str  # rect, dot, quote (the quotation mark of QUOTE_PATH)
    x: float
    y: float
    w: float
    h: float
    colour: str = "accent"
    hollow: bool = False


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
    accent_bar: tuple[float, float, float, float] | None = None  # beside the text of a full-bleed slide
    title_box: tuple[float, float, float, float] | None = None  # where a titled slide's title goes
    marks: tuple[Mark, ...] = ()  # the layout's decoration: a quote's mark, the agenda's timeline


@dataclass(frozen=True)
class Deck:
    title: str
    footer: str
    slides: tuple[PlannedSlide, ...] = field(default_factory=tuple)
    frame: Frame | None = None  # the slide size and areas the slides were planned in
