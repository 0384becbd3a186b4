"""The knowledge check: questions written once in the outline, shown in the handouts, the guide and
the deck, and exported for Moodle (:mod:`.gift`), Canvas (:mod:`.qti`) and Kahoot (:mod:`.kahoot`).
Roster scores are read by :mod:`.score`."""

from __future__ import annotations

import math

from workshop import model as m
from workshop.i18n import N_, tr
from workshop.schedule import Agenda, hours

#: A true/false question's options, as printed (the model keeps the English words the exports' formats use).
TRUE_FALSE = (N_("True"), N_("False"))


def shown_option(option: str, question: m.Question, language: str) -> str:
    """A choice as printed: a true/false question's True and False in ``language``."""
    return option if question.choices else tr(language, option)


def letter(k: int) -> str:
    """A, B, C ... for the k-th (0-based) choice, as the handouts, the guide and the slides label them."""
    return chr(ord("A") + k) if k < 26 else str(k + 1)


def quiz_warnings(workshop: m.Workshop, agenda: Agenda) -> list[str]:
    """What the quiz leaves out that a board may ask for: an objective no question checks, fewer
    questions than ``per_hour`` asks for; and question slides asked for without a quiz."""
    quiz = workshop.quiz
    if quiz is None:
        return [f"{workshop.deck.src}: deck.quiz: the outline has no quiz, so there are no question slides"] \
            if workshop.deck.quiz else []
    from workshop.quiz.kahoot import kahoot_warnings

    warnings = kahoot_warnings(quiz)
    checked = {q.objective for q in quiz.questions}
    for n, objective in enumerate(workshop.objectives, 1):
        if n not in checked:
            warnings.append(f"{quiz.src}: quiz: no question checks objective {n} ({objective}); add one with "
                            f"objective: {n}")
    if quiz.per_hour is not None:
        if agenda.ce is None:
            warnings.append(f"{quiz.src}: quiz.per_hour: the outline has no ce block, so there are no CE hours "
                            "to count questions against")
        else:
            wanted = math.ceil(quiz.per_hour * agenda.ce.awarded)
            if len(quiz.questions) < wanted:
                warnings.append(f"{quiz.src}: quiz: {len(quiz.questions)} question"
                                f"{'s' if len(quiz.questions) != 1 else ''}, fewer than the {wanted} that per_hour "
                                f"{quiz.per_hour} × {hours(agenda.ce.awarded)} CE hours asks for")
    return warnings
