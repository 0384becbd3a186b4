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
             decoration: dict[str, str] | None = None) -> Skeleton:
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
    return _cached_skeleton(key, size, tuple(layout_for.items()), tuple(sorted((decoration or {}).items())))


@functools.lru_cache(maxsize=4)
def _cached_skeleton(key: tuple[str, int, int] | None, size: tuple[int, int],
                     layout_for: tuple[tuple[str, str], ...], decoration: tuple[tuple[str, str], ...]) -> Skeleton:
    from pptx import Presentation

    prs = Presentation(key[0]) if key else Presentation()
    _drop_slides(prs)
    prs.slide_width, prs.slide_height = size
    by_name = {layout.name: layout for master in prs.slide_masters for layout in master.slide_layouts}
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
    mark = f"<a:p><a:r><a:t>{_NOTES_MARK}</a:t></a:r></a:p>"
    head, tail = notes_xml.split(mark)
    buffer = io.BytesIO()
    prs.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        parts = tuple((name, z.read(name)) for name in z.namelist())
    return Skeleton(parts, layouts, XML_HEAD + head, tail, notes_master)


#: Placeholder types (as ``<p:ph type>`` writes them) and the role a slide gives each.
_ROLES = {"title": "title", "ctrTitle": "title", "ftr": "footer", "sldNum": "number"}


def _placeholders(layout) -> dict[str, str]:
    """The layout's placeholders by role, each as the ``<p:ph>`` attributes that fill it on a slide."""
    found: dict[str, str] = {}
    bodies = []
    for shape in layout.placeholders:
        ph = shape._element.find(f"{{{_NS_P}}}nvSpPr/{{{_NS_P}}}nvPr/{{{_NS_P}}}ph")
        kind = ph.get("type", "obj")
        attrs = "".join(f' {k}="{attr(v)}"' for k, v in ph.attrib.items())
        if kind in _ROLES:
            found.setdefault(_ROLES[kind], attrs)
        elif kind in ("obj", "body") and ph.get("orient") != "vert":
            bodies.append((int(ph.get("idx", "0")), attrs))
    for role, (_, attrs) in zip(("body", "body2"), sorted(bodies)):
        found[role] = attrs
    return found


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
