"""Write a planned deck as a .pptx file. Every size, position and line pitch comes from the plan;
nothing relies on autofit, so every application shows the same thing.

Each slide is written as PresentationML text, in the form python-pptx itself would give it;
``deck.package`` puts the slides into the package around them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from workshop import model as m
from workshop.deck import fit
from workshop.deck.fit import Para
from workshop.deck.package import (NSDECLS, XML_HEAD, Layout, Media, Skeleton, SlideParts, attr, skeleton,
                                    skeleton_from_master, text, write_package)
from workshop.deck.frame import DESIGN_MARGIN, layout_names
from workshop.deck.masters import NOTES_PAGE, bundled_master, design_parts
from workshop.deck.plan import BAR_MIN, QUOTE_GLYPH, QUOTE_PATH, Box, Deck, Mark, PlannedSlide
from workshop.deck.scripts import east_asian_face, script_runs
from workshop.deck.template import template_problems
from workshop.errors import InputError
from workshop.typography import typeset

EMU_PER_PT = 12700
DEFAULT_FONT = "Calibri"
FULL_BLEED = {"title", "section", "break", "closing", "statement"}
#: Which layout each kind of slide is made from: with a template, and without (python-pptx's own).
#: "body" is a slide with a body, "two" one with two columns; a template without one of these
#: layouts gets "Title Only" and text boxes instead.
_DEFAULT_LAYOUTS = {"title": "Title Slide", "section": "Section Header", "break": "Section Header",
                    "statement": "Section Header",
                    "body": "Title and Content", "two": "Two Content", "other": "Title Only",
                    "closing": "Section Header"}
_BARRED = ("Title and Content", "Two Content", "Title Only")  # layouts that carry the title bar
_FULL_BLEED_LAYOUTS = ("Title Slide", "Section Header")
#: One id for every slide-number field, as PowerPoint itself writes it: fields are told apart by slide.
_SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_ALIGN = {"left": "l", "right": "r", "center": "ctr"}


def emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


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
        package = skeleton_from_master(master, _DEFAULT_LAYOUTS, NOTES_PAGE.read_text(encoding="utf-8"))
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


def _decoration(colours, width: float, hero=None) -> dict[str, str]:
    """The design's decoration, in the layouts: the title bar and its rule, and full-bleed
    backgrounds (in ``hero``'s primary when the full-bleed slides have a palette of their own)."""
    bar = "".join(_band(colours, width, BAR_MIN, iter((3, 4))))
    fill = (f'<p:bgPr><a:solidFill><a:srgbClr val="{(hero or colours).primary}"/></a:solidFill>'
            f'<a:effectLst/></p:bgPr>')
    return {**{name: bar for name in _BARRED}, **{f"bg:{name}": fill for name in _FULL_BLEED_LAYOUTS}}


def _band(colours, width: float, height: float, ids) -> list[str]:
    """The title band of a content slide ``height`` high: a bar in the primary with the accent's
    rule under it; or, open, a hairline in the primary under the title with a short accent rule
    on it, left, where the title starts."""
    if colours.title_background and colours.title_background == colours.background:
        return [_rect(next(ids), DESIGN_MARGIN, height - 1.5, width - 2 * DESIGN_MARGIN, 1.5, colours.primary, "Title rule"),
                _rect(next(ids), DESIGN_MARGIN, height - 4.5, 96, 6, colours.accent, "Accent rule")]
    return [_rect(next(ids), 0, 0, width, height, colours.title_background or colours.primary, "Title bar"),
            _rect(next(ids), 0, height, width, 6, colours.accent, "Accent rule")]


def _rect(shape_id: int, x, y, w, h, colour: str, name: str) -> str:
    """A filled rectangle, decorative: an empty description keeps it out of screen readers."""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}" descr=""/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
            f'</p:nvSpPr><p:spPr>{_xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>'
            f'<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p>'
            f'</p:txBody></p:sp>')


# ---------------------------------------------------------------------------------------------
# One slide


class _Painter:
    def __init__(self, theme: m.Theme, deck: Deck, skeleton: Skeleton):
        self.theme = theme
        self.deck = deck
        self.skeleton = skeleton
        self.templated = theme.template is not None
        self.font = attr(theme.font or DEFAULT_FONT)
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
        shapes = [] if self.templated else self.decorations(planned)
        shapes += [self.mark(mark) for mark in planned.marks]
        shapes.append(self.title(planned, ph.get("title")))
        for box in planned.boxes:
            role = {"Body": "body", "Body 2": "body2"}.get(box.name)
            if box.name == "Title text":
                continue
            shapes.append(self.placeholder(box, ph[role]) if role in ph else self.text_box(box))
        if planned.image is not None:
            x, y, w, h = planned.image_box
            shapes.append(self.picture(planned.image.path, planned.image.alt, "Picture", (x, y, w, h), centre=True))
        if planned.kind == "title" and self.theme.logo is not None:
            shapes.append(self.logo())
        if planned.kind not in FULL_BLEED:
            shapes += self.footer(planned, ph)
        xml = (f'{XML_HEAD}<p:sld {NSDECLS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/>'
               f'<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>{"".join(shapes)}</p:spTree></p:cSld>'
               f'<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')
        notes = self.skeleton.notes_head + _notes_paragraphs(planned.notes) + self.skeleton.notes_tail
        return SlideParts(xml, notes, layout.target, self.pictures)

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def decorations(self, planned: PlannedSlide) -> list[str]:
        """What the layout's decoration cannot know: the accent bar beside a full-bleed slide's text,
        and a taller title bar for a title of several lines."""
        if planned.kind in FULL_BLEED:
            return [_rect(self.new_id(), *planned.accent_bar, self.palette.accent, "Accent")]
        if planned.bar_height > BAR_MIN:
            ids = iter(lambda: self.new_id(), None)
            if self.palette.title_background == self.palette.background:  # the layout's rule would cross the title
                ids_used = _band(self.palette, self.frame.width, planned.bar_height, ids)
                cover = _rect(self.new_id(), 0, BAR_MIN - 5, self.frame.width, 7, self.palette.background, "Background")
                return [cover] + ids_used
            return _band(self.palette, self.frame.width, planned.bar_height, ids)
        return []

    def mark(self, mark: Mark) -> str:
        """One of the layout's decorative shapes, with an empty description for screen readers."""
        colour = self.palette.mark(mark.colour)
        if mark.shape == "quote":
            gw, gh = QUOTE_GLYPH
            path = "".join(_path_step(op, args) for op, *args in QUOTE_PATH)
            return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self.new_id()}" name="Decoration" descr=""/><p:cNvSpPr/>'
                    f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{_xfrm(mark.x, mark.y, mark.w, mark.h)}'
                    f'<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/>'
                    f'<a:pathLst><a:path w="{int(gw * 100)}" h="{int(gh * 100)}">{path}</a:path></a:pathLst></a:custGeom>'
                    f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>')
        if mark.shape == "rect":
            return _rect(self.new_id(), mark.x, mark.y, mark.w, mark.h, colour, "Decoration")
        fill = (f'<a:solidFill><a:srgbClr val="{self.palette.background}"/></a:solidFill>'
                f'<a:ln w="{emu(2.5)}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:ln>'
                if mark.hollow else f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln>')
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self.new_id()}" name="Decoration" descr=""/><p:cNvSpPr/>'
                f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{_xfrm(mark.x, mark.y, mark.w, mark.h)}'
                f'<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>{fill}</p:spPr></p:sp>')

    def title(self, planned: PlannedSlide, ph: str | None) -> str:
        box = next((b for b in planned.boxes if b.name == "Title text"), None)
        if box is None:
            box = Box(*planned.title_box, (Para(planned.title, planned.title_size, bold=True, role="title"),),
                      anchor="middle")
        else:
            box = Box(box.x, box.y, box.w, box.h, (replace(box.paras[0], text=planned.title),), box.name)
        if ph is None:
            return self.text_box(box, name=f"TextBox {self.next_id - 1}")
        return self.placeholder(box, ph, "Title")

    def placeholder(self, box: Box, ph: str, name: str | None = None, body: str | None = None) -> str:
        """``box`` written into the layout's placeholder ``ph``, at the plan's place unless ``box`` is None."""
        sp_pr = f"<p:spPr>{_xfrm(box.x, box.y, box.w, box.h)}</p:spPr>" if box is not None else "<p:spPr/>"
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self.new_id()}" name="{attr(name or box.name)}"/>'
                f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{ph}/></p:nvPr></p:nvSpPr>'
                f'{sp_pr}{body or self.body(box)}</p:sp>')

    def footer(self, planned: PlannedSlide, ph: dict[str, str]) -> list[str]:
        """The footer and the slide number (a field, so it follows the slide when slides move), in
        the layout's placeholders; a template's keep the template's own place and style."""
        number = Para(str(planned.number), 12.0, role="muted", align="right")
        field = f'<a:fld id="{_SLIDE_NUMBER_FIELD}" type="slidenum">RPR<a:t>{planned.number}</a:t></a:fld>'
        if self.templated:  # the template's place and size; a colour that reads on what is behind it
            def props(colour: str, size: float = 12.0) -> str:
                return (f'<a:rPr lang="en-US" sz="{_centipoints(size)}"><a:solidFill><a:srgbClr val="{colour}"/>'
                        f'</a:solidFill><a:latin typeface="{self.font}"/></a:rPr>')
            f = self.frame
            shown = self.footer_para  # shortened to one line of the template's footer box
            footer_body = _plain_body(f"<a:r>{props(f.footer_ink, shown.size)}<a:t>{text(shown.text)}</a:t></a:r>")
            number_run = field.replace("RPR", props(f.number_ink))
            # a template without footer placeholders, or with ones that have no place on the slide:
            # the footer line the frame keeps free, at the bottom left and right
            footer_at = Box(f.margin, f.footer_y + 4, f.footer_w, 20, (), name="Footer")
            number_at = Box(f.width - f.margin - 48, f.footer_y + 4, 48, 20, (), name="Slide number")
            shapes = []
            for key, rect, at, body in (("footer", f.footer_rect, footer_at, footer_body),
                                        ("number", f.number_rect, number_at, _plain_body(number_run))):
                if key == "number" and (rect is None or key not in ph):
                    body = _plain_body(number_run, "r")
                if key == "number" and rect is not None and f.number_moved:  # kept clear of a brand mark
                    at = Box(rect.x, rect.y, rect.w, rect.h, (), name=at.name)
                    rect = None
                if key in ph:
                    shapes.append(self.placeholder(None if rect is not None else at, ph[key], at.name, body))
                else:
                    shapes.append(self.text_box(at, body=body))
            return shapes
        f = self.frame
        footer = Box(f.margin, f.footer_y + 6, 720, 20, (self.footer_para,), name="Footer")
        count = Box(f.width - f.margin - 80, f.footer_y + 6, 80, 20, (number,), name="Slide number")
        shapes = [self.placeholder(footer, ph["footer"]) if "footer" in ph else self.text_box(footer)]
        body = self.body(count).replace(f"<a:r>{self.run_props(number)}<a:t>{planned.number}</a:t></a:r>",
                                        field.replace("RPR", self.run_props(number)))
        shapes.append(self.placeholder(count, ph["number"], body=body) if "number" in ph else self.text_box(count))
        return shapes

    def text_box(self, box: Box, name: str | None = None, body: str | None = None) -> str:
        fill = (f'<a:solidFill><a:srgbClr val="{self.palette.mark(box.fill)}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
                if box.fill else "<a:noFill/>")
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self.new_id()}" name="{attr(name or box.name)}"/>'
                f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(box.x, box.y, box.w, box.h)}'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr>{body or self.body(box)}</p:sp>')

    def body(self, box: Box) -> str:
        anchor = "ctr" if box.anchor == "middle" else "t"
        paras = "".join(self.paragraph(p) for p in box.paras) or "<a:p/>"
        ins = emu(box.inset) if box.inset else 0
        return (f'<p:txBody><a:bodyPr wrap="square" lIns="{ins}" rIns="{ins}" tIns="{emu(box.pad_top)}" bIns="0" anchor="{anchor}">'
                f'<a:noAutofit/></a:bodyPr><a:lstStyle/>{paras}</p:txBody>')

    def paragraph(self, para: Para) -> str:
        hang = f"-{emu(para.hang)}" if para.hang and not para.continued else "0"
        if para.continued:
            bullet = "<a:buNone/>"
        elif para.level and para.number is not None:
            bullet = f'<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="{para.number}"/>'
        elif para.level:
            bullet = f'<a:buFont typeface="Arial"/><a:buChar char="{"•" if para.level == 1 else "–"}"/>'
        else:
            bullet = "<a:buNone/>"
        if para.marker and para.level and not para.continued:
            bullet = f'<a:buClr><a:srgbClr val="{self.palette.text(para.marker)}"/></a:buClr>' + bullet
        tabs = f'<a:tabLst><a:tab pos="{emu(para.tab)}" algn="l"/></a:tabLst>' if para.tab else ""
        # lvl: the outline level PowerPoint's outline view and "Reset slide" go by
        return (f'<a:p><a:pPr lvl="{max(0, para.level - 1)}" algn="{_ALIGN[para.align]}" marL="{emu(para.indent)}" '
                f'indent="{hang}">'
                f'<a:lnSpc><a:spcPts val="{_centipoints(para.size * fit.LINE_PITCH)}"/></a:lnSpc>'
                f'<a:spcBef><a:spcPts val="{_centipoints(para.space_before)}"/></a:spcBef>'
                f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}{tabs}</a:pPr>'
                + "".join(f'<a:r>{self.run_props(para, lang)}<a:t>{text(piece)}</a:t></a:r>'
                          for piece, lang in script_runs(para.text)) + '</a:p>')

    def run_props(self, para: Para, lang: str = "") -> str:
        """A run's properties; an East Asian run (``lang``, see :func:`script_runs`) names its language and face."""
        fill = f'<a:solidFill><a:srgbClr val="{self.palette.text(para.role)}"/></a:solidFill>'
        east = ('<a:ea typeface="{}" pitchFamily="34" charset="{}"/>'.format(*east_asian_face(lang)) if lang else "")
        language = f' lang="{lang}"' if lang else ""
        # cap="none": a layout's all-caps would outgrow the measured width
        return (f'<a:rPr{language} sz="{_centipoints(para.size)}" b="{int(para.bold)}" i="{int(para.italic)}" cap="none">'
                f'{fill}<a:latin typeface="{self.font}"/>{east}</a:rPr>')

    def picture(self, path: Path, alt: str, name: str, box: tuple[float, float, float, float], centre: bool) -> str:
        """The picture at ``path``, as large as fits ``box``: centred in it, or in its top-right corner."""
        part, iw, ih = self.media.add(path)
        if part not in self.pictures:
            self.pictures.append(part)
        rel_id = f"rId{2 + self.pictures.index(part)}"
        x, y, w, h = box
        scale = min(w / iw, h / ih)
        pw, ph = iw * scale, ih * scale
        left, top = (x + (w - pw) / 2, y + (h - ph) / 2) if centre else (x + w - pw, y)
        return (f'<p:pic><p:nvPicPr><p:cNvPr id="{self.new_id()}" name="{name}" descr="{attr(alt)}"/>'
                f'<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
                f'<p:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
                f'<p:spPr>{_xfrm(left, top, pw, ph)}'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')

    def logo(self) -> str:
        """The organization's logo in the title slide's top-right corner, at most 180 x 72 pt."""
        f = self.frame
        return self.picture(self.theme.logo, "Logo", "Logo", (f.width - f.margin - 180, 36, 180, 72), centre=False)


def _path_step(op: str, args) -> str:
    """One step of a custom shape's path, in hundredths of the path's units."""
    points = "".join(f'<a:pt x="{round(args[k] * 100)}" y="{round(args[k + 1] * 100)}"/>' for k in range(0, len(args), 2))
    return {"M": f"<a:moveTo>{points}</a:moveTo>", "L": f"<a:lnTo>{points}</a:lnTo>",
            "C": f"<a:cubicBezTo>{points}</a:cubicBezTo>", "Z": "<a:close/>"}[op]


def _plain_body(runs: str, align: str = "") -> str:
    """A text body that takes everything but its text (and ``align``, when given) from the layout."""
    ppr = f'<a:pPr algn="{align}"/>' if align else ""
    return f"<p:txBody><a:bodyPr/><a:lstStyle/><a:p>{ppr}{runs}</a:p></p:txBody>"


def _xfrm(x: float, y: float, w: float, h: float) -> str:
    return f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'


def _notes_paragraphs(notes: str) -> str:
    """Speaker notes as paragraphs, one per line; a blank line is an empty paragraph."""
    return "".join(f"<a:p><a:r><a:t>{text(typeset(line))}</a:t></a:r></a:p>" if line else "<a:p/>"
                   for line in notes.split("\n"))
