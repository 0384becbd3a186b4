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
    """Approval statements that, for some licence, need more room than a certificate's two pages
    give at 8 pt (each set of statements a licence can print is tried: those for everyone, and
    with them those ``for`` each licence word named)."""
    ce = workshop.ce
    if ce is None or not ce.approvals:
        return []
    from workshop.certzones import fits_approval

    licences = dict.fromkeys(["", *(word for a in ce.approvals for word in a.licences)])
    for licence in licences:
        chosen = ce.approvals_for(licence)
        if chosen and not fits_approval([a.statement for a in chosen]):
            whose = f"a {licence} certificate" if licence else "a certificate"
            return [Problem(chosen[-1].src if chosen[-1].src.line else ce.src,
                            f"the approval statements printed on {whose} ({sum(len(a.statement) for a in chosen):,} "
                            "characters) need more than its two pages have room for at 8 pt; shorten them",
                            chosen[-1].where)]
    return []


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
