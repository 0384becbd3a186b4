"""Draw a planned deck with python-pptx. Every size, position and line pitch comes from the plan;
nothing relies on autofit, so every application shows the same thing."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.package import OpcPackage
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from workshop import model as m
from workshop.deck import fit
from workshop.deck.plan import FOOTER_Y, MARGIN, SLIDE_H, SLIDE_W, Box, Deck, PlannedSlide
from workshop.deck.fit import Para
from workshop.errors import InputError, Problem

EMU_PER_PT = 12700
TEXT = "1F2328"
MUTED = "5B6470"
DEFAULT_FONT = "Calibri"
FULL_BLEED = {"title", "section", "break", "closing"}
#: Layouts a template must have, by name, and what they are used for.
REQUIRED_LAYOUTS = {"Title Slide": "the title slide", "Title Only": "content slides",
                    "Section Header": "section and break slides"}


def emu(points: float) -> Emu:
    return Emu(int(round(points * EMU_PER_PT)))


def check_template(path: Path) -> list[str]:
    """Names of the required layouts that ``path`` lacks (empty when the template will work)."""
    prs = Presentation(str(path))
    names = {layout.name for master in prs.slide_masters for layout in master.slide_layouts}
    return [name for name in REQUIRED_LAYOUTS if name not in names]


@contextlib.contextmanager
def _linear_partnames():
    """python-pptx finds each new slide's part name by walking every part of the package, which
    makes a long deck quadratic (3,000 slides took minutes). While the deck is drawn, scan once
    per name template and count on from there; every part this render adds goes through here."""
    original = OpcPackage.next_partname
    taken: dict[tuple[int, str], set[str]] = {}

    def next_partname(package, tmpl: str) -> PackURI:
        key = (id(package), tmpl)
        if key not in taken:
            prefix = tmpl[: (tmpl % 42).find("42")]
            taken[key] = {str(p.partname) for p in package.iter_parts() if p.partname.startswith(prefix)}
        names = taken[key]
        n = len(names) + 1
        while tmpl % n in names:
            n += 1
        names.add(tmpl % n)
        return PackURI(tmpl % n)

    OpcPackage.next_partname = next_partname
    try:
        yield
    finally:
        OpcPackage.next_partname = original


def render_deck(deck: Deck, theme: m.Theme, when: dt.datetime) -> bytes:
    """The .pptx file for ``deck``, as bytes with fixed dates so equal input gives equal bytes."""
    with _linear_partnames():
        return _render(deck, theme, when)


def _render(deck: Deck, theme: m.Theme, when: dt.datetime) -> bytes:
    if theme.template is not None:
        missing = check_template(theme.template)
        if missing:
            raise InputError(Problem(theme.src, f"the template {theme.template.name} lacks the layouts "
                                                f"{', '.join(repr(n) for n in missing)}; run "
                                                f"'workshop template {theme.template}' to see what it has",
                                     "theme.template"))
        prs = Presentation(str(theme.template))
        _drop_existing_slides(prs)
    else:
        prs = Presentation()
    prs.slide_width, prs.slide_height = emu(SLIDE_W), emu(SLIDE_H)
    layouts = {layout.name: layout for master in prs.slide_masters for layout in master.slide_layouts}
    painter = _Painter(theme, deck, templated=theme.template is not None)
    for planned in deck.slides:
        layout = layouts.get({"title": "Title Slide", "section": "Section Header", "break": "Section Header"}
                             .get(planned.kind, "Title Only")) if theme.template else layouts["Title Only"]
        painter.draw(prs.slides.add_slide(layout), planned)
    props = prs.core_properties
    props.title = deck.title
    props.author = "workshop"
    props.last_modified_by = "workshop"
    props.created = props.modified = when
    props.last_printed = when
    props.revision = 1
    buffer = io.BytesIO()
    prs.save(buffer)
    return fixed_zip(buffer.getvalue(), when)


def fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same zip with every entry stamped ``when``, so saving twice gives the same bytes."""
    stamp = max(when, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _drop_existing_slides(prs) -> None:
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)


class _Painter:
    def __init__(self, theme: m.Theme, deck: Deck, templated: bool):
        self.theme = theme
        self.deck = deck
        self.templated = templated
        self.font = theme.font or DEFAULT_FONT
        self.colours = {"body": TEXT, "muted": MUTED, "accent": theme.accent, "inverse": "FFFFFF",
                        "inverse-muted": "DCE6F0", "primary": theme.primary}

    def draw(self, slide, planned: PlannedSlide) -> None:
        for shape in list(slide.placeholders):
            if shape.placeholder_format.type != 1 and shape.placeholder_format.idx != 0:
                shape._element.getparent().remove(shape._element)
        if not self.templated:
            self.decorate(slide, planned)
        self.title(slide, planned)
        for box in planned.boxes:
            if box.name != "Title text":
                self.text_box(slide, box)
        if planned.image is not None:
            self.picture(slide, planned)
        if planned.kind == "title" and self.theme.logo is not None:
            self.logo(slide)
        if planned.kind not in FULL_BLEED:
            self.footer(slide, planned)
        slide.notes_slide.notes_text_frame.text = planned.notes

    def decorate(self, slide, planned: PlannedSlide) -> None:
        self.decorations = 0
        if planned.kind in FULL_BLEED:
            self.rect(slide, 0, 0, SLIDE_W, SLIDE_H, self.theme.primary, "Background")
            self.rect(slide, MARGIN, 120 if planned.kind != "closing" else 96, 8, 300, self.theme.accent, "Accent")
        else:
            self.rect(slide, 0, 0, SLIDE_W, planned.bar_height, self.theme.primary, "Title bar")
            self.rect(slide, 0, planned.bar_height, SLIDE_W, 6, self.theme.accent, "Accent rule")

    def rect(self, slide, x, y, w, h, colour: str, name: str) -> None:
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, emu(x), emu(y), emu(w), emu(h))
        shape.name = name
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(colour)
        shape.line.fill.background()
        shape.shadow.inherit = False
        # decorative: hidden from screen readers' reading of content
        shape._element.nvSpPr.cNvPr.set("descr", "")
        # behind everything drawn so far (the title placeholder comes with the layout)
        tree = slide.shapes._spTree
        tree.remove(shape._element)
        tree.insert(2 + self.decorations, shape._element)
        self.decorations += 1

    def title(self, slide, planned: PlannedSlide) -> None:
        shape = slide.shapes.title
        if shape is None:
            shape = slide.shapes.add_textbox(0, 0, 0, 0)
        box = next((b for b in planned.boxes if b.name == "Title text"), None)
        if box is None:
            box = Box(MARGIN, 0, SLIDE_W - 2 * MARGIN, planned.bar_height,
                      (Para(planned.title, planned.title_size, bold=True, role="inverse"),), anchor="middle")
        else:
            box = Box(box.x, box.y, box.w, box.h, (replace(box.paras[0], text=planned.title),), box.name)
        shape.left, shape.top, shape.width, shape.height = emu(box.x), emu(box.y), emu(box.w), emu(box.h)
        self.fill(shape.text_frame, box)

    def text_box(self, slide, box: Box) -> None:
        shape = slide.shapes.add_textbox(emu(box.x), emu(box.y), emu(box.w), emu(box.h))
        shape.name = box.name
        self.fill(shape.text_frame, box)

    def fill(self, frame, box: Box) -> None:
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE if box.anchor == "middle" else MSO_ANCHOR.TOP
        for n, para in enumerate(box.paras):
            p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            if n == 0:
                for run in list(p.runs):
                    run._r.getparent().remove(run._r)
            self.paragraph(p, para)

    def paragraph(self, p, para: Para) -> None:
        p.alignment = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}[para.align]
        p.line_spacing = Pt(para.size * fit.LINE_PITCH)
        p.space_before = Pt(para.space_before)
        p.space_after = Pt(0)
        p_pr = p._p.get_or_add_pPr()
        p_pr.set("marL", str(int(emu(para.indent))))
        p_pr.set("indent", str(-int(emu(para.hang))) if para.hang else "0")
        for tag in ("a:buNone", "a:buAutoNum", "a:buChar", "a:buFont", "a:tabLst"):
            for old in p_pr.findall(qn(tag)):
                p_pr.remove(old)
        if para.level and para.number is not None:
            etree.SubElement(p_pr, qn("a:buFont"), typeface="+mj-lt")
            etree.SubElement(p_pr, qn("a:buAutoNum"), type="arabicPeriod", startAt=str(para.number))
        elif para.level:
            etree.SubElement(p_pr, qn("a:buFont"), typeface="Arial")
            etree.SubElement(p_pr, qn("a:buChar"), char="•" if para.level == 1 else "–")
        else:
            etree.SubElement(p_pr, qn("a:buNone"))
        if para.tab:
            tabs = etree.SubElement(p_pr, qn("a:tabLst"))
            etree.SubElement(tabs, qn("a:tab"), pos=str(int(emu(para.tab))), algn="l")
        run = p.add_run()
        run.text = para.text
        font = run.font
        font.size = Pt(para.size)
        font.bold = para.bold
        font.italic = para.italic
        font.name = self.font
        run._r.get_or_add_rPr().set("cap", "none")  # a layout's all-caps would outgrow the measured width
        role = para.role
        if self.templated and role.startswith("inverse"):
            return  # the template's own colours suit its own backgrounds
        font.color.rgb = RGBColor.from_string(self.colours[role])

    def picture(self, slide, planned: PlannedSlide) -> None:
        x, y, w, h = planned.image_box
        with PILImage.open(planned.image.path) as im:
            iw, ih = im.size
        scale = min(w / iw, h / ih)
        pw, ph = iw * scale, ih * scale
        pic = slide.shapes.add_picture(str(planned.image.path), emu(x + (w - pw) / 2), emu(y + (h - ph) / 2),
                                       emu(pw), emu(ph))
        pic.name = "Picture"
        pic._element.nvPicPr.cNvPr.set("descr", planned.image.alt)

    def logo(self, slide) -> None:
        """The organization's logo in the title slide's top-right corner, at most 180 x 72 pt."""
        with PILImage.open(self.theme.logo) as im:
            iw, ih = im.size
        scale = min(180 / iw, 72 / ih)
        w, h = iw * scale, ih * scale
        pic = slide.shapes.add_picture(str(self.theme.logo), emu(SLIDE_W - MARGIN - w), emu(36), emu(w), emu(h))
        pic.name = "Logo"
        pic._element.nvPicPr.cNvPr.set("descr", "Logo")

    def footer(self, slide, planned: PlannedSlide) -> None:
        size, lines = fit.fit_title(self.deck.footer, 700, (12.0, 11.0, 10.0), 1, face="sans")
        text = lines[0] if len(lines) == 1 else lines[0].rstrip() + "…"
        self.text_box(slide, Box(MARGIN, FOOTER_Y + 6, 720, 20, (Para(text, size, role="muted"),), name="Footer"))
        self.text_box(slide, Box(SLIDE_W - MARGIN - 80, FOOTER_Y + 6, 80, 20,
                                 (Para(str(planned.number), 12.0, role="muted", align="right"),), name="Slide number"))
