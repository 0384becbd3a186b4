"""The outline's own slides: one function per layout (a statement, a list, numbered steps as
cards, short points side by side, a quote, a picture alone or beside a list), chosen by
:func:`content_slide` from the layout the slide names or the body it has."""

from __future__ import annotations

from dataclasses import replace

from workshop import model as m
from workshop.deck import fit
from workshop.deck.blocks import (Planner, body_area, bullet_groups, hero, is_short, spread, text_area, title_area,
                                  title_bar, title_font, titled)
from workshop.deck.fit import Para
from workshop.deck.planned import (BODY, CENTRED, CONTINUED, GUTTER, HERO, LEAD, QUOTE_GLYPH, QUOTE_INSET, RHYTHM,
                                   SMALL, TITLE, Box, Mark, PlannedSlide)
from workshop.deck.words import quoted


def content_slide(plan: Planner, slide: m.Slide, seg) -> None:
    """One of the outline's slides, in the layout it names or the one its body suits."""
    notes = plan.notes(slide.notes, plan.cue(seg.start, seg.end))
    cont = plan.notes(plan.t(CONTINUED), plan.cue(seg.start, seg.end))
    body, layout = slide.body, slide.layout
    if layout == "auto":
        layout = "quote" if isinstance(body, m.Quote) else "statement" if body is None else layout
    if layout == "statement":
        statement_slide(plan, slide, notes)
    elif layout in ("image-left", "image-right") and isinstance(body, m.Bullets) and slide.image is not None:
        beside_slide(plan, slide, layout, notes, cont)
    elif isinstance(body, m.Bullets) and sequence_slide(plan, slide.title, body, notes, layout == "two-columns"):
        pass
    elif isinstance(body, m.Bullets):
        list_slide(plan, slide, layout, notes, cont)
    elif isinstance(body, m.Quote):
        quote_slide(plan, slide.title, body, notes, cont)
    elif isinstance(body, m.Image):
        picture_slide(plan, slide, notes)
    else:
        titled(plan, "content", slide.title, [], notes)


def list_slide(plan: Planner, slide: m.Slide, layout: str, notes: str, cont: str) -> None:
    """Bullets or a numbered list: a short list at the lead size, spread over the slide."""
    body = slide.body
    size = LEAD if layout != "two-columns" and is_short(plan, body.items, slide.title) else BODY
    groups = bullet_groups(body.items, body.numbered, size)
    titled(plan, "content", slide.title, spread(plan, groups, slide.title) if size == LEAD else groups, notes,
           cont, two=layout == "two-columns", balance=CENTRED if size == LEAD else None)


def beside_slide(plan: Planner, slide: m.Slide, layout: str, notes: str, cont: str) -> None:
    """A list with its picture beside it, on the side the layout names."""
    body = slide.body
    titled(plan, "image", slide.title, bullet_groups(body.items, body.numbered),
           plan.notes(notes, plan.t("Image: {alt}", alt=slide.image.alt)),
           plan.notes(cont, plan.t("Image: {alt}", alt=slide.image.alt)),
           image=slide.image, side=layout.split("-")[1], balance=0.5)


def picture_slide(plan: Planner, slide: m.Slide, notes: str) -> None:
    """A picture alone under the slide's title."""
    lines, bar = title_bar(plan, slide.title)
    x, y, w, h = body_area(plan, bar)
    plan.add(PlannedSlide("image", slide.title, title_font(plan, slide.title), lines, bar, (), image=slide.body,
                          image_box=(x, y + 8, w, h - 20),
                          notes=plan.notes(notes, plan.t("Image: {alt}", alt=slide.body.alt)),
                          title_box=title_area(plan, bar)))


def sequence_slide(plan: Planner, title: str, body: m.Bullets, notes: str, columns: bool = False,
                   lead: Para | None = None, kind: str = "content") -> bool:
    """Numbered steps as a sequence of cards: each step a tinted card with an accent edge and its
    number in the accent; up to four in one column, five to ten in two, rows of one height.
    Each card is a text box holding its numbered item, so the slide edits as text and reads
    back as the list. False when the list is not such a list or does not fit as one."""
    items = body.items
    if not body.numbered and not columns and row_slide(plan, title, body, notes):  # two columns as asked
        return True
    if not body.numbered or not 3 <= len(items) <= 10 or any(i.children for i in items):
        return False
    lines, bar = title_bar(plan, title)
    x, y, w, h = body_area(plan, bar)
    intro = []
    if lead is not None:  # a line above the cards, where the body's first line goes
        lead_h = fit.height([lead], w)
        intro = [Box(x, y + RHYTHM, w, lead_h, (lead,), name="Body")]
        y, h = y + lead_h + 12, h - lead_h - 12
    ncols = 1 if len(items) <= 4 else 2
    rows = -(-len(items) // ncols)
    column_w = (w - GUTTER * (ncols - 1)) / ncols
    pad, edge, gap = 14.0, 6.0, 8.0
    text_w = column_w - 2 * pad - edge
    # cards of one height where they fit, else each row as high as its longer step
    for size, even in ((LEAD, True), (LEAD, False), (BODY, True), (BODY, False)):
        paras = [Para(i.text, size, level=1, number=k + 1, marker="accent") for k, i in enumerate(items)]
        heights = [fit.height([p], text_w) for p in paras]
        row_h = [max(heights if even else heights[r::rows]) + 0.8 * size for r in range(rows)]
        total = sum(row_h) + gap * (rows - 1)
        if total <= h - RHYTHM:
            break
    else:
        return False
    top = y + min(RHYTHM, h - total)
    boxes, marks = intro, []
    for k, para in enumerate(paras):
        c, r = divmod(k, rows)  # numbered down the first column, then down the second
        cx, cy = x + c * (column_w + GUTTER), top + sum(row_h[:r]) + r * gap
        boxes.append(Box(cx + edge, cy, column_w - edge, row_h[r], (para,), name=f"Step {k + 1}",
                         anchor="middle", fill="tint", inset=pad))
        marks.append(Mark("rect", cx, cy, edge, row_h[r], "accent"))
    plan.add(PlannedSlide(kind, title, title_font(plan, title), lines, bar, tuple(boxes), notes=notes,
                          title_box=title_area(plan, bar), marks=tuple(marks)))
    return True


def row_slide(plan: Planner, title: str, body: m.Bullets, notes: str, kind: str = "content") -> bool:
    """Two to four short points side by side, each on a card of its own with an accent rule on
    top, at the lead size: a short list balanced across the slide. Each card is a text box
    holding its bullet. False when the points are too many or too long for cards."""
    items = body.items
    if not 2 <= len(items) <= 4 or any(i.children for i in items):
        return False
    lines, bar = title_bar(plan, title)
    x, y, w, h = body_area(plan, bar)
    n = len(items)
    gap, edge, pad = 24.0, 6.0, 18.0
    card_w = (w - gap * (n - 1)) / n
    paras = [Para(i.text, LEAD) for i in items]
    heights = [fit.height([p], card_w - 2 * pad) for p in paras]
    if max(heights) > 2 * LEAD * fit.LINE_PITCH:  # cards for phrases; sentences read better as a list
        return False
    # cards as tall as their text and its padding (1.6 in at least), the row balanced on the slide
    card_h = min(h - RHYTHM, max(max(heights) + 2 * pad + edge, 115.0))
    top = y + max(RHYTHM, (h - card_h) * CENTRED)
    boxes, marks = [], []
    for k, para in enumerate(paras):
        cx = x + k * (card_w + gap)
        boxes.append(Box(cx, top + edge, card_w, card_h - edge, (replace(para, space_before=0.0),),
                         name=f"Point {k + 1}", anchor="middle", fill="tint", inset=pad))
        marks.append(Mark("rect", cx, top, card_w, edge, "accent"))
    plan.add(PlannedSlide(kind, title, title_font(plan, title), lines, bar, tuple(boxes), notes=notes,
                          title_box=title_area(plan, bar), marks=tuple(marks)))
    return True


def statement_slide(plan: Planner, slide: m.Slide, notes: str) -> None:
    """One big sentence centred on a full-bleed slide: the title itself, or the slide's one
    bullet under its title as a small heading. Hero size when it takes three lines at most."""
    body = slide.body
    alone = not (isinstance(body, m.Bullets) and body.items)  # the title is the statement
    sentence = slide.title if alone else body.items[0].text
    width = plan.f.width - 2 * plan.hero_x
    size = HERO if len(Para(sentence, HERO, bold=True).lines(width)) <= 3 else LEAD
    big = [[Para(sentence, size, bold=True, role="inverse", align="center")]]
    if alone:
        stack = [("Title text", big, 0.0)]
    else:
        stack = [("Title text", [[Para(slide.title, SMALL, bold=True, role="inverse-muted", align="center")]], 0.0),
                 ("Statement", big, 16.0)]
    hero(plan, "statement", slide.title, stack, notes, centred=True)


def quote_slide(plan: Planner, title: str, quote: m.Quote, notes: str, cont: str) -> None:
    """The quote layout: a large quotation mark as decoration, the quote at the lead size beside
    it (at the body size when too long for that), the source beneath, balanced on the slide."""
    first = titled(plan, "quote", title, quote_body(plan, quote, title), notes, cont, columns=False,
                   inset=QUOTE_INSET, balance=0.5)
    slide = plan.slides[first]
    box = slide.boxes[0]
    w = QUOTE_INSET - 28
    mark = Mark("quote", box.x - QUOTE_INSET, box.y + 4, w, w * QUOTE_GLYPH[1] / QUOTE_GLYPH[0])
    plan.slides[first] = replace(slide, marks=(mark,))


def quote_body(plan: Planner, quote: m.Quote, title: str) -> list[list[Para]]:
    """The quote at the lead size, or at the body size when it is too long for that."""
    _, _, body_w, body_h, _ = text_area(plan, title_bar(plan, title)[1], None, "", QUOTE_INSET)
    short = len(quote.text.split()) <= 25  # a short quote is set large, a statement of its own
    for size in ((TITLE,) if short else ()) + (LEAD, BODY, SMALL):  # a long quote stays whole on its slide
        paras = [Para(quoted(quote.text, plan.w.language), size, italic=True)]  # the importer reads a quote back by its marks
        if quote.source:
            paras.append(Para(f"— {quote.source}", SMALL, role="accent", space_before=18))
        if fit.fits(paras, body_w, body_h):
            break
    return [paras]
