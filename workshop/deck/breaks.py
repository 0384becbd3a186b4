"""Where lines may break in the deck's short display text (the title slide's names, places and
facts): a name or a place is not cut in two when it fits on a line of its own, a " · " separator
starts the next line rather than ending one, and a paragraph does not end on one lone word."""

from __future__ import annotations

from workshop.fonts import text_width, wrap

NBSP = "\u00a0"
SEPARATOR = " ·" + NBSP  # the space before the dot is where the line may break


def kept_whole(text: str, width: float, size: float, face: str = "sans") -> str:
    """``text`` with its spaces made non-breaking when it fits on one line of ``width`` points at
    ``size``: a person's name or a place reads whole. Longer text is left to wrap."""
    return text.replace(" ", NBSP) if text_width(text, size, face) <= width else text


def joined(parts: list[str], width: float, size: float, face: str = "sans") -> str:
    """``parts`` joined with " · "; when that takes more than one line, each part kept whole where
    it fits a line, and a line breaks before a separator, never after one."""
    parts = [p for p in parts if p]
    plain = " · ".join(parts)
    if len(wrap(plain, size, width, face)) <= 1:
        return plain
    return SEPARATOR.join(kept_whole(p, width, size, face) for p in parts)


def no_orphan(text: str, width: float, size: float, face: str = "sans") -> str:
    """``text`` with its last two words bound together when it would end on a lone word on a line
    of its own: the word before moves down with it."""
    lines = wrap(text, size, width, face)
    head, space, last = text.rpartition(" ")
    if len(lines) < 2 or len(lines[-1].split()) > 1 or not space or len(last) > 12:
        return text
    return f"{head}{NBSP}{last}"
