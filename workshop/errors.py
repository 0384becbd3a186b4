"""Problems a user can cause, each tied to where it was written.

Every check collects :class:`Problem` values instead of stopping at the first one, so a
user sees everything wrong with an outline or roster in one run. :class:`InputError`
carries the collected list to the command line, which prints them and exits with 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Src:
    """Where a value was written: a file and a 1-based line and column."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{max(self.col, 1)}"


@dataclass(frozen=True)
class Problem:
    src: Src
    message: str
    path: str = ""

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.src}: {where}{self.message}"


class InputError(Exception):
    """One or more problems with what the user gave us (outline, roster, arguments)."""

    def __init__(self, problems: list[Problem] | Problem, *, recorded: str = ""):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = sorted(set(problems), key=_order)
        self.recorded = recorded  # what was already written before the problem (send's journal), in words
        super().__init__("\n".join(str(p) for p in self.problems))


def _order(p: Problem):
    # numbers in a path compare as numbers, so "row 2" comes before "row 10"
    path = tuple(int(part) if k % 2 else part for k, part in enumerate(re.split(r"(\d+)", p.path)))
    return (p.src.file, p.src.line, p.src.col, path, p.message)


def display_path(path: Path | str) -> str:
    """A path as the user would like to read it: relative to the working folder if inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
