"""Characters typed in a symbol font (Symbol, Wingdings) -> the Unicode characters they show.

A deck that sets a smiley in Wingdings stores the letter "J" (or the private-use U+F04A) and
relies on the font to draw a face; an outline has no fonts per character, so each is turned
into the Unicode character it shows. Codes with no Unicode equivalent, and private-use
characters in any other font, have no meaning outside their font: the caller reports them and
leaves them out. :class:`Chars` reads a paragraph run by run this way, and also leaves out
any character the build could not print (no installed font has it), so that the outline builds.
"""

from __future__ import annotations

import unicodedata

from lxml import etree

from workshop.ooxml import NS

_A = NS["a"]
_NS = NS

#: Symbol's codes that differ from ASCII (Adobe's Symbol encoding); the rest show as themselves.
_SYMBOL = {
    0x22: 0x2200, 0x24: 0x2203, 0x27: 0x220B, 0x2A: 0x2217, 0x2D: 0x2212, 0x40: 0x2245, 0x5C: 0x2234,
    0x5E: 0x22A5, 0x7E: 0x223C, 0xA1: 0x03D2, 0xA2: 0x2032, 0xA3: 0x2264, 0xA4: 0x2044, 0xA5: 0x221E,
    0xA6: 0x0192, 0xA7: 0x2663, 0xA8: 0x2666, 0xA9: 0x2665, 0xAA: 0x2660, 0xAB: 0x2194, 0xAC: 0x2190,
    0xAD: 0x2191, 0xAE: 0x2192, 0xAF: 0x2193, 0xB0: 0x00B0, 0xB1: 0x00B1, 0xB2: 0x2033, 0xB3: 0x2265,
    0xB4: 0x00D7, 0xB5: 0x221D, 0xB6: 0x2202, 0xB7: 0x2022, 0xB8: 0x00F7, 0xB9: 0x2260, 0xBA: 0x2261,
    0xBB: 0x2248, 0xBC: 0x2026, 0xBF: 0x21B5, 0xC0: 0x2135, 0xC1: 0x2111, 0xC2: 0x211C, 0xC3: 0x2118,
    0xC4: 0x2297, 0xC5: 0x2295, 0xC6: 0x2205, 0xC7: 0x2229, 0xC8: 0x222A, 0xC9: 0x2283, 0xCA: 0x2287,
    0xCB: 0x2284, 0xCC: 0x2282, 0xCD: 0x2286, 0xCE: 0x2208, 0xCF: 0x2209, 0xD0: 0x2220, 0xD1: 0x2207,
    0xD2: 0x00AE, 0xD3: 0x00A9, 0xD4: 0x2122, 0xD5: 0x220F, 0xD6: 0x221A, 0xD7: 0x22C5, 0xD8: 0x00AC,
    0xD9: 0x2227, 0xDA: 0x2228, 0xDB: 0x21D4, 0xDC: 0x21D0, 0xDD: 0x21D1, 0xDE: 0x21D2, 0xDF: 0x21D3,
    0xE0: 0x25CA, 0xE1: 0x2329, 0xE2: 0x00AE, 0xE3: 0x00A9, 0xE4: 0x2122, 0xE5: 0x2211, 0xF1: 0x232A,
    0xF2: 0x222B,
}
# The Greek letters sit on the Latin ones (A -> Alpha, q -> theta), in Symbol's own order.
for _latin, _greek in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"):
    _SYMBOL[ord(_latin)] = ord(_greek)
for _latin, _greek in zip("abcdefghijklmnopqrstuvwxyz", "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"):
    _SYMBOL[ord(_latin)] = ord(_greek)
for _code in range(0x20, 0x7F):
    _SYMBOL.setdefault(_code, _code)

#: Wingdings codes that have a Unicode equivalent; the others (a candle, a floppy disk of
#: 5 1/4 inches, many of its arrows) have none.
_WINGDINGS = {
    0x20: 0x20, 0x21: 0x270F, 0x22: 0x2702, 0x23: 0x2701, 0x24: 0x1F453, 0x25: 0x1F514, 0x26: 0x1F4D6,
    0x28: 0x260E, 0x29: 0x2706, 0x2A: 0x2709, 0x2C: 0x1F4EA, 0x2D: 0x1F4EB, 0x2E: 0x1F4EC, 0x2F: 0x1F4ED,
    0x30: 0x1F4C1, 0x31: 0x1F4C2, 0x32: 0x1F4C4, 0x36: 0x231B, 0x37: 0x2328, 0x3A: 0x1F4BB, 0x3C: 0x1F4BE,
    0x3E: 0x2707, 0x3F: 0x270D, 0x41: 0x270C, 0x42: 0x1F44C, 0x43: 0x1F44D, 0x44: 0x1F44E, 0x45: 0x261C,
    0x46: 0x261E, 0x47: 0x261D, 0x48: 0x261F, 0x49: 0x270B, 0x4A: 0x263A, 0x4B: 0x1F610, 0x4C: 0x2639,
    0x4D: 0x1F4A3, 0x4E: 0x2620, 0x4F: 0x2690, 0x50: 0x1F6A9, 0x51: 0x2708, 0x52: 0x263C, 0x53: 0x1F4A7,
    0x54: 0x2744, 0x56: 0x271E, 0x58: 0x2720, 0x59: 0x2721, 0x5A: 0x262A, 0x5B: 0x262F, 0x5C: 0x0950,
    0x5D: 0x2638, 0x5E: 0x2648, 0x5F: 0x2649, 0x60: 0x264A, 0x61: 0x264B, 0x62: 0x264C, 0x63: 0x264D,
    0x64: 0x264E, 0x65: 0x264F, 0x66: 0x2650, 0x67: 0x2651, 0x68: 0x2652, 0x69: 0x2653, 0x6A: 0x26,
    0x6B: 0x26, 0x6C: 0x25CF, 0x6D: 0x274D, 0x6E: 0x25A0, 0x6F: 0x25A1, 0x71: 0x2751, 0x72: 0x2752,
    0x73: 0x2B27, 0x74: 0x29EB, 0x75: 0x25C6, 0x76: 0x2756, 0x77: 0x2B25, 0x78: 0x2327, 0x79: 0x2353,
    0x7A: 0x2318, 0x7B: 0x2740, 0x7C: 0x273F, 0x7D: 0x275D, 0x7E: 0x275E, 0x80: 0x24EA, 0x8B: 0x24FF,
    0x9E: 0x00B7, 0x9F: 0x2022, 0xA0: 0x25AA, 0xA1: 0x25CB, 0xA2: 0x2B55, 0xA4: 0x25C9, 0xA5: 0x25CE,
    0xA7: 0x25AA, 0xA8: 0x25FB, 0xAA: 0x2726, 0xAB: 0x2605, 0xAC: 0x2736, 0xAD: 0x2734, 0xAE: 0x2739,
    0xAF: 0x2735, 0xB1: 0x2316, 0xB2: 0x27E1, 0xB3: 0x2311, 0xB5: 0x272A, 0xB6: 0x2730, 0xD5: 0x232B,
    0xD6: 0x2326, 0xD8: 0x27A2, 0xDC: 0x27B2, 0xE8: 0x2794, 0xEF: 0x21E6, 0xF0: 0x21E8, 0xF1: 0x21E7,
    0xF2: 0x21E9, 0xF3: 0x2B04, 0xF4: 0x21F3, 0xF5: 0x2B00, 0xF6: 0x2B01, 0xF7: 0x2B03, 0xF8: 0x2B02,
    0xF9: 0x25AD, 0xFA: 0x25AB, 0xFB: 0x2717, 0xFC: 0x2713, 0xFD: 0x2612, 0xFE: 0x2611,
}
_WINGDINGS.update({0x81 + k: 0x2460 + k for k in range(10)})  # circled digits one to ten
_WINGDINGS.update({0x8C + k: 0x2776 + k for k in range(10)})  # the same, white on black
_WINGDINGS.update({0xB7 + k: 0x1F550 + k for k in range(12)})  # clock faces, one to twelve o'clock

_FONTS = {"symbol": _SYMBOL, "wingdings": _WINGDINGS}


def is_symbol_font(typeface: str) -> bool:
    """Whether text in ``typeface`` is coded by position (Symbol, any Wingdings, Webdings)."""
    name = typeface.strip().lower()
    return name in _FONTS or name.startswith(("wingdings", "webdings"))


def translate(text: str, typeface: str) -> tuple[str, list[str], list[str]]:
    """``text`` as typed in ``typeface``, in Unicode; with what was turned ("J → ☺") and what
    was left out ("Wingdings 0xE0"), each named once, in order."""
    table = _FONTS.get(typeface.strip().lower()) if is_symbol_font(typeface) else None
    out, turned, dropped = [], [], []
    for ch in text:
        code = ord(ch)
        if table is None and not is_symbol_font(typeface):
            if unicodedata.category(ch) == "Co":
                dropped.append(f"a private-use character (U+{code:04X}) in {typeface or 'the default font'}, which "
                               "shows only in the font it was made for")
            else:
                out.append(ch)
            continue
        if 0xF020 <= code <= 0xF0FF:  # how PowerPoint stores a symbol font's codes
            code -= 0xF000
        if ch.isspace():
            out.append(ch)
            continue
        target = table.get(code) if table is not None and code <= 0xFF else None
        if target is None:
            shown = f"0x{code:02X}" if code <= 0xFF else f"U+{code:04X}"
            dropped.append(f"a {typeface.strip()} character ({shown}) with no Unicode equivalent")
        else:
            out.append(chr(target))
            if chr(target) != ch:
                turned.append(f"{ch if unicodedata.category(ch) != 'Co' else f'U+{ord(ch):04X}'} → {chr(target)}")
    return "".join(out), list(dict.fromkeys(turned)), list(dict.fromkeys(dropped))


class Chars:
    """Paragraph text with symbol-font characters turned into Unicode; remembers what it turned
    and what it had to leave out (characters no font of the build can print among them)."""

    def __init__(self):
        self.turned: list[str] = []
        self.dropped: list[str] = []

    def text(self, p) -> str:
        out = []
        for child in p._p:
            tag = etree.QName(child).localname
            if tag == "br":
                out.append("\v")
            elif tag in ("r", "fld"):
                t = child.find("a:t", _NS)
                out.append(self.run(t.text or "" if t is not None else "", child.find("a:rPr", _NS)))
        return "".join(out)

    def run(self, text: str, rpr) -> str:
        face = ""
        if rpr is not None:
            for tag in ("a:sym", "a:latin"):
                font = rpr.find(tag, _NS)
                if font is not None and is_symbol_font(font.get("typeface", "")):
                    face = font.get("typeface", "")
                    break
            else:
                font = rpr.find("a:latin", _NS)
                face = font.get("typeface", "") if font is not None else ""
        text, turned, dropped = translate(text, face)
        unprintable = _unprintable(text)
        if unprintable:
            text = "".join(c for c in text if c not in unprintable)
            dropped += [f"“{c}” (U+{ord(c):04X}), which no installed font can print" for c in unprintable]
        self.turned += [t for t in turned if t not in self.turned]
        self.dropped += [d for d in dropped if d not in self.dropped]
        return text


def _unprintable(text: str) -> list[str]:
    """The characters of ``text`` the build would refuse: no face it prints with can draw them."""
    if text.isascii():
        return []
    from workshop.pdfdraw import unprintable
    from workshop.printable import MAIN_FACES

    return list(dict.fromkeys(c for face in MAIN_FACES for c in unprintable(text, face)))
