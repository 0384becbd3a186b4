"""``workshop verify``: is this certificate file one the kit issued, unchanged?

A file is recognised by what the kit recorded when it made it: the SHA-256 of each page of
``certificates.pdf`` (the ledger's ``page_sha256``), of each single certificate written with
``--split`` (``file_sha256``) and of each attachment ``workshop send`` e-mailed (``sent.csv``).
A file that matches none is not the file issued, whatever it prints; when it names a certificate
id, the answer says which, so the organizer can compare it with the ledger.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from workshop.errors import InputError, Problem, Src, display_path
from workshop.kitdir import MANIFEST
from workshop.record import ledger
from workshop.record.plan import kit_records

_ID = re.compile(r"\b(\d{8}-[0-9A-Z]{8}(?:-V\d+)?)\b")


@dataclass(frozen=True)
class Finding:
    record: ledger.Record | None
    how: str  # what matched, in words; "" when nothing did
    page: int = 0


def kit_of(path: Path) -> Path | None:
    """The kit folder a file sits in (a folder with workshop's manifest), if any."""
    for folder in Path(path).resolve().parents:
        if (folder / MANIFEST).is_file():
            return folder
    return None


def attachments(kit: Path) -> dict[str, str]:
    """SHA-256 of each e-mailed attachment -> certificate id, from sent.csv."""
    path = kit / "sent.csv"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {row["attachment_sha256"]: row["certificate_id"] for row in csv.DictReader(f)
                if row.get("status") == "sent" and row.get("attachment_sha256")}


def verify(target: str, kit: Path) -> list[Finding]:
    """What the kit at ``kit`` knows of ``target``: a certificate id, or a PDF file's pages."""
    records = kit_records(kit)
    if not records:
        raise InputError(Problem(Src(display_path(kit)), "no issued certificates here; give the kit's folder "
                                                         "with --out"))
    by_id = {r.certificate_id: r for r in records}
    path = Path(target)
    if not path.is_file():
        if target in by_id:
            return [Finding(by_id[target], "its id is in the ledger")]
        if _ID.fullmatch(target):
            return [Finding(None, "")]
        raise InputError(Problem(Src(target), "no such file, and not a certificate id (such as 20260314-3MZF0JWT)"))
    data = path.read_bytes()
    whole = hashlib.sha256(data).hexdigest()
    for r in records:
        if r.file_sha256 and r.file_sha256 == whole:
            return [Finding(r, "the whole file is the single certificate the kit wrote")]
    sent = attachments(kit)
    if whole in sent and sent[whole] in by_id:
        return [Finding(by_id[sent[whole]], "the whole file is the certificate workshop send e-mailed")]
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on a damaged file: the answer says it
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(path)
        pages = [(_stream(p) if _as_printed(p) else b"", p.extract_text() or "") for p in reader.pages]
    except (PdfReadError, OSError, ValueError) as exc:
        raise InputError(Problem(Src(display_path(path)), f"not a PDF that can be read ({exc})")) from None
    by_page = {digest: r for r in records for digest in [r.page_sha256, *r.reprints.split("; ")] if digest}
    digests = [hashlib.sha256(stream).hexdigest() for stream, _ in pages]
    found = []
    after_pair = False
    for n, (_, text) in enumerate(pages, 1):
        if after_pair:  # the second page of a certificate matched with its front
            after_pair = False
            continue
        r = by_page.get(digests[n - 1])
        if r is not None:
            found.append(Finding(r, "the page is as the kit printed it", n))
            continue
        # a certificate whose approvals continue on a second page is recorded by the SHA-256 of
        # its two pages' digests, front first (CertificatePainter.page)
        pair = hashlib.sha256((digests[n - 1] + digests[n]).encode("ascii")).hexdigest() if n < len(pages) else ""
        if pair in by_page:
            found.append(Finding(by_page[pair], "the two pages are as the kit printed them", n))
            after_pair = True
            continue
        named = _ID.search(text.replace("\n", " "))
        record = by_id.get(named.group(1)) if named else None
        if named:
            found.append(Finding(record, "", n))
    return found or [Finding(None, "")]


def _as_printed(page) -> bool:
    """Whether nothing was laid over or cut from the page since it was printed: no annotations (a
    stamp or a text box over the hours), and the page's boxes as the kit makes them."""
    if page.get("/Annots"):
        return False
    media = [round(float(v), 2) for v in page.mediabox]
    return all([round(float(v), 2) for v in box] == media for box in (page.cropbox, page.trimbox, page.artbox,
                                                                       page.bleedbox))


def _stream(page) -> bytes:
    contents = page.get_contents()
    return contents.get_data() if contents is not None else b""


def describe(f: Finding) -> str:
    """One line for a finding, as the command prints it."""
    where = f"page {f.page}: " if f.page else ""
    if f.record is None:
        return f"{where}not issued by this kit: no certificate in its ledger has this file or page"
    r = f.record
    facts = f"{r.certificate_id}, {r.name}, {r.hours} hours, issued {r.issued}"
    if not f.how:
        return (f"{where}NOT the file issued: it names {facts}, but its content is not what the kit printed "
                "(changed, or made anew); compare it with the ledger")
    status = {"valid": "valid", "superseded": f"superseded on {r.status_date} ({r.reason}) by a newer version",
              "revoked": f"REVOKED on {r.status_date} ({r.reason})"}[r.status]
    return f"{where}issued by this kit, unchanged ({f.how}): {facts}; status: {status}"
