"""What the evaluation responses say, item by item: the tallies the summary prints, and the
response rate against the attendees. Pure values, read by :mod:`workshop.evalresponses`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from workshop.errors import display_path
from workshop.evalitems import Item
from workshop.i18n import tr, trn


@dataclass(frozen=True)
class Tally:
    """How often each point of the scale was given to one item; ``asked`` is False when no
    column of the responses held it."""

    item: Item
    counts: tuple[int, int, int, int, int]
    asked: bool = True

    @property
    def responses(self) -> int:
        return sum(self.counts)

    @property
    def mean(self) -> Decimal | None:
        return mean(self.counts)


@dataclass(frozen=True)
class Comments:
    question: str
    answers: tuple[str, ...]  # in the order of the rows
    asked: bool = True


@dataclass(frozen=True)
class Evaluations:
    """What the responses say, item by item; ``source`` is the file they were read from."""

    source: Path
    responses: int  # rows with at least one answer
    tallies: tuple[Tally, ...]
    comments: tuple[Comments, ...]
    warnings: tuple[str, ...] = ()

    @property
    def ratings(self) -> int:
        return sum(t.responses for t in self.tallies)

    @property
    def mean(self) -> Decimal | None:
        """The mean of every rating given to any item."""
        return mean([sum(t.counts[k] for t in self.tallies) for k in range(5)])


def mean(counts) -> Decimal | None:
    """The mean rating of ``counts`` (how many gave 1, 2, ... 5) to two decimals, halves rounded
    up; None with no ratings."""
    given = sum(counts)
    if not given:
        return None
    total = sum(n * count for n, count in enumerate(counts, 1))
    return (Decimal(total) / Decimal(given)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def attendees(roster, attendance=None) -> int | None:
    """How many were there: the response rate's denominator; None without a roster or reports.
    From attendance reports, everyone who joined other than hosts and presenters, with or without
    a certificate (a person who left early could still answer the form); else the roster's
    attendees marked as attended."""
    if attendance is not None:
        return sum(1 for d in attendance.decisions if d.joined is not None and d.how != "staff")
    if roster is None:
        return None
    return sum(1 for a in roster.attendees if a.attended)


def percent(part: int, whole: int) -> int:
    """``part`` of ``whole`` in whole percent, halves rounded up."""
    return int((Decimal(100 * part) / Decimal(whole)).quantize(Decimal(1), ROUND_HALF_UP))


def response_rate(evaluations: Evaluations, present: int | None, language: str = "en") -> str:
    """The responses against the ``present`` attendees (:func:`attendees`), in words: "18
    responses from 24 attendees (75%)" (in ``language``: the summary's; the command line's is English)."""
    count = trn(language, "{n} response", "{n} responses", evaluations.responses)
    if present is None:
        return tr(language, "{count}; response rate unknown (build with --roster or --attendance to count the "
                            "attendees)", count=count)
    people = trn(language, "{n} attendee", "{n} attendees", present)
    if not present or evaluations.responses > present:
        return tr(language, "{count} from {people}: more responses than attendees", count=count, people=people)
    return tr(language, "{count} from {people} ({percent}%)", count=count, people=people,
              percent=percent(evaluations.responses, present))


def rate_warnings(evaluations: Evaluations, present: int | None) -> list[str]:
    """A warning when there are more responses than attendees: the responses of another workshop
    mixed in, or a roster short of names."""
    if present is None or evaluations.responses <= present:
        return []
    return [f"{display_path(evaluations.source)}: {evaluations.responses} responses but {present} attendees; are the "
            "responses all from this workshop, and is everyone who came on the roster?"]
