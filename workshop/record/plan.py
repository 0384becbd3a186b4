"""From the checked evidence to the record a build leaves: the decisions with the knowledge check
applied, the kit's ledger reconciled with them, and the evidence to keep.

Certificates are issued only on or after the workshop's date: a build before it (to print the
sign-in sheet with the roster's names, say) makes no records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

from workshop import certfiles
from workshop.builders.context import BuildContext
from workshop.certfiles import design
from workshop.errors import InputError, Problem, Src, display_path
from workshop.kitdir import MANIFEST, read_manifest
from workshop.record import decide, evidence, ledger
from workshop.schedule import hours

#: Top-level names in the kit whose files are records: a build adds to them, never removes.
KEPT = (certfiles.EVIDENCE_DIR, certfiles.SPLIT_DIR)


#: The kit's record files, checked against the SHA-256 the kit's manifest holds for each before
#: any command reads them: a record deleted or edited by hand is never taken as issued.
RECORD_FILES = (certfiles.LEDGER, certfiles.ATTENDANCE)
RECORD_FOLDERS = (certfiles.EVIDENCE_DIR + "/",)


def kit_records(out_dir: Path) -> list[ledger.Record]:
    """The issued records of the kit at ``out_dir``; none when it is not a kit workshop made.
    Refused when a record file the kit wrote is missing or was changed since."""
    out_dir = Path(out_dir)
    if not (out_dir / MANIFEST).is_file():
        return []
    intact(out_dir)
    return ledger.read(out_dir / ledger.FILENAME)


def intact(kit: Path) -> None:
    """Every record file the manifest lists is there, as workshop wrote it."""
    import hashlib

    manifest = read_manifest(kit)
    listed = manifest.get("files", {}) if manifest is not None else None
    if not isinstance(listed, dict):
        return  # the build itself refuses a damaged manifest, naming it
    problems = []
    for name, digest in sorted(listed.items()):
        if not isinstance(name, str) or not isinstance(digest, str) or ".." in name.split("/") or name.startswith("/"):
            continue  # a damaged entry: the build refuses the manifest itself
        if name not in RECORD_FILES and not name.startswith(RECORD_FOLDERS):
            continue
        path = kit / name
        shown = f"{display_path(kit)}/{name}"
        if not path.is_file():
            problems.append(Problem(Src(shown), "is missing: it is part of the record of the certificates this kit "
                                                "issued. Restore it from a backup; nothing is built over a record "
                                                "with a piece missing"))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(Problem(Src(shown), "was changed after workshop wrote it: it is part of the record of the "
                                                "certificates this kit issued. Restore it from a backup (corrections "
                                                "are made with --reissue or workshop revoke, never by hand)"))
    if problems:
        raise InputError(problems)


def record(ctx: BuildContext, outline: Path, outline_files: tuple[Path, ...], roster: Path | None,
           reports: tuple[Path, ...], reissue: str, settled: Path | None = None) -> BuildContext:
    """``ctx`` with the decisions, the planned ledger and the evidence; raises :class:`InputError`
    when the build would change an issued certificate without ``reissue``."""
    if reissue and not reissue.strip():
        raise InputError(Problem(Src("--reissue"), "say why the certificates are reissued, in words an auditor can "
                                                   "read later"))
    reissue = " ".join(reissue.split())
    old = kit_records(ctx.out_dir)
    ctx = dataclasses.replace(ctx, records_in_kit=bool(old))
    if ctx.roster is None:
        if reissue:
            raise InputError(Problem(Src("--reissue"), "a reissue needs the evidence the new versions are decided "
                                                       "from: give --roster FILE or --attendance REPORT"))
        return ctx
    w, agenda = ctx.workshop, ctx.agenda
    if ctx.attendance is not None:
        decisions = ctx.attendance.decisions
    else:
        decisions = decide.from_roster(ctx.roster, agenda)
    decisions, held = decide.with_scores(decisions, ctx.roster, w.quiz)
    twice = _one_licence_one_person(decisions)
    if twice:
        raise InputError(twice)
    roster_now = dataclasses.replace(ctx.roster, warnings=tuple(ctx.roster.warnings) + tuple(held))
    attendance = (dataclasses.replace(ctx.attendance, decisions=decisions) if ctx.attendance is not None else None)
    ctx = dataclasses.replace(ctx, roster=roster_now, attendance=attendance, decisions=decisions)
    inputs = [("outline", p) for p in (outline_files or (outline,))]
    inputs += [("roster", roster)] if roster is not None else []
    inputs += [("attendance report", p) for p in reports]
    inputs += [("decisions", settled)] if settled is not None else []
    found = evidence.pieces(inputs)
    day = today()
    if day < w.date and not old:
        note = (f"certificates are issued on or after the workshop's date ({w.date}); this build makes none. "
                "Build again with the roster after the workshop")
        return dataclasses.replace(ctx, roster=dataclasses.replace(roster_now, warnings=roster_now.warnings
                                                                   + (note,)), evidence=tuple(found))
    ctx = dataclasses.replace(ctx, evidence=tuple(found), design=design(ctx), reissue=reissue)
    return dataclasses.replace(ctx, plan=_reconcile(ctx, old))


def _reconcile(ctx: BuildContext, old: list[ledger.Record]) -> ledger.Plan:
    w = ctx.workshop
    return ledger.reconcile(old, wanted(ctx), date=w.date, provider=w.ce.provider if w.ce else "",
                            design=ctx.design, issued=today(), reissue=ctx.reissue,
                            evidence=evidence.names(list(ctx.evidence)),
                            ledger_shown=f"{display_path(ctx.out_dir)}/{ledger.FILENAME}",
                            delivery=f"{w.title}\x1f{w.start}")


def _one_licence_one_person(decisions) -> list[Problem]:
    """A licence number on two people's rows would give two certificates to one licensee (or one
    licensee's number to someone else): refused, naming both."""
    first: dict[str, object] = {}
    problems = []
    for x in decisions:
        licence = " ".join(x.license.casefold().split())
        if not x.certified or x.how == "staff" or not licence:
            continue
        earlier = first.setdefault(licence, x)
        if earlier is not x:
            problems.append(Problem(Src(x.where.split(" row")[0] or "roster"),
                                    f"licence {x.license} is on two rows: {earlier.name} ({earlier.where}) and "
                                    f"{x.name} ({x.where}); one licence is one person: correct the licence, or "
                                    "delete the row that is not theirs"))
    return problems


def wanted(ctx: BuildContext) -> list[ledger.Wanted]:
    """What the decisions say each person's certificate must print; one person, one entry."""
    w, agenda = ctx.workshop, ctx.agenda
    full = agenda.ce.awarded if agenda.ce else None
    out, seen = [], {}
    names_of: dict[str, set[str]] = {}
    for x in ctx.decisions:
        if x.email and x.how != "staff":
            names_of.setdefault(x.email.casefold(), set()).add(" ".join(x.name.casefold().split()))
    for x in ctx.decisions:
        if x.how == "staff":
            continue
        a = decide.attendee_of(x)
        key = ledger.person_key(x.name, x.email, a.license)
        if x.email and len(names_of[x.email.casefold()]) > 1:  # an office's shared address: it and the name
            key = ledger.person_key(x.name, "", a.license) + "|email:" + x.email.casefold()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # two rows with one name and no email: the roster warned they may be two people
            key += f"#{seen[key]}"
        earned = x.hours if x.certified else None
        out.append(ledger.Wanted(
            key, x.name, x.email, a.license, hours(earned) if earned is not None and full is not None else "",
            w.title, str(w.date), w.ce.provider if w.ce else "",
            score=_score(a), minutes_present="" if x.present is None else str(x.present),
            minutes_missed="" if x.missed is None else str(x.missed), reason=x.reason, certified=x.certified,
            format="live online" if ctx.attendance is not None and ctx.attendance.online else ""))
    return out


def _score(a) -> str:
    from workshop.quiz.score import shown

    return shown(a.score) if a.score is not None else ""


def today() -> dt.date:
    """The day records are dated by (issued, superseded, revoked): SOURCE_DATE_EPOCH's when set,
    for reproducible builds (the pipeline has checked it), else the calendar's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def refreshed(ctx: BuildContext, kit: Path) -> BuildContext:
    """``ctx`` planned against the kit's ledger as it is now, under the kit's lock: another build
    may have issued certificates since this one read the ledger."""
    if ctx.plan is None:
        return ctx
    now = kit_records(kit)
    if tuple((r.certificate_id, r.status) for r in now) == ctx.plan.basis:
        return ctx
    return dataclasses.replace(ctx, plan=_reconcile(ctx, now))
