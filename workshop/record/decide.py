"""One decision per person in the evidence: certificate or not, the hours, and why.

With attendance reports the decisions come from the attendance rule
(:func:`workshop.attendance.work_out`); with a plain roster, from its rows. Either way the
knowledge-check score is applied here, once, so every view of the decisions (the ledger,
``attendance.csv``, the attendance log, the build's summary) says the same thing.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from workshop import model as m
from workshop.attendance import Decision
from workshop.errors import display_path
from workshop.i18n import said
from workshop.quiz.score import shown as shown_score
from workshop.roster import Attendee, Roster
from workshop.schedule import Agenda, hours


def from_roster(roster: Roster, agenda: Agenda) -> tuple[Decision, ...]:
    """The decisions a plain roster gives (no attendance reports, no time columns)."""
    full = agenda.ce.awarded if agenda.ce else None
    where = display_path(roster.source)
    decisions = []
    for a in roster.attendees:
        common = dict(name=a.name, email=a.email, how="roster", where=f"{where} row {a.row}", joined=None,
                      left=None, present=None, missed=None, attendee=a)
        if not a.attended:
            decisions.append(Decision(**common, hours=None, certified=False,
                                      reason="the roster says not attended: no certificate"))
        elif a.hours is not None and a.hours <= 0:
            decisions.append(Decision(**common, hours=None, certified=False,
                                      reason="the roster's hours round down to none: no certificate"))
        else:
            earned = a.hours if a.hours is not None and full is not None else full
            reason = (f"the roster's hours column: {hours(a.hours)} of {hours(full)}"
                      if a.hours is not None and full is not None and a.hours < full else "attended")
            decisions.append(Decision(**common, hours=earned, certified=True, reason=reason))
    return tuple(decisions)


def with_scores(decisions: tuple[Decision, ...], roster: Roster | None,
                quiz: m.Quiz | None) -> tuple[tuple[Decision, ...], list[str]]:
    """The decisions with the knowledge check applied: a certified person whose score is missing or
    below ``quiz.pass_percent`` is not certified. A rule that cannot be applied is a warning."""
    if roster is None:
        return decisions, []
    mark = quiz.pass_percent if quiz else None
    shown = display_path(roster.source)
    if mark is None:
        return decisions, ([f"{shown}: the roster has scores, but the outline sets no quiz.pass_percent, so "
                            "certificates are issued whatever the score"] if roster.scored else [])
    if not roster.scored:
        return decisions, [f"{quiz.src}: quiz.pass_percent: the roster has no score column, so certificates are "
                           "issued without checking scores"]
    out, held = [], []
    for x in decisions:
        a = x.attendee
        if not x.certified or a is None:
            out.append(x)
            continue
        if a.score is None:
            why = said("no score (the test was not taken): no certificate")
        elif a.score < mark:
            why = said("scored {score}, below the pass mark of {mark}: no certificate", score=shown_score(a.score),
                       mark=shown_score(mark))
        else:
            out.append(x)
            continue
        held.append(f"{shown}: row {a.row}, {a.name}: {why}")
        out.append(dataclasses.replace(x, certified=False, hours=None, reason=str(why), said=why))
    return tuple(out), held


def certified(decisions: tuple[Decision, ...]) -> list[Decision]:
    return [x for x in decisions if x.certified and x.how != "staff"]


def attendee_of(x: Decision) -> Attendee:
    """The roster row behind a decision, or one made from the reports for someone known only there."""
    return x.attendee if x.attendee is not None else Attendee(0, x.name, x.email)


def partial(x: Decision, full: Decimal | None) -> bool:
    return x.hours is not None and full is not None and x.hours < full
