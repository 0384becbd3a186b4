"""The outline's ``quiz:`` block -> :class:`~workshop.model.Quiz`.

Called by the loader's reader, whose shape checks (unknown keys, required values) it shares. Every
mistake a trainer can make in a question is reported at its line: an answer that is not among the
choices, fewer than two or repeated choices, an objective number the outline does not have.
"""

from __future__ import annotations

import difflib
from decimal import Decimal, InvalidOperation

from workshop import model as m
from workshop.variants import describe
from workshop.yamlsrc import Map, Node, Scalar, Seq, is_null

_TRUE_FALSE = {"true": "True", "false": "False"}


def read_quiz(r, root: Map, objectives: int) -> m.Quiz | None:
    """The quiz, or None without one; ``r`` is the loader's reader, ``objectives`` how many the
    outline lists (questions name them by number)."""
    q = r.mapping(root.get("quiz"), "quiz", "quiz")
    if q is None:
        return None
    questions = []
    nodes = r.items(q.get("questions"), "quiz.questions")
    if not nodes:
        where = q.entries["questions"].key_src if "questions" in q.entries else q.src
        r.bad(where, "quiz.questions", "list at least one question (ask:, answer:, and choices: unless it is "
                                       "true/false)")
    for n, node in enumerate(nodes):
        question = _question(r, node, f"quiz.questions[{n}]", objectives)
        if question is not None:
            questions.append(question)
    pass_percent = _number(r, q, "pass_percent", "a percentage from 1 to 100, like 75", percent=True)
    if pass_percent is not None and not 0 < pass_percent <= 100:
        r.bad(q.get("pass_percent").src, "quiz.pass_percent", f"{pass_percent} is not a percentage from 1 to 100")
        pass_percent = None
    elif pass_percent is not None and pass_percent <= 1 and not _plain(q.get("pass_percent")).endswith("%"):
        # 0.8 is a fraction written where a percentage goes (like a spreadsheet's 80% cell): read as
        # 0.8 % it would pass everyone, so it is refused, as a roster's score of 0.8 is.
        whole = f"{(pass_percent * 100).normalize():f}"
        r.bad(q.get("pass_percent").src, "quiz.pass_percent",
              f"{_plain(q.get('pass_percent'))} could be {pass_percent}% or {whole}%; the pass mark is a percentage: "
              f"write {whole} for {whole}% (or {pass_percent}% if you really mean under one percent)")
        pass_percent = None
    per_hour = _number(r, q, "per_hour", "a number of questions per CE hour, like 6")
    if per_hour is not None and per_hour <= 0:
        r.bad(q.get("per_hour").src, "quiz.per_hour", "questions per hour must be more than zero")
        per_hour = None
    return m.Quiz(tuple(questions), pass_percent, per_hour, q.src)


def _question(r, node: Node, here: str, objectives: int) -> m.Question | None:
    q = r.mapping(node, here, "question")
    if q is None:
        return None
    ask = r.text(q, "ask", here, required=True)
    objective = _objective(r, q.get("objective"), f"{here}.objective", objectives)
    choices = _choices(r, q, here)
    answer = _answer(r, q, here, choices)
    if not ask or answer is None or choices is None:
        return None
    return m.Question(ask=ask, answer=answer, choices=choices, objective=objective,
                      explain=r.text(q, "explain", here), src=q.src)


def _objective(r, node: Node | None, here: str, objectives: int) -> int | None:
    if is_null(node):
        return None
    if not (isinstance(node, Scalar) and isinstance(node.value, int) and not isinstance(node.value, bool)):
        r.bad(node.src, here, f"expected the number of a learning objective (1 for the first), got {describe(node)}")
        return None
    number = node.value
    if not objectives:
        r.bad(node.src, here, f"there is no objective {number}: the outline lists no objectives; "
                              "add them under objectives: or remove this line")
        return None
    if not 1 <= number <= objectives:
        r.bad(node.src, here, f"there is no objective {number}: the outline lists {objectives} "
                              f"objective{'s' if objectives != 1 else ''}; use a number from 1 to {objectives}")
        return None
    return number


def _choices(r, q: Map, here: str) -> tuple[str, ...] | None:
    """The choices as written (() for a true/false question), or None when they are unusable."""
    node = q.get("choices")
    if is_null(node) and "choices" not in q.entries:
        return ()
    path = f"{here}.choices"
    where = q.entries["choices"].key_src
    if not isinstance(node, Seq):
        r.bad(node.src if node is not None else where, path,
              f"expected a list of two or more choices, like [Trust, Billing], got {describe(node)}")
        return None
    found: list[str] = []
    seen: dict[str, int] = {}
    ok = True
    for k, item in enumerate(node.items):
        text = _plain(item)
        if text is None or not text:
            r.bad(item.src, f"{path}[{k}]", f"a choice is one line of text, got {describe(item)}")
            ok = False
            continue
        same = _same(text)
        if same in seen:
            r.bad(item.src, f"{path}[{k}]", f"{text!r} is listed twice (first as choice {seen[same] + 1}); "
                                            "every choice must differ")
            ok = False
            continue
        seen[same] = k
        found.append(text)
    if len(node.items) < 2:
        r.bad(node.src if node.items else where, path,
              "give at least two choices, or remove choices: for a true/false question")
        return None
    return tuple(found) if ok else None


def _answer(r, q: Map, here: str, choices: tuple[str, ...] | None) -> str | None:
    if not r.require(q, "answer", here):
        return None
    node = q.get("answer")
    path = f"{here}.answer"
    if choices is None:
        return None
    if not choices:
        if isinstance(node, Scalar) and isinstance(node.value, bool):
            return "True" if node.value else "False"
        text = _plain(node)
        if text is not None and text.lower() in _TRUE_FALSE:
            return _TRUE_FALSE[text.lower()]
        r.bad(node.src, path, f"a question without choices is true/false: answer true or false, or list the "
                              f"choices under choices: (got {describe(node)})")
        return None
    text = _plain(node)
    if text is None:
        r.bad(node.src, path, f"a question has one answer, one of its choices; got {describe(node)}")
        return None
    if text in choices:
        return text
    close = [c for c in choices if _same(c) == _same(text)] or difflib.get_close_matches(text, choices, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    r.bad(node.src, path, f"the answer {text!r} is not one of the choices ({', '.join(choices)}){hint}")
    return None


def _plain(node: Node | None) -> str | None:
    """A scalar's text as the trainer typed it: ``Yes`` stays "Yes", ``3`` stays "3"."""
    if not isinstance(node, Scalar) or node.value is None:
        return None
    return node.value.strip() if isinstance(node.value, str) else node.raw.strip()


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


def _number(r, q: Map, key: str, wanted: str, percent: bool = False) -> Decimal | None:
    node = q.get(key)
    if is_null(node):
        return None
    raw = _plain(node) if not (isinstance(node, Scalar) and isinstance(node.value, bool)) else None
    if raw is not None and percent and raw.endswith("%"):
        raw = raw[:-1].strip()
    try:
        number = Decimal(raw.replace("_", "")) if raw else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        r.bad(node.src, f"quiz.{key}", f"expected {wanted}, got {describe(node)}")
        return None
    return number
