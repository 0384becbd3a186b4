"""The outline's ``ce:`` block: the provider, its approval statements, how hours are counted and
awarded, the attendance rule and the message that goes with each certificate."""

from __future__ import annotations

import string
from decimal import Decimal

from workshop import model as m
from workshop.i18n import tr
from workshop.keys import KEYS, child
from workshop.reading.reader import Reader
from workshop.variants import describe
from workshop.verify.address import verify_url_problem
from workshop.yamlsrc import Map, Scalar, Seq, is_null


def read_ce(r: Reader, root: Map) -> m.CE | None:
    """The CE rules, or None for an outline without a ``ce:`` block (no certificates)."""
    node = r.mapping(root.get("ce"), "ce", "ce")
    if node is None:
        return None
    verify_url = r.plain(node, "ce", "verify_url", "ce")
    if verify_url and (problem := verify_url_problem(verify_url)):
        r.bad(node.get("verify_url").src, "ce.verify_url", problem)
    hours_node = node.get("hours")
    unit = " ".join(r.plain(node, "ce", "unit", "ce").split())
    if unit and not any(c.isalpha() for c in unit):
        r.bad(node.get("unit").src, "ce.unit", f"expected the board's word for the hours, such as "
                                               f"\"contact hours\" or \"CE hours\", got {unit!r}")
    return m.CE(
        provider=r.text(node, "provider", "ce", required=True), approvals=_approvals(r, node),
        minutes_per_hour=_minutes_per_hour(r, node), increment=_increment(r, node),
        hours=r.plain(node, "ce", "hours", "ce"), verify_url=verify_url, unit=unit or tr(r.language, m.CE.unit),
        src=node.src, hours_src=hours_node.src if hours_node else node.src,
        attendance=_attendance(r, node), seal=r.file(node.get("seal"), "ce.seal", image=True),
        email=_email(r, node))


def _minutes_per_hour(r: Reader, ce: Map) -> int:
    declared = r.declared("ce", "minutes_per_hour")
    value = ce.get("minutes_per_hour")
    if is_null(value):
        return declared.default
    if isinstance(value, Scalar) and value.value in declared.choices and not isinstance(value.value, bool):
        return int(value.value)
    r.not_a_number(value, "ce.minutes_per_hour", "expected 60 or 50")
    return declared.default


def _increment(r: Reader, ce: Map) -> Decimal:
    """``ce.increment``: a step that goes into an hour exactly."""
    default = r.declared("ce", "increment").default
    increment = r.number(ce, "increment", "ce")
    if increment is None:
        return default
    if increment <= 0:
        r.bad(ce.get("increment").src, "ce.increment", "the increment must be more than zero")
        return default
    if 1 % increment if increment < 1 else increment % 1:
        # 0.333 does not go into an hour: three steps are 0.999 h, so a full hour would print short.
        steps = int(1 // increment) if increment < 1 else 1
        r.bad(ce.get("increment").src, "ce.increment",
              f"{increment} does not divide the hour ({steps} x {increment} = {steps * increment}), so whole "
              "hours would print short; use a step that goes into an hour exactly: 0.5, 0.25, 0.2, 0.1 "
              "(a third of an hour has no exact decimal: use 0.25 or 0.5), or 1")
        return default
    return increment


def _email(r: Reader, ce: Map) -> m.Email:
    """``ce.email``: every ``{field}`` must be one :data:`model.EMAIL_FIELDS` names."""
    node = r.mapping(ce.get("email"), "ce.email", "email")
    if node is None:
        return m.Email(subject=tr(r.language, m.Email.subject))
    values = {}
    for key in ("from", "subject", "body"):
        text = r.text(node, key, "ce.email")
        if not text:
            continue
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        except ValueError as exc:
            r.bad(node.get(key).src, f"ce.email.{key}", f"{exc}: write a brace as {{{{ or }}}}")
            continue
        unknown = [f for f in fields if f not in m.EMAIL_FIELDS]
        if unknown:
            r.bad(node.get(key).src, f"ce.email.{key}", f"{{{unknown[0]}}} is no field; use "
                  + ", ".join("{" + f + "}" for f in m.EMAIL_FIELDS) + " (or {{ for a brace)")
            continue
        values[key] = " ".join(text.split()) if key != "body" else text
    if "subject" in values and "\n" in values["subject"]:
        r.bad(node.get("subject").src, "ce.email.subject", "a subject is one line")
    return m.Email(sender=values.get("from", ""), subject=values.get("subject", tr(r.language, m.Email.subject)),
                   body=values.get("body", ""), src=node.src)


def _approvals(r: Reader, ce: Map) -> tuple[m.Approval, ...]:
    """``ce.approvals`` (statements, each whole, some for certain licences only), or the one
    statement of ``ce.approval``; an outline giving both is refused rather than merged, since
    which comes first on a certificate would be a guess."""
    one = r.text(ce, "approval", "ce")
    many = ce.get("approvals")
    if one and not is_null(many):
        r.bad(ce.entries["approval"].key_src, "ce.approval",
              "ce.approval and ce.approvals are both given; move this statement into the ce.approvals "
              "list where it should print, and remove ce.approval")
        return ()
    if one:
        return (m.Approval(one, src=ce.get("approval").src, where="ce.approval"),)
    found = []
    for n, item in enumerate(r.items(many, "ce.approvals")):
        here = f"ce.approvals, statement {n + 1}"
        # a plain statement; "- Approved by the Board: provider 1234" is one too, which YAML
        # reads as a key and a value (line_of_text takes it back as the line it was)
        if not isinstance(item, Map) or (len(item.entries) == 1 and not set(item.entries) & set(KEYS["approval"])):
            text = r.line_of_text(item, here)
            words: tuple[str, ...] = ()
        else:
            r.mapping(item, here, "approval")
            text = r.text(item, "statement", here, required=True)
            words = _licence_words(r, item, here)
        if text:
            found.append(m.Approval(text, words, item.src, here))
    if isinstance(many, Seq) and not many.items:
        r.bad(ce.entries["approvals"].key_src, "ce.approvals", "list at least one statement, or remove "
                                                               "ce.approvals")
    return tuple(found)


def _licence_words(r: Reader, item: Map, here: str) -> tuple[str, ...]:
    """``for:`` of an approval: the licence words it is printed for (LCSW, LMSW), as a list or
    one word; () when it has no ``for``."""
    node, here = item.get("for"), child(here, "for")
    if is_null(node):
        if "for" in item.entries:
            r.bad(item.entries["for"].key_src, here, "list the licences this statement is for "
                                                     "(for: [LCSW, LMSW]), or remove for")
        return ()
    if isinstance(node, Seq) and not node.items:
        r.bad(node.src, here, "list the licences this statement is for (for: [LCSW, LMSW]), or remove for")
    words = []
    for value in [node] if isinstance(node, Scalar) else r.items(node, here):
        word = r.text_value(value, here)
        if not word or any(c.isspace() or c == "," for c in word):
            r.bad(value.src, here, f"expected licence words such as LCSW or LPC, one per list item "
                                   f"(for: [LCSW, LMSW]), got {word!r}")
        else:
            words.append(word)
    return tuple(words)


def _attendance(r: Reader, ce: Map) -> m.AttendanceRule | None:
    node = r.mapping(ce.get("attendance"), "ce.attendance", "attendance")
    if node is None:
        return None
    grace = node.get("grace_minutes")
    minutes = r.declared("attendance", "grace_minutes").default
    if not is_null(grace):
        if isinstance(grace, Scalar) and isinstance(grace.value, int) and not isinstance(grace.value, bool) \
                and grace.value >= 0:
            minutes = grace.value
        else:
            r.bad(grace.src, "ce.attendance.grace_minutes", f"expected whole minutes (0 or more), "
                                                            f"got {describe(grace)}")
    return m.AttendanceRule(minutes, r.plain(node, "attendance", "partial", "ce.attendance"), node.src)
