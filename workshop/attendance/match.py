"""Who is who: report rows matched to roster rows, or gathered into people when the report is
the roster.

A row matches a roster row by email first, then by name (case, accents, punctuation and the
platform's marks such as "(External)" ignored, "Lee, Ann" read as "Ann Lee"; otherwise the words
in their order, so "Park Lee Ann" is not "Lee Ann Park"; a renamed Zoom user matches by either
name). What the evidence leaves open is never guessed: a name that fits two roster rows, a name
match whose email is another address, one name under two emails. Each is a question for the
decisions file (:mod:`workshop.record.settled`), and the build lists them all. Hosts,
organizers, panelists and the outline's presenters are staff: listed, never certified.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field

from workshop import model as m
from workshop.attendance.names import plain_name
from workshop.attendance.report import Join
from workshop.errors import Problem, Src
from workshop.record.settled import Settled, question
from workshop.roster import Attendee, Roster


def name_key(name: str) -> str:
    """A name compared without case, accents or punctuation, its words in order ("Lee, Ann" is
    "Ann Lee": the comma says which is the family name)."""
    name = plain_name(name)
    if name.count(",") == 1:
        last, first = (p.strip() for p in name.split(","))
        if last and first and not re.search(r"\b(?:[A-Z]{2,}|Jr|Sr|PhD|MD)\b", first):
            name = f"{first} {last}"
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@dataclass
class Person:
    name: str
    email: str
    how: str  # "email", "name", "roster times", "report only", "staff", "not on the roster"
    attendee: Attendee | None = None
    joins: list[Join] = field(default_factory=list)

    @property
    def where(self) -> str:
        """"zoom.csv rows 5, 9; teams.txt row 12": the rows this person's joins came from."""
        by_file: dict[str, list[int]] = {}
        for j in self.joins:
            by_file.setdefault(j.source, []).append(j.line)
        return "; ".join(f"{f} row{'s' if len(lines) > 1 else ''} {', '.join(map(str, sorted(set(lines))))}"
                         for f, lines in by_file.items())


def _keys(join: Join) -> set[str]:
    return {k for k in (name_key(n) for n in join.names) if k}


def _is_presenter(join: Join, presenters: tuple[m.Presenter, ...]) -> bool:
    names = {name_key(p.name) for p in presenters}
    emails = {p.email.casefold() for p in presenters if p.email}
    return bool(join.email and join.email in emails) or bool(_keys(join) & names)


#: Brackets after a display name that may or may not hold the person's name.
_UNSURE = ("other", "original name")


def _settle(joins: list[Join], settled: Settled, ignored: list[str]) -> list[Join]:
    """The joins with the decisions about their rows applied: rows that are nobody left out (and
    named in ``ignored``), names given in writing put in place."""
    out = []
    for join in joins:
        d = settled.row(join.source, join.line)
        if d is None or d.person:
            out.append(join)
        elif d.nobody:
            ignored.append(f"{join.source} row {join.line} ({join.name}) is nobody to certify: {d.reason} "
                           f"({settled.shown}:{d.src.line})")
        else:
            out.append(dataclasses.replace(join, name=d.name, names=(d.name,)))
    return out


def with_roster(roster: Roster, joins: list[Join], presenters: tuple[m.Presenter, ...],
                problems: list[Problem], settled: Settled | None = None,
                ignored: list[str] | None = None) -> list[Person]:
    """Every roster row as a person with the joins that match it, then the report's staff and the
    people the roster does not have (each gathered by email, else by name)."""
    settled = settled or Settled()
    joins = _settle(joins, settled, ignored if ignored is not None else [])
    emails = {a.email.casefold(): a for a in roster.attendees if a.email}
    for src, listed, _ in settled.same:
        on_roster = {emails[e].row: emails[e] for e in listed if e in emails}
        if len(on_roster) > 1:
            problems.append(Problem(src, "these addresses are " + " and ".join(
                f"{a.name}'s (roster row {a.row})" for a in on_roster.values()) + ": two people on the roster "
                "cannot be one person; correct the decision or the roster", "same person"))
    people = [Person(a.name, a.email, "", a) for a in roster.attendees]
    by_email: dict[str, list[Person]] = {}
    by_name: dict[str, list[Person]] = {}
    for p in people:
        if p.email:
            by_email.setdefault(p.email.casefold(), []).append(p)
        by_name.setdefault(name_key(p.name), []).append(p)
    others: list[Join] = []
    for join in joins:
        decided = settled.row(join.source, join.line)
        if decided is not None and decided.person:
            wanted = decided.person.casefold()
            chosen = by_email.get(wanted) or by_name.get(name_key(decided.person), [])
            if len(chosen) != 1:
                problems.append(Problem(decided.src, f"person: {decided.person!r} is "
                                        f"{'no' if not chosen else 'more than one'} roster person; give the email "
                                        "or the name exactly as the roster has it", "row"))
                continue
            chosen[0].joins.append(join)
            chosen[0].how = "decided in writing"
            continue
        found = by_email.get(settled.alias(join.email), []) if join.email else []
        how = "email"
        if not found:
            found = list({id(p): p for k in _keys(join) for p in by_name.get(k, [])}.values())
            how = "name"
        if len(found) > 1:
            rows = " and ".join(str(p.attendee.row) for p in found)
            problems.append(Problem(Src(join.source, join.line, 1), f"{join.name!r} ({join.email or 'no email'}) "
                                    f"matches roster rows {rows} by {how}; give each of them their email in the roster "
                                    "so that the report's rows can be told apart"))
        elif found:
            person = found[0]
            named = [p for k in _keys(join) for p in by_name.get(k, []) if p is not person]
            if how == "email" and named and name_key(person.name) not in _keys(join):
                # The row's email is one roster person's and its name another's: either reading
                # would certify someone on the strength of a row that may not be theirs.
                problems.append(Problem(Src(join.source, join.line, 1),
                                        f"this row names {join.name!r} (roster row {named[0].attendee.row}) but its "
                                        f"email {join.email} is {person.name}'s (roster row {person.attendee.row}); "
                                        "correct the email in the roster or the report"))
                continue
            if join.staff:
                problems.append(_row_question(
                    join, f"{join.name!r} is a host or panelist in this report, and roster row "
                          f"{person.attendee.row}'s {person.name}: staff are not certified, attendees are",
                    f"person: {person.email or person.name}", "nobody: true"))
                continue
            if how == "name" and join.email and person.email and join.email != person.email.casefold():
                problems.append(_row_question(
                    join, f"this row's name {join.name!r} is roster row {person.attendee.row}'s ({person.name}), "
                          f"but its email {join.email} is not theirs ({person.email})",
                    f"person: {person.email}", "nobody: true"))
                continue
            person.joins.append(join)
            if person.how != "email":
                person.how = how
        else:
            others.append(join)
    for person in people:
        if not person.joins:
            person.how = "absent"
    return people + [p for p in gather(others, presenters, problems, settled) if p.joins]


def _row_question(join: Join, said: str, *answers: str) -> Problem:
    """``said`` of the report's row ``join``, asked as a question the decisions file answers with
    one of ``answers`` (each a ``key: value`` of a decision on the row)."""
    row = f"  - row: {_file(join)}:{join.line}\n"
    return Problem(Src(join.source, join.line, 1),
                   question(join.source, join.line, said, [f"{row}    {answer}\n    reason: ..." for answer in answers]))


def _file(join: Join) -> str:
    from pathlib import Path

    return Path(join.source).name


def gather(joins: list[Join], presenters: tuple[m.Presenter, ...], problems: list[Problem],
           settled: Settled | None = None, ignored: list[str] | None = None) -> list[Person]:
    """The people in report rows: one per email (addresses settled as one person's count as one);
    a row without email joins the person with that name (a phone join), or is a person of its
    own. One name under two addresses is a question, unless settled."""
    settled = settled or Settled()
    if ignored is not None:  # called on its own: the report is the roster, and its names are printed
        joins = _settle(joins, settled, ignored)
        for join in joins:
            if join.bracket_kind in _UNSURE and not settled.row(join.source, join.line) and not join.staff:
                problems.append(_row_question(
                    join, f"the display name {join.display + ' (' + join.bracket + ')'!r} has a bracket that is not "
                          "a credential, pronouns or a device (Zoom writes a renamed person's account name there, but "
                          "a job title or an employer looks the same), so the name to print is not known",
                    f"name: {join.display}", f"name: {join.bracket}"))
        joins = [j for j in joins if not (j.bracket_kind in _UNSURE and not settled.row(j.source, j.line)
                                          and not j.staff)]
    joins = [dataclasses.replace(j, email=settled.alias(j.email)) if j.email else j for j in joins]
    asked: set[tuple[str, str]] = set()
    people: list[Person] = []
    by_email: dict[str, Person] = {}
    by_name: dict[str, list[Person]] = {}
    for join in sorted(joins, key=lambda j: (not j.email, j.source, j.line)):
        staff = join.staff or _is_presenter(join, presenters)
        if join.email and join.email in by_email:
            person = by_email[join.email]
        else:
            fits = list({id(p): p for k in _keys(join) for p in by_name.get(k, [])}.values())
            if len(fits) > 1 and not join.email:
                problems.append(Problem(Src(join.source, join.line, 1), f"{join.name!r} has no email and matches "
                                        f"{' and '.join(repr(p.name) + ' (' + p.where + ')' for p in fits)} by name; "
                                        "give a roster with emails (--roster) to tell them apart"))
                continue
            if fits and (not join.email or not fits[0].email):
                person = fits[0]
                person.email = person.email or join.email
            elif fits and not staff and not settled.distinct(join.email, fits[0].email) \
                    and (fits[0].email, join.email) not in asked:
                asked.add((fits[0].email, join.email))
                first = fits[0].joins[0]
                problems.append(Problem(Src(join.source, join.line, 1), question(
                    join.source, join.line,
                    f"{join.name!r} joined as {join.email} here and as {fits[0].email} at {first.source} row "
                    f"{first.line}: one person on two devices, or two people with one name?",
                    [f"  - same person: [{fits[0].email}, {join.email}]\n    reason: ...",
                     f"  - different people: [{fits[0].email}, {join.email}]\n    reason: ..."])))
                continue
            else:
                person = Person(join.name, join.email, "report only")
                people.append(person)
            if join.email:
                by_email[join.email] = person
            for k in _keys(join):
                by_name.setdefault(k, []).append(person) if person not in by_name.get(k, []) else None
        person.joins.append(join)
        if staff:
            person.how = "staff"
    return people
