"""People's names as printed records set them: the post-nominals after a name ("..., PhD, RN"),
the given and family name (for sorting a sign-in sheet), and the suffixes ("III", "Jr.") a line
never starts with. Shared by the sign-in sheet and the certificates."""

from __future__ import annotations

import re
import unicodedata


#: Words that belong to the family name that follows them ("de la Cruz", "Van der Berg").
PARTICLES = {"da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "St.", "ten", "ter",
             "van", "von", "bin", "ibn", "al", "el"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
#: Marks only Vietnamese sets on a Latin letter (hook above, dot below, horn) and its đ: a
#: Vietnamese name is written family name first.
VIETNAMESE = re.compile("[\u0309\u0323\u031b\u0111\u0110]")


#: A post-nominal: letters with at least two capitals and few small ones (LCSW, PhD, PsyD, RN, M.Ed.).
_CREDENTIAL = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.\-/]{1,8}")


def credentials_of(name: str) -> tuple[str, str]:
    """(the name, its post-nominals): "Ngozi Okonkwo, PhD, RN" is ("Ngozi Okonkwo", "PhD, RN");
    a name with no comma, or whose words after the comma are not all credentials, is (name, "")."""
    base, comma, rest = name.partition(",")
    parts = [p.strip() for p in rest.split(",")]
    if not comma or not base.strip() or not all(_CREDENTIAL.fullmatch(p) and sum(c.islower() for c in p) <= 3
                                                for p in parts):
        return name, ""
    return base.strip(), ", ".join(parts)


def split_name(name: str) -> tuple[str, str]:
    """(given, family) where the name shows which is which: the last word of a name of several,
    with the particles before it and without a suffix (Jr., III) or post-nominals (", LCSW"); the
    first word of a Vietnamese name; ("", name) for one word or a name written without spaces (王芳)."""
    name = credentials_of(name)[0]
    words = name.split()
    if len(words) < 2:
        return "", name.strip()
    if VIETNAMESE.search(unicodedata.normalize("NFD", name)):
        return " ".join(words[1:]), words[0]
    end = len(words)
    while end > 2 and words[end - 1].casefold().strip(",") in SUFFIXES:
        end -= 1
    start = end - 1
    while start > 1 and words[start - 1].casefold() in {p.casefold() for p in PARTICLES}:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def sort_key(name: str) -> tuple:
    """Family name, then given name, compared without case or accents (Ó with O)."""
    def plain(text: str) -> str:
        stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return re.sub(r"[’'\-\s]", "", stripped).casefold()

    given, family = split_name(name)
    return plain(family), plain(given), name
