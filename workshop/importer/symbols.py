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


def _codes(pairs: str) -> dict[int, int]:
    """A table written as ``CODE:CHARACTER`` pairs in hexadecimal, separated by white space."""
    return {int(code, 16): int(char, 16) for code, char in (pair.split(":") for pair in pairs.split())}


#: Symbol's codes that differ from ASCII (Adobe's Symbol encoding); the rest show as themselves.
_SYMBOL = _codes("""
    22:2200 24:2203 27:220B 2A:2217 2D:2212 40:2245 5C:2234 5E:22A5 7E:223C A1:03D2 A2:2032 A3:2264
    A4:2044 A5:221E A6:0192 A7:2663 A8:2666 A9:2665 AA:2660 AB:2194 AC:2190 AD:2191 AE:2192 AF:2193
    B0:00B0 B1:00B1 B2:2033 B3:2265 B4:00D7 B5:221D B6:2202 B7:2022 B8:00F7 B9:2260 BA:2261 BB:2248
    BC:2026 BF:21B5 C0:2135 C1:2111 C2:211C C3:2118 C4:2297 C5:2295 C6:2205 C7:2229 C8:222A C9:2283
    CA:2287 CB:2284 CC:2282 CD:2286 CE:2208 CF:2209 D0:2220 D1:2207 D2:00AE D3:00A9 D4:2122 D5:220F
    D6:221A D7:22C5 D8:00AC D9:2227 DA:2228 DB:21D4 DC:21D0 DD:21D1 DE:21D2 DF:21D3 E0:25CA E1:2329
    E2:00AE E3:00A9 E4:2122 E5:2211 F1:232A F2:222B
""")
# The Greek letters sit on the Latin ones (A -> Alpha, q -> theta), in Symbol's own order.
for _latin, _greek in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ", strict=True):
    _SYMBOL[ord(_latin)] = ord(_greek)
for _latin, _greek in zip("abcdefghijklmnopqrstuvwxyz", "αβχδεφγηιϕκλμνοπθρστυϖωξψζ", strict=True):
    _SYMBOL[ord(_latin)] = ord(_greek)
for _code in range(0x20, 0x7F):
    _SYMBOL.setdefault(_code, _code)

#: Wingdings codes that have a Unicode equivalent; the others (a candle, a floppy disk of
#: 5 1/4 inches, many of its arrows) have none.
_WINGDINGS = _codes("""
    20:20 21:270F 22:2702 23:2701 24:1F453 25:1F514 26:1F4D6 28:260E 29:2706 2A:2709 2C:1F4EA
    2D:1F4EB 2E:1F4EC 2F:1F4ED 30:1F4C1 31:1F4C2 32:1F4C4 36:231B 37:2328 3A:1F4BB 3C:1F4BE 3E:2707
    3F:270D 41:270C 42:1F44C 43:1F44D 44:1F44E 45:261C 46:261E 47:261D 48:261F 49:270B 4A:263A
    4B:1F610 4C:2639 4D:1F4A3 4E:2620 4F:2690 50:1F6A9 51:2708 52:263C 53:1F4A7 54:2744 56:271E
    58:2720 59:2721 5A:262A 5B:262F 5C:0950 5D:2638 5E:2648 5F:2649 60:264A 61:264B 62:264C 63:264D
    64:264E 65:264F 66:2650 67:2651 68:2652 69:2653 6A:26 6B:26 6C:25CF 6D:274D 6E:25A0 6F:25A1
    71:2751 72:2752 73:2B27 74:29EB 75:25C6 76:2756 77:2B25 78:2327 79:2353 7A:2318 7B:2740 7C:273F
    7D:275D 7E:275E 80:24EA 8B:24FF 9E:00B7 9F:2022 A0:25AA A1:25CB A2:2B55 A4:25C9 A5:25CE A7:25AA
    A8:25FB AA:2726 AB:2605 AC:2736 AD:2734 AE:2739 AF:2735 B1:2316 B2:27E1 B3:2311 B5:272A B6:2730
    D5:232B D6:2326 D8:27A2 DC:27B2 E8:2794 EF:21E6 F0:21E8 F1:21E7 F2:21E9 F3:2B04 F4:21F3 F5:2B00
    F6:2B01 F7:2B03 F8:2B02 F9:25AD FA:25AB FB:2717 FC:2713 FD:2612 FE:2611
""")
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
