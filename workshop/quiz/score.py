"""A roster's ``score`` cell -> a percentage.

``83`` and ``83%`` are percentages; ``5/6`` is questions right out of questions asked. A blank cell
means the test was not taken. A bare number above 0 and at most 1 is refused: a spreadsheet's
percent cell showing 83% is read as 0.83, and 1 could be 1% or 100%, so the trainer is asked to
write it plainly rather than have the tool guess.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal, InvalidOperation

_FRACTION = re.compile(r"^(\d+)\s*/\s*(\d+)$")
_HOW = "write a percentage like 83 or 83%, or questions right out of asked like 5/6"


class ScoreError(ValueError):
    """The cell cannot be read as a score; the message says how to write it."""


def parse_score(text: str) -> Decimal | None:
    """The percentage ``text`` states, from 0 to 100, or None for a blank cell."""
    raw = text.strip()
    if not raw:
        return None
    fraction = _FRACTION.match(raw)
    if fraction:
        right, asked = int(fraction.group(1)), int(fraction.group(2))
        if asked == 0 or right > asked:
            raise ScoreError(f"{raw!r} is not a score: the number right cannot be more than the questions asked, "
                             "and at least one question is asked")
        return Decimal(right) * 100 / Decimal(asked)
    percent = raw.endswith("%")
    try:
        value = Decimal(raw.rstrip("%").strip().replace(",", "."))
    except InvalidOperation:
        raise ScoreError(f"{raw!r} is not a score; {_HOW}, or leave it blank if the test was not taken") from None
    if not value.is_finite() or not 0 <= value <= 100:
        raise ScoreError(f"{raw!r} is not a score from 0 to 100%; {_HOW}")
    if not percent and 0 < value <= 1:
        whole = f"{(value * 100).normalize():f}"
        raise ScoreError(f"{raw!r} could be {raw}% or {whole}%; write the percentage with a % sign (e.g. {whole}%) "
                         "or as right out of asked (e.g. 5/6). A spreadsheet's percent cells are read as "
                         "fractions: format the column as plain numbers")
    return value


def shown(score: Decimal) -> str:
    """A score as the ledger and messages print it: 83.33% for 5/6, rounded down so that a score
    below the pass mark never reads as at it."""
    cut = score.quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    text = f"{cut:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"
