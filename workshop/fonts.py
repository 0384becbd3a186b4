"""Fonts shared by every output: finding the files, measuring text, and checking coverage.

The deck names its font (Calibri by default) and is measured with a metric-compatible face
(Carlito), so PowerPoint, LibreOffice and Google Slides break lines where the plan did. PDFs
embed the faces found here. Characters the main face lacks are measured with fallback faces
(CJK, Arabic, Hebrew); a character no face has is measured as a full em, which errs towards
more room, never less.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

FONT_DIRS = [Path(__file__).resolve().parent / "data" / "fonts", Path.home() / ".fonts",
             Path.home() / ".local" / "share" / "fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]

#: For each face we may use, the font files that can stand for it, best first.
FACES: dict[str, tuple[str, ...]] = {
    "sans": ("Carlito-Regular.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf", "DejaVuSans.ttf"),
    "sans-bold": ("Carlito-Bold.ttf", "LiberationSans-Bold.ttf", "NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
    "sans-italic": ("Carlito-Italic.ttf", "LiberationSans-Italic.ttf", "NotoSans-Italic.ttf",
                    "DejaVuSans-Oblique.ttf"),
    "sans-bolditalic": ("Carlito-BoldItalic.ttf", "LiberationSans-BoldItalic.ttf", "NotoSans-BoldItalic.ttf",
                        "DejaVuSans-BoldOblique.ttf"),
    "serif": ("NotoSerif-Regular.ttf", "DejaVuSerif.ttf", "LiberationSerif-Regular.ttf"),
    "serif-bold": ("NotoSerif-Bold.ttf", "DejaVuSerif-Bold.ttf", "LiberationSerif-Bold.ttf"),
    "serif-italic": ("NotoSerif-Italic.ttf", "DejaVuSerif-Italic.ttf", "LiberationSerif-Italic.ttf"),
    "wide": ("DejaVuSans.ttf", "NotoSans-Regular.ttf"),
    "arabic": ("NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf", "DejaVuSans.ttf"),
    "hebrew": ("NotoSansHebrew-Regular.ttf", "DejaVuSans.ttf"),
    "cjk": ("DroidSansFallbackFull.ttf", "DroidSansFallback.ttf", "wqy-zenhei.ttc"),
}
FALLBACKS = ("wide", "arabic", "hebrew", "cjk")
#: Width, in ems, assumed for characters no available face carries.
UNKNOWN_WIDTH = 1.0


@functools.lru_cache(maxsize=None)
def _index() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in FONT_DIRS:
        if not folder.is_dir():
            continue
        for root, _dirs, files in sorted(os.walk(folder)):
            for name in sorted(files):
                found.setdefault(name, Path(root) / name)
    return found


def font_file(face: str) -> Path | None:
    """The best file on this machine for ``face`` ("sans", "sans-bold", "cjk", ...), or None."""
    index = _index()
    return next((index[n] for n in FACES[face] if n in index), None)


@dataclass(frozen=True)
class Face:
    name: str
    path: Path
    widths: dict[int, float]  # code point -> width in 1/1000 em

    def has(self, char: str) -> bool:
        return ord(char) in self.widths


@functools.lru_cache(maxsize=None)
def tt_font(face: str) -> TTFont | None:
    """The parsed font for ``face`` (parsed once; the PDFs register this same object)."""
    path = font_file(face)
    return None if path is None else TTFont(f"ws-{face}", str(path), subfontIndex=0)


@functools.lru_cache(maxsize=None)
def load_face(face: str) -> Face | None:
    tt = tt_font(face)
    if tt is None:
        return None
    return Face(face, font_file(face), tt.face.charWidths)


def _char_width(face: str, char: str) -> float:
    # White space (a tab in an agenda row) is never looked for in the fallback faces: loading
    # them costs a large part of a deck's build and they would not be used for it.
    for name in (face,) if char.isspace() else (face, *FALLBACKS):
        loaded = load_face(name)
        if loaded is not None and ord(char) in loaded.widths:
            return loaded.widths[ord(char)] / 1000
    if char.isspace():
        return 0.25
    return UNKNOWN_WIDTH


_WIDTHS: dict[str, dict[str, float]] = {}  # face -> character -> width in em, as looked up so far


def text_width(text: str, size: float, face: str = "sans") -> float:
    """Width of ``text`` in points at ``size`` points, in ``face`` with fallbacks."""
    known = _WIDTHS.setdefault(face, {})
    total = 0.0
    for char in text:
        w = known.get(char)
        if w is None:
            w = known[char] = _char_width(face, char)
        total += w
    return total * size


def wrap(text: str, size: float, width: float, face: str = "sans") -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points, at spaces where possible.

    A word wider than a whole line is broken between characters, as office suites do.
    """
    return wrap_by(text, lambda t: text_width(t, size, face), width)


def wrap_by(text: str, measure, width: float) -> list[str]:
    """Greedy line breaking with any ``measure`` (text -> points); each newline starts a line.

    ``measure`` must be additive (the width of "ab" is the width of "a" plus that of "b"), as it
    is for fonts drawn without kerning: each word is measured once, not each trial line.
    """
    lines: list[str] = []
    space = measure(" ")
    for paragraph in text.split("\n"):
        line, line_w = "", 0.0
        for word in paragraph.split(" "):
            word_w = measure(word)
            trial_w = line_w + space + word_w if line else word_w
            if trial_w <= width:
                line, line_w = (f"{line} {word}" if line else word), trial_w
                continue
            if line:
                lines.append(line)
            line, line_w = "", 0.0
            for char in word:
                char_w = measure(char)
                if line and line_w + char_w > width:
                    lines.append(line)
                    line, line_w = char, char_w
                else:
                    line, line_w = line + char, line_w + char_w
        lines.append(line)
    return lines


def missing_characters(text: str, faces: tuple[str, ...]) -> list[str]:
    """Characters of ``text`` (other than spaces and controls) that none of ``faces`` carries."""
    loaded = [f for f in (load_face(n) for n in faces) if f is not None]
    missing = []
    for char in dict.fromkeys(text):
        if char.isspace() or not char.isprintable() or _is_mark(char):
            continue
        if not any(f.has(char) for f in loaded):
            missing.append(char)
    return missing


def _is_mark(char: str) -> bool:
    import unicodedata
    return unicodedata.category(char) in ("Mn", "Me", "Cf")
