"""Complex scripts for the PDFs: HarfBuzz shaping and right-to-left order.

ReportLab draws one glyph per code point. That is right for Latin, Greek, Cyrillic, Chinese and
Korean, but Devanagari joins consonants into conjuncts and draws the vowel sign ि before its
consonant, Thai stacks tone marks over vowel marks, Arabic joins its letters and places its
vowel marks. HarfBuzz (uharfbuzz) turns such a run into positioned glyphs, which ReportLab draws
through its own shaped-text path (``ShapedStr``: one code per glyph, one ``ShapeData`` per glyph
with HarfBuzz's advance and offsets). A glyph the character map does not reach (a conjunct, a
joined form) is given a private-use code; codes are given once per face, in glyph order, so the
same text writes the same bytes whatever was drawn before. The text itself is kept for copying
and searching with an ActualText span around each line (see :func:`workshop.pdfdraw.draw`).
"""

from __future__ import annotations

import functools
import itertools
import unicodedata

from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from workshop.fonts import font_location, forget_with_fonts, tt_font

FEATURES = {"kern": True, "liga": True}


def is_complex(text: str) -> bool:
    """True if ``text`` has a character that one glyph per code point draws wrong: a mark, a
    letter of a joining or reordering script, or a right-to-left letter."""
    return not text.isascii() and any(_complex(c) for c in text)


@functools.lru_cache(maxsize=4096)
def _complex(char: str) -> bool:
    code = ord(char)
    if code < 0x0300 or unicodedata.category(char) in ("Zs", "Cc", "Cf", "Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Sm"):
        return False
    if unicodedata.category(char) in ("Mn", "Mc", "Me"):
        return True
    # Latin, Greek, Cyrillic and Armenian letters; symbols and punctuation; CJK, kana and
    # Hangul syllables: one glyph each, left to right
    simple = ((0x0370, 0x058F), (0x1E00, 0x1FFF), (0x2000, 0x2BFF), (0x2E80, 0xA4CF), (0xAC00, 0xD7A3),
              (0xE000, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x1F000, 0x1FAFF), (0x20000, 0x10FFFF))
    return not any(lo <= code <= hi for lo, hi in simple)


def has_rtl(text: str) -> bool:
    return not text.isascii() and any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


#: What the PDFs put between facts ("date · place · presenters"): each fact is ordered on its own,
#: so the clock times after an Arabic place name are not read as part of it (Unicode's rule W2).
FACT_SEPARATOR = " · "


def levels(text: str) -> list[int]:
    """The bidirectional embedding level of each character of one line (odd: right to left),
    with the line's direction taken from its first strong letter (Unicode's rules P2-P3) and each
    fact between :data:`FACT_SEPARATOR` resolved on its own."""
    from bidi import algorithm as bidi  # imported when first needed: most text is left to right

    base = bidi.get_base_level(text)
    out: list[int] = []
    for n, fact in enumerate(text.split(FACT_SEPARATOR)):
        if n:
            out += [base] * len(FACT_SEPARATOR)
        if not fact:
            continue
        storage = bidi.get_empty_storage()
        storage["base_level"], storage["base_dir"] = base, ("L", "R")[base]
        bidi.get_embedding_levels(fact, storage)
        every = list(storage["chars"])
        bidi.explicit_embed_and_overrides(storage)  # rule X9 takes out joiners and embedding marks
        bidi.resolve_weak_types(storage)
        bidi.resolve_neutral_types(storage, False)
        bidi.resolve_implicit_levels(storage, False)
        kept = {id(c) for c in storage["chars"]}
        level = base
        for char in every:  # one level per character: one X9 took out goes with the one before it
            if id(char) in kept:
                level = char["level"]
            out.append(level)
    return out


def visual_order(items: list) -> list:
    """``items`` (each with a ``level``), in logical order, put in drawing order (rule L2)."""
    items = list(items)
    if not items:
        return items
    top = max(i.level for i in items)
    lowest_odd = min((i.level for i in items if i.level % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        out = []
        for high, group in itertools.groupby(items, key=lambda i: i.level >= level):
            group = list(group)
            out += group[::-1] if high else group
        items = out
    return items


@functools.lru_cache(maxsize=8192)
def shape(text: str, face: str, rtl: bool) -> ShapedStr:
    """``text`` (one run, logical order) shaped in ``face``: glyphs left to right as drawn."""
    import uharfbuzz as hb  # imported when first needed: most text needs no shaping

    font = tt_font(face)
    codes = _glyph_codes(face)
    hb_font = _hb_font(face)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    hb.shape(hb_font, buffer, FEATURES)
    scale = 1000 / hb_font.face.upem
    widths = font.face.charWidths
    chars, data = [], []
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        code = codes[info.codepoint]
        chars.append(chr(code))
        data.append(ShapeData(info.cluster, pos.x_advance * scale, pos.y_advance * scale, pos.x_offset * scale,
                              pos.y_offset * scale, widths[code]))
    return ShapedStr("".join(chars), shapeData=data)


def shaped_width(text: ShapedStr, size: float) -> float:
    return sum(d.x_advance for d in text.__shapeData__) * size / 1000


@functools.lru_cache(maxsize=None)
def _hb_font(face: str):
    import uharfbuzz as hb

    path, number = font_location(face)
    return hb.Font(hb.Face(hb.Blob.from_file_path(str(path)), number))


@functools.lru_cache(maxsize=None)
def _glyph_codes(face: str) -> tuple[int, ...]:
    """For each glyph of ``face``, the code ReportLab draws it by: a character it maps, or a
    private-use code given here (in glyph order) to a glyph only shaping reaches."""
    font = tt_font(face)
    ttf = font.face
    codes: list[int | None] = [None] * ttf.numGlyphs
    for glyph, chars in ttf.glyphToChar.items():
        if glyph < len(codes):
            codes[glyph] = min(chars)
    free = (c for c in itertools.chain(range(0xE000, 0xF900), range(0xF0000, 0xFFFFE)) if c not in ttf.charToGlyph)
    added = []
    for glyph, code in enumerate(codes):
        if code is None:
            code = codes[glyph] = next(free)
            ttf.charToGlyph[code] = glyph
            ttf.glyphToChar[glyph] = [code]
            ttf.charWidths[code] = font.pdfScale(ttf.hmetrics[glyph][0])
            added.append(code)
    font.ws_added = frozenset(added)
    return tuple(codes)


@forget_with_fonts
def forget() -> None:
    for cached in (shape, _hb_font, _glyph_codes):
        cached.cache_clear()
