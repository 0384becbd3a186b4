"""What every builder receives: the checked workshop, its agenda, the roster and where to write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from workshop import model as m
from workshop.roster import Roster
from workshop.schedule import Agenda


@dataclass(frozen=True)
class BuildContext:
    workshop: m.Workshop
    agenda: Agenda
    out_dir: Path
    when: dt.datetime  # stamped into files instead of the clock, so rebuilds are identical
    roster: Roster | None = None
    split: bool = False
    progress: Callable[[str, int], Callable[[int], None]] | None = None  # (label, total) -> step(n)
    attendance: object | None = None  # workshop.attendance.Attendance: the rule's decisions, with reports
    decisions: tuple = ()  # workshop.attendance.Decision, one per person in the evidence (roster or reports)
    plan: object | None = None  # workshop.record.ledger.Plan: the ledger as this build leaves it
    evidence: tuple = ()  # workshop.record.evidence.Piece: the inputs the decisions came from
    design: str = ""  # the fingerprint of what every certificate prints alike (see certfiles.design)
    reissue: str = ""  # --reissue: the reason to make changed certificates new versions
    records_in_kit: bool = False  # the kit already holds issued certificates (its ledger has rows)
    evaluations: object | None = None  # workshop.evaltally.Evaluations: the evaluation form's responses
