"""What every XML part and zip package the tool writes shares: the namespaces by prefix, element
making in ``prefix:name`` form, the serialisation of a part, and the reproducible zip.

Everything written goes through lxml's element API, so text and attributes are escaped by the
library. :func:`write_zip` fixes what a zip would otherwise take from the clock and the machine
(timestamps, permissions, the system that made it), so equal members give equal bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

from lxml import etree

#: The one namespace table: every prefix the deck, the importer and the packages use.
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
    "a14": "http://schemas.microsoft.com/office/drawing/2010/main",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
    "qti": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2",
    "imscp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
    "imsmd": "http://www.imsglobal.org/xsd/imsmd_v1p2",
    "canvas": "http://canvas.instructure.com/xsd/cccv1p0",
}
#: A relationship's type is this followed by its kind ("slide", "image", ...).
REL_TYPE = NS["r"] + "/"
#: The declarations on a slide, a notes page or a layout fragment, in the order PowerPoint writes them.
DECK_NSMAP = {"a": NS["a"], "p": NS["p"], "r": NS["r"]}

class _Names(dict):
    """``"a:srgbClr"`` -> ``"{namespace}srgbClr"``, worked out once per name."""

    def __missing__(self, name: str) -> str:
        prefix, _, local = name.rpartition(":")
        found = self[name] = f"{{{NS[prefix]}}}{local}" if prefix and not name.startswith("{") else name
        return found


_QNAMES = _Names()
_SubElement = etree.SubElement


def qn(name: str) -> str:
    """``"a:srgbClr"`` as lxml's ``"{namespace}srgbClr"``; a name without a prefix stays as it is."""
    return _QNAMES[name]


def sub(parent: etree._Element, name: str, attrs: dict[str, str] | None = None, text: str | None = None):
    """A new child ``name`` ("p:sp") of ``parent``, with ``attrs`` in order (a namespaced
    attribute's name through :func:`qn`: ``{qn("r:embed"): ...}``) and ``text``."""
    child = _SubElement(parent, _QNAMES[name], attrs)
    if text is not None:
        child.text = text
    return child


def element(name: str, attrs: dict[str, str] | None = None, nsmap: dict[str, str] | None = None):
    """A new element ``name`` standing alone, to be put into a tree later (lxml then drops any
    declaration the tree already makes)."""
    return etree.Element(_QNAMES[name], attrs, nsmap=nsmap)


def part_bytes(root: etree._Element) -> bytes:
    """A package part as Office writes it: UTF-8, with a standalone XML declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def zip_stamp(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """``when`` as a zip member's date (zip has nothing before 1980)."""
    if when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def write_zip(members: Iterable[tuple[str, bytes | str]], when: dt.datetime) -> bytes:
    """A zip of ``members`` (name, data) in the order given, each deflated, dated ``when``, read-write
    for its owner and readable by all, marked as made on Unix whatever the machine: equal members
    give equal bytes."""
    stamp = zip_stamp(when)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()
