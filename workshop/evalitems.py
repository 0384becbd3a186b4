"""The evaluation form's items, declared once: the printed form (:mod:`workshop.builders.evaluation`)
asks exactly these, and the summary of the responses (:mod:`workshop.evalresponses`) looks for
exactly these, so the two cannot drift apart. Every text is a message of the catalog
(:mod:`workshop.i18n`): the form asks, and the responses are read, in the outline's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop import model as m
from workshop.i18n import N_, tr

#: The groups' names; an :class:`Item` keeps the message id, printers translate it.
OBJECTIVES = N_("Learning objectives")
PRESENTERS = N_("Presenters")
THE_WORKSHOP = N_("The workshop")
OVERALL = N_("Overall")
#: The stem every objective completes, printed once in the objectives' heading.
OBJECTIVE_STEM = N_("This objective was met:")
PRESENTER_STATEMENT = N_("{presenter} knew the subject and presented it clearly")
WORKSHOP_STATEMENTS = (N_("The content is relevant to my practice"), N_("I will use what I learned with clients"),
                       N_("The materials and handouts were useful"),
                       N_("The venue or online platform worked well for learning"), N_("The time was used well"),
                       # boards ask every CE evaluation whether the program promoted a product or service
                       N_("The content was free of commercial bias or promotion"))
#: The overall rating boards ask for, on the same scale, in a group of its own at the end.
OVERALL_STATEMENTS = (N_("Overall, I was satisfied with this workshop"),)
#: The open questions, answered in writing.
QUESTIONS = (N_("What was most useful to you today?"), N_("What would you change?"),
             N_("Which topics would you like in a future workshop?"))
#: The scale's words, 1 to 5, as responses may give them.
SCALE_WORDS = (N_("Strongly disagree"), N_("Disagree"), N_("Neutral"), N_("Agree"), N_("Strongly agree"))
#: Another way respondents say the middle of the scale.
MIDDLE_WORDS = N_("Neither agree nor disagree")
#: The scale's words as the form prints them under each number, a line for each "\n" (at most three).
ANCHORS = (N_("Strongly\ndisagree"), N_("Disagree"), N_("Neutral"), N_("Agree"), N_("Strongly\nagree"))


def scale_words(language: str = "en") -> tuple[str, ...]:
    return tuple(tr(language, words) for words in SCALE_WORDS)


def questions(language: str = "en") -> tuple[str, ...]:
    return tuple(tr(language, q) for q in QUESTIONS)


def anchors(language: str = "en") -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(tr(language, a).split("\n"))[:3] for a in ANCHORS)


@dataclass(frozen=True)
class Item:
    """A rated statement as the form prints it, in its group (one of the group names above, a
    message id). ``names`` are the shorter texts a response column may carry instead of the whole
    statement: a presenter's name, as a form's grid row (``Presenter [Dawn Allred]``)."""

    group: str
    text: str
    names: tuple[str, ...] = ()

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every text that, found in a column's title, says the column holds this item."""
        return (self.text,) + self.names


def rated_items(workshop: m.Workshop) -> list[Item]:
    """Every rated statement of the form, in the order it prints, in the outline's language."""
    lang = workshop.language
    items = [Item(OBJECTIVES, objective) for objective in workshop.objectives]
    items += [Item(PRESENTERS, tr(lang, PRESENTER_STATEMENT, presenter=p.display_name),
                   tuple(dict.fromkeys((p.display_name, p.name))))
              for p in workshop.presenters]
    items += [Item(THE_WORKSHOP, tr(lang, text)) for text in WORKSHOP_STATEMENTS]
    items += [Item(OVERALL, tr(lang, text)) for text in OVERALL_STATEMENTS]
    return items


def grouped(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """``items`` in their groups, in order; a group with no items is left out."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    return list(groups.items())
