"""The message catalog's template, taken from the code: every label the outputs print.

``python -m workshop.messages`` rewrites ``workshop/locale/workshop.pot`` from the source and
brings each language's ``.po`` up to date with it (new messages added untranslated, removed ones
kept as obsolete "#~" entries, changed ones marked fuzzy), as ``pybabel extract`` and ``pybabel
update`` would. A translator then edits only the ``.po``. ``tests/test_i18n.py`` fails when the
template or a catalog is behind the code.

Messages are marked in the code by :func:`workshop.i18n.tr` (the message is its second argument),
:func:`workshop.i18n.trn` (singular and plural, second and third), ``N_`` for constants,
:func:`workshop.i18n.said` and ``said_n`` for messages printed later, and a builder's own
``self.t`` (first argument).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from workshop.i18n import DOMAIN, LOCALE_DIR, catalog_path, languages

PACKAGE = Path(__file__).parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"tr": (2,), "trn": (2, 3), "N_": None, "t": None, "said": None, "said_n": (1, 2)}
#: The template carries no date, so that the same code writes the same file.
FIXED = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
HEADER = ("# The labels workshop prints in its outputs (the deck, handouts, guide, forms, certificates, e-mail\n"
          "# and verification pages). Made by `python -m workshop.messages`; do not edit: translate in\n"
          "# workshop/locale/<language>/LC_MESSAGES/workshop.po. {field} names a value filled in; keep it.\n#")


def template():
    """The catalog of every message the code marks, with where each is used (sorted, dated never:
    the same code gives the same file)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project="workshop", domain=DOMAIN, charset="utf-8", creation_date=FIXED, revision_date=FIXED,
                      fuzzy=False, header_comment=HEADER, msgid_bugs_address="", copyright_holder="", version="")
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
                             comment_tags=("TRANSLATORS:",), strip_comment_tags=True)
    for filename, _lineno, message, comments, context in found:
        path = (PACKAGE.name + "/" + filename).replace("\\", "/")
        catalog.add(message, None, [(path, None)], auto_comments=comments, context=context,
                    flags=("python-brace-format",) if "{" in (message if isinstance(message, str) else message[0])
                    else ())
    return catalog


def _bytes(catalog) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=False, sort_by_file=True, omit_header=False,
             include_previous=False, ignore_obsolete=False)
    return out.getvalue()


def updated(language: str, pot):
    """``language``'s catalog brought up to date with the template ``pot``."""
    from babel.messages.pofile import read_po

    with catalog_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False, keep_user_comments=True,
                   update_creation_date=False)
    return catalog


def expected_files() -> dict[Path, bytes]:
    """The template and each catalog as this code wants them."""
    pot = template()
    files = {TEMPLATE: _bytes(pot)}
    for language in languages()[1:]:
        files[catalog_path(language)] = _bytes(updated(language, pot))
    return files


def main() -> int:
    for path, data in expected_files().items():
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(PACKAGE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
