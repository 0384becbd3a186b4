"""Checks that need more than the outline's own shape: fonts, the template, printable text.

Each returns :class:`~workshop.errors.Problem` values; :mod:`workshop.outputs` says which output
needs which, and ``validate`` and ``build`` both run them before anything is written.
"""

from __future__ import annotations

from workshop import model as m
from workshop.errors import Problem, Src


def faces_problems(faces: tuple[str, ...], output: str) -> list[Problem]:
    """The faces an output prints with that are not installed."""
    from workshop.fonts import FACES, REINSTALL
    from workshop.pdfdraw import register

    missing = [f for f in faces if register(f) is None]
    if not missing:
        return []
    wanted = ", ".join(dict.fromkeys(FACES[f][0] for f in missing))
    return [Problem(Src(output), f"fonts not found: {wanted}; {REINSTALL}")]


def approval_problems(workshop: m.Workshop) -> list[Problem]:
    """An approval statement that, in its letters, needs more room than the certificate keeps for
    it (the loader has refused one of too many characters already)."""
    ce = workshop.ce
    if ce is None or not ce.approval or len(ce.approval) > m.APPROVAL_MAX_CHARS:
        return []
    from workshop.builders.certificates import fits_approval

    if fits_approval(ce.approval):
        return []
    return [Problem(ce.approval_src if ce.approval_src.line else ce.src,
                    "the approval statement needs more than the three lines a certificate has room for; "
                    "shorten it", "ce.approval")]


def template_problems(workshop: m.Workshop) -> list[Problem]:
    """Why the deck cannot be built on ``theme.template`` (none without a template)."""
    template = workshop.theme.template
    if template is None:
        return []
    from workshop.deck.template import template_problems as problems_of

    return problems_of(template, workshop.theme.template_src, workshop.theme.layouts, workshop.theme.layouts_src)


def kit_text_problems(workshop: m.Workshop) -> list[Problem]:
    """Outline text the PDFs cannot print."""
    from workshop.printable import text_problems

    return text_problems(workshop)
