"""quiz.gift, quiz-qti.zip and quiz-kahoot.xlsx: the knowledge check for Moodle, Canvas and Kahoot.

Without a quiz in the outline nothing is written, so exports from a quiz since removed leave the kit.
"""

from __future__ import annotations

from pathlib import Path

from workshop.builders.context import BuildContext
from workshop.quiz import quiz_warnings
from workshop.quiz.gift import gift
from workshop.quiz.kahoot import kahoot_xlsx
from workshop.quiz.qti import qti_zip

FILENAME, QTI, KAHOOT = "quiz.gift", "quiz-qti.zip", "quiz-kahoot.xlsx"


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    workshop = ctx.workshop
    warnings = quiz_warnings(workshop, ctx.agenda)
    if workshop.quiz is None:
        return [], warnings
    files = [ctx.out_dir / FILENAME, ctx.out_dir / QTI, ctx.out_dir / KAHOOT]
    files[0].write_bytes(gift(workshop).encode("utf-8"))
    files[1].write_bytes(qti_zip(workshop, ctx.when))
    files[2].write_bytes(kahoot_xlsx(workshop, ctx.when))
    return files, warnings
