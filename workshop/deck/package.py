"""The .pptx package around the slides: everything but the slides comes from python-pptx, once
per template; the slides arrive as XML text and are zipped in with their relationships.

python-pptx builds the package once per template: masters, layouts, theme, notes master, and one
throw-away slide per layout that shows what a slide made from it starts with (its title
placeholder) and what a notes page looks like. Writing the slides as text is much faster than
growing them shape by shape through python-pptx, and keeps a long deck linear: each slide costs
the same however many come before it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage

from workshop.deck.frame import layouts_by_name

XML_HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.presentationml."
NSDECLS = f'xmlns:a="{_NS_A}" xmlns:p="{_NS_P}" xmlns:r="{_NS_R}"'
_NOTES_MARK = "WORKSHOP-NOTES-GO-HERE"
_MARK_PARAGRAPH = f"<a:p><a:r><a:t>{_NOTES_MARK}</a:t></a:r></a:p>"
_MEDIA = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg"), "GIF": ("gif", "image/gif"),
          "BMP": ("bmp", "image/bmp"), "TIFF": ("tiff", "image/tiff")}


def text(s: str) -> str:
    """``s`` escaped for XML element text."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(s: str) -> str:
    """``s`` escaped for a double-quoted XML attribute."""
    return text(s).replace('"', "&quot;")




@dataclass(frozen=True)
class Layout:
    """A layout a slide is made from, and the placeholders it offers, each as the attributes of
    the ``<p:ph>`` a slide writes to fill it: "title", "body" and "body2" (the columns of a
    two-content layout), "footer" and "number" (the slide number)."""

    target: str  # the layout part, relative to a slide part
    placeholders: dict[str, str]


@dataclass(frozen=True)
class Skeleton:
    parts: tuple[tuple[str, bytes], ...]  # every part of the package but the slides, in order
    layouts: dict[str, Layout]  # by slide kind ("other" for all the rest)
    notes_head: str  # a notes page up to its notes text ...
    notes_tail: str  # ... and after it
    notes_master: str  # the notes master part, relative to a notes part


def skeleton(template: Path | None, size: tuple[int, int], layout_for: dict[str, str],
             decoration: dict[str, str] | None = None, scheme: tuple[tuple[str, str], ...] = ()) -> Skeleton:
    """The package for a deck of ``size`` (EMU) on ``template`` (python-pptx's default when None).

    ``layout_for`` names the layout each kind of slide is made from; "other" is for every kind not
    named, and a layout the template lacks leaves its kinds to "other". ``decoration`` puts
    shapes (spTree XML) and backgrounds (``<p:bg>`` XML, under "bg:NAME") into layouts by name, so
    slides carry no decoration of their own. Kept for the life of the process, so a watched deck
    rebuilds quickly.
    """
    key = None
    if template is not None:
        stat = template.stat()
        key = (str(template), stat.st_mtime_ns, stat.st_size)
    return _cached_skeleton(key, size, tuple(layout_for.items()), tuple(sorted((decoration or {}).items())), scheme)


@functools.lru_cache(maxsize=4)
def _cached_skeleton(key: tuple[str, int, int] | None, size: tuple[int, int],
                     layout_for: tuple[tuple[str, str], ...], decoration: tuple[tuple[str, str], ...],
                     scheme: tuple[tuple[str, str], ...] = ()) -> Skeleton:
    from pptx import Presentation

    prs = Presentation(key[0]) if key else Presentation()
    _drop_slides(prs)
    prs.slide_width, prs.slide_height = size
    if scheme:
        design = dict(scheme)
        _design_geometry(prs, design)
        _set_scheme(prs, design)
    by_name = layouts_by_name(prs)
    _decorate(by_name, dict(decoration))
    kinds = {kind: by_name[name] for kind, name in layout_for if name in by_name}
    layouts = {}
    notes_xml = ""
    for kind, layout in kinds.items():
        layouts[kind] = Layout("../" + layout.part.partname.lstrip("/").split("/", 1)[1], _placeholders(layout))
        if not notes_xml:
            slide = prs.slides.add_slide(layout)
            slide.notes_slide.notes_text_frame.text = _NOTES_MARK
            notes_xml = etree.tostring(slide.notes_slide._element, encoding="unicode")
            notes_master = "../" + slide.notes_slide.part.notes_master.part.partname.lstrip("/").split("/", 1)[1]
    _drop_slides(prs)
    head, tail = notes_xml.split(_MARK_PARAGRAPH)
    buffer = io.BytesIO()
    prs.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        parts = tuple((name, z.read(name)) for name in z.namelist())
    return Skeleton(parts, layouts, XML_HEAD + head, tail, notes_master)


def marked_notes_page(skeleton: Skeleton) -> str:
    """A notes page of ``skeleton`` with the notes' place marked: what :func:`skeleton_from_master` takes."""
    return skeleton.notes_head[len(XML_HEAD):] + _MARK_PARAGRAPH + skeleton.notes_tail


def skeleton_from_master(path: Path, layout_for: dict[str, str], notes_page: str) -> Skeleton:
    """The package around a deck on one of our own masters (``templates/<name>/master.pptx``), read
    straight from its zip: a master has no slides to drop, so python-pptx (and its import, the
    larger part of a small deck's build time) is not needed. ``notes_page`` is a notes page of
    that master with :data:`_NOTES_MARK` where the notes go."""
    stat = path.stat()
    return _master_skeleton(str(path), stat.st_mtime_ns, stat.st_size, tuple(layout_for.items()), notes_page)


@functools.lru_cache(maxsize=4)
def _master_skeleton(path: str, _mtime: int, _size: int, layout_for: tuple[tuple[str, str], ...],
                     notes_page: str) -> Skeleton:
    with zipfile.ZipFile(path) as z:
        parts = tuple((name, z.read(name)) for name in z.namelist())
    found = dict(parts)
    by_name = {}
    for name, data in parts:
        if name.startswith("ppt/slideLayouts/slideLayout") and name.endswith(".xml"):
            root = etree.fromstring(data)
            layout_name = root.find(f"{{{_NS_P}}}cSld").get("name", "")
            by_name.setdefault(layout_name, ("../" + name.split("/", 1)[1], root))
    layouts = {kind: Layout(by_name[name][0], _placeholders_of(by_name[name][1]))
               for kind, name in layout_for if name in by_name}
    head, tail = notes_page.split(_MARK_PARAGRAPH)
    rels = etree.fromstring(found["ppt/_rels/presentation.xml.rels"])
    notes_master = next("../" + r.get("Target") for r in rels if r.get("Type", "").endswith("/notesMaster"))
    return Skeleton(parts, layouts, XML_HEAD + head, tail, notes_master)


#: Placeholder types (as ``<p:ph type>`` writes them) and the role a slide gives each.
_ROLES = {"title": "title", "ctrTitle": "title", "ftr": "footer", "sldNum": "number"}


def _placeholders(layout) -> dict[str, str]:
    """The layout's placeholders by role, each as the ``<p:ph>`` attributes that fill it on a slide."""
    return _placeholders_of(layout._element)


def _placeholders_of(layout_element) -> dict[str, str]:
    """:func:`_placeholders` from a layout's XML."""
    found: dict[str, str] = {}
    bodies = []
    tree = layout_element.find(f"{{{_NS_P}}}cSld/{{{_NS_P}}}spTree")
    shapes = [] if tree is None else [s for s in tree if s.find(f".//{{{_NS_P}}}nvPr/{{{_NS_P}}}ph") is not None]
    for shape in shapes:
        ph = shape.find(f".//{{{_NS_P}}}nvPr/{{{_NS_P}}}ph")
        kind = ph.get("type", "obj")
        attrs = "".join(f' {k}="{attr(v)}"' for k, v in ph.attrib.items())
        if kind in _ROLES:
            found.setdefault(_ROLES[kind], attrs)
        elif kind in ("obj", "body") and ph.get("orient") != "vert":
            bodies.append((int(ph.get("idx", "0")), attrs))
    for role, (_, attrs) in zip(("body", "body2"), sorted(bodies), strict=False):
        found[role] = attrs
    return found


#: The built-in design's placeholders, in points on its 960 x 540 slide: where PowerPoint puts a
#: slide's text when a presenter adds a slide, changes its layout or resets it.
_DESIGN_PLACES = {
    "master": {"title": (48, 0, 864, 96), "body": (48, 120, 864, 376), "ftr": (48, 514, 600, 20),
               "dt": (656, 514, 160, 20), "sldNum": (832, 514, 80, 20)},
    "Title Slide": {"ctrTitle": (76, 140, 836, 130), "subTitle": (76, 284, 836, 120)},
    "Section Header": {"title": (76, 170, 836, 130), "body": (76, 314, 836, 60)},
    "Two Content": {"obj:1": (48, 120, 414, 376), "obj:2": (498, 120, 414, 376)},
}


def _design_geometry(prs, design: dict[str, str]) -> None:
    """Fit python-pptx's 4:3 master to the design's 16:9 slide: every placeholder widened with the
    slide, the main ones put where the design puts its text, with its sizes and colours, so a slide a
    presenter adds or resets in PowerPoint looks like the ones the deck made."""
    from pptx.util import Pt

    master = prs.slide_masters[0]
    factor = prs.slide_width / 9144000  # python-pptx's master is 10 in wide
    owners = [("master", master)] + [(layout.name, layout) for layout in master.slide_layouts]
    for name, owner in owners:
        places = _DESIGN_PLACES.get(name, {})
        for shape in owner.placeholders:
            ph = shape._element.find(f"{{{_NS_P}}}nvSpPr/{{{_NS_P}}}nvPr/{{{_NS_P}}}ph")
            kind = ph.get("type", "obj")
            place = places.get(f"{kind}:{ph.get('idx', '0')}") or places.get(kind)
            if place is not None:
                shape.left, shape.top, shape.width, shape.height = (Pt(v) for v in place)
            elif shape._element.find(f"{{{_NS_P}}}spPr/{{{_NS_A}}}xfrm") is not None:
                shape.left, shape.width = int(shape.left * factor), int(shape.width * factor)
    on_primary, muted, text = design.get("on_primary"), design.get("on_primary_muted"), design.get("text")
    if not on_primary:
        return
    styles = master._element.find(f"{{{_NS_P}}}txStyles")
    _style(styles.find(f"{{{_NS_P}}}titleStyle"), 1, 3600, on_primary, bold=True, anchor_title=master)
    body = styles.find(f"{{{_NS_P}}}bodyStyle")
    _style(body, 1, 2400, text)
    _style(body, 2, 2000, text)
    for layout in master.slide_layouts:  # full-bleed layouts: text on the primary
        if layout.name in ("Title Slide", "Section Header"):
            for shape in layout.placeholders:
                kind = shape._element.find(f"{{{_NS_P}}}nvSpPr/{{{_NS_P}}}nvPr/{{{_NS_P}}}ph").get("type", "obj")
                title = kind in ("title", "ctrTitle")
                colour = on_primary if title else muted if kind in ("body", "subTitle") else None
                size = (4000 if layout.name == "Title Slide" else 4400) if title else 2400
                if colour:
                    _placeholder_colour(shape, colour, size, bold=title)


def _style(style, level: int, size: int, colour: str, bold: bool = False, anchor_title=None) -> None:
    """Set one level of a master text style: size, weight, colour, and the design's face."""
    if style is None:
        return
    tag = f"{{{_NS_A}}}lvl{level}pPr"
    p_pr = style.find(tag)
    if p_pr is None:
        p_pr = etree.SubElement(style, tag)
    d = p_pr.find(f"{{{_NS_A}}}defRPr")
    if d is None:
        d = etree.SubElement(p_pr, f"{{{_NS_A}}}defRPr")
    d.set("sz", str(size))
    d.set("b", "1" if bold else "0")
    for child in list(d):
        if etree.QName(child).localname in ("solidFill", "schemeClr"):
            d.remove(child)
    d.insert(0, etree.fromstring(f'<a:solidFill xmlns:a="{_NS_A}"><a:srgbClr val="{colour}"/></a:solidFill>'))
    if anchor_title is not None:  # titles centred on the bar, left-aligned as the deck sets them
        p_pr.set("algn", "l")
        for shape in anchor_title.placeholders:
            ph = shape._element.find(f"{{{_NS_P}}}nvSpPr/{{{_NS_P}}}nvPr/{{{_NS_P}}}ph")
            if ph.get("type") == "title":
                body_pr = shape._element.find(f"{{{_NS_P}}}txBody/{{{_NS_A}}}bodyPr")
                if body_pr is not None:
                    body_pr.set("anchor", "ctr")


def _placeholder_colour(shape, colour: str, size: int, bold: bool) -> None:
    """A layout placeholder's own text colour, size and weight, left-aligned, in its list style."""
    tx_body = shape._element.find(f"{{{_NS_P}}}txBody")
    if tx_body is None:
        return
    lst = tx_body.find(f"{{{_NS_A}}}lstStyle")
    if lst is None:
        lst = etree.Element(f"{{{_NS_A}}}lstStyle")
        tx_body.insert(1, lst)
    for child in list(lst):
        lst.remove(child)
    lst.append(etree.fromstring(f'<a:lvl1pPr xmlns:a="{_NS_A}" marL="0" indent="0" algn="l">'
                                f'<a:buNone/><a:defRPr sz="{size}" b="{int(bold)}"><a:solidFill>'
                                f'<a:srgbClr val="{colour}"/></a:solidFill></a:defRPr></a:lvl1pPr>'))


def _set_scheme(prs, scheme: dict[str, str]) -> None:
    """Give the theme the design's colours and fonts, so PowerPoint's colour and font pickers offer
    them: ``scheme`` maps clrScheme entries (dk2, accent1 ...) to "RRGGBB", and "name", "major" and
    "minor" to the theme's name and heading and body faces."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    ns = {"a": _NS_A}
    if "name" in scheme:
        root.set("name", scheme["name"])
        root.find("a:themeElements/a:clrScheme", ns).set("name", scheme["name"])
        root.find("a:themeElements/a:fontScheme", ns).set("name", scheme["name"])
    for key, value in scheme.items():
        entry = root.find(f"a:themeElements/a:clrScheme/a:{key}", ns)
        if entry is not None:
            for child in list(entry):
                entry.remove(child)
            etree.SubElement(entry, f"{{{_NS_A}}}srgbClr", val=value)
    for key in ("major", "minor"):
        if key in scheme:
            latin = root.find(f"a:themeElements/a:fontScheme/a:{key}Font/a:latin", ns)
            latin.set("typeface", scheme[key])
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _decorate(by_name: dict, decoration: dict[str, str]) -> None:
    """Put shapes and backgrounds into the named layouts: behind their placeholders."""
    for name, xml in decoration.items():
        is_bg = name.startswith("bg:")
        layout = by_name.get(name[3:] if is_bg else name)
        if layout is None:
            continue
        c_sld = layout._element.find(f"{{{_NS_P}}}cSld")
        if is_bg:
            old = c_sld.find(f"{{{_NS_P}}}bg")
            if old is not None:
                c_sld.remove(old)
            c_sld.insert(0, etree.fromstring(f"<p:bg {NSDECLS}>{xml}</p:bg>"))
            continue
        tree = c_sld.find(f"{{{_NS_P}}}spTree")
        shapes = etree.fromstring(f"<p:spTree {NSDECLS}>{xml}</p:spTree>")
        for n, shape in enumerate(shapes):
            tree.insert(2 + n, shape)  # after the group's own properties, before the placeholders


def _drop_slides(prs) -> None:
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)


class Media:
    """Pictures in the package, one part per distinct file content."""

    def __init__(self, taken: set[str]):
        self.taken = taken
        self.parts: dict[str, tuple[str, bytes]] = {}  # sha1 -> (part name, bytes)
        self.types: dict[str, str] = {}  # extension -> content type

    def add(self, path: Path) -> tuple[str, int, int]:
        """The part name for the picture at ``path``, and its size in pixels."""
        data = path.read_bytes()
        with PILImage.open(io.BytesIO(data)) as im:
            size, kind = im.size, im.format
        ext, content_type = _MEDIA[kind]
        digest = hashlib.sha1(data).hexdigest()
        if digest not in self.parts:
            n = len(self.parts) + 1
            while f"ppt/media/image{n}.{ext}" in self.taken:
                n += 1
            name = f"ppt/media/image{n}.{ext}"
            self.taken.add(name)
            self.parts[digest] = (name, data)
            self.types[ext] = content_type
        return self.parts[digest][0], size[0], size[1]


@dataclass
class SlideParts:
    xml: str
    notes_xml: str
    layout: str
    pictures: list[str]  # media part names, in relationship order (rId2, rId3, ...)


def write_package(skeleton: Skeleton, title: str, slides: list[SlideParts], media: Media, when: dt.datetime) -> bytes:
    stamp = max(when, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        def put(name: str, data: bytes | str) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)

        rel_ids = _presentation_rel_ids(dict(skeleton.parts)["ppt/_rels/presentation.xml.rels"], len(slides))
        for name, data in skeleton.parts:
            if name == "[Content_Types].xml":
                data = _content_types(data, len(slides), media.types)
            elif name == "ppt/presentation.xml":
                data = _slide_list(data, rel_ids)
            elif name == "ppt/_rels/presentation.xml.rels":
                data = _presentation_rels(data, rel_ids)
            elif name == "docProps/core.xml":
                data = _core_properties(data, title, when)
            put(name, data)
        for n, slide in enumerate(slides, 1):
            rels = [("slideLayout", slide.layout)] + [("image", "../media/" + p.rsplit("/", 1)[1])
                                                        for p in slide.pictures]
            rels.append(("notesSlide", f"../notesSlides/notesSlide{n}.xml"))
            put(f"ppt/slides/slide{n}.xml", slide.xml)
            put(f"ppt/slides/_rels/slide{n}.xml.rels", _rels(rels))
            put(f"ppt/notesSlides/notesSlide{n}.xml", slide.notes_xml)
            put(f"ppt/notesSlides/_rels/notesSlide{n}.xml.rels",
                _rels([("notesMaster", skeleton.notes_master), ("slide", f"../slides/slide{n}.xml")]))
        for name, data in media.parts.values():
            put(name, data)
    return out.getvalue()


def _rels(rels: list[tuple[str, str]]) -> str:
    body = "".join(f'<Relationship Id="rId{n}" Type="{_REL}{kind}" Target="{attr(target)}"/>'
                   for n, (kind, target) in enumerate(rels, 1))
    return f'{XML_HEAD}<Relationships xmlns="{_NS_PKG_REL}">{body}</Relationships>'


def _presentation_rel_ids(rels_xml: bytes, count: int) -> list[str]:
    used = {int(r.get("Id")[3:]) for r in etree.fromstring(rels_xml) if r.get("Id", "").startswith("rId")
            and r.get("Id")[3:].isdigit()}
    start = max(used, default=0) + 1
    return [f"rId{start + k}" for k in range(count)]


def _presentation_rels(data: bytes, rel_ids: list[str]) -> bytes:
    root = etree.fromstring(data)
    for n, rel_id in enumerate(rel_ids, 1):
        etree.SubElement(root, f"{{{_NS_PKG_REL}}}Relationship", Id=rel_id, Type=_REL + "slide",
                         Target=f"slides/slide{n}.xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _slide_list(data: bytes, rel_ids: list[str]) -> bytes:
    root = etree.fromstring(data)
    id_list = root.find(f"{{{_NS_P}}}sldIdLst")
    for n, rel_id in enumerate(rel_ids):
        etree.SubElement(id_list, f"{{{_NS_P}}}sldId", {"id": str(256 + n), f"{{{_NS_R}}}id": rel_id})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _content_types(data: bytes, count: int, media: dict[str, str]) -> bytes:
    root = etree.fromstring(data)
    defaults = {d.get("Extension").lower() for d in root.iter(f"{{{_NS_CT}}}Default")}
    for ext, content_type in sorted(media.items()):
        if ext not in defaults:
            root.insert(0, etree.Element(f"{{{_NS_CT}}}Default", Extension=ext, ContentType=content_type))
    for n in range(1, count + 1):
        etree.SubElement(root, f"{{{_NS_CT}}}Override", PartName=f"/ppt/slides/slide{n}.xml",
                         ContentType=_CT + "slide+xml")
        etree.SubElement(root, f"{{{_NS_CT}}}Override", PartName=f"/ppt/notesSlides/notesSlide{n}.xml",
                         ContentType=_CT + "notesSlide+xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core_properties(data: bytes, title: str, when: dt.datetime) -> bytes:
    ns = {"cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
          "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
          "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
    root = etree.fromstring(data)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    values = [("dc:title", title), ("dc:creator", "workshop"), ("cp:lastModifiedBy", "workshop"),
              ("cp:revision", "1"), ("dcterms:created", stamp), ("dcterms:modified", stamp),
              ("cp:lastPrinted", stamp)]
    for tag, value in values:
        prefix, local = tag.split(":")
        element = root.find(tag, ns)
        if element is None:
            element = etree.SubElement(root, f"{{{ns[prefix]}}}{local}")
        element.text = value
        if prefix == "dcterms":
            element.set(f"{{{ns['xsi']}}}type", "dcterms:W3CDTF")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
