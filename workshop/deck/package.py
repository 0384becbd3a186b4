"""The .pptx package around the slides: everything but the slides comes from python-pptx, once
per template; the slides arrive as XML elements and are zipped in with their relationships.

python-pptx builds the package once per template: masters, layouts, theme, notes master, and one
throw-away slide per layout that shows what a slide made from it starts with (its title
placeholder) and what a notes page looks like. Writing the slides with lxml directly is much faster than
growing them shape by shape through python-pptx, and keeps a long deck linear: each slide costs
the same however many come before it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import zipfile
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage

from workshop.deck.frame import layouts_by_name
from workshop.ooxml import NS, REL_TYPE, element, part_bytes, qn, sub, write_zip

_CT = "application/vnd.openxmlformats-officedocument.presentationml."
_NOTES_MARK = "WORKSHOP-NOTES-GO-HERE"
_MEDIA = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg"), "GIF": ("gif", "image/gif"),
          "BMP": ("bmp", "image/bmp"), "TIFF": ("tiff", "image/tiff")}



@dataclass(frozen=True)
class Layout:
    """A layout a slide is made from, and the placeholders it offers, each as the attributes of
    the ``<p:ph>`` a slide writes to fill it: "title", "body" and "body2" (the columns of a
    two-content layout), "footer" and "number" (the slide number)."""

    target: str  # the layout part, relative to a slide part
    placeholders: dict[str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class Skeleton:
    parts: tuple[tuple[str, bytes], ...]  # every part of the package but the slides, in order
    layouts: dict[str, Layout]  # by slide kind ("other" for all the rest)
    notes_page: bytes  # a notes page, its notes text a paragraph reading _NOTES_MARK (see notes_page())
    notes_master: str  # the notes master part, relative to a notes part

    def notes(self, paragraphs: list) -> bytes:
        """The notes page of a slide whose notes are ``paragraphs`` (``a:p`` elements)."""
        page = deepcopy(_parsed_notes_page(self.notes_page))
        mark = next(t for t in page.iter(qn("a:t")) if t.text == _NOTES_MARK).getparent().getparent()
        at = mark.getparent().index(mark)
        mark.getparent()[at:at + 1] = paragraphs
        return part_bytes(page)


@functools.lru_cache(maxsize=8)
def _parsed_notes_page(data: bytes):
    return etree.fromstring(data)


def skeleton(template: Path | None, size: tuple[int, int], layout_for: dict[str, str],
             decoration: dict | None = None, scheme: tuple[tuple[str, str], ...] = ()) -> Skeleton:
    """The package for a deck of ``size`` (EMU) on ``template`` (python-pptx's default when None).

    ``layout_for`` names the layout each kind of slide is made from; "other" is for every kind not
    named, and a layout the template lacks leaves its kinds to "other". ``decoration`` puts
    shapes (the children of a ``p:spTree`` element) and backgrounds (a ``p:bg`` element, under
    "bg:NAME") into layouts by name, so slides carry no decoration of their own. Kept for the life of the process, so a watched deck
    rebuilds quickly.
    """
    key = None
    if template is not None:
        stat = template.stat()
        key = (str(template), stat.st_mtime_ns, stat.st_size)
    # serialised: the cache needs a value it can compare, and each layout gets its own copy
    shapes = tuple(sorted((name, etree.tostring(xml)) for name, xml in (decoration or {}).items()))
    return _cached_skeleton(key, size, tuple(layout_for.items()), shapes, scheme)


@functools.lru_cache(maxsize=4)
def _cached_skeleton(key: tuple[str, int, int] | None, size: tuple[int, int],
                     layout_for: tuple[tuple[str, str], ...], decoration: tuple[tuple[str, bytes], ...],
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
    notes_xml = b""
    for kind, layout in kinds.items():
        layouts[kind] = Layout("../" + layout.part.partname.lstrip("/").split("/", 1)[1], _placeholders(layout))
        if not notes_xml:
            slide = prs.slides.add_slide(layout)
            slide.notes_slide.notes_text_frame.text = _NOTES_MARK
            notes_xml = etree.tostring(slide.notes_slide._element)
            notes_master = "../" + slide.notes_slide.part.notes_master.part.partname.lstrip("/").split("/", 1)[1]
    _drop_slides(prs)
    buffer = io.BytesIO()
    prs.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        parts = tuple((name, z.read(name)) for name in z.namelist())
    return Skeleton(parts, layouts, notes_xml, notes_master)


def marked_notes_page(skeleton: Skeleton) -> str:
    """A notes page of ``skeleton`` with the notes' place marked: what :func:`skeleton_from_master` takes."""
    return etree.tostring(_parsed_notes_page(skeleton.notes_page), encoding="unicode")


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
            layout_name = root.find("p:cSld", NS).get("name", "")
            by_name.setdefault(layout_name, ("../" + name.split("/", 1)[1], root))
    layouts = {kind: Layout(by_name[name][0], _placeholders_of(by_name[name][1]))
               for kind, name in layout_for if name in by_name}
    rels = etree.fromstring(found["ppt/_rels/presentation.xml.rels"])
    notes_master = next("../" + r.get("Target") for r in rels if r.get("Type", "").endswith("/notesMaster"))
    return Skeleton(parts, layouts, notes_page.encode("utf-8"), notes_master)


#: Placeholder types (as ``<p:ph type>`` writes them) and the role a slide gives each.
_ROLES = {"title": "title", "ctrTitle": "title", "ftr": "footer", "sldNum": "number"}


def _placeholders(layout) -> dict[str, tuple[tuple[str, str], ...]]:
    """The layout's placeholders by role, each as the ``<p:ph>`` attributes that fill it on a slide."""
    return _placeholders_of(layout._element)


def _placeholders_of(layout_element) -> dict[str, tuple[tuple[str, str], ...]]:
    """:func:`_placeholders` from a layout's XML."""
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    bodies = []
    tree = layout_element.find("p:cSld/p:spTree", NS)
    shapes = [] if tree is None else [s for s in tree if s.find(".//p:nvPr/p:ph", NS) is not None]
    for shape in shapes:
        ph = shape.find(".//p:nvPr/p:ph", NS)
        kind = ph.get("type", "obj")
        attrs = tuple(ph.attrib.items())
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
            ph = shape._element.find("p:nvSpPr/p:nvPr/p:ph", NS)
            kind = ph.get("type", "obj")
            place = places.get(f"{kind}:{ph.get('idx', '0')}") or places.get(kind)
            if place is not None:
                shape.left, shape.top, shape.width, shape.height = (Pt(v) for v in place)
            elif shape._element.find("p:spPr/a:xfrm", NS) is not None:
                shape.left, shape.width = int(shape.left * factor), int(shape.width * factor)
    on_primary, muted, text = design.get("on_primary"), design.get("on_primary_muted"), design.get("text")
    if not on_primary:
        return
    styles = master._element.find("p:txStyles", NS)
    _style(styles.find("p:titleStyle", NS), 1, 3600, on_primary, bold=True, anchor_title=master)
    body = styles.find("p:bodyStyle", NS)
    _style(body, 1, 2400, text)
    _style(body, 2, 2000, text)
    for layout in master.slide_layouts:  # full-bleed layouts: text on the primary
        if layout.name in ("Title Slide", "Section Header"):
            for shape in layout.placeholders:
                kind = shape._element.find("p:nvSpPr/p:nvPr/p:ph", NS).get("type", "obj")
                title = kind in ("title", "ctrTitle")
                colour = on_primary if title else muted if kind in ("body", "subTitle") else None
                size = (4000 if layout.name == "Title Slide" else 4400) if title else 2400
                if colour:
                    _placeholder_colour(shape, colour, size, bold=title)


def _style(style, level: int, size: int, colour: str, bold: bool = False, anchor_title=None) -> None:
    """Set one level of a master text style: size, weight, colour, and the design's face."""
    if style is None:
        return
    tag = qn(f"a:lvl{level}pPr")
    p_pr = style.find(tag)
    if p_pr is None:
        p_pr = etree.SubElement(style, tag)
    d = p_pr.find("a:defRPr", NS)
    if d is None:
        d = etree.SubElement(p_pr, qn("a:defRPr"))
    d.set("sz", str(size))
    d.set("b", "1" if bold else "0")
    for child in list(d):
        if etree.QName(child).localname in ("solidFill", "schemeClr"):
            d.remove(child)
    fill = element("a:solidFill")
    sub(fill, "a:srgbClr", {"val": colour})
    d.insert(0, fill)
    if anchor_title is not None:  # titles centred on the bar, left-aligned as the deck sets them
        p_pr.set("algn", "l")
        for shape in anchor_title.placeholders:
            ph = shape._element.find("p:nvSpPr/p:nvPr/p:ph", NS)
            if ph.get("type") == "title":
                body_pr = shape._element.find("p:txBody/a:bodyPr", NS)
                if body_pr is not None:
                    body_pr.set("anchor", "ctr")


def _placeholder_colour(shape, colour: str, size: int, bold: bool) -> None:
    """A layout placeholder's own text colour, size and weight, left-aligned, in its list style."""
    tx_body = shape._element.find("p:txBody", NS)
    if tx_body is None:
        return
    lst = tx_body.find("a:lstStyle", NS)
    if lst is None:
        lst = etree.Element(qn("a:lstStyle"))
        tx_body.insert(1, lst)
    for child in list(lst):
        lst.remove(child)
    level = sub(lst, "a:lvl1pPr", {"marL": "0", "indent": "0", "algn": "l"})
    sub(level, "a:buNone")
    sub(sub(sub(level, "a:defRPr", {"sz": str(size), "b": str(int(bold))}), "a:solidFill"), "a:srgbClr", {"val": colour})


def _set_scheme(prs, scheme: dict[str, str]) -> None:
    """Give the theme the design's colours and fonts, so PowerPoint's colour and font pickers offer
    them: ``scheme`` maps clrScheme entries (dk2, accent1 ...) to "RRGGBB", and "name", "major" and
    "minor" to the theme's name and heading and body faces."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    ns = NS
    if "name" in scheme:
        root.set("name", scheme["name"])
        root.find("a:themeElements/a:clrScheme", ns).set("name", scheme["name"])
        root.find("a:themeElements/a:fontScheme", ns).set("name", scheme["name"])
    for key, value in scheme.items():
        entry = root.find(f"a:themeElements/a:clrScheme/a:{key}", ns)
        if entry is not None:
            for child in list(entry):
                entry.remove(child)
            etree.SubElement(entry, qn("a:srgbClr"), val=value)
    for key in ("major", "minor"):
        if key in scheme:
            latin = root.find(f"a:themeElements/a:fontScheme/a:{key}Font/a:latin", ns)
            latin.set("typeface", scheme[key])
    part._blob = part_bytes(root)


def _decorate(by_name: dict, decoration: dict[str, bytes]) -> None:
    """Put shapes and backgrounds into the named layouts: behind their placeholders."""
    for name, xml in decoration.items():
        is_bg = name.startswith("bg:")
        layout = by_name.get(name[3:] if is_bg else name)
        if layout is None:
            continue
        c_sld = layout._element.find("p:cSld", NS)
        if is_bg:
            old = c_sld.find("p:bg", NS)
            if old is not None:
                c_sld.remove(old)
            c_sld.insert(0, etree.fromstring(xml))
            continue
        tree = c_sld.find("p:spTree", NS)
        shapes = etree.fromstring(xml)
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
    xml: bytes
    notes_xml: bytes
    layout: str
    pictures: list[str]  # media part names, in relationship order (rId2, rId3, ...)


def write_package(skeleton: Skeleton, title: str, slides: list[SlideParts], media: Media, when: dt.datetime) -> bytes:
    return write_zip(_members(skeleton, title, slides, media, when), when)


def _members(skeleton: Skeleton, title: str, slides: list[SlideParts], media: Media, when: dt.datetime):
    """Every part of the package, in the order they are zipped: the skeleton's, the slides', the media."""
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
        yield name, data
    for n, slide in enumerate(slides, 1):
        rels = [("slideLayout", slide.layout)] + [("image", "../media/" + p.rsplit("/", 1)[1])
                                                    for p in slide.pictures]
        rels.append(("notesSlide", f"../notesSlides/notesSlide{n}.xml"))
        yield f"ppt/slides/slide{n}.xml", slide.xml
        yield f"ppt/slides/_rels/slide{n}.xml.rels", _rels(rels)
        yield f"ppt/notesSlides/notesSlide{n}.xml", slide.notes_xml
        yield (f"ppt/notesSlides/_rels/notesSlide{n}.xml.rels",
               _rels([("notesMaster", skeleton.notes_master), ("slide", f"../slides/slide{n}.xml")]))
    yield from media.parts.values()


def _rels(rels: list[tuple[str, str]]) -> bytes:
    root = element("pr:Relationships", nsmap={None: NS["pr"]})
    for n, (kind, target) in enumerate(rels, 1):
        sub(root, "pr:Relationship", {"Id": f"rId{n}", "Type": REL_TYPE + kind, "Target": target})
    return part_bytes(root)


def _presentation_rel_ids(rels_xml: bytes, count: int) -> list[str]:
    used = {int(r.get("Id")[3:]) for r in etree.fromstring(rels_xml) if r.get("Id", "").startswith("rId")
            and r.get("Id")[3:].isdigit()}
    start = max(used, default=0) + 1
    return [f"rId{start + k}" for k in range(count)]


def _presentation_rels(data: bytes, rel_ids: list[str]) -> bytes:
    root = etree.fromstring(data)
    for n, rel_id in enumerate(rel_ids, 1):
        etree.SubElement(root, qn("pr:Relationship"), Id=rel_id, Type=REL_TYPE + "slide",
                         Target=f"slides/slide{n}.xml")
    return part_bytes(root)


def _slide_list(data: bytes, rel_ids: list[str]) -> bytes:
    root = etree.fromstring(data)
    id_list = root.find("p:sldIdLst", NS)
    for n, rel_id in enumerate(rel_ids):
        etree.SubElement(id_list, qn("p:sldId"), {"id": str(256 + n), qn("r:id"): rel_id})
    return part_bytes(root)


def _content_types(data: bytes, count: int, media: dict[str, str]) -> bytes:
    root = etree.fromstring(data)
    defaults = {d.get("Extension").lower() for d in root.iter(qn("ct:Default"))}
    for ext, content_type in sorted(media.items()):
        if ext not in defaults:
            root.insert(0, etree.Element(qn("ct:Default"), Extension=ext, ContentType=content_type))
    for n in range(1, count + 1):
        etree.SubElement(root, qn("ct:Override"), PartName=f"/ppt/slides/slide{n}.xml",
                         ContentType=_CT + "slide+xml")
        etree.SubElement(root, qn("ct:Override"), PartName=f"/ppt/notesSlides/notesSlide{n}.xml",
                         ContentType=_CT + "notesSlide+xml")
    return part_bytes(root)


def _core_properties(data: bytes, title: str, when: dt.datetime) -> bytes:
    ns = NS
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
    return part_bytes(root)
