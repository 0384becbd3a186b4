"""Typesetting for print: curly quotes and apostrophes, en dashes in ranges, no stray invisibles.

Applied to every piece of text a PDF draws (through :func:`workshop.pdfdraw.clean`), so every
output sets the same text the same way. Only patterns with one reading are changed: a hyphen
between two clock times or in a page range ("pp. 113-141", or "2(1), 70-74" after a journal's
volume and issue) becomes an en dash; a hyphen anywhere
else (certificate ids, license numbers, double-barrelled names) is kept as written.
"""

from __future__ import annotations

import re
import unicodedata

_TIME_RANGE = re.compile(r"\b(\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?)\s?-\s?(\d{1,2}:\d{2})\b")
_PAGE_RANGE = re.compile(r"\b(pp?\.\s?\d+)-(\d+)\b")
#: The pages after a journal's volume and issue, "48(1), 98-102": a range by its place in the citation.
_ISSUE_PAGES = re.compile(r"\b(\d+\(\d+(?:[-–]\d+)?\),\s?[A-Za-z]?\d+)-([A-Za-z]?\d+)\b")
#: Joiners that shape the letters around them in these scripts (and join emoji); elsewhere they
#: have nothing to join and a face that lacks them would print a visible box.
_JOINERS = "\u200c\u200d"
_ALWAYS_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
_JOINING_SCRIPTS = ("ARABIC", "SYRIAC", "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL",
                    "TELUGU", "KANNADA", "MALAYALAM", "SINHALA", "MONGOLIAN", "NKO", "PERSIAN")


def typeset(text: str) -> str:
    """``text`` as print sets it: “curly” quotes, ’ for apostrophes, en dashes in time and page
    ranges, and no invisible characters that would print as a mark."""
    if text.isascii() and not any(c in text for c in "'\"-"):
        return text
    text = _drop_invisibles(text)
    text = _TIME_RANGE.sub(lambda m: f"{m.group(1)}\u2013{m.group(2)}", text)
    text = _PAGE_RANGE.sub(lambda m: f"{m.group(1)}\u2013{m.group(2)}", text)
    text = _ISSUE_PAGES.sub(lambda m: f"{m.group(1)}\u2013{m.group(2)}", text)
    return _quotes(text)


def _quotes(text: str) -> str:
    out = []
    for i, char in enumerate(text):
        if char not in "'\"":
            out.append(char)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = before.isspace() or before in "([{\u2014\u2013/-\u201c\u2018"
        if char == "'":
            # an apostrophe inside a word or before a year ("O'Connor", "it's", "'90s") is a closing quote
            out.append("\u2018" if opening and not after.isdigit() and not after.isspace() else "\u2019")
        else:
            out.append("\u201c" if opening and not after.isspace() else "\u201d")
    return "".join(out)


def _drop_invisibles(text: str) -> str:
    text = text.translate(_ALWAYS_INVISIBLE)
    if not any(j in text for j in _JOINERS):
        return text
    out = []
    for i, char in enumerate(text):
        if char in _JOINERS:
            near = (text[i - 1] if i else "") + (text[i + 1] if i + 1 < len(text) else "")
            if not any(_joins(c) for c in near):
                continue
        out.append(char)
    return "".join(out)


def _joins(char: str) -> bool:
    if ord(char) >= 0x1F000 or unicodedata.category(char) == "So":  # emoji sequences
        return True
    name = unicodedata.name(char, "")
    return any(name.startswith(script) for script in _JOINING_SCRIPTS)
