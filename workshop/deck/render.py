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
from workshop.deck.palette import palette
from workshop.deck.package import NSDECLS, XML_HEAD, Layout, Media, Skeleton, SlideParts, attr, skeleton, text, write_package
from workshop.deck.plan import FOOTER_Y, MARGIN, SLIDE_H, SLIDE_W, Box, Deck, PlannedSlide
from workshop.deck.template import template_problems
from workshop.errors import InputError

EMU_PER_PT = 12700
DEFAULT_FONT = "Calibri"
FULL_BLEED = {"title", "section", "break", "closing"}
#: Which layout each kind of slide is made from: with a template, and without (python-pptx's own).
_TEMPLATE_LAYOUTS = {"title": "Title Slide", "section": "Section Header", "break": "Section Header",
                     "other": "Title Only"}
_DEFAULT_LAYOUTS = {"other": "Title Only"}
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
        problems = template_problems(theme.template, theme.template_src)
        if problems:
            raise InputError(problems)
    package = skeleton(theme.template, (emu(SLIDE_W), emu(SLIDE_H)),
                       _TEMPLATE_LAYOUTS if theme.template else _DEFAULT_LAYOUTS)
    painter = _Painter(theme, deck, package)
    media = Media({name for name, _ in package.parts if name.startswith("ppt/media/")})
    slides = [painter.slide(planned, package.layouts.get(planned.kind, package.layouts["other"]), media)
              for planned in deck.slides]
    return write_package(package, deck.title, slides, media, when)


# ---------------------------------------------------------------------------------------------
# One slide


class _Painter:
    def __init__(self, theme: m.Theme, deck: Deck, skeleton: Skeleton):
        self.theme = theme
        self.deck = deck
        self.skeleton = skeleton
        self.templated = theme.template is not None
        self.font = attr(theme.font or DEFAULT_FONT)
        self.palette = palette(theme)
        size, lines = fit.fit_title(deck.footer, 700, (12.0, 11.0, 10.0), 1, face="sans")
        shown = lines[0] if len(lines) == 1 else lines[0].rstrip() + "…"
        self.footer_para = Para(shown, size, role="muted")

    def slide(self, planned: PlannedSlide, layout: Layout, media: Media) -> SlideParts:
        self.next_id = layout.first_id
        self.pictures: list[str] = []
        self.media = media
        shapes = [] if self.templated else self.decorations(planned)
        shapes.append(self.title(planned, layout))
        for box in planned.boxes:
            if box.name != "Title text":
                shapes.append(self.text_box(box))
        if planned.image is not None:
            x, y, w, h = planned.image_box
            shapes.append(self.picture(planned.image.path, planned.image.alt, "Picture", (x, y, w, h), centre=True))
        if planned.kind == "title" and self.theme.logo is not None:
            shapes.append(self.logo())
        if planned.kind not in FULL_BLEED:
            shapes.append(self.text_box(Box(MARGIN, FOOTER_Y + 6, 720, 20, (self.footer_para,), name="Footer")))
            shapes.append(self.text_box(Box(SLIDE_W - MARGIN - 80, FOOTER_Y + 6, 80, 20,
                                            (Para(str(planned.number), 12.0, role="muted", align="right"),),
                                            name="Slide number")))
        xml = (f'{XML_HEAD}<p:sld {NSDECLS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/>'
               f'<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>{"".join(shapes)}</p:spTree></p:cSld>'
               f'<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')
        notes = self.skeleton.notes_head + _notes_paragraphs(planned.notes) + self.skeleton.notes_tail
        return SlideParts(xml, notes, layout.target, self.pictures)

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def decorations(self, planned: PlannedSlide) -> list[str]:
        if planned.kind in FULL_BLEED:
            return [self.rect(0, 0, SLIDE_W, SLIDE_H, self.palette.primary, "Background"),
                    self.rect(*planned.accent_bar, self.palette.accent, "Accent")]
        return [self.rect(0, 0, SLIDE_W, planned.bar_height, self.palette.primary, "Title bar"),
                self.rect(0, planned.bar_height, SLIDE_W, 6, self.palette.accent, "Accent rule")]

    def rect(self, x, y, w, h, colour: str, name: str) -> str:
        """A filled rectangle, decorative: an empty description keeps it out of screen readers."""
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self.new_id()}" name="{name}" descr=""/><p:cNvSpPr/><p:nvPr/>'
                f'</p:nvSpPr><p:spPr>{_xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
                f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln><a:effectLst/>'
                f'</p:spPr><p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="3">'
                f'<a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="2"><a:schemeClr val="accent1"/>'
                f'</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>'
                f'<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p>'
                f'</p:txBody></p:sp>')

    def title(self, planned: PlannedSlide, layout: Layout) -> str:
        box = next((b for b in planned.boxes if b.name == "Title text"), None)
        if box is None:
            box = Box(MARGIN, 0, SLIDE_W - 2 * MARGIN, planned.bar_height,
                      (Para(planned.title, planned.title_size, bold=True, role="inverse"),), anchor="middle")
        else:
            box = Box(box.x, box.y, box.w, box.h, (replace(box.paras[0], text=planned.title),), box.name)
        if layout.title_nv is None:
            return self.text_box(box, name=f"TextBox {self.next_id - 1}")
        return f'<p:sp>{layout.title_nv}<p:spPr>{_xfrm(box.x, box.y, box.w, box.h)}</p:spPr>{self.body(box)}</p:sp>'

    def text_box(self, box: Box, name: str | None = None) -> str:
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self.new_id()}" name="{attr(name or box.name)}"/>'
                f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(box.x, box.y, box.w, box.h)}'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>{self.body(box)}</p:sp>')

    def body(self, box: Box) -> str:
        anchor = "ctr" if box.anchor == "middle" else "t"
        paras = "".join(self.paragraph(p) for p in box.paras) or "<a:p/>"
        return (f'<p:txBody><a:bodyPr wrap="square" lIns="0" rIns="0" tIns="0" bIns="0" anchor="{anchor}">'
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
        tabs = f'<a:tabLst><a:tab pos="{emu(para.tab)}" algn="l"/></a:tabLst>' if para.tab else ""
        fill = ""
        if not (self.templated and para.role.startswith("inverse")):  # a template's own colours suit its backgrounds
            fill = f'<a:solidFill><a:srgbClr val="{self.palette.text(para.role)}"/></a:solidFill>'
        return (f'<a:p><a:pPr algn="{_ALIGN[para.align]}" marL="{emu(para.indent)}" indent="{hang}">'
                f'<a:lnSpc><a:spcPts val="{_centipoints(para.size * fit.LINE_PITCH)}"/></a:lnSpc>'
                f'<a:spcBef><a:spcPts val="{_centipoints(para.space_before)}"/></a:spcBef>'
                f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}{tabs}</a:pPr>'
                # cap="none": a layout's all-caps would outgrow the measured width
                f'<a:r><a:rPr sz="{_centipoints(para.size)}" b="{int(para.bold)}" i="{int(para.italic)}" '
                f'cap="none">{fill}<a:latin typeface="{self.font}"/></a:rPr><a:t>{text(para.text)}</a:t></a:r>'
                f'</a:p>')

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
        return self.picture(self.theme.logo, "Logo", "Logo", (SLIDE_W - MARGIN - 180, 36, 180, 72), centre=False)


def _xfrm(x: float, y: float, w: float, h: float) -> str:
    return f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'


def _notes_paragraphs(notes: str) -> str:
    """Speaker notes as paragraphs, one per line; a blank line is an empty paragraph."""
    return "".join(f"<a:p><a:r><a:t>{text(line)}</a:t></a:r></a:p>" if line else "<a:p/>"
                   for line in notes.split("\n"))
