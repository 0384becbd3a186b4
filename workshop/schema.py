"""The JSON Schema of an outline, made from the key declarations the loader checks against.

Editors that read YAML with a schema (VS Code with Red Hat's YAML extension, and others using
yaml-language-server) then complete keys, show each key's meaning and underline a misspelt key as
it is typed. The schema accepts every outline the loader accepts (a variant that ``extends`` a base
and lists only its changes, too) and refuses any key :data:`~workshop.keys.OUTLINE` does not declare;
the finer checks (whole minutes, an answer among the choices, a file that exists) stay the
loader's, which names the line. ``python -m workshop.schema`` prints it; the package ships it as
``workshop/data/outline.schema.json`` (a test keeps that file equal to what this module makes).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from workshop.keys import OUTLINE

SCHEMA_FILE = Path(__file__).resolve().parent / "data" / "outline.schema.json"

_NULL = {"type": "null"}
#: Text is any plain value but true/false: YAML reads 2026, 3.5 or 2026-03-14 as other things and
#: the loader takes them back as written (an editor's YAML server reads a date as text).
_TEXT = {"type": ["string", "number"]}
_SCALAR = {"type": ["string", "number", "boolean"]}
#: "Step 1: ask open questions" written plainly reads as a mapping of one key; the loader takes
#: it back as the line it was.
_ONE_LINE = {"anyOf": [_TEXT, {"type": "object", "minProperties": 1, "maxProperties": 1}]}
_PLAIN = {
    "text": _TEXT,
    "texts": {"anyOf": [_TEXT, {"type": "array", "items": _ONE_LINE}]},
    "minutes": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": r"^\s*[1-9][0-9]*\s*$"}]},
    "integer": {"type": "integer", "minimum": 0},
    "number": {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^\s*[0-9_.]+\s*$"}]},
    "percent": {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*[0-9.]+\s*%?\s*$"}]},
    "flag": {"type": "boolean"},
    "date": {"type": "string", "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$"},
    # "09:00" in quotes; unquoted, YAML 1.1 reads 09:00 as a number of minutes, which the loader
    # reads back as written
    "clock": {"type": ["string", "integer"]},
    "bullets": {"type": "array", "items": {"anyOf": [_ONE_LINE, {"type": "array", "items": _ONE_LINE}]}},
    "choices": {"type": "array", "items": _SCALAR},
    "answer": _SCALAR,
}


def outline_schema() -> dict:
    """The schema, as a JSON-ready dictionary; the same dictionary every time."""
    definitions = {kind: _mapping(kind) for kind in OUTLINE}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "workshop outline",
        "description": "A continuing-education workshop written once: workshop build turns it into the deck, "
                       "handouts, guide, certificates and forms.",
        "$ref": "#/$defs/outline",
        "$defs": definitions,
    }


def _mapping(kind: str) -> dict:
    properties = {}
    for key, declared in OUTLINE[kind].items():
        shape = _shape(declared.shape)
        described = {"description": declared.doc} if declared.doc else {}
        if declared.choices:
            described["examples"] = list(declared.choices)
        properties[key] = {**described, **_nullable(shape)}
    # an empty value (key: with nothing after it) is read as not given
    return {"type": ["object", "null"], "properties": properties, "additionalProperties": False}


def _nullable(shape: dict) -> dict:
    """``shape`` that also allows an empty value (a mapping's own definition allows one already)."""
    if "$ref" in shape:
        return dict(shape)
    if "anyOf" in shape:
        return {**shape, "anyOf": [*shape["anyOf"], _NULL]}
    kinds = shape["type"] if isinstance(shape["type"], list) else [shape["type"]]
    return {**shape, "type": [*kinds, "null"]}


def _shape(shape: str) -> dict:
    if shape in _PLAIN:
        return _PLAIN[shape]
    if shape.startswith("{"):
        return {"$ref": f"#/$defs/{shape[1:-1]}"}
    if shape.startswith("["):
        return {"type": "array", "items": {"$ref": f"#/$defs/{shape[1:-1]}"}}
    if shape == "presenters":
        return {"type": "array", "items": {"anyOf": [_TEXT, {"$ref": "#/$defs/presenter"}]}}
    if shape == "approvals":
        return {"type": "array", "items": {"anyOf": [_TEXT, {"$ref": "#/$defs/approval"}]}}
    if shape == "quote-or-text":
        return {"anyOf": [_TEXT, {"$ref": "#/$defs/quote"}]}
    if shape == "sections":
        entry = {"if": {"type": "object", "required": ["break"]}, "then": {"$ref": "#/$defs/break"},
                 "else": {"$ref": "#/$defs/section"}}
        # a variant edits its base's sections by id: a mapping of changes, or null to remove one
        edits = {"type": "object", "additionalProperties": entry}
        return {"type": ["array", "object"], "if": {"type": "array"}, "then": {"items": entry}, "else": edits}
    raise AssertionError(f"workshop.keys: unknown shape {shape!r}")


def schema_text() -> str:
    return json.dumps(outline_schema(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_text())
