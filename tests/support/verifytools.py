"""Shared helpers for the verification-site tests: sample records, the DCC verifier, a local web
server and the headless-Chromium driver (tests/verifier/*.mjs)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import http.server
import json
import shutil
import subprocess
import threading
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from workshop.verify import CertificateRecord, Revoked, Superseded

VERIFIER = Path(__file__).resolve().parent.parent / "verifier"
TEMPLATE = "https://certs.example.org/verify/{id}"

BASE = CertificateRecord(
    id="20260314-7QX2M4KD", version=1, name="Ana López", licence="LPC 10512", hours=Decimal("3"),
    unit="contact hours", title="Relationship: What It's All About",
    description="The therapeutic relationship: what research says and how to build it.",
    dates=(dt.date(2026, 3, 14),), provider="Sunrise Consulting", provider_url="https://sunrise.example.org/",
    approvals=("Approved by the Example Board of Professional Counselors, provider #123.",),
    issued=dt.date(2026, 3, 14), status_index=0)


def sample_records() -> list[CertificateRecord]:
    """Valid, partial, revoked, superseded-by-another-id and a reissued (two-version) certificate."""
    r = dataclasses.replace
    return [
        BASE,
        r(BASE, id="20260314-PARTIAL1", name="Bo Chen", licence="", hours=Decimal("2.25"),
          hours_available=Decimal("3"), status_index=1),
        r(BASE, id="20260314-REVOKED1", name="Cy Diaz", licence="LMFT 0042", status_index=2,
          status=Revoked("issued in error", dt.date(2026, 3, 20))),
        r(BASE, id="20260314-OLD00001", name="Di Evans", status_index=3, status=Superseded("20260314-NEW00001", 1)),
        r(BASE, id="20260314-NEW00001", name="Di Evans", status_index=4, issued=dt.date(2026, 3, 21),
          approvals=("Board A, provider 1.", "Board B, provider 2.")),
        r(BASE, id="20260314-TWICE001", name="Ed Fox", status_index=5, status=Superseded("20260314-TWICE001", 2)),
        r(BASE, id="20260314-TWICE001", version=2, name="Ed Fox", status_index=6, issued=dt.date(2026, 3, 22),
          dates=(dt.date(2026, 3, 14), dt.date(2026, 3, 15))),
    ]


@functools.cache
def node_ready() -> Path:
    """tests/verifier with its npm packages (installed as tests/install-system-packages.sh does)."""
    if not (VERIFIER / "node_modules" / ".package-lock.json").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=VERIFIER, check=True)
    return VERIFIER


def dcc_verify(status_list: Path, credentials: list[Path]) -> list[dict]:
    """The Digital Credentials Consortium verifier's verdict on each credential file."""
    folder = node_ready()
    proc = subprocess.run(["node", "verify.mjs", str(status_list), *map(str, credentials)], cwd=folder,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is missing: run tests/install-system-packages.sh"
    return path


def browse(base_url: str, steps: list[dict]) -> list[dict]:
    """Each step ({"open": path} or {"lookup": typed text}) as headless Chromium saw it."""
    folder = node_ready()
    proc = subprocess.run(["node", "browse.mjs", chromium(), base_url, json.dumps(steps)], cwd=folder,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def browse_site(folder: Path, steps: list[dict]) -> tuple[str, list[dict]]:
    """The site in ``folder`` served while Chromium takes ``steps``: its address, and what each step saw."""
    with serve(folder) as base:
        return base, browse(base, steps)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(folder: Path):
    """``folder`` over http://127.0.0.1:<free port>/ for the length of the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
