"""Words the deck recognises in an outline's own text, per language: the titles a presenter ends
on ("Thank you", "Gracias", "Merci"), so the deck's end matter goes before that slide in every
language the outline can be written in; and the quotation marks a quote is set in."""

from __future__ import annotations

import re

#: The start of a goodbye slide's title, per language; English is understood in every language
#: (a Spanish deck may still end on "Q&A").
_FAREWELL_WORDS = {
    "en": r"thank(s| you)|questions|q\s*&\s*a|goodbye|farewell|closing",
    "es": r"(muchas\s+)?gracias|preguntas|despedida|cierre|hasta\s+pronto|adiós",
    "fr": r"merci|questions|au\s+revoir|clôture|à\s+bientôt",
}


def is_farewell(title: str, language: str = "en") -> bool:
    """Whether ``title`` is a goodbye ("Thank you", "¡Gracias!", "Merci !") in ``language`` or English."""
    words = _FAREWELL_WORDS["en"]
    if language in _FAREWELL_WORDS and language != "en":
        words += "|" + _FAREWELL_WORDS[language]
    return re.match(rf"[\s¡¿«“\"]*({words})\b", title, re.I) is not None


#: The marks a quote slide sets its quote in, per language (English's curly quotes otherwise).
_QUOTE_MARKS = {"es": ("«", "»"), "fr": ("«\u00a0", "\u00a0»")}


def quoted(text: str, language: str = "en") -> str:
    """``text`` in the quotation marks of ``language``: “…” in English, «…» in Spanish, « … » in French."""
    opening, closing = _QUOTE_MARKS.get(language, ("“", "”"))
    return f"{opening}{text}{closing}"
