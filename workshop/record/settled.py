"""The decisions file: what the organizer settled in writing about the evidence.

The evidence sometimes leaves a question a guess would answer wrongly: a report row whose name
matches a roster person but whose email is another's, one name under two emails, a phone number
instead of a name. The build never picks a reading; it stops, lists every question, and says
what to write in the decisions file (``<outline name>.decisions.yaml`` beside the outline, or
``--decisions FILE``). The file is evidence like the rest: it is copied into the kit's
``evidence/``. Each entry says what was decided and why::

    - row: zoom-participants.csv:14      # the report and its row (line) number
      person: ann.lee@example.org        # is this roster person (email, or the name on the roster)
      reason: Ann joined from her clinic's laptop; she confirmed by e-mail on 12 March
    - row: zoom-participants.csv:17
      nobody: true                       # is no attendee: not certified, not counted
      reason: the co-host's dial-in line
    - row: teams-attendance.csv:9
      name: Maria Gomez                  # the name to print for someone known only from a report
      reason: display name "Maria Gomez (Maria's iPad)"; the device is not part of her name
    - same person: [ann.lee@gmail.com, alee@clinic.org]
      reason: Ann used two devices; both addresses are hers (registration form)
    - different people: [sam.park@a.org, sam.park@b.org]
      reason: two attendees named Sam Park, confirmed at check-in
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workshop.errors import InputError, Problem, Src, display_path
from workshop.yamlsrc import Map, Scalar, Seq, read_yaml

SUFFIX = ".decisions.yaml"
_KINDS = ("person", "nobody", "name")


@dataclass(frozen=True)
class RowDecision:
    src: Src
    file: str
    line: int
    person: str = ""
    nobody: bool = False
    name: str = ""
    reason: str = ""


@dataclass
class Settled:
    """The decisions read from the file (none when there is no file)."""

    path: Path | None = None
    rows: dict[tuple[str, int], RowDecision] = field(default_factory=dict)
    same: list[tuple[Src, tuple[str, ...], str]] = field(default_factory=list)
    different: list[tuple[Src, tuple[str, ...], str]] = field(default_factory=list)
    date_order: dict[str, str] = field(default_factory=dict)
    used: set = field(default_factory=set)

    @property
    def shown(self) -> str:
        return display_path(self.path) if self.path else "the decisions file"

    def row(self, source: str, line: int) -> RowDecision | None:
        """The decision about row ``line`` of the report ``source`` (matched by its file name)."""
        found = self.rows.get((Path(source).name.casefold(), line))
        if found is not None:
            self.used.add(("row", found.file.casefold(), line))
        return found

    def alias(self, email: str) -> str:
        """The first address of a "same person" entry naming ``email``; else ``email``."""
        for _, emails, _ in self.same:
            if email and email.casefold() in emails:
                self.used.add(("same", emails))
                return emails[0]
        return email

    def distinct(self, a: str, b: str) -> bool:
        """Whether an entry says the people with these addresses are different people."""
        for _, emails, _ in self.different:
            if a.casefold() in emails and b.casefold() in emails:
                self.used.add(("different", emails))
                return True
        return False


def default_path(outline: Path) -> Path:
    name = outline.name[:-5] if outline.name.lower().endswith(".yaml") else outline.stem
    return outline.parent / (name + SUFFIX)


def find(outline: Path, given: Path | None) -> Path | None:
    """The decisions file to read: the one given, else the outline's when it exists."""
    if given is not None:
        if not Path(given).is_file():
            raise InputError(Problem(Src(display_path(given)), "decisions file not found"))
        return Path(given)
    path = default_path(Path(outline))
    return path if path.is_file() else None


def read(path: Path | None) -> Settled:
    """Read and check the decisions file; every problem is named at its line."""
    if path is None:
        return Settled()
    shown = display_path(path)
    root = read_yaml(path, shown)
    settled = Settled(path)
    if root is None:
        return settled
    if not isinstance(root, Seq):
        raise InputError(Problem(root.src, "the decisions file is a list of decisions, each starting with '- ' "
                                           "(see the README's 'Settling a question in writing')"))
    problems: list[Problem] = []
    for k, item in enumerate(root.items):
        where = f"[{k}]"
        if not isinstance(item, Map):
            problems.append(Problem(item.src, "each decision is a mapping with a reason (row: FILE:LINE, "
                                              "person: ..., reason: ...)", where))
            continue
        reason = _text(item, "reason")
        if not reason:
            problems.append(Problem(item.src, "every decision says why it was made: add 'reason: ...' (who "
                                              "confirmed it, and how)", where))
        known = {"row", "person", "nobody", "name", "reason", "same person", "different people", "report",
                 "date_order"}
        for key, entry in item.entries.items():
            if key not in known:
                problems.append(Problem(entry.key_src, f"unknown key {key!r}; a decision has row with person, "
                                                       "nobody or name; or 'same person' or 'different people' "
                                                       "with a list of emails; or report with date_order", where))
        if item.get("row") is not None:
            _row(item, reason, where, settled, problems)
        elif item.get("same person") is not None or item.get("different people") is not None:
            key = "same person" if item.get("same person") is not None else "different people"
            node = item.get(key)
            emails = tuple(str(v.value).strip().casefold() for v in node.items if isinstance(v, Scalar)
                           and v.value) if isinstance(node, Seq) else ()
            if len(emails) < 2 or any("@" not in e for e in emails) or len(set(emails)) < len(emails):
                problems.append(Problem(node.src, f"'{key}' takes a list of two or more different email addresses, "
                                                  "such as [ann@example.org, ann.lee@clinic.org]", where))
                continue
            (settled.same if key == "same person" else settled.different).append((node.src, emails, reason))
        elif item.get("report") is not None:
            report, order = _text(item, "report"), _text(item, "date_order")
            if order not in ("month-first", "day-first"):
                problems.append(Problem(item.src, "date_order is month-first (03/04/2026 is March 4) or "
                                                  "day-first (03/04/2026 is 3 April)", where))
                continue
            settled.date_order[Path(report).name.casefold()] = order
        else:
            problems.append(Problem(item.src, "a decision names a report row (row: FILE:LINE), or has 'same person' "
                                              "or 'different people', or a report with its date_order", where))
    if problems:
        raise InputError(problems)
    return settled


def _row(item: Map, reason: str, where: str, settled: Settled, problems: list[Problem]) -> None:
    node = item.get("row")
    text = str(node.value).strip() if isinstance(node, Scalar) and node.value is not None else ""
    file, _, line = text.rpartition(":")
    if not file or not line.strip().isdigit():
        problems.append(Problem(node.src, f"row is the report's file name and the row's line number, such as "
                                          f"zoom.csv:14; got {text!r}", where))
        return
    given = [k for k in _KINDS if item.get(k) is not None]
    if len(given) != 1:
        problems.append(Problem(item.src, "say one thing about the row: person: (the roster person it is), "
                                          "nobody: true, or name: (the name to print)", where))
        return
    nobody = item.get("nobody")
    if nobody is not None and not (isinstance(nobody, Scalar) and nobody.value is True):
        problems.append(Problem(nobody.src, "write nobody: true", where))
        return
    decision = RowDecision(node.src, Path(file.strip()).name, int(line), person=_text(item, "person"),
                           nobody=nobody is not None, name=_text(item, "name"), reason=reason)
    key = (decision.file.casefold(), decision.line)
    if key in settled.rows:
        problems.append(Problem(node.src, f"{text} is decided twice (also at line "
                                          f"{settled.rows[key].src.line}); keep one decision", where))
        return
    settled.rows[key] = decision


def _text(item: Map, key: str) -> str:
    node = item.get(key)
    if isinstance(node, Scalar) and node.value is not None and node.value is not True:
        return " ".join(str(node.value).split())
    return ""


def question(file: str, line: int, what: str, answers: list[str]) -> str:
    """A question the evidence leaves open, with the decisions-file entries that would settle it."""
    options = "\n    or\n".join(answers)
    return f"{what}. Settle it in writing in the decisions file, with the reason:\n{options}"
