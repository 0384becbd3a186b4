"""The certificates' files in a kit, and the fingerprint of their design.

The names here are the ones the certificates' output owns (:mod:`workshop.outputs`), the record
checks (:mod:`workshop.record.plan`), ``revoke`` rewrites and ``send`` attaches: one place, so no
caller spells a certificate file name of its own.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from workshop import model as m
from workshop.builders.context import BuildContext
from workshop.record import evidence, ledger

FILENAME = "certificates.pdf"
LEDGER = ledger.FILENAME
SPLIT_DIR = "certificates"
ATTENDANCE = "attendance.csv"
EVIDENCE_DIR = evidence.FOLDER
VERIFY_DIR = "verify"
#: Raised whenever the certificate's layout changes, so that a kit's issued certificates are not
#: printed anew in another layout without a word (see :func:`design`).
LAYOUT = "4"


def safe_filename(text: str) -> str:
    """ASCII letters, digits and dashes only: safe on every file system and in every mail client."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:40]


def _file_digest(path: Path | None) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path and Path(path).is_file() else ""


def design(ctx: BuildContext) -> str:
    """A fingerprint of everything every certificate of this workshop prints alike, so that a build
    that would print issued certificates differently says so (the ledger keeps it per version)."""
    return design_of(ctx.workshop, bool(ctx.attendance and ctx.attendance.online))


def design_of(w: m.Workshop, online: bool) -> str:
    ce = w.ce
    parts = [LAYOUT, w.location, w.date_style, online,
             w.theme.primary, w.theme.accent, w.theme.print_ink, _file_digest(w.theme.logo)]
    if ce is not None:
        # one statement written as ce.approval keeps the fingerprint it had before ce.approvals
        single = len(ce.approvals) == 1 and ce.approvals[0].where == "ce.approval"
        statements = () if single else tuple((a.statement, a.licences) for a in ce.approvals)
        parts += [ce.provider, ce.approvals[0].statement if single else "", repr(statements), ce.unit,
                  ce.verify_url, _file_digest(ce.seal)]
    parts += [(p.name, p.credentials, _file_digest(p.signature)) for p in w.presenters[:3]]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]
