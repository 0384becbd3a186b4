"""Reading one value of an outline: text, lists of text, minutes, numbers, times, dates, colours.

:class:`ValueReader` collects a :class:`~workshop.errors.Problem` for each value that is missing,
blank or of the wrong kind, naming it as a person counts (``section 3, slide 1, minutes``, see
:mod:`workshop.keys`). The outline's own structure is read by :mod:`workshop.loader` on top of it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from workshop.errors import Problem, Src
from workshop.keys import KEYS, child, nth
from workshop.schedule import parse_clock
from workshop.variants import describe
from workshop.yamlsrc import Map, Node, Scalar, Seq, is_null

#: Keys whose text prints on one line (titles, names): a line break in them is read as a space.
ONE_LINE = {"title", "subtitle", "name", "credentials", "provider", "location", "audience", "break", "unit"}
LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"


def one_line(text: str) -> str:
    """``text`` with each line break (and the spaces around it) read as one space."""
    return re.sub(rf"[ \t]*[{LINE_BREAKS}]+[ \t]*", " ", text).strip()

_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")
#: What "required" asks for, where the key's own name is not clear enough.
_REQUIRED = {"minutes": "minutes (a whole number)", "alt": "picture's description (alt)",
             "path": "picture's file name", "text": "quote's text",
             "provider": "provider who awards the hours (it prints on every certificate)"}


#: The years a workshop date may name.
FIRST_YEAR, LAST_YEAR = 1980, 2099


#: Characters that print as nothing although Unicode does not call them spaces.
_BLANK_LOOKING = set("\u00ad\u115f\u1160\u2800\u3164\uffa0")


def visible(text: str) -> bool:
    """Whether ``text`` would show anything on paper: not only spaces, invisible format
    characters (zero-width space, joiners) or letters that are drawn blank."""
    return any(not c.isspace() and c not in _BLANK_LOOKING and unicodedata.category(c) not in ("Cf", "Zs", "Cc")
               for c in text)


class ValueReader:
    """Single values read from located nodes; every problem is kept in :attr:`problems`."""

    def __init__(self):
        self.problems: list[Problem] = []

    def bad(self, src: Src, path: str, message: str) -> None:
        self.problems.append(Problem(src, message, path))

    # -- shapes -------------------------------------------------------------------------

    def mapping(self, node: Node | None, path: str, kind: str) -> Map | None:
        if is_null(node):
            return None
        if not isinstance(node, Map):
            self.bad(node.src, path, f"expected a mapping of {kind} keys, got {describe(node)}")
            return None
        allowed = KEYS[kind]
        for key, entry in node.entries.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else f"; expected one of: {', '.join(allowed)}"
                self.bad(entry.key_src, child(path, key), f"unknown key '{key}'{hint}")
        return node

    def items(self, node: Node | None, path: str) -> list[Node]:
        if is_null(node):
            return []
        if not isinstance(node, Seq):
            self.bad(node.src, path, f"expected a list, got {describe(node)}")
            return []
        return node.items

    def require(self, node: Map, key: str, path: str) -> bool:
        """True when ``key`` has a value; a missing, empty or blank one is reported."""
        value = node.get(key)
        blank = isinstance(value, Scalar) and isinstance(value.value, str) and not visible(value.value)
        if is_null(value) or blank:
            where = node.entries[key].key_src if key in node.entries else node.src
            self.bad(where, child(path, key), f"required: write the {_REQUIRED.get(key, key)}")
            return False
        return True

    # -- values -------------------------------------------------------------------------

    def text(self, node: Map, key: str, path: str, required: bool = False) -> str:
        here = child(path, key)
        if required and not self.require(node, key, path):
            return ""
        value = node.get(key)
        text = self.text_value(value, here)
        if key in ONE_LINE and any(c in text for c in LINE_BREAKS):
            # `title: |` keeps the line breaks it was written with; a title or a name prints on one
            # line, so a break is the space the writer meant, never glued ("Practice:Boundaries").
            text = one_line(text)
        return text

    def text_value(self, value: Node | None, here: str) -> str:
        if is_null(value):
            return ""
        if isinstance(value, Scalar) and not isinstance(value.value, bool):
            if isinstance(value.value, str):
                return value.value.strip()
            return value.raw.strip()
        self.bad(value.src, here, f"expected text, got {describe(value)}")
        return ""

    def line_of_text(self, value: Node | None, here: str) -> str:
        """One entry of a list of texts (a bullet, an objective, a reference...).

        ``- Step 1: ask open questions`` is read by YAML as a key and a value; written with
        plain words like that, it is taken back as the line of text it was. An empty entry is
        reported rather than printed as nothing.
        """
        if isinstance(value, Map) and len(value.entries) == 1:
            entry = next(iter(value.entries.values()))
            if entry.text:
                return entry.text
            key = next(iter(value.entries))
            self.bad(value.src, here, f"YAML reads this as the key '{key}' with a value under it; "
                                      "put the whole text in quotes")
            return ""
        text = self.text_value(value, here)
        if not visible(text) and (value is None or isinstance(value, Scalar) and not isinstance(value.value, bool)):
            # (a yes or no read as true or false was reported above: put it in quotes)
            self.bad(value.src if value else Src("<outline>"), here, "empty; write its text or delete the line")
        return text

    def texts(self, node: Map, key: str, path: str) -> tuple[str, ...]:
        here = child(path, key)
        value = node.get(key)
        if isinstance(value, Scalar) and isinstance(value.value, str):
            return (value.value.strip(),) if value.value.strip() else ()
        return tuple(t for n, item in enumerate(self.items(value, here))
                     if (t := self.line_of_text(item, nth(path, key, n))))

    def not_a_number(self, value: Node, here: str, expected: str) -> None:
        """Report ``value`` where a number was expected, saying how YAML read a surprising one."""
        if isinstance(value, Scalar) and value.number_note:
            self.bad(value.src, here, value.number_note)
        else:
            self.bad(value.src, here, f"{expected}, got {describe(value)}")

    def minutes(self, node: Map, key: str, path: str, required: bool) -> int | None:
        here = child(path, key)
        if required and not self.require(node, key, path):
            return None
        value = node.get(key)
        if is_null(value):
            return None
        if isinstance(value, Scalar) and isinstance(value.value, int) and not isinstance(value.value, bool):
            if value.value > 0:
                return value.value
            self.bad(value.src, here, f"minutes must be more than zero, got {value.value}")
            return None
        digits = value.value.strip() if isinstance(value, Scalar) and isinstance(value.value, str) else ""
        if digits.isascii() and digits.isdigit() and not value.number_note:
            if digits.startswith("0"):
                self.bad(value.src, here, f"write {int(digits)} (no leading zero) for {digits}")
                return None
            return self.minutes_value(int(digits), value, here)  # "60" in quotes means 60
        self.not_a_number(value, here, "expected whole minutes")
        return None

    def minutes_value(self, minutes: int, value: Node, here: str) -> int | None:
        if minutes > 0:
            return minutes
        self.bad(value.src, here, f"minutes must be more than zero, got {minutes}")
        return None

    def flag(self, node: Map, key: str, path: str) -> bool:
        value = node.get(key)
        if is_null(value):
            return False
        if isinstance(value, Scalar) and isinstance(value.value, bool):
            return value.value
        self.bad(value.src, child(path, key), f"expected true or false, got {describe(value)}")
        return False

    def number(self, node: Map, key: str, path: str) -> Decimal | None:
        value = node.get(key)
        if is_null(value):
            return None
        here = child(path, key)
        if isinstance(value, Scalar) and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
            try:
                number = Decimal(value.raw.strip().replace("_", ""))
            except InvalidOperation:
                number = Decimal(str(value.value))
            if number.is_finite() and number >= 0:
                return number
        self.not_a_number(value, here, "expected a number of hours or minutes")
        return None

    def clock(self, node: Map, key: str, path: str) -> int | None:
        value = node.get(key)
        if is_null(value):
            return None
        raw = value.raw.strip() if isinstance(value, Scalar) else ""
        minute = parse_clock(raw)
        if minute is None:
            self.bad(value.src, child(path, key), f"expected a time like \"09:00\" or \"6:30 PM\", got {describe(value)}")
        elif minute < 60 and re.search(r"[Aa]\.?\s*[Mm]", raw):
            # "12:00 AM" is midnight by the clock, but many people write it for noon: either
            # reading is a guess, so the 24-hour form is asked for.
            at = f"{minute // 60:02d}:{minute % 60:02d}"
            noon = f"12:{minute % 60:02d}"
            self.bad(value.src, child(path, key), f"{raw!r} reads as midnight ({at}) but is often meant as noon; "
                                                  f"write \"{at}\" for midnight or \"{noon}\" (or \"{noon} PM\") "
                                                  "for noon")
            return None
        return minute

    def date(self, node: Map, key: str, path: str) -> dt.date | None:
        value = node.get(key)
        if is_null(value):
            return None
        day = None
        if isinstance(value, Scalar):
            if isinstance(value.value, dt.date) and not isinstance(value.value, dt.datetime):
                day = value.value
            elif isinstance(value.value, str):
                try:
                    day = dt.date.fromisoformat(value.value.strip())
                except ValueError:
                    pass
        if day is None:
            self.bad(value.src, child(path, key), f"expected a date like 2026-03-14, got {describe(value)}")
        elif not FIRST_YEAR <= day.year <= LAST_YEAR:
            # Files inside the kit carry the date, and zip and PDF dates stop short of 2108.
            self.bad(value.src, child(path, key), f"{day.isoformat()}: the year must be from {FIRST_YEAR} to "
                                                  f"{LAST_YEAR}; check it for a typing slip")
            day = None
        return day

    def colour(self, node: Map, key: str, path: str, default: str) -> str:
        raw = self.text(node, key, path)
        if not raw:
            return default
        match = _HEX.match(raw)
        if not match:
            self.bad(node.get(key).src, child(path, key), f"expected a hex colour like \"#1F4E79\", got {raw!r}")
            return default
        return match.group(1).upper()
