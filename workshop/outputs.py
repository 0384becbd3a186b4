"""Every output of the kit, declared once.

An :class:`Output` names the files it owns in the kit folder, what it is made from (so ``watch``
knows when to rebuild it), the checks it needs before anything is written, and the builder module
that writes it. The command line (``--only``), ``validate``, the build pipeline and ``watch`` all
read :data:`OUTPUTS`; adding an output is one builder module and one entry here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from workshop.builders.context import BuildContext
from workshop.checks import approval_problems, faces_problems, kit_text_problems, template_problems
from workshop.errors import InputError, Problem, Src
from workshop.evaltally import attendees

#: Faces every document built with :mod:`workshop.docstyle` draws with.
_DOC_FACES = ("sans", "sans-bold", "sans-italic", "sans-bolditalic")
_FORM_FACES = ("sans", "sans-bold")
_CERTIFICATE_FACES = ("serif", "serif-bold", "serif-italic", "sans")


@dataclass(frozen=True)
class Output:
    name: str
    module: str  # in workshop.builders: build(ctx) -> (files written, warnings)
    files: tuple[str, ...]  # what it owns in the kit folder (a name ending in "/" is a folder)
    made_from: Callable[[BuildContext], tuple]  # everything the output shows; see watch.py
    faces: tuple[str, ...] = ()  # PDF faces it cannot print without
    needs_roster: bool = False  # without a roster it is not made, and what was issued stays
    needs_evaluations: bool = False  # made only from the evaluation responses (--evaluations)
    aside: bool = False  # made in the second process when there is one (about half the work)

    def builder(self):
        return importlib.import_module(f"workshop.builders.{self.module}")

    def check(self, ctx: BuildContext) -> list[Problem]:
        """What stops this output from being made right: run by ``validate`` and ``build`` alike.
        (Text no font can print is checked once for every PDF, in :func:`check_all`.)"""
        if self.name == "deck":
            return template_problems(ctx.workshop)
        problems = faces_problems(self.faces, self.name)
        if self.name == "certificates" and not problems:
            problems += approval_problems(ctx.workshop)
        return problems


def _facts(ctx: BuildContext) -> tuple:
    w = ctx.workshop
    return ctx.when, w.title, w.subtitle, w.date, w.date_style, w.clock, w.timezone, w.location, w.presenters


def _deck(ctx: BuildContext) -> tuple:
    import dataclasses

    w = ctx.workshop
    sections = tuple(dataclasses.replace(s, handout=None) if hasattr(s, "handout") else s for s in w.sections)
    return _facts(ctx), dataclasses.replace(w, sections=sections), ctx.agenda


def _records(ctx: BuildContext) -> tuple:
    """The certificates the ledger will hold, as they print (not where: page numbers are the build's)."""
    if ctx.plan is None:
        return ()
    return tuple((r.certificate_id, r.status, r.name, r.license, r.hours, r.issued) for r in ctx.plan.records)


OUTPUTS: tuple[Output, ...] = (
    Output("deck", "deck", ("deck.pptx",), _deck, aside=True),
    Output("handouts", "handouts", ("handouts.pdf",),
           lambda ctx: (_facts(ctx), ctx.workshop, ctx.agenda), _DOC_FACES,
           aside=True),  # with the guide: reportlab's platypus, a tenth of a build, is imported by one process
    Output("guide", "guide", ("guide.pdf",),
           lambda ctx: (_facts(ctx), ctx.workshop, ctx.agenda), _DOC_FACES, aside=True),
    # attendance.csv is the certificates' own record of how each was decided: made with them, so
    # the two never disagree, and gone with them when a later build has no attendance reports
    Output("certificates", "certificates", ("certificates.pdf", "certificates.csv", "certificates/", "attendance.csv",
                                            "evidence/", "verify/"),
           lambda ctx: (_facts(ctx), ctx.workshop.ce, ctx.workshop.theme, ctx.agenda.ce, ctx.roster, ctx.split,
                        ctx.attendance, ctx.decisions, _records(ctx)),
           _CERTIFICATE_FACES, needs_roster=True),
    # an online workshop's sheet is the attendance log: its join and leave times are its own facts
    Output("sign-in", "signin", ("sign-in.pdf",),
           lambda ctx: (_facts(ctx), ctx.agenda.start, ctx.agenda.end, ctx.agenda.ce, ctx.roster, ctx.attendance),
           _FORM_FACES, aside=True),  # the certificates and the quiz are the other process's half
    Output("evaluation", "evaluation", ("evaluation.pdf",),
           lambda ctx: (_facts(ctx), ctx.workshop.objectives), _FORM_FACES),
    Output("quiz", "quiz", ("quiz.gift", "quiz-qti.zip", "quiz-kahoot.xlsx"),
           lambda ctx: (_facts(ctx), ctx.workshop.quiz, ctx.workshop.objectives, ctx.workshop.deck, ctx.agenda.ce)),
    Output("evaluation-summary", "evalsummary", ("evaluation-summary.pdf", "evaluation-summary.csv"),
           lambda ctx: (_facts(ctx), ctx.workshop.theme.primary, ctx.workshop.theme.print_ink, ctx.workshop.objectives,
                        ctx.evaluations, attendees(ctx.roster, ctx.attendance)),
           _DOC_FACES, needs_evaluations=True),
)
BY_NAME = {o.name: o for o in OUTPUTS}
NAMES = tuple(BY_NAME)


def chosen(ctx: BuildContext, only: tuple[str, ...] | None) -> list[Output]:
    """The outputs a build makes: those asked for (all by default), less those that need a roster
    when there is none. Asking by name for one that needs a roster, without one, is a mistake."""
    if only is not None:
        lacking = [BY_NAME[n] for n in only if BY_NAME[n].needs_roster and ctx.roster is None]
        if lacking:
            raise InputError(Problem(Src("--only"), f"{', '.join(o.name for o in lacking)} need a roster: "
                                                    "add --roster FILE (a .csv or .xlsx of attendees)"))
        if "evaluation-summary" in only and ctx.evaluations is None:
            raise InputError(Problem(Src("--only"), "evaluation-summary is made from the evaluation form's "
                                                    "responses: add --evaluations FILE (a .csv or .xlsx export)"))
        if "quiz" in only and ctx.workshop.quiz is None:
            raise InputError(Problem(Src("--only"), "quiz: the outline has no quiz: to export; add one (see "
                                                    "'Knowledge check' in the README) or leave quiz out of --only"))
        if "sign-in" in only and ctx.records_in_kit and ctx.roster is None:
            raise InputError(Problem(Src("--only"), "sign-in: this kit holds issued certificates, and its sign-in.pdf "
                                                    "is the attendance log they were decided with; give the roster "
                                                    "(--roster) or reports (--attendance) to make it again"))
    return [o for o in OUTPUTS if (only is None or o.name in only) and (ctx.roster is not None or not o.needs_roster)
            and not (o.name == "sign-in" and ctx.records_in_kit and ctx.roster is None)
            and (ctx.evaluations is not None or not o.needs_evaluations)]


def check_all(ctx: BuildContext) -> list[Problem]:
    """Every output's checks, each problem once: what ``validate`` reports and ``build`` refuses."""
    seen: dict[str, Problem] = {}
    for output in OUTPUTS:
        for problem in output.check(ctx):
            seen.setdefault(str(problem), problem)
    if not any(faces_problems(o.faces, o.name) for o in OUTPUTS):  # the faces are there: now the text
        for problem in kit_text_problems(ctx.workshop):
            seen.setdefault(str(problem), problem)
    return list(seen.values())


def owned_names() -> set[str]:
    """Every top-level name an output may write in the kit folder."""
    return {f.rstrip("/") for o in OUTPUTS for f in o.files}
