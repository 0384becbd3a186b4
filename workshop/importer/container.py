"""Is this file a PowerPoint deck we can open safely? Answered before python-pptx sees it.

A .pptx is a zip package. Everything else a trainer may hand us (an old binary .ppt, a Keynote
file, a Word document renamed, a half-downloaded file, a password-protected deck) gets a plain
message that says what it is and how to turn it into a .pptx. The zip's central directory is
read first and its declared sizes are bounded, so a zip bomb is refused before anything is
unpacked; Python's zip reader never returns more bytes than the directory declares.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from workshop.errors import InputError, Problem, Src, display_path

#: Most bytes a deck may unpack to. Videos count; a deck this large is better trimmed first.
MAX_UNPACKED = 1024 * 1024 * 1024
MAX_MEMBERS = 20_000
#: A member this much smaller packed than unpacked is not a picture or slide but a bomb.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # small members may compress well (repetitive XML); ignore below this

#: What a damaged zip raises as it is opened or a part is unpacked (a bad header, a bad stream).
_DAMAGE = (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, OSError, EOFError, RuntimeError)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "open it in PowerPoint and choose File > Save As > PowerPoint Presentation (.pptx)"
_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": "",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": "a PowerPoint show (.ppsx)",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": "a PowerPoint template (.potx)",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": "a PowerPoint show (.ppsm)",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": "a PowerPoint template (.potm)",
}


DAMAGED = f"the file is damaged or incomplete (was the download or copy finished?); if PowerPoint can still open it, {_SAVE_AS} again"


def open_deck(path: Path) -> bytes:
    """The bytes of the .pptx at ``path``, once it is known to be a deck of a sane size.

    Raises :class:`InputError` with one plain message when it is not.
    """
    where = Src(display_path(path))

    def refuse(message: str) -> InputError:
        return InputError(Problem(where, message))

    if path.is_dir():
        if path.suffix.lower() == ".key":
            raise refuse("this is a Keynote presentation; in Keynote choose File > Export To > PowerPoint, "
                         "then import the .pptx")
        raise refuse("this is a folder; name a .pptx file")
    if not path.exists():
        raise refuse("file not found")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(f"cannot be read: {exc.strerror or exc}") from None
    if not data:
        raise refuse("the file is empty; was it saved or copied completely?")
    if data.startswith(_OLE_MAGIC):
        raise refuse(_ole_message(path))
    if not data.startswith(b"PK"):
        raise refuse(_not_zip_message(path, data))
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGE:
        raise refuse(DAMAGED) from None
    with package:
        _check_sizes(package, refuse)
        names = set(package.namelist())
        try:
            kind = _other_package(names, package)
            main = _main_content_type(package)
        except _DAMAGE:
            raise refuse(DAMAGED) from None
        if kind:
            raise refuse(kind)
        if main is None:
            raise refuse(f"this is a zip file but not a PowerPoint deck; {_SAVE_AS}")
        if main not in _MAIN_TYPES:
            raise refuse(f"this package is not a PowerPoint deck (its main part is {main}); {_SAVE_AS}")
        if _MAIN_TYPES[main]:
            raise refuse(f"this is {_MAIN_TYPES[main]}, not a deck; {_SAVE_AS}")
    return data


def _check_sizes(package: zipfile.ZipFile, refuse) -> None:
    infos = package.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse(f"the file holds {len(infos)} parts, more than a deck ever needs; it is not a deck "
                     "this tool can read")
    total = 0
    for info in infos:
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and info.file_size / packed > MAX_RATIO:
            raise refuse(f"the part {info.filename} would unpack to {_megabytes(info.file_size)}, over "
                         f"{MAX_RATIO} times its packed size; the file is damaged or not a real deck")
    if total > MAX_UNPACKED:
        raise refuse(f"the deck unpacks to {_megabytes(total)}, more than the {_megabytes(MAX_UNPACKED)} this tool reads; "
                     "remove videos or compress its media (in PowerPoint: File > Info > Compress Media), "
                     "then import it again")


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _other_package(names: set[str], package: zipfile.ZipFile) -> str:
    """What the zip is when it is some other kind of document, or ""."""
    if "word/document.xml" in names:
        return "this is a Word document, not a deck (was it renamed?); import the deck's own .pptx file"
    if "xl/workbook.xml" in names:
        return "this is an Excel workbook, not a deck (was it renamed?); import the deck's own .pptx file"
    if "Index.zip" in names or any(n.startswith("Index/") for n in names):
        return ("this is a Keynote presentation; in Keynote choose File > Export To > PowerPoint, "
                "then import the .pptx")
    if "mimetype" in names:
        kind = package.read("mimetype")[:100].decode("ascii", "replace")
        if "opendocument.presentation" in kind:
            return ("this is an OpenDocument presentation (.odp); in LibreOffice Impress choose "
                    "File > Save As and the PowerPoint (.pptx) type, then import that file")
        return "this is an OpenDocument file, not a deck; import the deck's .pptx file"
    return ""


def _main_content_type(package: zipfile.ZipFile) -> str | None:
    """The content type of the package's main document, read from [Content_Types].xml."""
    from lxml import etree

    try:
        types = etree.fromstring(package.read("[Content_Types].xml"), etree.XMLParser(resolve_entities=False))
    except (KeyError, etree.XMLSyntaxError):
        return None
    for element in types:
        if element.get("PartName", "").lower() == "/ppt/presentation.xml":
            return element.get("ContentType", "")
    if "ppt/presentation.xml" in package.namelist():
        return ""
    return None


def _ole_message(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".ppt", ".pps", ".pot"):
        return f"this is an older PowerPoint file ({suffix}); {_SAVE_AS}, then import the .pptx"
    if suffix in (".doc", ".xls"):
        return f"this is an older Word or Excel file ({suffix}), not a deck; import the deck's .pptx file"
    return ("this file is password-protected or in PowerPoint's older .ppt format; open it in PowerPoint, "
            "remove the password (File > Info > Protect Presentation) or choose File > Save As > "
            "PowerPoint Presentation (.pptx), then import that file")


def _not_zip_message(path: Path, data: bytes) -> str:
    head = data[:1024].lstrip()
    if path.suffix.lower() == ".key":
        return ("this is a Keynote presentation; in Keynote choose File > Export To > PowerPoint, "
                "then import the .pptx")
    if head.startswith(b"%PDF"):
        return "this is a PDF, not a deck; import the .pptx it was made from"
    if head[:1] in (b"<", b"{") or head.startswith(b"\xef\xbb\xbf"):
        return f"this is a text file, not a PowerPoint deck; {_SAVE_AS}"
    return f"this is not a PowerPoint deck (.pptx); {_SAVE_AS}"
