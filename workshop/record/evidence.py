"""evidence/: a copy of every input a certificate was decided from, kept for an audit.

Each file is stored under its SHA-256 (``evidence/<first 16 hex digits>-<its name>``), so a
corrected roster is added beside the old one, never over it, and the same file given twice is
kept once. ``evidence/manifest.csv`` lists every file with its full SHA-256, what it was (the
outline, a roster, an attendance report, the decisions file), the name it was given as and the
date it was first used; the ledger names, for each certificate version, the evidence files it was
decided from. Files are only ever added.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

FOLDER = "evidence"
MANIFEST = "manifest.csv"
COLUMNS = ["file", "sha256", "role", "given_as", "added"]


@dataclass(frozen=True)
class Piece:
    path: Path
    role: str  # "outline", "roster", "attendance report", "decisions"
    sha256: str

    @property
    def stored(self) -> str:
        name = re.sub(r"[^A-Za-z0-9._-]+", "-", self.path.name).strip("-.") or "file"
        return f"{self.sha256[:16]}-{name}"


def pieces(inputs: list[tuple[str, Path]]) -> list[Piece]:
    """The inputs as evidence, each with its SHA-256; the same file named twice is kept once."""
    out: dict[str, Piece] = {}
    for role, path in inputs:
        data = Path(path).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        out.setdefault(digest, Piece(Path(path), role, digest))
    return list(out.values())


def names(found: list[Piece]) -> str:
    """How the ledger names the evidence of a certificate version: its stored files."""
    return "; ".join(f"{FOLDER}/{p.stored}" for p in found)


def write(kit: Path, staged: Path, found: list[Piece], added: str) -> list[Path]:
    """Copy into ``staged/evidence`` the pieces the kit does not hold yet, and the manifest with
    the kit's old rows and the new ones. Returns the files written."""
    old_rows = _rows(kit / FOLDER / MANIFEST)
    have = {r["sha256"] for r in old_rows}
    new = [p for p in found if p.sha256 not in have]
    if not new:
        return []
    folder = staged / FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for p in new:
        target = folder / p.stored
        shutil.copyfile(p.path, target)
        written.append(target)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in old_rows:
        writer.writerow([r.get(c, "") for c in COLUMNS])
    for p in new:
        writer.writerow([p.stored, p.sha256, p.role, p.path.name, added])
    (folder / MANIFEST).write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return written + [folder / MANIFEST]


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))
