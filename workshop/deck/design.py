"""The built-in design's constants and its decoration, shared by the slides (:mod:`workshop.deck.render`)
and the masters' layouts (:mod:`workshop.deck.masters`): which layout each kind of slide is made
from, the title band, and points as EMU.
"""

from __future__ import annotations

from workshop.deck.frame import BAR_MIN, DESIGN_MARGIN, EMU_PER_PT
from workshop.ooxml import DECK_NSMAP, element, sub

#: Which layout each kind of slide is made from: with a template, and without (python-pptx's own).
#: "body" is a slide with a body, "two" one with two columns; a template without one of these
#: layouts gets "Title Only" and text boxes instead.
DEFAULT_LAYOUTS = {"title": "Title Slide", "section": "Section Header", "break": "Section Header",
                   "statement": "Section Header",
                   "body": "Title and Content", "two": "Two Content", "other": "Title Only",
                   "closing": "Section Header"}
_BARRED = ("Title and Content", "Two Content", "Title Only")  # layouts that carry the title bar
_FULL_BLEED_LAYOUTS = ("Title Slide", "Section Header")


def emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


def decoration(colours, width: float, hero=None) -> dict:
    """The design's decoration, in the layouts: the title bar and its rule (the children of a
    ``p:spTree``), and full-bleed backgrounds (a ``p:bg``, under "bg:NAME"; in ``hero``'s primary
    when the full-bleed slides have a palette of their own)."""
    bar = element("p:spTree", nsmap=DECK_NSMAP)
    band(bar, colours, width, BAR_MIN, iter((3, 4)))
    found = {name: bar for name in _BARRED}
    for name in _FULL_BLEED_LAYOUTS:
        bg = element("p:bg", nsmap=DECK_NSMAP)
        pr = sub(bg, "p:bgPr")
        sub(sub(pr, "a:solidFill"), "a:srgbClr", {"val": (hero or colours).primary})
        sub(pr, "a:effectLst")
        found[f"bg:{name}"] = bg
    return found


def band(parent, colours, width: float, height: float, ids) -> None:
    """The title band of a content slide ``height`` high, into ``parent``: a bar in the primary
    with the accent's rule under it; or, open, a hairline in the primary under the title with a
    short accent rule on it, left, where the title starts."""
    if colours.title_background and colours.title_background == colours.background:
        rect(parent, next(ids), DESIGN_MARGIN, height - 1.5, width - 2 * DESIGN_MARGIN, 1.5, colours.primary,
             "Title rule")
        rect(parent, next(ids), DESIGN_MARGIN, height - 4.5, 96, 6, colours.accent, "Accent rule")
        return
    rect(parent, next(ids), 0, 0, width, height, colours.title_background or colours.primary, "Title bar")
    rect(parent, next(ids), 0, height, width, 6, colours.accent, "Accent rule")


def rect(parent, shape_id: int, x, y, w, h, colour: str, name: str) -> None:
    """A filled rectangle into ``parent``, decorative: an empty description keeps it out of screen readers."""
    sp = sub(parent, "p:sp")
    nv = sub(sp, "p:nvSpPr")
    sub(nv, "p:cNvPr", {"id": str(shape_id), "name": name, "descr": ""})
    sub(nv, "p:cNvSpPr")
    sub(nv, "p:nvPr", {"userDrawn": "1"})
    sp_pr = sub(sp, "p:spPr")
    xfrm(sp_pr, x, y, w, h)
    sub(sub(sp_pr, "a:prstGeom", {"prst": "rect"}), "a:avLst")
    sub(sub(sp_pr, "a:solidFill"), "a:srgbClr", {"val": colour})
    sub(sub(sp_pr, "a:ln"), "a:noFill")
    body = sub(sp, "p:txBody")
    sub(body, "a:bodyPr", {"rtlCol": "0", "anchor": "ctr"})
    sub(body, "a:lstStyle")
    sub(sub(body, "a:p"), "a:pPr", {"algn": "ctr"})


def xfrm(parent, x: float, y: float, w: float, h: float) -> None:
    """The place and size of a shape, into its ``spPr``."""
    at = sub(parent, "a:xfrm")
    sub(at, "a:off", {"x": str(emu(x)), "y": str(emu(y))})
    sub(at, "a:ext", {"cx": str(emu(w)), "cy": str(emu(h))})
