"""certificates.pdf and certificates.csv: one landscape page per issued certificate, and the ledger.

What is printed comes from the record (:mod:`workshop.record`): the ledger's valid records, in
the order they were issued, each with the name, licence, hours and date of issue it was issued
with. The drawing that is the same on every page (border, headings, workshop facts, signatures)
is drawn once as a PDF form and placed on each page, so large batches stay fast and small.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
from decimal import Decimal
from pathlib import Path

from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.certfiles import (
    ATTENDANCE,
    FILENAME,
    LEDGER,
    SPLIT_DIR,
    VERIFY_DIR,
    safe_filename,
)
from workshop.certpage import CertificatePainter, is_partial, printed_from
from workshop.record import evidence, ledger
from workshop.record.ledger import neutralise
from workshop.record.plan import wanted
from workshop.schedule import date_text, hours

#: attendance.csv: one row per person in the evidence, with every figure the decision used.
ATTENDANCE_COLUMNS = ["name", "email", "license", "matched", "rows", "joined", "left", "instructional_minutes",
                      "minutes_present", "minutes_missed", "score", "hours", "certificate", "certificate_id", "reason"]


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    """The print file, the ledger, attendance.csv and the new evidence, from the planned record."""
    plan = ctx.plan
    if plan is None:
        return [], []
    workshop, agenda = ctx.workshop, ctx.agenda
    d.require_faces("serif", "serif-bold", "serif-italic", "sans")
    full = agenda.ce.awarded if agenda.ce else None
    valid = [r for r in plan.records if r.valid]
    step = ctx.progress("certificates", len(valid)) if ctx.progress and len(valid) > 200 else None
    online = any(r.format == "live online" for r in valid)
    painter = CertificatePainter(workshop, agenda, ctx.when, online)
    buffer = io.BytesIO()
    canvas = painter.canvas(buffer)
    printed: dict[str, tuple[int, str]] = {}
    page = 1
    for n, r in enumerate(valid, 1):
        attendee, earned = printed_from(r)
        digest = painter.page(canvas, r.certificate_id, attendee, earned, is_partial(earned, full),
                              issued=dt.date.fromisoformat(r.issued))
        printed[r.certificate_id] = (page, digest)
        page += painter.pages(attendee)
        if step and n % 100 == 0:
            step(100)
    if not valid:
        painter.empty(canvas)
    canvas.save()
    path = ctx.out_dir / FILENAME
    path.write_bytes(buffer.getvalue())
    files = [path]
    singles: dict[str, tuple[str, str]] = {}
    if ctx.split and valid:
        singles = _split(painter, ctx.out_dir / SPLIT_DIR, valid, full)
        files += [ctx.out_dir / SPLIT_DIR / name.split("/", 1)[1] for name, _ in singles.values()]
    records = []
    for r in plan.records:
        if r.valid:
            number, digest = printed[r.certificate_id]
            fresh = r.certificate_id in plan.new or not r.page_sha256
            file, file_sha = singles.get(r.certificate_id, (r.file, r.file_sha256))
            reprints = [x for x in r.reprints.split("; ") if x]
            if not fresh and digest != r.page_sha256 and digest not in reprints:
                reprints.append(digest)  # the same certificate on another page of a new print file
            r = dataclasses.replace(r, page=str(number), page_sha256=digest if fresh else r.page_sha256,
                                    file=file, file_sha256=file_sha if fresh or not r.file_sha256 else r.file_sha256,
                                    reprints="; ".join(reprints))
        records.append(r)
    files.append(ledger.write(ctx.out_dir / LEDGER, records))
    if workshop.ce and workshop.ce.verify_url:
        files += _site(ctx, records, full)
    if ctx.decisions:  # a revoke changes the ledger, not the decisions
        files.append(_attendance(ctx.out_dir / ATTENDANCE, ctx, records))
    if plan.new:  # what the new versions were decided from; unchanged records have theirs already
        kit = ctx.out_dir.parent  # the build writes into a staging folder inside the kit
        files += evidence.write(kit, ctx.out_dir, list(ctx.evidence), records[-1].issued)
    return files, []


def _site(ctx: BuildContext, records: list[ledger.Record], full: Decimal | None) -> list[Path]:
    """verify/: a page and a signed Open Badges credential for every version the ledger holds, and
    the signed revocation list (see :mod:`workshop.verify`). The provider's key stays outside the kit."""
    from workshop import verify
    from workshop.errors import InputError, Problem, Src

    w = ctx.workshop
    newer = {r.supersedes: r for r in records if r.supersedes}
    delivery = hashlib.sha256("\x1f".join([w.ce.provider, str(w.date), w.title, str(w.start)]).encode()).hexdigest()
    status_list = f"status-{w.date:%Y%m%d}-{delivery[:8]}.json"  # this delivery's own list on a shared site
    site = []
    for index, r in enumerate(records):  # the ledger's order never changes: each keeps its place in the list
        if r.status == ledger.REVOKED:
            status = verify.Revoked(r.reason, dt.date.fromisoformat(r.status_date))
        elif r.status == ledger.SUPERSEDED and r.certificate_id in newer:
            status = verify.Superseded(newer[r.certificate_id].certificate_id, int(newer[r.certificate_id].version))
        else:
            status = verify.Valid()
        site.append(verify.CertificateRecord(
            id=r.certificate_id, version=1, name=r.name, licence=r.license,
            hours=Decimal(r.hours) if r.hours else Decimal(0), unit=w.ce.unit, title=r.title,
            description=w.subtitle or w.title, dates=(dt.date.fromisoformat(r.date),), provider=r.provider,
            provider_url="", approvals=tuple(a.statement for a in w.ce.approvals if a.applies_to(r.license)),
            issued=dt.date.fromisoformat(r.issued), status_index=index, status=status, hours_available=full,
            status_list=status_list))
    try:
        key = verify.provider_key(w.ce.provider, kit=ctx.out_dir.parent)
        return verify.write_site(site, key, w.ce.verify_url, ctx.out_dir / VERIFY_DIR,
                                 date_text=lambda day: date_text(day, w.date_style, language=w.language),
                                 language=w.language)
    except (verify.KeyProblem, verify.SiteProblem) as exc:
        raise InputError(Problem(Src("ce.verify_url"), str(exc))) from None


def _split(painter: CertificatePainter, folder: Path, valid: list[ledger.Record],
           full: Decimal | None) -> dict[str, tuple[str, str]]:
    """One PDF per valid certificate: id -> (its path in the kit, its SHA-256)."""
    folder.mkdir()
    out = {}
    for r in valid:
        attendee, earned = printed_from(r)
        name = f"{r.certificate_id}-{safe_filename(r.name) or 'attendee'}.pdf"
        buffer = io.BytesIO()
        canvas = painter.canvas(buffer)
        painter.page(canvas, r.certificate_id, attendee, earned, is_partial(earned, full),
                     issued=dt.date.fromisoformat(r.issued))
        canvas.save()
        data = buffer.getvalue()
        (folder / name).write_bytes(data)
        out[r.certificate_id] = (f"{SPLIT_DIR}/{name}", hashlib.sha256(data).hexdigest())
    return out


def _attendance(path: Path, ctx: BuildContext, records: list[ledger.Record]) -> Path:
    """attendance.csv: every decision, with the certificate it gave (UTF-8 with a byte-order mark)."""
    ids = {r.person: r.certificate_id for r in records if r.valid}
    keys = [w.person for w in wanted(ctx)]
    instructional = str(ctx.agenda.instructional_minutes)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ATTENDANCE_COLUMNS)
    people = iter(keys)
    for x in ctx.decisions:
        key = next(people) if x.how != "staff" else ""
        a = x.attendee
        score = ""
        if a is not None and a.score is not None:
            from workshop.quiz.score import shown

            score = shown(a.score)
        row = [x.name, x.email, x.license, x.how, x.where, f"{x.joined:%H:%M:%S}" if x.joined else "",
               f"{x.left:%H:%M:%S}" if x.left else "", instructional if x.present is not None else "",
               "" if x.present is None else str(x.present), "" if x.missed is None else str(x.missed), score,
               hours(x.hours) if x.hours is not None and x.certified else "", "yes" if x.certified else "no",
               ids.get(key, "") if x.certified else "", x.reason]
        writer.writerow([neutralise(cell) for cell in row])
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return path

