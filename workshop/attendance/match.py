"""Who is who: report rows matched to roster rows, or gathered into people when the report is
the roster.

A row matches a roster row by email first, then by name (case, accents, word order and the
platform's marks such as "(External)" ignored; a renamed Zoom user matches by either name). A
name that fits two roster rows is not guessed: it is a problem naming both rows. Hosts,
organizers, panelists and the outline's presenters are staff: listed, never certified.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop import model as m
from workshop.attendance.report import Join, name_key
from workshop.errors import Problem, Src
from workshop.roster import Attendee, Roster


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


def with_roster(roster: Roster, joins: list[Join], presenters: tuple[m.Presenter, ...],
                problems: list[Problem]) -> list[Person]:
    """Every roster row as a person with the joins that match it, then the report's staff and the
    people the roster does not have (each gathered by email, else by name)."""
    people = [Person(a.name, a.email, "", a) for a in roster.attendees]
    by_email: dict[str, list[Person]] = {}
    by_name: dict[str, list[Person]] = {}
    for p in people:
        if p.email:
            by_email.setdefault(p.email.casefold(), []).append(p)
        by_name.setdefault(name_key(p.name), []).append(p)
    others: list[Join] = []
    for join in joins:
        found = by_email.get(join.email, []) if join.email else []
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
            person.joins.append(join)
            if person.how != "email":
                person.how = how
        else:
            others.append(join)
    for person in people:
        if not person.joins:
            person.how = "absent"
    return people + [p for p in gather(others, presenters, problems) if p.joins]


def gather(joins: list[Join], presenters: tuple[m.Presenter, ...], problems: list[Problem]) -> list[Person]:
    """The people in report rows: one per email; a row without email joins the person with that
    name (a phone join), or is a person of its own."""
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
