"""A .pptx file -> :class:`~workshop.importer.raw.RawDeck`: every slide's text, pictures and notes.

Text comes from every placeholder and every shape with text, group shapes included, in reading
order (top to bottom, then left to right), so a two-content slide keeps both columns. What has no
text form (charts, SmartArt without text, video, audio, embedded objects, animations) is named
on the slide that holds it, never dropped without a word.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from workshop.errors import InputError, Problem, Src
from workshop.importer.container import DAMAGED
from workshop.importer.raw import Block, Para, Picture, RawDeck, RawSlide
from workshop.importer.symbols import Chars
from workshop.ooxml import NS

_NS = NS
_A, _P, _R = NS["a"], NS["p"], NS["r"]
_GRAPHIC = "http://schemas.openxmlformats.org/"
_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE}
_FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.HEADER}
#: Shapes a built deck draws on every slide: not content.
_WORKSHOP_FURNITURE = {"Footer", "Slide number"}
_BAND = 228600  # a quarter inch: shapes whose tops are this close read as one row, left to right
#: A text box that holds only its slide's number ("7", "7 / 20", "7 of 20"), as Quarto and
#: other tools write them: the build numbers every slide itself.
_NUMBER = re.compile(r"^(\d+)(?:\s*(?:/|of)\s*\d+)?$")
#: A picture this much covered by a later one is hidden under it (a build-up of stacked pictures).
_COVERED = 0.8
_MEDIA = {"videoFile": "a video", "quickTimeFile": "a video", "audioFile": "an audio clip",
          "wavAudioFile": "an audio clip", "audioCd": "an audio clip"}


def read_deck(data: bytes, where: Src) -> RawDeck:
    """Every slide of the deck in ``data`` (already checked by :func:`container.open_deck`)."""
    try:
        prs = Presentation(io.BytesIO(data))
        slides = list(prs.slides)
        author = prs.core_properties.author or ""
        title = prs.core_properties.title or ""
    except Exception:  # python-pptx raises many kinds for a damaged package
        raise InputError(Problem(where, DAMAGED)) from None
    made_by_workshop = author == "workshop"
    read = []
    for number, slide in enumerate(slides, 1):
        try:
            read.append(_Slide(slide, number, made_by_workshop, (int(prs.slide_width or 0),
                                                                 int(prs.slide_height or 0))).read())
        except Exception as exc:  # a slide we cannot read is named, and the rest still comes in
            read.append(RawSlide(number, "", "", missing=[f"the whole slide (it could not be read: "
                                                          f"{type(exc).__name__})"]))
    ids = {slide.slide_id: n for n, slide in enumerate(slides, 1)}
    return RawDeck(read, _sections(prs, ids), title.strip(), made_by_workshop,
                   int(prs.slide_width or 0), int(prs.slide_height or 0))


def _sections(prs, ids: dict[int, int]) -> list[tuple[str, list[int]]]:
    """PowerPoint's sections (kept in an extension of presentation.xml), as names and slide numbers."""
    found = []
    for section in prs.part._element.iterfind(".//p14:sectionLst/p14:section", _NS):
        numbers = [ids[int(s.get("id"))] for s in section.iterfind("p14:sldIdLst/p14:sldId", _NS)
                   if s.get("id", "").isdigit() and int(s.get("id")) in ids]
        found.append((section.get("name", "").strip(), numbers))
    return found


class _Slide:
    def __init__(self, slide, number: int, made_by_workshop: bool, size: tuple[int, int] = (0, 0)):
        self.slide = slide
        layout = slide.slide_layout
        self.raw = RawSlide(number, layout.name or "", layout.element.get("type", "cust"),
                            hidden=slide.element.get("show") in ("0", "false"))
        self.made_by_workshop = made_by_workshop
        self.size = size
        self.chars = Chars()
        tree = slide.element.find("p:cSld/p:spTree", _NS)
        self.z = {el: n for n, el in enumerate(tree.iter())} if tree is not None else {}
        self.stacked: list[tuple[int, Picture]] = []  # each picture with its place in the z-order

    def read(self) -> RawSlide:
        raw = self.raw
        for shape in _reading_order(self.slide.shapes):
            self.shape(shape)
        self.visible_pictures()
        tree = self.slide.element.find("p:cSld/p:spTree", _NS)
        if tree is not None:  # the slide's own AlternateContent holds transitions, not content
            self.alternate_content(tree)
        if self.slide.element.find(".//p:timing//p:cTn[@presetClass]", _NS) is not None:
            raw.missing.append("animations (the built deck shows each slide whole)")
        if self.slide.has_notes_slide:
            frame = self.slide.notes_slide.notes_text_frame
            if frame is not None:
                raw.notes = "\n".join(self.chars.text(p).replace("\v", "\n").rstrip()
                                      for p in frame.paragraphs).strip()
        if self.chars.turned:
            raw.changed.append("symbol-font characters as the Unicode characters they show: "
                               + ", ".join(self.chars.turned))
        for what in self.chars.dropped:
            raw.missing.append(f"{what}, left out")
        return raw

    def visible_pictures(self) -> None:
        """Keep the pictures that show: one covered by a later picture is under it, never seen."""
        shown = []
        for z, picture in self.stacked:
            over = [p for zz, p in self.stacked if zz > z and _covers(p.box, picture.box)]
            if over:
                self.raw.changed.append(f"a picture under another one ({picture.name}), left out: the top picture "
                                        "of a stack is the one that shows")
            elif self.raw.blocks and _covers(picture.box, (0, 0, *self.size)):
                shown.append(replace(picture, background=True))
            else:
                shown.append(picture)
        self.raw.pictures = shown

    def shape(self, shape) -> None:
        tag = etree.QName(shape.element).localname
        if tag == "grpSp":
            for child in _reading_order(shape.shapes):
                self.shape(child)
            self.alternate_content(shape.element)
        elif tag == "pic":
            self.picture(shape)
        elif tag == "graphicFrame":
            self.graphic(shape)
        elif tag == "contentPart":
            self.raw.missing.append("an ink drawing")
        elif tag == "sp":
            self.text(shape)

    def text(self, shape) -> None:
        role = "text"
        if shape.is_placeholder:
            kind = shape.placeholder_format.type
            if kind in _FURNITURE:
                return
            if kind in _TITLES:
                if not self.raw.title:
                    self.raw.title = " ".join(p.text for p in _paragraphs(shape.text_frame, self.chars, flatten=True))
                    return
                role = "text"
            else:
                role = "subtitle" if kind == PP_PLACEHOLDER.SUBTITLE else "body"
        elif self.made_by_workshop and shape.name in _WORKSHOP_FURNITURE:
            return
        if shape.has_text_frame:
            paras = _paragraphs(shape.text_frame, self.chars)
            if role == "text" and self.slide_number(paras):
                return
            if paras:
                self.raw.blocks.append(Block(role, shape.name, tuple(paras), _box(shape)))

    def slide_number(self, paras: list[Para]) -> bool:
        """A text box holding just this slide's number: furniture the build draws itself."""
        match = _NUMBER.match(paras[0].text) if len(paras) == 1 else None
        if match and int(match.group(1)) == self.raw.number:
            self.raw.furniture.append(f"its slide number (“{paras[0].text}”) in a text box")
            return True
        return False

    def picture(self, shape) -> None:
        nv = shape.element.find("p:nvPicPr", _NS)
        media = nv.find("p:nvPr", _NS) if nv is not None else None
        if media is not None:
            for child in media:
                kind = _MEDIA.get(etree.QName(child).localname)
                if kind:
                    self.raw.missing.append(kind)
                    return
            if media.find(".//p14:media", _NS) is not None:
                self.raw.missing.append("a video or audio clip")
                return
        c_nv = nv.find("p:cNvPr", _NS) if nv is not None else None
        alt = ((c_nv.get("descr") or c_nv.get("title") or "") if c_nv is not None else "").strip()
        if c_nv is not None and c_nv.find(".//adec:decorative[@val='1']", _NS) is not None:
            self.raw.changed.append("a picture marked decorative, left out")
            return
        try:
            image = shape.image
            data, ext = image.blob, image.ext.lower()
        except Exception:  # a linked picture has no bytes in the package
            self.raw.missing.append("a linked picture (it is not stored in the deck)")
            return
        self.stacked.append((self.z.get(shape.element, 0),
                             Picture(data, "jpg" if ext == "jpeg" else ext, alt, shape.name, _box(shape))))

    def graphic(self, shape) -> None:
        data = shape.element.find(".//a:graphicData", _NS)
        uri = data.get("uri", "") if data is not None else ""
        if uri.endswith("/table"):
            self.table(shape)
        elif uri.endswith("/chart") or "chartex" in uri:
            self.chart(shape)
        elif uri.endswith("/diagram"):
            self.smartart(shape, data)
        elif uri.endswith("/ole"):
            ole = data.find(".//p:oleObj", _NS)
            prog = (ole.get("progId", "") if ole is not None else "").split(".")[0]
            self.raw.missing.append(f"an embedded {prog} object" if prog else "an embedded object")
        else:
            self.raw.missing.append("an object this tool cannot read")

    def table(self, shape) -> None:
        rows = [[" ".join(cell.text.split()) for cell in row.cells] for row in shape.table.rows]
        merged = any(cell.is_merge_origin or cell.is_spanned for row in shape.table.rows for cell in row.cells)
        cols = max((len(r) for r in rows), default=0)
        rows = [r for r in rows if any(r)]
        if not rows:
            return
        if merged or cols > 4 or len(rows) > 15:
            self.raw.missing.append(f"a table ({len(rows)} rows, {cols} columns{', merged cells' if merged else ''}); "
                                    "its rows are kept as comments at the slide")
            self.raw.leftover += ["table row: " + " | ".join(row) for row in rows]
            return
        header = rows[0] if shape.table.first_row and len(rows) > 1 and cols > 1 else None
        paras = []
        for row in rows[1:] if header else rows:
            first, rest = row[0], row[1:]
            if header:
                rest = [f"{h}: {v}" if h else v for h, v in zip(header[1:], rest, strict=False) if v]
                if first and header[0]:
                    first = f"{header[0]}: {first}"
            else:
                rest = [v for v in rest if v]
            if first:
                paras.append(Para(first))
                paras += [Para(v, level=1) for v in rest]
            elif rest:
                paras.append(Para(", ".join(rest)))
        self.raw.blocks.append(Block("table", shape.name, tuple(paras), _box(shape)))
        self.raw.changed.append("a table, as bullets (one per row" + (", each cell named by its column's heading)"
                                                                      if header else ")"))

    def chart(self, shape) -> None:
        """A chart comes in where it was, as its title and its data, one category a bullet."""
        name, paras = "", []
        try:
            chart = shape.chart
            if chart.has_title:
                name = " ".join(chart.chart_title.text_frame.text.split())
            plot = chart.plots[0]
            categories = [str(c) for c in plot.categories]
            series = [(s.name or "", list(s.values)) for s in plot.series]
            for k, category in enumerate(categories):
                values = [(label, values[k]) for label, values in series if k < len(values) and values[k] is not None]
                shown = ", ".join(f"{label} {_number(v)}" if label and len(series) > 1 else _number(v)
                                  for label, v in values)
                paras.append(Para(f"{category}: {shown}" if shown else category, level=1))
        except Exception:  # a chart python-pptx cannot parse is still named, with what was read of it
            pass
        what = f"a chart (“{name}”)" if name else "a chart"
        if not paras:
            self.raw.missing.append(what)
            if name:
                self.raw.leftover.append(f"the chart's title: {name}")
            return
        self.raw.blocks.append(Block("chart", shape.name, (Para(f"Chart: {name}" if name else "Chart"), *paras),
                                     _box(shape)))
        self.raw.changed.append(f"{what}, as its data in bullets; draw the chart again in PowerPoint if you need it")

    def smartart(self, shape, data) -> None:
        ids = data.find("dgm:relIds", _NS)
        texts = []
        try:
            part = self.slide.part.related_part(ids.get(f"{{{_R}}}dm"))
            root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, huge_tree=False))
            for point in root.iterfind(".//dgm:pt", _NS):
                if point.get("type", "node") == "node":
                    text = " ".join("".join(t.text or "" for t in point.iterfind(".//a:t", _NS)).split())
                    if text:
                        texts.append(text)
        except Exception:  # SmartArt we cannot read is named below, with no text
            texts = []
        if texts:
            self.raw.blocks.append(Block("text", shape.name, tuple(Para(t) for t in texts)))
            self.raw.changed.append("SmartArt, as bullets (its text only, without its layout)")
        else:
            self.raw.missing.append("SmartArt")

    def alternate_content(self, tree) -> None:
        """Content for newer PowerPoint versions (equations, 3D models, zooms) that python-pptx skips."""
        for alt in tree.iterfind("mc:AlternateContent", _NS):
            if alt.find(".//a14:m", _NS) is not None:
                self.raw.missing.append("an equation")
                text = "".join(t.text or "" for t in alt.iter("{http://schemas.openxmlformats.org/officeDocument/"
                                                             "2006/math}t"))
                if text.strip():
                    self.raw.leftover.append(f"the equation: {' '.join(text.split())}")
            else:
                self.raw.missing.append("an object only newer PowerPoint versions show (such as a 3D model or zoom)")


def _reading_order(shapes) -> list:
    def key(shape):
        top, left = shape.top or 0, shape.left or 0
        return (top // _BAND, left, top)
    try:
        return sorted(shapes, key=key)
    except Exception:  # a shape without a readable position: keep the file's order
        return list(shapes)


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _box(shape) -> tuple[int, int, int, int] | None:
    try:
        box = (shape.left, shape.top, shape.width, shape.height)
    except Exception:  # a shape whose position python-pptx cannot read
        return None
    return None if any(v is None for v in box) else tuple(int(v) for v in box)


def _covers(top, under) -> bool:
    """Whether the box ``top`` hides most of the box ``under``."""
    if top is None or under is None or under[2] <= 0 or under[3] <= 0:
        return False
    w = min(top[0] + top[2], under[0] + under[2]) - max(top[0], under[0])
    h = min(top[1] + top[3], under[1] + under[3]) - max(top[1], under[1])
    return w > 0 and h > 0 and w * h >= _COVERED * under[2] * under[3]


def _paragraphs(frame, chars: Chars, flatten: bool = False) -> list[Para]:
    """The non-empty paragraphs of ``frame`` with their list levels.

    A level is the paragraph's own ``lvl``; text boxes that indent by margin alone (as built decks
    and some exports do) get levels from their distinct left margins, smallest first.
    """
    found = []
    for p in frame.paragraphs:
        text = chars.text(p).replace("\v", "\n").replace("\u00a0", " ")  # a no-break space only steers line breaks
        if flatten:
            text = " ".join(text.split())
        if not text.strip():
            continue
        ppr = p._p.find("a:pPr", _NS)
        margin = int(ppr.get("marL")) if ppr is not None and re.fullmatch(r"-?\d+", ppr.get("marL", "")) else None
        numbered = ppr is not None and ppr.find("a:buAutoNum", _NS) is not None
        bold = bool(p.runs) and all(r.font.bold for r in p.runs if r.text.strip())
        found.append((text.strip(), p.level, margin, numbered, bold))
    if not any(level for _, level, _, _, _ in found):
        margins = sorted({m for _, _, m, _, _ in found if m is not None})
        if len(margins) > 1:
            found = [(t, margins.index(m) if m is not None else 0, m, n, b) for t, _, m, n, b in found]
    return [Para(t, level, n, b) for t, level, _, n, b in found]
