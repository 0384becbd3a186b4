"""quiz.gift: the questions in Moodle's GIFT format (Question bank > Import > GIFT format).

Each question is written the way Moodle's own GIFT export writes it: a ``//`` comment line, then
``::name::`` and the text, then the answers in braces, one to a line, ``=`` before the right one
and ``~`` before the others; a true/false question is ``{TRUE}`` or ``{FALSE}``. The explanation
is the general feedback (``####``), shown once a learner has answered. Questions are separated by
a blank line.

Text is marked ``[plain]`` so Moodle shows what the trainer wrote rather than reading it as HTML
or Markdown, and the characters GIFT gives a meaning (``~ = # { } :`` and the backslash that
escapes them) are escaped, with line breaks written as ``\\n``.
"""

from __future__ import annotations

from workshop import model as m
from workshop.i18n import tr, trn

_SPECIAL = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:",
            "\n": "\\n", "\r": ""}


def escape(text: str) -> str:
    """``text`` with every GIFT control character escaped, on one line."""
    return "".join(_SPECIAL.get(c, c) for c in text)


def gift(workshop: m.Workshop) -> str:
    """The GIFT file for the workshop's quiz, UTF-8 text ending in a newline."""
    quiz = workshop.quiz
    heading = trn(workshop.language, "{title}: knowledge check ({n} question)", "{title}: knowledge check ({n} questions)",
                  len(quiz.questions), title=_comment(workshop.title))
    how = tr(workshop.language, "Import in Moodle: Question bank > Import > GIFT format.")
    parts = [f"// {heading}\n// {how}\n"]
    for n, question in enumerate(quiz.questions, 1):
        parts.append(_question(n, question, workshop.objectives))
    return "\n".join(parts)


def _question(n: int, q: m.Question, objectives: tuple[str, ...]) -> str:
    checks = f", checks objective {q.objective}: {objectives[q.objective - 1]}" if q.objective else ""
    lines = [f"// question {n}{_comment(checks)}", f"::Q{n}::[plain]{escape(q.ask)}{{"]
    feedback = f"####{_text(q.explain)}" if q.explain else ""
    if q.true_false:
        lines[-1] += f"{q.answer.upper()}{feedback}}}"
    else:
        for k, choice in enumerate(q.choices):
            lines.append(f"\t{'=' if k == q.key else '~'}{_text(choice)}")
        if feedback:
            lines.append(f"\t{feedback}")
        lines.append("}")
    return "\n".join(lines) + "\n"


def _text(text: str) -> str:
    """An answer or feedback: Moodle would read a leading ``[word]`` as a text format and a leading
    ``%n%`` as a grade weight, so such text is marked plain first."""
    return ("[plain]" if text.startswith(("[", "%")) else "") + escape(text)


def _comment(text: str) -> str:
    return " ".join(text.split())
