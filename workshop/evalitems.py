"""The evaluation form's items, declared once: the printed form (:mod:`workshop.builders.evaluation`)
asks exactly these, and the summary of the responses (:mod:`workshop.evalresponses`) looks for
exactly these, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop import model as m

OBJECTIVES = "Learning objectives"
PRESENTERS = "Presenters"
THE_WORKSHOP = "The workshop"
OVERALL = "Overall"
#: The stem every objective completes, printed once in the objectives' heading.
OBJECTIVE_STEM = "This objective was met:"
PRESENTER_STATEMENT = "knew the subject and presented it clearly"
WORKSHOP_STATEMENTS = ("The content is relevant to my practice", "I will use what I learned with clients",
                       "The materials and handouts were useful",
                       "The venue or online platform worked well for learning", "The time was used well",
                       # boards ask every CE evaluation whether the program promoted a product or service
                       "The content was free of commercial bias or promotion")
#: The overall rating boards ask for, on the same scale, in a group of its own at the end.
OVERALL_STATEMENTS = ("Overall, I was satisfied with this workshop",)
#: The open questions, answered in writing.
QUESTIONS = ("What was most useful to you today?", "What would you change?",
             "Which topics would you like in a future workshop?")
#: The scale's words, 1 to 5; each is printed (broken into lines) under its number on the form.
SCALE_WORDS = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")


@dataclass(frozen=True)
class Item:
    """A rated statement as the form prints it, in its group. ``names`` are the shorter texts a
    response column may carry instead of the whole statement: a presenter's name, as a form's
    grid row (``Presenter [Dawn Allred]``)."""

    group: str
    text: str
    names: tuple[str, ...] = ()

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every text that, found in a column's title, says the column holds this item."""
        return (self.text,) + self.names


def rated_items(workshop: m.Workshop) -> list[Item]:
    """Every rated statement of the form, in the order it prints."""
    items = [Item(OBJECTIVES, objective) for objective in workshop.objectives]
    items += [Item(PRESENTERS, f"{p.display_name} {PRESENTER_STATEMENT}", tuple(dict.fromkeys((p.display_name, p.name))))
              for p in workshop.presenters]
    items += [Item(THE_WORKSHOP, text) for text in WORKSHOP_STATEMENTS]
    items += [Item(OVERALL, text) for text in OVERALL_STATEMENTS]
    return items


def grouped(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """``items`` in their groups, in order; a group with no items is left out."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    return list(groups.items())
