"""Outline file -> :class:`~workshop.model.Workshop`, with every problem reported at once.

The keys an outline may use are declared once in :mod:`workshop.keys`, with their shape, default
and choices; each part of the outline is read by a function of :mod:`workshop.reading` (the quiz by
:mod:`workshop.quiz.read`), all with one :class:`~workshop.reading.reader.Reader`, which keeps the
problems and reads plain values by those declarations.
"""

from __future__ import annotations

from pathlib import Path

from workshop import model as m
from workshop.errors import InputError
from workshop.reading.agenda import read_sections
from workshop.reading.ce import read_ce
from workshop.reading.info import read_info
from workshop.reading.options import read_deck_options, read_handout_options
from workshop.reading.presenters import read_presenters
from workshop.reading.reader import Reader
from workshop.reading.theme import read_theme
from workshop.quiz.read import read_quiz
from workshop.variants import load_tree
from workshop.yamlsrc import Map


def load_outline(path: Path | str) -> m.Workshop:
    """Read, merge and check an outline; raise :class:`InputError` listing every problem."""
    return read_outline(path)[0]


def read_outline(path: Path | str) -> tuple[m.Workshop, list[Path]]:
    """:func:`load_outline`, and the outline files it read (the outline and every base)."""
    path = Path(path)
    tree, files = load_tree(path)
    reader = Reader()
    workshop = _workshop(reader, tree, path)
    if reader.problems:
        raise InputError(reader.problems)
    return workshop, files


def outline_files(path: Path | str) -> list[Path]:
    """The outline files a build reads: the outline itself and every base it extends."""
    tree, files = load_tree(Path(path))
    return files


def _workshop(r: Reader, root: Map, path: Path) -> m.Workshop:
    r.mapping(root, "", "outline")
    info = read_info(r, root)  # first: the language the other parts print in
    objectives = r.texts(root, "objectives", "")
    return m.Workshop(
        **info, source=path.resolve(), presenters=read_presenters(r, root), ce=read_ce(r, root),
        objectives=objectives, sections=read_sections(r, root), references=r.texts(root, "references", ""),
        theme=read_theme(r, root), quiz=read_quiz(r, root, len(objectives)), deck=read_deck_options(r, root),
        handouts=read_handout_options(r, root))
