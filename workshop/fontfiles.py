"""Reading font files: the folders a system keeps them in, the faces a file holds, whether their
outlines are TrueType (which the PDFs embed) or PostScript (CFF, which they cannot), and the
characters each upright regular face has. :mod:`workshop.fonts` chooses among them.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path

#: Set to the system font folders to search, separated by os.pathsep, in place of the usual
#: folders of this system (an empty value: none, only the bundled faces).
FONT_DIRS_VARIABLE = "WORKSHOP_FONT_DIRS"
#: Files read as fonts; a collection (.ttc, .otc) holds several faces.
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
#: Styles a face found by scanning must not have: text in another script is set upright and regular.
NOT_REGULAR = re.compile(r"bold|italic|oblique|light|thin|black|heavy|semi|demi|extra|ultra|condensed|narrow|"
                         r"compressed|expanded|mono|medium", re.I)


def system_font_dirs(platform: str = sys.platform, environ=os.environ) -> list[Path]:
    """The folders this system keeps fonts in, the user's own first."""
    given = environ.get(FONT_DIRS_VARIABLE)
    if given is not None:
        return [Path(p) for p in given.split(os.pathsep) if p]
    home = Path.home()
    if platform == "win32":
        folders = [Path(environ.get("WINDIR") or environ.get("SystemRoot") or r"C:\Windows") / "Fonts"]
        if environ.get("LOCALAPPDATA"):  # fonts installed for one user (Windows 10 1809 and later)
            folders.insert(0, Path(environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return folders
    if platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
                Path("/Network/Library/Fonts")]
    data_home = Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    data_dirs = [Path(d) for d in (environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":") if d]
    return list(dict.fromkeys([home / ".fonts", data_home / "fonts", *(d / "fonts" for d in data_dirs)]))


@functools.lru_cache(maxsize=None)
def outlines(path: Path, number: int = 0) -> str:
    """"truetype", "cff" (PostScript outlines), or "" for a file that is not a usable font,
    read from the file's header (face ``number`` of a collection)."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if head[:4] == b"ttcf":
                count = int.from_bytes(head[8:12], "big")
                if not 0 <= number < count:
                    return ""
                f.seek(12 + 4 * number)
                f.seek(int.from_bytes(f.read(4), "big"))
                head = f.read(4)
    except OSError:
        return ""
    tag = head[:4]
    return "truetype" if tag in (b"\x00\x01\x00\x00", b"true") else "cff" if tag == b"OTTO" else ""


def face_count(path: Path) -> int:
    """How many faces the font file holds (a collection holds several)."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
    except OSError:
        return 0
    return int.from_bytes(head[8:12], "big") if head[:4] == b"ttcf" else 1


def read_coverage(path: Path) -> list[tuple[int, str, frozenset[int]]]:
    """For each upright regular face of the font file: its number, outlines and code points."""
    import uharfbuzz

    faces = []
    for number in range(face_count(path)):
        kind = outlines(path, number)
        if not kind:
            continue
        try:
            face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path)), number)
            style = face.get_name(uharfbuzz.OTNameIdPredefined.FONT_SUBFAMILY) or ""
            codes = frozenset(face.unicodes)
        except Exception:  # an unreadable font file is one face fewer, not a failed build
            continue
        if not NOT_REGULAR.search(style):
            faces.append((number, kind, codes))
    return faces
