"""A built deck's knowledge-check slides -> the outline's ``quiz`` questions.

``workshop build`` with ``deck.quiz: true`` shows each question on a slide titled "Knowledge
check: question N of M" (the question, then its lettered choices or "True or false?") followed
by "Answer to question N" (the question, "Answer: B. ...", and why). Reading both back gives
the questions as written, so the rebuilt kit has its quiz exports again.
"""

from __future__ import annotations

import re

from workshop.importer.draft import Draft, DraftQuestion
from workshop.importer.raw import RawSlide
from workshop.importer.slides import clean, clean_notes

QUESTION = re.compile(r"^Knowledge check: question (\d+) of (\d+)$")
ANSWER = re.compile(r"^Answer to question (\d+)$")
_CHOICE = re.compile(r"^([A-Z])\.\s+(.+)$")
_OBJECTIVE = re.compile(r"It checks objective (\d+):")


def read_question(raw: RawSlide, draft: Draft) -> bool:
    """Add the question on ``raw`` to ``draft``; False when the slide is not one the build made."""
    paras = [clean(p.text) for b in raw.text_blocks for p in b.paras]
    if not paras:
        return False
    ask, rest = paras[0], paras[1:]
    choices = []
    for text in rest:
        match = _CHOICE.match(text)
        if match is None or match.group(1) != chr(ord("A") + len(choices)):
            if rest == ["True or false?"]:
                break
            return False
        choices.append(match.group(2))
    objective = _OBJECTIVE.search(clean_notes(raw.notes))
    draft.questions.append(DraftQuestion(ask, "", raw.number, choices,
                                         int(objective.group(1)) if objective else None))
    draft.notice(raw.number, "folded", f"“{clean(raw.title)}”, as a quiz question")
    return True


def read_answer(raw: RawSlide, draft: Draft) -> bool:
    """Give the last question its answer and explanation from its answer slide."""
    if not draft.questions or draft.questions[-1].answer:
        return False
    question = draft.questions[-1]
    paras = [clean(p.text) for b in raw.text_blocks for p in b.paras]
    if len(paras) < 2 or paras[0] != question.ask or not paras[1].startswith("Answer: "):
        return False
    answer = paras[1][len("Answer: "):]
    if question.choices:
        match = _CHOICE.match(answer)
        k = ord(match.group(1)) - ord("A") if match else -1
        if not 0 <= k < len(question.choices) or question.choices[k] != match.group(2):
            return False
        question.answer = question.choices[k]
    elif answer in ("True", "False"):
        question.answer = answer.lower()
    else:
        return False
    question.explain = " ".join(paras[2:])
    draft.notice(raw.number, "folded", f"“{clean(raw.title)}”, as the question's answer")
    return True
