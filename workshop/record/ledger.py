"""certificates.csv: the issued certificates, one row per issued version, append-only.

A certificate belongs to a person (their email, else their name and licence), not to the name
printed on it, so a corrected name is a change to that person's certificate. A build works out
what the evidence certifies now (:mod:`workshop.record.decide`) and compares it with the kit's
ledger (:func:`reconcile`):

* a person certified as before keeps their record: same id, same date of issue;
* a person new to the evidence gets a new record, issued by this build;
* a change to an issued certificate (name, licence, hours, title, date, or what is printed on
  every certificate) stops the build with the list of changes; with ``--reissue REASON`` each
  becomes a new version with its own id, and the old row stays, marked superseded, with the
  reason and the date;
* an issued certificate the evidence no longer supports stops the build: it is withdrawn only by
  ``workshop revoke``, which marks it revoked.

A ledger written by an earlier version (no version or status columns) is read as issued records.
"""

from __future__ import annotations

import base64
import csv
import dataclasses
import datetime as dt
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from workshop.errors import InputError, Problem, Src, display_path

FILENAME = "certificates.csv"
_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")
VALID, SUPERSEDED, REVOKED = "valid", "superseded", "revoked"
#: Columns in the order they are written; the first ten are those of earlier versions' ledgers.
COLUMNS = ["certificate_id", "name", "email", "license", "hours", "title", "date", "provider", "page",
           "page_sha256", "score", "minutes_present", "minutes_missed", "file", "file_sha256", "version", "status",
           "issued", "status_date", "reason", "supersedes", "person", "design", "evidence", "format", "reprints"]
#: What a change to is a change to the certificate, in the words a list of changes uses.
FACTS = (("name", "name"), ("email", "e-mail address"), ("license", "licence"), ("hours", "hours"),
         ("title", "title"), ("date", "date"))


@dataclass(frozen=True)
class Record:
    """One issued version of one person's certificate, as the ledger keeps it (text, as printed)."""

    certificate_id: str
    name: str
    email: str = ""
    license: str = ""
    hours: str = ""
    title: str = ""
    date: str = ""
    provider: str = ""
    page: str = ""
    page_sha256: str = ""
    score: str = ""
    minutes_present: str = ""
    minutes_missed: str = ""
    file: str = ""
    file_sha256: str = ""
    version: str = "1"
    status: str = VALID
    issued: str = ""
    status_date: str = ""
    reason: str = ""
    supersedes: str = ""
    person: str = ""
    design: str = ""  # a fingerprint of what every certificate of the kit prints alike
    evidence: str = ""  # the evidence/ files this version was decided from
    format: str = ""  # "live online" when decided from a meeting platform's reports
    reprints: str = ""  # SHA-256 of the page in later print files (another page order), "; "-joined

    @property
    def valid(self) -> bool:
        return self.status == VALID

    def row(self) -> list[str]:
        return [neutralise(getattr(self, c)) for c in COLUMNS]


def neutralise(value: str) -> str:
    """A cell a spreadsheet would run as a formula is prefixed with an apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _unneutralise(value: str) -> str:
    return value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r") else value


def person_key(name: str, email: str, license: str) -> str:
    """Who a certificate belongs to: their email, else their name and licence."""
    if email.strip():
        return "email:" + email.strip().casefold()
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return "name:" + folded + ("|license:" + " ".join(license.casefold().split()) if license.strip() else "")


def certificate_id(date: dt.date, provider: str, person: str, delivery: str = "") -> str:
    """``YYYYMMDD-XXXXXXXX``: the workshop date, then eight Crockford base-32 characters of a
    SHA-256 over the provider, the date, the delivery (the workshop's title and start, so two
    sessions on one day never share an id) and the person; the same person at the same delivery
    always gets the same id, whatever the name printed."""
    key = "\x1f".join([provider, str(date), delivery, person])
    code = base64.b32encode(hashlib.sha256(key.encode("utf-8")).digest()).decode("ascii")[:8].translate(_CROCKFORD)
    return f"{date:%Y%m%d}-{code}"


def read(path: Path) -> list[Record]:
    """The records of a kit's ledger; [] when there is none. Refused when it cannot be read: the
    ledger is the record of what was issued, and building over it blind could issue twice."""
    if not path.is_file():
        return []
    shown = display_path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise InputError(Problem(Src(shown), f"the kit's ledger cannot be read ({exc}); restore it from a "
                                             "backup, or build this delivery into a new folder with --out")) from None
    records = []
    for number, row in enumerate(rows, start=2):
        if not row.get("certificate_id"):
            raise InputError(Problem(Src(shown), "a row without a certificate_id: the ledger was edited; restore "
                                                 "it from a backup", f"row {number}"))
        values = {c: _unneutralise(row.get(c) or "") for c in COLUMNS}
        values["version"] = values["version"] or "1"
        values["status"] = values["status"] or VALID
        values["issued"] = values["issued"] or values["date"]
        if values["status"] not in (VALID, SUPERSEDED, REVOKED):
            raise InputError(Problem(Src(shown), f"status {values['status']!r} is not valid, superseded or revoked: "
                                                 "the ledger was edited; restore it from a backup", f"row {number}"))
        values["person"] = values["person"] or person_key(values["name"], values["email"], values["license"])
        records.append(Record(**values))
    return records


def write(path: Path, records: list[Record]) -> Path:
    """Write the ledger (UTF-8 with a byte-order mark, so that Excel opens every script right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow(record.row())
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return path


@dataclass(frozen=True)
class Wanted:
    """What the evidence says one person's certificate must print now."""

    person: str
    name: str
    email: str
    license: str
    hours: str
    title: str
    date: str
    provider: str
    score: str = ""
    minutes_present: str = ""
    minutes_missed: str = ""
    reason: str = ""  # why not certified, for a person the evidence no longer certifies
    certified: bool = True
    format: str = ""


@dataclass(frozen=True)
class Plan:
    """The ledger as this build leaves it, and which of its records this build issues."""

    records: tuple[Record, ...]
    new: frozenset[str]  # ids issued by this build
    basis: tuple[tuple[str, str], ...] = ()  # (id, status) of each record of the ledger it was planned on


def reconcile(old: list[Record], wanted: list[Wanted], *, date: dt.date, provider: str, design: str,
              issued: dt.date, reissue: str = "", evidence: str = "", ledger_shown: str = FILENAME,
              delivery: str = "") -> Plan:
    """The new ledger: ``old`` kept, ``wanted`` added to it. Raises :class:`InputError` listing
    every change to an issued certificate, unless ``reissue`` gives the reason to make new versions."""
    current = {r.person: r for r in old if r.status != SUPERSEDED}
    problems: list[str] = []
    changes: list[tuple[Record, Wanted]] = []
    other_dates = sorted({r.date for r in old if r.valid and r.date and r.date != str(date)})
    if other_dates and not reissue:
        raise InputError(Problem(Src(ledger_shown), f"this kit holds certificates issued for the delivery of "
                                 f"{', '.join(other_dates)}, and the outline's date is {date}. A new delivery of the "
                                 "same workshop gets its own kit: build it into its own folder (--out). If the date "
                                 "on the issued certificates was wrong, build with --reissue \"REASON\" to issue "
                                 "corrected versions"))
    records = list(old)
    new: set[str] = set()
    seen: set[str] = set()
    moved = _moved(current, wanted)
    for w in wanted:
        seen.add(moved.get(w.person, w.person))
        before = current.get(moved.get(w.person, w.person))
        if before is None:
            if w.certified:
                records.append(_issue(w, date, provider, design, issued, evidence, version=1, supersedes="",
                                      delivery=delivery))
                new.add(records[-1].certificate_id)
            continue
        if before.status == REVOKED:
            if w.certified:
                problems.append(f"{before.certificate_id} ({before.name}) was revoked on {before.status_date} "
                                f"({before.reason}), and the evidence now certifies them")
                changes.append((before, w))
            continue
        if not w.certified:
            problems.append(f"{before.certificate_id} ({before.name}) was issued on {before.issued}, and the evidence "
                            f"no longer certifies them ({w.reason}); to withdraw it: workshop revoke OUTLINE "
                            f"{before.certificate_id} --reason \"...\"")
            continue
        differs = _differences(before, w, design)
        if differs:
            problems.append(f"{before.certificate_id} ({before.name}): " + "; ".join(differs))
            changes.append((before, w))
    for r in old:
        if r.valid and r.person not in seen:
            problems.append(f"{r.certificate_id} ({r.name}) was issued on {r.issued}, and this evidence does not "
                            f"have them; to withdraw it: workshop revoke OUTLINE {r.certificate_id} --reason \"...\"")
    withdrawals = [p for p in problems if "workshop revoke" in p]
    if withdrawals or (problems and not reissue):
        listed = "\n  ".join(problems)
        hint = ("" if withdrawals and len(withdrawals) == len(problems) else
                "\nIf these changes are corrections, build again with --reissue \"REASON\": each becomes a new "
                "version and the ledger keeps the old one, marked superseded. If they are not, correct the evidence.")
        raise InputError(Problem(Src(ledger_shown), f"this build would change {len(problems)} issued "
                                 f"certificate{'s' if len(problems) != 1 else ''}:\n  {listed}{hint}"))
    when = str(issued)
    for before, w in changes:
        index = records.index(before)
        records[index] = dataclasses.replace(before, status=SUPERSEDED, status_date=when, reason=reissue, page="")
        root = re.sub(r"-V\d+$", "", before.certificate_id)
        version = int(before.version) + 1
        records.append(_issue(w, date, provider, design, issued, evidence, version=version,
                              supersedes=before.certificate_id, root=root))
        new.add(records[-1].certificate_id)
    return Plan(tuple(records), frozenset(new), tuple((r.certificate_id, r.status) for r in old))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _moved(current: dict[str, Record], wanted: list[Wanted]) -> dict[str, str]:
    """New person keys that are an issued record's person under another address: the same licence
    number, or (neither having one) the same name, with nobody else in the evidence fitting. A
    corrected e-mail address is then a change to that person's certificate, not a new person."""
    keys = {w.person for w in wanted}
    orphans = [r for r in current.values() if r.valid and r.person not in keys]
    moved: dict[str, str] = {}
    for w in wanted:
        if w.person in current or not w.certified:
            continue
        fits = [r for r in orphans if (_fold(r.license) and _fold(r.license) == _fold(w.license))
                or (not _fold(r.license) and not _fold(w.license) and _fold(r.name) == _fold(w.name))]
        if len(fits) == 1:
            moved[w.person] = fits[0].person
            orphans.remove(fits[0])
    return moved


def revoke(old: list[Record], certificate: str, reason: str, when: dt.date, shown: str) -> list[Record]:
    """The ledger with ``certificate`` marked revoked; refused when it is not a valid record."""
    for k, r in enumerate(old):
        if r.certificate_id == certificate:
            if r.status == REVOKED:
                raise InputError(Problem(Src(shown), f"{certificate} was already revoked on {r.status_date} "
                                                     f"({r.reason})"))
            if r.status == SUPERSEDED:
                raise InputError(Problem(Src(shown), f"{certificate} was superseded on {r.status_date}; revoke "
                                                     "the version that replaced it"))
            return old[:k] + [dataclasses.replace(r, status=REVOKED, status_date=str(when), reason=reason,
                                                  page="")] + old[k + 1:]
    valid = [r.certificate_id for r in old if r.valid]
    raise InputError(Problem(Src(shown), f"no certificate {certificate} in this kit's ledger"
                                         + (f" (its certificates: {', '.join(valid[:5])}"
                                            f"{' ...' if len(valid) > 5 else ''})" if valid else "")))


def _issue(w: Wanted, date: dt.date, provider: str, design: str, issued: dt.date, evidence: str, *, version: int,
           supersedes: str, root: str = "", delivery: str = "") -> Record:
    base = root or certificate_id(date, provider, w.person, delivery)
    cid = base if version == 1 else f"{base}-V{version}"
    return Record(cid, w.name, w.email, w.license, w.hours, w.title, w.date, w.provider, score=w.score,
                  minutes_present=w.minutes_present, minutes_missed=w.minutes_missed, version=str(version),
                  status=VALID, issued=str(issued), supersedes=supersedes, person=w.person, design=design,
                  evidence=evidence, format=w.format)


def _differences(before: Record, w: Wanted, design: str) -> list[str]:
    out = [f"{label} {getattr(before, field)!r} would become {getattr(w, field)!r}"
           for field, label in FACTS if getattr(before, field) != getattr(w, field)]
    if before.design and before.design != design:
        out.append("what every certificate prints alike (provider, approval statements, presenters and signatures, "
                   "location, theme, logo, seal, verification address, or the certificate's layout) changed since "
                   "it was issued")
    return out
