"""The words the tool itself prints, in the outline's language (``workshop.language``).

Every label an output writes is an English message id looked up in a gettext catalog,
``workshop/locale/<language>/LC_MESSAGES/workshop.po``, which a translator edits without reading
code. The catalogs are read with Babel's ``.po`` reader the first time a language is used, not
compiled to ``.mo``: the package then works from a wheel or a checkout with no build step, and no
compiled file can fall out of step with the text a translator edited. Dates and numbers come from
Babel's CLDR data ("14 de marzo de 2026", "3,00"), so no month name is written here.

English is the catalog's own message ids; its dates and hours keep the forms the outputs have
always printed, so English kits do not change.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "workshop"
DEFAULT = "en"


def N_(msgid: str) -> str:
    """Marks a module constant as a message for the catalog; it is translated where it is used."""
    return msgid


def languages() -> tuple[str, ...]:
    """Every language an outline may ask for: English and each folder with a catalog."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (DEFAULT,) + tuple(code for code in found if code != DEFAULT)


@lru_cache(maxsize=None)
def _catalog(language: str) -> gettext.NullTranslations:
    """The language's catalog: its ``.po`` read by Babel and compiled in memory to the ``.mo``
    form the standard library's gettext reads (which gives the plural rule of the catalog's
    header). Fuzzy entries are left out, as msgfmt leaves them: English shows until reviewed."""
    if language == DEFAULT:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalog_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def tr(language: str, msgid: str, **fields) -> str:
    """``msgid`` in ``language`` (English where the catalog has no translation yet), with its
    ``{fields}`` filled in."""
    text = _catalog(language or DEFAULT).gettext(msgid)
    return text.format(**fields) if fields else text


def trn(language: str, singular: str, plural: str, n: int, **fields) -> str:
    """The form of ``singular``/``plural`` for the count ``n`` in ``language`` (its catalog's
    plural rule: French says "0 commentaire", Spanish "0 comentarios"), ``{n}`` and ``fields`` filled in."""
    return _catalog(language or DEFAULT).ngettext(singular, plural, n).format(n=n, **fields)


def hours_text(value: Decimal, language: str = DEFAULT) -> str:
    """CE hours as printed: at least two decimals ("2.25", "3.00"; "3,00" in Spanish and French),
    more if the award needs them."""
    text = f"{value:.2f}"
    if Decimal(text) != value:
        text = format(value.normalize(), "f")
    if (language or DEFAULT) == DEFAULT:
        return text
    from babel.numbers import format_decimal

    decimals = len(text.partition(".")[2])
    return format_decimal(value, format="#,##0." + "0" * decimals, locale=language)


def number_text(value, language: str = DEFAULT) -> str:
    """A count or a mean in the language's digits and separators ("4.5", "4,5")."""
    if (language or DEFAULT) == DEFAULT:
        return str(value)
    from babel.numbers import format_decimal

    return format_decimal(value, locale=language)


#: ``workshop.date_style`` as CLDR date formats, for every language but English (whose forms are
#: in :func:`workshop.schedule.date_text`): the day-first styles are what CLDR's "long" and "full"
#: already are in Spanish and French.
_CLDR_STYLES = {"long": "full", "short": "long", "day-month": "long", "long-day-month": "full"}


def cldr_date(day: dt.date, style: str, language: str) -> str:
    """``day`` in ``language`` through CLDR: "sábado, 14 de marzo de 2026", "14 mars 2026"."""
    if style == "iso":
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, format=_CLDR_STYLES.get(style, "full"), locale=language)


class Figure(Decimal):
    """A number a :class:`Said` prints as written ("0.25", "0,25"), not as hours ("0.25" but "1.00")."""


@dataclass(frozen=True)
class Said:
    """A message kept with its fields, to print in any language later: a reason the attendance
    rule gives is English in attendance.csv and the command's output, and in the outline's language
    on the attendance log. A field may itself be a :class:`Said`; a :class:`~decimal.Decimal` prints
    as hours, a :class:`Figure` as written. ``plural`` and ``count`` make it a :func:`trn` message."""

    msgid: str
    fields: tuple[tuple[str, object], ...] = ()
    plural: str = ""
    count: int = 0

    def text(self, language: str = DEFAULT) -> str:
        values = {}
        for name, value in self.fields:
            if isinstance(value, Said):
                value = value.text(language)
            elif isinstance(value, Figure):
                value = number_text(value, language)
            elif isinstance(value, Decimal):
                value = hours_text(value, language)
            values[name] = value
        if self.plural:
            return trn(language, self.msgid, self.plural, self.count, **values)
        return tr(language, self.msgid, **values)

    def __str__(self) -> str:
        return self.text(DEFAULT)


def said(msgid: str, **fields) -> Said:
    """``msgid`` with its ``fields``, to print later in a language (:class:`Said`)."""
    return Said(msgid, tuple(fields.items()))


def said_n(singular: str, plural: str, n: int, **fields) -> Said:
    """The singular or plural message for ``n`` (``{n}`` filled in), to print later."""
    return Said(singular, tuple(fields.items()), plural, n)
