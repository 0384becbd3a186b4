"""A report's text as the platform readers (:mod:`workshop.attendance.teams`,
:mod:`workshop.attendance.zoom`) see it: rows of cells with their line numbers, and each row they
find as a :class:`Raw` for :mod:`workshop.attendance.report` to read the times of."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workshop.errors import Problem, Src


@dataclass
class Raw:
    """A report row as a reader found it, its times still text."""

    line: int
    name: str
    names: tuple[str, ...]
    email: str
    start: str
    end: str
    staff: bool = False
    waiting: bool = False
    display: str = ""
    bracket: str = ""
    bracket_kind: str = ""
    phone: bool = False


@dataclass
class Table:
    """A report's text as rows of cells, each with its line number in the file."""

    shown: str
    rows: list[tuple[int, list[str]]]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def bad(self, line: int, message: str) -> None:
        self.problems.append(Problem(Src(self.shown, line, 1), message))


def key(text: str) -> str:
    """A header cell compared without case, spaces or punctuation: "Join Time" is "jointime"."""
    return re.sub(r"[\W_]+", "", text.casefold())
