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

from workshop import certfiles
from workshop import model as m
from workshop.builders.context import BuildContext
from workshop.checks import approval_problems, faces_problems, kit_text_problems, template_problems
from workshop.errors import InputError, Problem, Src
from workshop.evaltally import attendees

#: Faces every document built with :mod:`workshop.docstyle` draws with.
_DOC_FACES = ("sans", "sans-bold", "sans-italic", "sans-bolditalic")
_FORM_FACES = ("sans", "sans-bold")
_CERTIFICATE_FACES = ("serif", "serif-bold", "serif-italic", "sans")


def _made_by_any_build(ctx: BuildContext) -> str | None:
    return None


@dataclass(frozen=True)
class Output:
    name: str
    module: str  # in workshop.builders: build(ctx) -> (files written, warnings)
    files: tuple[str, ...]  # what it owns in the kit folder (a name ending in "/" is a folder)
    made_from: Callable[[BuildContext], tuple]  # everything the output shows; see watch.py
    faces: tuple[str, ...] = ()  # PDF faces it cannot print without
    needs_roster: bool = False  # without a roster it is not made, and what was issued stays
    aside: bool = False  # made in the second process when there is one (about half the work)
    #: what else stops it from being made right, once its faces are there (the faces first: a
    #: check that measures text needs them)
    checks: tuple[Callable[[m.Workshop], list[Problem]], ...] = ()
    #: why this build cannot make it when it is asked for by name (``--only``); None when it can
    lacking: Callable[[BuildContext], str | None] = _made_by_any_build
    made_when_lacking: bool = False  # not asked for, it is made all the same (and writes what it can)
    shows_names: bool = False  # it prints the roster's names: never remade without them unasked
    draws_slides: bool = False  # it draws from the deck's plan (planned once, before the build forks)
    first_in_watch: bool = False  # ``watch`` swaps it in on its own, before the others are rebuilt
    rewritten_by_revoke: tuple[str, ...] = ()  # what ``revoke`` prints anew (the rest stays as issued)

    def builder(self):
        return importlib.import_module(f"workshop.builders.{self.module}")

    def check(self, ctx: BuildContext) -> list[Problem]:
        """What stops this output from being made right: run by ``validate`` and ``build`` alike.
        (Text no font can print is checked once for every PDF, in :func:`check_all`.)"""
        problems = faces_problems(self.faces, self.name)
        if not problems:
            for check in self.checks:
                problems += check(ctx.workshop)
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


def _no_quiz(ctx: BuildContext) -> str | None:
    if ctx.workshop.quiz is None:
        return ("quiz: the outline has no quiz: to export; add one (see 'Knowledge check' in the README) or leave "
                "quiz out of --only")
    return None


def _no_responses(ctx: BuildContext) -> str | None:
    if ctx.evaluations is None:
        return ("evaluation-summary is made from the evaluation form's responses: add --evaluations FILE (a .csv or "
                ".xlsx export)")
    return None


def _names_kept(ctx: BuildContext) -> str | None:
    if ctx.records_in_kit and ctx.roster is None:
        return ("sign-in: this kit holds issued certificates, and its sign-in.pdf is the attendance log they were "
                "decided with; give the roster (--roster) or reports (--attendance) to make it again")
    return None


_CERTIFICATE_FILES = (certfiles.FILENAME, certfiles.LEDGER, certfiles.SPLIT_DIR + "/", certfiles.ATTENDANCE,
                      certfiles.EVIDENCE_DIR + "/", certfiles.VERIFY_DIR + "/")

OUTPUTS: tuple[Output, ...] = (
    Output("deck", "deck", ("deck.pptx",), _deck, aside=True, checks=(template_problems,), draws_slides=True,
           first_in_watch=True),
    Output("handouts", "handouts", ("handouts.pdf",),
           lambda ctx: (_facts(ctx), ctx.workshop, ctx.agenda), _DOC_FACES, draws_slides=True,
           aside=True),  # with the guide: reportlab's platypus, a tenth of a build, is imported by one process
    Output("guide", "guide", ("guide.pdf",),
           lambda ctx: (_facts(ctx), ctx.workshop, ctx.agenda), _DOC_FACES, aside=True, draws_slides=True),
    # attendance.csv is the certificates' own record of how each was decided: made with them, so
    # the two never disagree, and gone with them when a later build has no attendance reports
    Output("certificates", "certificates", _CERTIFICATE_FILES,
           lambda ctx: (_facts(ctx), ctx.workshop.ce, ctx.workshop.theme, ctx.agenda.ce, ctx.roster, ctx.split,
                        ctx.attendance, ctx.decisions, _records(ctx)),
           _CERTIFICATE_FACES, needs_roster=True, checks=(approval_problems,), shows_names=True,
           rewritten_by_revoke=(certfiles.FILENAME, certfiles.LEDGER, certfiles.VERIFY_DIR)),
    # an online workshop's sheet is the attendance log: its join and leave times are its own facts
    Output("sign-in", "signin", ("sign-in.pdf",),
           lambda ctx: (_facts(ctx), ctx.agenda.start, ctx.agenda.end, ctx.agenda.ce, ctx.roster, ctx.attendance),
           _FORM_FACES, lacking=_names_kept, shows_names=True,
           aside=True),  # the certificates and the quiz are the other process's half
    Output("evaluation", "evaluation", ("evaluation.pdf",),
           lambda ctx: (_facts(ctx), ctx.workshop.objectives), _FORM_FACES),
    Output("quiz", "quiz", ("quiz.gift", "quiz-qti.zip", "quiz-kahoot.xlsx"),
           lambda ctx: (_facts(ctx), ctx.workshop.quiz, ctx.workshop.objectives, ctx.workshop.deck, ctx.agenda.ce),
           lacking=_no_quiz, made_when_lacking=True),
    Output("evaluation-summary", "evalsummary", ("evaluation-summary.pdf", "evaluation-summary.csv"),
           lambda ctx: (_facts(ctx), ctx.workshop.theme.primary, ctx.workshop.theme.print_ink, ctx.workshop.objectives,
                        ctx.evaluations, attendees(ctx.roster, ctx.attendance)),
           _DOC_FACES, lacking=_no_responses),
)
BY_NAME = {o.name: o for o in OUTPUTS}
NAMES = tuple(BY_NAME)


def chosen(ctx: BuildContext, only: tuple[str, ...] | None) -> list[Output]:
    """The outputs a build makes: those asked for (all by default), less those that need a roster
    when there is none. Asking by name for one that this build cannot make is a mistake."""
    if only is not None:
        lacking = [BY_NAME[n] for n in only if BY_NAME[n].needs_roster and ctx.roster is None]
        if lacking:
            raise InputError(Problem(Src("--only"), f"{', '.join(o.name for o in lacking)} need a roster: "
                                                    "add --roster FILE (a .csv or .xlsx of attendees)"))
        for name in only:
            why = BY_NAME[name].lacking(ctx)
            if why:
                raise InputError(Problem(Src("--only"), why))
    return [o for o in OUTPUTS if (only is None or o.name in only) and (ctx.roster is not None or not o.needs_roster)
            and (o.made_when_lacking or o.lacking(ctx) is None)]


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
