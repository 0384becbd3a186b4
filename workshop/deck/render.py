"""Write a planned deck as a .pptx file. Every size, position and line pitch comes from the plan;
nothing relies on autofit, so every application shows the same thing.

Each slide is written as PresentationML through lxml's element API, in the form python-pptx itself
would give it; ``deck.package`` puts the slides into the package around them.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace
from pathlib import Path

from workshop import model as m
from workshop.deck import fit
from workshop.deck.fit import Para
from workshop.deck.design import DEFAULT_LAYOUTS, band, emu, rect, xfrm
from workshop.deck.frame import EMU_PER_PT, layout_names
from workshop.deck.masters import NOTES_PAGE, bundled_master, design_parts
from workshop.deck.package import Layout, Media, Skeleton, SlideParts, skeleton, skeleton_from_master, write_package
from workshop.deck.plan import BAR_MIN, QUOTE_GLYPH, QUOTE_PATH, Box, Deck, Mark, PlannedSlide
from workshop.deck.scripts import east_asian_face, script_runs
from workshop.deck.template import template_problems
from workshop.errors import InputError
from workshop.ooxml import DECK_NSMAP, element, part_bytes, qn, sub
from workshop.typography import typeset

DEFAULT_FONT = "Calibri"
FULL_BLEED = {"title", "section", "break", "closing", "statement"}
#: One id for every slide-number field, as PowerPoint itself writes it: fields are told apart by slide.
_SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_ALIGN = {"left": "l", "right": "r", "center": "ctr"}


def _centipoints(points: float) -> int:
    """Points as the hundredths of a point that sizes and spacing are written in."""
    return int(points * EMU_PER_PT) // 127


# ---------------------------------------------------------------------------------------------
# The deck


def render_deck(deck: Deck, theme: m.Theme, when: dt.datetime) -> bytes:
    """The .pptx file for ``deck``, as bytes with fixed dates so equal input gives equal bytes.
    Raises :class:`InputError` when the theme's template cannot be built on."""
    if theme.template is not None:  # asked by the check phase already: this answer comes from its cache
        problems = template_problems(theme.template, theme.template_src, theme.layouts, theme.layouts_src)
        if problems:
            raise InputError(problems)
    frame = deck.frame
    size = (emu(frame.width), emu(frame.height))
    if theme.template:
        names = layout_names(theme)
        kinds = {"title": names["title"], "section": names["section"], "break": names["section"],
                 "statement": names["section"],
                 "closing": names["section"], "body": names["content"], "two": names["two_content"],
                 "other": names["title_only"]}
        package = skeleton(theme.template, size, kinds)
    elif (master := bundled_master(theme)) is not None:  # the bundled theme's own .pptx master
        package = skeleton_from_master(master, DEFAULT_LAYOUTS, NOTES_PAGE.read_text(encoding="utf-8"))
    else:  # the same design, made in the outline's own colours
        package = design_parts(theme)
    painter = _Painter(theme, deck, package)
    media = Media({name for name, _ in package.parts if name.startswith("ppt/media/")})
    slides = [painter.slide(planned, _layout(planned, package.layouts), media) for planned in deck.slides]
    return write_package(package, deck.title, slides, media, when)


def layout_role(planned: PlannedSlide) -> str:
    """The ``theme.layouts`` role of the layout ``planned`` is made from, as far as the template has it."""
    if planned.kind == "title":
        return "title"
    if planned.kind in FULL_BLEED:
        return "section"
    columns = sum(1 for b in planned.boxes if b.name.startswith("Body"))
    return {2: "two_content", 1: "content"}.get(columns, "title_only")


def _layout(planned: PlannedSlide, layouts: dict[str, Layout]) -> Layout:
    columns = sum(1 for b in planned.boxes if b.name.startswith("Body"))
    wanted = [planned.kind] if planned.kind in FULL_BLEED else []
    wanted += {2: ["two", "body"], 1: ["body"]}.get(columns, [])
    return next((layouts[k] for k in wanted if k in layouts), layouts["other"])


# ---------------------------------------------------------------------------------------------
# One slide


class _Painter:
    def __init__(self, theme: m.Theme, deck: Deck, skeleton: Skeleton):
        self.theme = theme
        self.deck = deck
        self.skeleton = skeleton
        self.templated = theme.template is not None
        self.font = theme.font or DEFAULT_FONT
        self.frame = deck.frame
        self.palette = deck.frame.palette
        size, lines = fit.fit_title(deck.footer, deck.frame.footer_w, (12.0, 11.0, 10.0), 1, face="sans")
        shown = lines[0] if len(lines) == 1 else lines[0].rstrip() + "…"
        self.footer_para = Para(shown, size, role="muted")

    def slide(self, planned: PlannedSlide, layout: Layout, media: Media) -> SlideParts:
        self.next_id = 2
        self.pictures: list[str] = []
        self.media = media
        ph = layout.placeholders
        self.palette = self.frame.palette_for(planned.kind)
        root = element("p:sld", nsmap=DECK_NSMAP)
        tree = sub(sub(root, "p:cSld"), "p:spTree")
        group = sub(tree, "p:nvGrpSpPr")
        sub(group, "p:cNvPr", {"id": "1", "name": ""})
        sub(group, "p:cNvGrpSpPr")
        sub(group, "p:nvPr")
        sub(tree, "p:grpSpPr")
        if not self.templated:
            self.decorations(tree, planned)
        for mark in planned.marks:
            self.mark(tree, mark)
        self.title(tree, planned, ph.get("title"))
        for box in planned.boxes:
            role = {"Body": "body", "Body 2": "body2"}.get(box.name)
            if box.name == "Title text":
                continue
            if role in ph:
                self.placeholder(tree, box, ph[role])
            else:
                self.text_box(tree, box)
        if planned.image is not None:
            x, y, w, h = planned.image_box
            self.picture(tree, planned.image.path, planned.image.alt, "Picture", (x, y, w, h), centre=True)
        if planned.kind == "title" and self.theme.logo is not None:
            self.logo(tree)
        if planned.kind not in FULL_BLEED:
            self.footer(tree, planned, ph)
        sub(sub(root, "p:clrMapOvr"), "a:masterClrMapping")
        notes = self.skeleton.notes(_notes_paragraphs(planned.notes))
        return SlideParts(part_bytes(root), notes, layout.target, self.pictures)

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def decorations(self, tree, planned: PlannedSlide) -> None:
        """What the layout's decoration cannot know: the accent bar beside a full-bleed slide's text,
        and a taller title bar for a title of several lines."""
        if planned.kind in FULL_BLEED:
            rect(tree, self.new_id(), *planned.accent_bar, self.palette.accent, "Accent")
        elif planned.bar_height > BAR_MIN:
            if self.palette.title_background == self.palette.background:  # the layout's rule would cross the title
                band_ids = (self.new_id(), self.new_id())
                rect(tree, self.new_id(), 0, BAR_MIN - 5, self.frame.width, 7, self.palette.background, "Background")
                band(tree, self.palette, self.frame.width, planned.bar_height, iter(band_ids))
            else:
                band(tree, self.palette, self.frame.width, planned.bar_height, iter(self.new_id, None))

    def mark(self, tree, mark: Mark) -> None:
        """One of the layout's decorative shapes, with an empty description for screen readers."""
        colour = self.palette.mark(mark.colour)
        if mark.shape == "rect":
            rect(tree, self.new_id(), mark.x, mark.y, mark.w, mark.h, colour, "Decoration")
            return
        sp = sub(tree, "p:sp")
        nv = sub(sp, "p:nvSpPr")
        sub(nv, "p:cNvPr", {"id": str(self.new_id()), "name": "Decoration", "descr": ""})
        sub(nv, "p:cNvSpPr")
        sub(nv, "p:nvPr", {"userDrawn": "1"})
        sp_pr = sub(sp, "p:spPr")
        xfrm(sp_pr, mark.x, mark.y, mark.w, mark.h)
        if mark.shape == "quote":
            gw, gh = QUOTE_GLYPH
            geometry = sub(sp_pr, "a:custGeom")
            for name in ("a:avLst", "a:gdLst", "a:ahLst", "a:cxnLst"):
                sub(geometry, name)
            sub(geometry, "a:rect", {"l": "0", "t": "0", "r": "r", "b": "b"})
            path = sub(sub(geometry, "a:pathLst"), "a:path", {"w": str(int(gw * 100)), "h": str(int(gh * 100))})
            for op, *args in QUOTE_PATH:
                _path_step(path, op, args)
            _fill(sp_pr, colour)
            return
        sub(sub(sp_pr, "a:prstGeom", {"prst": "ellipse"}), "a:avLst")
        if mark.hollow:
            sub(sub(sp_pr, "a:solidFill"), "a:srgbClr", {"val": self.palette.background})
            sub(sub(sub(sp_pr, "a:ln", {"w": str(emu(2.5))}), "a:solidFill"), "a:srgbClr", {"val": colour})
        else:
            _fill(sp_pr, colour)

    def title(self, tree, planned: PlannedSlide, ph) -> None:
        box = next((b for b in planned.boxes if b.name == "Title text"), None)
        if box is None:
            box = Box(*planned.title_box, (Para(planned.title, planned.title_size, bold=True, role="title"),),
                      anchor="middle")
        else:
            box = Box(box.x, box.y, box.w, box.h, (replace(box.paras[0], text=planned.title),), box.name)
        if ph is None:
            self.text_box(tree, box, name=f"TextBox {self.next_id - 1}")
        else:
            self.placeholder(tree, box, ph, "Title")

    def placeholder(self, tree, box: Box | None, ph, name: str | None = None, body=None) -> None:
        """``box`` written into the layout's placeholder ``ph`` (its ``<p:ph>`` attributes), at the
        plan's place unless ``box`` is None; ``body`` writes the text body, when given."""
        sp = sub(tree, "p:sp")
        nv = sub(sp, "p:nvSpPr")
        sub(nv, "p:cNvPr", {"id": str(self.new_id()), "name": name or box.name})
        sub(sub(nv, "p:cNvSpPr"), "a:spLocks", {"noGrp": "1"})
        sub(sub(nv, "p:nvPr"), "p:ph", dict(ph))
        sp_pr = sub(sp, "p:spPr")
        if box is not None:
            xfrm(sp_pr, box.x, box.y, box.w, box.h)
        if body is not None:
            body(sp)
        else:
            self.body(sp, box)

    def footer(self, tree, planned: PlannedSlide, ph) -> None:
        """The footer and the slide number (a field, so it follows the slide when slides move), in
        the layout's placeholders; a template's keep the template's own place and style."""
        number = Para(str(planned.number), 12.0, role="muted", align="right")
        if self.templated:  # the template's place and size; a colour that reads on what is behind it
            def props(run, colour: str, size: float = 12.0) -> None:
                r_pr = sub(run, "a:rPr", {"lang": "en-US", "sz": str(_centipoints(size))})
                sub(sub(r_pr, "a:solidFill"), "a:srgbClr", {"val": colour})
                sub(r_pr, "a:latin", {"typeface": self.font})

            f = self.frame
            shown = self.footer_para  # shortened to one line of the template's footer box

            def footer_body(sp) -> None:
                run = sub(_plain_body(sp), "a:r")
                props(run, f.footer_ink, shown.size)
                sub(run, "a:t", text=shown.text)

            def number_body(align: str = ""):
                def write(sp) -> None:
                    run = _field(_plain_body(sp, align))
                    props(run, f.number_ink)
                    sub(run, "a:t", text=str(planned.number))
                return write

            # a template without footer placeholders, or with ones that have no place on the slide:
            # the footer line the frame keeps free, at the bottom left and right
            footer_at = Box(f.margin, f.footer_y + 4, f.footer_w, 20, (), name="Footer")
            number_at = Box(f.width - f.margin - 48, f.footer_y + 4, 48, 20, (), name="Slide number")
            for key, rect_at, at, body in (("footer", f.footer_rect, footer_at, footer_body),
                                           ("number", f.number_rect, number_at, number_body())):
                if key == "number" and (rect_at is None or key not in ph):
                    body = number_body("r")
                if key == "number" and rect_at is not None and f.number_moved:  # kept clear of a brand mark
                    at = Box(rect_at.x, rect_at.y, rect_at.w, rect_at.h, (), name=at.name)
                    rect_at = None
                if key in ph:
                    self.placeholder(tree, None if rect_at is not None else at, ph[key], at.name, body)
                else:
                    self.text_box(tree, at, body=body)
            return
        f = self.frame
        footer = Box(f.margin, f.footer_y + 6, 720, 20, (self.footer_para,), name="Footer")
        count = Box(f.width - f.margin - 80, f.footer_y + 6, 80, 20, (number,), name="Slide number")
        if "footer" in ph:
            self.placeholder(tree, footer, ph["footer"])
        else:
            self.text_box(tree, footer)

        def count_body(sp) -> None:
            self.body(sp, count, field=True)
        if "number" in ph:
            self.placeholder(tree, count, ph["number"], body=count_body)
        else:
            self.text_box(tree, count)

    def text_box(self, tree, box: Box, name: str | None = None, body=None) -> None:
        sp = sub(tree, "p:sp")
        nv = sub(sp, "p:nvSpPr")
        sub(nv, "p:cNvPr", {"id": str(self.new_id()), "name": name or box.name})
        sub(nv, "p:cNvSpPr", {"txBox": "1"})
        sub(nv, "p:nvPr")
        sp_pr = sub(sp, "p:spPr")
        xfrm(sp_pr, box.x, box.y, box.w, box.h)
        sub(sub(sp_pr, "a:prstGeom", {"prst": "rect"}), "a:avLst")
        if box.fill:
            _fill(sp_pr, self.palette.mark(box.fill))
        else:
            sub(sp_pr, "a:noFill")
        if body is not None:
            body(sp)
        else:
            self.body(sp, box)

    def body(self, sp, box: Box, field: bool = False) -> None:
        """``box``'s paragraphs as ``sp``'s text body; with ``field``, each paragraph's text is the slide number field."""
        anchor = "ctr" if box.anchor == "middle" else "t"
        ins = str(emu(box.inset) if box.inset else 0)
        tx_body = sub(sp, "p:txBody")
        sub(sub(tx_body, "a:bodyPr", {"wrap": "square", "lIns": ins, "rIns": ins, "tIns": str(emu(box.pad_top)),
                                      "bIns": "0", "anchor": anchor}), "a:noAutofit")
        sub(tx_body, "a:lstStyle")
        for para in box.paras:
            self.paragraph(tx_body, para, field)
        if not box.paras:
            sub(tx_body, "a:p")

    def paragraph(self, tx_body, para: Para, field: bool = False) -> None:
        hang = f"-{emu(para.hang)}" if para.hang and not para.continued else "0"
        marker = self.palette.text(para.marker) if para.marker and para.level and not para.continued else None
        if para.continued or not para.level:
            bullet = None
        elif para.number is not None:
            bullet = ("+mj-lt", "", str(para.number))
        else:
            bullet = ("Arial", "•" if para.level == 1 else "–", "")
        p = sub(tx_body, "a:p")
        p.append(_paragraph_props(str(max(0, para.level - 1)), _ALIGN[para.align], str(emu(para.indent)),
                                           hang, str(_centipoints(para.size * fit.LINE_PITCH)),
                                           str(_centipoints(para.space_before)), marker, bullet,
                                           str(emu(para.tab)) if para.tab else "").__copy__())
        if field:
            run = _field(p)
            self.run_props(run, para)
            sub(run, "a:t", text=para.text)
            return
        for piece, lang in script_runs(para.text):  # East Asian text in runs of its own
            run = sub(p, "a:r")
            self.run_props(run, para, lang)
            sub(run, "a:t", text=piece)

    def run_props(self, run, para: Para, lang: str = "") -> None:
        """A run's properties; an East Asian run (``lang``, see :func:`script_runs`) names its language and face."""
        run.append(_run_props(str(_centipoints(para.size)), str(int(para.bold)), str(int(para.italic)),
                              self.palette.text(para.role), self.font, lang).__copy__())

    def picture(self, tree, path: Path, alt: str, name: str, box: tuple[float, float, float, float],
                centre: bool) -> None:
        """The picture at ``path``, as large as fits ``box``: centred in it, or in its top-right corner."""
        part, iw, ih = self.media.add(path)
        if part not in self.pictures:
            self.pictures.append(part)
        rel_id = f"rId{2 + self.pictures.index(part)}"
        x, y, w, h = box
        scale = min(w / iw, h / ih)
        pw, ph = iw * scale, ih * scale
        left, top = (x + (w - pw) / 2, y + (h - ph) / 2) if centre else (x + w - pw, y)
        pic = sub(tree, "p:pic")
        nv = sub(pic, "p:nvPicPr")
        sub(nv, "p:cNvPr", {"id": str(self.new_id()), "name": name, "descr": alt})
        sub(sub(nv, "p:cNvPicPr"), "a:picLocks", {"noChangeAspect": "1"})
        sub(nv, "p:nvPr")
        blip_fill = sub(pic, "p:blipFill")
        sub(blip_fill, "a:blip", {qn("r:embed"): rel_id})
        sub(sub(blip_fill, "a:stretch"), "a:fillRect")
        sp_pr = sub(pic, "p:spPr")
        xfrm(sp_pr, left, top, pw, ph)
        sub(sub(sp_pr, "a:prstGeom", {"prst": "rect"}), "a:avLst")

    def logo(self, tree) -> None:
        """The organization's logo in the title slide's top-right corner, at most 180 x 72 pt."""
        f = self.frame
        self.picture(tree, self.theme.logo, "Logo", "Logo", (f.width - f.margin - 180, 36, 180, 72), centre=False)


# A deck repeats a few kinds of paragraph many times: their properties are made once and copied
# (an lxml element's __copy__ is a deep copy),
# which is about twice as fast as making the elements afresh.


@functools.lru_cache(maxsize=256)
def _paragraph_props(level: str, align: str, margin: str, indent: str, pitch: str, before: str,
                     marker: str | None, bullet: tuple[str, str, str] | None, tab: str):
    """A paragraph's ``a:pPr``: its level, place, line pitch and space before, and its bullet
    (None: none; else the bullet's face and its character, or the number it counts from)."""
    # lvl: the outline level PowerPoint's outline view and "Reset slide" go by
    p_pr = element("a:pPr", {"lvl": level, "algn": align, "marL": margin, "indent": indent})
    sub(sub(p_pr, "a:lnSpc"), "a:spcPts", {"val": pitch})
    sub(sub(p_pr, "a:spcBef"), "a:spcPts", {"val": before})
    sub(sub(p_pr, "a:spcAft"), "a:spcPts", {"val": "0"})
    if marker:
        sub(sub(p_pr, "a:buClr"), "a:srgbClr", {"val": marker})
    if bullet is None:
        sub(p_pr, "a:buNone")
    else:
        face, char, start = bullet
        sub(p_pr, "a:buFont", {"typeface": face})
        if char:
            sub(p_pr, "a:buChar", {"char": char})
        else:
            sub(p_pr, "a:buAutoNum", {"type": "arabicPeriod", "startAt": start})
    if tab:
        sub(sub(p_pr, "a:tabLst"), "a:tab", {"pos": tab, "algn": "l"})
    return p_pr


@functools.lru_cache(maxsize=256)
def _run_props(size: str, bold: str, italic: str, colour: str, font: str, lang: str = ""):
    """A run's ``a:rPr``; cap="none": a layout's all-caps would outgrow the measured width. An East
    Asian run names its language and its face (with the face's character set)."""
    r_pr = element("a:rPr", {**({"lang": lang} if lang else {}), "sz": size, "b": bold, "i": italic, "cap": "none"})
    sub(sub(r_pr, "a:solidFill"), "a:srgbClr", {"val": colour})
    sub(r_pr, "a:latin", {"typeface": font})
    if lang:
        face, charset = east_asian_face(lang)
        sub(r_pr, "a:ea", {"typeface": face, "pitchFamily": "34", "charset": str(charset)})
    return r_pr


def _path_step(path, op: str, args) -> None:
    """One step of a custom shape's path, in hundredths of the path's units."""
    step = sub(path, {"M": "a:moveTo", "L": "a:lnTo", "C": "a:cubicBezTo", "Z": "a:close"}[op])
    for k in range(0, len(args), 2):
        sub(step, "a:pt", {"x": str(round(args[k] * 100)), "y": str(round(args[k + 1] * 100))})


def _fill(sp_pr, colour: str) -> None:
    """A solid fill in ``colour`` and no outline."""
    sub(sub(sp_pr, "a:solidFill"), "a:srgbClr", {"val": colour})
    sub(sub(sp_pr, "a:ln"), "a:noFill")


def _field(p):
    """The slide number field in paragraph ``p``; its run properties and text go into what is returned."""
    return sub(p, "a:fld", {"id": _SLIDE_NUMBER_FIELD, "type": "slidenum"})


def _plain_body(sp, align: str = ""):
    """A text body that takes everything but its text (and ``align``, when given) from the layout;
    returns its paragraph."""
    tx_body = sub(sp, "p:txBody")
    sub(tx_body, "a:bodyPr")
    sub(tx_body, "a:lstStyle")
    p = sub(tx_body, "a:p")
    if align:
        sub(p, "a:pPr", {"algn": align})
    return p


def _notes_paragraphs(notes: str) -> list:
    """Speaker notes as paragraphs, one per line; a blank line is an empty paragraph."""
    paragraphs = []
    for line in notes.split("\n"):
        p = element("a:p")
        if line:
            sub(sub(p, "a:r"), "a:t", text=typeset(line))
        paragraphs.append(p)
    return paragraphs
