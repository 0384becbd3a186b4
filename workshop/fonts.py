"""Fonts shared by every output: finding the files, choosing a face for each character, measuring.

The deck names its font (Calibri by default) and is measured with a metric-compatible face
(Carlito), so PowerPoint, LibreOffice and Google Slides break lines where the plan did. PDFs
embed the faces found here. The faces the kit needs ship inside the package (Carlito, Noto Serif,
Noto Sans Arabic and Hebrew, and the common Chinese and Japanese characters) and come first, so a
kit looks the same on every computer; other scripts are drawn in the system's own faces, found in
the usual font folders of Linux, macOS and Windows (``WORKSHOP_FONT_DIRS`` names others instead).
A character the main face lacks is drawn in a fallback face: first the face made for its script
(Noto Sans Devanagari for Devanagari, Nanum Gothic for Hangul, ...), then the named fallbacks,
then any upright regular face in the font folders that has it, found by reading the faces'
character maps (once, and only when a character needs it). TrueType collections are read face by
face; a face with PostScript (CFF) outlines is passed over, since the PDFs embed TrueType outlines
only, and a message about a character no face has names it. A character no face has is measured
as a full em, which errs towards more room; :func:`face_for` returns None for it, so the check
before a build can name it.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

from workshop.fontcache import kept_coverage, load_ttfont
from workshop.fontfiles import FONT_SUFFIXES, NOT_REGULAR, outlines, read_coverage, system_font_dirs

#: The faces that ship inside the package (with their licences): they come first, so a kit looks
#: the same on every computer. See tools/bundle_fonts.py for where each came from.
BUNDLED_FONTS = Path(__file__).resolve().parent / "data" / "fonts"
#: What to do when a bundled face is missing: the package was installed without its data.
REINSTALL = ("workshop ships these in its workshop/data/fonts folder, which is missing or incomplete: install "
             "workshop again (python -m pip install --force-reinstall workshop-kit)")

#: Every folder searched, the bundled faces first (a test may replace the whole list).
FONT_DIRS = [BUNDLED_FONTS, *system_font_dirs()]

#: For each face we may use, the font files that can stand for it, best first. A collection's
#: first face is used; a file name with "#N" names face N of a collection.
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
    # the bundled subset: the Chinese and Japanese characters nearly every name uses
    "cjk": ("DroidSansFallback-Subset.ttf",),
    # the rest from the system's own face (Debian: fonts-droid-fallback; Windows: Microsoft YaHei)
    "cjk-system": ("DroidSansFallbackFull.ttf", "DroidSansFallback.ttf", "wqy-zenhei.ttc", "msyh.ttc",
                   "simsun.ttc"),
    # Droid Sans Fallback has only a few hundred of the 11,172 Hangul syllables (Debian: fonts-nanum)
    "korean": ("NanumGothic.ttf", "NanumBarunGothic.ttf", "UnDotum.ttf", "malgun.ttf"),
    # emoji in black and white, which prints on any printer (Debian: fonts-symbola); a colour
    # emoji face cannot be embedded in a PDF as text
    "emoji": ("Symbola_hint.ttf", "Symbola.ttf"),
}
FALLBACKS = ("wide", "arabic", "hebrew", "cjk", "cjk-system", "korean", "emoji")
#: The Debian package that supplies the emoji face, named in messages when it is missing.
EMOJI_PACKAGE = "fonts-symbola"
#: The face made for a script, named by the first word of its characters' Unicode names; other
#: scripts look for "NotoSans<Script>-Regular.ttf" (fonts-noto-core) before the fallbacks.
SCRIPT_FACES = {"HANGUL": "korean", "CJK": "cjk", "HIRAGANA": "cjk", "KATAKANA": "cjk", "BOPOMOFO": "cjk",
                "IDEOGRAPHIC": "cjk", "ARABIC": "arabic", "HEBREW": "hebrew"}
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


def _file_and_number(name: str) -> tuple[str, int]:
    """"NotoSansThai-Regular" -> ("NotoSansThai-Regular.ttf", 0); "msyh.ttc#1" -> ("msyh.ttc", 1)."""
    file, _, number = name.partition("#")
    if not file.lower().endswith(FONT_SUFFIXES):
        file += ".ttf"
    return file, int(number) if number.isdigit() else 0


def font_location(face: str) -> tuple[Path, int] | None:
    """The best file on this machine for ``face`` and the number of the face in it (0 unless the
    file is a collection), or None. A face with PostScript (CFF) outlines is passed over: the PDFs
    can embed TrueType outlines only."""
    index = _index()
    for name in FACES.get(face, (face,)):
        file, number = _file_and_number(name)
        if file in index and outlines(index[file], number) == "truetype":
            return index[file], number
    return None


def font_file(face: str) -> Path | None:
    """The best file on this machine for ``face`` ("sans", "cjk", or an installed face's file
    name, such as "NotoSansThai-Regular" or "msyh.ttc#1"), or None."""
    found = font_location(face)
    return found[0] if found else None


@dataclass(frozen=True)
class Face:
    name: str
    path: Path
    widths: dict[int, float]  # code point -> width in 1/1000 em, for the characters the font maps

    def has(self, char: str) -> bool:
        return ord(char) in self.widths


@functools.lru_cache(maxsize=None)
def tt_font(face: str) -> TTFont | None:
    """The parsed font for ``face`` (parsed once; the PDFs register this same object)."""
    found = font_location(face)
    if found is None:
        return None
    return load_ttfont("ws-" + re.sub(r"[^A-Za-z0-9_-]", "-", face), *found)


@functools.lru_cache(maxsize=None)
def load_face(face: str) -> Face | None:
    tt = tt_font(face)
    if tt is None:
        return None
    # a copy without the private-use codes shaping gives glyphs the character map does not reach
    added = getattr(tt, "ws_added", ())
    return Face(face, font_file(face), {c: w for c, w in tt.face.charWidths.items() if c not in added})


#: What is built from the faces further up (the faces registered with reportlab, the glyph codes
#: shaping gave): each module that keeps such a thing adds its own way to forget it, so that this
#: module, which they all read, need not import them.
_BUILT_ON_FACES: list[Callable[[], None]] = []


def forget_with_fonts(clear: Callable[[], None]) -> Callable[[], None]:
    """Have :func:`forget` call ``clear`` too (a decorator); returns ``clear``."""
    _BUILT_ON_FACES.append(clear)
    return clear


def forget() -> None:
    """Forget every font looked up so far (after FONT_DIRS changes, as in tests), and everything
    built from them."""
    for cached in (_index, outlines, tt_font, load_face, _fallback, _coverage, _scanned, face_for):
        cached.cache_clear()
    _WIDTHS.clear()
    for clear in _BUILT_ON_FACES:
        clear()


# -- which face draws a character ------------------------------------------------------------

def needs_glyph(char: str) -> bool:
    """False for characters drawn as nothing: spaces, controls, joiners, variation selectors,
    emoji skin tones and tags."""
    if char.isspace():
        return False
    category = unicodedata.category(char)
    return (category not in ("Cc", "Cf") and not 0xFE00 <= ord(char) <= 0xFE0F and not 0xE0100 <= ord(char) <= 0xE01EF
            and not is_emoji_modifier(char))


def joins_previous(char: str) -> bool:
    """True for a character that belongs with the one before it: a mark, a joiner, a selector,
    an emoji's skin tone or tag."""
    return (unicodedata.category(char) in ("Mn", "Mc", "Me") or char in "\u200c\u200d"
            or is_emoji_modifier(char))


def is_emoji_modifier(char: str) -> bool:
    """True for the characters that change an emoji's colour or make it a regional flag (skin
    tones, tags): a black-and-white face has no use for them and draws them as separate marks."""
    return 0x1F3FB <= ord(char) <= 0x1F3FF or 0xE0020 <= ord(char) <= 0xE007F


def is_emoji(char: str) -> bool:
    """True for a pictograph, as far as the messages about emoji need to tell."""
    code = ord(char)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF


@functools.cache
def _cluster_pattern():
    """A user-perceived character (Unicode's extended grapheme cluster, UAX #29): a letter with its
    marks, a conjunct, an emoji sequence with its joiners, selectors and skin tone, a flag's pair."""
    import regex  # imported when first needed: most text is drawn in its main face, never cut

    return regex.compile(r"\X")


def clusters(text: str) -> list[str]:
    """``text`` cut where a face may change: between user-perceived characters (grapheme clusters),
    never inside a letter with its marks or an emoji sequence."""
    return _cluster_pattern().findall(text)


def has_all(face: str, chars) -> bool:
    loaded = load_face(face)
    return loaded is not None and all(ord(c) in loaded.widths for c in chars)


@functools.lru_cache(maxsize=65536)  # the same letters recur in every name of a roster
def face_for(cluster: str, main: str, current: str | None = None) -> str | None:
    """The face that draws ``cluster`` in text set in ``main``, or None if no installed face can.

    ``current`` is the face of the cluster before: spaces, punctuation and digits stay in it when it
    has them, so a run of Thai or Devanagari is not cut (and shaped in pieces) at every comma.
    """
    needed = tuple(c for c in cluster if needs_glyph(c))
    sticky = current is not None and current != main
    if not needed:
        return current if sticky and has_all(current, cluster) else main
    if sticky and not unicodedata.category(needed[0]).startswith("L") and has_all(current, needed):
        return current
    if has_all(main, needed):
        return main
    return _fallback(needed)


@functools.lru_cache(maxsize=8192)
def _fallback(needed: tuple[str, ...]) -> str | None:
    for face in _candidates(needed[0]):
        if has_all(face, needed):
            return face
    return None


def _candidates(char: str):
    words = unicodedata.name(char, "").split(" ")
    if words[0] in SCRIPT_FACES:
        yield SCRIPT_FACES[words[0]]
    elif words[0]:
        for n in (2, 1):
            yield "NotoSans" + "".join(w.title() for w in words[:n]) + "-Regular"
    yield from FALLBACKS
    code = ord(char)
    for face, codes in _coverage():
        if code in codes:
            yield face


@functools.lru_cache(maxsize=None)
def _coverage() -> tuple[tuple[str, frozenset[int]], ...]:
    """Every upright, regular face in the font folders that may stand in for a script, with the
    code points it maps: TrueType faces the PDFs can embed (see :func:`cff_faces_with` for the rest).

    Noto Sans before Noto Serif before other Noto faces before the rest, then by name, so the same
    machine always picks the same face.
    """
    return tuple((face, codes) for face, kind, codes in _scanned() if kind == "truetype")


def cff_faces_with(char: str) -> list[str]:
    """Font files with ``char`` that the PDFs cannot use, their outlines being PostScript (CFF)."""
    return list(dict.fromkeys(face.partition("#")[0] for face, kind, codes in _scanned()
                              if kind == "cff" and ord(char) in codes))


@functools.lru_cache(maxsize=None)
def _scanned() -> tuple[tuple[str, str, frozenset[int]], ...]:
    def rank(name: str):
        group = (0 if name.startswith("NotoSans") else 1 if name.startswith("NotoSerif") else
                 2 if name.startswith("Noto") else 3)
        return group, name.lower()

    found = []
    index = _index()
    names = [n for n in index if n.lower().endswith(FONT_SUFFIXES) and not NOT_REGULAR.search(n.rsplit(".", 1)[0])]
    for name in sorted(names, key=rank):
        faces = kept_coverage(index[name], read_coverage)
        for number, kind, codes in faces:
            shown = name[:-4] if name.endswith(".ttf") else name  # "NotoSansThai-Regular", as _candidates names it
            found.append((shown if len(faces) == 1 and number == 0 else f"{name}#{number}", kind, codes))
    return tuple(found)


# -- measuring -------------------------------------------------------------------------------

def _char_width(face: str, char: str) -> float:
    # White space (a tab in an agenda row) is never looked for in the fallback faces: loading
    # them costs a large part of a deck's build and they would not be used for it.
    chosen = face if char.isspace() else face_for(char, face)
    loaded = load_face(chosen) if chosen is not None else None
    if loaded is not None and ord(char) in loaded.widths:
        return loaded.widths[ord(char)] / 1000
    if char.isspace():
        return 0.25
    return 0.0 if not needs_glyph(char) or joins_previous(char) else UNKNOWN_WIDTH


_WIDTHS: dict[str, dict[str, float]] = {}  # face -> character -> width in em, as looked up so far


def text_width(text: str, size: float, face: str = "sans") -> float:
    """Width of ``text`` in points at ``size`` points, in ``face`` with fallbacks, one glyph a
    character (the office suites shape complex scripts themselves; this errs a little wide)."""
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
    is for fonts drawn without kerning: each word is measured once, not each trial line. A word
    too long for a line is cut between clusters, never between a letter and its marks.
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
            for piece in (clusters(word) if not word.isascii() else word):
                piece_w = measure(piece)
                if line and line_w + piece_w > width:
                    lines.append(line)
                    line, line_w = piece, piece_w
                else:
                    line, line_w = line + piece, line_w + piece_w
        lines.append(line)
    return lines


def missing_characters(text: str, face: str) -> list[str]:
    """Characters of ``text`` that no installed face can draw in text set in ``face``, in order."""
    main = load_face(face)
    if main is not None and all(map(main.widths.__contains__, map(ord, text))):
        return []
    missing: list[str] = []
    current = None
    for cluster in clusters(text):
        chosen = face_for(cluster, face, current)
        if chosen is None:
            alone = [c for c in cluster if needs_glyph(c) and face_for(c, face) is None]
            # each can be drawn, but no face has this letter with these marks: the marks are the problem
            missing += alone or [c for c in cluster if joins_previous(c) and needs_glyph(c)]
        current = chosen
    return list(dict.fromkeys(missing))
