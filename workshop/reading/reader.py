"""The reader every part of the outline is read with: single values (:class:`~workshop.values.ValueReader`),
files and pictures, and plain keys read by their declarations in :mod:`workshop.keys`."""

from __future__ import annotations

from pathlib import Path

from workshop.keys import OUTLINE, Key, child
from workshop.reading.pictures import IMAGE_SUFFIXES, picture_problem
from workshop.values import ValueReader
from workshop.yamlsrc import Map, Node, is_null


class Reader(ValueReader):
    """Reads values of the outline; every problem is kept in :attr:`problems`."""

    language = "en"  # workshop.language, read before the ce block whose default unit it names

    def file(self, value: Node | None, here: str, image: bool) -> Path | None:
        """The file ``value`` names, relative to the outline; None (after saying why) when it is
        missing or, with ``image``, is not a picture the deck can show."""
        name = self.text_value(value, here)
        if not name:
            return None
        path = Path(value.src.file).parent / name
        if not path.is_file():
            self.bad(value.src, here, f"file not found: {name} (paths are relative to the outline file)")
            return None
        if image and path.suffix.lower() not in IMAGE_SUFFIXES:
            self.bad(value.src, here, f"{name} is not a picture the deck can show "
                                      f"(use {', '.join(sorted(IMAGE_SUFFIXES))})")
            return None
        if image and (problem := picture_problem(path)):
            self.bad(value.src, here, f"{name} {problem}")
            return None
        return path.resolve()

    def plain(self, node: Map, kind: str, key: str, here: str):
        """``key`` of a ``kind`` mapping read by its declared shape (text, texts, flag, minutes,
        number, clock or date): its declared default when not written, and one of its choices
        when it declares a refusal."""
        declared = OUTLINE[kind][key]
        if declared.refusal:
            return self.choice(node, kind, key, here)
        if declared.default is not None and is_null(node.get(key)):
            return declared.default
        if declared.shape == "minutes":
            value = self.minutes(node, key, here, required=False)
        else:
            value = getattr(self, _READS[declared.shape])(node, key, here)
        return declared.default if value is None and declared.default is not None else value

    def choice(self, node: Map, kind: str, key: str, here: str) -> str:
        """``key``, one of the values its declaration lists (its default when not written); any
        other is refused with the declaration's message and read as the default."""
        declared = OUTLINE[kind][key]
        written = self.text(node, key, here)
        value = (written.lower() if declared.fold else written) or declared.default
        if value not in declared.choices:
            self.bad(node.get(key).src, child(here, key), declared.refusal.format(got=value))
            return declared.default
        return value

    def fields(self, node: Map, kind: str, here: str, *keys: str) -> dict:
        """``keys`` of a ``kind`` mapping (all its keys when none are named), by name, each read by
        :meth:`plain`."""
        return {key: self.plain(node, kind, key, here) for key in keys or OUTLINE[kind]}

    @staticmethod
    def declared(kind: str, key: str) -> Key:
        return OUTLINE[kind][key]


#: The reader of each plain shape.
_READS = {"text": "text", "texts": "texts", "flag": "flag", "number": "number", "clock": "clock", "date": "date"}
