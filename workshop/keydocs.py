"""The outline's keys as a reference page for people, made from the same declarations as the
loader's checks and the JSON Schema (:mod:`workshop.keys`). ``python -m workshop.keydocs`` prints it;
the project keeps it as ``docs/outline-keys.md`` (a test keeps that file equal to what this makes).
"""

from __future__ import annotations

import sys
from pathlib import Path

from workshop.keys import OUTLINE, Key

DOCS_FILE = Path(__file__).resolve().parent.parent / "docs" / "outline-keys.md"
_SHAPES = {"text": "text", "texts": "a line, or a list of lines", "minutes": "whole minutes", "number": "a number",
           "percent": "a percentage", "integer": "a whole number", "flag": "true or false", "date": "a date",
           "clock": "a time", "bullets": "a list (a nested list is a second level)", "choices": "a list",
           "answer": "one of the choices, or true/false", "presenters": "a list of names or `presenter` mappings",
           "sections": "a list of `section` and `break` mappings", "approvals": "a list of statements or `approval` "
           "mappings", "quote-or-text": "text, or a `quote` mapping"}


def reference_text() -> str:
    lines = ["# Outline keys", "",
             "Every key an outline may use, by the mapping it belongs to (`outline` is the file itself). Made from",
             "`workshop/keys.py` by `python -m workshop.keydocs > docs/outline-keys.md`: change the declarations,",
             "not this page. How the keys work together is in [outline-format.md](outline-format.md).", ""]
    for kind, keys in OUTLINE.items():
        lines += [f"## `{kind}`", "", "| key | value | default | meaning |", "|---|---|---|---|"]
        for key, declared in keys.items():
            cells = (f"`{key}`", _value(declared), _default(declared), declared.doc)
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _value(declared: Key) -> str:
    shape = declared.shape
    if shape.startswith("{"):
        text = f"a `{shape[1:-1]}` mapping"
    elif shape.startswith("["):
        text = f"a list of `{shape[1:-1]}` mappings"
    else:
        text = _SHAPES[shape]
    if declared.choices:
        text += ": " + ", ".join(f"`{choice}`" for choice in declared.choices)
    return text


def _default(declared: Key) -> str:
    value = declared.default
    if value is None:
        return ""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if declared.shape == "clock":
        return f"`{value // 60:02d}:{value % 60:02d}`"
    return f"`{value}`"


if __name__ == "__main__":
    sys.stdout.write(reference_text())
