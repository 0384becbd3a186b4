"""Display names in attendance reports: the platform's marks taken off, brackets (credentials,
pronouns, devices, Zoom's original name) kept apart, dial-ins told from names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# What a platform adds to a display name: Teams marks guests, Zoom marks phone and guest joins.
_SUFFIX = re.compile(r"\s*\((?:external|unverified|guest|extern|externe|invitado)\)\s*$", re.IGNORECASE)


def plain_name(name: str) -> str:
    """A display name without the platform's marks: "Ann Lee (External)" is "Ann Lee"."""
    name = " ".join(name.split())
    while True:
        shorter = _SUFFIX.sub("", name)
        if shorter == name:
            return name
        name = shorter


def name_key(name: str) -> str:
    """A name compared without case, accents, punctuation or word order ("Lee, Ann" is "Ann Lee")."""
    text = unicodedata.normalize("NFKD", plain_name(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(sorted(re.sub(r"[^\w]+", " ", text).split()))


@dataclass(frozen=True)
class Name:
    """A report's display name read: what to print, what to match, and what was beside it."""

    name: str  # the name to print (for a dial-in, the number: for messages only, never printed)
    names: tuple[str, ...]  # every name to match by
    display: str = ""  # the name outside the bracket, as written
    bracket: str = ""
    bracket_kind: str = ""
    phone: bool = False
    problem: str = ""  # a name that cannot be read one way only (said at the row)


_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "xe", "xem", "xyr",
             "ze", "zir", "hir", "any", "all", "ey", "em", "ella", "el", "él", "elle", "il", "pronouns"}
_DEVICES = re.compile(r"\b(i?phone|ipad|iphone|android|galaxy|pixel|laptop|desktop|tablet|macbook|mac|pc|"
                      r"chromebook|surface|kindle|computer|mobile|cell|zoom ?room|device|ipod|windows)\b|'s\b|’s\b",
                      re.IGNORECASE)
# Lower-case letters a credential may hold: PhD, PsyD, EdD, MEd, MSc.
_CREDENTIAL = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Za-z][A-Za-z.\-]*[0-9IVX]*\.?$")
_PHONE = re.compile(r"^\+?[\d\s().\-]{7,}$")
_CALL_IN = re.compile(r"^(call[\s-]?in|dial[\s-]?in|phone|telephone|unknown caller)(\s*user)?([\s_#-]*\d+)?$",
                      re.IGNORECASE)


def is_phone(text: str) -> bool:
    """A dial-in's "name": a phone number (``14045550100``, ``+1 404-555-0199``) or "Call-in user"."""
    text = text.strip()
    return (bool(_PHONE.match(text)) and sum(c.isdigit() for c in text) >= 7) or bool(_CALL_IN.match(text))


def _credentials(text: str) -> bool:
    """Whether every word of ``text`` is a credential: "LCSW, LCADC", "Ph.D.", "LPC-S", "MSW/LCSW"."""
    words = [w for w in re.split(r"[\s,;/&]+", text.strip()) if w]
    if not words:
        return False
    for word in words:
        letters = [c for c in word if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        if not _CREDENTIAL.match(word) or upper * 2 < len(letters):
            return False
    return True


def _bracket_kind(text: str) -> str:
    """What a bracket after a name holds: "pronouns", "device", "credentials", "original name"
    (two or more words of a name: Zoom's rename) or "other"."""
    words = [w.casefold() for w in re.split(r"[\s/,]+", text.strip()) if w]
    if "/" in text and words and all(w.strip(".") in _PRONOUNS for w in words):
        return "pronouns"
    if words and words[0] == "pronouns":
        return "pronouns"
    if _DEVICES.search(text) or re.match(r"^[A-Z]+-[A-Z0-9]{4,}$", text.strip()):  # DESKTOP-4F3K2Q
        return "device"
    if _credentials(text):
        return "credentials"
    if len(re.findall(r"[^\W\d_]+", text)) >= 2:
        return "original name"
    return "other"


def read_name(cell: str, flip: bool = False) -> Name:
    """A report's display name read as a person's name.

    A bracket after the name is kept apart (:class:`Name` ``bracket``) and named by kind: credentials
    ("Ann Lee (LCSW, LCADC)"), pronouns ("(she/her)") and devices ("(Maria's iPad)") are not the
    name, which is the text outside; Zoom's rename "New Name (Original Name)" prints the original
    (account) name and matches by both. Credentials after a comma ("Ann Lee, LCSW") are kept apart
    the same way. A phone number or "Call-in user" is a dial-in, never a name. With ``flip`` (a
    Teams directory name), "Lee, Ann" is "Ann Lee"; a name with more commas than that cannot be
    read one way only and is a ``problem``."""
    cell = plain_name(cell)
    if is_phone(cell):  # the number is kept for messages; it matches no one (no names) and prints nowhere
        return Name(cell, (), cell, phone=True)
    display, bracket, kind = cell, "", ""
    while match := re.match(r"^(.*\S)\s*\(([^()]+)\)$", display):
        this = _bracket_kind(match.group(2).strip())
        if kind and (kind == "original name" or this == "original name"):
            break  # "Bo (Robert Diaz) (LCSW)": the rename is read, the rest stays in the name
        display = match.group(1).strip()
        bracket = "; ".join(b for b in (match.group(2).strip(), bracket) if b)
        kind = this if not kind or kind == this else "other"
        if is_phone(display):
            return Name(cell, (), cell, bracket, kind, phone=True)
    parts = [p.strip() for p in display.split(",")]
    while len(parts) > 1 and _credentials(parts[-1]):  # "Ann Lee, LCSW, LCADC"
        bracket = ", ".join(([parts[-1]] + ([bracket] if bracket else [])))
        kind = kind if kind and kind != "credentials" else "credentials"
        parts.pop()
    display = ", ".join(parts)
    problem = ""
    if len(parts) == 2 and all(parts) and flip:
        display = f"{parts[1]} {parts[0]}"  # "Lee, Ann" as the directory writes it: Ann Lee
    elif len(parts) > 1 and flip:
        problem = (f"the name {cell!r} cannot be read as one person's name (a directory's \"Last, First\" has one "
                   "comma); give a roster with this person's name and email, or correct the name in Teams")
    if kind == "original name":
        return Name(bracket, (display, bracket), display, bracket, kind, problem=problem)
    return Name(display, (display,), display, bracket, kind, problem=problem)
